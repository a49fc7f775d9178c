import { escapeRegExp, WORD_END } from "../text/patterns.ts";
import { buildWordIndex, searchWordIndex } from "../text/word-index.ts";

/**
 * How each country is written in Russian and English press releases: the noun in every case, the adjective
 * ("азербайджанской стороны"), the first half of a compound ("туркмено-азербайджанская") and the English name
 * and demonym ("Kyrgyz side"). Patterns are regex sources; the noun forms are generated from the nominative.
 */
interface CountryEntry {
  code: string;
  ruNouns: string[];
  ruAdjectiveStems: string[];
  ruCompoundPrefixes: string[];
  enNames: string[];
  enDemonyms: string[];
}

const entry = (
  code: string,
  ruNouns: string[],
  ruAdjectiveStems: string[],
  ruCompoundPrefixes: string[],
  enNames: string[],
  enDemonyms: string[],
): CountryEntry => ({ code, ruNouns, ruAdjectiveStems, ruCompoundPrefixes, enNames, enDemonyms });

const COUNTRY_ENTRIES: CountryEntry[] = [
  entry(
    "AZ",
    ["Азербайджан"],
    ["азербайджанск"],
    ["азербайджано"],
    ["Azerbaijan", "Republic of Azerbaijan"],
    ["Azerbaijani", "Azeri"],
  ),
  entry(
    "KG",
    ["Кыргызстан", "Киргизстан", "Киргизия"],
    ["кыргызск", "киргизск"],
    ["кыргызско", "киргизско", "кыргызо"],
    ["Kyrgyzstan", "Kyrgyz Republic", "Kirgizia"],
    ["Kyrgyz", "Kyrgyzstani"],
  ),
  entry(
    "KZ",
    ["Казахстан"],
    ["казахстанск", "казахск"],
    ["казахстанско", "казахско"],
    ["Kazakhstan"],
    ["Kazakh", "Kazakhstani"],
  ),
  entry(
    "UZ",
    ["Узбекистан"],
    ["узбекистанск", "узбекск"],
    ["узбекско", "узбекистанско"],
    ["Uzbekistan"],
    ["Uzbek", "Uzbekistani"],
  ),
  entry("TJ", ["Таджикистан"], ["таджикск", "таджикистанск"], ["таджикско"], ["Tajikistan"], ["Tajik", "Tajikistani"]),
  entry("TM", ["Туркменистан", "Туркмения"], ["туркменск"], ["туркмено"], ["Turkmenistan"], ["Turkmen"]),
  entry(
    "RU",
    ["Россия", "РФ", "Российская Федерация"],
    ["российск"],
    ["российско", "русско"],
    ["Russia", "Russian Federation"],
    ["Russian"],
  ),
  entry(
    "BY",
    ["Беларусь", "Белоруссия"],
    ["белорусск"],
    ["белорусско", "белорусо"],
    ["Belarus"],
    ["Belarusian", "Belarussian"],
  ),
  entry("AM", ["Армения"], ["армянск"], ["армяно"], ["Armenia"], ["Armenian"]),
  entry("GE", ["Грузия"], ["грузинск"], ["грузино"], ["Georgia"], ["Georgian"]),
  entry("UA", ["Украина"], ["украинск"], ["украинско"], ["Ukraine"], ["Ukrainian"]),
  entry(
    "MD",
    ["Молдова", "Молдавия"],
    ["молдавск", "молдовск"],
    ["молдавско", "молдовско", "молдо"],
    ["Moldova"],
    ["Moldovan"],
  ),
  entry("MN", ["Монголия"], ["монгольск"], ["монгольско", "монголо"], ["Mongolia"], ["Mongolian"]),
  entry("AF", ["Афганистан"], ["афганск"], ["афгано", "афганско"], ["Afghanistan"], ["Afghan"]),
  entry(
    "TR",
    ["Турция", "Турецкая Республика"],
    ["турецк"],
    ["турецко"],
    ["Türkiye", "Turkey", "Turkiye"],
    ["Turkish"],
  ),
  entry("IR", ["Иран", "ИРИ"], ["иранск"], ["ирано", "иранско"], ["Iran"], ["Iranian"]),
  entry("CN", ["Китай", "КНР"], ["китайск"], ["китайско", "китае"], ["China", "PRC"], ["Chinese"]),
  entry("IN", ["Индия"], ["индийск"], ["индийско"], ["India"], ["Indian"]),
  entry("PK", ["Пакистан"], ["пакистанск"], ["пакистано", "пакистанско"], ["Pakistan"], ["Pakistani"]),
  entry(
    "AE",
    ["ОАЭ", "Объединенные Арабские Эмираты", "Объединённые Арабские Эмираты"],
    ["эмиратск"],
    ["эмиратско"],
    ["United Arab Emirates", "UAE"],
    ["Emirati"],
  ),
  entry(
    "SA",
    ["Саудовская Аравия"],
    ["саудовск", "саудоаравийск"],
    ["саудовско", "саудо"],
    ["Saudi Arabia", "Kingdom of Saudi Arabia"],
    ["Saudi"],
  ),
  entry("QA", ["Катар"], ["катарск"], ["катарско"], ["Qatar"], ["Qatari"]),
  entry("KW", ["Кувейт"], ["кувейтск"], ["кувейтско"], ["Kuwait"], ["Kuwaiti"]),
  entry("OM", ["Оман"], ["оманск"], ["оманско"], ["Oman"], ["Omani"]),
  entry("BH", ["Бахрейн"], ["бахрейнск"], ["бахрейнско"], ["Bahrain"], ["Bahraini"]),
  entry("EG", ["Египет"], ["египетск"], ["египетско"], ["Egypt"], ["Egyptian"]),
  entry("HU", ["Венгрия"], ["венгерск"], ["венгерско"], ["Hungary"], ["Hungarian"]),
  entry("IT", ["Италия"], ["итальянск"], ["итальянско", "итало"], ["Italy"], ["Italian"]),
  entry("DE", ["Германия", "ФРГ"], ["германск", "немецк"], ["германско", "немецко"], ["Germany"], ["German"]),
  entry("FR", ["Франция"], ["французск"], ["французско", "франко"], ["France"], ["French"]),
  entry(
    "GB",
    ["Великобритания", "Соединенное Королевство"],
    ["британск"],
    ["британско", "британо"],
    ["United Kingdom", "Great Britain", "Britain", "UK"],
    ["British"],
  ),
  entry("PL", ["Польша"], ["польск"], ["польско"], ["Poland"], ["Polish"]),
  entry("RS", ["Сербия"], ["сербск"], ["сербско"], ["Serbia"], ["Serbian"]),
  entry("LV", ["Латвия"], ["латвийск", "латышск"], ["латвийско"], ["Latvia"], ["Latvian"]),
  entry("LT", ["Литва"], ["литовск"], ["литовско"], ["Lithuania"], ["Lithuanian"]),
  entry("EE", ["Эстония"], ["эстонск"], ["эстонско"], ["Estonia"], ["Estonian"]),
  entry(
    "KR",
    ["Республика Корея", "Южная Корея"],
    ["корейск"],
    ["корейско"],
    ["Republic of Korea", "South Korea", "Korea"],
    ["Korean"],
  ),
  entry("JP", ["Япония"], ["японск"], ["японско"], ["Japan"], ["Japanese"]),
  entry(
    "US",
    ["США", "Соединенные Штаты", "Соединённые Штаты"],
    ["американск"],
    ["американско"],
    ["United States", "USA", "U.S."],
    ["American"],
  ),
];

