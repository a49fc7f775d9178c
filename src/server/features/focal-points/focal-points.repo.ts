import { type Kysely, type Selectable, sql } from "kysely";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import type { DB, FocalPointsTable } from "../../db/schema.ts";

export type FocalPointRow = Selectable<FocalPointsTable> & { organization_name: LocalizedText };

function focalPointsWithOrganization(db: Kysely<DB>) {
  return db
    .selectFrom("focal_points as f")
    .innerJoin("organizations as o", "o.id", "f.organization_id")
    .selectAll("f")
    .select("o.name as organization_name");
}

export async function listFocalPointsOfOrganization(db: Kysely<DB>, organizationId: string): Promise<FocalPointRow[]> {
  return focalPointsWithOrganization(db)
    .where("f.organization_id", "=", organizationId)
    .orderBy("f.name")
    .orderBy("f.id")
    .execute();
}

export async function listFocalPointsByEmail(db: Kysely<DB>, email: string): Promise<FocalPointRow[]> {
  return focalPointsWithOrganization(db)
    .where(sql`lower(f.email)`, "=", email.toLowerCase())
    .orderBy("f.created_at")
    .orderBy("f.id")
    .execute();
}

export async function findFocalPoint(db: Kysely<DB>, id: string): Promise<FocalPointRow | undefined> {
  return focalPointsWithOrganization(db).where("f.id", "=", id).executeTakeFirst();
}

/** Locks the row so that concurrent changes of one focal point queue instead of interleaving. */
export async function lockFocalPoint(trx: Kysely<DB>, id: string) {
  return trx.selectFrom("focal_points").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function findFocalPoints(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("focal_points").select(["id", "organization_id", "name"]).where("id", "in", ids).execute();
}

/** The focal point of the organisation with this e-mail address, other than `exceptId`. */
export async function findFocalPointWithEmail(
  db: Kysely<DB>,
  organizationId: string,
  email: string,
  exceptId: string | null,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom("focal_points")
    .select("id")
    .where("organization_id", "=", organizationId)
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .$if(exceptId !== null, (q) => q.where("id", "<>", exceptId as string))
    .executeTakeFirst();
}

export async function insertFocalPoint(
  trx: Kysely<DB>,
  values: { organization_id: string; person_id: string | null; name: string; email: string },
): Promise<string> {
  const row = await trx.insertInto("focal_points").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateFocalPoint(
  trx: Kysely<DB>,
  id: string,
  changes: { name?: string; email?: string; active?: boolean },
): Promise<void> {
  await trx.updateTable("focal_points").set(changes).where("id", "=", id).execute();
}
