//! Shared by the tests that run `leasegrid` as separate processes: a child killed when the test
//! ends, free ports, `org create`, and waiting for a server to answer.

use serde_json::Value;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the process when the test ends, however it ends.
pub struct Process(pub Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// An HTTP client for talking to the server (with the process's TLS provider installed).
pub fn client() -> reqwest::Client {
    api::tls::install_crypto_provider();
    reqwest::Client::new()
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `leasegrid serve --data-dir data` on `port` with `env`, logging warnings to the test's stderr.
pub fn serve(data: &Path, port: u16, extra_args: &[&str], env: &[(&str, &str)]) -> Process {
    let mut command = Command::new(env!("CARGO_BIN_EXE_leasegrid"));
    command
        .args(["serve", "--data-dir"])
        .arg(data)
        .args([
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--frontend-dir",
            "none",
        ])
        .args(extra_args)
        .env("LEASEGRID_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    for (k, v) in env {
        command.env(k, v);
    }
    Process(command.spawn().expect("start leasegrid serve"))
}

/// `leasegrid org create NAME --data-dir data`: what it prints (org id, API key, admin login).
pub fn create_org(data: &Path, name: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_leasegrid"))
        .args(["org", "create", name, "--data-dir"])
        .arg(data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub async fn wait_healthy(client: &reqwest::Client, base: &str) {
    let start = Instant::now();
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the server did not start"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn document(client: &reqwest::Client, base: &str, key: &str, id: &str) -> Value {
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

/// Uploads a file of `shared/data` and returns the new document's id.
pub async fn upload_shared(client: &reqwest::Client, base: &str, key: &str, file: &str) -> String {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/data")
            .join(file),
    )
    .unwrap();
    let name = Path::new(file)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name),
    );
    let r = client
        .post(format!("{base}/api/v1/documents"))
        .bearer_auth(key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 202);
    let doc: Value = r.json().await.unwrap();
    doc["id"].as_str().unwrap().to_string()
}

/// Polls until the document is `done` or `failed`.
pub async fn wait_final(
    client: &reqwest::Client,
    base: &str,
    key: &str,
    id: &str,
    limit: Duration,
) -> Value {
    let start = Instant::now();
    loop {
        let d = document(client, base, key, id).await;
        if d["status"] == "done" || d["status"] == "failed" {
            return d;
        }
        assert!(start.elapsed() < limit, "not finished: {d}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
