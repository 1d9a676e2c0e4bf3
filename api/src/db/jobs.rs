//! Jobs: one per document, with a lease. Enqueueing sets the lease; progress extends it; the
//! sweep re-enqueues documents whose lease ran out, so a crashed worker or api loses nothing.

use super::{DbResult, Repository, now, timestamp};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobRow {
    pub document_id: String,
    pub org_id: String,
    pub attempts: i64,
}

impl Repository {
    /// Records that the document's job was (re-)published, leased for `lease`.
    pub async fn job_enqueued(
        &self,
        org_id: &str,
        document_id: &str,
        lease: chrono::Duration,
    ) -> DbResult<()> {
        let t = now();
        let until = timestamp(chrono::Utc::now() + lease);
        sqlx::query(
            "INSERT INTO jobs (document_id, org_id, attempts, lease_until, enqueued_at) VALUES ($1, $2, 1, $3, $4) \
             ON CONFLICT (document_id) DO UPDATE SET attempts = jobs.attempts + 1, lease_until = $3, enqueued_at = $4, finished_at = NULL",
        )
        .bind(document_id)
        .bind(org_id)
        .bind(&until)
        .bind(&t)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Extends a running job's lease (a worker reported progress, so it is alive).
    pub async fn extend_lease(&self, document_id: &str, lease: chrono::Duration) -> DbResult<()> {
        sqlx::query("UPDATE jobs SET lease_until = $1 WHERE document_id = $2 AND finished_at IS NULL")
            .bind(timestamp(chrono::Utc::now() + lease))
            .bind(document_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Unfinished documents whose job lease has run out (or that have no job row at all).
    pub async fn expired_jobs(&self) -> DbResult<Vec<JobRow>> {
        Ok(sqlx::query_as(
            "SELECT d.id AS document_id, d.org_id AS org_id, COALESCE(j.attempts, 0) AS attempts \
             FROM documents d LEFT JOIN jobs j ON j.document_id = d.id \
             WHERE d.status IN ('queued', 'processing') AND (j.document_id IS NULL OR j.lease_until < $1) \
             ORDER BY d.created_at",
        )
        .bind(now())
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn job_attempts(&self, document_id: &str) -> DbResult<i64> {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT attempts FROM jobs WHERE document_id = $1")
                .bind(document_id)
                .fetch_optional(&self.pool)
                .await?
                .unwrap_or(0),
        )
    }
}
