import type { TFunction } from "i18next";
import { COUNTRIES } from "../shared/countries.ts";
import type { Language } from "../shared/i18n-text.ts";
import { SECTOR_NAMES, type SectorCode } from "../shared/sectors.ts";

/** BCP 47 locales for Intl: Russian and Azerbaijani (Latin) as written in the two countries. */
const LOCALES: Record<Language, string> = { ru: "ru-RU", en: "en-GB", az: "az-Latn-AZ" };

// ISO days are calendar days, not instants: read and print them in UTC so no time zone moves them.
function dayOf(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

const AZ_MONTHS = [
  "yanvar",
  "fevral",
  "mart",
  "aprel",
  "may",
  "iyun",
  "iyul",
  "avqust",
  "sentyabr",
  "oktyabr",
  "noyabr",
  "dekabr",
];

// Some browsers (Debian's Chromium among them) ship ICU without Azerbaijani and print "2025 M12 8": spell it out.
// (it still claims to support "az", so ask it for a month name instead).
const intlSpeaksAz = new Intl.DateTimeFormat("az", { month: "long", timeZone: "UTC" })
  .format(new Date(Date.UTC(2025, 11, 8)))
  .includes("dekabr");

type DayParts = { day: number; month: number; year: number };
function partsOf(date: Date): DayParts {
  return { day: date.getUTCDate(), month: date.getUTCMonth(), year: date.getUTCFullYear() };
}

function azDay({ day, month, year }: DayParts): string {
  return `${day} ${AZ_MONTHS[month]} ${year}`;
}

function azMonth({ month, year }: DayParts): string {
  return `${AZ_MONTHS[month]} ${year}`;
}

function dayFormat(lang: Language): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function monthFormat(lang: Language): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALES[lang], { month: "long", year: "numeric", timeZone: "UTC" });
}

export function formatDate(iso: string, lang: Language): string {
  if (lang === "az" && !intlSpeaksAz) return azDay(partsOf(dayOf(iso)));
  return dayFormat(lang).format(dayOf(iso));
}

