//! The scaled-out shape end to end: `leasegrid serve` on a Pub/Sub queue (the emulator that
//! `scripts/services.sh` starts) and a separate `leasegrid-worker` process sharing only the
//! blob folder and the queue. A real lease uploaded to the server is extracted by the worker
//! and reaches `done` with its extraction. Skipped where `LEASEGRID_TEST_PUBSUB_ENDPOINT` is unset.

mod processes;

use processes::{
    Process, client, create_org, free_port, serve, upload_shared, wait_final, wait_healthy,
};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const LEASE: &str = "leases/DL03-post-tension-nevada-henderson-lease.pdf";

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
    let org = create_org(&data, "Pub/Sub E2E");
    let key = org["api_key"].as_str().unwrap();

    let port = free_port();
    let pubsub = [
        ("LEASEGRID_QUEUE_URL", queue.as_str()),
        ("LEASEGRID_PUBSUB_ENDPOINT", endpoint.as_str()),
    ];
    // No embedded workers: only the separate worker can extract.
    let _server = serve(&data, port, &["--workers", "0"], &pubsub);
    let base = format!("http://127.0.0.1:{port}");
    let client = client();
    wait_healthy(&client, &base).await;
    // The server created the topics and subscriptions once it answers; the worker attaches.
    let _worker = Process(
        Command::new(worker_binary())
            .envs(pubsub)
            .env(
                "LEASEGRID_BLOB_URL",
                format!("file://{}", data.join("blobs").display()),
            )
            .env("LEASEGRID_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start leasegrid-worker"),
    );

    let id = upload_shared(&client, &base, key, LEASE).await;
    let doc = wait_final(&client, &base, key, &id, Duration::from_secs(180)).await;
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
