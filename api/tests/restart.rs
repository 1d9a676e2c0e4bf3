//! Killing `leasegrid serve` mid-job (SIGKILL, no chance to clean up) and starting it again:
//! the job is re-enqueued at start-up and the document completes exactly once.

mod processes;

use processes::{
    client, create_org, document, free_port, serve, upload_shared, wait_final, wait_healthy,
};
use std::time::{Duration, Instant};

const SCAN: &str = "leases/DL04-tetco-center-sanderford-carroll-san-antonio-scanned.pdf";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_killed_mid_way_completes_exactly_once_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let org = create_org(&data, "Restart Test");
    for k in ["org_id", "api_key", "admin_email", "admin_password"] {
        assert!(
            org[k].as_str().is_some_and(|v| !v.is_empty()),
            "org create prints {k}"
        );
    }
    let key = org["api_key"].as_str().unwrap();
    let client = client();

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = serve(&data, port, &[], &[]);
    wait_healthy(&client, &base).await;
    let id = upload_shared(&client, &base, key, SCAN).await;

    // Kill it once the worker is into the document.
    let start_wait = Instant::now();
    loop {
        let d = document(&client, &base, key, &id).await;
        assert_ne!(
            d["status"], "done",
            "the scan finished before it could be killed"
        );
        if d["status"] == "processing" {
            break;
        }
        assert!(
            start_wait.elapsed() < Duration::from_secs(60),
            "never started: {d}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    server.0.kill().unwrap();
    server.0.wait().unwrap();

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let _server = serve(&data, port, &[], &[]);
    wait_healthy(&client, &base).await;
    let done = wait_final(&client, &base, key, &id, Duration::from_secs(240)).await;
    assert_eq!(done["status"], "done", "{done}");
    assert_eq!(done["pages_done"], done["pages"]);

    // Exactly once: one extraction version, one finished job that was published twice.
    sqlx::any::install_default_drivers();
    let db = sqlx::AnyPool::connect(&format!("sqlite://{}", data.join("leasegrid.db").display()))
        .await
        .unwrap();
    let versions: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM extractions WHERE document_id = $1")
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
