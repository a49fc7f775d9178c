import type { Kysely } from "kysely";
import type { DB } from "../src/server/db/schema.ts";
import { commitmentPageSchema } from "../src/shared/api/commitments.ts";
import {
  httpPath,
  type ListRequest,
  listQueryTask,
  type RequestTargets,
  representativeRequests,
} from "./list-requests.ts";
import {
  type LatencyFigures,
  measureLatency,
  measureThroughput,
  type Percentiles,
  type ThroughputFigures,
  timeSequentialRuns,
  warmUp,
} from "./measure.ts";
import { type Column, formatCount, formatMs, formatTable, progress } from "./report.ts";
import type { RunningApp } from "./server.ts";

/** The commitment list over HTTP (latency with one connection, req/s with ten) beside its raw SQL time. */

export type ListBenchSettings = { seconds: number; warmUpSeconds: number; today: string };

const SQL_RUNS = 200;
const SQL_WARM_UP = 20;

type RequestFigures = {
  request: ListRequest;
  rows: number;
  latency: LatencyFigures;
  throughput: ThroughputFigures;
  sql: Percentiles;
};

const COLUMNS: Column[] = [
  { header: "query", align: "left" },
  { header: "rows", align: "right" },
  { header: "HTTP p50 ms", align: "right" },
  { header: "HTTP p99 ms", align: "right" },
  { header: "req/s", align: "right" },
  { header: "SQL p50 ms", align: "right" },
  { header: "SQL p99 ms", align: "right" },
  { header: "failed", align: "right" },
];

export function describeListBench(settings: ListBenchSettings): string {
  return (
    `List:   HTTP ${settings.seconds} s per run (1 connection for latency, 10 for req/s), ` +
    `warm-up ${settings.warmUpSeconds} s of requests; SQL ${SQL_RUNS} runs after ${SQL_WARM_UP}`
  );
}

/** Measures each representative list request and returns the report's table. */
export async function benchmarkList(
  app: RunningApp,
  db: Kysely<DB>,
  targets: RequestTargets,
  settings: ListBenchSettings,
): Promise<string> {
  const figures: RequestFigures[] = [];
  for (const request of representativeRequests(targets)) {
    progress(request.label);
    figures.push(await measureRequest(app, db, request, settings));
  }
  return formatTable(COLUMNS, figures.map(tableRow));
}

async function measureRequest(
  app: RunningApp,
  db: Kysely<DB>,
  request: ListRequest,
  settings: ListBenchSettings,
): Promise<RequestFigures> {
  const url = `${app.baseUrl}${httpPath(request)}`;
  const rows = await itemCountOfFirstPage(url);
  await warmUp(url, settings.warmUpSeconds);
  const throughput = await measureThroughput(url, settings.seconds);
  const latency = await measureLatency(url, settings.seconds);
  const sqlTimes = await timeSequentialRuns(listQueryTask(db, request, settings.today), SQL_RUNS, SQL_WARM_UP);
  return { request, rows, latency, throughput, sql: sqlTimes };
}

/** Fails the benchmark early when a request is not answered with a valid page (a typo would measure a 400). */
async function itemCountOfFirstPage(url: string): Promise<number> {
  const response = await fetch(url);
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return commitmentPageSchema.parse(body).items.length;
}

function tableRow(figures: RequestFigures): string[] {
  return [
    figures.request.label,
    String(figures.rows),
    formatMs(figures.latency.p50),
    formatMs(figures.latency.p99),
    formatCount(figures.throughput.requestsPerSecond),
    formatMs(figures.sql.p50),
    formatMs(figures.sql.p99),
    String(figures.latency.failures + figures.throughput.failures),
  ];
}
