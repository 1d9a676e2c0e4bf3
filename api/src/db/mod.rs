//! The database: one pool for SQLite or Postgres (picked by URL scheme), its migrations, and
//! the `Repository` whose methods are the only SQL in the service. Queries are runtime-checked
//! (`sqlx::query_as` + `FromRow`) and written once in the SQL both dialects share; the same
//! behavioural suite runs against both databases.

use sqlx::AnyPool;
use sqlx::migrate::Migrator;

mod documents;
mod extractions;
mod jobs;
mod orgs;
mod settings;
mod sqlite;
mod webhooks;

pub use documents::{DocumentFilter, DocumentRow, DocumentSort, NewDocument};
pub use extractions::{CorrectionRow, NewCorrection};
pub use jobs::JobRow;
pub use orgs::{ApiKeyRow, CreatedOrg, Principal, UserRow};
pub use settings::{TemplateRow, ViewRow};
pub use webhooks::{DeliveryRow, WebhookRow};

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

/// A database error that callers may want to tell apart.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("a row with the same unique key exists")]
    Conflict,
    #[error("database: {0}")]
    Sqlx(sqlx::Error),
    #[error("stored JSON is malformed: {0}")]
    Json(#[from] serde_json::Error),
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => DbError::Conflict,
            _ => DbError::Sqlx(e),
        }
    }
}

pub type DbResult<T> = Result<T, DbError>;

/// Every read and write of the service's state, each scoped by organization.
#[derive(Clone)]
pub struct Repository {
    pool: AnyPool,
    dialect: Dialect,
}

impl Repository {
    /// Connects and brings the schema up to date; a missing SQLite file is created.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let (pool, dialect) = connect_and_migrate(url).await?;
        Ok(Repository { pool, dialect })
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Checks the database answers, for readiness probes.
    pub async fn ping(&self) -> DbResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
}

/// Connects and brings the schema up to date; a missing SQLite file is created.
pub async fn connect_and_migrate(url: &str) -> anyhow::Result<(AnyPool, Dialect)> {
    sqlx::any::install_default_drivers();
    let dialect = Dialect::of(url)?;
    let url = if dialect == Dialect::Sqlite && !url.contains('?') {
        format!("{url}?mode=rwc")
    } else {
        url.to_string()
    };
    if dialect == Dialect::Sqlite {
        sqlite::disable_memory_statistics();
    }
    let mut options = sqlx::any::AnyPoolOptions::new()
        .max_connections(if dialect == Dialect::Sqlite { 8 } else { 16 });
    if dialect == Dialect::Sqlite {
        // WAL lets readers run beside the one writer; the busy timeout queues writers instead of
        // failing them; foreign keys make deletes cascade.
        options = options.after_connect(|conn, _| {
            Box::pin(async move {
                for pragma in [
                    "PRAGMA journal_mode = WAL",
                    "PRAGMA synchronous = NORMAL",
                    "PRAGMA busy_timeout = 10000",
                    "PRAGMA foreign_keys = ON",
                ] {
                    sqlx::query(pragma).execute(&mut *conn).await?;
                }
                Ok(())
            })
        });
    }
    let pool = options
        .connect(&url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", redact(&url)))?;
    let migrator = match dialect {
        Dialect::Sqlite => &SQLITE_MIGRATIONS,
        Dialect::Postgres => &POSTGRES_MIGRATIONS,
    };
    migrator
        .run(&pool)
        .await
        .map_err(|e| anyhow::anyhow!("migrating {} failed: {e}", redact(&url)))?;
    Ok((pool, dialect))
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://***{}", &url[..s], &url[at..]),
        _ => url.to_string(),
    }
}

/// Now as fixed-width RFC 3339 UTC text (microseconds), which sorts as time on both databases.
pub fn now() -> String {
    timestamp(chrono::Utc::now())
}

pub fn timestamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
