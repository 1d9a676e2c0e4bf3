//! `leasegrid`: the server (API, web app, embedded workers) and the command-line tools.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    functions::omp::ensure_single_threaded_openmp();
    api::tls::install_crypto_provider();
    let cli = api::cli::Cli::parse();
    functions::telemetry::init(&cli.log_format);
    match api::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("leasegrid: {e:#}");
            ExitCode::FAILURE
        }
    }
}
