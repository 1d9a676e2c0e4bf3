//! Auth, tenancy, uploads, listing, corrections, settings and the OpenAPI document.

use crate::helpers::{TestApp, tiny_pdf};
use crate::on_both_databases;
use functions::blob::keys;
use functions::queue::{JobOutcome, WorkerEvent};
use serde_json::{Value, json};
use std::time::Duration;

on_both_databases!(
    every_route_needs_credentials,
    another_orgs_resources_are_not_found_on_every_route,
    junk_is_refused_with_a_problem_and_nothing_is_stored,
    the_same_file_twice_is_one_document,
    listing_pages_filters_and_sorts,
    corrections_are_events_with_etags,
    a_field_reverts_to_its_extracted_value,
    finished_events_apply_exactly_once,
    sessions_sign_in_and_need_csrf_for_writes,
    templates_and_views_round_trip,
);

/// Every credentialed route: (method, path template). `{doc}` is a document id, `{tpl}`,
/// `{view}`, `{hook}` ids of the other organization's resources.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/v1/auth/me"),
    ("POST", "/api/v1/auth/logout"),
    ("POST", "/api/v1/documents"),
    ("GET", "/api/v1/documents"),
    ("GET", "/api/v1/documents/{doc}"),
    ("DELETE", "/api/v1/documents/{doc}"),
    ("GET", "/api/v1/documents/{doc}/extraction"),
    ("PATCH", "/api/v1/documents/{doc}/fields/landlord"),
    ("GET", "/api/v1/documents/{doc}/corrections"),
    ("GET", "/api/v1/documents/{doc}/events"),
    ("GET", "/api/v1/documents/{doc}/pages/1.png"),
    ("GET", "/api/v1/documents/{doc}/export.xlsx"),
    ("GET", "/api/v1/documents/{doc}/export.pdf"),
    ("GET", "/api/v1/exports/portfolio.xlsx"),
    ("POST", "/api/v1/templates"),
    ("GET", "/api/v1/templates"),
    ("GET", "/api/v1/templates/{tpl}"),
    ("PUT", "/api/v1/templates/{tpl}"),
    ("DELETE", "/api/v1/templates/{tpl}"),
    ("POST", "/api/v1/views"),
    ("GET", "/api/v1/views"),
    ("GET", "/api/v1/views/{view}"),
    ("PUT", "/api/v1/views/{view}"),
    ("DELETE", "/api/v1/views/{view}"),
    ("POST", "/api/v1/webhooks"),
    ("GET", "/api/v1/webhooks"),
    ("DELETE", "/api/v1/webhooks/{hook}"),
];

/// Routes that need no credentials.
pub const PUBLIC_ROUTES: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/metrics"),
    ("POST", "/api/v1/auth/login"),
];

fn method(m: &str) -> reqwest::Method {
    m.parse().unwrap()
}

async fn assert_problem(r: reqwest::Response, status: u16, context: &str) -> Value {
    assert_eq!(r.status().as_u16(), status, "{context}");
    let ct = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    assert_eq!(ct, "application/problem+json", "{context}");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["status"], status, "{context}: {body}");
    assert!(
        body["detail"].as_str().is_some_and(|d| !d.is_empty()),
        "{context}: {body}"
    );
    body
}

