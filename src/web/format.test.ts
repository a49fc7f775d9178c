import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { formatDate, formatDeadline, formatMonthPeriod, ordinal } from "./format.ts";

// A stand-in for i18next's t: the key and its options, enough to see which text was chosen.
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key}${JSON.stringify(options)}` : key) as unknown as TFunction;

describe("ordinal", () => {
  it("writes session numbers the way each language does", () => {
    expect([1, 2, 3, 4, 6, 11, 12, 13, 21, 22].map((n) => ordinal(n, "en"))).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "6th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
    ]);
    expect(ordinal(6, "ru")).toBe("6-е");
    expect([1, 3, 6, 9, 10, 40, 100].map((n) => ordinal(n, "az"))).toEqual([
      "1-ci",
      "3-cü",
      "6-cı",
      "9-cu",
      "10-cu",
      "40-cı",
      "100-cü",
    ]);
  });
});

describe("dates", () => {
  it("prints an ISO day as that calendar day in every language", () => {
    expect(formatDate("2025-12-08", "en")).toBe("8 December 2025");
    expect(formatDate("2025-12-08", "ru")).toBe("8 декабря 2025 г.");
    expect(formatDate("2025-12-08", "az")).toMatch(/^8 dekabr 2025/);
  });

  it("prints a period of months", () => {
    expect(formatMonthPeriod("2025-01", "2025-10", "en")).toMatch(/^January\s*–\s*October 2025$/);
    expect(formatMonthPeriod("2025-10", "2025-10", "en")).toBe("October 2025");
  });
});

describe("formatDeadline", () => {
  it("covers every form a protocol deadline takes", () => {
    expect(formatDeadline(null, "en", t)).toBe("deadline.none");
    expect(formatDeadline("ongoing", "en", t)).toBe("deadline.ongoing");
    expect(formatDeadline("2026-06-30", "en", t)).toBe("30 June 2026");
    expect(formatDeadline("2026-06", "en", t)).toBe("June 2026");
    expect(formatDeadline("2026-Q3", "en", t)).toBe('deadline.quarter{"quarter":"3","year":"2026"}');
    expect(formatDeadline("2026-Q3", "ru", t)).toBe('deadline.quarter{"quarter":"III","year":"2026"}');
    expect(formatDeadline("2026", "en", t)).toBe("2026");
  });
});
