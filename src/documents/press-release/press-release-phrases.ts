import type { PressReleaseLanguage } from "../../shared/api/exports.ts";
import { englishOrdinal } from "../text/ordinals.ts";
import { russianGenitive } from "../text/russian-cases.ts";
import type { SessionFigure } from "./press-release-data.ts";

type Comparator = SessionFigure["comparator"];

export type PressReleasePhrases = {
  title: (n: number, commission: string, city: string) => string;
  opening: (n: number, commission: string, days: string, city: string) => string;
  coChairs: (chairs: string[]) => string;
  agreed: (count: number, sectors: string[]) => string;
  growth: (indicator: string, period: string, comparator: Comparator, value: number, unit: string) => string;
  amount: (indicator: string, period: string, comparator: Comparator, value: number, unit: string) => string;
  indicators: Record<string, string>;
  visits: (visits: string[]) => string;
  signed: (n: number) => string;
};

const RUSSIAN_GROWTH: Record<Comparator, string> = {
  more_than: "более чем на ",
  less_than: "менее чем на ",
  about: "примерно на ",
  exactly: "на ",
};
const RUSSIAN_AMOUNT: Record<Comparator, string> = {
  more_than: "более ",
  less_than: "менее ",
  about: "около ",
  exactly: "",
};
const ENGLISH_COMPARATORS: Record<Comparator, string> = {
  more_than: "more than ",
  less_than: "less than ",
  about: "about ",
  exactly: "",
};

/** 1 мера, 21 мера; 2 меры … 33 меры: the Russian noun after a number. */
function russianMeasures(count: number): string {
  if (count % 10 === 1 && count % 100 !== 11) return `${count} мере`;
  return `${count} мерах`;
}

const joinList = (items: string[]) => items.join(", ");
const unitAfter = (unit: string) => (unit === "%" ? "%" : ` ${unit}`);

export const PRESS_RELEASE_PHRASES: Record<PressReleaseLanguage, PressReleasePhrases> = {
  ru: {
    title: (n, commission, city) => `В городе ${city} состоялось ${n}-е заседание ${russianGenitive(commission)}`,
    opening: (n, commission, days, city) =>
      `${days} в городе ${city} состоялось ${n}-е заседание ${russianGenitive(commission)}.`,
    coChairs: (chairs) => `Заседание провели сопредседатели Комиссии: ${chairs.join(" и ")}.`,
    agreed: (count, sectors) =>
      `Стороны обсудили состояние и перспективы двустороннего сотрудничества и договорились о ${russianMeasures(count)} по направлениям: ${joinList(sectors)}.`,
    growth: (indicator, period, comparator, value, unit) =>
      `${indicator} за ${period} ${value >= 0 ? "вырос" : "сократился"} ${RUSSIAN_GROWTH[comparator]}${Math.abs(value)}${unitAfter(unit)} по сравнению с тем же периодом прошлого года.`,
    amount: (indicator, period, comparator, value, unit) =>
      `${indicator} за ${period} составил ${RUSSIAN_AMOUNT[comparator]}${value}${unitAfter(unit)}.`,
    indicators: { trade_turnover: "Товарооборот между странами", exports: "Экспорт", imports: "Импорт" },
    visits: (visits) => `Программа визита включала: ${visits.join("; ")}.`,
    signed: (n) => `По итогам заседания сопредседатели подписали Протокол ${n}-го заседания Комиссии.`,
  },
  en: {
    title: (n, commission, city) => `${city} hosts the ${englishOrdinal(n)} session of the ${commission}`,
    opening: (n, commission, days, city) =>
      `On ${days}, ${city} hosted the ${englishOrdinal(n)} session of the ${commission}.`,
    coChairs: (chairs) => `The session was co-chaired by ${chairs.join(" and ")}.`,
    agreed: (count, sectors) =>
      `The Parties reviewed the state and prospects of bilateral cooperation and agreed on ${count} ${count === 1 ? "measure" : "measures"} in the following areas: ${joinList(sectors)}.`,
    growth: (indicator, period, comparator, value, unit) =>
      `${indicator} in ${period} ${value >= 0 ? "grew" : "fell"} by ${ENGLISH_COMPARATORS[comparator]}${Math.abs(value)}${unitAfter(unit)} year on year.`,
    amount: (indicator, period, comparator, value, unit) =>
      `${indicator} in ${period} amounted to ${ENGLISH_COMPARATORS[comparator]}${value}${unitAfter(unit)}.`,
    indicators: { trade_turnover: "Bilateral trade", exports: "Exports", imports: "Imports" },
    visits: (visits) => `The programme of the visit included: ${visits.join("; ")}.`,
    signed: (n) => `Following the session, the co-chairs signed the Protocol of the ${englishOrdinal(n)} session.`,
  },
};
