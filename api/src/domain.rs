//! Small validated types shared by the database and the HTTP layer.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What a user or API key may do: viewers read, analysts also upload and correct, admins also
/// manage webhooks and delete documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Viewer,
    Analyst,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Analyst => "analyst",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "viewer" => Some(Role::Viewer),
            "analyst" => Some(Role::Analyst),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// Where a document is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    Queued,
    Processing,
    Done,
    Failed,
}

impl DocumentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentStatus::Queued => "queued",
            DocumentStatus::Processing => "processing",
            DocumentStatus::Done => "done",
            DocumentStatus::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "queued" => Some(DocumentStatus::Queued),
            "processing" => Some(DocumentStatus::Processing),
            "done" => Some(DocumentStatus::Done),
            "failed" => Some(DocumentStatus::Failed),
            _ => None,
        }
    }

    pub fn is_terminal(self) -> bool {
        matches!(self, DocumentStatus::Done | DocumentStatus::Failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in [Role::Viewer, Role::Analyst, Role::Admin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        for s in [
            DocumentStatus::Queued,
            DocumentStatus::Processing,
            DocumentStatus::Done,
            DocumentStatus::Failed,
        ] {
            assert_eq!(DocumentStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(Role::parse("root"), None);
        assert!(Role::Admin > Role::Analyst && Role::Analyst > Role::Viewer);
    }
}
