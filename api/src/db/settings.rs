//! Per-organization settings the web app and integrators edit: extraction templates (TOML) and
//! saved table views (opaque JSON state of the documents table).

use super::{DbError, DbResult, Repository, new_id, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TemplateRow {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub body: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ViewRow {
    pub id: String,
    pub name: String,
    pub state: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The template columns read back, with the query's own condition; one list for every read.
macro_rules! select_templates {
    ($condition:literal) => {
        concat!(
            "SELECT id, name, description, body, created_at, updated_at FROM templates WHERE ",
            $condition
        )
    };
}

/// The saved-view columns read back, with the query's own condition.
macro_rules! select_views {
    ($condition:literal) => {
        concat!(
            "SELECT id, name, state, created_at, updated_at FROM views WHERE ",
            $condition
        )
    };
}

impl Repository {
    pub async fn create_template(
        &self,
        org_id: &str,
        name: &str,
        description: Option<&str>,
        body: &str,
    ) -> DbResult<TemplateRow> {
        let id = new_id();
        let t = now();
        sqlx::query(
            "INSERT INTO templates (id, org_id, name, description, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)",
        )
        .bind(&id)
        .bind(org_id)
        .bind(name)
        .bind(description)
        .bind(body)
        .bind(&t)
        .execute(&self.pool)
        .await?;
        self.template(org_id, &id)
            .await?
            .ok_or(DbError::Sqlx(sqlx::Error::RowNotFound))
    }

    pub async fn templates(&self, org_id: &str) -> DbResult<Vec<TemplateRow>> {
        Ok(
            sqlx::query_as(select_templates!("org_id = $1 ORDER BY name"))
                .bind(org_id)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    pub async fn template(&self, org_id: &str, id: &str) -> DbResult<Option<TemplateRow>> {
        Ok(sqlx::query_as(select_templates!("org_id = $1 AND id = $2"))
            .bind(org_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    pub async fn template_by_name(
        &self,
        org_id: &str,
        name: &str,
    ) -> DbResult<Option<TemplateRow>> {
        Ok(
            sqlx::query_as(select_templates!("org_id = $1 AND name = $2"))
                .bind(org_id)
                .bind(name)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    pub async fn update_template(
        &self,
        org_id: &str,
        id: &str,
        name: &str,
        description: Option<&str>,
        body: &str,
    ) -> DbResult<Option<TemplateRow>> {
        let r = sqlx::query(
            "UPDATE templates SET name = $1, description = $2, body = $3, updated_at = $4 WHERE org_id = $5 AND id = $6",
        )
        .bind(name)
        .bind(description)
        .bind(body)
        .bind(now())
        .bind(org_id)
        .bind(id)
        .execute(&self.pool)
        .await?;
        if r.rows_affected() == 0 {
            return Ok(None);
        }
        self.template(org_id, id).await
    }

    pub async fn delete_template(&self, org_id: &str, id: &str) -> DbResult<bool> {
        let r = sqlx::query("DELETE FROM templates WHERE org_id = $1 AND id = $2")
            .bind(org_id)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
    }

    pub async fn create_view(&self, org_id: &str, name: &str, state: &str) -> DbResult<ViewRow> {
        let id = new_id();
        let t = now();
        sqlx::query(
            "INSERT INTO views (id, org_id, name, state, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(&id)
        .bind(org_id)
        .bind(name)
        .bind(state)
        .bind(&t)
        .execute(&self.pool)
        .await?;
        self.view(org_id, &id)
            .await?
            .ok_or(DbError::Sqlx(sqlx::Error::RowNotFound))
    }

    pub async fn views(&self, org_id: &str) -> DbResult<Vec<ViewRow>> {
        Ok(sqlx::query_as(select_views!("org_id = $1 ORDER BY name"))
            .bind(org_id)
            .fetch_all(&self.pool)
            .await?)
    }

    pub async fn view(&self, org_id: &str, id: &str) -> DbResult<Option<ViewRow>> {
        Ok(sqlx::query_as(select_views!("org_id = $1 AND id = $2"))
            .bind(org_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    pub async fn update_view(
        &self,
        org_id: &str,
        id: &str,
        name: &str,
        state: &str,
    ) -> DbResult<Option<ViewRow>> {
        let r = sqlx::query(
            "UPDATE views SET name = $1, state = $2, updated_at = $3 WHERE org_id = $4 AND id = $5",
        )
        .bind(name)
        .bind(state)
        .bind(now())
        .bind(org_id)
        .bind(id)
        .execute(&self.pool)
        .await?;
        if r.rows_affected() == 0 {
            return Ok(None);
        }
        self.view(org_id, id).await
    }

    pub async fn delete_view(&self, org_id: &str, id: &str) -> DbResult<bool> {
        let r = sqlx::query("DELETE FROM views WHERE org_id = $1 AND id = $2")
            .bind(org_id)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
    }
}
