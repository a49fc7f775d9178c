import type { Kysely } from "kysely";
import type { DB } from "../src/server/db/schema.ts";
import { listCommitments } from "../src/server/features/commitments/commitments.repo.ts";
import { commitmentListQuerySchema } from "../src/shared/api/commitments.ts";
import { TOPICS } from "./generate.ts";

/** A commitment list request as the web app sends it, with a short label for the report. */
export type ListRequest = { label: string; params: Record<string, string> };

/** The commission and session the filtered requests aim at, with the names the labels give them. */
export type RequestTargets = { commissionId: string; sessionId: string; legend: string };

const COMMISSION_ALIAS = "X";
const SESSION_ALIAS = "Y";

/** The first commission in country order and its latest session. */
export async function findRequestTargets(db: Kysely<DB>): Promise<RequestTargets> {
  const session = await db
    .selectFrom("sessions as s")
    .innerJoin("commissions as c", "c.id", "s.commission_id")
    .select(["s.id as sessionId", "s.number", "c.id as commissionId", "c.country_a", "c.country_b"])
    .orderBy("c.country_a")
    .orderBy("c.country_b")
    .orderBy("s.number", "desc")
    .executeTakeFirstOrThrow();
  return {
    commissionId: session.commissionId,
    sessionId: session.sessionId,
    legend:
      `${COMMISSION_ALIAS} = commission ${session.country_a}–${session.country_b}, ` +
      `${SESSION_ALIAS} = its session ${session.number}`,
  };
}

export function representativeRequests(targets: RequestTargets): ListRequest[] {
  const aliases = new Map([
    [targets.commissionId, COMMISSION_ALIAS],
    [targets.sessionId, SESSION_ALIAS],
  ]);
  const request = (params: Record<string, string>): ListRequest => ({
    label: Object.entries(params)
      .map(([key, value]) => `${key}=${aliases.get(value) ?? value}`)
      .join("&"),
    params,
  });
  return [
    request({ commissionId: targets.commissionId, sector: "energy", limit: "50" }),
    request({
      commissionId: targets.commissionId,
      status: "in_progress",
      overdue: "true",
      sort: "deadline",
      limit: "50",
    }),
    request({ q: TOPICS[2].ru, limit: "50" }),
    request({ sessionId: targets.sessionId, limit: "100" }),
  ];
}

export function httpPath(request: ListRequest): string {
  return `/api/commitments?${new URLSearchParams(request.params)}`;
}

/**
 * The list query the service runs for this request: the same parsed filters, the first page, and one row more
 * than the limit (the service fetches it to know whether another page follows).
 */
export function listQueryTask(db: Kysely<DB>, request: ListRequest, today: string): () => Promise<unknown> {
  const { limit, cursor: _firstPage, sort, ...filter } = commitmentListQuerySchema.parse(request.params);
  return () => listCommitments(db, filter, { sort, after: null, limit: limit + 1 }, today);
}
