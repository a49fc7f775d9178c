import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";

/** Commitments that implement a programme: linked to it directly or through one of its measures. */
export async function listProgrammeCommitments(db: Kysely<DB>, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom("commitments as c")
    .leftJoin("programme_measures as m", "m.id", "c.measure_id")
    .select([
      sql<string>`coalesce(m.programme_id, c.programme_id)`.as("programme_id"),
      "c.measure_id",
      "c.progress",
      "c.status",
    ])
    .where((eb) => eb.or([eb("c.programme_id", "in", programmeIds), eb("m.programme_id", "in", programmeIds)]))
    .execute();
}

export async function listMeasures(db: Kysely<DB>, programmeId: string) {
  return db
    .selectFrom("programme_measures")
    .selectAll()
    .where("programme_id", "=", programmeId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}
