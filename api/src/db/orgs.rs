//! Organizations, users, API keys and web sessions. Secrets are stored only as hashes: argon2
//! for passwords, SHA-256 for high-entropy API keys and session tokens (looked up by hash).

use super::{DbResult, Repository, new_id, now};
use crate::auth::secrets;
use crate::domain::Role;

/// A newly created organization as printed by `leasegrid org create`; the key and password are
/// shown only here.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CreatedOrg {
    pub org_id: String,
    pub org_name: String,
    pub api_key: String,
    pub admin_email: String,
    pub admin_password: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: String,
    pub org_id: String,
    pub email: String,
    pub password_hash: String,
    pub role: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiKeyRow {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub prefix: String,
    pub role: String,
}

/// Who is calling: an organization, a role, and a name for audit trails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub org_id: String,
    pub user_id: Option<String>,
    /// `user:EMAIL` or `api_key:PREFIX`, recorded on correction events.
    pub actor: String,
    pub role: Role,
}

#[derive(sqlx::FromRow)]
struct PrincipalRow {
    org_id: String,
    user_id: Option<String>,
    actor: String,
    role: String,
}

impl PrincipalRow {
    fn into_principal(self) -> Option<Principal> {
        Some(Principal {
            org_id: self.org_id,
            user_id: self.user_id,
            actor: self.actor,
            role: Role::parse(&self.role)?,
        })
    }
}

impl Repository {
    /// Creates an organization with an admin user and an admin API key.
    pub async fn create_org(&self, name: &str) -> anyhow::Result<CreatedOrg> {
        let name = name.trim();
        anyhow::ensure!(!name.is_empty(), "an organization needs a non-empty name");
        let org_id = new_id();
        let slug: String = name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let admin_email = format!("admin+{}@{}.leasegrid.local", &org_id[..8], slug.trim_matches('-'));
        let admin_password = secrets::random_token(18);
        let password_hash = secrets::hash_password(&admin_password)?;
        let (api_key, key_hash, prefix) = secrets::new_api_key();
        let t = now();
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO organizations (id, name, created_at) VALUES ($1, $2, $3)")
            .bind(&org_id)
            .bind(name)
            .bind(&t)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO users (id, org_id, email, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(new_id())
        .bind(&org_id)
        .bind(&admin_email)
        .bind(&password_hash)
        .bind(Role::Admin.as_str())
        .bind(&t)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO api_keys (id, org_id, name, prefix, key_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(&org_id)
        .bind("initial admin key")
        .bind(&prefix)
        .bind(&key_hash)
        .bind(Role::Admin.as_str())
        .bind(&t)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(CreatedOrg {
            org_id,
            org_name: name.to_string(),
            api_key,
            admin_email,
            admin_password,
        })
    }

    /// Creates the demo organization when the database has none; `None` when orgs exist.
    pub async fn ensure_demo_org(&self) -> anyhow::Result<Option<CreatedOrg>> {
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organizations")
            .fetch_one(&self.pool)
            .await?;
        if count > 0 {
            return Ok(None);
        }
        Ok(Some(self.create_org("Demo Realty").await?))
    }

    /// Adds a user to an organization.
    pub async fn create_user(
        &self,
        org_id: &str,
        email: &str,
        password: &str,
        role: Role,
    ) -> anyhow::Result<String> {
        let id = new_id();
        sqlx::query(
            "INSERT INTO users (id, org_id, email, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(org_id)
        .bind(email.trim().to_lowercase())
        .bind(secrets::hash_password(password)?)
        .bind(role.as_str())
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    /// Issues an API key with `role`; the key itself is returned only here.
    pub async fn create_api_key(&self, org_id: &str, name: &str, role: Role) -> DbResult<String> {
        let (key, hash, prefix) = secrets::new_api_key();
        sqlx::query(
            "INSERT INTO api_keys (id, org_id, name, prefix, key_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(org_id)
        .bind(name)
        .bind(prefix)
        .bind(hash)
        .bind(role.as_str())
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(key)
    }

    pub async fn user_by_email(&self, email: &str) -> DbResult<Option<UserRow>> {
        Ok(sqlx::query_as(
            "SELECT id, org_id, email, password_hash, role FROM users WHERE email = $1",
        )
        .bind(email.trim().to_lowercase())
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The principal an API key stands for, if the key exists and is not revoked.
    pub async fn principal_for_api_key(&self, key: &str) -> DbResult<Option<Principal>> {
        let row: Option<PrincipalRow> = sqlx::query_as(
            "SELECT org_id, NULL AS user_id, 'api_key:' || prefix AS actor, role FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL",
        )
        .bind(secrets::sha256_hex(key))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(PrincipalRow::into_principal))
    }

    /// Starts a web session for a user; returns the session token for the cookie.
    pub async fn create_session(
        &self,
        user: &UserRow,
        ttl: chrono::Duration,
    ) -> DbResult<String> {
        let token = secrets::random_token(32);
        let created = chrono::Utc::now();
        sqlx::query(
            "INSERT INTO sessions (token_hash, org_id, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(secrets::sha256_hex(&token))
        .bind(&user.org_id)
        .bind(&user.id)
        .bind(super::timestamp(created))
        .bind(super::timestamp(created + ttl))
        .execute(&self.pool)
        .await?;
        Ok(token)
    }

    /// The principal of a live session.
    pub async fn principal_for_session(&self, token: &str) -> DbResult<Option<Principal>> {
        let row: Option<PrincipalRow> = sqlx::query_as(
            "SELECT s.org_id AS org_id, u.id AS user_id, 'user:' || u.email AS actor, u.role AS role \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(secrets::sha256_hex(token))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(PrincipalRow::into_principal))
    }

    pub async fn delete_session(&self, token: &str) -> DbResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(secrets::sha256_hex(token))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn user_email(&self, org_id: &str, user_id: &str) -> DbResult<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT email FROM users WHERE id = $1 AND org_id = $2")
                .bind(user_id)
                .bind(org_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    pub async fn org_name(&self, org_id: &str) -> DbResult<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT name FROM organizations WHERE id = $1")
                .bind(org_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }
}
