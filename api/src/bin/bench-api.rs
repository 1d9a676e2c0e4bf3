//! `bench-api`: requests per second and latency percentiles of the hot reads (`GET /documents`
//! with 10,000 documents in the org, `GET /documents/{id}/extraction`) and of uploads of a
//! 1 MB PDF with no worker running, against a server on loopback started in this process.
//! Prints a table; `scripts/bench.d/api.sh` runs it in release.

use api::config::{ServiceConfig, StorageConfig};
use std::sync::Arc;
use std::time::{Duration, Instant};

const DOCUMENTS: usize = 10_000;
const CONCURRENCY: usize = 16;

fn config() -> ServiceConfig {
    ServiceConfig {
        max_upload_bytes: 200 * 1024 * 1024,
        max_pages: 2000,
        request_timeout: Duration::from_secs(60),
        job_lease: chrono::Duration::seconds(3600),
        sweep_every: Duration::from_secs(3600),
        shutdown_grace: Duration::from_secs(1),
        secure_cookies: false,
        session_ttl: chrono::Duration::hours(1),
        pubsub_endpoint: None,
    }
}

/// Runs `total` requests from `CONCURRENCY` tasks; returns (requests/s, p50, p99) in ms.
async fn measure<F, Fut>(total: usize, make: F) -> (f64, f64, f64)
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let make = Arc::new(make);
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for t in 0..CONCURRENCY {
        let make = make.clone();
        tasks.spawn(async move {
            let mut lat = vec![];
            let mut i = t;
            while i < total {
                let s = Instant::now();
                assert!(make(i).await, "request {i} failed");
                lat.push(s.elapsed().as_secs_f64() * 1000.0);
                i += CONCURRENCY;
            }
            lat
        });
    }
    let mut all = vec![];
    while let Some(l) = tasks.join_next().await {
        all.extend(l.expect("bench task"));
    }
    let secs = start.elapsed().as_secs_f64();
    all.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)];
    (all.len() as f64 / secs, pct(0.5), pct(0.99))
}

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let dir = tempfile::tempdir()?;
        let storage = StorageConfig {
            database_url: format!("sqlite://{}", dir.path().join("bench.db").display()),
            blob_url: format!("file://{}", dir.path().join("blobs").display()),
            queue_url: "memory://".into(),
        };
        let state = api::server::build_state(&storage, config(), dir.path().join("none")).await?;
        let org = state.repo.create_org("Bench").await?;
        eprintln!("seeding {DOCUMENTS} documents");
        for i in 0..DOCUMENTS {
            let sha = format!("{i:064x}");
            let new = api::db::NewDocument {
                org_id: &org.org_id,
                filename: &format!("lease-{i:05}.pdf"),
                media_type: "application/pdf",
                sha256: &sha,
                size: 100_000,
                template: None,
                created_by: "bench",
            };
            state.repo.insert_document(&api::db::new_id(), &new).await?;
        }
        let first = state
            .repo
            .list_documents(&org.org_id, &api::db::DocumentFilter {
                status: None, kind: None, q: None,
                sort: api::db::DocumentSort::CreatedDesc, after: None, limit: 1,
            })
            .await?;
        let doc = &first[0];
        let body = serde_json::json!({"schema_version": 1, "document": {"id": doc.id, "filename": doc.filename,
            "sha256": doc.sha256, "media_type": "application/pdf", "pages": []}, "kind": "lease",
            "lease": (0..40).map(|n| (format!("field_{n}"), serde_json::json!({"value": "x".repeat(40), "confidence": 0.9,
                "evidence": [{"page": 3, "bbox": {"x0": 0.1, "y0": 0.2, "x1": 0.5, "y1": 0.22}, "text": "y".repeat(80)}], "status": "extracted"})))
                .collect::<serde_json::Map<_, _>>(),
            "diagnostics": []}).to_string();
        state.repo.finish_document(&org.org_id, &doc.id, &doc.sha256, "lease", 10, &body).await?;

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let serve_state = state.clone();
        tokio::spawn(async move {
            let _ = api::server::serve(listener, serve_state, 0, std::future::pending()).await;
        });
        let client = reqwest::Client::new();
        let key = org.api_key.clone();
        println!("| request | requests | req/s | p50 ms | p99 ms |");
        println!("|---|---:|---:|---:|---:|");
        let (c, k) = (client.clone(), key.clone());
        let list = format!("http://{addr}/api/v1/documents?limit=50");
        let r = measure(4000, move |_| {
            let (c, k, u) = (c.clone(), k.clone(), list.clone());
            async move { c.get(u).bearer_auth(k).send().await.is_ok_and(|r| r.status().is_success()) }
        }).await;
        println!("| GET /documents (10,000 in org, page of 50) | 4000 | {:.0} | {:.2} | {:.2} |", r.0, r.1, r.2);
        let (c, k) = (client.clone(), key.clone());
        let x = format!("http://{addr}/api/v1/documents/{}/extraction", doc.id);
        let r = measure(4000, move |_| {
            let (c, k, u) = (c.clone(), k.clone(), x.clone());
            async move { c.get(u).bearer_auth(k).send().await.is_ok_and(|r| r.status().is_success()) }
        }).await;
        println!("| GET /documents/{{id}}/extraction | 4000 | {:.0} | {:.2} | {:.2} |", r.0, r.1, r.2);
        let (c, k) = (client.clone(), key.clone());
        let up = format!("http://{addr}/api/v1/documents");
        let r = measure(200, move |i| {
            let (c, k, u) = (c.clone(), k.clone(), up.clone());
            async move {
                // A distinct 1 MB PDF each time so nothing is deduplicated.
                let mut pdf = format!("%PDF-1.4\n% upload {i}\n").into_bytes();
                pdf.resize(1024 * 1024, b' ');
                let form = reqwest::multipart::Form::new()
                    .part("file", reqwest::multipart::Part::bytes(pdf).file_name("big.pdf"));
                c.post(u).bearer_auth(k).multipart(form).send().await.is_ok_and(|r| r.status().as_u16() == 202)
            }
        }).await;
        println!("| POST /documents (1 MB PDF, worker off) | 200 | {:.0} | {:.2} | {:.2} |", r.0, r.1, r.2);
        Ok(())
    })
}
