//! `bench-api DATA_DIR [DOCUMENTS]`: seeds a data folder for the API benchmark — one
//! organization with DOCUMENTS (default 10,000) queued documents and one done document with a
//! 40-field extraction — and prints `API_KEY DOCUMENT_ID` on stdout. `scripts/bench.d/api.sh`
//! then starts a release `leasegrid serve --data-dir DATA_DIR` and measures it with `wrk`.

use api::db::{DocumentFilter, DocumentSort, NewDocument, Repository, new_id};
use std::process::ExitCode;

const DEFAULT_DOCUMENTS: usize = 10_000;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), count) = (args.next(), args.next()) else {
        eprintln!("usage: bench-api DATA_DIR [DOCUMENTS]");
        return ExitCode::from(2);
    };
    let count = match count.map(|c| c.parse::<usize>()).transpose() {
        Ok(c) => c.unwrap_or(DEFAULT_DOCUMENTS),
        Err(e) => {
            eprintln!("bench-api: DOCUMENTS must be a count: {e}");
            return ExitCode::from(2);
        }
    };
    let seeded = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)
        .and_then(|rt| rt.block_on(seed(std::path::Path::new(&dir), count)));
    match seeded {
        Ok((key, doc)) => {
            println!("{key} {doc}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench-api: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Fills `dir` the way `leasegrid serve --data-dir dir` reads it; returns (API key, done document id).
async fn seed(dir: &std::path::Path, count: usize) -> anyhow::Result<(String, String)> {
    std::fs::create_dir_all(dir)?;
    let repo =
        Repository::connect(&format!("sqlite://{}", dir.join("leasegrid.db").display())).await?;
    let org = repo.create_org("Bench").await?;
    eprintln!("bench-api: seeding {count} documents");
    for i in 0..count {
        let new = NewDocument {
            org_id: &org.org_id,
            filename: &format!("lease-{i:05}.pdf"),
            media_type: "application/pdf",
            sha256: &format!("{i:064x}"),
            size: 100_000,
            template: None,
            created_by: "bench",
        };
        repo.insert_document(&new_id(), &new).await?;
    }
    let newest = DocumentFilter {
        status: None,
        kind: None,
        q: None,
        sort: DocumentSort::CreatedDesc,
        after: None,
        limit: 1,
    };
    let doc = repo
        .list_documents(&org.org_id, &newest)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("no document was seeded"))?;
    let body = extraction(&doc.id, &doc.filename, &doc.sha256);
    repo.finish_document(&org.org_id, &doc.id, &doc.sha256, "lease", 10, &body)
        .await?;
    // Claim the documents' jobs as finished so a server started on this folder does not
    // re-enqueue 10,000 documents it cannot read.
    sqlx::query("UPDATE documents SET status = 'failed', error = 'benchmark placeholder' WHERE status = 'queued'")
        .execute(repo.pool())
        .await?;
    Ok((org.api_key, doc.id))
}

/// A lease extraction of typical size: 40 fields, each with a value, confidence and evidence.
fn extraction(id: &str, filename: &str, sha256: &str) -> String {
    let fields: serde_json::Map<_, _> = (0..40)
        .map(|n| {
            let field = serde_json::json!({"value": "x".repeat(40), "confidence": 0.9,
                "evidence": [{"page": 3, "bbox": {"x0": 0.1, "y0": 0.2, "x1": 0.5, "y1": 0.22},
                    "text": "y".repeat(80)}], "status": "extracted"});
            (format!("field_{n}"), field)
        })
        .collect();
    serde_json::json!({"schema_version": 1, "document": {"id": id, "filename": filename,
        "sha256": sha256, "media_type": "application/pdf", "pages": []}, "kind": "lease",
        "lease": fields, "diagnostics": []})
    .to_string()
}
