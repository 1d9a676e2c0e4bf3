//! The audit trail of one field: each correction, approval or revert with who, when, the change and why.

import { formatDateTime, formatValue } from "../../../lib/format";
import type { Correction } from "../api/list-corrections";

export function FieldHistory({ label, corrections }: { label: string; corrections: Correction[] }) {
  if (corrections.length === 0) return null;
  return (
    <section className="history" aria-label={`History of ${label}`} data-testid="field-history">
      <h3>History · {label}</h3>
      <ol>
        {corrections.map((c) => (
          <li key={c.id}>
            <span className="muted">
              {formatDateTime(c.createdAt)} · {c.actor.replace(/^user:/, "")}
            </span>
            <div>
              {c.action === "approve" ? (
                <>Approved {formatValue(c.after)}</>
              ) : c.action === "revert" ? (
                <>
                  Reverted {formatValue(c.before)} to the extracted <strong>{formatValue(c.after)}</strong>
                </>
              ) : (
                <>
                  {formatValue(c.before)} → <strong>{formatValue(c.after)}</strong>
                </>
              )}
              {c.note && <span className="muted"> — {c.note}</span>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
