import { type Kysely, type Selectable, sql } from "kysely";
import type { CommitmentListQuery } from "../../../shared/api/commitments.ts";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import { type CursorValue, type KeysetSort, keysetAfter, keysetOrder } from "../../db/keyset.ts";
import type { CommitmentsTable, DB, StatusUpdatesTable } from "../../db/schema.ts";
import { matchesText } from "../../db/text-search.ts";

export type CommitmentRow = Selectable<CommitmentsTable> & { session_number: number };
export type ResponsibleRow = {
  commitment_id: string;
  organization_id: string;
  side: string;
  lead: boolean;
  name: LocalizedText;
};
export type StatusUpdateRow = Selectable<StatusUpdatesTable>;

export const COMMITMENT_SORT_KEYS: Record<CommitmentListQuery["sort"], KeysetSort> = {
  protocol: {
    direction: "asc",
    columns: [
      { expr: sql`c.session_id`, type: "uuid" },
      { expr: sql`c.position`, type: "int" },
      { expr: sql`c.id`, type: "uuid" },
    ],
  },
  deadline: {
    direction: "asc",
    columns: [
      { expr: sql`coalesce(c.due_date, 'infinity'::date)`, type: "date" },
      { expr: sql`c.id`, type: "uuid" },
    ],
  },
  updated: {
    direction: "desc",
    columns: [
      { expr: sql`c.updated_at`, type: "timestamptz" },
      { expr: sql`c.id`, type: "uuid" },
    ],
  },
};

export function sortValuesOf(row: CommitmentRow, sort: CommitmentListQuery["sort"]): CursorValue[] {
  switch (sort) {
    case "protocol":
      return [row.session_id, row.position, row.id];
    case "deadline":
      return [row.due_date ?? "infinity", row.id];
    case "updated":
      return [row.updated_at, row.id];
  }
}

export type CommitmentFilter = Omit<CommitmentListQuery, "limit" | "cursor" | "sort">;

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom("commitments as c")
    .innerJoin("sessions as s", "s.id", "c.session_id")
    .selectAll("c")
    .select("s.number as session_number");
}

/** SQL only: the commitment list with its filters, keyset page and sort. `today` decides overdue. */
export async function listCommitments(
  db: Kysely<DB>,
  filter: CommitmentFilter,
  page: { sort: CommitmentListQuery["sort"]; after: CursorValue[] | null; limit: number },
  today: string,
): Promise<CommitmentRow[]> {
  const sort = COMMITMENT_SORT_KEYS[page.sort];
  let query = baseQuery(db);
  if (filter.commissionId) query = query.where("c.commission_id", "=", filter.commissionId);
  if (filter.sessionId) query = query.where("c.session_id", "=", filter.sessionId);
  if (filter.sector) query = query.where("c.sector_code", "=", filter.sector);
  if (filter.status) query = query.where("c.status", "=", filter.status);
  if (filter.organizationId || filter.side) {
    const { organizationId, side } = filter;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("commitment_responsibles as r")
          .select(sql`1`.as("one"))
          .whereRef("r.commitment_id", "=", "c.id")
          .$if(organizationId !== undefined, (q) => q.where("r.organization_id", "=", organizationId as string))
          .$if(side !== undefined, (q) => q.where("r.side", "=", side as string)),
      ),
    );
  }
  if (filter.overdue !== undefined) {
    const overdue = sql<boolean>`(c.status in ('not_started', 'in_progress') and c.due_date < ${today}::date)`;
    query = query.where(filter.overdue ? overdue : sql<boolean>`not coalesce(${overdue}, false)`);
  }
  if (filter.q) {
    query = query.where(matchesText(sql`c.search`, filter.q));
  }
  if (page.after) query = query.where(keysetAfter(sort, page.after));
  return query.orderBy(keysetOrder(sort)).limit(page.limit).execute();
}

export async function findCommitment(db: Kysely<DB>, id: string): Promise<CommitmentRow | undefined> {
  return baseQuery(db).where("c.id", "=", id).executeTakeFirst();
}

/** Locks the row for the rest of the transaction so that concurrent updates queue instead of interleaving. */
export async function lockCommitment(trx: Kysely<DB>, id: string): Promise<CommitmentRow | undefined> {
  return baseQuery(trx).where("c.id", "=", id).forUpdate("c").executeTakeFirst();
}

export async function listResponsibles(db: Kysely<DB>, commitmentIds: string[]): Promise<ResponsibleRow[]> {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom("commitment_responsibles as r")
    .innerJoin("organizations as o", "o.id", "r.organization_id")
    .select(["r.commitment_id", "r.organization_id", "r.side", "r.lead", "o.name"])
    .where("r.commitment_id", "in", commitmentIds)
    .orderBy("r.side")
    .orderBy("r.lead", "desc")
    .execute();
}

export async function nextPosition(trx: Kysely<DB>, sessionId: string): Promise<number> {
  const row = await trx
    .selectFrom("commitments")
    .select(sql<number>`coalesce(max(position) + 1, 0)`.as("next"))
    .where("session_id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return row.next;
}

export async function replaceResponsibles(
  trx: Kysely<DB>,
  commitment: { id: string; commission_id: string },
  responsible: { organizationId: string; side: string; lead: boolean }[],
): Promise<void> {
  await trx.deleteFrom("commitment_responsibles").where("commitment_id", "=", commitment.id).execute();
  if (responsible.length === 0) return;
  await trx
    .insertInto("commitment_responsibles")
    .values(
      responsible.map((r) => ({
        commitment_id: commitment.id,
        organization_id: r.organizationId,
        commission_id: commitment.commission_id,
        side: r.side,
        lead: r.lead,
      })),
    )
    .execute();
}

export async function listStatusUpdates(db: Kysely<DB>, commitmentId: string): Promise<StatusUpdateRow[]> {
  return db
    .selectFrom("status_updates")
    .selectAll()
    .where("commitment_id", "=", commitmentId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}
