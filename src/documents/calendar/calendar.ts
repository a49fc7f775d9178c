import { createEvents, type DateArray } from "ics";

/** An all-day event from its first to its last day (both included). */
export type CalendarEntry = {
  uid: string;
  title: string;
  description: string;
  location: string | null;
  firstDay: string;
  lastDay: string;
  status: "TENTATIVE" | "CONFIRMED";
  categories: string[];
};

const dayArray = (isoDay: string): DateArray => {
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  return [year, month, day];
};

/** iCalendar's DTEND of an all-day event is the day after the last one. */
function dayAfter(isoDay: string): DateArray {
  const next = new Date(`${isoDay}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return dayArray(next.toISOString().slice(0, 10));
}

/** An RFC 5545 calendar (text/calendar) named `name`. */
export function writeCalendar(name: string, entries: readonly CalendarEntry[]): string {
  const { error, value } = createEvents(
    entries.map((entry) => ({
      uid: entry.uid,
      title: entry.title,
      description: entry.description,
      ...(entry.location ? { location: entry.location } : {}),
      start: dayArray(entry.firstDay),
      end: dayAfter(entry.lastDay),
      status: entry.status,
      ...(entry.categories.length > 0 ? { categories: entry.categories } : {}),
    })),
    { productId: "-//IGC Desk//Commission calendar//EN", calName: name },
  );
  if (error || !value) throw error ?? new Error("The calendar could not be written.");
  return value;
}
