import { cityFrom, cityIn, cityTo } from "lvovich";
import { escapeRegExp, WORD_END } from "../text/patterns.ts";
import { buildWordIndex, searchWordIndex } from "../text/word-index.ts";

/** Capitals and cities where commissions meet, in Russian (nominative) and English, with their country. */
interface CityEntry {
  ru: string;
  en: string[];
  country: string;
  capital: boolean;
}

const city = (ru: string, en: string[], country: string, capital = false): CityEntry => ({ ru, en, country, capital });

const CITY_ENTRIES: CityEntry[] = [
  city("Баку", ["Baku"], "AZ", true),
  city("Гянджа", ["Ganja"], "AZ"),
  city("Сумгайыт", ["Sumgayit", "Sumgait"], "AZ"),
  city("Шуша", ["Shusha"], "AZ"),
  city("Габала", ["Gabala", "Qabala"], "AZ"),
  city("Бишкек", ["Bishkek"], "KG", true),
  city("Ош", ["Osh"], "KG"),
  city("Чолпон-Ата", ["Cholpon-Ata"], "KG"),
  city("Астана", ["Astana", "Nur-Sultan"], "KZ", true),
  city("Алматы", ["Almaty"], "KZ"),
  city("Шымкент", ["Shymkent"], "KZ"),
  city("Актау", ["Aktau"], "KZ"),
  city("Туркестан", ["Turkistan", "Turkestan"], "KZ"),
  city("Ташкент", ["Tashkent"], "UZ", true),
  city("Самарканд", ["Samarkand"], "UZ"),
  city("Бухара", ["Bukhara"], "UZ"),
  city("Хива", ["Khiva"], "UZ"),
  city("Андижан", ["Andijan"], "UZ"),
  city("Душанбе", ["Dushanbe"], "TJ", true),
  city("Худжанд", ["Khujand"], "TJ"),
  city("Ашхабад", ["Ashgabat", "Ashkhabad"], "TM", true),
  city("Туркменбаши", ["Turkmenbashi"], "TM"),
  city("Москва", ["Moscow"], "RU", true),
  city("Санкт-Петербург", ["Saint Petersburg", "St. Petersburg", "St Petersburg"], "RU"),
  city("Казань", ["Kazan"], "RU"),
  city("Сочи", ["Sochi"], "RU"),
  city("Екатеринбург", ["Yekaterinburg"], "RU"),
  city("Новосибирск", ["Novosibirsk"], "RU"),
  city("Уфа", ["Ufa"], "RU"),
  city("Астрахань", ["Astrakhan"], "RU"),
  city("Минск", ["Minsk"], "BY", true),
  city("Гомель", ["Gomel", "Homel"], "BY"),
  city("Брест", ["Brest"], "BY"),
  city("Ереван", ["Yerevan"], "AM", true),
  city("Тбилиси", ["Tbilisi"], "GE", true),
  city("Батуми", ["Batumi"], "GE"),
  city("Киев", ["Kyiv", "Kiev"], "UA", true),
  city("Кишинёв", ["Chisinau", "Chișinău"], "MD", true),
  city("Кишинев", [], "MD", true),
  city("Улан-Батор", ["Ulaanbaatar", "Ulan Bator"], "MN", true),
  city("Кабул", ["Kabul"], "AF", true),
  city("Анкара", ["Ankara"], "TR", true),
  city("Стамбул", ["Istanbul"], "TR"),
  city("Измир", ["Izmir"], "TR"),
  city("Тегеран", ["Tehran"], "IR", true),
  city("Тебриз", ["Tabriz"], "IR"),
  city("Пекин", ["Beijing"], "CN", true),
  city("Шанхай", ["Shanghai"], "CN"),
  city("Урумчи", ["Urumqi"], "CN"),
  city("Сиань", ["Xi'an", "Xian"], "CN"),
  city("Нью-Дели", ["New Delhi"], "IN", true),
  city("Исламабад", ["Islamabad"], "PK", true),
  city("Абу-Даби", ["Abu Dhabi"], "AE", true),
  city("Дубай", ["Dubai"], "AE"),
  city("Эр-Рияд", ["Riyadh"], "SA", true),
  city("Доха", ["Doha"], "QA", true),
  city("Эль-Кувейт", ["Kuwait City"], "KW", true),
  city("Маскат", ["Muscat"], "OM", true),
  city("Манама", ["Manama"], "BH", true),
  city("Каир", ["Cairo"], "EG", true),
  city("Будапешт", ["Budapest"], "HU", true),
  city("Рим", ["Rome"], "IT", true),
  city("Берлин", ["Berlin"], "DE", true),
  city("Париж", ["Paris"], "FR", true),
  city("Лондон", ["London"], "GB", true),
  city("Варшава", ["Warsaw"], "PL", true),
  city("Белград", ["Belgrade"], "RS", true),
  city("Рига", ["Riga"], "LV", true),
  city("Вильнюс", ["Vilnius"], "LT", true),
  city("Таллин", ["Tallinn"], "EE", true),
  city("Сеул", ["Seoul"], "KR", true),
  city("Токио", ["Tokyo"], "JP", true),
  city("Вашингтон", ["Washington"], "US", true),
];

