import { parseDeadline } from "../../shared/deadline.ts";
import type { Language } from "../../shared/i18n-text.ts";
import { azerbaijaniOrdinal } from "./ordinals.ts";

const LOCALES: Record<Language, string> = { ru: "ru-RU", en: "en-GB", az: "az-Latn-AZ" };
const ROMAN_QUARTERS = ["I", "II", "III", "IV"] as const;

const dayFormat = (lang: Language) =>
  new Intl.DateTimeFormat(LOCALES[lang], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const asDate = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/** "8 декабря 2025 г.", "8 December 2025", "8 dekabr 2025". */
export function formatDay(isoDay: string, lang: Language): string {
  return dayFormat(lang).format(asDate(isoDay));
}

/** One day, or a span such as "8–9 декабря 2025 г." when the end is another day. */
export function formatDays(startsOn: string, endsOn: string | null, lang: Language): string {
  if (!endsOn || endsOn === startsOn) return formatDay(startsOn, lang);
  // ICU puts thin and narrow spaces around the dash; printed text and search want plain ones, and none in "8–9".
  return dayFormat(lang)
    .formatRange(asDate(startsOn), asDate(endsOn))
    .replace(/[\u2009\u202f]/g, " ")
    .replace(/(\d) – (\d)/, "$1–$2");
}

function formatMonth(isoDay: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { month: "long", year: "numeric", timeZone: "UTC" }).format(
    asDate(isoDay),
  );
}

function formatQuarter(year: string, quarter: number, lang: Language): string {
  const roman = ROMAN_QUARTERS[quarter - 1] ?? String(quarter);
  switch (lang) {
    case "ru":
      return `${roman} квартал ${year} г.`;
    case "en":
      return `Q${quarter} ${year}`;
    case "az":
      return `${azerbaijaniOrdinal(Number(year))} ilin ${roman} rübü`;
  }
}

function formatYear(year: string, lang: Language): string {
  switch (lang) {
    case "ru":
      return `${year} г.`;
    case "en":
      return year;
    case "az":
      return `${azerbaijaniOrdinal(Number(year))} il`;
  }
}

const ONGOING: Record<Language, string> = { ru: "на постоянной основе", en: "ongoing", az: "daimi" };

/** A deadline as the protocol words it: a day, a month, a quarter, a year or "ongoing"; unknown text stays as is. */
export function formatDeadline(deadline: string, lang: Language): string {
  const parsed = parseDeadline(deadline);
  if (!parsed) return deadline;
  const year = deadline.slice(0, 4);
  switch (parsed.kind) {
    case "date":
      return formatDay(parsed.dueDate, lang);
    case "month":
      return formatMonth(parsed.dueDate, lang);
    case "quarter":
      return formatQuarter(year, Number(deadline.slice(-1)), lang);
    case "year":
      return formatYear(year, lang);
    case "ongoing":
      return ONGOING[lang];
  }
}
