//! Webhook subscriptions and their deliveries. A delivery is a row written when the event
//! happens and retried from the table with backoff, so a restart does not drop it.

use super::{DbError, DbResult, Repository, new_id, now, timestamp};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WebhookRow {
    pub id: String,
    pub url: String,
    pub events: String,
    pub created_at: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeliveryRow {
    pub id: String,
    pub org_id: String,
    pub webhook_id: String,
    pub url: String,
    pub secret: String,
    pub event: String,
    pub body: String,
    pub attempts: i64,
}

impl Repository {
    pub async fn create_webhook(
        &self,
        org_id: &str,
        url: &str,
        secret: &str,
        events: &str,
    ) -> DbResult<WebhookRow> {
        let id = new_id();
        sqlx::query(
            "INSERT INTO webhooks (id, org_id, url, secret, events, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(org_id)
        .bind(url)
        .bind(secret)
        .bind(events)
        .bind(now())
        .execute(&self.pool)
        .await?;
        self.webhook(org_id, &id).await?.ok_or(DbError::Sqlx(sqlx::Error::RowNotFound))
    }

    pub async fn webhooks(&self, org_id: &str) -> DbResult<Vec<WebhookRow>> {
        Ok(sqlx::query_as(
            "SELECT id, url, events, created_at FROM webhooks WHERE org_id = $1 ORDER BY created_at",
        )
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn webhook(&self, org_id: &str, id: &str) -> DbResult<Option<WebhookRow>> {
        Ok(sqlx::query_as(
            "SELECT id, url, events, created_at FROM webhooks WHERE org_id = $1 AND id = $2",
        )
        .bind(org_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn delete_webhook(&self, org_id: &str, id: &str) -> DbResult<bool> {
        let r = sqlx::query("DELETE FROM webhooks WHERE org_id = $1 AND id = $2")
            .bind(org_id)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Queues a delivery of `event` to every webhook of the org subscribed to it
    /// (`events` is a comma-separated list, `*` for all).
    pub async fn enqueue_deliveries(&self, org_id: &str, event: &str, body: &str) -> DbResult<usize> {
        let hooks: Vec<(String, String)> =
            sqlx::query_as("SELECT id, events FROM webhooks WHERE org_id = $1")
                .bind(org_id)
                .fetch_all(&self.pool)
                .await?;
        let t = now();
        let mut n = 0;
        for (id, events) in hooks {
            if !events.split(',').any(|e| e.trim() == event || e.trim() == "*") {
                continue;
            }
            sqlx::query(
                "INSERT INTO webhook_deliveries (id, org_id, webhook_id, event, body, status, next_attempt_at, created_at) \
                 VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6)",
            )
            .bind(new_id())
            .bind(org_id)
            .bind(&id)
            .bind(event)
            .bind(body)
            .bind(&t)
            .execute(&self.pool)
            .await?;
            n += 1;
        }
        Ok(n)
    }

    /// Pending deliveries whose next attempt is due.
    pub async fn due_deliveries(&self, limit: i64) -> DbResult<Vec<DeliveryRow>> {
        Ok(sqlx::query_as(
            "SELECT d.id, d.org_id, d.webhook_id, w.url, w.secret, d.event, d.body, d.attempts \
             FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id \
             WHERE d.status = 'pending' AND d.next_attempt_at <= $1 ORDER BY d.next_attempt_at LIMIT $2",
        )
        .bind(now())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records one attempt: delivered, retried at `retry_at`, or given up (`retry_at` `None`).
    pub async fn record_delivery_attempt(
        &self,
        id: &str,
        delivered: bool,
        error: Option<&str>,
        retry_at: Option<chrono::DateTime<chrono::Utc>>,
    ) -> DbResult<()> {
        let status = match (delivered, retry_at) {
            (true, _) => "delivered",
            (false, Some(_)) => "pending",
            (false, None) => "failed",
        };
        sqlx::query(
            "UPDATE webhook_deliveries SET attempts = attempts + 1, status = $1, last_error = $2, next_attempt_at = $3 WHERE id = $4",
        )
        .bind(status)
        .bind(error)
        .bind(retry_at.map(timestamp).unwrap_or_else(now))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// (status, attempts) of every delivery of a webhook, oldest first; for tests and audits.
    pub async fn delivery_states(&self, org_id: &str, webhook_id: &str) -> DbResult<Vec<(String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT status, attempts FROM webhook_deliveries WHERE org_id = $1 AND webhook_id = $2 ORDER BY created_at",
        )
        .bind(org_id)
        .bind(webhook_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
