//! Documents: insert (deduplicated by content per organization), keyset-paged listing, state
//! changes driven by worker events, delete.

use super::{DbError, DbResult, Repository, now};
use crate::domain::DocumentStatus;
use sqlx::AssertSqlSafe;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct DocumentRow {
    pub id: String,
    pub org_id: String,
    pub filename: String,
    pub media_type: String,
    pub sha256: String,
    pub size: i64,
    pub status: String,
    pub kind: Option<String>,
    pub pages: Option<i64>,
    pub pages_done: i64,
    pub template: Option<String>,
    pub error: Option<String>,
    pub extraction_version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl DocumentRow {
    pub fn status(&self) -> DocumentStatus {
        DocumentStatus::parse(&self.status).unwrap_or(DocumentStatus::Failed)
    }
}

const COLUMNS: &str = "id, org_id, filename, media_type, sha256, size, status, kind, pages, \
    pages_done, template, error, extraction_version, created_at, updated_at";

pub struct NewDocument<'a> {
    pub org_id: &'a str,
    pub filename: &'a str,
    pub media_type: &'a str,
    pub sha256: &'a str,
    pub size: i64,
    pub template: Option<&'a str>,
    pub created_by: &'a str,
}

/// Sort orders of the list; the id breaks ties so pages never skip or repeat rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentSort {
    CreatedAsc,
    CreatedDesc,
    FilenameAsc,
    FilenameDesc,
}

