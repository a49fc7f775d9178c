import type { Language } from "../../shared/i18n-text.ts";
import { azerbaijaniLocative } from "../text/azerbaijani.ts";
import { azerbaijaniOrdinal, englishOrdinal } from "../text/ordinals.ts";
import { russianGenitive } from "../text/russian-cases.ts";

/** Where something happens: a city when known, else the host country. */
export type Place = { city: string | null; country: string };

/** The fixed wording of a protocol, per language. The az wording is unreviewed: a native speaker should check it. */
export type ProtocolPhrases = {
  titleHead: string;
  titleRest: (n: number, commission: string) => string;
  held: (n: number, commission: string, days: string, place: Place) => string;
  coChairsIntro: string;
  coChairLine: (country: string, name: string, position: string) => string;
  agreedIntro: string;
  responsible: (parts: string[]) => string;
  responsiblePart: (country: string, names: string[]) => string;
  deadline: (deadline: string) => string;
  nextSessionHeading: string;
  nextSession: (n: number, place: Place, days: string | null) => string;
  closing: (place: Place, date: string, languages: Language[]) => string;
  signatureHeading: (country: string) => string;
  coChairRole: string;
  /** Shown where a date is still to be filled in by hand. */
  blankDate: string;
};

const russianPlace = (place: Place) =>
  place.city ? `в городе ${place.city}` : `на территории ${russianGenitive(place.country)}`;
const englishPlace = (place: Place) => (place.city ? `${place.city}, ${place.country}` : place.country);
const azerbaijaniPlace = (place: Place) =>
  place.city ? `${place.city} şəhərində` : azerbaijaniLocative(place.country);

const RUSSIAN_LANGUAGES: Record<Language, string> = { ru: "русском", en: "английском", az: "азербайджанском" };
const ENGLISH_LANGUAGES: Record<Language, string> = { ru: "Russian", en: "English", az: "Azerbaijani" };
const AZERBAIJANI_LANGUAGES: Record<Language, string> = { ru: "rus", en: "ingilis", az: "azərbaycan" };

const russian: ProtocolPhrases = {
  titleHead: "ПРОТОКОЛ",
  titleRest: (n, commission) => `${n}-го заседания ${russianGenitive(commission)}`,
  held: (n, commission, days, place) =>
    `${n}-е заседание ${russianGenitive(commission)} (далее — Комиссия) состоялось ${days} ${russianPlace(place)}.`,
  coChairsIntro: "Заседание прошло под председательством сопредседателей Комиссии:",
  coChairLine: (country, name, position) => `от ${russianGenitive(country)} — ${name}, ${position}`,
  agreedIntro: "По итогам заседания Стороны договорились о нижеследующем:",
  responsible: (parts) => `Ответственные: ${parts.join("; ")}`,
  responsiblePart: (country, names) => `${country} — ${names.join(", ")}`,
  deadline: (deadline) => `Срок: ${deadline}`,
  nextSessionHeading: "О следующем заседании Комиссии",
  nextSession: (n, place, days) =>
    `Стороны договорились провести ${n}-е заседание Комиссии ${place.city ? `в городе ${place.city} (${place.country})` : russianPlace(place)} ${days ?? "в сроки, которые будут согласованы по дипломатическим каналам"}.`,
  closing: (place, date, languages) => {
    const [first, second] = languages.map((l) => RUSSIAN_LANGUAGES[l]);
    const texts = second
      ? `каждый на ${first} и ${second} языках, причём оба текста имеют одинаковую силу`
      : `на ${first} языке, причём оба экземпляра имеют одинаковую силу`;
    return `Совершено ${russianPlace(place)} ${date} в двух подлинных экземплярах, ${texts}.`;
  },
  signatureHeading: (country) => `От ${russianGenitive(country)}`,
  coChairRole: "Сопредседатель Комиссии",
  blankDate: "«___» __________ 20__ г.",
};

