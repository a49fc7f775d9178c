import { type Kysely, sql } from "kysely";
import type { DB } from "../src/server/db/schema.ts";

/** Status updates and their audit events must come in pairs: one without the other is a half-written change. */
export type PairingReport = { updatesWithoutOneAuditEvent: string[]; auditEventsWithoutUpdate: string[] };

/**
 * Pairs the status updates the soak wrote (their text and their request ids start with `marker`) with the audit
 * events of their requests. The demo's own history has no audit event per update, so it is left out.
 */
export async function pairStatusUpdatesWithAudit(db: Kysely<DB>, marker: string): Promise<PairingReport> {
  const unpaired = await sql<{ id: string }>`
    select s.id from status_updates s
    where s.text like ${`${marker}%`}
      and (select count(*) from audit_events a
           where a.action = 'commitment.status_update' and a.entity_id = s.commitment_id::text
             and a.after ->> 'updateId' = s.id::text) <> 1`.execute(db);
  const orphans = await sql<{ id: string }>`
    select a.id::text as id from audit_events a
    where a.action = 'commitment.status_update' and a.request_id like ${`${marker}%`}
      and not exists (select 1 from status_updates s where s.id::text = a.after ->> 'updateId')`.execute(db);
  return {
    updatesWithoutOneAuditEvent: unpaired.rows.map((r) => r.id),
    auditEventsWithoutUpdate: orphans.rows.map((r) => r.id),
  };
}

/** How many status updates the soak wrote (their text starts with `marker`). */
export async function countStatusUpdates(db: Kysely<DB>, marker: string): Promise<number> {
  const row = await db
    .selectFrom("status_updates")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("text", "like", `${marker}%`)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** How many audit events each request id left (request ids the soak chose, echoed into the audit log). */
export async function auditEventsByRequest(db: Kysely<DB>, requestIdPrefix: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("audit_events")
    .select(["request_id", (eb) => eb.fn.countAll<number>().as("events")])
    .where("request_id", "like", `${requestIdPrefix}%`)
    .groupBy("request_id")
    .execute();
  return new Map(rows.map((r) => [r.request_id ?? "", Number(r.events)]));
}

/** The version each edit started from, by commitment, as the audit events of the soak's edits record it. */
export async function editedFromVersions(db: Kysely<DB>, requestIdPrefix: string): Promise<Map<string, number[]>> {
  const rows = await sql<{ commitment_id: string; version: number }>`
    select entity_id as commitment_id, (before ->> 'version')::int as version from audit_events
    where action = 'commitment.update' and request_id like ${`${requestIdPrefix}%`}
    order by version`.execute(db);
  const versions = new Map<string, number[]>();
  for (const row of rows.rows)
    versions.set(row.commitment_id, [...(versions.get(row.commitment_id) ?? []), row.version]);
  return versions;
}

export async function versionsOf(db: Kysely<DB>, commitmentIds: string[]): Promise<Map<string, number>> {
  const rows = await db.selectFrom("commitments").select(["id", "version"]).where("id", "in", commitmentIds).execute();
  return new Map(rows.map((r) => [r.id, r.version]));
}

export async function existingStatusUpdates(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom("status_updates").select("id").where("id", "in", ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Some commitments of the demo commission, to write to. */
export async function someCommitments(db: Kysely<DB>, count: number): Promise<string[]> {
  const rows = await db.selectFrom("commitments").select("id").orderBy("id").limit(count).execute();
  if (rows.length < count) throw new Error(`The demo has ${rows.length} commitments; the soak needs ${count}.`);
  return rows.map((r) => r.id);
}
