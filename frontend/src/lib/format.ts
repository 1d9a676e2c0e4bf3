//! Display formatting for the schema's value encodings (money as decimal strings, rent with
//! period, areas, percents, dates) — text only, never arithmetic on amounts.

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** `2026-11-26T16:23:37Z` → `26 Nov 2026, 16:23` in the viewer's zone; bad input is shown as is. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("en-GB", { day: "2-digit", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

/** Groups the integer part of a decimal string without going through floating point. */
export function groupDigits(decimal: string): string {
  const neg = decimal.startsWith("-");
  const [int, frac] = (neg ? decimal.slice(1) : decimal).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

const CURRENCY_SIGNS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", CAD: "C$" };

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function formatMoney(m: { amount: string; currency: string }): string {
  const sign = CURRENCY_SIGNS[m.currency];
  return sign ? `${sign}${groupDigits(m.amount)}` : `${groupDigits(m.amount)} ${m.currency}`;
}

/** Renders any field value in the schema's encodings as one line of text. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) ? groupDigits(String(v)) : String(v);
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.length === 0 ? "none" : v.map(formatValue).join("; ");
  if (isObj(v)) {
    if (typeof v.amount === "string" && typeof v.currency === "string") {
      const base = formatMoney({ amount: v.amount, currency: v.currency });
      if (v.period === "monthly" || v.period === "annual") return `${base}${v.per_sf ? "/SF" : ""} ${v.period}`;
      return base;
    }
    if ("start" in v && "end" in v && ("monthly" in v || "annual" in v)) {
      // A rent step: its period, then the rent as the lease states it.
      const period = `${formatValue(v.start)} – ${formatValue(v.end)}`;
      const rent = v.monthly ? `${formatValue(v.monthly)}/mo` : `${formatValue(v.annual)}/yr`;
      return `${period}: ${rent}`;
    }
    if (typeof v.date === "string" && typeof v.kind === "string") {
      return `${v.date} ${v.kind.replace(/_/g, " ")}${typeof v.description === "string" && v.description ? ` (${v.description})` : ""}`;
    }
    if (typeof v.count === "number") {
      const months = typeof v.months === "number" ? ` × ${v.months} months` : "";
      return `${v.count} option${v.count === 1 ? "" : "s"}${months}`;
    }
    return Object.entries(v)
      .filter(([, x]) => x !== null && x !== undefined)
      .map(([k, x]) => `${k.replace(/_/g, " ")}: ${formatValue(x)}`)
      .join(", ");
  }
  return String(v);
}

export function humanize(key: string): string {
  const s = key.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}
