import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

/** Who is acting (the signed-in account, or the system for scheduled and command-line work) and under which request. */
export type Actor = { name: string; requestId: string | null; userId?: string | null };
export const SYSTEM_ACTOR: Actor = { name: "system", requestId: null };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/** Writes one audit event; call it with the same transaction as the change it records. */
export async function recordAudit(trx: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto("audit_events")
    .values({
      actor: actor.name,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: actor.requestId,
      actor_user_id: actor.userId ?? null,
    })
    .execute();
}
