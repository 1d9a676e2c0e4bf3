//! `leasegrid org create NAME`: a new organization, printed as JSON on stdout.

use crate::cli::OrgCommand;
use crate::config::StorageConfig;
use std::process::ExitCode;

pub fn run(command: OrgCommand) -> anyhow::Result<ExitCode> {
    match command {
        OrgCommand::Create { name, storage } => {
            let config = StorageConfig::resolve(&storage)?;
            super::runtime()?.block_on(async {
                let (pool, _) = crate::db::connect_and_migrate(&config.database_url).await?;
                let org = crate::db::create_org(&pool, &name).await?;
                println!("{}", serde_json::to_string(&org)?);
                Ok(ExitCode::SUCCESS)
            })
        }
    }
}