/// A document that is done, made by reporting a worker result the way a worker does.
pub async fn done_document(app: &TestApp, key: &str, org: &str, marker: &str) -> String {
    let r = app.upload(key, "lease.pdf", tiny_pdf(marker)).await;
    assert!(r.status().is_success());
    let doc: Value = r.json().await.unwrap();
    let id = doc["id"].as_str().unwrap().to_string();
    let sha = doc["sha256"].as_str().unwrap().to_string();
    // Let the embedded worker finish with this blank page first, then replace its outcome
    // with a known extraction, reported the way a worker reports it.
    let _ = app
        .wait_until_final(key, &id, Duration::from_secs(60))
        .await;
    let extraction = json!({
        "schema_version": 1,
        "document": {"id": id, "filename": "lease.pdf", "sha256": sha, "media_type": "application/pdf", "pages": []},
        "kind": "lease",
        "lease": {
            "landlord": {"value": "Harbor Point LLC", "confidence": 0.82, "evidence": [{"page": 1, "text": "Harbor Point LLC"}], "status": "extracted"},
            "rentable_square_feet": {"value": 16541, "confidence": 0.64, "evidence": [], "status": "extracted"}
        },
        "diagnostics": []
    });
    let key_ = keys::extraction(org, &id, &sha);
    app.state
        .blobs
        .put(&key_, serde_json::to_vec(&extraction).unwrap())
        .await
        .unwrap();
    // Reset to processing as a re-delivered job would find it, then report the result.
    sqlx::query("DELETE FROM extractions WHERE document_id = $1")
        .bind(&id)
        .execute(app.state.repo.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE documents SET status = 'processing', error = NULL, extraction_version = 0 WHERE id = $1")
        .bind(&id)
        .execute(app.state.repo.pool())
        .await
        .unwrap();
    let event = WorkerEvent::Finished {
        org_id: org.to_string(),
        document_id: id.clone(),
        sha256: sha,
        outcome: JobOutcome::Done { result_key: key_ },
    };
    api::service::jobs::apply_event(&app.state, &event)
        .await
        .unwrap();
    id
}

/// Resources of org A that org B must not see, keyed by the route placeholders.
async fn org_a_resources(app: &TestApp) -> Vec<(&'static str, String)> {
    let key = &app.a.api_key;
    let doc = done_document(app, key, &app.a.org_id, "isolation").await;
    let tpl: Value = app
        .client
        .post(app.url("/api/v1/templates"))
        .bearer_auth(key)
        .json(&json!({"name": "ground", "body": "[[fields]]\nname = \"x\"\n"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let view: Value = app
        .client
        .post(app.url("/api/v1/views"))
        .bearer_auth(key)
        .json(&json!({"name": "mine", "state": {"sort": "-created_at"}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let hook: Value = app
        .client
        .post(app.url("/api/v1/webhooks"))
        .bearer_auth(key)
        .json(&json!({"url": "http://127.0.0.1:9/hook"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    vec![
        ("{doc}", doc),
        ("{tpl}", tpl["id"].as_str().unwrap().to_string()),
        ("{view}", view["id"].as_str().unwrap().to_string()),
        ("{hook}", hook["id"].as_str().unwrap().to_string()),
    ]
}

fn fill(path: &str, ids: &[(&str, String)]) -> String {
    ids.iter()
        .fold(path.to_string(), |p, (k, v)| p.replace(k, v))
}

fn body_for(method: &str, path: &str) -> Option<Value> {
    match (method, path) {
        ("PATCH", _) => Some(json!({"status": "approved"})),
        ("PUT", p) if p.contains("/templates/") => Some(json!({"name": "t2", "body": "a = 1"})),
        ("PUT", p) if p.contains("/views/") => Some(json!({"name": "v2", "state": {}})),
        _ => None,
    }
}

pub async fn every_route_needs_credentials(app: TestApp) {
    let ids = vec![
        ("{doc}", "0".to_string()),
        ("{tpl}", "0".to_string()),
        ("{view}", "0".to_string()),
        ("{hook}", "0".to_string()),
    ];
    for (m, path) in ROUTES {
        let r = app
            .client
            .request(method(m), app.url(&fill(path, &ids)))
            .send()
            .await
            .unwrap();
        assert_problem(r, 401, &format!("{m} {path} without credentials")).await;
        let r = app
            .client
            .request(method(m), app.url(&fill(path, &ids)))
            .bearer_auth("lg_not-a-real-key")
            .send()
            .await
            .unwrap();
        assert_problem(r, 401, &format!("{m} {path} with a wrong key")).await;
    }
    for (m, path) in PUBLIC_ROUTES.iter().filter(|(m, _)| *m == "GET") {
        let r = app
            .client
            .request(method(m), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 200, "{m} {path} is public");
    }
    let r = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let r = app.client.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.text().await.unwrap().contains("swagger"));
}

pub async fn another_orgs_resources_are_not_found_on_every_route(app: TestApp) {
    let ids = org_a_resources(&app).await;
    for (m, path) in ROUTES.iter().filter(|(_, p)| p.contains('{')) {
        let url = app.url(&fill(path, &ids));
        let mut req = app
            .client
            .request(method(m), &url)
            .bearer_auth(&app.b.api_key);
        if let Some(b) = body_for(m, path) {
            req = req.json(&b);
        }
        let r = req.send().await.unwrap();
        assert_problem(r, 404, &format!("org B: {m} {path}")).await;
    }
    // Collections show only the caller's own items.
    for path in [
        "/api/v1/documents",
        "/api/v1/templates",
        "/api/v1/views",
        "/api/v1/webhooks",
    ] {
        let (status, body) = app.get_json(&app.b.api_key, path).await;
        assert_eq!(status, 200, "{path}");
        let items = body.get("items").unwrap_or(&body);
        assert_eq!(
            items.as_array().unwrap().len(),
            0,
            "org B sees nothing at {path}: {body}"
        );
        let (_, mine) = app.get_json(&app.a.api_key, path).await;
        let items = mine.get("items").unwrap_or(&mine);
        assert_eq!(
            items.as_array().unwrap().len(),
            1,
            "org A sees its own at {path}"
        );
    }
    // And org A still has everything.
    for (m, path) in ROUTES.iter().filter(|(m, p)| {
        *m == "GET" && p.contains("{doc}") && !p.contains("pages") && !p.contains("export")
    }) {
        let r = app
            .client
            .request(method(m), app.url(&fill(path, &ids)))
            .bearer_auth(&app.a.api_key)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 200, "org A: {m} {path}");
    }
}

fn stored_files(app: &TestApp) -> usize {
    fn count(p: &std::path::Path) -> usize {
        std::fs::read_dir(p)
            .map(|d| {
                d.flatten()
                    .map(|e| {
                        if e.path().is_dir() {
                            count(&e.path())
                        } else {
                            1
                        }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    count(&app.blob_dir)
}

pub async fn junk_is_refused_with_a_problem_and_nothing_is_stored(app: TestApp) {
    let key = &app.a.api_key;
    let r = app
        .upload(
            key,
            "lease.pdf",
            b"<!DOCTYPE html><html><body>hi</body></html>".to_vec(),
        )
        .await;
    let body = assert_problem(r, 415, "HTML named .pdf").await;
    assert!(body["detail"].as_str().unwrap().contains("HTML"), "{body}");
    let r = app
        .upload(key, "x.pdf", vec![0, 159, 146, 150, 1, 2, 3])
        .await;
    assert_problem(r, 415, "binary junk").await;
    // The name does not make prose a CSV: the bytes decide, as the extractor's reading would.
    let r = app
        .upload(
            key,
            "notes.csv",
            b"Dear tenant, please find enclosed the lease.\n".to_vec(),
        )
        .await;
    let body = assert_problem(r, 415, "prose named .csv").await;
    assert!(
        body["detail"].as_str().unwrap().contains("not CSV"),
        "{body}"
    );
    let r = app.upload(key, "empty.pdf", vec![]).await;
    assert_problem(r, 400, "empty file").await;
    let r = app
        .client
        .post(app.url("/api/v1/documents"))
        .bearer_auth(key)
        .multipart(reqwest::multipart::Form::new().text("template", "lease"))
        .send()
        .await
        .unwrap();
    assert_problem(r, 400, "no file field").await;
    let big = {
        let mut b = tiny_pdf("big");
        b.resize(6 * 1024 * 1024, b' ');
        b
    };
    let r = app.upload(key, "big.pdf", big).await;
    let body = assert_problem(r, 413, "over the upload limit").await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("LEASEGRID_MAX_UPLOAD_BYTES")
    );
    let r = app
        .client
        .post(app.url("/api/v1/documents"))
        .bearer_auth(key)
        .multipart(
            reqwest::multipart::Form::new()
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(tiny_pdf("t")).file_name("a.pdf"),
                )
                .text("template", "no-such-template"),
        )
        .send()
        .await
        .unwrap();
    assert_problem(r, 422, "unknown template").await;
    let (_, list) = app.get_json(key, "/api/v1/documents").await;
    assert_eq!(list["items"].as_array().unwrap().len(), 0, "{list}");
    assert_eq!(stored_files(&app), 0, "nothing reached the blob store");
}

pub async fn the_same_file_twice_is_one_document(app: TestApp) {
    let key = &app.a.api_key;
    let first = app.upload(key, "a.pdf", tiny_pdf("same")).await;
    assert_eq!(first.status().as_u16(), 202);
    let first: Value = first.json().await.unwrap();
    for k in [
        "id",
        "status",
        "filename",
        "media_type",
        "sha256",
        "size",
        "kind",
        "pages",
        "pages_done",
        "created_at",
        "error",
    ] {
        assert!(first.get(k).is_some(), "document JSON has {k}: {first}");
    }
    assert_eq!(first["media_type"], "application/pdf");
    let second = app.upload(key, "renamed.pdf", tiny_pdf("same")).await;
    assert_eq!(second.status().as_u16(), 200);
    let second: Value = second.json().await.unwrap();
    assert_eq!(first["id"], second["id"]);
    let (_, list) = app.get_json(key, "/api/v1/documents").await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    // The same bytes in another organization are that organization's own document.
    let other = app.upload(&app.b.api_key, "a.pdf", tiny_pdf("same")).await;
    assert_eq!(other.status().as_u16(), 202);
    let other: Value = other.json().await.unwrap();
    assert_ne!(other["id"], first["id"]);
}

pub async fn listing_pages_filters_and_sorts(app: TestApp) {
    let key = &app.a.api_key;
    let names = [
        "delta.pdf",
        "alpha.pdf",
        "charlie.pdf",
        "bravo.pdf",
        "echo.pdf",
    ];
    for (i, n) in names.iter().enumerate() {
        let r = app.upload(key, n, tiny_pdf(&format!("doc{i}"))).await;
        assert_eq!(r.status().as_u16(), 202);
    }
    let mut seen = vec![];
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/documents?sort=filename&limit=2&cursor={c}"),
            None => "/api/v1/documents?sort=filename&limit=2".to_string(),
        };
        let (status, page) = app.get_json(key, &path).await;
        assert_eq!(status, 200, "{page}");
        for d in page["items"].as_array().unwrap() {
            seen.push(d["filename"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(
        seen,
        [
            "alpha.pdf",
            "bravo.pdf",
            "charlie.pdf",
            "delta.pdf",
            "echo.pdf"
        ]
    );
    let (_, newest) = app.get_json(key, "/api/v1/documents?limit=1").await;
    assert_eq!(newest["items"][0]["filename"], "echo.pdf");
    let (_, q) = app.get_json(key, "/api/v1/documents?q=HARL").await;
    assert_eq!(q["items"].as_array().unwrap().len(), 1);
    assert_eq!(q["items"][0]["filename"], "charlie.pdf");
    let (_, pct) = app.get_json(key, "/api/v1/documents?q=%25").await;
    assert_eq!(pct["items"].as_array().unwrap().len(), 0, "% is literal");
    for bad in [
        "sort=size",
        "limit=0",
        "limit=201",
        "cursor=zzz",
        "status=lost",
    ] {
        let r = app
            .client
            .get(app.url(&format!("/api/v1/documents?{bad}")))
            .bearer_auth(key)
            .send()
            .await
            .unwrap();
        assert_problem(r, 400, bad).await;
    }
}

pub async fn corrections_are_events_with_etags(app: TestApp) {
    let key = &app.a.api_key;
    let id = done_document(&app, key, &app.a.org_id, "corrections").await;
    let url = app.url(&format!("/api/v1/documents/{id}/extraction"));
    let r = app.client.get(&url).bearer_auth(key).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["etag"], "\"v1\"");
    let x: Value = r.json().await.unwrap();
    assert_eq!(x["lease"]["landlord"]["value"], "Harbor Point LLC");
    let r = app
        .client
        .get(&url)
        .bearer_auth(key)
        .header("if-none-match", "\"v1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 304);

    let field = app.url(&format!("/api/v1/documents/{id}/fields/landlord"));
    let r = app
        .client
        .patch(&field)
        .bearer_auth(key)
        .header("if-match", "\"v1\"")
        .json(&json!({"status": "corrected", "value": "Harbor Point Holdings LLC", "note": "per estoppel"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["etag"], "\"v2\"");
    // A stale edit is refused.
    let r = app
        .client
        .patch(&field)
        .bearer_auth(key)
        .header("if-match", "\"v1\"")
        .json(&json!({"status": "approved"}))
        .send()
        .await
        .unwrap();
    assert_problem(r, 412, "stale If-Match").await;
    let r = app
        .client
        .patch(app.url(&format!(
            "/api/v1/documents/{id}/fields/rentable_square_feet"
        )))
        .bearer_auth(key)
        .json(&json!({"status": "approved"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["etag"], "\"v3\"");
    for (body, status) in [
        (json!({"status": "corrected"}), 422),
        (json!({"status": "maybe"}), 422),
        (json!({"value": 1}), 422),
    ] {
        let r = app
            .client
            .patch(&field)
            .bearer_auth(key)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_problem(r, status, &body.to_string()).await;
    }
    let r = app
        .client
        .patch(&field)
        .bearer_auth(key)
        .body("{")
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_problem(r, 400, "malformed JSON").await;
    let r = app
        .client
        .patch(app.url(&format!("/api/v1/documents/{id}/fields/no_such_field")))
        .bearer_auth(key)
        .json(&json!({"status": "approved"}))
        .send()
        .await
        .unwrap();
    assert_problem(r, 404, "unknown field").await;

    let x: Value = app
        .client
        .get(&url)
        .bearer_auth(key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(x["lease"]["landlord"]["value"], "Harbor Point Holdings LLC");
    assert_eq!(x["lease"]["landlord"]["status"], "corrected");
    assert_eq!(
        x["lease"]["landlord"]["evidence"][0]["page"], 1,
        "evidence is kept"
    );
    assert_eq!(x["lease"]["rentable_square_feet"]["status"], "approved");
    let (_, history) = app
        .get_json(key, &format!("/api/v1/documents/{id}/corrections"))
        .await;
    let history = history.as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["field"], "landlord");
    assert_eq!(history[0]["action"], "correct");
    assert_eq!(history[0]["note"], "per estoppel");
    assert!(
        history[0]["actor"]
            .as_str()
            .unwrap()
            .starts_with("api_key:lg_")
    );
    let before: Value = serde_json::from_str(history[0]["before_value"].as_str().unwrap()).unwrap();
    assert_eq!(before["value"], "Harbor Point LLC");
}

pub async fn a_field_reverts_to_its_extracted_value(app: TestApp) {
    let key = &app.a.api_key;
    let id = done_document(&app, key, &app.a.org_id, "revert").await;
    let field = app.url(&format!("/api/v1/documents/{id}/fields/landlord"));
    let patch = |body: Value, etag: &str| {
        app.client
            .patch(&field)
            .bearer_auth(key)
            .header("if-match", etag)
            .json(&body)
            .send()
    };
    // Reverting an untouched field changes nothing and records nothing.
    let r = patch(json!({"status": "extracted"}), "\"v1\"")
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["etag"], "\"v1\"");
    let r = patch(
        json!({"status": "corrected", "value": "Harbor Point Holdings LLC"}),
        "\"v1\"",
    )
    .await
    .unwrap();
    assert_eq!(r.headers()["etag"], "\"v2\"");
    let r = patch(json!({"status": "approved"}), "\"v2\"")
        .await
        .unwrap();
    assert_eq!(r.headers()["etag"], "\"v3\"");
    // A revert that names a value other than the extracted one is refused.
    let r = patch(
        json!({"status": "extracted", "value": "Someone Else"}),
        "\"v3\"",
    )
    .await
    .unwrap();
    assert_problem(r, 422, "revert to another value").await;
    let r = patch(
        json!({"status": "extracted", "note": "wrong party"}),
        "\"v3\"",
    )
    .await
    .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["etag"], "\"v4\"");
    let answered: Value = r.json().await.unwrap();
    let (_, x) = app
        .get_json(key, &format!("/api/v1/documents/{id}/extraction"))
        .await;
    assert_eq!(answered, x);
    // Value, confidence, evidence and status are the worker's again.
    assert_eq!(
        x["lease"]["landlord"],
        json!({"value": "Harbor Point LLC", "confidence": 0.82,
            "evidence": [{"page": 1, "text": "Harbor Point LLC"}], "status": "extracted"})
    );
    let (_, history) = app
        .get_json(key, &format!("/api/v1/documents/{id}/corrections"))
        .await;
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["correct", "approve", "revert"]);
    let last = &history[2];
    assert_eq!(last["note"], "wrong party");
    let before: Value = serde_json::from_str(last["before_value"].as_str().unwrap()).unwrap();
    assert_eq!(before["status"], "approved");
    assert_eq!(before["value"], "Harbor Point Holdings LLC");
}

pub async fn finished_events_apply_exactly_once(app: TestApp) {
    let key = &app.a.api_key;
    let id = done_document(&app, key, &app.a.org_id, "once").await;
    let (_, doc) = app.get_json(key, &format!("/api/v1/documents/{id}")).await;
    // A duplicate delivery of the same finished event (or a late failure) changes nothing.
    let sha = doc["sha256"].as_str().unwrap().to_string();
    for outcome in [
        JobOutcome::Done {
            result_key: keys::extraction(&app.a.org_id, &id, &sha),
        },
        JobOutcome::Failed {
            message: "late".into(),
            input_error: false,
        },
    ] {
        let event = WorkerEvent::Finished {
            org_id: app.a.org_id.clone(),
            document_id: id.clone(),
            sha256: sha.clone(),
            outcome,
        };
        api::service::jobs::apply_event(&app.state, &event)
            .await
            .unwrap();
    }
    let versions: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM extractions WHERE document_id = $1")
            .bind(&id)
            .fetch_one(app.state.repo.pool())
            .await
            .unwrap();
    assert_eq!(versions, 1);
    let (_, after) = app.get_json(key, &format!("/api/v1/documents/{id}")).await;
    assert_eq!(after["status"], "done");
    // An event for other content (a different sha256) is ignored.
    let event = WorkerEvent::Progress {
        org_id: app.a.org_id.clone(),
        document_id: id.clone(),
        sha256: "0".repeat(64),
        pages_done: 1,
        pages_total: 9,
    };
    api::service::jobs::apply_event(&app.state, &event)
        .await
        .unwrap();
    let (_, after) = app.get_json(key, &format!("/api/v1/documents/{id}")).await;
    assert_eq!(after["status"], "done");
}

pub async fn sessions_sign_in_and_need_csrf_for_writes(app: TestApp) {
    let login = app.url("/api/v1/auth/login");
    let r = app
        .client
        .post(&login)
        .json(&json!({"email": app.a.admin_email, "password": "wrong"}))
        .send()
        .await
        .unwrap();
    assert_problem(r, 401, "wrong password").await;
    let r = app
        .client
        .post(&login)
        .json(&json!({"email": app.a.admin_email, "password": app.a.admin_password}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let cookies: Vec<String> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("leasegrid_session="))
        .unwrap();
    let csrf = cookies
        .iter()
        .find(|c| c.starts_with("leasegrid_csrf="))
        .unwrap();
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));
    assert!(
        !csrf.contains("HttpOnly"),
        "the web app reads the CSRF cookie"
    );
    let value = |c: &str| {
        c.split(';')
            .next()
            .unwrap()
            .split_once('=')
            .unwrap()
            .1
            .to_string()
    };
    let (session, csrf) = (value(session), value(csrf));
    let cookie = format!("leasegrid_session={session}; leasegrid_csrf={csrf}");
    let me: Value = app
        .client
        .get(app.url("/api/v1/auth/me"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["org_id"], app.a.org_id.as_str());
    assert_eq!(me["role"], "admin");
    assert_eq!(me["email"], app.a.admin_email.as_str());
    let view = json!({"name": "csrf", "state": {}});
    let r = app
        .client
        .post(app.url("/api/v1/views"))
        .header("cookie", &cookie)
        .json(&view)
        .send()
        .await
        .unwrap();
    assert_problem(r, 403, "cookie write without CSRF header").await;
    let r = app
        .client
        .post(app.url("/api/v1/views"))
        .header("cookie", &cookie)
        .header("x-csrf-token", "forged")
        .json(&view)
        .send()
        .await
        .unwrap();
    assert_problem(r, 403, "wrong CSRF header").await;
    let r = app
        .client
        .post(app.url("/api/v1/views"))
        .header("cookie", &cookie)
        .header("x-csrf-token", &csrf)
        .json(&view)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let r = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .header("cookie", &cookie)
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
    let r = app
        .client
        .get(app.url("/api/v1/auth/me"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_problem(r, 401, "after logout").await;
}

pub async fn templates_and_views_round_trip(app: TestApp) {
    let key = &app.a.api_key;
    let post = |path: &'static str, body: Value| {
        app.client
            .post(app.url(path))
            .bearer_auth(key)
            .json(&body)
            .send()
    };
    let t: Value = post(
        "/api/v1/templates",
        json!({"name": "nda", "description": "NDAs", "body": "[[fields]]\nname = \"term\"\n"}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let r = post("/api/v1/templates", json!({"name": "nda", "body": "a = 1"}))
        .await
        .unwrap();
    assert_problem(r, 409, "duplicate template name").await;
    let r = post(
        "/api/v1/templates",
        json!({"name": "bad", "body": "[[fields"}),
    )
    .await
    .unwrap();
    assert_problem(r, 422, "invalid TOML").await;
    let r = post(
        "/api/v1/templates",
        json!({"name": "lease", "body": "a = 1"}),
    )
    .await
    .unwrap();
    assert_problem(r, 422, "built-in name").await;
    let id = t["id"].as_str().unwrap();
    let r = app
        .client
        .put(app.url(&format!("/api/v1/templates/{id}")))
        .bearer_auth(key)
        .json(&json!({"name": "nda", "body": "b = 2"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let (_, got) = app.get_json(key, &format!("/api/v1/templates/{id}")).await;
    assert_eq!(got["body"], "b = 2");
    // A saved template can be named at upload.
    let r = app
        .client
        .post(app.url("/api/v1/documents"))
        .bearer_auth(key)
        .multipart(
            reqwest::multipart::Form::new()
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(tiny_pdf("tpl")).file_name("n.pdf"),
                )
                .text("template", "nda"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 202);
    let doc: Value = r.json().await.unwrap();
    assert_eq!(doc["template"], "nda");
    let r = app
        .client
        .delete(app.url(&format!("/api/v1/templates/{id}")))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
    let (status, _) = app.get_json(key, &format!("/api/v1/templates/{id}")).await;
    assert_eq!(status, 404);

    let v: Value = post(
        "/api/v1/views",
        json!({"name": "Expiring", "state": {"sort": "-expiration_date"}}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(v["state"]["sort"], "-expiration_date");
    let r = post("/api/v1/views", json!({"name": "x", "state": [1]}))
        .await
        .unwrap();
    assert_problem(r, 422, "state must be an object").await;
    let (_, views) = app.get_json(key, "/api/v1/views").await;
    assert_eq!(views.as_array().unwrap().len(), 1);
}

#[test]
fn every_openapi_operation_has_a_unique_descriptive_id() {
    let doc = serde_json::to_value(<api::http::ApiDoc as utoipa::OpenApi>::openapi()).unwrap();
    let mut seen = std::collections::BTreeMap::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            // Generated clients name functions after these; a bare verb says nothing.
            assert!(
                id.contains('_') || ["login", "logout"].contains(&id),
                "{method} {path}: operationId {id:?} does not name its resource"
            );
            if let Some(other) = seen.insert(id.to_string(), format!("{method} {path}")) {
                panic!("operationId {id:?} is used by {other} and {method} {path}");
            }
        }
    }
    assert!(seen.len() >= ROUTES.len());
}

#[tokio::test]
async fn the_openapi_document_is_valid_and_lists_every_route() {
    let doc = serde_json::to_value(<api::http::ApiDoc as utoipa::OpenApi>::openapi()).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    for (m, path) in ROUTES.iter().chain(PUBLIC_ROUTES) {
        let templ = path
            .replace("{doc}", "{id}")
            .replace("{tpl}", "{id}")
            .replace("{view}", "{id}")
            .replace("{hook}", "{id}")
            .replace("/fields/landlord", "/fields/{name}")
            .replace("/pages/1.png", "/pages/{page}");
        let op = &paths
            .get(&templ)
            .unwrap_or_else(|| panic!("{templ} is missing from the OpenAPI document"))
            [m.to_lowercase()];
        assert!(op.is_object(), "{m} {templ} is not documented");
        assert!(op["responses"].as_object().is_some_and(|r| !r.is_empty()));
    }
    // Every $ref resolves.
    fn refs(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    out.push(r.clone());
                }
                m.values().for_each(|x| refs(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    let mut all = vec![];
    refs(&doc, &mut all);
    assert!(!all.is_empty());
    for r in all {
        let name = r
            .strip_prefix("#/components/schemas/")
            .expect("local schema refs");
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "{r} does not resolve"
        );
    }
    for s in ["api_key", "session"] {
        assert!(doc["components"]["securitySchemes"][s].is_object());
    }
}
