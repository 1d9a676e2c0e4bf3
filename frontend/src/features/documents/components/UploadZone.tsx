//! Drop zone and file picker for uploads; each file is sent on its own so one bad file does
//! not block the others, and each failure is reported with the server's reason.

import { useRef, useState, type DragEvent } from "react";
import { useTemplates } from "../api/list-templates";
import { useUploadDocument } from "../api/upload-document";

interface Outcome {
  name: string;
  error?: string;
}

export const ACCEPTED = ".pdf,.png,.jpg,.jpeg,.tif,.tiff,.docx,.xlsx,.xls,.xlsm,.ods,.csv";

export function UploadZone() {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [sending, setSending] = useState<{ name: string; fraction: number } | null>(null);
  const upload = useUploadDocument();
  const templates = useTemplates();
  const [template, setTemplate] = useState("");

  async function send(files: FileList | null) {
    if (!files || files.length === 0) return;
    const results: Outcome[] = [];
    for (const file of Array.from(files)) {
      try {
        setSending({ name: file.name, fraction: 0 });
        await upload.mutateAsync({ file, template: template || undefined, onProgress: (fraction) => setSending({ name: file.name, fraction }) });
        results.push({ name: file.name });
      } catch (e) {
        results.push({ name: file.name, error: e instanceof Error ? e.message : String(e) });
      }
    }
    setSending(null);
    setOutcomes(results);
    if (input.current) input.current.value = "";
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    void send(e.dataTransfer.files);
  }

  return (
    <section
      className={`dropzone${over ? " dropzone-over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      aria-label="Upload documents"
      data-testid="dropzone"
    >
      <div>
        <strong>Drop leases or rent rolls here</strong>
        <span className="muted"> — PDF (native or scanned), images, DOCX, Excel, CSV</span>
      </div>
      <span className="upload-actions">
        {templates.data && templates.data.length > 0 && (
          <select aria-label="Template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            <option value="">Standard lease / rent roll fields</option>
            {templates.data.map((t) => (
              <option key={t.name} value={t.name} title={t.description ?? undefined}>
                Template: {t.name}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="secondary" onClick={() => input.current?.click()} disabled={upload.isPending}>
          {upload.isPending ? "Uploading…" : "Choose files"}
        </button>
      </span>
      <input ref={input} type="file" multiple accept={ACCEPTED} hidden data-testid="file-input" onChange={(e) => void send(e.target.files)} />
      {sending && (
        <div className="upload-progress" aria-live="polite">
          <span>Uploading {sending.name}</span>
          <span className="progress">
            <span className="progress-bar" style={{ width: `${Math.round(sending.fraction * 100)}%` }} />
          </span>
          <span className="muted">{Math.round(sending.fraction * 100)}%</span>
        </div>
      )}
      {outcomes.length > 0 && (
        <ul className="upload-outcomes" aria-live="polite">
          {outcomes.map((o, i) => (
            <li key={i} className={o.error ? "error" : "ok"}>
              {o.name}: {o.error ?? "uploaded"}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
