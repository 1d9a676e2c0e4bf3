//! The rendered page with the selected field's evidence box drawn over it.

import { useEffect, useRef, useState } from "react";
import type { Evidence } from "../../../types/api";
import { pageImageUrl } from "../api/document-files";

interface Props {
  documentId: string;
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  /** Evidence boxes on this page to highlight. */
  highlights: Evidence[];
}

const ZOOMS = [1, 1.5, 2] as const;

export function PageViewer({ documentId, page, pageCount, onPage, highlights }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  // Pages are taller than the viewer: bring the evidence into view whenever it changes.
  useEffect(() => {
    box.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [highlights, zoom]);
  return (
    <section className="viewer" aria-label="Page image">
      <div className="viewer-bar">
        <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label="Previous page">
          ‹
        </button>
        <span data-testid="page-indicator">
          Page {page}
          {pageCount ? ` of ${pageCount}` : ""}
        </span>
        <button type="button" className="secondary" disabled={pageCount > 0 && page >= pageCount} onClick={() => onPage(page + 1)} aria-label="Next page">
          ›
        </button>
        <span className="zoom">
          {ZOOMS.map((z) => (
            <button key={z} type="button" className={`secondary small${z === zoom ? " active" : ""}`} aria-pressed={z === zoom} onClick={() => setZoom(z)}>
              {z === 1 ? "Fit" : `${z * 100}%`}
            </button>
          ))}
        </span>
      </div>
      <div className="page-scroll">
        <div className="page-frame" style={{ width: `${zoom * 100}%` }}>
          <img key={page} src={pageImageUrl(documentId, page)} alt={`Page ${page}`} data-testid="page-image" />
          {highlights.map((e, i) =>
            e.bbox ? (
              <div
                key={i}
                ref={i === 0 ? box : undefined}
                className="evidence-box"
                data-testid="evidence-box"
                title={e.text}
                style={{
                  left: `${e.bbox[0] * 100}%`,
                  top: `${e.bbox[1] * 100}%`,
                  width: `${(e.bbox[2] - e.bbox[0]) * 100}%`,
                  height: `${(e.bbox[3] - e.bbox[1]) * 100}%`,
                }}
              />
            ) : null,
          )}
        </div>
      </div>
    </section>
  );
}
