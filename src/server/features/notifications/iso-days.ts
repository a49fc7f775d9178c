/** Calendar arithmetic on ISO days (`2026-07-01`), in UTC so that the machine's time zone never shifts a day. */

const DAY_MS = 86_400_000;

function utcMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return new Date(utcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: 1 when `to` is the next day, negative when it is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

export function isMonday(day: string): boolean {
  return new Date(utcMidnight(day)).getUTCDay() === 1;
}

/** ISO 8601 week (`2026-W27`): weeks start on Monday and belong to the year that holds their Thursday. */
export function isoWeekOf(day: string): string {
  const date = new Date(utcMidnight(day));
  const weekday = date.getUTCDay() || 7;
  const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
