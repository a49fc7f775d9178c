import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";

/** SQL of the secretariat's side of publishing: the settings row and the agreements withheld from the public. */

export async function findSettings(db: Kysely<DB>, commissionId: string, options: { lock: boolean }) {
  return db
    .selectFrom("commission_publication")
    .select([
      "commission_id",
      "published",
      "publish_sessions",
      "publish_commitments",
      "publish_progress",
      "version",
      "updated_at",
    ])
    .where("commission_id", "=", commissionId)
    .$if(options.lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

export type SettingsValues = {
  published: boolean;
  publish_sessions: boolean;
  publish_commitments: boolean;
  publish_progress: boolean;
};

/** Writes the settings at `version` (the first save inserts the row at version 1). */
export async function writeSettings(db: Kysely<DB>, commissionId: string, values: SettingsValues, version: number) {
  await db
    .insertInto("commission_publication")
    .values({ commission_id: commissionId, ...values, version })
    .onConflict((oc) => oc.column("commission_id").doUpdateSet({ ...values, version, updated_at: sql<string>`now()` }))
    .execute();
}

/** Publishes the commission with every part (the demo commission, so the public view shows something). */
export async function publishEverything(db: Kysely<DB>, commissionId: string): Promise<void> {
  const all = { published: true, publish_sessions: true, publish_commitments: true, publish_progress: true };
  await writeSettings(db, commissionId, all, 1);
}

export async function listWithheld(db: Kysely<DB>, commissionId: string) {
  return db
    .selectFrom("commitments_withheld_from_public as w")
    .innerJoin("commitments as c", "c.id", "w.commitment_id")
    .innerJoin("sessions as s", "s.id", "c.session_id")
    .select([
      "w.commitment_id",
      "w.withheld_at",
      "w.withheld_by",
      "c.item_number",
      "c.text",
      "s.number as session_number",
    ])
    .where("c.commission_id", "=", commissionId)
    .orderBy("s.number")
    .orderBy("c.position")
    .execute();
}

export async function isWithheld(db: Kysely<DB>, commitmentId: string): Promise<boolean> {
  const row = await db
    .selectFrom("commitments_withheld_from_public")
    .select("commitment_id")
    .where("commitment_id", "=", commitmentId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setWithheld(db: Kysely<DB>, commitmentId: string, withheld: boolean, by: string) {
  if (withheld) {
    await db
      .insertInto("commitments_withheld_from_public")
      .values({ commitment_id: commitmentId, withheld_by: by })
      .onConflict((oc) => oc.column("commitment_id").doNothing())
      .execute();
  } else {
    await db.deleteFrom("commitments_withheld_from_public").where("commitment_id", "=", commitmentId).execute();
  }
}
