import { describe, expect, it } from "vitest";
import { approval, correction, emptyHistory, invert, record, redo, undo } from "./edit-commands";

const extracted = { value: { amount: "4500.00", currency: "USD" }, status: "extracted" as const };

describe("edit commands", () => {
  it("describe a correction and an approval as before/after", () => {
    const c = correction("lease.security_deposit", extracted, { amount: "5000.00", currency: "USD" });
    expect(c).toEqual({
      rowId: "lease.security_deposit",
      columnId: "value",
      before: extracted,
      after: { value: { amount: "5000.00", currency: "USD" }, status: "corrected" },
    });
    expect(approval("lease.tenant", { value: "Acme", status: "extracted" }).after).toEqual({ value: "Acme", status: "approved" });
  });

  it("keep the analyst's note on a correction and mark the inverse as an undo", () => {
    const c = correction("lease.tenant", { value: "A", status: "extracted" }, "B", "  per amendment 2 ");
    expect(c.note).toBe("per amendment 2");
    expect(invert(c).note).toBe("undo");
    expect(correction("lease.tenant", { value: "A", status: "extracted" }, "B", "   ")).not.toHaveProperty("note");
  });

  it("undo sends the inverse and redo sends the command again", () => {
    const c = correction("lease.tenant", { value: "Acme", status: "extracted" }, "Acme, Inc.");
    let h = record(emptyHistory, c);
    const u = undo(h)!;
    expect(u.send).toEqual(invert(c));
    expect(u.send.after).toEqual({ value: "Acme", status: "extracted" });
    h = u.next;
    expect(h.done).toHaveLength(0);
    const r = redo(h)!;
    expect(r.send).toEqual(c);
    expect(r.next.done).toEqual([c]);
    expect(r.next.undone).toEqual([]);
  });

  it("undoes several edits in reverse order", () => {
    const a = correction("lease.tenant", { value: "A", status: "extracted" }, "B");
    const b = approval("lease.landlord", { value: "L", status: "extracted" });
    let h = record(record(emptyHistory, a), b);
    const first = undo(h)!;
    expect(first.send.rowId).toBe("lease.landlord");
    h = first.next;
    expect(undo(h)!.send.rowId).toBe("lease.tenant");
  });

  it("a new edit clears redo; a no-op edit is not recorded; empty history has nothing to undo", () => {
    const a = correction("lease.tenant", { value: "A", status: "extracted" }, "B");
    const h = undo(record(emptyHistory, a))!.next;
    expect(h.undone).toHaveLength(1);
    const b = correction("lease.suite", { value: "100", status: "extracted" }, "200");
    expect(record(h, b).undone).toHaveLength(0);
    expect(record(emptyHistory, correction("lease.suite", { value: "1", status: "corrected" }, "1"))).toBe(emptyHistory);
    expect(undo(emptyHistory)).toBeNull();
    expect(redo(emptyHistory)).toBeNull();
  });
});
