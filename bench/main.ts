import { sql } from "kysely";
import { migrate } from "../src/server/db/migrate.ts";
import { commitmentPageSchema } from "../src/shared/api/commitments.ts";
import { todayIso } from "../src/shared/deadline.ts";
import { type EngineTarget, pgliteTarget, postgresTarget, type ScratchDatabase } from "./databases.ts";
import { type DatasetSize, generateDataset } from "./generate.ts";
import {
  findRequestTargets,
  httpPath,
  type ListRequest,
  listQueryTask,
  representativeRequests,
} from "./list-requests.ts";
import {
  type LatencyFigures,
  measureLatency,
  measureThroughput,
  type Percentiles,
  type ThroughputFigures,
  timed,
  timeSequentialRuns,
  warmUp,
} from "./measure.ts";
import { type Column, describeMachine, formatCount, formatMs, formatSeconds, formatTable } from "./report.ts";
import { type RunningApp, startApp } from "./server.ts";

/**
 * `npm run bench`: the commitment list over HTTP and in SQL, on PGlite and on a PostgreSQL server.
 * BENCH_COMMITMENTS (100000), BENCH_SECONDS per HTTP run (5), BENCH_DATABASE_URL (the local server's postgres db).
 */

type Settings = { commitments: number; seconds: number; warmUpSeconds: number; postgresUrl: string };

// A fixed "today" keeps the overdue share of the generated deadlines the same whatever the date of the run.
const TODAY = new Date("2026-07-01T10:00:00Z");
const SQL_RUNS = 200;
const SQL_WARM_UP = 20;
// Node's JIT needs a few thousand requests before req/s levels off; fewer makes the first query look slow.
const HTTP_WARM_UP_SECONDS = 3;

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

function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const seconds = positiveNumber(env, "BENCH_SECONDS", 5);
  return {
    commitments: Math.round(positiveNumber(env, "BENCH_COMMITMENTS", 100_000)),
    seconds,
    warmUpSeconds: Math.min(HTTP_WARM_UP_SECONDS, seconds),
    postgresUrl: env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${text}".`);
  return value;
}

/** Progress goes to stderr so that stdout holds only the report. */
function progress(message: string): void {
  process.stderr.write(`  … ${message}\n`);
}

async function main(): Promise<void> {
  const settings = readSettings();
  console.log(describeMachine());
  console.log(
    `Load:   ${formatCount(settings.commitments)} commitments; HTTP ${settings.seconds} s per run ` +
      `(1 connection for latency, 10 for req/s); SQL ${SQL_RUNS} runs; ` +
      `warm-up ${settings.warmUpSeconds} s of requests, ${SQL_WARM_UP} queries`,
  );
  const targets: EngineTarget[] = [pgliteTarget(), await postgresTarget(settings.postgresUrl)];
  for (const target of targets) {
    console.log(`\n== ${target.name} ==`);
    if ("skip" in target) console.log(`Skipped: ${target.skip}`);
    else await benchmarkEngine(await target.create(), settings);
  }
}

async function benchmarkEngine(scratch: ScratchDatabase, settings: Settings): Promise<void> {
  const { db } = scratch.database;
  try {
    const version = await sql<{ server_version: string }>`show server_version`.execute(db);
    console.log(`${scratch.description} (server ${version.rows[0]?.server_version ?? "unknown"})`);
    const migration = await timed(() => migrate(db));
    progress(`migrated in ${formatSeconds(migration.seconds)}, generating`);
    const generation = await timed(() => generateDataset(db, settings.commitments));
    // VACUUM as well as ANALYZE: it flushes the GIN pending list and leaves autovacuum nothing to start mid-run.
    const analysis = await timed(() => sql`vacuum analyze`.execute(db));
    console.log(describeGeneration(generation.value, generation.seconds, analysis.seconds));
    const requestTargets = await findRequestTargets(db);
    const figures = await measureRequests(scratch, representativeRequests(requestTargets), settings);
    console.log(`${requestTargets.legend}; failed = non-2xx or unanswered requests of both HTTP runs\n`);
    console.log(formatTable(COLUMNS, figures.map(tableRow)));
  } finally {
    await scratch.dispose();
  }
}

function describeGeneration(size: DatasetSize, seconds: number, analyzeSeconds: number): string {
  return (
    `Generated ${formatCount(size.commitments)} commitments, ${formatCount(size.responsibles)} responsibles, ` +
    `${size.commissions} commissions, ${size.sessions} sessions, ${size.organizations} organisations ` +
    `in ${formatSeconds(seconds)}; VACUUM ANALYZE ${formatSeconds(analyzeSeconds)}`
  );
}

async function measureRequests(
  scratch: ScratchDatabase,
  requests: ListRequest[],
  settings: Settings,
): Promise<RequestFigures[]> {
  const app = await startApp(scratch.database, TODAY);
  try {
    const figures: RequestFigures[] = [];
    for (const request of requests) {
      progress(request.label);
      figures.push(await measureRequest(app, scratch, request, settings));
    }
    return figures;
  } finally {
    await app.stop();
  }
}

async function measureRequest(
  app: RunningApp,
  scratch: ScratchDatabase,
  request: ListRequest,
  settings: Settings,
): Promise<RequestFigures> {
  const url = `${app.baseUrl}${httpPath(request)}`;
  const rows = await itemCountOfFirstPage(url);
  await warmUp(url, settings.warmUpSeconds);
  const throughput = await measureThroughput(url, settings.seconds);
  const latency = await measureLatency(url, settings.seconds);
  const query = listQueryTask(scratch.database.db, request, todayIso(TODAY));
  const sqlTimes = await timeSequentialRuns(query, SQL_RUNS, SQL_WARM_UP);
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

await main();
