import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

const THROUGHPUT_CONNECTIONS = 10;

export type Percentiles = { p50: number; p99: number };
export type LatencyFigures = Percentiles & { failures: number };
export type ThroughputFigures = { requestsPerSecond: number; failures: number };

/** Nearest-rank percentile of a non-empty sample sorted in ascending order. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  const value = sorted[rank - 1];
  if (value === undefined) throw new Error("A percentile of no samples.");
  return value;
}

function percentilesOf(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/**
 * One request at a time. The latencies come from autocannon's response events: its own histogram keeps whole
 * milliseconds, too coarse for requests that take one or two.
 */
export async function measureLatency(url: string, seconds: number): Promise<LatencyFigures> {
  const latencies: number[] = [];
  const result = await runAutocannon({ url, connections: 1, duration: seconds }, (responseTimeMs) =>
    latencies.push(responseTimeMs),
  );
  if (latencies.length === 0) throw new Error(`No response from ${url} in ${seconds} s.`);
  return { ...percentilesOf(latencies), failures: failuresOf(result) };
}

/** Unmeasured load, so that the runs that count meet optimised code and warm caches. */
export async function warmUp(url: string, seconds: number): Promise<void> {
  await runAutocannon({ url, connections: THROUGHPUT_CONNECTIONS, duration: seconds });
}

/** Ten concurrent connections: how many requests per second the server answers. */
export async function measureThroughput(url: string, seconds: number): Promise<ThroughputFigures> {
  const result = await runAutocannon({ url, connections: THROUGHPUT_CONNECTIONS, duration: seconds });
  return { requestsPerSecond: result.requests.total / result.duration, failures: failuresOf(result) };
}

/** Responses that are not 2xx, and requests that got no response at all (connection errors, timeouts). */
function failuresOf(result: autocannon.Result): number {
  return result.non2xx + result.errors;
}

function runAutocannon(
  options: autocannon.Options,
  onResponse?: (responseTimeMs: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on("response", (_client, _status, _bytes, responseTimeMs) => onResponse(responseTimeMs));
  });
}

/** Runs `task` sequentially: `warmUp` times unmeasured, then `runs` times, and returns its p50 and p99 in ms. */
export async function timeSequentialRuns(
  task: () => Promise<unknown>,
  runs: number,
  warmUp: number,
): Promise<Percentiles> {
  return timeRunsWithin(task, { warmUpRuns: warmUp, minRuns: runs, maxRuns: runs, seconds: Number.POSITIVE_INFINITY });
}

/** How long to time a task: at least `minRuns`, then more until `seconds` have passed or `maxRuns` are done. */
export type RunBudget = { warmUpRuns: number; minRuns: number; maxRuns: number; seconds: number };

/**
 * Runs `task` sequentially within a budget and returns its p50 and p99 in ms with the number of runs: a query of
 * a second gets its minimum of runs, one of a millisecond its maximum.
 */
export async function timeRunsWithin(
  task: () => Promise<unknown>,
  budget: RunBudget,
): Promise<Percentiles & { runs: number }> {
  for (let i = 0; i < budget.warmUpRuns; i++) await task();
  const durations: number[] = [];
  const deadline = performance.now() + budget.seconds * 1000;
  while (durations.length < budget.maxRuns && (durations.length < budget.minRuns || performance.now() < deadline)) {
    const start = performance.now();
    await task();
    durations.push(performance.now() - start);
  }
  return { ...percentilesOf(durations), runs: durations.length };
}

/** Wall-clock time of `task` in seconds, with its result. */
export async function timed<T>(task: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await task();
  return { value, seconds: (performance.now() - start) / 1000 };
}
