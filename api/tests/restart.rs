//! Killing `leasegrid serve` mid-job (SIGKILL, no chance to clean up) and starting it again:
//! the job is re-enqueued at start-up and the document completes exactly once.

use serde_json::Value;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SCAN: &str = "leases/DL04-tetco-center-sanderford-carroll-san-antonio-scanned.pdf";

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(data: &std::path::Path, port: u16) -> Server {
    let child = Command::new(env!("CARGO_BIN_EXE_leasegrid"))
        .args(["serve", "--data-dir"])
        .arg(data)
        .args(["--bind", &format!("127.0.0.1:{port}"), "--frontend-dir", "none"])
        .env("LEASEGRID_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start leasegrid serve");
    Server(child)
}

async fn wait_healthy(client: &reqwest::Client, base: &str) {
    let start = Instant::now();
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(start.elapsed() < Duration::from_secs(30), "the server did not start");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn document(client: &reqwest::Client, base: &str, key: &str, id: &str) -> Value {
    client
        .get(format!("{base}/api/v1/documents/{id}"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_killed_mid_way_completes_exactly_once_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_leasegrid"))
        .args(["org", "create", "Restart Test", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let org: Value = serde_json::from_slice(&out.stdout).unwrap();
    for k in ["org_id", "api_key", "admin_email", "admin_password"] {
        assert!(org[k].as_str().is_some_and(|v| !v.is_empty()), "org create prints {k}");
    }
    let key = org["api_key"].as_str().unwrap();
    let client = reqwest::Client::new();

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start(&data, port);
    wait_healthy(&client, &base).await;
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data").join(SCAN),
    )
    .unwrap();
    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name("scan.pdf"));
    let doc: Value = client
        .post(format!("{base}/api/v1/documents"))
        .bearer_auth(key)
        .multipart(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = doc["id"].as_str().unwrap().to_string();

    // Kill it once the worker is into the document.
    let start_wait = Instant::now();
    loop {
        let d = document(&client, &base, key, &id).await;
        assert_ne!(d["status"], "done", "the scan finished before it could be killed");
        if d["status"] == "processing" {
            break;
        }
        assert!(start_wait.elapsed() < Duration::from_secs(60), "never started: {d}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    server.0.kill().unwrap();
    server.0.wait().unwrap();

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let _server = start(&data, port);
    wait_healthy(&client, &base).await;
    let start_wait = Instant::now();
    let done = loop {
        let d = document(&client, &base, key, &id).await;
        if d["status"] == "done" || d["status"] == "failed" {
            break d;
        }
        assert!(start_wait.elapsed() < Duration::from_secs(240), "not finished: {d}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(done["status"], "done", "{done}");
    assert_eq!(done["pages_done"], done["pages"]);

    // Exactly once: one extraction version, one finished job that was published twice.
    sqlx::any::install_default_drivers();
    let db = sqlx::AnyPool::connect(&format!("sqlite://{}", data.join("leasegrid.db").display()))
        .await
        .unwrap();
    let versions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM extractions WHERE document_id = $1")
        .bind(&id)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(versions, 1);
    let (attempts, finished): (i64, Option<String>) =
        sqlx::query_as("SELECT attempts, finished_at FROM jobs WHERE document_id = $1")
            .bind(&id)
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(attempts, 2, "enqueued at upload and again at restart");
    assert!(finished.is_some());
    let r = client
        .get(format!("{base}/api/v1/documents/{id}/extraction"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["etag"], "\"v1\"");
}
