import type { TextPiece } from "../text/segment.ts";
import type { FigureFact } from "../types.ts";
import type { DateMention } from "./dates.ts";

// A number, an optional scale and a unit: "94%", "94 процента", "5 million tons a year", "$1.2 billion",
// "150 млн долларов США". A scale with no unit takes the unit of the number after it ("from 15 million to 25
// million tons").
const NUMBER = "(\\d{1,3}(?:[ \\u00A0]\\d{3})+|\\d+(?:[.,]\\d+)?)";
const SCALE =
  "(млрд\\.?|миллиард\\p{L}*|млн\\.?|миллион\\p{L}*|тыс\\.?|тысяч\\p{L}*|billion|bn|million|mln|m(?=\\s)|thousand)";
const CURRENCY =
  "(?:долл(?:\\.|\\p{L}*)(?:\\s+США)?|\\$|USD|US\\s+dollars|dollars?|евро|EUR|€|euros?|манат\\p{L}*|AZN|manats?|руб(?:\\.|\\p{L}*)|RUB|roubles?|rubles?|сом\\p{L}*|KGS|soms?|тенге|KZT|tenge|сум\\p{L}*|UZS|юан\\p{L}*|yuan|лир\\p{L}*|lira)";
const MEASURE =
  "(?:тонн\\p{L}*|т\\.|tons?|tonnes?|кубометр\\p{L}*|куб\\.\\s*м|cubic\\s+met(?:er|re)s?|TEU|контейнер\\p{L}*|containers?|рейс\\p{L}*|flights?|туристов|tourists|студентов|students|проектов|projects|компаний|companies|предприятий|enterprises)";
const PERCENT = "(?:%|процент\\p{L}*|percent|per\\s+cent)";
// "вырос в 2,3 раза", "3 times": a ratio counts too.
const TIMES = "(?:раза?(?![\\p{L}])|times|fold)";
const PER_PERIOD = "(?:\\s+(?:в\\s+год|ежегодно|a\\s+year|per\\s+year|per\\s+annum|annually))?";
const FIGURE = new RegExp(
  `(?<![\\p{L}\\p{N}.,-])(?:(\\$|USD\\s?|€)\\s?)?${NUMBER}(?:\\s*${SCALE})?\\s*(${PERCENT}|${CURRENCY}|${MEASURE}|${TIMES})?(${PER_PERIOD})(?![\\p{L}\\p{N}])`,
  "giu",
);
const RANGE_LINK = /^\s*(?:до|to|[-–—])\s*$/iu;

const INDICATORS =
  /(?:товарооборот\p{L}*|взаимн\p{L}*\s+торговл\p{L}*|экспорт\p{L}*|импорт\p{L}*|инвестици\p{L}*|грузооборот\p{L}*|объ[её]м\p{L}*\s+\p{L}+|trade\s+turnover|turnover|exports?|imports?|investments?|capacity|volume)/iu;

/** Figures with a unit: percentages, money, tonnes and counts of named things. */
export function findFigures(piece: TextPiece, dates: readonly DateMention[], year: number | null): FigureFact[] {
  const raw = [...piece.text.matchAll(FIGURE)];
  const figures: FigureFact[] = [];
  raw.forEach((m, index) => {
    const start = piece.start + m.index;
    const end = start + m[0].length;
    if (dates.some((d) => d.start < end && start < d.end)) return;
    const [, currencyBefore, number, scale, unitWord, perPeriod] = m;
    let unit = unitWord ?? (currencyBefore ? currencyBefore.trim() : null);
    if (!unit && scale) unit = inheritedUnit(piece, m, raw[index + 1]);
    unit ??= countedNoun(piece.text.slice(0, m.index));
    if (!number || !unit) return;
    if (/^(?:19|20)\d{2}$/.test(number) && !scale && !/%|процент|percent/iu.test(unit)) return;
    figures.push({
      text: piece.text.trim(),
      value: parseNumber(number),
      unit: [scale, unit, perPeriod?.trim()].filter(Boolean).join(" ").replace(/\s+/g, " "),
      period: periodOf(piece.text, year),
      indicator: INDICATORS.exec(piece.text)?.[0] ?? null,
      span: [start, end],
      confidence: /%|процент|percent/iu.test(unit) || currencyBefore || scale ? 0.85 : 0.6,
    });
  });
  return figures;
}

function inheritedUnit(piece: TextPiece, current: RegExpExecArray, next: RegExpExecArray | undefined): string | null {
  const [, , , , nextUnit, nextPeriod] = next ?? [];
  if (!next || !nextUnit) return null;
  const between = piece.text.slice(current.index + current[0].length, next.index);
  return RANGE_LINK.test(between) ? `${nextUnit}${nextPeriod ?? ""}` : null;
}

