//! One document under review: live progress, the fields next to the page image with the
//! selected field's evidence highlighted, corrections and approvals with undo, exports.

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { formatBytes, humanize } from "../../../lib/format";
import { linkClick } from "../../../lib/router";
import { useDocument } from "../api/get-document";
import { useDocumentEvents } from "../api/document-events";
import { useExtraction } from "../api/get-extraction";
import { useCorrections } from "../api/list-corrections";
import { usePatchField } from "../api/patch-field";
import { exportUrl } from "../api/document-files";
import { fieldRows, type FieldRow } from "../model/field-rows";
import { emptyHistory, record, redo, undo, type EditCommand } from "../model/edit-commands";
import { FieldHistory } from "./FieldHistory";
import { FieldsTable } from "./FieldsTable";
import { PageViewer } from "./PageViewer";
import { RentRollTable } from "./RentRollTable";

export function ReviewPage({ id }: { id: string }) {
  const doc = useDocument(id);
  const finished = doc.data?.status === "done" || doc.data?.status === "failed";
  useDocumentEvents(id, doc.isSuccess && !finished);
  const extraction = useExtraction(id, doc.data?.status === "done");
  const corrections = useCorrections(id, doc.data?.status === "done");
  const patch = usePatchField();
  const [history, setHistory] = useState(emptyHistory);
  const [selected, setSelected] = useState<string | null>(null);
  const [page, setPage] = useState(1);

  const rows = useMemo(() => (extraction.data ? fieldRows(extraction.data.extraction) : []), [extraction.data]);
  const selectedRow = rows.find((r) => r.id === selected) ?? null;
  const pageCount = doc.data?.pages ?? extraction.data?.extraction.document.pages.length ?? 0;
  const fieldHistory = useMemo(
    () => (selectedRow && corrections.data ? corrections.data.filter((c) => c.field === selectedRow.name) : []),
    [selectedRow, corrections.data],
  );
  const highlights = useMemo(() => (selectedRow ? selectedRow.field.evidence.filter((e) => e.page === page && e.bbox) : []), [selectedRow, page]);

  const select = (row: FieldRow) => {
    setSelected(row.id);
    const first = row.field.evidence.find((e) => e.page);
    if (first?.page) setPage(first.page);
  };

  const { mutateAsync } = patch;
  const send = useCallback(
    (c: EditCommand) => mutateAsync({ documentId: id, rowId: c.rowId, value: c.after.value, status: c.after.status, note: c.note }),
    [mutateAsync, id],
  );
  // A held Ctrl+Z repeats faster than the server answers; one history step at a time.
  const stepping = useRef(false);

  const run = useCallback(
    async (c: EditCommand) => {
      await send(c);
      setHistory((h) => record(h, c));
    },
    [send],
  );

  const step = useCallback(
    async (which: "undo" | "redo") => {
      const s = which === "undo" ? undo(history) : redo(history);
      if (!s || stepping.current) return;
      stepping.current = true;
      try {
        await send(s.send);
        setHistory(s.next);
        setSelected(s.send.rowId);
      } finally {
        stepping.current = false;
      }
    },
    [history, send],
  );

  const filename = doc.data?.filename;
  useEffect(() => {
    if (!filename) return;
    document.title = `${filename} · Leasegrid`;
    return () => {
      document.title = "Leasegrid";
    };
  }, [filename]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
        e.preventDefault();
        void step(e.shiftKey ? "redo" : "undo").catch(() => undefined);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [step]);

  if (doc.isPending) return <p className="page muted">Loading…</p>;
  if (doc.isError) {
    return (
      <div className="page">
        <p role="alert" className="error">
          Could not open this document: {doc.error.message}
        </p>
        <a href="/" onClick={linkClick("/")}>
          Back to documents
        </a>
      </div>
    );
  }

  const d = doc.data;
  const progress = d.pages ? Math.round((100 * d.pages_done) / d.pages) : 0;
  const x = extraction.data?.extraction;
  // Spreadsheets have no page images; their evidence is sheet and cells, shown in the tables.
  const showPages = pageCount > 0 && d.media_type !== "text/csv" && !d.media_type.includes("spreadsheet") && !d.media_type.includes("excel");
  const meta = [x ? humanize(x.kind) : d.kind ? humanize(d.kind) : "Kind pending", d.pages ? `${d.pages} page${d.pages === 1 ? "" : "s"}` : null, formatBytes(d.size)];
  return (
    <div className="page review">
      <div className="page-head">
        <div>
          <a href="/" onClick={linkClick("/")} className="muted back">
            ← Documents
          </a>
          <h1 title={d.sha256}>{d.filename}</h1>
          <div className="meta muted">
            {meta.filter(Boolean).join(" · ")}
          </div>
        </div>
        <div className="head-actions">
          <span className={`badge badge-${d.status}`} data-testid="document-status">
            {d.status}
          </span>
          <button type="button" className="secondary" disabled={!history.done.length || patch.isPending} onClick={() => void step("undo").catch(() => undefined)} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button type="button" className="secondary" disabled={!history.undone.length || patch.isPending} onClick={() => void step("redo").catch(() => undefined)} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
          <a className={`button secondary${d.status !== "done" ? " disabled" : ""}`} href={exportUrl(id, "xlsx")} download data-testid="export-xlsx">
            Export Excel
          </a>
          <a className={`button secondary${d.status !== "done" ? " disabled" : ""}`} href={exportUrl(id, "pdf")} download data-testid="export-pdf">
            Export PDF
          </a>
        </div>
      </div>

      {(d.status === "queued" || d.status === "processing") && (
        <div className="card live" aria-live="polite" data-testid="progress">
          <strong>{d.status === "queued" ? "Waiting for a worker…" : `Reading page ${d.pages_done} of ${d.pages ?? "?"}`}</strong>
          <span className="progress wide">
            <span className="progress-bar" style={{ width: `${progress}%` }} />
          </span>
        </div>
      )}
      {d.status === "failed" && (
        <p role="alert" className="error card">
          Extraction failed: {d.error ?? "no reason given"}
        </p>
      )}
      {patch.isError && (
        <p role="alert" className="error">
          The change was not saved: {patch.error.message}
        </p>
      )}
      {extraction.isError && (
        <p role="alert" className="error">
          Could not load the extraction: {extraction.error.message}
        </p>
      )}

      {x && (
        <>
          <div className={showPages ? "review-grid" : "review-single"}>
            <div>
              {rows.length > 0 ? (
                <FieldsTable rows={rows} selectedId={selected} onSelect={select} onCommand={run} busy={patch.isPending} />
              ) : (
                !x.rent_roll && (
                  <p className="card muted" data-testid="no-fields">
                    No fields were extracted from this document.
                  </p>
                )
              )}
              {!showPages && selectedRow && <FieldHistory label={selectedRow.label} corrections={fieldHistory} />}
              {x.rent_roll && <RentRollTable rentRoll={x.rent_roll} />}
            </div>
            {showPages && (
              <div className="sticky">
                {selectedRow?.field.evidence[0]?.text && (
                  <blockquote className="quote" data-testid="evidence-quote">
                    “{selectedRow.field.evidence[0].text}”
                  </blockquote>
                )}
                {selectedRow && <FieldHistory label={selectedRow.label} corrections={fieldHistory} />}
                <PageViewer documentId={id} page={page} pageCount={pageCount} onPage={setPage} highlights={highlights} />
              </div>
            )}
          </div>
          {x.diagnostics.length > 0 && (
            <section className="card" aria-label="Diagnostics">
              <h2>Diagnostics</h2>
              <ul className="diagnostics">
                {x.diagnostics.map((g, i) => (
                  <li key={i} className={`diag-${g.severity}`}>
                    {g.page ? `Page ${g.page}: ` : ""}
                    {g.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