export function formatDateTime(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (lang === "az" && !intlSpeaksAz) {
    const local = { day: date.getDate(), month: date.getMonth(), year: date.getFullYear() };
    const time = `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
    return `${azDay(local)}, ${time}`;
  }
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** "8 December 2025", or a range "7–9 December 2025" when the session lasts several days. */
export function formatDateRange(start: string, end: string | null, lang: Language): string {
  if (!end || end === start) return formatDate(start, lang);
  if (lang === "az" && !intlSpeaksAz) return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
  return dayFormat(lang).formatRange(dayOf(start), dayOf(end));
}

export function formatMonth(yearMonth: string, lang: Language): string {
  const date = dayOf(`${yearMonth.slice(0, 7)}-01`);
  if (lang === "az" && !intlSpeaksAz) return azMonth(partsOf(date));
  return monthFormat(lang).format(date);
}

/** A period of months such as "2025-01".."2025-10": "January – October 2025". */
export function formatMonthPeriod(start: string, end: string, lang: Language): string {
  if (start.slice(0, 7) === end.slice(0, 7)) return formatMonth(start, lang);
  if (lang === "az" && !intlSpeaksAz) return `${formatMonth(start, lang)} – ${formatMonth(end, lang)}`;
  return monthFormat(lang).formatRange(dayOf(`${start.slice(0, 7)}-01`), dayOf(`${end.slice(0, 7)}-01`));
}

export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(value);
}

export function countryName(code: string, lang: Language): string {
  return COUNTRIES[code]?.[lang] ?? code;
}

export function sectorName(code: string, lang: Language): string {
  return SECTOR_NAMES[code as SectorCode]?.[lang] ?? code;
}

/** Azerbaijani ordinal suffix after digits (vowel harmony with the last spoken word): 1-ci, 3-cü, 6-cı, 9-cu. */
function azOrdinalSuffix(n: number): string {
  const byLastDigit = ["", "ci", "ci", "cü", "cü", "ci", "cı", "ci", "ci", "cu"];
  const byTens = ["", "cu", "ci", "cu", "cı", "ci", "cı", "ci", "ci", "cı"];
  if (n % 1000 === 0) return "ci";
  if (n % 100 === 0) return "cü";
  const last = n % 10;
  if (last !== 0) return byLastDigit[last] ?? "ci";
  return byTens[(n % 100) / 10] ?? "ci";
}

export function ordinal(n: number, lang: Language): string {
  switch (lang) {
    case "ru":
      return `${n}-е`;
    case "az":
      return `${n}-${azOrdinalSuffix(n)}`;
    case "en": {
      const rule = new Intl.PluralRules("en", { type: "ordinal" }).select(n);
      const suffix = rule === "one" ? "st" : rule === "two" ? "nd" : rule === "few" ? "rd" : "th";
      return `${n}${suffix}`;
    }
  }
}

export function sessionTitle(n: number, lang: Language, t: TFunction): string {
  return t("session.title", { ordinal: ordinal(n, lang) });
}

/** The deadline as the protocol states it: a day, a month, a quarter, a year, "ongoing" or none. */
export function formatDeadline(deadline: string | null, lang: Language, t: TFunction): string {
  if (deadline === null) return t("deadline.none");
  if (deadline === "ongoing") return t("deadline.ongoing");
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadline);
  if (m) return formatDate(deadline, lang);
  m = /^(\d{4})-(\d{2})$/.exec(deadline);
  if (m) return formatMonth(deadline, lang);
  m = /^(\d{4})-Q([1-4])$/.exec(deadline);
  if (m) {
    const quarter = lang === "ru" ? ["I", "II", "III", "IV"][Number(m[2]) - 1] : m[2];
    return t("deadline.quarter", { quarter, year: m[1] });
  }
  return deadline;
}

function shortMonthName(month: number, lang: Language): string {
  if (lang === "az" && !intlSpeaksAz) return (AZ_MONTHS[month] ?? "").slice(0, 3);
  return new Intl.DateTimeFormat(LOCALES[lang], { month: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(2025, month, 1)),
  );
}

/** A span of months in short: "Jan–Oct 2025", "Nov 2024–Feb 2025", "Oct 2025". */
export function formatShortMonthSpan(from: string, to: string, lang: Language): string {
  const [fy, fm] = [from.slice(0, 4), Number(from.slice(5, 7)) - 1];
  const [ty, tm] = [to.slice(0, 4), Number(to.slice(5, 7)) - 1];
  if (fy === ty && fm === tm) return `${shortMonthName(fm, lang)} ${fy}`;
  if (fy === ty) return `${shortMonthName(fm, lang)}–${shortMonthName(tm, lang)} ${ty}`;
  return `${shortMonthName(fm, lang)} ${fy}–${shortMonthName(tm, lang)} ${ty}`;
}

/** The same month a year earlier: "2025-10" → "2024-10". */
export function yearBefore(month: string): string {
  return `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
}

/** A change in per cent with its sign: "+94.7%", "−3%" (one decimal at most). */
export function formatPercentChange(value: number, lang: Language): string {
  const text = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(
    value,
  );
  return `${text}%`;
}

/** An amount with its currency when it is an ISO code ("US$12.5m"), else the number and the unit as given. */
export function formatAmount(value: number, currency: string | null, lang: Language): string {
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(LOCALES[lang], {
        style: "currency",
        currency,
        notation: value >= 1_000_000 ? "compact" : "standard",
        maximumFractionDigits: value >= 1_000_000 ? 1 : 0,
      }).format(value);
    } catch {
      // An unknown currency code: fall through to the plain form.
    }
  }
  return currency ? `${formatNumber(value, lang)} ${currency}` : formatNumber(value, lang);
}

/** A term of office or any period of days: "since 1 March 2023", "2019 – 2023", "until …", or null when unknown. */
export function formatTerm(
  startsOn: string | null,
  endsOn: string | null,
  lang: Language,
  t: TFunction,
): string | null {
  if (startsOn && endsOn) return formatDateRange(startsOn, endsOn, lang);
  if (startsOn) return t("term.since", { date: formatDate(startsOn, lang) });
  if (endsOn) return t("term.until", { date: formatDate(endsOn, lang) });
  return null;
}

/** Today as YYYY-MM-DD in the user's time zone (a term that ended yesterday is over today). */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
