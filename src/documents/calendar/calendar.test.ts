import { describe, expect, it } from "vitest";
import type { Commitment } from "../../shared/api/commitments.ts";
import { calendarEvents } from "../testing/file-readers.ts";
import { writeCalendar } from "./calendar.ts";
import { type CalendarSession, deadlineEntries, sessionEntries } from "./calendar-entries.ts";

const session = (overrides: Partial<CalendarSession>): CalendarSession => ({
  id: "s",
  number: 6,
  commission: { en: "AZ–KG Commission", ru: "МПК Азербайджан–Кыргызстан" },
  hostCountry: "AZ",
  city: { en: "Baku", ru: "Баку" },
  startsOn: "2025-12-08",
  endsOn: "2025-12-09",
  status: "held",
  ...overrides,
});

const commitment = (overrides: Partial<Commitment>): Commitment =>
  ({
    id: "c",
    itemNumber: "1.1",
    text: { en: "Study a logistics centre", az: "Loqistika mərkəzinin öyrənilməsi" },
    deadline: "2026-Q2",
    dueDate: "2026-06-30",
    status: "in_progress",
    progress: 40,
    overdue: false,
    responsible: [{ organizationId: "o", side: "AZ", lead: true, name: { en: "Ministry of Economy" } }],
    ...overrides,
  }) as Commitment;

describe("calendars", () => {
  it("hold dated sessions, tentative while planned, and leave undated ones out", () => {
    const text = writeCalendar("AZ–KG", [
      ...sessionEntries(
        [
          session({}),
          session({ id: "p", number: 7, status: "planned", startsOn: "2026-10-05", endsOn: null }),
          session({ id: "u", number: 8, status: "planned", startsOn: null, endsOn: null }),
        ],
        "en",
      ),
    ]);
    const { name, events } = calendarEvents(text);
    expect(name).toBe("AZ–KG");
    expect(events.map((e) => [e.summary, e.status, e.start, e.end, e.allDay])).toEqual([
      ["6th session: AZ–KG Commission", "CONFIRMED", "2025-12-08", "2025-12-10", true],
      ["7th session: AZ–KG Commission", "TENTATIVE", "2026-10-05", "2026-10-06", true],
    ]);
  });

  it("put deadlines on their due day, mark late ones and leave dropped ones out", () => {
    const entries = deadlineEntries(
      [
        commitment({}),
        commitment({ id: "late", overdue: true }),
        commitment({ id: "dropped", status: "dropped" }),
        commitment({ id: "ongoing", deadline: "ongoing", dueDate: null }),
      ],
      "az",
    );
    const { events } = calendarEvents(writeCalendar("Təqvim", entries));
    expect(events.map((e) => [e.uid, e.summary, e.start, e.categories])).toEqual([
      ["commitment-c@igc-desk", "Müddət 1.1: Loqistika mərkəzinin öyrənilməsi", "2026-06-30", ["deadline"]],
      [
        "commitment-late@igc-desk",
        "GECİKİR — Müddət 1.1: Loqistika mərkəzinin öyrənilməsi",
        "2026-06-30",
        ["deadline", "late"],
      ],
    ]);
    expect(events[0]?.description).toContain("Məsul: AZ — [en] Ministry of Economy");
  });
});
