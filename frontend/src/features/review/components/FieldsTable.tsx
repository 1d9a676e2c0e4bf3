//! The extracted fields: value, confidence (flagged below the review threshold), status and
//! evidence page; a row is selected to show its evidence, edited, or approved.

import { useState, type FormEvent, type KeyboardEvent } from "react";
import { formatValue } from "../../../lib/format";
import { REVIEW_THRESHOLD, needsReview, type FieldRow } from "../model/field-rows";
import { approval, correction, type EditCommand } from "../model/edit-commands";
import { editorText, parseInput } from "../model/parse-input";

interface Props {
  rows: FieldRow[];
  selectedId: string | null;
  onSelect: (row: FieldRow) => void;
  onCommand: (c: EditCommand) => Promise<void>;
  busy: boolean;
}

function Confidence({ value, flag }: { value: number; flag: boolean }) {
  const pct = Math.round(value * 100);
  return (
    <span className={`confidence${flag ? " confidence-low" : ""}`} title={flag ? `Below the review threshold of ${REVIEW_THRESHOLD * 100}%` : undefined}>
      <span className="meter">
        <span style={{ width: `${pct}%` }} />
      </span>
      {pct}%{flag && <span className="sr-only"> needs review</span>}
    </span>
  );
}

/** Lists (rent steps, critical dates) one item a line; everything else as one line. */
function FieldValue({ value, quote }: { value: unknown; quote?: string }) {
  if (Array.isArray(value) && value.length > 1) {
    return (
      <ul className="value-list" title={quote}>
        {value.map((item, i) => (
          <li key={i}>{formatValue(item)}</li>
        ))}
      </ul>
    );
  }
  return <span title={quote}>{formatValue(value)}</span>;
}

function ValueEditor({ row, onDone, onCommand }: { row: FieldRow; onDone: () => void; onCommand: Props["onCommand"] }) {
  const [text, setText] = useState(editorText(row.field.value));
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseInput(text, row.name, row.field.value);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setSaving(true);
    try {
      await onCommand(correction(row.id, { value: row.field.value, status: row.field.status }, parsed.value, note));
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setSaving(false);
    }
  }

  return (
    <form className="value-editor" onSubmit={submit} onClick={(e) => e.stopPropagation()}>
      <input
        autoFocus
        aria-label={`New value for ${row.label}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && onDone()}
      />
      <input className="note" aria-label="Note (optional)" placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} onKeyDown={(e) => e.key === "Escape" && onDone()} />
      <button type="submit" className="primary small" disabled={saving}>
        Save
      </button>
      <button type="button" className="secondary small" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </form>
  );
}

export function FieldsTable({ rows, selectedId, onSelect, onCommand, busy }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const flagged = rows.filter((r) => needsReview(r.field)).length;
  const shown = onlyFlagged ? rows.filter((r) => needsReview(r.field) || r.id === selectedId) : rows;

  const approve = (row: FieldRow) => void onCommand(approval(row.id, { value: row.field.value, status: row.field.status })).catch(() => undefined);

  // Analysts review dozens of fields in a row: arrows move, Enter edits, A approves.
  function onKeyDown(e: KeyboardEvent) {
    if (editing || e.ctrlKey || e.metaKey || e.altKey) return;
    const at = shown.findIndex((r) => r.id === selectedId);
    const move = e.key === "ArrowDown" || e.key === "j" ? 1 : e.key === "ArrowUp" || e.key === "k" ? -1 : 0;
    if (move) {
      e.preventDefault();
      const next = shown[Math.min(shown.length - 1, Math.max(0, at < 0 ? 0 : at + move))];
      if (next) {
        onSelect(next);
        document.querySelector(`tr[data-row-id="${CSS.escape(next.id)}"]`)?.scrollIntoView({ block: "nearest" });
      }
      return;
    }
    const row = shown[at];
    if (!row) return;
    if (e.key === "Enter") {
      e.preventDefault();
      setEditing(row.id);
    } else if ((e.key === "a" || e.key === "A") && row.field.status !== "approved" && !busy) {
      e.preventDefault();
      approve(row);
    }
  }

  return (
    <section className="card fields" aria-label="Extracted fields">
      <h2>
        Fields <span className="muted">· {rows.length} extracted · {flagged} to review</span>
        <span className="hint muted">↑↓ select · Enter edit · A approve · Ctrl+Z undo</span>
      </h2>
      <label className="toggle">
        <input type="checkbox" checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.target.checked)} /> Only fields to review
      </label>
      <table className="grid" data-testid="fields-table" tabIndex={0} onKeyDown={onKeyDown}>
        <colgroup>
          <col className="w-field" />
          <col />
          <col className="w-confidence" />
          <col className="w-status" />
          <col className="w-evidence" />
          <col className="w-actions" />
        </colgroup>
        <thead>
          <tr>
            <th>Field</th>
            <th>Value</th>
            <th>Confidence</th>
            <th>Status</th>
            <th>Evidence</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const flag = needsReview(row.field);
            const pages = [...new Set(row.field.evidence.flatMap((e) => (e.page ? [e.page] : [])))];
            const source = row.field.evidence.find((e) => e.sheet);
            return (
              <tr
                key={row.id}
                data-row-id={row.id}
                className={`${row.id === selectedId ? "selected" : ""}${flag ? " flagged" : ""}`}
                onClick={() => onSelect(row)}
                aria-selected={row.id === selectedId}
              >
                <th scope="row">{row.label}</th>
                <td className="col-value" data-testid="field-value">
                  {editing === row.id ? (
                    <ValueEditor row={row} onDone={() => setEditing(null)} onCommand={onCommand} />
                  ) : (
                    <FieldValue value={row.field.value} quote={row.field.evidence[0]?.text} />
                  )}
                </td>
                <td>
                  <Confidence value={row.field.confidence} flag={flag} />
                </td>
                <td>
                  <span className={`badge badge-${row.field.status}`}>{row.field.status}</span>
                </td>
                <td>{pages.length ? `p. ${pages.join(", ")}` : source ? `${source.sheet}!${source.cells ?? ""}` : "—"}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="link"
                    onClick={(e) => {
                      e.stopPropagation();
                      onSelect(row);
                      setEditing(row.id);
                    }}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="link"
                    disabled={busy || row.field.status === "approved"}
                    onClick={(e) => {
                      e.stopPropagation();
                      approve(row);
                    }}
                  >
                    Approve
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
