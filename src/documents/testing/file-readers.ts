import ICAL from "ical.js";
import mammoth from "mammoth";
import { extractText } from "unpdf";

/** Independent readers of the files IGC Desk writes, for tests: what a person's program would see. */

export async function docxText(bytes: ArrayBuffer | Buffer): Promise<string> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return (await mammoth.extractRawText({ buffer })).value;
}

/** The PDF's text with its lines joined by spaces, as a search in a viewer finds it. */
export async function pdfText(bytes: ArrayBuffer | Buffer): Promise<string> {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return text.replace(/\s+/g, " ").replaceAll("\u2011", "-");
}

export type CalendarEvent = {
  uid: string;
  summary: string;
  description: string;
  status: string | null;
  start: string;
  end: string;
  allDay: boolean;
  categories: string[];
};

export function calendarEvents(text: string): { name: string | null; events: CalendarEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description ?? "",
      status: (component.getFirstPropertyValue("status") as string | null) ?? null,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      categories: component.getAllProperties("categories").flatMap((p) => p.getValues() as string[]),
    };
  });
  return { name: (calendar.getFirstPropertyValue("x-wr-calname") as string | null) ?? null, events };
}
