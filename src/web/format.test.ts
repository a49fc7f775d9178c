import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import {
  formatAmount,
  formatDate,
  formatDeadline,
  formatMonthPeriod,
  formatPercentChange,
  formatShortMonthSpan,
  formatTerm,
  ordinal,
  yearBefore,
} from "./format.ts";

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

describe("trade figures", () => {
  it("writes the growth span in short and the same span a year before", () => {
    expect(formatShortMonthSpan("2025-01", "2025-10", "en")).toBe("Jan–Oct 2025");
    expect(formatShortMonthSpan("2024-11", "2025-02", "en")).toBe("Nov 2024–Feb 2025");
    expect(formatShortMonthSpan("2025-10", "2025-10", "en")).toBe("Oct 2025");
    expect(formatShortMonthSpan("2025-01", "2025-10", "ru")).toBe("янв.–окт. 2025");
    expect(yearBefore("2025-10")).toBe("2024-10");
  });

  it("signs a change in per cent in each language's decimals", () => {
    expect(formatPercentChange(94.7, "en")).toBe("+94.7%");
    expect(formatPercentChange(94.7, "ru")).toBe("+94,7%");
    expect(formatPercentChange(-3, "en")).toBe("-3%");
    expect(formatPercentChange(0, "en")).toBe("0%");
  });

  it("writes an amount with its currency, or the number and the unit", () => {
    expect(formatAmount(12_500_000, "USD", "en")).toBe("US$12.5m");
    expect(formatAmount(5300, "USD thousand", "en")).toBe("5,300 USD thousand");
    expect(formatAmount(5300, null, "en")).toBe("5,300");
  });
});

describe("formatTerm", () => {
  it("says since, until, from–to, or nothing when no day is known", () => {
    expect(formatTerm("2023-03-01", null, "en", t)).toBe('term.since{"date":"1 March 2023"}');
    expect(formatTerm(null, "2026-01-14", "en", t)).toBe('term.until{"date":"14 January 2026"}');
    expect(formatTerm("2019-03-01", "2026-01-14", "en", t)).toMatch(/^1 March 2019\s*–\s*14 January 2026$/);
    expect(formatTerm(null, null, "en", t)).toBeNull();
  });
});
