import type { Kysely } from "kysely";
import { isOverdue } from "../../../shared/deadline.ts";
import type { DB } from "../../db/schema.ts";
import { addDays, isoWeekOf } from "./iso-days.ts";
import { commitmentPath, type DigestItem, digestMessage, publicLink, reminderMessage } from "./messages.ts";
import {
  type AssignmentRow,
  insertNewNotifications,
  listOpenAssignments,
  type NewNotification,
} from "./notifications.repo.ts";
import { digestDedupeKey, REMINDER_HORIZON_DAYS, reminderDedupeKey, reminderFor } from "./reminder-rules.ts";

/**
 * Queues the reminders due on `today` to the focal points of open commitments; returns how many are new.
 * Idempotent: each reminder has a dedupe key, so running again (or on two instances at once) adds nothing.
 */
export async function planReminders(db: Kysely<DB>, today: string): Promise<number> {
  const assignments = await listOpenAssignments(db, { from: today, to: addDays(today, REMINDER_HORIZON_DAYS) });
  const rows = assignments.flatMap((a): NewNotification[] => {
    const reminder = reminderFor(a, today);
    if (reminder === null) return [];
    const { subject, body } = reminderMessage({
      recipientName: a.focalPointName,
      commitment: { ...a, dueDate: reminder.dueDate },
      daysLeft: reminder.daysLeft,
    });
    return [
      {
        kind: reminder.kind,
        recipient_email: a.email,
        recipient_name: a.focalPointName,
        focal_point_id: a.focalPointId,
        commitment_id: a.id,
        subject,
        body,
        link: commitmentPath(a.id),
        dedupe_key: reminderDedupeKey(a.id, a.focalPointId, reminder.dueDate, reminder.offset),
      },
    ];
  });
  return insertNewNotifications(db, rows);
}

/**
 * Queues this ISO week's digest to every focal point address that has open commitments; returns how many are
 * new. A person who is a focal point of several organisations gets one digest listing all of them.
 */
export async function planDigests(db: Kysely<DB>, today: string, publicUrl: string): Promise<number> {
  const rows = groupByAddress(await listOpenAssignments(db)).map((assignments): NewNotification => {
    const [first] = assignments;
    const items = uniqueCommitments(assignments).map(
      (a): DigestItem => ({
        ...a,
        late: isOverdue(a.dueDate, a.status, today),
        link: publicLink(publicUrl, commitmentPath(a.id)),
      }),
    );
    return {
      kind: "digest",
      recipient_email: first.email,
      recipient_name: first.focalPointName,
      focal_point_id: first.focalPointId,
      commitment_id: null,
      ...digestMessage({ recipientName: first.focalPointName, week: isoWeekOf(today), items }),
      link: null,
      dedupe_key: digestDedupeKey(first.email, today),
    };
  });
  return insertNewNotifications(db, rows);
}

type Group<T> = [T, ...T[]];

/** Assignments per address (case-insensitive), in the order listed. */
function groupByAddress(assignments: AssignmentRow[]): Group<AssignmentRow>[] {
  const groups = new Map<string, Group<AssignmentRow>>();
  for (const a of assignments) {
    const key = a.email.toLowerCase();
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  return [...groups.values()];
}

/** A commitment assigned to two focal point records of the same person is listed once. */
function uniqueCommitments(assignments: AssignmentRow[]): AssignmentRow[] {
  return [...new Map(assignments.map((a) => [a.id, a])).values()];
}
