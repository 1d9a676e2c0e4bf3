//! Turns an Extraction into the review table's rows (one per Field, in the schema's order) and
//! applies one field change to it, immutably.

import { humanize } from "../../../lib/format";
import type { Extraction, Field, FieldStatus } from "../../../types/api";

export type Section = "lease" | "rent_roll" | "custom";

export interface FieldRow {
  /** `section.name`, stable across refetches: the key for selection and edit commands. */
  id: string;
  section: Section;
  name: string;
  label: string;
  field: Field;
}

/** Below this confidence a value needs an analyst's eye; the table marks it. */
export const REVIEW_THRESHOLD = 0.8;

/** The order of `LeaseAbstract` in `shared/schema/extraction.schema.json`. */
export const LEASE_FIELD_ORDER = [
  "landlord", "tenant", "guarantor", "premises_address", "suite", "rentable_square_feet", "pro_rata_share",
  "lease_date", "commencement_date", "rent_commencement_date", "expiration_date", "term_months", "base_rent",
  "rent_schedule", "rent_escalation", "escalation_percent", "free_rent", "security_deposit",
  "tenant_improvement_allowance", "lease_type", "base_year", "renewal_options", "termination_option",
  "expansion_rights", "purchase_option", "permitted_use", "exclusive_use", "assignment_subletting", "holdover",
  "parking", "governing_law", "critical_dates",
];

function ordered(fields: Record<string, Field>, order: readonly string[]): string[] {
  const known = order.filter((k) => k in fields);
  const rest = Object.keys(fields).filter((k) => !order.includes(k)).sort();
  return [...known, ...rest];
}

export function fieldRows(x: Extraction): FieldRow[] {
  const rows: FieldRow[] = [];
  if (x.lease) {
    for (const name of ordered(x.lease, LEASE_FIELD_ORDER)) {
      rows.push({ id: `lease.${name}`, section: "lease", name, label: humanize(name), field: x.lease[name] });
    }
  }
  if (x.rent_roll) {
    for (const name of ["property", "as_of_date"] as const) {
      const field = x.rent_roll[name];
      if (field) rows.push({ id: `rent_roll.${name}`, section: "rent_roll", name, label: humanize(name), field });
    }
  }
  if (x.custom) {
    for (const name of Object.keys(x.custom.fields).sort()) {
      rows.push({ id: `custom.${name}`, section: "custom", name, label: humanize(name), field: x.custom.fields[name] });
    }
  }
  return rows;
}

export function needsReview(field: Field): boolean {
  return field.status === "extracted" && field.confidence < REVIEW_THRESHOLD;
}

/** The name the PATCH route takes: the field's own key, whatever its section. */
export function fieldApiName(rowId: string): string {
  return rowId.slice(rowId.indexOf(".") + 1);
}

function splitRowId(rowId: string): [Section, string] {
  const dot = rowId.indexOf(".");
  return [rowId.slice(0, dot) as Section, rowId.slice(dot + 1)];
}

/** A copy of `x` with one field's value and status replaced; an unknown row leaves `x` as is. */
export function applyFieldChange(x: Extraction, rowId: string, change: { value: unknown; status: FieldStatus }): Extraction {
  const [section, name] = splitRowId(rowId);
  const update = (f: Field | undefined | null): Field | null => (f ? { ...f, value: change.value, status: change.status } : null);
  if (section === "lease" && x.lease?.[name]) {
    return { ...x, lease: { ...x.lease, [name]: update(x.lease[name])! } };
  }
  if (section === "rent_roll" && x.rent_roll && (name === "property" || name === "as_of_date") && x.rent_roll[name]) {
    return { ...x, rent_roll: { ...x.rent_roll, [name]: update(x.rent_roll[name]) } };
  }
  if (section === "custom" && x.custom?.fields[name]) {
    return { ...x, custom: { ...x.custom, fields: { ...x.custom.fields, [name]: update(x.custom.fields[name])! } } };
  }
  return x;
}