export interface CityMention {
  /** The nominative in the document's script: Russian for Cyrillic mentions, English for Latin ones. */
  name: string;
  country: string;
  start: number;
  end: number;
}

// Each written form (any case) points back to its entry and the name to report.
const FORM_TO_CITY = new Map<string, { entry: CityEntry; name: string }>();
for (const entry of CITY_ENTRIES) {
  for (const form of new Set([
    entry.ru,
    cityIn(entry.ru),
    cityFrom(entry.ru),
    cityTo(entry.ru),
    instrumental(entry.ru),
  ])) {
    FORM_TO_CITY.set(form, { entry, name: entry.ru });
  }
  for (const en of entry.en) FORM_TO_CITY.set(en, { entry, name: entry.en[0] ?? en });
}

// Instrumental ("под Ташкентом") is not among lvovich's city cases; the regular endings cover the gazetteer.
function instrumental(name: string): string {
  if (/[аяоеиуы]$/.test(name) && !/а$/.test(name)) return name;
  if (name.endsWith("а")) return `${name.slice(0, -1)}ой`;
  if (name.endsWith("ь")) return `${name.slice(0, -1)}ью`;
  if (name.endsWith("й")) return `${name.slice(0, -1)}ем`;
  return `${name}ом`;
}

const CITY_INDEX = buildWordIndex(
  [...FORM_TO_CITY.entries()].map(([form, city]) => ({
    prefix: form,
    regex: new RegExp(`${escapeRegExp(form).replace(/ /g, "\\s+")}${WORD_END}`, "uy"),
    value: city,
  })),
);

/** Known cities mentioned in the text (Баку, Ташкенте, Ashgabat …), offsets shifted by `offset`. */
export function findCityMentions(text: string, offset = 0): CityMention[] {
  return searchWordIndex(CITY_INDEX, text, offset).map((m) => ({
    name: m.value.name,
    country: m.value.entry.country,
    start: m.start,
    end: m.end,
  }));
}

/** The capital of a country, in Russian or English. */
export function capitalOf(country: string, language: "ru" | "en"): string | null {
  const capital = CITY_ENTRIES.find((entry) => entry.country === country && entry.capital);
  if (!capital) return null;
  return language === "ru" ? capital.ru : (capital.en[0] ?? null);
}

export function countryOfCity(name: string): string | null {
  return FORM_TO_CITY.get(name)?.entry.country ?? null;
}

/**
 * The nominative of a city the gazetteer does not know, from the form after "в городе …": keep the candidate
 * whose prepositional or genitive case, as lvovich declines it, reproduces the text.
 */
export function cityNominative(written: string): string {
  const candidates = [written];
  const stems: Array<[RegExp, string[]]> = [
    [/е$/, ["", "а", "я", "й"]],
    [/и$/, ["ь", "а", "я", "и"]],
    [/[ауы]$/, ["", "а"]],
  ];
  for (const [ending, replacements] of stems) {
    if (ending.test(written)) candidates.push(...replacements.map((r) => written.replace(ending, r)));
  }
  for (const candidate of candidates.slice(1)) {
    if (candidate && (cityIn(candidate) === written || cityFrom(candidate) === written)) return candidate;
  }
  return written;
}
