//! The delivery loop: sends due deliveries, records each attempt, and schedules retries with
//! exponential backoff (1 s, 2 s, 4 s, ... up to `MAX_ATTEMPTS`).

use super::signature;
use crate::db::{DeliveryRow, Repository};
use rustls_platform_verifier::BuilderVerifierExt;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub const MAX_ATTEMPTS: i64 = 8;
const POLL: Duration = Duration::from_millis(500);
const TIMEOUT: Duration = Duration::from_secs(10);

/// The delivery client: `https://` targets are verified against the platform's trust roots
/// (`/etc/ssl/certs` on Linux).
pub fn client() -> anyhow::Result<reqwest::Client> {
    crate::tls::install_crypto_provider();
    let tls = rustls::ClientConfig::builder()
        .with_platform_verifier()?
        .with_no_client_auth();
    Ok(reqwest::Client::builder()
        .use_preconfigured_tls(tls)
        .build()?)
}

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
        .header(
            signature::HEADER,
            signature::sign(&d.secret, t, d.body.as_bytes()),
        )
        .header("Leasegrid-Event", &d.event)
        .header("Leasegrid-Delivery", &d.id)
        .body(d.body.clone())
        .timeout(TIMEOUT)
        .send()
        .await
        .map_err(|e| with_causes(&e))?;
    if response.status().is_success() {
        Ok(())
    } else {
        Err(format!("answered {}", response.status()))
    }
}

/// The error and its causes ("error sending request: ... certificate expired"): reqwest's own
/// message leaves out why, which is what a webhook owner needs to see.
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
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
pub async fn run(repo: Repository, client: reqwest::Client, shutdown: CancellationToken) {
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
