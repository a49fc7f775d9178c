import { COMMITMENT_STATUSES, type CommitmentStatus, isClosedStatus } from "../../../shared/deadline.ts";
import { daysBetween, isoWeekOf } from "./iso-days.ts";

/** Statuses whose focal points are reminded and listed in digests: work is still expected. */
export const OPEN_STATUSES: CommitmentStatus[] = COMMITMENT_STATUSES.filter((s) => !isClosedStatus(s));

/**
 * Days before the due date at which focal points are reminded: a week before, the day before, on the day.
 * Each offset stands for the days down to the next one, so a reminder whose day was missed (the server was
 * down, or the item was assigned late) still goes out once, saying how many days are really left.
 */
export const REMINDER_OFFSETS = [7, 1, 0] as const;
export const REMINDER_HORIZON_DAYS = Math.max(...REMINDER_OFFSETS);

export type ReminderOffset = (typeof REMINDER_OFFSETS)[number];
export type Reminder = {
  kind: "reminder_before" | "reminder_due";
  offset: ReminderOffset;
  dueDate: string;
  daysLeft: number;
};

/** The reminder an item calls for on `today`, or null: closed items, items without a due date and late ones get none. */
export function reminderFor(
  item: { status: CommitmentStatus; dueDate: string | null },
  today: string,
): Reminder | null {
  if (item.dueDate === null || isClosedStatus(item.status)) return null;
  const daysLeft = daysBetween(today, item.dueDate);
  const offset = [...REMINDER_OFFSETS].reverse().find((o) => o >= daysLeft);
  if (daysLeft < 0 || offset === undefined) return null;
  return { kind: offset === 0 ? "reminder_due" : "reminder_before", offset, dueDate: item.dueDate, daysLeft };
}

/** One reminder per item, focal point, due date and offset: re-planning never repeats it, a new deadline does. */
export function reminderDedupeKey(
  commitmentId: string,
  focalPointId: string,
  dueDate: string,
  offset: ReminderOffset,
): string {
  return `reminder:${commitmentId}:${focalPointId}:${dueDate}:${offset}`;
}

/** One digest per address and ISO week, however many organisations the person is a focal point of. */
export function digestDedupeKey(email: string, today: string): string {
  return `digest:${email.toLowerCase()}:${isoWeekOf(today)}`;
}
