//! The generic training format: one JSON object per line,
//! `{"id", "group", "question", "context", "answers": [{"start", "end", "text"}]}`, where
//! `start..end` are UTF-8 byte offsets of an answer in `context` and no answers means "the
//! context does not answer the question". `group` (e.g. a source document) keeps held-out folds
//! apart from training ones.

use crate::error::{ModelError, Result};
use serde::{Deserialize, Serialize};
use std::io::BufRead;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Example {
    pub id: String,
    pub group: String,
    pub question: String,
    pub context: String,
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Reads and checks a JSONL file: every answer must lie on character boundaries of its context.
pub fn read_jsonl(path: &Path) -> Result<Vec<Example>> {
    let file = std::fs::File::open(path).map_err(|e| ModelError::io(path, e))?;
    let mut examples = vec![];
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| ModelError::io(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let data_error = |message: String| ModelError::Data {
            line: i + 1,
            message,
        };
        let example: Example =
            serde_json::from_str(&line).map_err(|e| data_error(e.to_string()))?;
        for a in &example.answers {
            if example.context.get(a.start..a.end).is_none() || a.start >= a.end {
                return Err(data_error(format!(
                    "answer {}..{} is not a character range of the {}-byte context",
                    a.start,
                    a.end,
                    example.context.len()
                )));
            }
        }
        examples.push(example);
    }
    Ok(examples)
}

/// The fold (0..folds) a group belongs to: a stable FNV-1a hash, so folds never depend on the
/// order of the file or on the Rust version.
pub fn fold_of(group: &str, folds: usize) -> usize {
    let hash = group.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    (hash % folds.max(1) as u64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_answers_outside_the_context() {
        let dir = std::env::temp_dir().join(format!("mlm-data-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.jsonl");
        std::fs::write(
            &path,
            r#"{"id":"a","group":"g","question":"q","context":"abc","answers":[{"start":1,"end":9,"text":"x"}]}"#,
        )
        .unwrap();
        let err = read_jsonl(&path).unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
    }

    #[test]
    fn folds_are_stable_and_spread() {
        assert_eq!(fold_of("doc-1", 5), fold_of("doc-1", 5));
        let used: std::collections::HashSet<_> =
            (0..50).map(|i| fold_of(&format!("doc-{i}"), 5)).collect();
        assert_eq!(used.len(), 5);
    }
}
