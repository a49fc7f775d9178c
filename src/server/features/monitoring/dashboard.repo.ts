import { type Kysely, type RawBuilder, sql } from "kysely";
import type { RollupFilter } from "../../../shared/api/monitoring.ts";
import type { DB } from "../../db/schema.ts";
import { aggregateRow, isLate, isOpen, matchesFilter } from "./commitment-tally.ts";
import { listResponsibleOrganizations } from "./responsibles.repo.ts";
import { loadRollup, loadTally } from "./rollups.repo.ts";

/** Open items due within this many days with less than this much progress are at risk. */
export const AT_RISK = { withinDays: 30, progressBelow: 50 } as const;

/** Due within `days` days: from today to today + days, both included. */
function isDueWithin(today: string, days: number): RawBuilder<boolean> {
  return sql<boolean>`(c.due_date >= ${today}::date and c.due_date <= ${today}::date + ${days}::int)`;
}

async function listDueItems(
  db: Kysely<DB>,
  filter: RollupFilter,
  condition: RawBuilder<boolean>,
  days: RawBuilder<number>,
  limit: number,
) {
  return db
    .selectFrom("commitments as c")
    .innerJoin("sessions as s", "s.id", "c.session_id")
    .select([
      "c.id",
      "c.commission_id",
      "c.session_id",
      "s.number as session_number",
      "c.item_number",
      "c.text",
      "c.sector_code",
      "c.status",
      "c.progress",
      sql<string>`c.due_date`.as("due_date"),
      days.as("days"),
    ])
    .where(matchesFilter(filter))
    .where(condition)
    .orderBy("c.due_date")
    .orderBy("c.id")
    .limit(limit)
    .execute();
}
export type DueItemRow = Awaited<ReturnType<typeof listDueItems>>[number];

/** SQL only: the longest-late open items first. */
export function listLateItems(db: Kysely<DB>, filter: RollupFilter, today: string, limit: number) {
  return listDueItems(db, filter, isLate(today), sql<number>`${today}::date - c.due_date`, limit);
}

/** SQL only: open items due soon with little progress, the soonest first. */
export function listAtRiskItems(db: Kysely<DB>, filter: RollupFilter, today: string, limit: number) {
  const atRisk = sql<boolean>`(${isOpen} and ${isDueWithin(today, AT_RISK.withinDays)}
    and c.progress < ${AT_RISK.progressBelow}::int)`;
  return listDueItems(db, filter, atRisk, sql<number>`c.due_date - ${today}::date`, limit);
}

/** SQL only: how many open items fall due in the next 30, 60 and 90 days, today included. */
export async function countUpcoming(db: Kysely<DB>, filter: RollupFilter, today: string) {
  const result = await sql<{ days30: number; days60: number; days90: number }>`
    select count(*) filter (where ${isDueWithin(today, 30)}) as days30,
      count(*) filter (where ${isDueWithin(today, 60)}) as days60,
      count(*) as days90
    from commitments c
    where ${matchesFilter(filter)} and ${isOpen} and ${isDueWithin(today, 90)}`.execute(db);
  return aggregateRow(result.rows);
}

export function findSessions(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("sessions")
    .select(["id", "commission_id", "number", "starts_on"])
    .where("id", "in", ids)
    .execute();
}

export function findOrganizationCountries(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("organizations").select(["id", "country_code"]).where("id", "in", ids).execute();
}

const TOP_ITEMS = 20;
const TOP_ORGANIZATIONS = 50;

/**
 * SQL only: every query behind one dashboard, run side by side (a server pool answers them in parallel; PGlite
 * queues them). The organisation roll-up is ordered by total, so its head is the scorecards.
 */
export async function loadDashboardRows(db: Kysely<DB>, filter: RollupFilter, today: string) {
  const [totals, sessions, sectors, organizations, late, atRisk, upcoming] = await Promise.all([
    loadTally(db, filter, today),
    loadRollup(db, "session", filter, today),
    loadRollup(db, "sector", filter, today),
    loadRollup(db, "organization", filter, today),
    listLateItems(db, filter, today, TOP_ITEMS),
    listAtRiskItems(db, filter, today, TOP_ITEMS),
    countUpcoming(db, filter, today),
  ]);
  const scorecards = organizations.slice(0, TOP_ORGANIZATIONS);
  const [sessionDetails, countries, responsibles] = await Promise.all([
    findSessions(
      db,
      sessions.map((s) => s.key),
    ),
    findOrganizationCountries(
      db,
      scorecards.map((o) => o.key),
    ),
    listResponsibleOrganizations(
      db,
      [...late, ...atRisk].map((item) => item.id),
    ),
  ]);
  return { totals, sessions, sessionDetails, sectors, scorecards, countries, late, atRisk, upcoming, responsibles };
}
export type DashboardRows = Awaited<ReturnType<typeof loadDashboardRows>>;
