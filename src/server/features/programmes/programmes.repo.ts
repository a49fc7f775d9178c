import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";

/**
 * Commitments that implement a programme: through one of its measures, or linked to it directly without a measure
 * (a measure's programme wins). Two branches, each served by an index: one OR across both joined tables would
 * scan every commitment of every commission.
 */
export async function listProgrammeCommitments(db: Kysely<DB>, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  const throughMeasures = db
    .selectFrom("commitments as c")
    .innerJoin("programme_measures as m", "m.id", "c.measure_id")
    .select(["m.programme_id", "c.measure_id", "c.progress", "c.status"])
    .where("m.programme_id", "in", programmeIds);
  const direct = db
    .selectFrom("commitments as c")
    .select([sql<string>`c.programme_id`.as("programme_id"), "c.measure_id", "c.progress", "c.status"])
    .where("c.programme_id", "in", programmeIds)
    .where("c.measure_id", "is", null);
  return throughMeasures.unionAll(direct).execute();
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
