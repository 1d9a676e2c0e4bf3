//! Reads what an analyst typed into a field's value in the schema's encoding for that field,
//! guided by the value it replaces, with a message when the text does not fit.

export type ParsedInput = { ok: true; value: unknown } | { ok: false; message: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Encodings for money fields that were not stated before the analyst filled them in. */
const MONEY_DEFAULTS: Record<string, Record<string, unknown>> = {
  base_rent: { currency: "USD", period: "monthly", per_sf: false },
  security_deposit: { currency: "USD" },
  tenant_improvement_allowance: { currency: "USD" },
};

function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Strips currency signs, grouping commas and spaces from an amount: `$1,234.50` → `1234.50`. */
export function cleanAmount(text: string): string {
  return text.replace(/[\s,$€£]/g, "");
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The text shown in the editor for a value: money as its amount, structures as JSON. */
export function editorText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (isObj(value) && typeof value.amount === "string" && Object.keys(value).every((k) => ["amount", "currency", "period", "per_sf"].includes(k))) {
    return value.amount;
  }
  return JSON.stringify(value);
}

/**
 * `name` picks dates (`*_date`); `previous` picks numbers, money and rent (keeping currency,
 * period and per-SF from it) and structured values (JSON). Empty text means "not stated".
 */
export function parseInput(text: string, name: string, previous: unknown): ParsedInput {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  if (name.endsWith("_date") || (typeof previous === "string" && DATE.test(previous))) {
    return isValidDate(t) ? { ok: true, value: t } : { ok: false, message: "Enter a date as YYYY-MM-DD." };
  }
  if (typeof previous === "number" || ["rentable_square_feet", "term_months", "pro_rata_share", "escalation_percent", "base_year"].includes(name)) {
    const n = Number(cleanAmount(t).replace(/%$/, ""));
    if (!Number.isFinite(n)) return { ok: false, message: "Enter a number." };
    if ((name === "term_months" || name === "base_year") && !Number.isInteger(n)) return { ok: false, message: "Enter a whole number." };
    return { ok: true, value: n };
  }
  const template = isObj(previous) && typeof previous.amount === "string" ? previous : MONEY_DEFAULTS[name];
  if (template) {
    const amount = cleanAmount(t);
    if (!DECIMAL.test(amount)) return { ok: false, message: "Enter an amount such as 12500.00." };
    return { ok: true, value: { ...template, amount } };
  }
  if (isObj(previous) || Array.isArray(previous)) {
    try {
      return { ok: true, value: JSON.parse(t) };
    } catch {
      return { ok: false, message: "Enter valid JSON for this structured value." };
    }
  }
  return { ok: true, value: t };
}
