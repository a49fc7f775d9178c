import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import type { AuditQuery } from "../../../shared/api/audit.ts";
import { type CursorValue, type KeysetSort, keysetAfter, keysetOrder } from "../../db/keyset.ts";
import type { DB } from "../../db/schema.ts";

/** Newest first; events of one transaction share `occurred_at`, and the id orders them. */
export const AUDIT_SORT: KeysetSort = {
  direction: "desc",
  columns: [
    { expr: sql`a.occurred_at`, type: "timestamptz" },
    { expr: sql`a.id`, type: "bigint" },
  ],
};

export type AuditFilter = Omit<AuditQuery, "limit" | "cursor">;

// Records that belong to a commission by a commission_id column of their own (entity type → table).
const COMMISSION_RECORDS = {
  session: "sessions",
  commitment: "commitments",
  programme: "programmes",
  document: "documents",
  joint_body: "joint_bodies",
  project: "projects",
  observation: "indicator_observations",
  reported_figure: "reported_figures",
  calendar_feed: "calendar_feeds",
} as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * Events about the commission itself or about a record that belongs to it, found through that record (events
 * store no commission). Organisations and people serve every commission, so they are not counted in one; a
 * record since deleted is no longer found.
 */
function aboutCommission(commissionId: string): Expression<SqlBool> {
  const byTable = Object.entries(COMMISSION_RECORDS).map(
    ([entityType, table]) =>
      sql<SqlBool>`(a.entity_type = ${entityType} and a.entity_id in
        (select t.id::text from ${sql.table(table)} t where t.commission_id = ${commissionId}))`,
  );
  return sql<SqlBool>`(
    (a.entity_type = 'commission' and a.entity_id = ${commissionId})
    or ${sql.join(byTable, sql` or `)}
    or (a.entity_type = 'programme_measure' and a.entity_id in (select m.id::text from programme_measures m
      join programmes p on p.id = m.programme_id where p.commission_id = ${commissionId})))`;
}

export async function listAuditEvents(
  db: Kysely<DB>,
  filter: AuditFilter,
  page: { after: CursorValue[] | null; limit: number },
) {
  let query = db
    .selectFrom("audit_events as a")
    .select([
      "a.id",
      "a.occurred_at",
      "a.actor",
      "a.action",
      "a.entity_type",
      "a.entity_id",
      "a.request_id",
      "a.before",
      "a.after",
    ]);
  if (filter.actor) query = query.where("a.actor", "ilike", `%${escapeLike(filter.actor)}%`);
  if (filter.action) query = query.where("a.action", "=", filter.action);
  if (filter.entityType) query = query.where("a.entity_type", "=", filter.entityType);
  if (filter.entityId) query = query.where("a.entity_id", "=", filter.entityId);
  // Whole days in UTC: `to` takes in the day it names.
  if (filter.from)
    query = query.where(sql<SqlBool>`a.occurred_at >= cast(${filter.from} as date)::timestamp at time zone 'UTC'`);
  if (filter.to)
    query = query.where(sql<SqlBool>`a.occurred_at < (cast(${filter.to} as date) + 1)::timestamp at time zone 'UTC'`);
  if (filter.commissionId) query = query.where(aboutCommission(filter.commissionId));
  if (page.after) query = query.where(keysetAfter(AUDIT_SORT, page.after));
  return query.orderBy(keysetOrder(AUDIT_SORT)).limit(page.limit).execute();
}
export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>[number];