// "Число совместных предприятий превысило 1200", "the number of students reached 3,000": the noun is counted.
const COUNTED =
  /(?:числ\p{L}*|количеств\p{L}*|number\s+of)\s+([\p{L}\s-]{1,60}?)\s+(?:превысил\p{L}*|составил\p{L}*|достиг\p{L}*|выросл\p{L}*|увеличил\p{L}*\s+до|exceeded|reached|rose\s+to|grew\s+to|stood\s+at)(?:\s+\p{L}+){0,2}\s*$/iu;

function countedNoun(before: string): string | null {
  return COUNTED.exec(before)?.[1]?.split(/\s+/).at(-1) ?? null;
}

// "1 234,5" and "1,234.5" are both written; a comma before exactly three digits groups thousands.
function parseNumber(written: string): number {
  const compact = written.replace(/[\s\u00A0]/g, "");
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(compact)) return Number(compact.replace(/,/g, ""));
  return Number(compact.replace(",", "."));
}

const RU_MONTH_RANGE = /(?:в|за)\s+январ\p{L}*\s*[-–—]\s*(\p{L}+)\s+((?:19|20)\d{2})/iu;
const EN_MONTH_RANGE = /January\s*[-–—]\s*(\p{L}+)\s+(?:of\s+)?((?:19|20)\d{2})/iu;
const FIRST_MONTHS = /(?:перв\p{L}*\s+)?(\d{1,2}|\p{L}+)\s+(?:месяц\p{L}*|months)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?/iu;
const HALF = /(?:перв\p{L}*\s+полугоди\p{L}*|first\s+half\s+of)\s*((?:19|20)\d{2})?/iu;
const QUARTER =
  /(?:(I{1,3}|IV|[1-4])\s*квартал\p{L}*|(first|second|third|fourth)\s+quarter\s+of)\s*((?:19|20)\d{2})?/iu;
const WHOLE_YEAR = /(?:в|за|in|for)\s+((?:19|20)\d{2})\s*(?:год\p{L}*|г\.)?/iu;
const MONTH_NUMBERS: Record<string, number> = {
  февраль: 2,
  феврале: 2,
  марте: 3,
  март: 3,
  апрель: 4,
  апреле: 4,
  май: 5,
  мае: 5,
  июнь: 6,
  июне: 6,
  июль: 7,
  июле: 7,
  август: 8,
  августе: 8,
  сентябрь: 9,
  сентябре: 9,
  октябрь: 10,
  октябре: 10,
  ноябрь: 11,
  ноябре: 11,
  декабрь: 12,
  декабре: 12,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const MONTH_COUNTS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  два: 2,
  двух: 2,
  три: 3,
  трех: 3,
  трёх: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  семь: 7,
  семи: 7,
  восемь: 8,
  восьми: 8,
  девять: 9,
  девяти: 9,
  десять: 10,
  десяти: 10,
  одиннадцать: 11,
  одиннадцати: 11,
};
const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, first: 1, second: 2, third: 3, fourth: 4 };

/** The period a figure covers: a month range ("2025-01/2025-10"), a quarter, a year, or null. */
export function periodOf(text: string, fallbackYear: number | null): string | null {
  const range = RU_MONTH_RANGE.exec(text) ?? EN_MONTH_RANGE.exec(text);
  if (range?.[1] && range[2]) {
    const last = MONTH_NUMBERS[range[1].toLowerCase()];
    if (last) return `${range[2]}-01/${range[2]}-${pad(last)}`;
  }
  const months = FIRST_MONTHS.exec(text);
  if (months?.[1]) {
    const count = /^\d+$/.test(months[1]) ? Number(months[1]) : MONTH_COUNTS[months[1].toLowerCase()];
    const year = months[2] ? Number(months[2]) : fallbackYear;
    if (count && count >= 1 && count <= 12 && year) return `${year}-01/${year}-${pad(count)}`;
  }
  const half = HALF.exec(text);
  const halfYear = half ? (half[1] ? Number(half[1]) : fallbackYear) : null;
  if (halfYear) return `${halfYear}-01/${halfYear}-06`;
  const quarter = QUARTER.exec(text);
  const quarterNumber = quarter
    ? (ROMAN_QUARTERS[(quarter[1] ?? quarter[2] ?? "").toLowerCase()] ?? Number(quarter[1]))
    : null;
  const quarterYear = quarter?.[3] ? Number(quarter[3]) : fallbackYear;
  if (quarterNumber && quarterYear) return `${quarterYear}-Q${quarterNumber}`;
  const year = WHOLE_YEAR.exec(text);
  return year?.[1] ?? null;
}

const pad = (n: number): string => String(n).padStart(2, "0");
