import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../shared/deadline.ts";
import { readDeadline } from "./deadlines.ts";

describe("readDeadline", () => {
  it.each([
    ["III квартал 2026 года.", "2026-Q3"],
    ["IV кв. 2026 г.", "2026-Q4"],
    ["2-й квартал 2026 г.", "2026-Q2"],
    ["Q3 2026", "2026-Q3"],
    ["third quarter of 2026", "2026-Q3"],
    ["I полугодие 2027 г.", "2027-Q2"],
    ["second half of 2026", "2026-Q4"],
    ["постоянно.", "ongoing"],
    ["ежегодно", "ongoing"],
    ["on a regular basis", "ongoing"],
    ["до 30 июня 2026 года", "2026-06-30"],
    ["by June 30, 2026", "2026-06-30"],
    ["декабрь 2026 года", "2026-12"],
    ["2026 год.", "2026"],
    ["в течение 2026 года", "2026"],
    ["не определен", null],
  ])("reads %j as %j", (text, expected) => {
    expect(readDeadline(text)).toBe(expected);
  });

  it("gives only deadlines the project can store", () => {
    for (const text of ["III квартал 2026 года", "постоянно", "до 1 июля 2026 г.", "декабрь 2026", "2026"]) {
      const deadline = readDeadline(text);
      expect(deadline === null || parseDeadline(deadline) !== null).toBe(true);
    }
  });
});
