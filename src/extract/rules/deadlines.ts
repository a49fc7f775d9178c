import { findDates, isoDate } from "./dates.ts";

const ONGOING =
  /(?<!\p{L})(?:постоянно|на\s+постоянной\s+основе|регулярно|ежегодно|ежеквартально|по\s+мере\s+необходимости|в\s+течение\s+всего\s+периода|ongoing|continuous(?:ly)?|permanent(?:ly)?|on\s+a\s+(?:regular|permanent|continuous|continuing)\s+basis|regularly|annually|as\s+(?:needed|necessary|required))(?!\p{L})/iu;
const QUARTER_WORDS: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  перв: 1,
  втор: 2,
  трет: 3,
  четв: 4,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
  q1: 1,
  q2: 2,
  q3: 3,
  q4: 4,
};
const QUARTER =
  /(?<!\p{L})(?:(IV|I{1,3}|[1-4])\s*(?:-?(?:й|го|м))?\s*кв(?:артал\p{L}*|\.)|(перв|втор|трет|четв)\p{L}*\s+квартал\p{L}*|(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?|(Q[1-4]))\s*((?:19|20)\d{2})?/iu;
const QUARTER_AFTER_YEAR = /((?:19|20)\d{2})\s*[-/]?\s*(Q[1-4])(?!\p{L})/iu;
// A half-year ends with its second quarter: "I полугодие 2026" is due by the end of 2026-Q2.
const HALF =
  /(?<!\p{L})(?:(I|1|перв\p{L}*|first)\s*(?:-?е\s*)?(?:полугоди\p{L}*|half(?:\s+of)?)|(II|2|втор\p{L}*|second)\s*(?:-?е\s*)?(?:полугоди\p{L}*|half(?:\s+of)?))\s*((?:19|20)\d{2})/iu;
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/u;

/**
 * A protocol's deadline in the form the project stores: "ongoing", a day, a month ("2026-06"), a quarter
 * ("2026-Q3"), a year ("2026"), or null when the words name none of them.
 */
export function readDeadline(text: string): string | null {
  if (ONGOING.test(text)) return "ongoing";
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const word = (quarter[1] ?? quarter[2] ?? quarter[3] ?? quarter[4] ?? "").toLowerCase();
    const number = QUARTER_WORDS[word];
    const year = quarter[5] ?? YEAR.exec(text)?.[1];
    if (number && year) return `${year}-Q${number}`;
  }
  const yearQuarter = QUARTER_AFTER_YEAR.exec(text);
  if (yearQuarter?.[1] && yearQuarter[2]) return `${yearQuarter[1]}-${yearQuarter[2].toUpperCase()}`;
  const half = HALF.exec(text);
  if (half?.[3]) return `${half[3]}-Q${half[1] ? 2 : 4}`;
  const date = findDates(text).find((d) => d.year !== null);
  if (date?.year)
    return date.day === null
      ? `${date.year}-${String(date.month).padStart(2, "0")}`
      : isoDate(date.year, date.month, date.day);
  return YEAR.exec(text)?.[1] ?? null;
}
