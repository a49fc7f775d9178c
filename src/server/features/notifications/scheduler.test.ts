import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runPeriodically } from "./scheduler.ts";

const logger = pino({ level: "silent" });
const timing = { periodMs: 1000, firstRunDelayMs: 100 };

describe("periodic runs", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs shortly after start, then every period, skipping ticks while a run is still going", async () => {
    const finishers: (() => void)[] = [];
    const task = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
    const scheduler = runPeriodically(task, timing, logger);

    await vi.advanceTimersByTimeAsync(100);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(task).toHaveBeenCalledTimes(1);
    finishers[0]?.();
    await vi.advanceTimersByTimeAsync(1000);
    expect(task).toHaveBeenCalledTimes(2);
    finishers[1]?.();
    await scheduler.stop();
  });

  it("keeps running after a failed run, and stops: no more runs, a run in progress awaited", async () => {
    let finish = () => {};
    const task = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error("database unavailable"))
      .mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
    const scheduler = runPeriodically(task, timing, logger);
    await vi.advanceTimersByTimeAsync(1100);
    expect(task).toHaveBeenCalledTimes(2);

    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await vi.advanceTimersByTimeAsync(5000);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("does not keep the process alive: its timers are unreferenced", async () => {
    vi.useRealTimers();
    const timeouts = vi.spyOn(globalThis, "setTimeout");
    const intervals = vi.spyOn(globalThis, "setInterval");
    const scheduler = runPeriodically(async () => {}, timing, logger);
    const timers = [timeouts.mock.results[0]?.value, intervals.mock.results[0]?.value] as NodeJS.Timeout[];
    expect(timers.map((t) => t.hasRef())).toEqual([false, false]);
    await scheduler.stop();
    vi.restoreAllMocks();
  });
});
