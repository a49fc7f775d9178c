import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMITMENT_STATUSES } from "../../../shared/deadline.ts";
import { addDays } from "./iso-days.ts";
import { digestDedupeKey, OPEN_STATUSES, reminderDedupeKey, reminderFor } from "./reminder-rules.ts";

const TODAY = "2026-07-01";
const dueIn = (days: number) => ({ status: "in_progress" as const, dueDate: addDays(TODAY, days) });

describe("reminder rules", () => {
  it("reminds a week before, the day before and on the due date", () => {
    expect(reminderFor(dueIn(7), TODAY)).toEqual({
      kind: "reminder_before",
      offset: 7,
      dueDate: "2026-07-08",
      daysLeft: 7,
    });
    expect(reminderFor(dueIn(1), TODAY)).toMatchObject({ kind: "reminder_before", offset: 1, daysLeft: 1 });
    expect(reminderFor(dueIn(0), TODAY)).toMatchObject({ kind: "reminder_due", offset: 0, daysLeft: 0 });
  });

  it("says nothing more than a week ahead, nor once the day has passed", () => {
    expect(reminderFor(dueIn(8), TODAY)).toBeNull();
    expect(reminderFor(dueIn(-1), TODAY)).toBeNull();
  });

  it("counts a day missed in the week before as the week's reminder, with the days really left", () => {
    expect(reminderFor(dueIn(3), TODAY)).toMatchObject({ kind: "reminder_before", offset: 7, daysLeft: 3 });
  });

  it("reminds only of open items with a due date", () => {
    expect(OPEN_STATUSES).toEqual(["not_started", "in_progress"]);
    for (const status of COMMITMENT_STATUSES) {
      const reminded = reminderFor({ status, dueDate: "2026-07-02" }, TODAY) !== null;
      expect(reminded, status).toBe(status === "not_started" || status === "in_progress");
    }
    expect(reminderFor({ status: "not_started", dueDate: null }, TODAY)).toBeNull();
  });

  it("over the days before an open item's due date, plans exactly the week's, the eve's and the day's reminder", () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays("2024-01-01", n));
    fc.assert(
      fc.property(day, fc.constantFrom(...OPEN_STATUSES), (dueDate, status) => {
        const keys = new Set<string>();
        for (let before = 30; before >= -30; before -= 1) {
          const reminder = reminderFor({ status, dueDate }, addDays(dueDate, -before));
          if (reminder) keys.add(reminderDedupeKey("c", "f", reminder.dueDate, reminder.offset));
        }
        expect([...keys]).toEqual([
          `reminder:c:f:${dueDate}:7`,
          `reminder:c:f:${dueDate}:1`,
          `reminder:c:f:${dueDate}:0`,
        ]);
      }),
    );
  });

  it("keys a reminder by item, focal point, due date and offset, and a digest by address and ISO week", () => {
    expect(reminderDedupeKey("c1", "f1", "2026-07-02", 1)).toBe("reminder:c1:f1:2026-07-02:1");
    expect(digestDedupeKey("Aida@SOCAR.example", "2026-07-01")).toBe("digest:aida@socar.example:2026-W27");
    expect(digestDedupeKey("aida@socar.example", "2026-07-05")).toBe("digest:aida@socar.example:2026-W27");
    expect(digestDedupeKey("aida@socar.example", "2026-07-06")).toBe("digest:aida@socar.example:2026-W28");
  });
});
