import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthSpan, type Observation, sumOver, yearOnYearGrowth } from "./growth.ts";

const monthly = (year: number, values: number[], unit = "USD thousand"): Observation[] =>
  values.map((value, i) => ({ period: `${year}-${String(i + 1).padStart(2, "0")}`, value, unit }));

describe("yearOnYearGrowth", () => {
  it("compares January–October with the same months a year before", () => {
    const base = monthly(2024, [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    const current = monthly(2025, [20, 20, 20, 20, 20, 20, 20, 20, 20, 14]);
    expect(yearOnYearGrowth([...base, ...current], "2025-01", "2025-10")).toEqual({
      ok: true,
      current: 194,
      base: 100,
      growthPercent: 94,
      unit: "USD thousand",
    });
  });

  it("mixes quarterly and monthly figures without counting a month twice", () => {
    const observations: Observation[] = [
      { period: "2024-Q1", value: 30, unit: "USD million" },
      { period: "2024-01", value: 999, unit: "USD million" }, // inside the quarter already counted: ignored
      { period: "2024-04", value: 10, unit: "USD million" },
      { period: "2025-Q1", value: 45, unit: "USD million" },
      { period: "2025-04", value: 15, unit: "USD million" },
    ];
    expect(yearOnYearGrowth(observations, "2025-01", "2025-04")).toMatchObject({
      ok: true,
      base: 40,
      current: 60,
      growthPercent: 50,
    });
  });

  it("names the missing month instead of giving a wrong number", () => {
    const base = monthly(2024, [10, 10, 10]);
    const current = [
      { period: "2025-01", value: 12, unit: "USD thousand" },
      { period: "2025-03", value: 12, unit: "USD thousand" },
    ];
    const result = yearOnYearGrowth([...base, ...current], "2025-01", "2025-03");
    expect(result).toMatchObject({ ok: false, reason: "missing_data", missing: ["2025-02"] });
  });

  it("refuses a zero base", () => {
    const result = yearOnYearGrowth([...monthly(2024, [0, 0]), ...monthly(2025, [5, 5])], "2025-01", "2025-02");
    expect(result).toMatchObject({ ok: false, reason: "zero_base" });
  });

  it("refuses to add up different currencies", () => {
    const result = yearOnYearGrowth(
      [...monthly(2024, [10, 10]), ...monthly(2025, [10, 10], "EUR thousand")],
      "2025-01",
      "2025-02",
    );
    expect(result).toMatchObject({ ok: false, reason: "unit_mismatch", units: ["USD thousand", "EUR thousand"] });
  });

  it("refuses a reversed or malformed span", () => {
    expect(yearOnYearGrowth([], "2025-10", "2025-01")).toMatchObject({ ok: false, reason: "invalid_span" });
    expect(yearOnYearGrowth([], "2025-13", "2025-14")).toMatchObject({ ok: false, reason: "invalid_span" });
  });
});

describe("sumOver", () => {
  it("equals the plain sum of monthly figures for any span (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 24 }), (values) => {
        const observations = values.map((value, i) => ({
          period: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
          value,
          unit: "t",
        }));
        const months = monthSpan("2020-01", observations.at(-1)?.period ?? "2020-01") ?? [];
        const { total, missing } = sumOver(months, observations);
        expect(missing).toEqual([]);
        expect(total).toBe(values.reduce((a, b) => a + b, 0));
      }),
    );
  });
});
