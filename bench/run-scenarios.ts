import { sendOk } from "./http.ts";
import { measureThroughput, type RunBudget, type ThroughputFigures, type Timings, timeRunsWithin } from "./measure.ts";
import { formatMs, progress } from "./report.ts";
import type { Scenario } from "./scenarios.ts";

/** What one scenario measured; null where it has no such side (the empty route has no SQL). */
export type ScenarioFigures = {
  scenario: Scenario;
  http: Timings | null;
  throughput: ThroughputFigures | null;
  direct: Timings | null;
};

const MIN_RUNS = 5;
const MAX_RUNS = 5000;
const DIRECT_WARM_UP_RUNS = 2;

/**
 * Each scenario: sequential requests to warm up, then latency (one request at a time), the direct service call,
 * and last requests/s with ten connections, whose slow tails may still run on the server when it stops.
 */
export async function runScenario(
  scenario: Scenario,
  settings: { seconds: number; warmUpSeconds: number },
): Promise<ScenarioFigures> {
  progress(scenario.label);
  const budget = (seconds: number, warmUpRuns: number): RunBudget => ({
    warmUpRuns,
    minRuns: MIN_RUNS,
    maxRuns: MAX_RUNS,
    seconds,
  });
  const { http: call, direct } = scenario;
  if (call) {
    await sendOk(call); // fails early on anything but 2xx
    await timeRunsWithin(() => sendOk(call), budget(settings.warmUpSeconds, 0));
  }
  const http = call ? await timeRunsWithin(() => sendOk(call), budget(settings.seconds, 0)) : null;
  const directTimings = direct ? await timeRunsWithin(direct, budget(settings.seconds, DIRECT_WARM_UP_RUNS)) : null;
  const throughput = call ? await measureThroughput(call, settings.seconds) : null;
  progress(
    `  HTTP p50 ${http ? formatMs(http.p50) : "—"} ms, SQL p50 ${directTimings ? formatMs(directTimings.p50) : "—"} ms`,
  );
  return { scenario, http, throughput, direct: directTimings };
}
