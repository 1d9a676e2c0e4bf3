//! The database: one pool for SQLite or Postgres (picked by URL scheme) and its migrations.

use sqlx::AnyPool;
use sqlx::migrate::Migrator;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Which SQL dialect a URL speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    pub fn of(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Dialect::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Dialect::Postgres)
        } else {
            anyhow::bail!("unsupported database URL {url:?}: use sqlite://PATH or postgres://...")
        }
    }
}

/// Connects and brings the schema up to date; a missing SQLite file is created.
pub async fn connect_and_migrate(url: &str) -> anyhow::Result<(AnyPool, Dialect)> {
    sqlx::any::install_default_drivers();
    let dialect = Dialect::of(url)?;
    let pool = sqlx::any::AnyPoolOptions::new()
        .max_connections(if dialect == Dialect::Sqlite { 4 } else { 16 })
        .connect(url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", redact(url)))?;
    let migrator = match dialect {
        Dialect::Sqlite => &SQLITE_MIGRATIONS,
        Dialect::Postgres => &POSTGRES_MIGRATIONS,
    };
    migrator
        .run(&pool)
        .await
        .map_err(|e| anyhow::anyhow!("migrating {} failed: {e}", redact(url)))?;
    Ok((pool, dialect))
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://***{}", &url[..s], &url[at..]),
        _ => url.to_string(),
    }
}

/// A newly created organization as printed by `leasegrid org create`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CreatedOrg {
    pub org_id: String,
    pub org_name: String,
}

pub async fn create_org(pool: &AnyPool, name: &str) -> anyhow::Result<CreatedOrg> {
    let name = name.trim();
    anyhow::ensure!(!name.is_empty(), "an organization needs a non-empty name");
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query("INSERT INTO organizations (id, name, created_at) VALUES ($1, $2, $3)")
        .bind(&id)
        .bind(name)
        .bind(chrono::Utc::now().to_rfc3339())
        .execute(pool)
        .await?;
    Ok(CreatedOrg {
        org_id: id,
        org_name: name.to_string(),
    })
}

/// Creates the demo organization when the database has none; `None` when orgs exist.
pub async fn ensure_demo_org(pool: &AnyPool) -> anyhow::Result<Option<CreatedOrg>> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organizations")
        .fetch_one(pool)
        .await?;
    if count > 0 {
        return Ok(None);
    }
    Ok(Some(create_org(pool, "Demo Realty").await?))
}
