//! The delivery loop: sends due deliveries, records each attempt, and schedules retries with
//! exponential backoff (1 s, 2 s, 4 s, ... up to `MAX_ATTEMPTS`).

use super::signature;
use crate::db::{DeliveryRow, Repository};
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub const MAX_ATTEMPTS: i64 = 8;
const POLL: Duration = Duration::from_millis(500);
const TIMEOUT: Duration = Duration::from_secs(10);

/// Delay before attempt `attempts + 1`.
pub fn backoff(attempts: i64) -> chrono::Duration {
    chrono::Duration::seconds(1i64 << attempts.clamp(0, 12))
}

/// Sends one delivery; `Err` carries why it failed.
async fn send(client: &reqwest::Client, d: &DeliveryRow) -> Result<(), String> {
    let t = chrono::Utc::now().timestamp();
    let response = client
        .post(&d.url)
        .header("content-type", "application/json")
        .header(signature::HEADER, signature::sign(&d.secret, t, d.body.as_bytes()))
        .header("Leasegrid-Event", &d.event)
        .header("Leasegrid-Delivery", &d.id)
        .body(d.body.clone())
        .timeout(TIMEOUT)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if response.status().is_success() {
        Ok(())
    } else {
        Err(format!("answered {}", response.status()))
    }
}

/// Runs one round: every due delivery is attempted once. Returns how many were attempted.
pub async fn deliver_due(repo: &Repository, client: &reqwest::Client) -> anyhow::Result<usize> {
    let due = repo.due_deliveries(50).await?;
    for d in &due {
        let result = send(client, d).await;
        let attempts = d.attempts + 1;
        let retry_at = (result.is_err() && attempts < MAX_ATTEMPTS)
            .then(|| chrono::Utc::now() + backoff(attempts - 1));
        if let Err(e) = &result {
            tracing::info!(delivery = %d.id, url = %d.url, attempts, error = %e, "webhook delivery failed");
        }
        repo.record_delivery_attempt(&d.id, result.is_ok(), result.err().as_deref(), retry_at)
            .await?;
    }
    Ok(due.len())
}

/// Delivers until shutdown.
pub async fn run(repo: Repository, shutdown: CancellationToken) {
    let client = reqwest::Client::new();
    loop {
        if let Err(e) = deliver_due(&repo, &client).await {
            tracing::warn!(error = format!("{e:#}"), "webhook round failed");
        }
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = tokio::time::sleep(POLL) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles() {
        assert_eq!(backoff(0), chrono::Duration::seconds(1));
        assert_eq!(backoff(3), chrono::Duration::seconds(8));
    }
}
