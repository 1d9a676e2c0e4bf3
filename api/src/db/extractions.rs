//! Extraction versions and correction events. Version 1 is the worker's output; each correction,
//! approval or revert is an event that produces the next version, so history is never overwritten and
//! the latest version is one indexed read.

use super::{DbResult, Repository, new_id, now};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct CorrectionRow {
    pub id: String,
    pub version: i64,
    pub field: String,
    pub action: String,
    /// The field before, as JSON text.
    pub before_value: String,
    /// The field after, as JSON text.
    pub after_value: String,
    pub note: Option<String>,
    pub actor: String,
    pub created_at: String,
}

pub struct NewCorrection<'a> {
    pub field: &'a str,
    pub action: &'a str,
    pub before: &'a serde_json::Value,
    pub after: &'a serde_json::Value,
    pub note: Option<&'a str>,
    pub actor: &'a str,
}

impl Repository {
    /// The latest extraction of a document and its version.
    pub async fn latest_extraction(
        &self,
        org_id: &str,
        document_id: &str,
    ) -> DbResult<Option<(i64, String)>> {
        Ok(sqlx::query_as(
            "SELECT e.version, e.body FROM extractions e JOIN documents d ON d.id = e.document_id \
             WHERE d.org_id = $1 AND d.id = $2 AND e.version = d.extraction_version",
        )
        .bind(org_id)
        .bind(document_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// What `GET /documents/{id}/extraction` needs in one read: the document's status, its
    /// extraction version and, when one exists, that version's body. `None`: no such document.
    pub async fn extraction_for_read(
        &self,
        org_id: &str,
        document_id: &str,
    ) -> DbResult<Option<(String, i64, Option<String>)>> {
        Ok(sqlx::query_as(
            "SELECT d.status, d.extraction_version, e.body FROM documents d \
             LEFT JOIN extractions e ON e.document_id = d.id AND e.version = d.extraction_version \
             WHERE d.org_id = $1 AND d.id = $2",
        )
        .bind(org_id)
        .bind(document_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// One version of a document's extraction (version 1 is the worker's output).
    pub async fn extraction_at(
        &self,
        org_id: &str,
        document_id: &str,
        version: i64,
    ) -> DbResult<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT body FROM extractions WHERE org_id = $1 AND document_id = $2 AND version = $3",
        )
        .bind(org_id)
        .bind(document_id)
        .bind(version)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Stores the corrected extraction as version `base_version + 1` with its event, unless
    /// another writer got there first (`None`: the caller's view is stale).
    pub async fn save_correction(
        &self,
        org_id: &str,
        document_id: &str,
        base_version: i64,
        body: &str,
        correction: &NewCorrection<'_>,
    ) -> DbResult<Option<i64>> {
        let version = base_version + 1;
        let t = now();
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query(
            "UPDATE documents SET extraction_version = $1, updated_at = $2 \
             WHERE org_id = $3 AND id = $4 AND extraction_version = $5 AND status = 'done'",
        )
        .bind(version)
        .bind(&t)
        .bind(org_id)
        .bind(document_id)
        .bind(base_version)
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() != 1 {
            return Ok(None);
        }
        sqlx::query(
            "INSERT INTO extractions (org_id, document_id, version, body, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(org_id)
        .bind(document_id)
        .bind(version)
        .bind(body)
        .bind(&t)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO corrections (id, org_id, document_id, version, field, action, before_value, after_value, note, actor, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(new_id())
        .bind(org_id)
        .bind(document_id)
        .bind(version)
        .bind(correction.field)
        .bind(correction.action)
        .bind(serde_json::to_string(correction.before)?)
        .bind(serde_json::to_string(correction.after)?)
        .bind(correction.note)
        .bind(correction.actor)
        .bind(&t)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(version))
    }

    /// A document's correction events, oldest first.
    pub async fn corrections(
        &self,
        org_id: &str,
        document_id: &str,
    ) -> DbResult<Vec<CorrectionRow>> {
        Ok(sqlx::query_as(
            "SELECT id, version, field, action, before_value, after_value, note, actor, created_at \
             FROM corrections WHERE org_id = $1 AND document_id = $2 ORDER BY version",
        )
        .bind(org_id)
        .bind(document_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
