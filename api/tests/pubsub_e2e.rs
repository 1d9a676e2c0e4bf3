//! The scaled-out shape end to end: `leasegrid serve` on a Pub/Sub queue (the emulator that
//! `scripts/services.sh` starts) and a separate `leasegrid-worker` process sharing only the
//! blob folder and the queue. A real lease uploaded to the server is extracted by the worker
//! and reaches `done` with its extraction. Skipped where `LEASEGRID_TEST_PUBSUB_ENDPOINT` is unset.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const LEASE: &str = "leases/DL03-post-tension-nevada-henderson-lease.pdf";

/// Kills the process when the test ends, however it ends.
struct Process(Child);

impl Drop for Process {
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

/// `leasegrid-worker` is another package's binary; the workspace builds it beside `leasegrid`.
fn worker_binary() -> PathBuf {
    let path = Path::new(env!("CARGO_BIN_EXE_leasegrid")).with_file_name("leasegrid-worker");
    assert!(
        path.exists(),
        "{} is missing: build it with `cargo build -p functions --bin leasegrid-worker`",
        path.display()
    );
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_on_pubsub_and_a_separate_worker_finish_an_upload() {
    let Ok(endpoint) = std::env::var("LEASEGRID_TEST_PUBSUB_ENDPOINT") else {
        eprintln!("skipped: LEASEGRID_TEST_PUBSUB_ENDPOINT is not set (scripts/services.sh start)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Fresh topic names so parallel runs and earlier runs never share messages.
    let queue = format!(
        "pubsub://projects/leasegrid-e2e?prefix=e2e-{}",
        uuid::Uuid::new_v4().simple()
    );
    let blobs = format!("file://{}", data.join("blobs").display());
    let out = Command::new(env!("CARGO_BIN_EXE_leasegrid"))
        .args(["org", "create", "Pub/Sub E2E", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let org: Value = serde_json::from_slice(&out.stdout).unwrap();
    let key = org["api_key"].as_str().unwrap();

    let port = free_port();
    let _server = Process(
        Command::new(env!("CARGO_BIN_EXE_leasegrid"))
            .args(["serve", "--data-dir"])
            .arg(&data)
            .args([
                "--bind",
                &format!("127.0.0.1:{port}"),
                "--frontend-dir",
                "none",
                // Only the separate worker can extract.
                "--workers",
                "0",
            ])
            .env("LEASEGRID_QUEUE_URL", &queue)
            .env("LEASEGRID_PUBSUB_ENDPOINT", &endpoint)
            .env("LEASEGRID_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start leasegrid serve"),
    );
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let started = Instant::now();
    while client.get(format!("{base}/readyz")).send().await.is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server did not start"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The server created the topics and subscriptions; the worker only attaches to them.
    let _worker = Process(
        Command::new(worker_binary())
            .env("LEASEGRID_QUEUE_URL", &queue)
            .env("LEASEGRID_BLOB_URL", &blobs)
            .env("LEASEGRID_PUBSUB_ENDPOINT", &endpoint)
            .env("LEASEGRID_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start leasegrid-worker"),
    );

    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/data")
            .join(LEASE),
    )
    .unwrap();
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name("lease.pdf"),
    );
    let r = client
        .post(format!("{base}/api/v1/documents"))
        .bearer_auth(key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 202);
    let id = r.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    let started = Instant::now();
    let doc = loop {
        let d: Value = client
            .get(format!("{base}/api/v1/documents/{id}"))
            .bearer_auth(key)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if d["status"] == "done" || d["status"] == "failed" {
            break d;
        }
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "not finished through Pub/Sub: {d}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    assert_eq!(doc["status"], "done", "{doc}");
    assert_eq!(doc["kind"], "lease");
    assert_eq!(doc["pages_done"], doc["pages"]);
    let r = client
        .get(format!("{base}/api/v1/documents/{id}/extraction"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["etag"], "\"v1\"");
    let x: Value = r.json().await.unwrap();
    assert_eq!(x["document"]["id"], id.as_str());
    let fields = x["lease"].as_object().expect("a lease abstract");
    assert!(
        fields.values().any(|f| !f["value"].is_null()),
        "the worker extracted values"
    );
}
