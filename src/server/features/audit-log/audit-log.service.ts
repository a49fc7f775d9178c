import type { Kysely } from "kysely";
import type { AuditEvent, AuditPage, AuditQuery } from "../../../shared/api/audit.ts";
import type { DB } from "../../db/schema.ts";
import { cursorPosition, toPage } from "../pagination.ts";
import { AUDIT_SORT, type AuditEventRow, listAuditEvents } from "./audit-log.repo.ts";
import { changedFields } from "./changed-fields.ts";

function present(row: AuditEventRow): AuditEvent {
  return {
    id: String(row.id),
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    requestId: row.request_id,
    before: row.before,
    after: row.after,
    changes: changedFields(row.before, row.after),
  };
}

export type AuditLogService = ReturnType<typeof createAuditLogService>;

/** Reading the audit log. There is no writing here: events are written by recordAudit with the change itself. */
export function createAuditLogService(db: Kysely<DB>) {
  return {
    async list(query: AuditQuery): Promise<AuditPage> {
      const { limit, cursor, ...filter } = query;
      const after = cursorPosition(cursor, AUDIT_SORT);
      const rows = await listAuditEvents(db, filter, { after, limit: limit + 1 });
      return toPage(
        rows,
        limit,
        (page) => page.map(present),
        (r) => [r.occurred_at, r.id],
      );
    },
  };
}
