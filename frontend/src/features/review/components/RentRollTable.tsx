//! Rent-roll rows as a table, with the document's totals underneath.

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { formatMoney, formatValue, humanize } from "../../../lib/format";
import type { Money, RentRoll, RentRollRow } from "../../../types/api";

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, RentRollRow>();
const money = (m: Money | null) => (m ? formatMoney(m) : "—");

const columns = helper.columns([
  helper.accessor("unit", { header: "Unit", cell: (i) => i.getValue() ?? "—" }),
  helper.accessor("tenant", { header: "Tenant", cell: (i) => i.getValue() ?? "—" }),
  helper.accessor("status", { header: "Status", cell: (i) => (i.getValue() ? humanize(String(i.getValue())) : "—") }),
  helper.accessor("rentable_square_feet", { header: "RSF", cell: (i) => formatValue(i.getValue()) }),
  helper.accessor("lease_start", { header: "Start", cell: (i) => i.getValue() ?? "—" }),
  helper.accessor("lease_end", { header: "End", cell: (i) => i.getValue() ?? "—" }),
  helper.accessor("monthly_base_rent", { header: "Monthly rent", cell: (i) => money(i.getValue()) }),
  helper.accessor("annual_base_rent", { header: "Annual rent", cell: (i) => money(i.getValue()) }),
  helper.accessor("annual_rent_per_sf", { header: "Rent / SF / yr", cell: (i) => money(i.getValue()) }),
  helper.display({
    id: "source",
    header: "Source",
    cell: (i) => i.row.original.evidence.map((e) => (e.sheet ? `${e.sheet}!${e.cells ?? ""}` : e.page ? `p. ${e.page}` : "")).join(", ") || "—",
  }),
]);

const TOTAL_LABELS: [key: string, label: string, show: (v: unknown) => string][] = [
  ["units", "Units", formatValue],
  ["rentable_square_feet", "RSF", formatValue],
  ["occupied_square_feet", "Occupied SF", formatValue],
  ["occupancy_percent", "Occupancy", (v) => `${formatValue(v)}%`],
  ["monthly_base_rent", "Monthly base rent", formatValue],
  ["stated_totals_match", "Matches the document's totals", (v) => (v === null ? "no totals stated" : formatValue(v))],
];

function Totals({ totals }: { totals: Record<string, unknown> }) {
  return (
    <dl className="totals" data-testid="rent-roll-totals">
      {TOTAL_LABELS.filter(([k]) => k in totals).map(([k, label, show]) => (
        <div key={k}>
          <dt>{label}</dt>
          <dd>{show(totals[k])}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RentRollTable({ rentRoll }: { rentRoll: RentRoll }) {
  const table = useTable({ features, columns, data: rentRoll.rows });
  return (
    <section className="card" aria-label="Rent roll">
      <h2>Rent roll · {rentRoll.rows.length} units</h2>
      <div className="scroll-x">
        <table className="grid" data-testid="rent-roll-table">
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => (
                  <th key={h.id}>
                    <table.FlexRender header={h} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rentRoll.totals && <Totals totals={rentRoll.totals} />}
    </section>
  );
}
