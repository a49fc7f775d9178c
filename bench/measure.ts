import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { type HttpCall, headersOf } from "./http.ts";

const THROUGHPUT_CONNECTIONS = 10;
// A portfolio-wide read can take seconds, and ten of them queue behind each other on two cores.
const REQUEST_TIMEOUT_SECONDS = 120;

export type Percentiles = { p50: number; p99: number };
export type Timings = Percentiles & { runs: number };
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

/** How long to time a task: at least `minRuns`, then more until `seconds` have passed or `maxRuns` are done. */
export type RunBudget = { warmUpRuns: number; minRuns: number; maxRuns: number; seconds: number };

/**
 * Runs `task` sequentially within a budget and returns its p50 and p99 in ms with the number of runs: a query of
 * a second gets its minimum of runs, one of a millisecond its maximum.
 */
export async function timeRunsWithin(task: () => Promise<unknown>, budget: RunBudget): Promise<Timings> {
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

/** Ten concurrent connections for `seconds`: how many requests per second the server answers. */
export async function measureThroughput(call: HttpCall, seconds: number): Promise<ThroughputFigures> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: call.baseUrl,
        connections: THROUGHPUT_CONNECTIONS,
        duration: seconds,
        timeout: REQUEST_TIMEOUT_SECONDS,
        requests: [
          {
            method: call.method,
            headers: headersOf(call),
            ...(call.body === undefined ? {} : { body: call.body }),
            setupRequest: (request) => ({ ...request, path: call.nextPath() }),
          },
        ],
      },
      (error: unknown, finished) => (error ? reject(error) : resolve(finished)),
    );
  });
  // Responses that are not 2xx, and requests that got no response at all (connection errors, timeouts).
  return { requestsPerSecond: result.requests.total / result.duration, failures: result.non2xx + result.errors };
}

/** Wall-clock time of `task` in seconds, with its result. */
export async function timed<T>(task: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await task();
  return { value, seconds: (performance.now() - start) / 1000 };
}
