import { z } from "zod";

/**
 * A commitment's deadline as the protocol states it: a day (`2026-06-30`), a month (`2026-06`), a quarter
 * (`2026-Q4`), a year (`2026`), `ongoing`, or none (`null`). Overdue is derived from the last day of that period.
 */
export type Deadline = string | null;

export type ParsedDeadline =
  | { kind: "date"; dueDate: string }
  | { kind: "month"; dueDate: string }
  | { kind: "quarter"; dueDate: string }
  | { kind: "year"; dueDate: string }
  | { kind: "ongoing"; dueDate: null };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function lastDayOfMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps it free of the machine's time zone.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a deadline; returns null for text that is not a valid deadline (including impossible dates). */
export function parseDeadline(text: string): ParsedDeadline | null {
  const value = text.trim();
  if (value === "ongoing") return { kind: "ongoing", dueDate: null };
  let m = DAY.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
    return { kind: "date", dueDate: isoDay(year, month, day) };
  }
  m = MONTH.exec(value);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12) return null;
    return { kind: "month", dueDate: isoDay(year, month, lastDayOfMonth(year, month)) };
  }
  m = QUARTER.exec(value);
  if (m) {
    const [year, quarter] = [Number(m[1]), Number(m[2])];
    const lastMonth = quarter * 3;
    return { kind: "quarter", dueDate: isoDay(year, lastMonth, lastDayOfMonth(year, lastMonth)) };
  }
  m = YEAR.exec(value);
  if (m) return { kind: "year", dueDate: isoDay(Number(m[1]), 12, 31) };
  return null;
}

/** The last day by which the commitment must be done, or null when it has no end (ongoing, none). */
export function dueDateOf(deadline: Deadline): string | null {
  if (deadline === null) return null;
  return parseDeadline(deadline)?.dueDate ?? null;
}

export const deadlineSchema = z
  .string()
  .trim()
  .refine((v) => parseDeadline(v) !== null, {
    message: "must be a date (2026-06-30), a month (2026-06), a quarter (2026-Q4), a year (2026) or 'ongoing'",
  })
  .nullable();

export const COMMITMENT_STATUSES = ["not_started", "in_progress", "done", "dropped"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Statuses after which nothing more is expected: such items are never overdue. */
export function isClosedStatus(status: CommitmentStatus): boolean {
  return status === "done" || status === "dropped";
}

/** Overdue is derived, never stored: open, with a due date, and that day has passed (`today` is an ISO day). */
export function isOverdue(deadline: Deadline, status: CommitmentStatus, today: string): boolean {
  if (isClosedStatus(status)) return false;
  const due = dueDateOf(deadline);
  return due !== null && due < today;
}

/** Today's date as an ISO day in UTC, the reference for overdue. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
