//! Resolves where state lives from the command line and environment.

use crate::cli::{LimitArgs, StorageArgs};
use std::path::Path;
use std::time::Duration;

/// The service's limits and timings, resolved from `LimitArgs`.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    pub max_upload_bytes: usize,
    pub max_pages: usize,
    pub request_timeout: Duration,
    pub job_lease: chrono::Duration,
    pub sweep_every: Duration,
    pub shutdown_grace: Duration,
    pub secure_cookies: bool,
    pub session_ttl: chrono::Duration,
    pub pubsub_endpoint: Option<String>,
}

impl ServiceConfig {
    pub fn from_args(a: &LimitArgs) -> anyhow::Result<Self> {
        anyhow::ensure!(a.max_upload_bytes > 0, "LEASEGRID_MAX_UPLOAD_BYTES must be positive");
        anyhow::ensure!(a.job_lease_secs > 0, "LEASEGRID_JOB_LEASE_SECS must be positive");
        anyhow::ensure!(a.session_hours > 0, "LEASEGRID_SESSION_HOURS must be positive");
        Ok(ServiceConfig {
            max_upload_bytes: a.max_upload_bytes,
            max_pages: a.max_pages,
            request_timeout: Duration::from_secs(a.request_timeout_secs.max(1)),
            job_lease: chrono::Duration::seconds(a.job_lease_secs as i64),
            sweep_every: Duration::from_secs(a.sweep_secs.max(1)),
            shutdown_grace: Duration::from_secs(a.shutdown_grace_secs),
            secure_cookies: a.secure_cookies,
            session_ttl: chrono::Duration::hours(a.session_hours),
            pubsub_endpoint: a.pubsub_endpoint.clone(),
        })
    }
}

/// The three URLs that pick each seam's implementation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageConfig {
    pub database_url: String,
    pub blob_url: String,
    pub queue_url: String,
}

impl StorageConfig {
    /// `--data-dir D` means `sqlite://D/leasegrid.db`, `file://D/blobs` and `memory://`, unless
    /// an explicit URL overrides one. Creates the data folder when the defaults use it.
    pub fn resolve(args: &StorageArgs) -> anyhow::Result<Self> {
        let dir = absolute(&args.data_dir);
        if args.database_url.is_none() || args.blob_url.is_none() {
            std::fs::create_dir_all(&dir).map_err(|e| {
                anyhow::anyhow!("cannot create the data folder {}: {e}", dir.display())
            })?;
        }
        Ok(StorageConfig {
            database_url: args.database_url.clone().unwrap_or_else(|| {
                format!("sqlite://{}?mode=rwc", dir.join("leasegrid.db").display())
            }),
            blob_url: args
                .blob_url
                .clone()
                .unwrap_or_else(|| format!("file://{}", dir.join("blobs").display())),
            queue_url: args
                .queue_url
                .clone()
                .unwrap_or_else(|| "memory://".to_string()),
        })
    }
}

fn absolute(p: &Path) -> std::path::PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|c| c.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_implies_embedded_defaults() {
        let tmp = tempfile::tempdir().unwrap();
        let args = StorageArgs {
            data_dir: tmp.path().join("d"),
            database_url: None,
            blob_url: None,
            queue_url: None,
        };
        let c = StorageConfig::resolve(&args).unwrap();
        assert!(
            c.database_url.starts_with("sqlite://") && c.database_url.contains("/d/leasegrid.db")
        );
        assert!(c.blob_url.ends_with("/d/blobs"));
        assert_eq!(c.queue_url, "memory://");
    }

    #[test]
    fn explicit_urls_win() {
        let args = StorageArgs {
            data_dir: "/nonexistent".into(),
            database_url: Some("postgres://x/y".into()),
            blob_url: Some("gs://b".into()),
            queue_url: Some("pubsub://projects/p".into()),
        };
        let c = StorageConfig::resolve(&args).unwrap();
        assert_eq!(c.database_url, "postgres://x/y");
        assert_eq!(c.blob_url, "gs://b");
    }
}