impl DocumentSort {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "created_at" => Some(DocumentSort::CreatedAsc),
            "-created_at" => Some(DocumentSort::CreatedDesc),
            "filename" => Some(DocumentSort::FilenameAsc),
            "-filename" => Some(DocumentSort::FilenameDesc),
            _ => None,
        }
    }

    fn column(self) -> &'static str {
        match self {
            DocumentSort::CreatedAsc | DocumentSort::CreatedDesc => "created_at",
            DocumentSort::FilenameAsc | DocumentSort::FilenameDesc => "filename",
        }
    }

    fn descending(self) -> bool {
        matches!(self, DocumentSort::CreatedDesc | DocumentSort::FilenameDesc)
    }

    /// The cursor value of a row under this order.
    pub fn key_of(self, row: &DocumentRow) -> String {
        match self.column() {
            "filename" => row.filename.clone(),
            _ => row.created_at.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct DocumentFilter {
    pub status: Option<DocumentStatus>,
    pub kind: Option<String>,
    /// Case-insensitive substring of the filename.
    pub q: Option<String>,
    pub sort: DocumentSort,
    /// Continue after this (sort key, id).
    pub after: Option<(String, String)>,
    pub limit: i64,
}

impl Repository {
    /// Inserts a queued document, or returns the org's existing document with the same content
    /// (`false` in the second slot) so re-uploads are idempotent.
    pub async fn insert_document(
        &self,
        id: &str,
        new: &NewDocument<'_>,
    ) -> DbResult<(DocumentRow, bool)> {
        if let Some(existing) = self.document_by_sha(new.org_id, new.sha256).await? {
            return Ok((existing, false));
        }
        let t = now();
        let inserted = sqlx::query(
            "INSERT INTO documents (id, org_id, filename, media_type, sha256, size, status, template, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $8, $9, $9)",
        )
        .bind(id)
        .bind(new.org_id)
        .bind(new.filename)
        .bind(new.media_type)
        .bind(new.sha256)
        .bind(new.size)
        .bind(new.template)
        .bind(new.created_by)
        .bind(&t)
        .execute(&self.pool)
        .await;
        match inserted.map_err(DbError::from) {
            Ok(_) => {}
            // Two uploads of the same bytes raced; the other one won.
            Err(DbError::Conflict) => {
                if let Some(existing) = self.document_by_sha(new.org_id, new.sha256).await? {
                    return Ok((existing, false));
                }
                return Err(DbError::Conflict);
            }
            Err(e) => return Err(e),
        }
        let row = self
            .document(new.org_id, id)
            .await?
            .ok_or(DbError::Sqlx(sqlx::Error::RowNotFound))?;
        Ok((row, true))
    }

    pub async fn document(&self, org_id: &str, id: &str) -> DbResult<Option<DocumentRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM documents WHERE org_id = $1 AND id = $2"
        )))
        .bind(org_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn document_by_sha(
        &self,
        org_id: &str,
        sha256: &str,
    ) -> DbResult<Option<DocumentRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM documents WHERE org_id = $1 AND sha256 = $2"
        )))
        .bind(org_id)
        .bind(sha256)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// One page of an org's documents; fetches `limit + 1` rows so the caller knows if more follow.
    pub async fn list_documents(
        &self,
        org_id: &str,
        filter: &DocumentFilter,
    ) -> DbResult<Vec<DocumentRow>> {
        let mut sql = format!("SELECT {COLUMNS} FROM documents WHERE org_id = $1");
        let mut args: Vec<String> = vec![org_id.to_string()];
        let mut param = |sql: &mut String, clause: &str, value: String| {
            args.push(value);
            sql.push_str(&clause.replace("$?", &format!("${}", args.len())));
        };
        if let Some(s) = filter.status {
            param(&mut sql, " AND status = $?", s.as_str().to_string());
        }
        if let Some(k) = &filter.kind {
            param(&mut sql, " AND kind = $?", k.clone());
        }
        if let Some(q) = &filter.q {
            let escaped = q
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            param(
                &mut sql,
                " AND LOWER(filename) LIKE $? ESCAPE '\\'",
                format!("%{escaped}%"),
            );
        }
        let col = filter.sort.column();
        let (cmp, dir) = if filter.sort.descending() {
            ("<", "DESC")
        } else {
            (">", "ASC")
        };
        if let Some((key, id)) = &filter.after {
            // A row-value comparison is one range on the (org_id, sort column, id) index in
            // both databases, where the spelled-out OR is not.
            param(
                &mut sql,
                &format!(" AND ({col}, id) {cmp} ($?, "),
                key.clone(),
            );
            param(&mut sql, "$?)", id.clone());
        }
        sql.push_str(&format!(
            " ORDER BY {col} {dir}, id {dir} LIMIT {}",
            filter.limit + 1
        ));
        // Interpolated are only constants and enum-chosen column names; values are bound.
        let mut query = sqlx::query_as(AssertSqlSafe(sql));
        for a in &args {
            query = query.bind(a);
        }
        Ok(query.fetch_all(&self.pool).await?)
    }

    /// Every org's documents that have not reached a final state, oldest first.
    pub async fn unfinished_documents(&self) -> DbResult<Vec<DocumentRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM documents WHERE status IN ('queued', 'processing') ORDER BY created_at"
        )))
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records page progress; ignored once the document is final or its content changed.
    pub async fn record_progress(
        &self,
        org_id: &str,
        id: &str,
        sha256: &str,
        pages_done: i64,
        pages_total: i64,
    ) -> DbResult<bool> {
        let r = sqlx::query(
            "UPDATE documents SET status = 'processing', pages_done = $1, pages = $2, updated_at = $3 \
             WHERE org_id = $4 AND id = $5 AND sha256 = $6 AND status IN ('queued', 'processing') AND pages_done <= $1",
        )
        .bind(pages_done)
        .bind(pages_total)
        .bind(now())
        .bind(org_id)
        .bind(id)
        .bind(sha256)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Marks a document done with its first extraction version, exactly once: a repeated
    /// finished event finds the document final and changes nothing (returns `false`).
    pub async fn finish_document(
        &self,
        org_id: &str,
        id: &str,
        sha256: &str,
        kind: &str,
        pages: i64,
        extraction_json: &str,
    ) -> DbResult<bool> {
        let t = now();
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query(
            "UPDATE documents SET status = 'done', kind = $1, pages = $2, pages_done = $2, error = NULL, \
             extraction_version = 1, updated_at = $3 \
             WHERE org_id = $4 AND id = $5 AND sha256 = $6 AND status IN ('queued', 'processing')",
        )
        .bind(kind)
        .bind(pages)
        .bind(&t)
        .bind(org_id)
        .bind(id)
        .bind(sha256)
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO extractions (org_id, document_id, version, body, created_at) VALUES ($1, $2, 1, $3, $4)",
        )
        .bind(org_id)
        .bind(id)
        .bind(extraction_json)
        .bind(&t)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE jobs SET finished_at = $1 WHERE document_id = $2")
            .bind(&t)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Marks a document failed, once.
    pub async fn fail_document(
        &self,
        org_id: &str,
        id: &str,
        sha256: &str,
        message: &str,
    ) -> DbResult<bool> {
        let t = now();
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query(
            "UPDATE documents SET status = 'failed', error = $1, updated_at = $2 \
             WHERE org_id = $3 AND id = $4 AND sha256 = $5 AND status IN ('queued', 'processing')",
        )
        .bind(message)
        .bind(&t)
        .bind(org_id)
        .bind(id)
        .bind(sha256)
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query("UPDATE jobs SET finished_at = $1 WHERE document_id = $2")
            .bind(&t)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Deletes a document and (by cascade) its extractions, corrections and job.
    pub async fn delete_document(&self, org_id: &str, id: &str) -> DbResult<bool> {
        let r = sqlx::query("DELETE FROM documents WHERE org_id = $1 AND id = $2")
            .bind(org_id)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Ids of every document of an org that is done, for the portfolio export.
    pub async fn done_document_ids(&self, org_id: &str) -> DbResult<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM documents WHERE org_id = $1 AND status = 'done' ORDER BY created_at",
        )
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
