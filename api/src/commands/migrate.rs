//! `leasegrid migrate`: create or upgrade the database schema.

use crate::cli::StorageArgs;
use crate::config::StorageConfig;
use std::process::ExitCode;

pub fn run(args: StorageArgs) -> anyhow::Result<ExitCode> {
    let config = StorageConfig::resolve(&args)?;
    super::runtime()?.block_on(async {
        crate::db::connect_and_migrate(&config.database_url).await?;
        tracing::info!(database = %crate::db::redact(&config.database_url), "database is up to date");
        Ok(ExitCode::SUCCESS)
    })
}
