import { describe, expect, it } from "vitest";
import { findDates } from "./dates.ts";
import { findFigures, periodOf } from "./figures.ts";

const figures = (text: string) =>
  findFigures({ text, start: 0, end: text.length }, findDates(text), 2025).map((f) => [f.value, f.unit, f.period]);

describe("figures", () => {
  it("reads percentages, money, tonnes and ratios with their periods", () => {
    expect(figures("За первые 10 месяцев 2025 года товарооборот увеличился более чем на 94%.")).toEqual([
      [94, "%", "2025-01/2025-10"],
    ]);
    expect(figures("в январе–октябре 2025 года рост составил 94 процента")).toEqual([
      [94, "процента", "2025-01/2025-10"],
    ]);
    expect(figures("товарооборот составил 4,5 млрд долларов США")).toEqual([[4.5, "млрд долларов США", null]]);
    expect(figures("capacity raised from 15 million to 25 million tons per year")).toEqual([
      [15, "million tons per year", null],
      [25, "million tons per year", null],
    ]);
    expect(figures("trade reached $7.6 billion in 2024")).toEqual([[7.6, "billion $", "2024"]]);
    expect(figures("товарооборот вырос в 2,3 раза")).toEqual([[2.3, "раза", null]]);
    expect(figures("Число совместных предприятий превысило 1200.")).toEqual([[1200, "предприятий", null]]);
  });

  it("leaves dates, years, ordinals and durations alone", () => {
    expect(
      figures("8 декабря 2025 года прошло 6-е заседание; программа на 2024–2029 годы; за 10 месяцев; COP29"),
    ).toEqual([]);
  });

  it("names the period in the form the draft stores", () => {
    expect(periodOf("за девять месяцев 2025 года", null)).toBe("2025-01/2025-09");
    expect(periodOf("in the first half of 2025", null)).toBe("2025-01/2025-06");
    expect(periodOf("в I квартале 2026 года", null)).toBe("2026-Q1");
    expect(periodOf("in 2024", null)).toBe("2024");
    expect(periodOf("за первые 10 месяцев", 2025)).toBe("2025-01/2025-10");
    expect(periodOf("в последнее время", 2025)).toBeNull();
  });
});
