//! `leasegrid org create NAME`: a new organization with an admin user and an API key, printed
//! as JSON on stdout (`org_id`, `org_name`, `api_key`, `admin_email`, `admin_password`).

use crate::cli::OrgCommand;
use crate::config::StorageConfig;
use std::process::ExitCode;

pub fn run(command: OrgCommand) -> anyhow::Result<ExitCode> {
    match command {
        OrgCommand::Create { name, storage } => {
            let config = StorageConfig::resolve(&storage)?;
            super::runtime()?.block_on(async {
                let repo = crate::db::Repository::connect(&config.database_url).await?;
                let org = repo.create_org(&name).await?;
                println!("{}", serde_json::to_string(&org)?);
                Ok(ExitCode::SUCCESS)
            })
        }
    }
}
