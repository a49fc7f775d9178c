import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RollupItem, rollUpProgress } from "./rollup.ts";

const item = fc.record({
  progress: fc.integer({ min: 0, max: 100 }),
  weight: fc.option(fc.double({ min: 0.1, max: 10, noNaN: true }), { nil: null }),
  dropped: fc.boolean(),
});

describe("rollUpProgress", () => {
  it("stays within 0..100", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 50 }), (items) => {
        const p = rollUpProgress(items);
        if (p !== null) expect(p).toBeGreaterThanOrEqual(0);
        if (p !== null) expect(p).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("of one child equals the child", () => {
    fc.assert(
      fc.property(item, (one) => {
        expect(rollUpProgress([{ ...one, dropped: false }])).toBe(one.progress);
      }),
    );
  });

  it("does not depend on the order of the items", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 30 }), (items) => {
        expect(rollUpProgress([...items].reverse())).toBe(rollUpProgress(items));
      }),
    );
  });

  it("weights only when every item has a weight, and leaves dropped items out", () => {
    const items: RollupItem[] = [
      { progress: 100, weight: 3 },
      { progress: 0, weight: 1 },
    ];
    expect(rollUpProgress(items)).toBe(75);
    expect(rollUpProgress([{ progress: 100, weight: 3 }, { progress: 0 }])).toBe(50);
    expect(rollUpProgress([{ progress: 100 }, { progress: 0, dropped: true }])).toBe(100);
    expect(rollUpProgress([])).toBeNull();
  });
});
