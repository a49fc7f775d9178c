import { EN_MONTH_PATTERN, monthNumber, RU_MONTH_PATTERN } from "../lexicon/calendar.ts";
import { WORD_END, WORD_START } from "../text/patterns.ts";

/** A date as written: the year may be missing ("8 декабря"), the day too ("в декабре 2025 года"). */
export interface DateMention {
  start: number;
  end: number;
  year: number | null;
  month: number;
  day: number | null;
}

const YEAR = "(?:19|20)\\d{2}";
const YEAR_TAIL = `(?:\\s*,?\\s*(${YEAR})(?:\\s*(?:года|году|год|г\\.?))?)?`;
// "8 декабря 2025 года", "7–9 декабря", "14 сен 2019": the day (or the first day of a range) before the month.
const RU_DAY_MONTH = `(\\d{1,2})(?:-?го)?(?:\\s*[-–—]\\s*\\d{1,2})?\\s+(${RU_MONTH_PATTERN})\\.?${WORD_END}${YEAR_TAIL}`;
const EN_DAY_MONTH = `(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–—]\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?(${EN_MONTH_PATTERN})\\.?${WORD_END}${YEAR_TAIL}`;
// "December 8, 2025", "December 8-9".
const EN_MONTH_DAY = `(${EN_MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–—]\\s*\\d{1,2}(?:st|nd|rd|th)?)?${WORD_END}(?:,?\\s*(${YEAR}))?`;
// "в декабре 2025 года", "in December 2025": a month with its year and no day.
const MONTH_YEAR = `(${RU_MONTH_PATTERN}|${EN_MONTH_PATTERN})\\s+(${YEAR})${WORD_END}`;
const DOTTED = `(\\d{1,2})[./](\\d{1,2})[./](${YEAR})`;
const ISO = `(${YEAR})-(\\d{2})-(\\d{2})`;

const DATE_REGEX = new RegExp(
  `${WORD_START}(?:${ISO}|${DOTTED}|${RU_DAY_MONTH}|${EN_DAY_MONTH}|${EN_MONTH_DAY}|${MONTH_YEAR})`,
  "giu",
);

/** Every date written in digits or words in the text, with offsets shifted by `offset`. */
export function findDates(text: string, offset = 0): DateMention[] {
  const dates: DateMention[] = [];
  for (const m of text.matchAll(DATE_REGEX)) {
    const date = readMatch(m);
    if (!date || !isValid(date)) continue;
    dates.push({ ...date, start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return dates;
}

type DateParts = Omit<DateMention, "start" | "end">;

function readMatch(m: RegExpExecArray): DateParts | null {
  const group = (index: number): string | null => m[index + 1] ?? null;
  const num = (index: number): number | null => {
    const value = group(index);
    return value === null ? null : Number(value);
  };
  if (group(0) !== null) return { year: num(0), month: Number(group(1)), day: num(2) };
  if (group(3) !== null) return { year: num(5), month: Number(group(4)), day: num(3) };
  if (group(6) !== null) return withMonth(group(7), num(8), num(6));
  if (group(9) !== null) return withMonth(group(10), num(11), num(9));
  if (group(12) !== null) return withMonth(group(12), num(14), num(13));
  if (group(15) !== null) return withMonth(group(15), num(16), null);
  return null;
}

function withMonth(word: string | null, year: number | null, day: number | null): DateParts | null {
  // The search ignores case for Russian months, but "may" in lower case is the English verb.
  if (word === null || word === "may") return null;
  const month = monthNumber(word);
  return month === null ? null : { year, month, day };
}

function isValid(date: DateParts): boolean {
  if (date.month < 1 || date.month > 12) return false;
  if (date.day === null) return true;
  const lastDay = new Date(Date.UTC(date.year ?? 2000, date.month, 0)).getUTCDate();
  return date.day >= 1 && date.day <= lastDay;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The day as YYYY-MM-DD. A date written without its year takes the year of the reference date (the publication
 * line), and the year before when that would put a past event more than half a year after publication.
 */
export function resolveDay(date: DateMention, reference: string | null): string | null {
  if (date.day === null) return null;
  if (date.year !== null) return isoDate(date.year, date.month, date.day);
  if (reference === null) return null;
  const referenceYear = Number(reference.slice(0, 4));
  const candidate = isoDate(referenceYear, date.month, date.day);
  const sixMonthsAfter = shiftDays(reference, 183);
  return candidate > sixMonthsAfter ? isoDate(referenceYear - 1, date.month, date.day) : candidate;
}

export function shiftDays(isoDay: string, days: number): string {
  const time = Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

// The first lines of a press release carry its publication date: alone on a short line ("14 сен 2019, 15:39"),
// after "date", or in a dateline that opens the text ("TASHKENT, February 6, 2025 (UzDaily) --",
// "Бишкек, 3 сентября 2025 г. —"). A date inside a sentence ("was held in Baku on 5 May 2025") is not one.
const PUBLICATION_LINE_LIMIT = 6;
const SHORT_LINE = 60;
const DATELINE_PLACE = /^\s*(?:date|published|опубликовано|дата)?\s*(?:\p{L}+(?:[-\s]\p{L}+)?)?[\s,.:/|(–—-]*$/iu;

export function findPublicationDate(lines: ReadonlyArray<{ text: string; start: number }>): DateMention | null {
  const header = lines.filter((line) => line.text.trim() !== "").slice(0, PUBLICATION_LINE_LIMIT);
  for (const line of header) {
    const dates = findDates(line.text, line.start);
    const first = dates[0];
    if (!first || first.year === null || first.day === null) continue;
    const before = line.text.slice(0, first.start - line.start);
    const rest = `${before} ${line.text.slice(first.end - line.start)}`;
    const leftover = rest.replace(/\d{1,2}:\d{2}|date|published|опубликовано|дата|[\s,.:|/–—-]+/giu, "");
    if ((line.text.length <= SHORT_LINE && leftover.length <= 20) || DATELINE_PLACE.test(before)) return first;
  }
  return null;
}
