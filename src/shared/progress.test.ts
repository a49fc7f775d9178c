import { describe, expect, it } from "vitest";
import { applyStatusChange } from "./progress.ts";

describe("applyStatusChange", () => {
  it("gives done 100% and not started 0%", () => {
    expect(applyStatusChange({ status: "in_progress", progress: 40 }, { status: "done" })).toEqual({
      ok: true,
      status: "done",
      progress: 100,
    });
    expect(applyStatusChange({ status: "in_progress", progress: 40 }, { status: "not_started" })).toMatchObject({
      progress: 0,
    });
  });
  it("keeps the progress reached when only the text or the status to in progress changes", () => {
    expect(applyStatusChange({ status: "in_progress", progress: 40 }, {})).toMatchObject({ progress: 40 });
    expect(applyStatusChange({ status: "not_started", progress: 0 }, { status: "in_progress", progress: 25 })).toEqual({
      ok: true,
      status: "in_progress",
      progress: 25,
    });
  });
  it("refuses a progress that contradicts the status", () => {
    expect(applyStatusChange({ status: "in_progress", progress: 40 }, { status: "done", progress: 50 })).toMatchObject({
      ok: false,
      field: "progress",
    });
    expect(
      applyStatusChange({ status: "in_progress", progress: 40 }, { status: "not_started", progress: 5 }),
    ).toMatchObject({
      ok: false,
    });
  });
  it("asks for a new figure when a done item is reopened", () => {
    expect(applyStatusChange({ status: "done", progress: 100 }, { status: "in_progress" })).toMatchObject({
      ok: false,
    });
    expect(applyStatusChange({ status: "done", progress: 100 }, { status: "in_progress", progress: 80 })).toMatchObject(
      {
        ok: true,
        progress: 80,
      },
    );
  });
});
