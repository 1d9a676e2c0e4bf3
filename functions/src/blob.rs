//! `BlobStore`: where originals, rendered pages and extraction results live. Picked by URL scheme
//! (`file://` here; `gs://` is the production seam). Keys are relative, `/`-separated paths.

use async_trait::async_trait;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("blob {0} does not exist")]
    NotFound(String),
    #[error("invalid blob key {0:?}")]
    InvalidKey(String),
    #[error("unsupported blob store URL {0:?}: use file:///PATH")]
    UnsupportedUrl(String),
    #[error("blob store I/O on {key}: {source}")]
    Io {
        key: String,
        #[source]
        source: std::io::Error,
    },
}

/// Durable storage of immutable objects.
#[async_trait]
pub trait BlobStore: Send + Sync {
    /// Stores `bytes` under `key`, atomically: readers see the old object or the whole new one.
    /// Writing the same key twice with the same bytes is harmless (handlers are retried).
    async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), BlobError>;
    /// The object's bytes, or `BlobError::NotFound`.
    async fn get(&self, key: &str) -> Result<Vec<u8>, BlobError>;
    /// Whether `key` exists.
    async fn exists(&self, key: &str) -> Result<bool, BlobError>;
    /// Removes every object under `prefix` (a folder-like key ending in `/`); absent is fine.
    async fn delete_prefix(&self, prefix: &str) -> Result<(), BlobError>;
    /// Checks that the store is reachable and writable, for readiness probes.
    async fn ping(&self) -> Result<(), BlobError>;
}

/// Opens the store a URL names.
pub fn open(url: &str) -> Result<Arc<dyn BlobStore>, BlobError> {
    match url.strip_prefix("file://") {
        Some(path) if !path.is_empty() => Ok(Arc::new(FileBlobStore::new(path))),
        _ => Err(BlobError::UnsupportedUrl(url.to_string())),
    }
}

/// Objects as files under a root folder; writes go to a temporary file that is then renamed.
#[derive(Debug, Clone)]
pub struct FileBlobStore {
    root: PathBuf,
}

impl FileBlobStore {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        FileBlobStore { root: root.into() }
    }

    /// The file for `key`; a key that could escape the root is refused.
    fn path(&self, key: &str) -> Result<PathBuf, BlobError> {
        let rel = Path::new(key.trim_end_matches('/'));
        let safe = !key.is_empty()
            && rel
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
        if !safe {
            return Err(BlobError::InvalidKey(key.to_string()));
        }
        Ok(self.root.join(rel))
    }
}

fn io(key: &str) -> impl FnOnce(std::io::Error) -> BlobError + '_ {
    move |source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            BlobError::NotFound(key.to_string())
        } else {
            BlobError::Io {
                key: key.to_string(),
                source,
            }
        }
    }
}

#[async_trait]
impl BlobStore for FileBlobStore {
    async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), BlobError> {
        let path = self.path(key)?;
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await.map_err(io(key))?;
        }
        let tmp = path.with_extension(format!("tmp-{}", uuid::Uuid::new_v4().simple()));
        tokio::fs::write(&tmp, bytes).await.map_err(io(key))?;
        tokio::fs::rename(&tmp, &path).await.map_err(io(key))
    }

    async fn get(&self, key: &str) -> Result<Vec<u8>, BlobError> {
        tokio::fs::read(self.path(key)?).await.map_err(io(key))
    }

    async fn exists(&self, key: &str) -> Result<bool, BlobError> {
        tokio::fs::try_exists(self.path(key)?)
            .await
            .map_err(io(key))
    }

    async fn delete_prefix(&self, prefix: &str) -> Result<(), BlobError> {
        let path = self.path(prefix)?;
        match tokio::fs::remove_dir_all(&path).await {
            Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
                tokio::fs::remove_file(&path).await.map_err(io(prefix))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            other => other.map_err(io(prefix)),
        }
    }

    async fn ping(&self) -> Result<(), BlobError> {
        tokio::fs::create_dir_all(&self.root)
            .await
            .map_err(io("."))?;
        let meta = tokio::fs::metadata(&self.root).await.map_err(io("."))?;
        if meta.permissions().readonly() {
            return Err(BlobError::Io {
                key: ".".into(),
                source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "read-only"),
            });
        }
        Ok(())
    }
}

/// Keys of everything stored for one document, so deletes and handlers agree on the layout.
pub mod keys {
    /// The folder holding everything of one document.
    pub fn document_prefix(org_id: &str, document_id: &str) -> String {
        format!("orgs/{org_id}/documents/{document_id}/")
    }

    /// The original upload, never modified.
    pub fn original(org_id: &str, document_id: &str) -> String {
        format!("{}original", document_prefix(org_id, document_id))
    }

    /// The worker's extraction JSON; keyed by content hash so a retried job writes the same key.
    pub fn extraction(org_id: &str, document_id: &str, sha256: &str) -> String {
        format!(
            "{}extraction-{sha256}.json",
            document_prefix(org_id, document_id)
        )
    }

    /// A rendered page preview (1-based page number).
    pub fn page_png(org_id: &str, document_id: &str, page: usize) -> String {
        format!("{}pages/{page}.png", document_prefix(org_id, document_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The behavioural suite every `BlobStore` passes.
    pub async fn blob_store_contract(store: &dyn BlobStore) {
        store.ping().await.unwrap();
        assert!(matches!(
            store.get("a/missing").await,
            Err(BlobError::NotFound(_))
        ));
        store.put("a/b/one", b"1".to_vec()).await.unwrap();
        store.put("a/b/one", b"11".to_vec()).await.unwrap();
        store.put("a/two", b"2".to_vec()).await.unwrap();
        assert_eq!(store.get("a/b/one").await.unwrap(), b"11");
        assert!(store.exists("a/two").await.unwrap());
        store.delete_prefix("a/b/").await.unwrap();
        assert!(!store.exists("a/b/one").await.unwrap());
        assert!(store.exists("a/two").await.unwrap());
        store.delete_prefix("a/nothing/").await.unwrap();
        for bad in ["../x", "/etc/passwd", "a/../../x", ""] {
            assert!(
                matches!(store.get(bad).await, Err(BlobError::InvalidKey(_))),
                "{bad}"
            );
        }
    }

    #[tokio::test]
    async fn file_store_passes_the_contract() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("file://{}", dir.path().display());
        blob_store_contract(open(&url).unwrap().as_ref()).await;
    }

    #[test]
    fn unknown_schemes_are_refused() {
        assert!(matches!(
            open("s3://bucket"),
            Err(BlobError::UnsupportedUrl(_))
        ));
    }
}
