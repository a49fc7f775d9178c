import { describe, expect, it } from "vitest";
import { detectSeparator, parseCsv } from "./csv.ts";
import { parseDecimal, readObservationsCsv } from "./observations-csv.ts";

describe("CSV reading (RFC 4180)", () => {
  it("reads quoted separators, doubled quotes and line breaks, and keeps the line each record starts on", () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\n\n2,"two\nlines",\n3,,last';
    expect(parseCsv(text, ",")).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ["a", "b", "c"] },
        { line: 2, fields: ["1", "x, y", 'say "hi"'] },
        { line: 4, fields: ["2", "two\nlines", ""] },
        { line: 6, fields: ["3", "", "last"] },
      ],
    });
  });

  it("reads semicolons when the header has more of them than commas", () => {
    expect(detectSeparator("indicator;reporter;period;value;unit;source\n")).toBe(";");
    expect(detectSeparator("indicator,reporter,period,value,unit\n")).toBe(",");
    expect(parseCsv('a;"b;c"', ";")).toEqual({ ok: true, records: [{ line: 1, fields: ["a", "b;c"] }] });
  });

  it("says where a quote is left open or followed by text", () => {
    expect(parseCsv('a,b\n1,"open\n2,3', ",")).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a,b\n1,"x"y', ",")).toMatchObject({ ok: false, line: 2 });
  });
});

describe("observations from CSV", () => {
  it("reads rows in any column order, with a BOM, `;` and decimal commas, source optional", () => {
    const csv =
      '\uFEFFreporter;indicator;period;value;unit;source\nAZ;trade_turnover;2025-01;1 234,5;USD thousand;"Госкомстат; 2025"\nkg;exports;2025-Q1;10;USD thousand;\n';
    expect(readObservationsCsv(csv)).toEqual({
      issues: [],
      rows: [
        {
          line: 2,
          indicator: "trade_turnover",
          reporter: "AZ",
          period: "2025-01",
          value: 1234.5,
          unit: "USD thousand",
          source: "Госкомстат; 2025",
        },
        { line: 3, indicator: "exports", reporter: "KG", period: "2025-Q1", value: 10, unit: "USD thousand" },
      ],
    });
  });

  it("reports every bad cell with its line and column", () => {
    const csv = [
      "indicator,reporter,period,value,unit,source",
      "trade_turnover,AZ,2025-01,100,USD thousand,",
      "trade,AZ,2025-13,-5,USD thousand,",
      "exports,AZ,2025,12",
      "trade_turnover,AZ,2025-01,7,USD thousand,",
    ].join("\n");
    const { issues } = readObservationsCsv(csv);
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [3, "indicator"],
      [3, "period"],
      [3, "value"],
      [4, null],
      [5, "period"],
    ]);
    expect(issues[3]?.message).toBe("has 4 fields; the header has 6");
    expect(issues[4]?.message).toBe("repeats line 2 (same indicator, reporter and period)");
  });

  it("checks the header and the number of rows", () => {
    expect(readObservationsCsv("indicator,reporter,period,value,colour\n").issues).toEqual([
      { line: 1, column: "colour", message: expect.stringContaining("not a known column") },
      { line: 1, column: "unit", message: "is missing from the header" },
    ]);
    expect(readObservationsCsv("indicator,reporter,period,value,unit\n").issues[0]?.message).toBe(
      "has no rows under the header",
    );
    const tooMany = ["indicator,reporter,period,value,unit"];
    for (let i = 0; i < 10_001; i++) tooMany.push(`exports,AZ,${2000 + Math.floor(i / 12)}-01,1,t`);
    expect(readObservationsCsv(tooMany.join("\n")).issues).toEqual([
      { line: 10_002, column: null, message: "at most 10000 rows can be imported at once" },
    ]);
  });

  it("reads decimals strictly", () => {
    expect(parseDecimal("1234.5", ",")).toBe(1234.5);
    expect(parseDecimal("1 234,5", ";")).toBe(1234.5);
    expect(parseDecimal("1,5", ",")).toBeNaN();
    expect(parseDecimal("-3", ",")).toBeNaN();
    expect(parseDecimal("", ",")).toBeNaN();
  });
});
