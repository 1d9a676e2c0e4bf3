//! `spawn_app`: a real server on a loopback port with a fresh database (SQLite file or a new
//! Postgres database), a temporary blob folder, the in-process queue, and two organizations.

use api::config::{ServiceConfig, StorageConfig};
use api::db::CreatedOrg;
use api::http::AppState;
use std::net::SocketAddr;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub state: AppState,
    pub a: CreatedOrg,
    pub b: CreatedOrg,
    pub blob_dir: std::path::PathBuf,
    _dir: tempfile::TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

pub fn config() -> ServiceConfig {
    ServiceConfig {
        max_upload_bytes: 5 * 1024 * 1024,
        max_pages: 500,
        request_timeout: Duration::from_secs(60),
        job_lease: chrono::Duration::seconds(600),
        sweep_every: Duration::from_secs(30),
        shutdown_grace: Duration::from_secs(5),
        secure_cookies: false,
        session_ttl: chrono::Duration::hours(1),
        pubsub_endpoint: None,
    }
}

/// A fresh database URL for `backend`, or `None` when Postgres is not configured (outside
/// `make test`). A configured but unreachable Postgres fails the test.
async fn database_url(backend: Backend, dir: &std::path::Path) -> Option<String> {
    match backend {
        Backend::Sqlite => Some(format!("sqlite://{}", dir.join("test.db").display())),
        Backend::Postgres => {
            let base = std::env::var("LEASEGRID_TEST_DATABASE_URL").ok()?;
            sqlx::any::install_default_drivers();
            let admin = sqlx::AnyPool::connect(&base).await.unwrap_or_else(|e| {
                panic!("LEASEGRID_TEST_DATABASE_URL is set but Postgres is unreachable: {e}")
            });
            let name = format!("leasegrid_test_{}", uuid::Uuid::new_v4().simple());
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&admin)
                .await
                .expect("create a test database");
            admin.close().await;
            let (prefix, _) = base.rsplit_once('/').expect("a database URL has a path");
            Some(format!("{prefix}/{name}"))
        }
    }
}

pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, config(), 1).await
}

pub async fn spawn_app_with(
    backend: Backend,
    config: ServiceConfig,
    workers: usize,
) -> Option<TestApp> {
    let dir = tempfile::tempdir().unwrap();
    let url = database_url(backend, dir.path()).await?;
    let blob_dir = dir.path().join("blobs");
    let storage = StorageConfig {
        database_url: url,
        blob_url: format!("file://{}", blob_dir.display()),
        queue_url: "memory://".into(),
    };
    let state = api::server::build_state(&storage, config, dir.path().join("no-frontend"))
        .await
        .expect("build the server state");
    let a = state.repo.create_org("Alpha Capital").await.unwrap();
    let b = state.repo.create_org("Beta Lending").await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let serve_state = state.clone();
    tokio::spawn(async move {
        api::server::serve(listener, serve_state, workers, async {
            let _ = rx.await;
        })
        .await
        .expect("server runs");
    });
    Some(TestApp {
        addr,
        client: {
            // The server installed it already; a test client may be built first elsewhere.
            api::tls::install_crypto_provider();
            reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap()
        },
        state,
        a,
        b,
        blob_dir,
        _dir: dir,
        shutdown: Some(tx),
    })
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub async fn upload(&self, key: &str, filename: &str, bytes: Vec<u8>) -> reqwest::Response {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(filename.to_string());
        let form = reqwest::multipart::Form::new().part("file", part);
        self.client
            .post(self.url("/api/v1/documents"))
            .bearer_auth(key)
            .multipart(form)
            .send()
            .await
            .unwrap()
    }

    pub async fn get_json(&self, key: &str, path: &str) -> (u16, serde_json::Value) {
        let r = self
            .client
            .get(self.url(path))
            .bearer_auth(key)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(serde_json::Value::Null))
    }

    /// Polls a document until it is done or failed.
    pub async fn wait_until_final(
        &self,
        key: &str,
        id: &str,
        limit: Duration,
    ) -> serde_json::Value {
        let start = std::time::Instant::now();
        loop {
            let (_, doc) = self.get_json(key, &format!("/api/v1/documents/{id}")).await;
            if doc["status"] == "done" || doc["status"] == "failed" {
                return doc;
            }
            assert!(
                start.elapsed() < limit,
                "document {id} still {doc} after {limit:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// The development data folder, read in place.
pub fn data_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data")
}

/// A minimal valid PDF (one blank page), built here so tests that need "a PDF" but not a
/// particular document carry no fixture.
pub fn tiny_pdf(marker: &str) -> Vec<u8> {
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = vec![];
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Marker ({marker}) >>"),
    ];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for off in offsets {
        out.push_str(&format!("{off:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.into_bytes()
}

/// Runs each listed test once on SQLite and once on Postgres (skipped when Postgres is not
/// configured, failing when it is configured but down).
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let app = $crate::helpers::spawn_app($crate::helpers::Backend::Sqlite).await.unwrap();
                    super::$name(app).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    match $crate::helpers::spawn_app($crate::helpers::Backend::Postgres).await {
                        Some(app) => super::$name(app).await,
                        None => eprintln!("skipped: LEASEGRID_TEST_DATABASE_URL is not set"),
                    }
                }
            )*
        }
    };
}
