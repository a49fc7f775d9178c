import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMITMENT_STATUSES } from "./deadline.ts";
import { proposeOverall } from "./side-reports.ts";

describe("proposeOverall", () => {
  it("is done only when every side is done", () => {
    expect(proposeOverall(["AZ", "KG"], [{ side: "AZ", status: "done", progress: 100 }])).toEqual({
      status: "in_progress",
      progress: 50,
    });
    expect(
      proposeOverall(
        ["AZ", "KG"],
        [
          { side: "AZ", status: "done", progress: 100 },
          { side: "KG", status: "done", progress: 100 },
        ],
      ),
    ).toEqual({ status: "done", progress: 100 });
  });

  it("rolls up the sides' progress while work goes on", () => {
    expect(
      proposeOverall(
        ["AZ", "KG"],
        [
          { side: "AZ", status: "in_progress", progress: 60 },
          { side: "KG", status: "in_progress", progress: 20 },
        ],
      ),
    ).toEqual({ status: "in_progress", progress: 40 });
  });

  it("leaves out a side that dropped its part, and drops the item when both did", () => {
    expect(
      proposeOverall(
        ["AZ", "KG"],
        [
          { side: "AZ", status: "dropped", progress: 0 },
          { side: "KG", status: "done", progress: 100 },
        ],
      ),
    ).toEqual({ status: "done", progress: 100 });
    expect(
      proposeOverall(
        ["AZ", "KG"],
        [
          { side: "AZ", status: "dropped", progress: 10 },
          { side: "KG", status: "dropped", progress: 30 },
        ],
      ).status,
    ).toBe("dropped");
  });

  it("always proposes a consistent pair of status and progress (property)", () => {
    const report = (side: string) =>
      fc.record({
        side: fc.constant(side),
        status: fc.constantFrom(...COMMITMENT_STATUSES),
        progress: fc.integer({ min: 0, max: 100 }),
      });
    fc.assert(
      fc.property(fc.tuple(report("AZ"), report("KG")), (reports) => {
        const { status, progress } = proposeOverall(["AZ", "KG"], reports);
        expect(progress).toBeGreaterThanOrEqual(0);
        expect(progress).toBeLessThanOrEqual(100);
        if (status === "done") expect(progress).toBe(100);
        if (status === "not_started") expect(progress).toBe(0);
      }),
    );
  });
});
