import { type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import { type CursorValue, type KeysetSort, keysetAfter, keysetOrder } from "../../db/keyset.ts";
import type { CommitmentStatusValue, DB } from "../../db/schema.ts";
import { aggregateRow, isLate, type TallyRow, tallyColumns } from "../monitoring/commitment-tally.ts";

/*
 * SQL of the public view. Every query starts from `published()` (the publication table joined to the commission,
 * published only) and selects a whitelist of columns: an unpublished commission, or a part it does not publish,
 * gives no row here whatever the caller does. Never `selectAll` in this file.
 */

function published(db: Kysely<DB>) {
  return db
    .selectFrom("commission_publication as pub")
    .innerJoin("commissions as cm", "cm.id", "pub.commission_id")
    .where("pub.published", "=", true);
}

/** The agreement is not withheld from the public view (over `commitments as c`). */
function notWithheld(eb: ExpressionBuilder<DB & { c: DB["commitments"] }, "c">): Expression<SqlBool> {
  return eb.not(
    eb.exists(
      eb
        .selectFrom("commitments_withheld_from_public as w")
        .select("w.commitment_id")
        .whereRef("w.commitment_id", "=", "c.id"),
    ),
  );
}

const commissionColumns = ["cm.id", "cm.country_a", "cm.country_b", "cm.name", "cm.short_name", "cm.is_demo"] as const;

export async function listPublishedCommissions(db: Kysely<DB>) {
  return published(db)
    .select(commissionColumns)
    .orderBy("cm.country_a")
    .orderBy("cm.country_b")
    .orderBy("cm.id")
    .execute();
}

export async function findPublishedCommission(db: Kysely<DB>, id: string) {
  return published(db)
    .select([
      ...commissionColumns,
      "cm.founded_on",
      "pub.publish_sessions",
      "pub.publish_commitments",
      "pub.publish_progress",
    ])
    .where("cm.id", "=", id)
    .executeTakeFirst();
}

/** Co-chairs in office on `today`: the person's name and the position's title, nothing else of either. */
export async function listPublicCoChairs(db: Kysely<DB>, commissionId: string, today: string) {
  return published(db)
    .innerJoin("commission_co_chairs as cc", "cc.commission_id", "cm.id")
    .innerJoin("positions as p", "p.id", "cc.position_id")
    .innerJoin("people as pe", "pe.id", "p.person_id")
    .select(["cc.side", "pe.name", "p.title"])
    .where("cm.id", "=", commissionId)
    .where((eb) => eb.or([eb("cc.ends_on", "is", null), eb("cc.ends_on", ">=", today)]))
    .where((eb) => eb.or([eb("cc.starts_on", "is", null), eb("cc.starts_on", "<=", today)]))
    .orderBy("cc.side")
    .orderBy(sql`cc.starts_on desc nulls last`)
    .execute();
}

export async function listPublicSessions(db: Kysely<DB>, commissionId: string) {
  return published(db)
    .innerJoin("sessions as s", "s.commission_id", "cm.id")
    .select([
      "s.id",
      "s.number",
      "s.host_country",
      "s.city",
      "s.starts_on",
      "s.ends_on",
      "s.status",
      "s.dates_via_diplomatic_channels",
    ])
    .select((eb) =>
      eb
        .selectFrom("commitments as c")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("c.session_id", "=", "s.id")
        // Only agreements the public can read are counted.
        .where(sql<boolean>`pub.publish_commitments`)
        .where(notWithheld)
        .as("agreement_count"),
    )
    .$narrowType<{ agreement_count: number }>()
    .where("cm.id", "=", commissionId)
    .where("pub.publish_sessions", "=", true)
    .orderBy("s.number")
    .execute();
}

export const AGREEMENT_SORT: KeysetSort = {
  direction: "asc",
  columns: [
    { expr: sql`s.number`, type: "int" },
    { expr: sql`c.position`, type: "int" },
    { expr: sql`c.id`, type: "uuid" },
  ],
};

/** Published agreements in protocol order; status, progress and lateness only where progress is published. */
export async function listPublicAgreements(
  db: Kysely<DB>,
  commissionId: string,
  filter: { sessionId?: string | undefined },
  page: { after: CursorValue[] | null; limit: number; today: string },
) {
  let query = published(db)
    .innerJoin("commitments as c", "c.commission_id", "cm.id")
    .innerJoin("sessions as s", "s.id", "c.session_id")
    .select([
      "c.id",
      "c.item_number",
      "c.position",
      "c.text",
      "c.sector_code",
      "c.deadline",
      "c.due_date",
      "s.id as session_id",
      "s.number as session_number",
    ])
    .select([
      sql<CommitmentStatusValue | null>`case when pub.publish_progress then c.status end`.as("status"),
      sql<number | null>`case when pub.publish_progress then c.progress end`.as("progress"),
      sql<boolean | null>`case when pub.publish_progress then ${isLate(page.today)} end`.as("late"),
    ])
    .where("cm.id", "=", commissionId)
    .where("pub.publish_commitments", "=", true)
    .where(notWithheld);
  if (filter.sessionId) query = query.where("c.session_id", "=", filter.sessionId);
  if (page.after) query = query.where(keysetAfter(AGREEMENT_SORT, page.after));
  return query.orderBy(keysetOrder(AGREEMENT_SORT)).limit(page.limit).execute();
}

/** Responsible organisations of published agreements: the organisation's name and side only. */
export async function listPublicResponsibles(db: Kysely<DB>, commitmentIds: string[]) {
  if (commitmentIds.length === 0) return [];
  return published(db)
    .innerJoin("commitments as c", "c.commission_id", "cm.id")
    .innerJoin("commitment_responsibles as r", "r.commitment_id", "c.id")
    .innerJoin("organizations as o", "o.id", "r.organization_id")
    .select(["r.commitment_id", "r.side", "o.name"])
    .where("pub.publish_commitments", "=", true)
    .where("c.id", "in", commitmentIds)
    .where(notWithheld)
    .orderBy("r.commitment_id")
    .orderBy("r.lead", "desc")
    .orderBy("r.side")
    .execute();
}

/** The published agreements of a commission whose progress is published, as `commitments c`. */
function publicProgressScope(commissionId: string): RawBuilder<unknown> {
  return sql`commission_publication pub
    join commitments c on c.commission_id = pub.commission_id
    where pub.commission_id = ${commissionId} and pub.published and pub.publish_progress
      and not exists (select 1 from commitments_withheld_from_public w where w.commitment_id = c.id)`;
}

export async function loadPublicTotals(db: Kysely<DB>, commissionId: string, today: string): Promise<TallyRow> {
  const tally = sql<TallyRow>`select ${tallyColumns(today)} from ${publicProgressScope(commissionId)}`;
  return aggregateRow((await tally.execute(db)).rows);
}

function tallied(commissionId: string, today: string, key: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select ${key} as key, ${tallyColumns(today)} from ${publicProgressScope(commissionId)} group by 1`;
}

export async function loadPublicTalliesBySector(db: Kysely<DB>, commissionId: string, today: string) {
  const result = await sql<TallyRow & { key: string }>`
    select t.* from (${tallied(commissionId, today, sql`c.sector_code`)}) t
    join sectors l on l.code = t.key order by l.sort_order`.execute(db);
  return result.rows;
}

export async function loadPublicTalliesBySession(db: Kysely<DB>, commissionId: string, today: string) {
  const result = await sql<TallyRow & { key: string; session_number: number }>`
    select t.*, l.number as session_number from (${tallied(commissionId, today, sql`c.session_id`)}) t
    join sessions l on l.id = t.key order by l.number`.execute(db);
  return result.rows;
}
