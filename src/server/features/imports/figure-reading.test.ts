import { describe, expect, it } from "vitest";
import { periodBounds, readFigure } from "./figure-reading.ts";

const TURNOVER =
  "По итогам девяти месяцев 2024 года товарооборот между странами вырос в 2,3 раза и составил 6,1 млрд долларов США.";

describe("readFigure", () => {
  it("reads a growth with its comparator and period", () => {
    const fact = {
      text: "В январе–октябре 2025 года товарооборот увеличился более чем на 94 процента.",
      value: 94,
      unit: "процента",
      period: "2025-01/2025-10",
      indicator: "товарооборот",
    };
    expect(readFigure(fact)).toEqual({
      figure: {
        indicator: "trade_turnover",
        kind: "growth_yoy",
        comparator: "more_than",
        value: 94,
        unit: "%",
        periodStart: "2025-01",
        periodEnd: "2025-10",
      },
    });
  });

  it("carries the subject of the sentence to an amount in a later clause", () => {
    const reading = readFigure({ text: TURNOVER, value: 6.1, unit: "млрд долларов США", period: "2024-01/2024-09" });
    expect(reading).toMatchObject({ figure: { indicator: "trade_turnover", kind: "value", unit: "USD billion" } });
  });

  it("skips what is unclear: other units, other measures, no period, a share", () => {
    expect(readFigure({ text: TURNOVER, value: 2.3, unit: "раза", period: "2024" })).toHaveProperty("reason");
    const projects = "Trade grew by 45% in 2024, while the portfolio of joint projects has exceeded $12 billion.";
    expect(readFigure({ text: projects, value: 12, unit: "billion $", period: "2024" })).toHaveProperty("reason");
    expect(readFigure({ text: projects, value: 45, unit: "%", period: "2024" })).toHaveProperty("figure");
    expect(readFigure({ text: TURNOVER, value: 6.1, unit: "млрд долларов", period: null })).toHaveProperty("reason");
    const share = "Доля торговли в национальных валютах в 2024 году составила 90%.";
    expect(readFigure({ text: share, value: 90, unit: "%", period: "2024" })).toHaveProperty("reason");
  });
});

describe("periodBounds", () => {
  it.each([
    ["2025", ["2025", "2025"]],
    ["2025-Q3", ["2025-07", "2025-09"]],
    ["2025-03", ["2025-03", "2025-03"]],
    ["2025-01/2025-10", ["2025-01", "2025-10"]],
    ["2025-10/2025-01", null],
    ["last year", null],
  ])("reads %s", (period, bounds) => {
    expect(periodBounds(period)).toEqual(bounds);
  });
});
