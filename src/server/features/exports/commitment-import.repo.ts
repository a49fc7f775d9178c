import { type Kysely, sql } from "kysely";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import type { CommitmentStatusValue, DB } from "../../db/schema.ts";

/** SQL of the commitment import: what it compares the file with, and the writes it makes in one transaction. */

export type StoredCommitment = {
  id: string;
  item_number: string | null;
  sector_code: string;
  text: LocalizedText;
  deadline: string | null;
  status: CommitmentStatusValue;
  progress: number;
  dropped_reason: string | null;
  version: number;
};
export type StoredResponsible = { commitment_id: string; organization_id: string; side: string };

export async function findSessionOfImport(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom("sessions")
    .select(["id", "commission_id", "number"])
    .where("id", "=", sessionId)
    .executeTakeFirst();
}

export async function listSides(db: Kysely<DB>, commissionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("commission_sides")
    .select("country_code")
    .where("commission_id", "=", commissionId)
    .orderBy("country_code")
    .execute();
  return rows.map((r) => r.country_code);
}

/** The session's commitments; `lock` holds them against other writers until the transaction ends. */
export async function listStoredCommitments(db: Kysely<DB>, sessionId: string, lock: boolean) {
  const commitments: StoredCommitment[] = await db
    .selectFrom("commitments")
    .select(["id", "item_number", "sector_code", "text", "deadline", "status", "progress", "dropped_reason", "version"])
    .where("session_id", "=", sessionId)
    .$if(lock, (q) => q.forUpdate())
    .execute();
  const responsibles: StoredResponsible[] =
    commitments.length === 0
      ? []
      : await db
          .selectFrom("commitment_responsibles")
          .select(["commitment_id", "organization_id", "side"])
          .where(
            "commitment_id",
            "in",
            commitments.map((c) => c.id),
          )
          .execute();
  return { commitments, responsibles };
}

export async function listSessionsOfCommitments(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("commitments").select(["id", "session_id"]).where("id", "in", ids).execute();
}

/** Organisations known by any of these normalised names (their names in every language are aliases too). */
export async function findOrganizationsByAlias(db: Kysely<DB>, normalizedNames: string[]) {
  if (normalizedNames.length === 0) return [];
  return db
    .selectFrom("organization_aliases as a")
    .innerJoin("organizations as o", "o.id", "a.organization_id")
    .select(["a.normalized", "o.id", "o.country_code"])
    .where("a.normalized", "in", normalizedNames)
    .execute();
}

export async function nextPosition(db: Kysely<DB>, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom("commitments")
    .select(sql<number>`coalesce(max(position) + 1, 0)`.as("next"))
    .where("session_id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return row.next;
}

export type CommitmentValues = {
  item_number: string | null;
  sector_code: string;
  text: LocalizedText;
  deadline: string | null;
  due_date: string | null;
  status: CommitmentStatusValue;
  progress: number;
  dropped_reason: string | null;
};

export async function insertCommitment(
  db: Kysely<DB>,
  session: { id: string; commission_id: string },
  position: number,
  values: CommitmentValues,
): Promise<string> {
  const row = await db
    .insertInto("commitments")
    .values({
      ...values,
      text: JSON.stringify(values.text),
      commission_id: session.commission_id,
      session_id: session.id,
      position,
      programme_id: null,
      carried_over_from_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCommitment(db: Kysely<DB>, current: StoredCommitment, values: CommitmentValues) {
  await db
    .updateTable("commitments")
    .set({
      ...values,
      text: JSON.stringify(values.text),
      version: current.version + 1,
      updated_at: sql<string>`now()`,
    })
    .where("id", "=", current.id)
    .execute();
}

/** Makes `organizationIds` the side's responsible organisations; those that stay keep their lead flag. */
export async function replaceSideResponsibles(
  db: Kysely<DB>,
  commitment: { id: string; commission_id: string },
  side: string,
  organizationIds: string[],
) {
  await db
    .deleteFrom("commitment_responsibles")
    .where("commitment_id", "=", commitment.id)
    .where("side", "=", side)
    .$if(organizationIds.length > 0, (q) => q.where("organization_id", "not in", organizationIds))
    .execute();
  if (organizationIds.length === 0) return;
  await db
    .insertInto("commitment_responsibles")
    .values(
      organizationIds.map((organizationId) => ({
        commitment_id: commitment.id,
        organization_id: organizationId,
        commission_id: commitment.commission_id,
        side,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertStatusUpdate(
  db: Kysely<DB>,
  values: {
    commitment_id: string;
    author_name: string;
    previous_status: CommitmentStatusValue;
    previous_progress: number;
    status: CommitmentStatusValue;
    progress: number;
    text: string;
  },
) {
  await db
    .insertInto("status_updates")
    .values({ ...values, side: null, kind: "update" })
    .execute();
}
