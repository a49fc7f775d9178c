import { type Kysely, type Selectable, sql, type UpdateObject } from "kysely";
import type { CommitmentListQuery } from "../../../shared/api/commitments.ts";
import type { CommitmentStatus } from "../../../shared/deadline.ts";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import { type CursorValue, type KeysetSort, keysetAfter, keysetOrder } from "../../db/keyset.ts";
import type { CommitmentsTable, DB } from "../../db/schema.ts";
import { matchesText } from "../../db/text-search.ts";

export type CommitmentRow = Selectable<CommitmentsTable> & { session_number: number };
export type ResponsibleRow = {
  commitment_id: string;
  organization_id: string;
  side: string;
  lead: boolean;
  name: LocalizedText;
};
export type SideStateRow = {
  commitment_id: string;
  side: string;
  status: CommitmentStatus;
  progress: number;
  updated_at: string | null;
};
export type AssignedFocalPointRow = {
  commitment_id: string;
  id: string;
  name: string;
  email: string;
  organization_id: string;
};

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
  if (filter.measureId) query = query.where("c.measure_id", "=", filter.measureId);
  if (filter.open !== undefined) {
    query = query.where("c.status", filter.open ? "in" : "not in", ["not_started", "in_progress"]);
  }
  if (filter.dueFrom) query = query.where("c.due_date", ">=", filter.dueFrom);
  if (filter.dueTo) query = query.where("c.due_date", "<=", filter.dueTo);
  if (filter.progressBelow !== undefined) query = query.where("c.progress", "<", filter.progressBelow);
  if (filter.programmeId) {
    // Implementing a programme: linked to it directly or through one of its measures.
    const { programmeId } = filter;
    query = query.where((eb) =>
      eb.or([
        eb("c.programme_id", "=", programmeId),
        eb(
          "c.measure_id",
          "in",
          eb.selectFrom("programme_measures").select("id").where("programme_id", "=", programmeId),
        ),
      ]),
    );
  }
  if (filter.awaitingConfirmation !== undefined) {
    query = query.where("c.awaiting_confirmation", "=", filter.awaitingConfirmation);
  }
  if (filter.focalPointId) {
    const { focalPointId } = filter;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("commitment_focal_points as cf")
          .select(sql`1`.as("one"))
          .whereRef("cf.commitment_id", "=", "c.id")
          .where("cf.focal_point_id", "=", focalPointId),
      ),
    );
  }
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

/** Every change of a commitment row bumps `updated_at` with it. */
export async function updateCommitmentRow(
  trx: Kysely<DB>,
  id: string,
  changes: Omit<UpdateObject<DB, "commitments">, "updated_at">,
): Promise<void> {
  await trx
    .updateTable("commitments")
    .set({ ...changes, updated_at: sql<string>`now()` })
    .where("id", "=", id)
    .execute();
}

/** Each side of the commission per commitment: its last report, or not started with no date when it has none. */
export async function listSideStates(db: Kysely<DB>, commitmentIds: string[]): Promise<SideStateRow[]> {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom("commitments as c")
    .innerJoin("commission_sides as cs", "cs.commission_id", "c.commission_id")
    .leftJoin("commitment_side_reports as r", (join) =>
      join.onRef("r.commitment_id", "=", "c.id").onRef("r.side", "=", "cs.country_code"),
    )
    .select([
      "c.id as commitment_id",
      "cs.country_code as side",
      sql<CommitmentStatus>`coalesce(r.status, 'not_started')`.as("status"),
      sql<number>`coalesce(r.progress, 0)`.as("progress"),
      "r.updated_at",
    ])
    .where("c.id", "in", commitmentIds)
    .orderBy("cs.country_code")
    .execute();
}

export async function listAssignedFocalPoints(
  db: Kysely<DB>,
  commitmentIds: string[],
): Promise<AssignedFocalPointRow[]> {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom("commitment_focal_points as cf")
    .innerJoin("focal_points as f", "f.id", "cf.focal_point_id")
    .select(["cf.commitment_id", "f.id", "f.name", "f.email", "f.organization_id"])
    .where("cf.commitment_id", "in", commitmentIds)
    .orderBy("f.name")
    .orderBy("f.id")
    .execute();
}

export async function replaceFocalPointAssignments(
  trx: Kysely<DB>,
  commitmentId: string,
  focalPointIds: readonly string[],
): Promise<void> {
  await trx.deleteFrom("commitment_focal_points").where("commitment_id", "=", commitmentId).execute();
  if (focalPointIds.length === 0) return;
  await trx
    .insertInto("commitment_focal_points")
    .values(focalPointIds.map((id) => ({ commitment_id: commitmentId, focal_point_id: id })))
    .execute();
}

/** Focal points of an organisation that is no longer responsible have nothing left to report on. */
export async function unassignFocalPointsOutsideResponsibles(trx: Kysely<DB>, commitmentId: string): Promise<void> {
  await trx
    .deleteFrom("commitment_focal_points as cf")
    .where("cf.commitment_id", "=", commitmentId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("focal_points as f")
            .innerJoin("commitment_responsibles as r", "r.organization_id", "f.organization_id")
            .select(sql`1`.as("one"))
            .whereRef("f.id", "=", "cf.focal_point_id")
            .whereRef("r.commitment_id", "=", "cf.commitment_id"),
        ),
      ),
    )
    .execute();
}
