//! The real pipeline: a lease from the development data goes from upload to a done extraction
//! through the embedded worker, with progress over SSE, page previews and deletion.

use crate::helpers::{Backend, data_dir, spawn_app};
use serde_json::Value;
use std::time::Duration;

const LEASE: &str = "leases/DL03-post-tension-nevada-henderson-lease.pdf";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_lease_goes_from_upload_to_extraction() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    let key = &app.a.api_key;
    let bytes =
        std::fs::read(data_dir().join(LEASE)).expect("the development data is in ../shared/data");
    let r = app.upload(key, "DL03.pdf", bytes.clone()).await;
    assert_eq!(r.status().as_u16(), 202);
    let doc: Value = r.json().await.unwrap();
    let id = doc["id"].as_str().unwrap().to_string();
    assert!(matches!(
        doc["status"].as_str(),
        Some("queued" | "processing")
    ));

    // The event stream ends with the final state.
    let events = app
        .client
        .get(app.url(&format!("/api/v1/documents/{id}/events")))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    let text = tokio::time::timeout(Duration::from_secs(180), events.text())
        .await
        .expect("the event stream ends when the document is final")
        .unwrap();
    assert!(text.contains("event: done"), "stream: {text}");

    let done = app.wait_until_final(key, &id, Duration::from_secs(5)).await;
    assert_eq!(done["status"], "done", "{done}");
    assert!(done["pages"].as_i64().unwrap() >= 1);
    assert_eq!(done["pages_done"], done["pages"]);
    let r = app
        .client
        .get(app.url(&format!("/api/v1/documents/{id}/extraction")))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["etag"], "\"v1\"");
    let x: Value = r.json().await.unwrap();
    assert_eq!(x["schema_version"], 1);
    assert_eq!(x["document"]["id"], id.as_str());
    assert_eq!(x["document"]["sha256"], done["sha256"]);
    assert!(!x["document"]["pages"].as_array().unwrap().is_empty());

    // A page preview renders once and is then served from the blob store.
    let r = app
        .client
        .get(app.url(&format!("/api/v1/documents/{id}/pages/1.png")))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["content-type"], "image/png");
    assert!(r.bytes().await.unwrap().starts_with(b"\x89PNG"));
    for bad in ["0.png", "x.png", "1.jpg", "99999.png"] {
        let r = app
            .client
            .get(app.url(&format!("/api/v1/documents/{id}/pages/{bad}")))
            .bearer_auth(key)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_client_error(), "{bad}: {}", r.status());
    }

    corrections_show_in_both_exports(&app, key, &id).await;

    // Delete removes the row and the blobs.
    let r = app
        .client
        .delete(app.url(&format!("/api/v1/documents/{id}")))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
    let (status, _) = app.get_json(key, &format!("/api/v1/documents/{id}")).await;
    assert_eq!(status, 404);
    let folder = app
        .blob_dir
        .join(format!("orgs/{}/documents/{id}", app.a.org_id));
    assert!(!folder.exists(), "the blobs are gone");
    // Uploading it again is a new document.
    let r = app.upload(key, "DL03.pdf", bytes).await;
    assert_eq!(r.status().as_u16(), 202);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_extraction_is_reported_with_its_reason() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    let key = &app.a.api_key;
    // Passes the upload sniff (it starts like a PDF) but is not a readable PDF.
    let r = app
        .upload(
            key,
            "broken.pdf",
            b"%PDF-1.7\nthis is not really a pdf".to_vec(),
        )
        .await;
    assert_eq!(r.status().as_u16(), 202);
    let doc: Value = r.json().await.unwrap();
    let id = doc["id"].as_str().unwrap();
    let done = app.wait_until_final(key, id, Duration::from_secs(60)).await;
    assert_eq!(done["status"], "failed");
    assert!(
        done["error"].as_str().is_some_and(|e| !e.is_empty()),
        "{done}"
    );
    let r = app
        .client
        .get(app.url(&format!("/api/v1/documents/{id}/extraction")))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 409);
}

/// A correction made through the API is what both exports print (issue 8's contract).
async fn corrections_show_in_both_exports(app: &crate::helpers::TestApp, key: &str, id: &str) {
    const CORRECTED: &str = "Corrected Tenant LLC";
    let r = app
        .client
        .patch(app.url(&format!("/api/v1/documents/{id}/fields/tenant")))
        .bearer_auth(key)
        .json(
            &serde_json::json!({"status": "corrected", "value": CORRECTED, "note": "per estoppel"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200, "{}", r.text().await.unwrap());

    let xlsx = export(app, key, id, "xlsx").await;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("a workbook");
    let sheet =
        calamine::Reader::worksheet_range(&mut book, "Abstract").expect("an Abstract sheet");
    let cells: Vec<String> = sheet.rows().flatten().map(|c| c.to_string()).collect();
    assert!(
        cells.iter().any(|c| c == CORRECTED),
        "workbook shows the correction"
    );
    assert!(
        cells.iter().any(|c| c.to_lowercase() == "corrected"),
        "and its status"
    );

    let pdf = export(app, key, id, "pdf").await;
    let reader = extractor::Extractor::new(
        &functions::resources::locate(),
        extractor::ingest::ReadOptions::default(),
    )
    .unwrap();
    let text = reader.read(&pdf, "abstract.pdf", &|_| {}).unwrap().text();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(CORRECTED),
        "the PDF abstract shows the correction: {flat}"
    );
}

async fn export(app: &crate::helpers::TestApp, key: &str, id: &str, ext: &str) -> Vec<u8> {
    let r = app
        .client
        .get(app.url(&format!("/api/v1/documents/{id}/export.{ext}")))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200, "export.{ext}");
    let disposition = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.contains(&format!(".{ext}")), "{disposition}");
    r.bytes().await.unwrap().to_vec()
}