const english: ProtocolPhrases = {
  titleHead: "PROTOCOL",
  titleRest: (n, commission) => `of the ${englishOrdinal(n)} session of the ${commission}`,
  held: (n, commission, days, place) =>
    `The ${englishOrdinal(n)} session of the ${commission} (hereinafter the Commission) was held in ${englishPlace(place)} on ${days}.`,
  coChairsIntro: "The session was co-chaired by:",
  coChairLine: (country, name, position) => `for ${country}: ${name}, ${position}`,
  agreedIntro: "Following the session, the Parties agreed as follows:",
  responsible: (parts) => `Responsible: ${parts.join("; ")}`,
  responsiblePart: (country, names) => `${country}: ${names.join(", ")}`,
  deadline: (deadline) => `Deadline: ${deadline}`,
  nextSessionHeading: "Next session of the Commission",
  nextSession: (n, place, days) =>
    `The Parties agreed to hold the ${englishOrdinal(n)} session of the Commission in ${englishPlace(place)} ${days ? `on ${days}` : "on dates to be agreed through diplomatic channels"}.`,
  closing: (place, date, languages) => {
    const [first, second] = languages.map((l) => ENGLISH_LANGUAGES[l]);
    const texts = second
      ? `each in the ${first} and ${second} languages, both texts being equally authentic`
      : `in the ${first} language, both copies being equally authentic`;
    return `Done in ${place.city ?? place.country} on ${date} in two original copies, ${texts}.`;
  },
  signatureHeading: (country) => `For ${country}`,
  coChairRole: "Co-Chair of the Commission",
  blankDate: "____ __________ 20__",
};

const azerbaijani: ProtocolPhrases = {
  titleHead: "PROTOKOL",
  titleRest: (n, commission) => `${commission}, ${azerbaijaniOrdinal(n)} iclas`,
  held: (n, commission, days, place) =>
    `${commission} (bundan sonra — Komissiya) ${azerbaijaniOrdinal(n)} iclası ${days} tarixində ${azerbaijaniPlace(place)} keçirilmişdir.`,
  coChairsIntro: "İclasa Komissiyanın həmsədrləri sədrlik etmişlər:",
  coChairLine: (country, name, position) => `${country} tərəfindən — ${name}, ${position}`,
  agreedIntro: "İclasın yekunlarına əsasən Tərəflər aşağıdakılar barədə razılığa gəlmişlər:",
  responsible: (parts) => `Məsul qurumlar: ${parts.join("; ")}`,
  responsiblePart: (country, names) => `${country} — ${names.join(", ")}`,
  deadline: (deadline) => `Müddət: ${deadline}`,
  nextSessionHeading: "Komissiyanın növbəti iclası",
  nextSession: (n, place, days) =>
    `Tərəflər Komissiyanın ${azerbaijaniOrdinal(n)} iclasını ${azerbaijaniPlace(place)} keçirmək barədə razılığa gəlmişlər; ${days ? `iclasın tarixi: ${days}` : "iclasın tarixləri diplomatik kanallar vasitəsilə razılaşdırılacaqdır"}.`,
  closing: (place, date, languages) => {
    const [first, second] = languages.map((l) => AZERBAIJANI_LANGUAGES[l]);
    const texts = second
      ? `hər biri ${first} və ${second} dillərində olmaqla, hər iki mətn eyni qüvvəyə malikdir`
      : `${first} dilində, hər iki nüsxə eyni qüvvəyə malikdir`;
    return `${azerbaijaniPlace(place)} ${date} tarixində iki əsl nüsxədə imzalanmışdır, ${texts}.`;
  },
  signatureHeading: (country) => `${country} tərəfindən`,
  coChairRole: "Komissiyanın həmsədri",
  blankDate: "«___» __________ 20__",
};

export const PROTOCOL_PHRASES: Record<Language, ProtocolPhrases> = { ru: russian, en: english, az: azerbaijani };
