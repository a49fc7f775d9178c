import { sql } from "kysely";
import { migrate } from "../src/server/db/migrate.ts";
import {
  FULL_PORTFOLIO,
  generatePortfolio,
  type PortfolioShape,
  type PortfolioSize,
  portfolioShape,
  settlePortfolio,
} from "../src/server/features/demo/scale-portfolio.ts";
import { createServices } from "../src/server/services.ts";
import { type EngineTarget, pgliteTarget, postgresTarget, type ScratchDatabase } from "./databases.ts";
import { measureFirstLoad } from "./first-load.ts";
import { timed } from "./measure.ts";
import { describeMachine, formatCount, formatSeconds, progress } from "./report.ts";
import { runScenario, type ScenarioFigures } from "./run-scenarios.ts";
import { appScenarios, ceilingScenario, findTargets } from "./scenarios.ts";
import { startApp, startEmptyApp } from "./server.ts";
import { authenticationCost, type EngineRun, resultsTable } from "./summary.ts";

/**
 * `npm run bench`: the main reads and one write over HTTP beside the service calls behind them, on PGlite and on
 * a PostgreSQL server, with an empty Hono route for the machine's ceiling, in one table. BENCH_SCALE=full puts
 * the full portfolio (1,000,000 commitments, 5,000,000 status updates, 200 commissions) on the server (several
 * minutes); the default keeps both engines at the PGlite size. BENCH_COMMITMENTS (100000, the default size),
 * BENCH_SECONDS per measurement (5), BENCH_DATABASE_URL (the local server's postgres database).
 */

type Scale = "default" | "full";
type Settings = { scale: Scale; commitments: number; seconds: number; warmUpSeconds: number; postgresUrl: string };

// A fixed "today" keeps the overdue share of the generated deadlines the same whatever the date of the run.
const TODAY = new Date("2026-07-01T10:00:00Z");
// Node's JIT needs a few thousand requests before it levels off; fewer makes the first query look slow.
const WARM_UP_SECONDS = 3;

function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const seconds = positiveNumber(env, "BENCH_SECONDS", 5);
  const scale = env.BENCH_SCALE ?? "default";
  if (scale !== "default" && scale !== "full") throw new Error(`BENCH_SCALE must be default or full, not "${scale}".`);
  return {
    scale,
    commitments: Math.round(positiveNumber(env, "BENCH_COMMITMENTS", 100_000)),
    seconds,
    warmUpSeconds: Math.min(WARM_UP_SECONDS, seconds),
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

type Plan = { target: EngineTarget; shape: PortfolioShape; p99Goal: boolean };

/** What each engine gets: PGlite always the default size, the server the full portfolio when asked. */
async function plan(settings: Settings): Promise<Plan[]> {
  const defaultShape = portfolioShape(settings.commitments / FULL_PORTFOLIO.commitments);
  const full = settings.scale === "full";
  return [
    { target: pgliteTarget(), shape: defaultShape, p99Goal: false },
    {
      target: await postgresTarget(settings.postgresUrl),
      shape: full ? FULL_PORTFOLIO : defaultShape,
      // The goal is set for the full portfolio on PostgreSQL.
      p99Goal: full,
    },
  ];
}

const describeShape = (shape: PortfolioShape): string =>
  `${formatCount(shape.commitments)} commitments over ${shape.commissions} commissions, ` +
  `${shape.updatesPerCommitment} status updates each`;

const shortSize = (commitments: number): string =>
  commitments >= 1_000_000 ? `${commitments / 1_000_000}M` : `${Math.round(commitments / 1000)}k`;

async function main(): Promise<void> {
  const settings = readSettings();
  console.log(describeMachine());
  console.log(`Date:   ${new Date().toISOString().slice(0, 10)}`);
  const plans = await plan(settings);
  console.log(
    `Scale:  ${settings.scale}${settings.scale === "full" ? "" : " (BENCH_SCALE=full for the full portfolio on PostgreSQL)"}; ` +
      plans.map(({ target, shape }) => `${target.name} ${describeShape(shape)}`).join("; "),
  );
  console.log(
    `Method: per request ${settings.warmUpSeconds} s of warm-up, then ${settings.seconds} s one request at a time ` +
      `(p50, p99), the service call ${settings.seconds} s ("SQL": the route's queries without HTTP), ` +
      `${settings.seconds} s with 10 connections (req/s)`,
  );
  const runs: EngineRun[] = [];
  const legends: string[] = [];
  for (const { target, shape, p99Goal } of plans) {
    if ("skip" in target) {
      console.log(`${target.name} skipped: ${target.skip}`);
      continue;
    }
    const engine = `${target.name} ${shortSize(shape.commitments)}`;
    const { figures, legend } = await benchmarkEngine(await target.create(), shape, settings);
    runs.push({ engine, p99Goal, figures });
    legends.push(`${engine}: ${legend}`);
  }
  console.log("");
  console.log(resultsTable(runs, measureFirstLoad()));
  console.log("");
  for (const line of [...legends, ...runs.map(authenticationCost)]) console.log(line);
}

async function benchmarkEngine(
  scratch: ScratchDatabase,
  shape: PortfolioShape,
  settings: Settings,
): Promise<{ figures: ScenarioFigures[]; legend: string }> {
  const { db } = scratch.database;
  try {
    const version = await sql<{ server_version: string }>`show server_version`.execute(db);
    console.log(`${scratch.description} (server ${version.rows[0]?.server_version ?? "unknown"})`);
    const migration = await timed(() => migrate(db));
    progress(`migrated in ${formatSeconds(migration.seconds)}, generating ${describeShape(shape)}`);
    const generation = await timed(() =>
      generatePortfolio(db, shape, (step, seconds) =>
        progress(seconds === null ? step : `${step}: ${formatSeconds(seconds)}`),
      ),
    );
    const settling = await timed(() => settlePortfolio(db));
    console.log(describeGeneration(generation.value, generation.seconds, settling.seconds));
    const targets = await findTargets(db);
    const [app, empty] = [await startApp(scratch.database, TODAY), await startEmptyApp()];
    try {
      const scenarios = [
        ceilingScenario(empty),
        ...appScenarios(
          app,
          createServices(db, () => TODAY),
          targets,
        ),
      ];
      const figures: ScenarioFigures[] = [];
      for (const scenario of scenarios) figures.push(await runScenario(scenario, settings));
      return { figures, legend: targets.legend };
    } finally {
      await Promise.all([app.stop(), empty.stop()]);
    }
  } finally {
    await scratch.dispose();
  }
}

function describeGeneration(size: PortfolioSize, seconds: number, settleSeconds: number): string {
  return (
    `Generated ${formatCount(size.commitments)} commitments, ${formatCount(size.statusUpdates)} status updates, ` +
    `${formatCount(size.responsibles)} responsibles, ${size.commissions} commissions, ` +
    `${formatCount(size.sessions)} sessions, ${formatCount(size.documents)} documents ` +
    `in ${formatSeconds(seconds)}; VACUUM ANALYZE ${formatSeconds(settleSeconds)}`
  );
}

await main();
