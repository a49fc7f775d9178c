import { getFirstnameGender, getLastnameGender, inclineFirstname, inclineLastname, inclineMiddlename } from "lvovich";
import { monthNumber } from "../lexicon/calendar.ts";
import { findCityMentions } from "../lexicon/cities.ts";
import { countryOfWord } from "../lexicon/countries.ts";
import { findSectorHits } from "./sectors.ts";

export interface PersonMention {
  /** As written ("Самира Шарифова"). */
  text: string;
  /** Nominative ("Самир Шарифов"); Latin names stay as written. */
  name: string;
  start: number;
  end: number;
}

type GrammaticalCase = "nominative" | "genitive" | "dative" | "accusative" | "instrumental" | "prepositional";
type Gender = "male" | "female";

const CASES: readonly GrammaticalCase[] = [
  "nominative",
  "genitive",
  "accusative",
  "dative",
  "instrumental",
  "prepositional",
];

// A name is two or three capitalised words, or initials before or after a surname ("С. Шарифов", "Sharifov S.");
// a run may be longer because titles and countries stand before it ("Республики Самир Шарифов") and are trimmed.
const TOKEN = "\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)?";
const INITIALS = "(?:\\p{Lu}\\.\\s?){1,2}";
const NAME_REGEX = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${INITIALS}${TOKEN}|${TOKEN}(?:\\s+${TOKEN})+(?:\\s+${INITIALS})?)(?![\\p{L}\\p{N}])`,
  "gu",
);

/**
 * Capitalised words that stand in titles, organisations and sentence openings but are never part of a name;
 * stems, compared with the start of each word.
 */
const NOT_NAME_STEMS = [
  "республик",
  "премьер",
  "вице",
  "министр",
  "президент",
  "председател",
  "заместител",
  "кабинет",
  "правительств",
  "комисси",
  "сопредседател",
  "федерац",
  "государствен",
  "национальн",
  "совместн",
  "межправ",
  "посол",
  "посл",
  "глав",
  "министерств",
  "агентств",
  "палат",
  "фонд",
  "совет",
  "сторон",
  "протокол",
  "соглашени",
  "меморандум",
  "генеральн",
  "перв",
  "делегац",
  "заседани",
  "встреч",
  "в",
  "на",
  "по",
  "за",
  "после",
  "также",
  "кроме",
  "об",
  "о",
  "с",
  "к",
  "для",
  "при",
  "от",
  "его",
  "ее",
  "их",
  "этот",
  "это",
  "как",
  "со",
  "во",
  "republic",
  "prime",
  "minister",
  "deputy",
  "chairman",
  "chair",
  "co-chair",
  "president",
  "cabinet",
  "government",
  "commission",
  "joint",
  "intergovernmental",
  "ambassador",
  "head",
  "secretary",
  "vice",
  "speaker",
  "state",
  "national",
  "foreign",
  "affairs",
  "economy",
  "agency",
  "ministry",
  "mr",
  "mrs",
  "ms",
  "dr",
  "his",
  "her",
  "excellency",
  "the",
  "on",
  "in",
  "at",
  "during",
  "after",
  "following",
  "first",
  "meeting",
  "session",
  "protocol",
  "agreement",
  "memorandum",
  "delegation",
  "sides",
  "parties",
  "co-chairs",
  "chamber",
  "council",
  "fund",
  "bank",
  "company",
  "university",
  "centre",
  "center",
  "general",
  "director",
  "governor",
  "mayor",
  "sheikh",
  "his",
];

const EN_POSITION_WORDS = new Set([
  "development",
  "sustainable",
  "integration",
  "affairs",
  "justice",
  "interior",
  "protection",
  "natural",
  "resources",
  "emergency",
  "situations",
  "technology",
  "technologies",
  "planning",
  "cooperation",
  "relations",
  "external",
  "international",
  "central",
  "federal",
  "regional",
  "department",
  "office",
  "committee",
  "kingdom",
  "federation",
  "treasury",
  "revenue",
  "taxes",
  "labour",
  "labor",
  "water",
  "commerce",
  "economic",
  "foreign",
  "environmental",
  "people's",
  "emirate",
  "council",
  "service",
  "authority",
  "administration",
  "board",
  "saudi",
  "of",
]);

const ADJECTIVE_ENDING = /(?:ск|цк|ов|ин|н)(?:ий|ой|ая|ое|ого|ому|им|ом|ую|ие|их|ими|ым|ыми|ые)$/u;

const NAME_WORD_CACHE_LIMIT = 50_000;
const nameWordCache = new Map<string, boolean>();

// Asked for every capitalised word of the text: the answers are kept (and dropped when there are too many).
function isNameWord(word: string): boolean {
  const cached = nameWordCache.get(word);
  if (cached !== undefined) return cached;
  if (nameWordCache.size >= NAME_WORD_CACHE_LIMIT) nameWordCache.clear();
  const answer = computeIsNameWord(word);
  nameWordCache.set(word, answer);
  return answer;
}

function computeIsNameWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/[.'’]$/, "");
  // "Minister of Trade Kemal Aydin": in English the portfolio is capitalised too; a word that names a sector or an
  // institution is never a first name.
  if (/^\p{Script=Latin}/u.test(word) && (EN_POSITION_WORDS.has(lower) || findSectorHits(word).length > 0))
    return false;
  if (NOT_NAME_STEMS.some((stem) => lower === stem || (stem.length > 3 && lower.startsWith(stem)))) return false;
  if (monthNumber(word) !== null) return false;
  if (countryOfWord(word) !== null || findCityMentions(word).length > 0) return false;
  return true;
}

/** Person names in the text, with offsets shifted by `offset`, each with its nominative. */
export function findPersonNames(text: string, offset = 0): PersonMention[] {
  const mentions: PersonMention[] = [];
  for (const m of text.matchAll(NAME_REGEX)) {
    // A run of capitalised words holds titles and countries too ("Кабинета Министров Кыргызской Республики Бакыта
    // Торобаева"): every stretch of name words in it is a candidate.
    for (const kept of nameStretches(nameWords(m[0]))) {
      if (kept.length < 2 || kept.every((w) => isInitial(w.word)) || isAdjectivalPhrase(kept.map((w) => w.word)))
        continue;
      const startWord = kept[0];
      const endWord = kept.at(-1);
      if (!startWord || !endWord) continue;
      const written = m[0].slice(startWord.index, endWord.index + endWord.word.length);
      const at = m.index + startWord.index;
      const precedingText = text.slice(Math.max(0, at - 80), at);
      mentions.push({
        text: written,
        name: nominativeName(written, casesFromContext(precedingText)),
        start: offset + at,
        end: offset + at + written.length,
      });
    }
  }
  return mentions;
}

type NameWord = { word: string; index: number };

// Consecutive name words, at most four (first name, patronymic, surname, initial); a longer stretch keeps its end.
function nameStretches(words: readonly NameWord[]): NameWord[][] {
  const stretches: NameWord[][] = [];
  let current: NameWord[] = [];
  for (const word of [...words, null]) {
    if (word && isNamePart(word.word)) {
      current.push(word);
      continue;
    }
    if (current.length > 0) stretches.push(current.slice(-4));
    current = [];
  }
  return stretches;
}

function nameWords(run: string): NameWord[] {
  return [...run.matchAll(/\p{Lu}\.|[\p{L}'’-]+/gu)].map((w) => ({ word: w[0], index: w.index }));
}

const isInitial = (word: string): boolean => /^\p{Lu}\.$/u.test(word);
const isNamePart = (word: string): boolean => isInitial(word) || isNameWord(word);

// "Азербайджанская национальная библиотека", "Государственной нефтяной": adjectives, not a first name.
function isAdjectivalPhrase(words: readonly string[]): boolean {
  const [first] = words;
  if (!first || !/^\p{Script=Cyrillic}/u.test(first)) return false;
  return ADJECTIVE_ENDING.test(first.toLowerCase()) && getFirstnameGender(first) === null;
}

// The case of a name is the case of the title word before it ("заместителя … Самира Шарифова"), or the one a
// preposition right before it asks for ("во главе с Бакытом Торобаевым").
const TITLE_WORD =
  /(заместител|председател|сопредседател|министр|вице-премьер|премьер|президент|посол|советник|помощник|руководител|директор|секретар|губернатор|хоким|аким|мэр|спикер|представител|начальник|ректор)(ь|я|ю|ем|е|а|у|ом|ы)?(?!\p{L})|(глав)(а|ы|е|у|ой)(?!\p{L})/giu;

function casesFromContext(preceding: string): readonly GrammaticalCase[] {
  const preposition = /(?<!\p{L})(с|со|у|от|для|без|к|о|об)\s+$/iu.exec(preceding)?.[1]?.toLowerCase();
  if (preposition === "с" || preposition === "со") return ["instrumental"];
  if (preposition === "к") return ["dative"];
  if (preposition === "о" || preposition === "об") return ["prepositional"];
  if (preposition) return ["genitive"];
  const titles = [...preceding.matchAll(TITLE_WORD)];
  const title = titles.at(-1);
  if (!title) return CASES;
  const ending = (title[2] ?? title[4] ?? "").toLowerCase();
  if (title[3]) {
    const byEnding: Record<string, GrammaticalCase[]> = {
      а: ["nominative"],
      ы: ["genitive"],
      е: ["dative"],
      у: ["accusative"],
      ой: ["instrumental"],
    };
    return byEnding[ending] ?? CASES;
  }
  const byEnding: Record<string, GrammaticalCase[]> = {
    "": ["nominative"],
    ь: ["nominative"],
    а: ["genitive", "accusative"],
    я: ["genitive", "accusative"],
    у: ["dative"],
    ю: ["dative"],
    ом: ["instrumental"],
    ем: ["instrumental"],
    е: ["prepositional"],
  };
  return byEnding[ending] ?? CASES;
}

const nominativeCache = new Map<string, string>();

/**
 * The nominative of a Russian name written in any case: generate candidate nominatives by swapping the ending,
 * decline each with lvovich, and keep the reading that reproduces every word in one case and one gender —
 * preferring the cases the context allows. Latin names and names no candidate reproduces stay as written.
 */
export function nominativeName(written: string, allowedCases: readonly GrammaticalCase[] = CASES): string {
  if (!/\p{Script=Cyrillic}/u.test(written)) return written;
  const key = `${written}|${allowedCases.join(",")}`;
  const cached = nominativeCache.get(key);
  if (cached !== undefined) return cached;
  const words = written.split(/\s+/);
  const result = bestReading(words, allowedCases) ?? bestReading(words, CASES) ?? words;
  const name = result.join(" ");
  if (nominativeCache.size >= NAME_WORD_CACHE_LIMIT) nominativeCache.clear();
  nominativeCache.set(key, name);
  return name;
}

type Role = "first" | "middle" | "last" | "initial";

function rolesOf(words: readonly string[]): Role[] {
  if (words.length === 3 && words.every((w) => !isInitial(w))) return ["first", "middle", "last"];
  const roles: Role[] = words.map((w) => (isInitial(w) ? "initial" : "last"));
  const firstFull = roles.indexOf("last");
  if (words.filter((w) => !isInitial(w)).length === 2 && firstFull >= 0) roles[firstFull] = "first";
  return roles;
}

function bestReading(words: readonly string[], cases: readonly GrammaticalCase[]): string[] | null {
  const roles = rolesOf(words);
  let best: { words: string[]; score: number } | null = null;
  for (const grammaticalCase of cases) {
    for (const gender of ["male", "female"] as const) {
      const reading: string[] = [];
      for (const [index, word] of words.entries()) {
        const role = roles[index] ?? "last";
        const nominative = role === "initial" ? word : nominativeWord(word, role, grammaticalCase, gender);
        if (nominative === null) break;
        reading.push(nominative);
      }
      if (reading.length !== words.length) continue;
      const score = readingScore(reading, roles, gender, grammaticalCase, cases);
      if (!best || score > best.score) best = { words: reading, score };
    }
  }
  return best?.words ?? null;
}

function readingScore(
  reading: readonly string[],
  roles: readonly Role[],
  gender: Gender,
  grammaticalCase: GrammaticalCase,
  cases: readonly GrammaticalCase[],
): number {
  let score = cases.length - cases.indexOf(grammaticalCase);
  reading.forEach((word, index) => {
    const role = roles[index];
    const known = role === "first" ? getFirstnameGender(word) : role === "last" ? getLastnameGender(word) : null;
    if (known === gender) score += 3;
    else if (known && known !== "androgynous") score -= 3;
  });
  return score;
}

// Endings a name can take in the oblique cases, and what its nominative may end in instead.
const OBLIQUE_ENDINGS = [
  "",
  "а",
  "я",
  "у",
  "ю",
  "ом",
  "ем",
  "ём",
  "е",
  "ой",
  "ою",
  "ей",
  "ы",
  "и",
  "ым",
  "им",
  "ого",
  "его",
  "ому",
  "ему",
  "ую",
  "ич",
  "ича",
  "ичу",
  "ичем",
  "иче",
  "ны",
  "не",
  "ну",
  "ной",
];
const NOMINATIVE_ENDINGS = ["", "а", "я", "й", "ь", "ий", "ая", "ой", "ич", "на"];

function nominativeWord(
  word: string,
  role: Exclude<Role, "initial">,
  grammaticalCase: GrammaticalCase,
  gender: Gender,
): string | null {
  const incline = role === "first" ? inclineFirstname : role === "middle" ? inclineMiddlename : inclineLastname;
  const candidates = new Set<string>();
  for (const ending of OBLIQUE_ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
    const stem = word.slice(0, word.length - ending.length);
    for (const replacement of NOMINATIVE_ENDINGS) candidates.add(stem + replacement);
  }
  for (const candidate of candidates) {
    if (incline(candidate, grammaticalCase, gender) === word) return candidate;
  }
  return null;
}
