//! Edits as commands `{rowId, columnId, before, after}` (STYLE.md 17): the history that makes
//! undo and redo exact, kept apart from React so it is tested as plain data.

import type { FieldStatus } from "../../../types/api";

/** What one field holds that an analyst can change. */
export interface FieldState {
  value: unknown;
  status: FieldStatus;
}

export type EditColumn = "value" | "status";

export interface EditCommand {
  rowId: string;
  columnId: EditColumn;
  before: FieldState;
  after: FieldState;
  /** The analyst's reason, kept with the correction event on the server. */
  note?: string;
}

export interface EditHistory {
  done: EditCommand[];
  undone: EditCommand[];
}

export const emptyHistory: EditHistory = { done: [], undone: [] };

/** A correction: the value changes and the field becomes `corrected`. */
export function correction(rowId: string, before: FieldState, value: unknown, note?: string): EditCommand {
  const c: EditCommand = { rowId, columnId: "value", before, after: { value, status: "corrected" } };
  if (note?.trim()) c.note = note.trim();
  return c;
}

/** An approval: the value stays and the field becomes `approved`. */
export function approval(rowId: string, before: FieldState): EditCommand {
  return { rowId, columnId: "status", before, after: { value: before.value, status: "approved" } };
}

export function isNoop(c: EditCommand): boolean {
  return c.before.status === c.after.status && JSON.stringify(c.before.value) === JSON.stringify(c.after.value);
}

/** The reverse command: applying it restores the state before `c`. */
export function invert(c: EditCommand): EditCommand {
  return { rowId: c.rowId, columnId: c.columnId, before: c.after, after: c.before, note: "undo" };
}

/** Records a command the server accepted; a new edit clears what could be redone. */
export function record(h: EditHistory, c: EditCommand): EditHistory {
  return isNoop(c) ? h : { done: [...h.done, c], undone: [] };
}

/** The command to send to undo the latest edit, and the history once it is accepted. */
export function undo(h: EditHistory): { send: EditCommand; next: EditHistory } | null {
  const last = h.done[h.done.length - 1];
  if (!last) return null;
  return { send: invert(last), next: { done: h.done.slice(0, -1), undone: [...h.undone, last] } };
}

/** The command to send to redo the latest undone edit, and the history once it is accepted. */
export function redo(h: EditHistory): { send: EditCommand; next: EditHistory } | null {
  const last = h.undone[h.undone.length - 1];
  if (!last) return null;
  return { send: last, next: { done: [...h.done, last], undone: h.undone.slice(0, -1) } };
}
