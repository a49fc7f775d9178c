import type { FirstLoad } from "./first-load.ts";
import { type Column, formatCount, formatMs, formatTable } from "./report.ts";
import type { ScenarioFigures } from "./run-scenarios.ts";

/** The goals of issue 8, checked against the figures. */
const READ_RATIO_GOAL = 2;
const P99_GOAL_MS = 100;
const FIRST_LOAD_GOAL_KB = 300;

/** One engine's figures; `p99Goal` when the p99 goal applies to it (PostgreSQL at full scale). */
export type EngineRun = { engine: string; p99Goal: boolean; figures: ScenarioFigures[] };

const COLUMNS: Column[] = [
  { header: "engine", align: "left" },
  { header: "request", align: "left" },
  { header: "HTTP p50 ms", align: "right" },
  { header: "HTTP p99 ms", align: "right" },
  { header: "req/s", align: "right" },
  { header: "SQL p50 ms", align: "right" },
  { header: "SQL p99 ms", align: "right" },
  { header: "HTTP/SQL", align: "right" },
  { header: "failed", align: "right" },
  { header: "goals", align: "left" },
];

const NONE = "—";
const verdict = (met: boolean) => (met ? "met" : "NOT met");

function ratioOf(figures: ScenarioFigures): number | null {
  const { http, direct, scenario } = figures;
  if (!http || !direct || (scenario.kind !== "read" && scenario.kind !== "write")) return null;
  return http.p50 / direct.p50;
}

function goalsOf(figures: ScenarioFigures, p99Goal: boolean): string {
  const goals: string[] = [];
  const ratio = ratioOf(figures);
  if (figures.scenario.kind === "read" && ratio !== null)
    goals.push(`≤${READ_RATIO_GOAL}× SQL ${verdict(ratio <= READ_RATIO_GOAL)}`);
  const measured = figures.scenario.kind === "read" || figures.scenario.kind === "write";
  if (p99Goal && measured && figures.http) goals.push(`p99<${P99_GOAL_MS} ${verdict(figures.http.p99 < P99_GOAL_MS)}`);
  return goals.join(", ");
}

function row(engine: string, figures: ScenarioFigures, p99Goal: boolean): string[] {
  const ratio = ratioOf(figures);
  const failures = figures.throughput?.failures;
  return [
    engine,
    figures.scenario.label,
    figures.http ? formatMs(figures.http.p50) : NONE,
    figures.http ? formatMs(figures.http.p99) : NONE,
    figures.throughput ? formatCount(figures.throughput.requestsPerSecond) : NONE,
    figures.direct ? formatMs(figures.direct.p50) : NONE,
    figures.direct ? formatMs(figures.direct.p99) : NONE,
    ratio === null ? NONE : `${ratio.toFixed(1)}×`,
    failures === undefined ? NONE : String(failures),
    goalsOf(figures, p99Goal),
  ];
}

function firstLoadRow(firstLoad: FirstLoad): string[] {
  const kb = firstLoad && firstLoad.gzipBytes / 1024;
  const label = firstLoad
    ? `first load: ${kb?.toFixed(0)} KB of JS gzipped in ${firstLoad.files.length} files`
    : "first load: not built (npm run build)";
  const goal = kb === null ? "" : `<${FIRST_LOAD_GOAL_KB} KB ${verdict(kb < FIRST_LOAD_GOAL_KB)}`;
  return ["web", label, NONE, NONE, NONE, NONE, NONE, NONE, NONE, goal];
}

/** The report's one table: every engine's requests, then the web app's first load. */
export function resultsTable(runs: EngineRun[], firstLoad: FirstLoad): string {
  const rows = runs.flatMap((run) => run.figures.map((figures) => row(run.engine, figures, run.p99Goal)));
  return formatTable(COLUMNS, [...rows, firstLoadRow(firstLoad)]);
}

/** What authenticating costs each request: the token lookup with the grants, directly and over HTTP. */
export function authenticationCost(run: EngineRun): string {
  const withToken = run.figures.find((f) => f.scenario.kind === "authentication");
  const withoutToken = run.figures.find((f) => f.scenario.kind === "unauthenticated");
  const reads = run.figures.filter((f) => f.scenario.kind === "read" && f.http).map((f) => f.http?.p50 ?? 0);
  if (!withToken?.direct || !withToken.http || !withoutToken?.http || reads.length === 0) return "";
  const perRequest = withToken.direct.p50;
  const share = (ms: number) => `${Math.round((100 * perRequest) / ms)} %`;
  return (
    `${run.engine}: authenticating a token takes ${formatMs(perRequest)} ms (p50, two queries), ` +
    `${formatMs(withToken.http.p50 - withoutToken.http.p50)} ms over HTTP; ` +
    `${share(Math.max(...reads))}–${share(Math.min(...reads))} of a main read's HTTP p50`
  );
}
