import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueDateOf, isOverdue, parseDeadline, todayIso } from "./deadline.ts";

describe("parseDeadline", () => {
  it.each([
    ["2026-06-30", "date", "2026-06-30"],
    ["2026-02", "month", "2026-02-28"],
    ["2024-02", "month", "2024-02-29"],
    ["2026-Q1", "quarter", "2026-03-31"],
    ["2026-Q2", "quarter", "2026-06-30"],
    ["2026-Q3", "quarter", "2026-09-30"],
    ["2026-Q4", "quarter", "2026-12-31"],
    ["2026", "year", "2026-12-31"],
  ])("reads %s as a %s due on %s", (text, kind, due) => {
    expect(parseDeadline(text)).toEqual({ kind, dueDate: due });
  });

  it("reads ongoing as having no due date", () => {
    expect(parseDeadline("ongoing")).toEqual({ kind: "ongoing", dueDate: null });
    expect(dueDateOf("ongoing")).toBeNull();
    expect(dueDateOf(null)).toBeNull();
  });

  it.each(["2026-Q5", "2026-Q0", "2026-13", "2026-02-30", "2025-02-29", "26-01-01", "soon", "", "2026-6-1"])(
    "rejects %j",
    (text) => {
      expect(parseDeadline(text)).toBeNull();
    },
  );
});

describe("isOverdue", () => {
  const today = "2026-07-01";
  it("is late once the last day of the period has passed", () => {
    expect(isOverdue("2026-Q2", "in_progress", today)).toBe(true);
    expect(isOverdue("2026-06-30", "not_started", today)).toBe(true);
  });
  it("is not late on the due day itself or before", () => {
    expect(isOverdue("2026-07-01", "in_progress", today)).toBe(false);
    expect(isOverdue("2026-Q3", "not_started", today)).toBe(false);
    expect(isOverdue("2026", "not_started", today)).toBe(false);
  });
  it("never marks done or dropped items, ongoing items or items without a deadline", () => {
    expect(isOverdue("2025-01-01", "done", today)).toBe(false);
    expect(isOverdue("2025-01-01", "dropped", today)).toBe(false);
    expect(isOverdue("ongoing", "in_progress", today)).toBe(false);
    expect(isOverdue(null, "not_started", today)).toBe(false);
  });
  it("takes today in UTC", () => {
    expect(todayIso(new Date("2026-07-01T23:30:00-05:00"))).toBe("2026-07-02");
  });
});

describe("overdue (properties)", () => {
  const day = fc
    .date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const deadline = fc.oneof(
    day,
    fc
      .integer({ min: 2000, max: 2099 })
      .chain((y) => fc.constantFrom(`${y}`, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`)),
    fc.constant("ongoing"),
    fc.constant(null),
  );

  it("never marks a done or dropped item as late, whatever its deadline and today", () => {
    fc.assert(
      fc.property(deadline, day, fc.constantFrom("done" as const, "dropped" as const), (d, today, status) => {
        expect(isOverdue(d, status, today)).toBe(false);
      }),
    );
  });

  it("marks an open item late exactly when its due date is before today", () => {
    fc.assert(
      fc.property(
        deadline,
        day,
        fc.constantFrom("not_started" as const, "in_progress" as const),
        (d, today, status) => {
          const due = dueDateOf(d);
          expect(isOverdue(d, status, today)).toBe(due !== null && due < today);
        },
      ),
    );
  });
});
