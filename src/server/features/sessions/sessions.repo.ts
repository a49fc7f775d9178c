import { type Kysely, type Selectable, sql } from "kysely";
import type { DB, SessionsTable } from "../../db/schema.ts";

export type SessionRow = Selectable<SessionsTable> & { commitment_count: number };

function sessionsWithCounts(db: Kysely<DB>) {
  return db
    .selectFrom("sessions as s")
    .selectAll("s")
    .select((eb) =>
      eb
        .selectFrom("commitments as c")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("c.session_id", "=", "s.id")
        .as("commitment_count"),
    )
    .$narrowType<{ commitment_count: number }>();
}

export async function listSessionsOfCommissions(db: Kysely<DB>, commissionIds: string[]): Promise<SessionRow[]> {
  if (commissionIds.length === 0) return [];
  return sessionsWithCounts(db).where("s.commission_id", "in", commissionIds).orderBy("s.number").execute();
}

export async function findSession(db: Kysely<DB>, id: string): Promise<SessionRow | undefined> {
  return sessionsWithCounts(db).where("s.id", "=", id).executeTakeFirst();
}

export async function listSessionEvents(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom("session_events")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function listSessionDocuments(db: Kysely<DB>, sessionId: string) {
  const documents = await db
    .selectFrom("documents")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("created_at")
    .execute();
  const signatories =
    documents.length === 0
      ? []
      : await db
          .selectFrom("document_signatories as ds")
          .innerJoin("people as p", "p.id", "ds.person_id")
          .select(["ds.document_id", "ds.person_id", "ds.side", "p.name"])
          .where(
            "ds.document_id",
            "in",
            documents.map((d) => d.id),
          )
          .orderBy("ds.side")
          .execute();
  return { documents, signatories };
}

export async function listScheduleSteps(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom("session_schedule_steps")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("occurred_on")
    .orderBy("created_at")
    .execute();
}

export async function listDelegation(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom("delegation_members as d")
    .leftJoin("people as p", "p.id", "d.person_id")
    .leftJoin("organizations as o", "o.id", "d.organization_id")
    .select([
      "d.id",
      "d.side",
      "d.role",
      "d.person_id",
      "p.name as person_name",
      "d.organization_id",
      "o.name as org_name",
    ])
    .where("d.session_id", "=", sessionId)
    .orderBy("d.side")
    .orderBy(sql`array_position(array['co_chair','head','member','expert','secretariat','other'], d.role)`)
    .execute();
}
