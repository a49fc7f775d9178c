import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import type { DB, NotificationsTable } from "../../db/schema.ts";
import type { CommitmentSummary } from "./messages.ts";
import { OPEN_STATUSES } from "./reminder-rules.ts";

export type NotificationRow = Selectable<NotificationsTable>;
export type NewNotification = Insertable<NotificationsTable>;

/** An open commitment and one of the active focal points assigned to it. */
export type AssignmentRow = CommitmentSummary & { focalPointId: string; email: string; focalPointName: string };

function commitmentSummaries(db: Kysely<DB>) {
  return db
    .selectFrom("commitments as c")
    .innerJoin("sessions as s", "s.id", "c.session_id")
    .innerJoin("commissions as m", "m.id", "c.commission_id")
    .select([
      "c.id",
      "c.item_number as itemNumber",
      "c.text",
      sql<LocalizedText>`coalesce(m.short_name, m.name)`.as("commissionName"),
      "s.number as sessionNumber",
      "c.due_date as dueDate",
      "c.status",
      "c.progress",
    ]);
}

export async function findCommitmentSummary(db: Kysely<DB>, id: string): Promise<CommitmentSummary | undefined> {
  return commitmentSummaries(db).where("c.id", "=", id).executeTakeFirst();
}

/**
 * Open commitments with their active focal points, by address and then nearest due date (items without one
 * last); `due` narrows to due dates in a range of days.
 */
export async function listOpenAssignments(
  db: Kysely<DB>,
  due?: { from: string; to: string },
): Promise<AssignmentRow[]> {
  let query = commitmentSummaries(db)
    .innerJoin("commitment_focal_points as cf", "cf.commitment_id", "c.id")
    .innerJoin("focal_points as f", "f.id", "cf.focal_point_id")
    .select(["f.id as focalPointId", "f.email", "f.name as focalPointName"])
    .where("f.active", "=", true)
    .where("c.status", "in", OPEN_STATUSES);
  if (due) query = query.where("c.due_date", ">=", due.from).where("c.due_date", "<=", due.to);
  return query
    .orderBy(sql`lower(f.email)`)
    .orderBy(sql`c.due_date asc nulls last`)
    .orderBy("s.number")
    .orderBy("c.position")
    .orderBy("f.id")
    .execute();
}

/** Who hears of a commitment's changes: its watchers and its active focal points. */
export async function listFollowers(db: Kysely<DB>, commitmentId: string) {
  const watchers = await db
    .selectFrom("commitment_watchers")
    .select(["email", "name"])
    .where("commitment_id", "=", commitmentId)
    .execute();
  const focalPoints = await db
    .selectFrom("commitment_focal_points as cf")
    .innerJoin("focal_points as f", "f.id", "cf.focal_point_id")
    .select(["f.id", "f.email", "f.name"])
    .where("cf.commitment_id", "=", commitmentId)
    .where("f.active", "=", true)
    .execute();
  return { watchers, focalPoints };
}

// Well below Postgres's limit of 65,535 bind parameters per statement.
const INSERT_CHUNK = 1000;

/** Inserts the messages not planned before (by dedupe key); returns how many are new. */
export async function insertNewNotifications(db: Kysely<DB>, rows: NewNotification[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const result = await db
      .insertInto("notifications")
      .values(rows.slice(start, start + INSERT_CHUNK))
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returning("id")
      .execute();
    inserted += result.length;
  }
  return inserted;
}

export type DeliverableRow = Pick<
  NotificationRow,
  "id" | "recipient_email" | "recipient_name" | "subject" | "body" | "link" | "send_attempts"
>;

/**
 * Claims up to `limit` messages due for delivery for the rest of the transaction: rows another instance has
 * claimed are skipped, not waited for, so two instances never send the same message. Messages older than
 * `maxAgeDays` are left to the inbox: a reminder e-mailed a week late would mislead.
 */
export async function claimDeliverable(trx: Kysely<DB>, limit: number, maxAgeDays: number): Promise<DeliverableRow[]> {
  return trx
    .selectFrom("notifications")
    .select(["id", "recipient_email", "recipient_name", "subject", "body", "link", "send_attempts"])
    .where("sent_at", "is", null)
    .where("next_attempt_at", "<=", sql<string>`now()`)
    .where("created_at", ">", sql<string>`now() - make_interval(days => ${maxAgeDays})`)
    .orderBy("next_attempt_at")
    .orderBy("id")
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markSent(trx: Kysely<DB>, id: string): Promise<void> {
  await trx
    .updateTable("notifications")
    .set((eb) => ({
      sent_at: sql<string>`now()`,
      send_error: null,
      send_attempts: eb("send_attempts", "+", 1),
      next_attempt_at: null,
    }))
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt; `retryInMinutes` null gives the message up (it stays in the inbox). */
export async function markFailed(
  trx: Kysely<DB>,
  id: string,
  error: string,
  retryInMinutes: number | null,
): Promise<void> {
  await trx
    .updateTable("notifications")
    .set((eb) => ({
      send_error: error,
      send_attempts: eb("send_attempts", "+", 1),
      next_attempt_at: retryInMinutes === null ? null : sql<string>`now() + make_interval(mins => ${retryInMinutes})`,
    }))
    .where("id", "=", id)
    .execute();
}

export async function listInbox(
  db: Kysely<DB>,
  email: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  return db
    .selectFrom("notifications")
    .selectAll()
    .where(sql<string>`lower(recipient_email)`, "=", email.toLowerCase())
    .$if(options.unreadOnly, (q) => q.where("read_at", "is", null))
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit)
    .execute();
}

export async function countUnread(db: Kysely<DB>, email: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("unread"))
    .where(sql<string>`lower(recipient_email)`, "=", email.toLowerCase())
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return row.unread;
}

export async function findNotification(db: Kysely<DB>, id: string): Promise<NotificationRow | undefined> {
  return db.selectFrom("notifications").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Marks a message read unless it already is; returns the row when this call marked it. */
export async function markRead(trx: Kysely<DB>, id: string): Promise<NotificationRow | undefined> {
  return trx
    .updateTable("notifications")
    .set({ read_at: sql<string>`now()` })
    .where("id", "=", id)
    .where("read_at", "is", null)
    .returningAll()
    .executeTakeFirst();
}
