import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isMonday, isoWeekOf } from "./iso-days.ts";

describe("ISO days", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-06-30", 1)).toBe("2026-07-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-07-01", -1)).toBe("2026-06-30");
  });

  it("counts whole days between two days, negative when the second is earlier", () => {
    expect(daysBetween("2026-07-01", "2026-07-08")).toBe(7);
    expect(daysBetween("2026-07-01", "2026-07-01")).toBe(0);
    expect(daysBetween("2026-07-01", "2026-06-20")).toBe(-11);
    // Spans a European daylight-saving change: still whole days, since the arithmetic is in UTC.
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });

  it("names ISO weeks, whose year is the year of their Thursday", () => {
    expect(isoWeekOf("2026-07-01")).toBe("2026-W27");
    expect(isoWeekOf("2026-01-01")).toBe("2026-W01");
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53");
    expect(isoWeekOf("2024-12-30")).toBe("2025-W01");
    expect(isoWeekOf("2021-01-03")).toBe("2020-W53");
  });

  it("keeps Monday to Sunday in one week and starts the next on Monday", () => {
    const week = ["2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10", "2026-07-11", "2026-07-12"];
    expect(new Set(week.map(isoWeekOf))).toEqual(new Set(["2026-W28"]));
    expect(isoWeekOf("2026-07-13")).toBe("2026-W29");
    expect(week.map(isMonday)).toEqual([true, false, false, false, false, false, false]);
  });
});
