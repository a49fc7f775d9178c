import { type Kysely, sql } from "kysely";
import { type CursorValue, type KeysetSort, keysetAfter, keysetOrder } from "../../db/keyset.ts";
import type { DB } from "../../db/schema.ts";

export const COMMISSION_SORT: KeysetSort = {
  direction: "asc",
  columns: [
    { expr: sql`cm.created_at`, type: "timestamptz" },
    { expr: sql`cm.id`, type: "uuid" },
  ],
};

function commissionsWithCounts(db: Kysely<DB>) {
  return db
    .selectFrom("commissions as cm")
    .selectAll("cm")
    .select((eb) =>
      eb
        .selectFrom("sessions as s")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("s.commission_id", "=", "cm.id")
        .as("session_count"),
    )
    .$narrowType<{ session_count: number }>();
}

export async function listCommissions(
  db: Kysely<DB>,
  after: CursorValue[] | null,
  limit: number,
  visible: string[] | null,
) {
  if (visible?.length === 0) return [];
  let query = commissionsWithCounts(db);
  if (visible) query = query.where("cm.id", "in", visible);
  if (after) query = query.where(keysetAfter(COMMISSION_SORT, after));
  return query.orderBy(keysetOrder(COMMISSION_SORT)).limit(limit).execute();
}

export async function findCommission(db: Kysely<DB>, id: string) {
  return commissionsWithCounts(db).where("cm.id", "=", id).executeTakeFirst();
}

export async function listSides(db: Kysely<DB>, commissionId: string) {
  return db
    .selectFrom("commission_sides as cs")
    .leftJoin("organizations as o", "o.id", "cs.secretariat_organization_id")
    .select(["cs.country_code", "cs.secretariat_organization_id", "o.name as secretariat_name"])
    .where("cs.commission_id", "=", commissionId)
    .orderBy("cs.country_code")
    .execute();
}

export async function listCoChairs(db: Kysely<DB>, commissionId: string) {
  return (
    db
      .selectFrom("commission_co_chairs as cc")
      .innerJoin("positions as p", "p.id", "cc.position_id")
      .innerJoin("people as pe", "pe.id", "p.person_id")
      .select(["cc.side", "cc.starts_on", "cc.ends_on", "pe.id as person_id", "pe.name", "p.title"])
      .where("cc.commission_id", "=", commissionId)
      .orderBy("cc.side")
      // The co-chair in office first, then the earlier ones, latest first.
      .orderBy(sql`cc.ends_on desc nulls first`)
      .orderBy(sql`cc.starts_on desc nulls last`)
      .execute()
  );
}

export async function listProgrammes(db: Kysely<DB>, commissionId: string) {
  return db
    .selectFrom("programmes")
    .selectAll()
    .where("commission_id", "=", commissionId)
    .orderBy("start_year")
    .orderBy("kind")
    .execute();
}

export async function listFigures(db: Kysely<DB>, commissionId: string) {
  return db
    .selectFrom("reported_figures")
    .selectAll()
    .where("commission_id", "=", commissionId)
    .orderBy("period_end", "desc")
    .execute();
}
