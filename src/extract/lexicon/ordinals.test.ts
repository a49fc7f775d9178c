import { describe, expect, it } from "vitest";
import { ordinalValue } from "./ordinals.ts";

describe("ordinalValue", () => {
  it.each([
    ["шестое", 6],
    ["шестого", 6],
    ["третьем", 3],
    ["шестнадцатое", 16],
    ["двадцать первое", 21],
    ["6-е", 6],
    ["18-го", 18],
    ["tenth", 10],
    ["10th", 10],
    ["twenty-first", 21],
    ["XVIII", 18],
    ["IV", 4],
  ])("reads %s as %i", (written, value) => {
    expect(ordinalValue(written)).toBe(value);
  });

  it("reads nothing from other words", () => {
    expect(ordinalValue("заседание")).toBeNull();
  });
});