// Russian noun endings by the shape of the nominative; abbreviations (ОАЭ, КНР) do not decline.
function inflectedWord(word: string): string {
  if (/^[А-ЯЁ]{2,}$/.test(word)) return word;
  const rules: Array<[RegExp, string]> = [
    [/ия$/, "(?:ия|ии|ию|ией)"],
    [/ея$/, "(?:ея|еи|ею|еей)"],
    [/ая$/, "(?:ая|ой|ую)"],
    [/ое$/, "(?:ое|ого|ому|ым|ом)"],
    [/ые$/, "(?:ые|ых|ым|ыми)"],
    [/ие$/, "(?:ие|их|им|ими)"],
    [/ы$/, "(?:ы|ов|ам|ами|ах)"],
    [/а$/, "(?:а|ы|и|е|у|ой)"],
    [/ь$/, "(?:ь|и|ью)"],
    [/й$/, "(?:й|я|ю|ем|е)"],
    [/ет$/, "(?:ет|та|ту|том|те)"],
  ];
  for (const [ending, forms] of rules) {
    if (ending.test(word)) return word.replace(ending, "") + forms;
  }
  return `${word}(?:а|у|ом|е)?`;
}

const inflectedPhrase = (phrase: string): string => phrase.split(" ").map(inflectedWord).join("\\s+");
const eitherCase = (stem: string): string => `[${stem[0]?.toUpperCase()}${stem[0]}]${stem.slice(1)}`;

export interface CountryMention {
  code: string;
  start: number;
  end: number;
  text: string;
  form: "noun" | "adjective";
}

type CountryForm = Pick<CountryMention, "code" | "form">;

// Nouns name a place; adjectives, compounds and demonyms name a side. Each written form is one pattern.
const COUNTRY_INDEX = buildWordIndex<CountryForm>(
  COUNTRY_ENTRIES.flatMap((country) => [
    ...country.ruNouns.map((noun) => form(country.code, "noun", noun, inflectedPhrase(noun))),
    ...country.enNames.map((name) => form(country.code, "noun", name, escapeRegExp(name).replace(/ /g, "\\s+"))),
    ...country.ruAdjectiveStems.map((stem) => form(country.code, "adjective", stem, `${eitherCase(stem)}\\p{L}*`)),
    ...country.ruCompoundPrefixes.map((prefix) =>
      form(country.code, "adjective", prefix, `${eitherCase(prefix)}-(?=\\p{L})`),
    ),
    ...country.enDemonyms.map((name) => form(country.code, "adjective", name, escapeRegExp(name))),
  ]),
);

function form(code: string, kind: CountryForm["form"], written: string, source: string) {
  // A form ends at a word end, after a compound's hyphen, or before a possessive ("Azerbaijan's").
  const regex = new RegExp(`(?:${source})(?:['’]s)?(?:${WORD_END}|(?<=-))`, "uy");
  return { prefix: written, regex, value: { code, form: kind } };
}

/** Every mention of a country in the text, with offsets shifted by `offset`. */
export function findCountryMentions(text: string, offset = 0): CountryMention[] {
  return searchWordIndex(COUNTRY_INDEX, text, offset).map((m) => ({
    ...m.value,
    start: m.start,
    end: m.end,
    text: m.text,
  }));
}

// Rules ask about single words again and again (every capitalised word of a long document); the answers are kept,
// and the memory is cleared when it grows past a bound so that a long-running server does not accumulate words.
const WORD_CACHE_LIMIT = 50_000;
const countryByWord = new Map<string, string | null>();

/** The country that a single word names ("Кыргызской", "Azerbaijani"), or null. */
export function countryOfWord(word: string): string | null {
  const cached = countryByWord.get(word);
  if (cached !== undefined) return cached;
  if (countryByWord.size >= WORD_CACHE_LIMIT) countryByWord.clear();
  const code = findCountryMentions(word)[0]?.code ?? null;
  countryByWord.set(word, code);
  return code;
}
