import type { Kysely } from "kysely";
import type { Inbox, InboxQuery, Notification } from "../../../shared/api/notifications.ts";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { countUnread, findNotification, listInbox, markRead, type NotificationRow } from "./notifications.repo.ts";

function iso(timestamp: string | null): string | null {
  return timestamp === null ? null : new Date(timestamp).toISOString();
}

function present(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    link: row.link,
    commitmentId: row.commitment_id,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: iso(row.sent_at),
    readAt: iso(row.read_at),
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;

/** The in-app inbox: the same messages that are e-mailed, addressed by e-mail until accounts land. */
export function createNotificationService(db: Kysely<DB>) {
  return {
    async inbox(query: InboxQuery): Promise<Inbox> {
      const rows = await listInbox(db, query.email, { unreadOnly: query.unread === true, limit: query.limit });
      return { items: rows.map(present), unreadCount: await countUnread(db, query.email) };
    },

    /**
     * Marking a message read twice keeps the first time and audits once. `recipient`: only a message to this address
     * (null: any, for administrators); another person's message answers as missing.
     */
    async markRead(id: string, actor: Actor, recipient: string | null): Promise<Notification> {
      const row = await db.transaction().execute(async (trx) => {
        const existing = await findNotification(trx, id);
        if (!existing || (recipient !== null && existing.recipient_email.toLowerCase() !== recipient)) return undefined;
        const marked = await markRead(trx, id);
        if (marked === undefined) return findNotification(trx, id);
        await recordAudit(trx, actor, {
          action: "notification.read",
          entityType: "notification",
          entityId: id,
          before: { readAt: null },
          after: { readAt: iso(marked.read_at) },
        });
        return marked;
      });
      if (row === undefined) throw notFound("notification", id);
      return present(row);
    },
  };
}
