//! Webhook deliveries: signed, retried after failures, recorded.

use crate::helpers::{Backend, spawn_app};
use crate::suite::done_document;
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deliveries_are_signed_and_retried() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    // A receiver that fails the first attempt and records the rest.
    let received: Arc<Mutex<Vec<(HeaderMap, String)>>> = Arc::default();
    let attempts = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let router = {
        let received = received.clone();
        let attempts = attempts.clone();
        axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: String| {
                let received = received.clone();
                let attempts = attempts.clone();
                async move {
                    if attempts.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
                        return StatusCode::SERVICE_UNAVAILABLE;
                    }
                    received.lock().unwrap().push((headers, body));
                    StatusCode::NO_CONTENT
                }
            }),
        )
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook_addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });

    let key = &app.a.api_key;
    let r = app
        .client
        .post(app.url("/api/v1/webhooks"))
        .bearer_auth(key)
        .json(&json!({"url": format!("http://{hook_addr}/hook"), "events": ["document.done"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let hook: Value = r.json().await.unwrap();
    let secret = hook["secret"].as_str().unwrap().to_string();
    let (_, listed) = app.get_json(key, "/api/v1/webhooks").await;
    assert!(
        listed[0].get("secret").is_none(),
        "the secret is shown once"
    );

    let id = done_document(&app, key, &app.a.org_id, "hook").await;
    let start = std::time::Instant::now();
    while received.lock().unwrap().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no delivery arrived"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (headers, body) = received.lock().unwrap()[0].clone();
    let signature = headers["leasegrid-signature"].to_str().unwrap();
    let now = chrono::Utc::now().timestamp();
    api::webhooks::signature::verify(&secret, signature, body.as_bytes(), now)
        .expect("the signature verifies");
    assert!(api::webhooks::signature::verify("other", signature, body.as_bytes(), now).is_err());
    let payload: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(payload["event"], "document.done");
    assert_eq!(payload["document"]["id"], id.as_str());
    assert_eq!(payload["document"]["status"], "done");
    // Every delivery (the worker's own result and the one reported above) ends delivered,
    // one of them after a retry, and the table counts every attempt the receiver saw.
    let hook_id = hook["id"].as_str().unwrap();
    let start = std::time::Instant::now();
    let states = loop {
        let states = app
            .state
            .repo
            .delivery_states(&app.a.org_id, hook_id)
            .await
            .unwrap();
        if states.iter().all(|(s, _)| s == "delivered") {
            break states;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "undelivered: {states:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let total: i64 = states.iter().map(|(_, n)| n).sum();
    assert_eq!(
        total as usize,
        attempts.load(std::sync::atomic::Ordering::SeqCst)
    );
    assert!(states.iter().any(|(_, n)| *n == 2), "{states:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_targets_are_reached_over_tls() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    // A bare TCP receiver: it records the first bytes the deliverer sends, then hangs up.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook_addr = listener.local_addr().unwrap();
    let (first_bytes, mut seen) = tokio::sync::mpsc::channel::<Vec<u8>>(4);
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buf = vec![0u8; 5];
            if tokio::io::AsyncReadExt::read_exact(&mut socket, &mut buf)
                .await
                .is_ok()
            {
                let _ = first_bytes.send(buf).await;
            }
        }
    });
    let key = &app.a.api_key;
    let r = app
        .client
        .post(app.url("/api/v1/webhooks"))
        .bearer_auth(key)
        .json(&json!({"url": format!("https://{hook_addr}/hook"), "events": ["document.done"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    done_document(&app, key, &app.a.org_id, "tls").await;
    let bytes = tokio::time::timeout(Duration::from_secs(20), seen.recv())
        .await
        .expect("no connection to the https target")
        .unwrap();
    // A TLS record of type handshake (22), version 3.x: a ClientHello, not plain HTTP.
    assert_eq!((bytes[0], bytes[1]), (22, 3), "{bytes:?}");
}
