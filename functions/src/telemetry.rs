//! Logging set-up shared by every binary: logs go to stderr (stdout carries only results),
//! pretty on a terminal, JSON when `LEASEGRID_LOG_FORMAT=json`.

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. `format` is `pretty`, `json` or `auto` (pretty on a terminal).
pub fn init(format: &str) {
    let filter =
        EnvFilter::try_from_env("LEASEGRID_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let json = match format {
        "json" => true,
        "pretty" => false,
        _ => !std::io::IsTerminal::is_terminal(&std::io::stderr()),
    };
    // A second init (tests, re-exec) is harmless, so its error is ignored.
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
