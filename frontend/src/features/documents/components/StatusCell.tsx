//! A document's status as a badge, with page progress while it is being read.

import type { DocumentSummary } from "../../../types/api";

export function StatusCell({ doc }: { doc: DocumentSummary }) {
  const progress = doc.status === "processing" && doc.pages ? Math.min(1, doc.pages_done / doc.pages) : null;
  return (
    <div className="status-cell">
      <span className={`badge badge-${doc.status}`} title={doc.error ?? undefined}>
        {doc.status}
      </span>
      {progress !== null && (
        <span className="progress" aria-label={`page ${doc.pages_done} of ${doc.pages}`}>
          <span className="progress-bar" style={{ width: `${Math.round(progress * 100)}%` }} />
          <span className="progress-text">
            {doc.pages_done}/{doc.pages}
          </span>
        </span>
      )}
      {doc.status === "failed" && doc.error && <span className="error-text">{doc.error}</span>}
    </div>
  );
}
