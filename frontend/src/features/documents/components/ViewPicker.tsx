//! Saved views of the documents table, kept on the server so a team shares them.

import { useState } from "react";
import { useCreateView } from "../api/create-view";
import { useViews } from "../api/list-views";
import type { DocumentsTableState } from "../table-state";

export function ViewPicker({ state, onLoad }: { state: DocumentsTableState; onLoad: (s: DocumentsTableState) => void }) {
  const views = useViews();
  const create = useCreateView();
  const [chosen, setChosen] = useState("");
  if (!views.data) return null;

  function save() {
    const name = window.prompt("Name this view (its sorting, filters and page size are saved):")?.trim();
    if (name) create.mutate({ name, state }, { onSuccess: (v) => setChosen(v.id) });
  }

  return (
    <span className="views">
      <select
        aria-label="Saved view"
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          const view = views.data?.find((v) => v.id === e.target.value);
          if (view) onLoad(view.state);
        }}
      >
        <option value="">Saved views…</option>
        {views.data.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" onClick={save} disabled={create.isPending}>
        Save view
      </button>
      {create.isError && (
        <span role="alert" className="error-text">
          {create.error.message}
        </span>
      )}
    </span>
  );
}
