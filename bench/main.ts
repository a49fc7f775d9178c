import { sql } from "kysely";
import { migrate } from "../src/server/db/migrate.ts";
import { todayIso } from "../src/shared/deadline.ts";
import { type EngineTarget, pgliteTarget, postgresTarget, type ScratchDatabase } from "./databases.ts";
import { benchmarkDocuments } from "./documents.ts";
import { runExtractionBench } from "./extraction.ts";
import { type DatasetShape, type DatasetSize, generateDataset } from "./generate.ts";
import { benchmarkList, describeListBench } from "./list-bench.ts";
import { findRequestTargets } from "./list-requests.ts";
import { timed } from "./measure.ts";
import { benchmarkMonitoring, describeMonitoringBench } from "./monitoring-bench.ts";
import { describeMachine, formatCount, formatSeconds, progress } from "./report.ts";
import { startApp } from "./server.ts";

/**
 * `npm run bench`: the commitment list, the roll-ups and dashboards, over HTTP and in SQL, on PGlite and on a
 * PostgreSQL server. BENCH_SCALE=full puts 1,000,000 commitments with 5,000,000 status updates over 200
 * commissions on the server (several minutes); the default keeps both engines at the PGlite size.
 * BENCH_COMMITMENTS (100000, the default size), BENCH_SECONDS per HTTP run (5), BENCH_MONITORING_SECONDS per
 * monitoring measurement (2), BENCH_DATABASE_URL (the local server's postgres database).
 */

type Scale = "default" | "full";
type Settings = {
  scale: Scale;
  commitments: number;
  seconds: number;
  warmUpSeconds: number;
  monitoringSeconds: number;
  postgresUrl: string;
};

// A fixed "today" keeps the overdue share of the generated deadlines the same whatever the date of the run.
const TODAY = new Date("2026-07-01T10:00:00Z");
// Node's JIT needs a few thousand requests before req/s levels off; fewer makes the first query look slow.
const HTTP_WARM_UP_SECONDS = 3;
const UPDATES_PER_COMMITMENT = 5;
const DEFAULT_COMMISSIONS = 20;
const FULL_SCALE: DatasetShape = { commitments: 1_000_000, commissions: 200, updatesPerCommitment: 5 };

function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const seconds = positiveNumber(env, "BENCH_SECONDS", 5);
  const scale = env.BENCH_SCALE ?? "default";
  if (scale !== "default" && scale !== "full") throw new Error(`BENCH_SCALE must be default or full, not "${scale}".`);
  return {
    scale,
    commitments: Math.round(positiveNumber(env, "BENCH_COMMITMENTS", 100_000)),
    seconds,
    warmUpSeconds: Math.min(HTTP_WARM_UP_SECONDS, seconds),
    monitoringSeconds: positiveNumber(env, "BENCH_MONITORING_SECONDS", 2),
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

/** What each engine gets: PGlite always the default size, the server the full one when asked. */
async function engines(settings: Settings): Promise<{ target: EngineTarget; shape: DatasetShape }[]> {
  const defaultShape: DatasetShape = {
    commitments: settings.commitments,
    commissions: DEFAULT_COMMISSIONS,
    updatesPerCommitment: UPDATES_PER_COMMITMENT,
  };
  return [
    { target: pgliteTarget(), shape: defaultShape },
    {
      target: await postgresTarget(settings.postgresUrl),
      shape: settings.scale === "full" ? FULL_SCALE : defaultShape,
    },
  ];
}

function describeShape(shape: DatasetShape): string {
  return (
    `${formatCount(shape.commitments)} commitments over ${shape.commissions} commissions, ` +
    `${shape.updatesPerCommitment} status updates each`
  );
}

async function main(): Promise<void> {
  const settings = readSettings();
  console.log(describeMachine());
  const planned = await engines(settings);
  console.log(
    `Scale:  ${settings.scale}${settings.scale === "full" ? "" : " (BENCH_SCALE=full for 1,000,000 commitments on PostgreSQL)"}; ` +
      planned.map(({ target, shape }) => `${target.name} ${describeShape(shape)}`).join("; "),
  );
  console.log(describeListBench({ ...settings, today: todayIso(TODAY) }));
  console.log(describeMonitoringBench(settings.monitoringSeconds));
  for (const { target, shape } of planned) {
    console.log(`\n== ${target.name} ==`);
    if ("skip" in target) console.log(`Skipped: ${target.skip}`);
    else await benchmarkEngine(await target.create(), shape, settings);
  }
  console.log("\n== Extraction ==");
  await runExtractionBench();
  console.log("\n== Documents ==");
  console.log(await benchmarkDocuments());
}

async function benchmarkEngine(scratch: ScratchDatabase, shape: DatasetShape, settings: Settings): Promise<void> {
  const { db } = scratch.database;
  const today = todayIso(TODAY);
  try {
    const version = await sql<{ server_version: string }>`show server_version`.execute(db);
    console.log(`${scratch.description} (server ${version.rows[0]?.server_version ?? "unknown"})`);
    const migration = await timed(() => migrate(db));
    progress(`migrated in ${formatSeconds(migration.seconds)}, generating ${describeShape(shape)}`);
    const generation = await timed(() => generateDataset(db, shape));
    // VACUUM as well as ANALYZE: it flushes the GIN pending list and leaves autovacuum nothing to start mid-run.
    const analysis = await timed(() => sql`vacuum analyze`.execute(db));
    console.log(describeGeneration(generation.value, generation.seconds, analysis.seconds));
    const targets = await findRequestTargets(db);
    const app = await startApp(scratch.database, TODAY);
    try {
      const listTable = await benchmarkList(app, db, targets, { ...settings, today });
      const monitoringTable = await benchmarkMonitoring(app, db, targets, {
        seconds: settings.monitoringSeconds,
        today,
      });
      console.log(`${targets.legend}; failed = non-2xx or unanswered requests of both HTTP runs\n`);
      console.log(listTable);
      console.log("");
      console.log(monitoringTable);
    } finally {
      await app.stop();
    }
  } finally {
    await scratch.dispose();
  }
}

function describeGeneration(size: DatasetSize, seconds: number, analyzeSeconds: number): string {
  return (
    `Generated ${formatCount(size.commitments)} commitments, ${formatCount(size.responsibles)} responsibles, ` +
    `${formatCount(size.statusUpdates)} status updates, ${size.commissions} commissions, ` +
    `${formatCount(size.sessions)} sessions, ${size.organizations} organisations ` +
    `in ${formatSeconds(seconds)}; VACUUM ANALYZE ${formatSeconds(analyzeSeconds)}`
  );
}

await main();
