import { get } from "node:http";
import type { Kysely } from "kysely";
import type { DB } from "../src/server/db/schema.ts";
import type { RequestTargets } from "./list-requests.ts";
import { type RunBudget, timeRunsWithin } from "./measure.ts";
import { type MonitoringRequest, monitoringRequests } from "./monitoring-requests.ts";
import { type Column, formatCount, formatMs, formatTable, progress } from "./report.ts";
import type { RunningApp } from "./server.ts";

/**
 * Roll-ups and dashboards, one request at a time over HTTP and as raw SQL. They read a whole portfolio, so a run
 * may take seconds: each is timed within a budget rather than for a fixed number of runs.
 */

const WARM_UP_RUNS = 2;
const MIN_RUNS = 5;
const MAX_RUNS = 200;

type RequestFigures = {
  request: MonitoringRequest;
  bytes: number;
  http: { p50: number; p99: number; runs: number };
  sql: { p50: number; p99: number; runs: number };
};

const COLUMNS: Column[] = [
  { header: "request", align: "left" },
  { header: "KB", align: "right" },
  { header: "HTTP p50 ms", align: "right" },
  { header: "HTTP p99 ms", align: "right" },
  { header: "SQL p50 ms", align: "right" },
  { header: "SQL p99 ms", align: "right" },
  { header: "runs HTTP/SQL", align: "right" },
];

function budgetOf(seconds: number): RunBudget {
  return { warmUpRuns: WARM_UP_RUNS, minRuns: MIN_RUNS, maxRuns: MAX_RUNS, seconds };
}

export function describeMonitoringBench(seconds: number): string {
  return (
    `Monitoring: 1 connection, ${WARM_UP_RUNS} warm-up runs, then ${MIN_RUNS}–${MAX_RUNS} runs within ` +
    `${seconds} s, over HTTP and again as raw SQL (the service's queries, side by side as it runs them)`
  );
}

export async function benchmarkMonitoring(
  app: RunningApp,
  db: Kysely<DB>,
  targets: RequestTargets,
  settings: { seconds: number; today: string },
): Promise<string> {
  const figures: RequestFigures[] = [];
  for (const request of await monitoringRequests(db, targets, settings.today)) {
    progress(request.label);
    const url = `${app.baseUrl}${request.path}`;
    const bytes = await fetchOk(url);
    const http = await timeRunsWithin(() => fetchOk(url), budgetOf(settings.seconds));
    const sql = await timeRunsWithin(request.sql, budgetOf(settings.seconds));
    progress(`  HTTP p50 ${formatMs(http.p50)} ms, SQL p50 ${formatMs(sql.p50)} ms`);
    figures.push({ request, bytes, http, sql });
  }
  return formatTable(COLUMNS, figures.map(tableRow));
}

/**
 * The size of a 200 answer; anything else fails the benchmark (a typo would otherwise measure a 400). Each request
 * opens its own connection: while a PGlite query blocks the event loop, the server's keep-alive timer expires
 * unseen and would reset a reused socket under the next request.
 */
function fetchOk(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        if (response.statusCode === 200) resolve(body.length);
        else reject(new Error(`GET ${url} answered ${response.statusCode}: ${body.toString("utf8", 0, 500)}`));
      });
    }).on("error", reject);
  });
}

function tableRow(figures: RequestFigures): string[] {
  return [
    figures.request.label,
    formatCount(figures.bytes / 1024),
    formatMs(figures.http.p50),
    formatMs(figures.http.p99),
    formatMs(figures.sql.p50),
    formatMs(figures.sql.p99),
    `${figures.http.runs}/${figures.sql.runs}`,
  ];
}
