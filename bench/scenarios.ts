import type { Kysely } from "kysely";
import type { DB } from "../src/server/db/schema.ts";
import { TOPICS } from "../src/server/features/demo/scale-vocabulary.ts";
import type { Services } from "../src/server/services.ts";
import { commitmentListQuerySchema } from "../src/shared/api/commitments.ts";
import { dashboardQuerySchema } from "../src/shared/api/monitoring.ts";
import { searchQuerySchema } from "../src/shared/api/search.ts";
import { type HttpCall, rotation } from "./http.ts";
import type { RunningApp, RunningServer } from "./server.ts";

/**
 * What the benchmark measures: each main read and one write over HTTP, beside the same work done by calling the
 * service the route calls (its SQL and the building of the result, without HTTP, validation, authentication or
 * JSON). The service call is what the report calls "SQL".
 */
export type Scenario = {
  label: string;
  kind: "ceiling" | "unauthenticated" | "authentication" | "read" | "write";
  http: HttpCall | null;
  direct: (() => Promise<unknown>) | null;
};

/** The commission and session the requests aim at, and the commitments the write reports on. */
export type Targets = { commissionId: string; sessionId: string; commitmentIds: string[]; legend: string };

const COMMISSION_ALIAS = "X";
const SESSION_ALIAS = "Y";
// Enough that ten connections rarely wait for each other's row lock.
const WRITE_TARGETS = 1000;

/** The first commission in country order, its latest session and commitments of it in progress. */
export async function findTargets(db: Kysely<DB>): Promise<Targets> {
  const session = await db
    .selectFrom("sessions as s")
    .innerJoin("commissions as c", "c.id", "s.commission_id")
    .select(["s.id as sessionId", "s.number", "c.id as commissionId", "c.country_a", "c.country_b"])
    .orderBy("c.country_a")
    .orderBy("c.country_b")
    .orderBy("s.number", "desc")
    .executeTakeFirstOrThrow();
  const commitments = await db
    .selectFrom("commitments")
    .select("id")
    .where("commission_id", "=", session.commissionId)
    .where("status", "=", "in_progress")
    .orderBy("id")
    .limit(WRITE_TARGETS)
    .execute();
  return {
    commissionId: session.commissionId,
    sessionId: session.sessionId,
    commitmentIds: commitments.map((c) => c.id),
    legend:
      `${COMMISSION_ALIAS} = commission ${session.country_a}–${session.country_b}, ` +
      `${SESSION_ALIAS} = its session ${session.number}`,
  };
}

export function ceilingScenario(empty: RunningServer): Scenario {
  return {
    label: "empty Hono route (the machine's ceiling)",
    kind: "ceiling",
    http: { baseUrl: empty.baseUrl, method: "GET", nextPath: () => "/" },
    direct: null,
  };
}

/** Reads and the write, over HTTP as the given administrator and as direct service calls. */
export function appScenarios(app: RunningApp, services: Services, targets: Targets): Scenario[] {
  const aliases = new Map([
    [targets.commissionId, COMMISSION_ALIAS],
    [targets.sessionId, SESSION_ALIAS],
  ]);
  const queryLabel = (params: Record<string, string>) =>
    Object.entries(params)
      .map(([key, value]) => `${key}=${aliases.get(value) ?? value}`)
      .join("&");
  const get = (path: string): HttpCall => ({
    baseUrl: app.baseUrl,
    method: "GET",
    nextPath: () => path,
    token: app.token,
  });
  const read = (label: string, path: string, direct: () => Promise<unknown>): Scenario => ({
    label,
    kind: "read",
    http: get(path),
    direct,
  });

  const list = (params: Record<string, string>) => {
    const query = commitmentListQuerySchema.parse(params);
    return read(`list ${queryLabel(params)}`, `/api/commitments?${new URLSearchParams(params)}`, () =>
      services.commitments.list(query),
    );
  };
  const dashboard = (params: Record<string, string>, label: string) => {
    const query = dashboardQuerySchema.parse(params);
    return read(`dashboard ${label}`, `/api/dashboard?${new URLSearchParams(params)}`, () =>
      services.monitoring.dashboard(query),
    );
  };
  const search = { q: TOPICS[2].ru, limit: "20" };
  const searchQuery = searchQuerySchema.parse(search);
  const commission = { commissionId: targets.commissionId };

  return [
    {
      label: "health, no token (HTTP + select 1)",
      kind: "unauthenticated",
      http: { baseUrl: app.baseUrl, method: "GET", nextPath: () => "/api/health" },
      direct: null,
    },
    {
      label: "health with token (+ token and grants)",
      kind: "authentication",
      http: get("/api/health"),
      direct: () => services.signIn.fromApiToken(app.token),
    },
    list({ ...commission, sector: "energy", limit: "50" }),
    list({ ...commission, status: "in_progress", overdue: "true", sort: "deadline", limit: "50" }),
    read(`search q=${search.q}`, `/api/search?${new URLSearchParams(search)}`, () =>
      services.search.search(searchQuery),
    ),
    dashboard(commission, `commissionId=${COMMISSION_ALIAS}`),
    dashboard({}, "(portfolio)"),
    read(`commission overview ${COMMISSION_ALIAS}`, `/api/commissions/${targets.commissionId}`, () =>
      services.commissions.get(targets.commissionId),
    ),
    writeScenario(app, services, targets),
  ];
}

/** A secretariat's note on a commitment in progress, each time on the next of many commitments. */
function writeScenario(app: RunningApp, services: Services, targets: Targets): Scenario {
  const input = { text: "Benchmark: the working group met and agreed the next steps." };
  const nextForHttp = rotation(targets.commitmentIds);
  const nextForService = rotation([...targets.commitmentIds].reverse());
  const actor = { name: "Benchmark", requestId: null };
  return {
    label: "POST /commitments/{id}/updates",
    kind: "write",
    http: {
      baseUrl: app.baseUrl,
      method: "POST",
      nextPath: () => `/api/commitments/${nextForHttp()}/updates`,
      body: JSON.stringify(input),
      token: app.token,
    },
    direct: () => services.commitments.postUpdate(nextForService(), input, actor),
  };
}
