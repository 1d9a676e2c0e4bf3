//! Prometheus metrics at `GET /metrics`: request counts and latency by route and status, uploads,
//! jobs and finished documents. Hand-rolled text exposition; the set is small and fixed.

use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Latency bucket upper bounds in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1.0, 5.0];

#[derive(Default)]
pub struct Counter(AtomicU64);

impl Counter {
    pub fn inc(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }

    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

#[derive(Default)]
struct Histogram {
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Default)]
pub struct Metrics {
    pub uploads: Counter,
    pub jobs_enqueued: Counter,
    pub documents_done: Counter,
    pub documents_failed: Counter,
    /// (method, route, status) → latency histogram.
    requests: Mutex<BTreeMap<(String, String, u16), Histogram>>,
}

impl Metrics {
    pub fn documents_finished(&self, status: &str) {
        match status {
            "done" => self.documents_done.inc(),
            _ => self.documents_failed.inc(),
        }
    }

    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let Ok(mut map) = self.requests.lock() else {
            return;
        };
        let h = map
            .entry((method.to_string(), route.to_string(), status))
            .or_default();
        h.count += 1;
        h.sum += seconds;
        for (i, bound) in BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                h.buckets[i] += 1;
            }
        }
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (name, help, c) in [
            (
                "leasegrid_uploads_total",
                "Documents stored by uploads.",
                &self.uploads,
            ),
            (
                "leasegrid_jobs_enqueued_total",
                "Extraction jobs published (including re-enqueues).",
                &self.jobs_enqueued,
            ),
            (
                "leasegrid_documents_done_total",
                "Documents extracted.",
                &self.documents_done,
            ),
            (
                "leasegrid_documents_failed_total",
                "Documents that failed extraction.",
                &self.documents_failed,
            ),
        ] {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                c.get()
            );
        }
        let name = "leasegrid_http_request_duration_seconds";
        let _ = writeln!(
            out,
            "# HELP {name} HTTP request latency by route.\n# TYPE {name} histogram"
        );
        if let Ok(map) = self.requests.lock() {
            for ((method, route, status), h) in map.iter() {
                let labels = format!("method=\"{method}\",route=\"{route}\",status=\"{status}\"");
                for (bound, n) in BUCKETS.iter().zip(h.buckets) {
                    let _ = writeln!(out, "{name}_bucket{{{labels},le=\"{bound}\"}} {n}");
                }
                let _ = writeln!(out, "{name}_bucket{{{labels},le=\"+Inf\"}} {}", h.count);
                let _ = writeln!(out, "{name}_sum{{{labels}}} {}", h.sum);
                let _ = writeln!(out, "{name}_count{{{labels}}} {}", h.count);
            }
        }
        out
    }
}

/// Records every request under its route template (not the raw path, to bound cardinality).
pub async fn track(State(state): State<super::AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".into());
    let method = request.method().to_string();
    let start = Instant::now();
    let response = next.run(request).await;
    state.metrics.observe(
        &method,
        &route,
        response.status().as_u16(),
        start.elapsed().as_secs_f64(),
    );
    response
}

/// Prometheus metrics.
#[utoipa::path(get, path = "/metrics", operation_id = "get_metrics", tag = "operations",
    responses((status = 200, description = "Prometheus text exposition", body = String, content_type = "text/plain")))]
pub async fn metrics(State(state): State<super::AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exposition_has_counters_and_buckets() {
        let m = Metrics::default();
        m.uploads.inc();
        m.observe("GET", "/api/v1/documents", 200, 0.003);
        let text = m.render();
        assert!(text.contains("leasegrid_uploads_total 1"));
        assert!(text.contains(
            "leasegrid_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/documents\",status=\"200\",le=\"0.005\"} 1"
        ));
        assert!(text.contains("le=\"0.0025\"} 0"));
    }
}
