import { findCityMentions } from "../lexicon/cities.ts";
import { countryOfWord, findCountryMentions } from "../lexicon/countries.ts";
import type { TextPiece } from "../text/segment.ts";
import type { OrganizationFact } from "../types.ts";
import { isAdjective, isVerbLike, stemKey } from "./word-forms.ts";

interface Token {
  word: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

function tokenize(piece: TextPiece): Token[] {
  return [...piece.text.matchAll(TOKEN)].map((m) => ({
    word: m[0],
    start: piece.start + m.index,
    end: piece.start + m.index + m[0].length,
  }));
}

// Nouns that head the name of an organisation, with the endings their cases take.
const RU_HEADS =
  /^(?:министерств|агентств|палат|фонд|совет|комитет|служб|банк|компани|корпораци|концерн|университет|центр|завод|порт|инспекци|департамент|библиотек|академи|институт|ассоциаци|союз|кабинет|правительств|администраци|комисси|межправкомисси|управлени|дирекци|холдинг|объединени|парк|театр|музе|больниц|госпитал|фабрик|комбинат|бирж|организаци|учреждени|обществ)(?:|а|у|ом|е|ы|ов|ам|ами|ах|и|ей|ям|ями|ях|я|ю|ем|ой|ою|о|ь|й)$/iu;
const EN_HEADS =
  /^(?:Ministry|Agency|Chamber|Fund|Council|Committee|Service|Bank|Company|Corporation|Concern|University|Centre|Center|Plant|Port|Inspectorate|Department|Library|Academy|Institute|Association|Union|Cabinet|Government|Administration|Commission|Authority|Holding|Theat(?:er|re)|Museum|Hospital|Park|Exchange|Organi[sz]ation|Foundation|Board|Office|Airways|Airlines|Railways?|Charity|Group|Telecom)s?$/u;
// Capitalised words that start a title, not an organisation ("Deputy Chairman of the Cabinet").
const EN_NOT_NAME_START =
  /^(?:The|A|An|At|In|On|Of|For|And|By|With|Deputy|Vice|Prime|Minister|Chairman|Chairperson|President|Head|Ambassador|Secretary|Co-Chair|Mr|Ms|Mrs|Dr|This|That|Both|Its|Their)$/u;
// Lower-case words that may continue a Russian name after its head: its complements in the genitive.
const RU_OBLIQUE = /(?:[аяыиеуюой]|ов|ев|ей|ий|ых|их|ам|ям|ах|ях|ом|ем|ой|ого|его|ому|ему|ым|им|ии)$/u;
const RU_NAME_LINKS = new Set(["по", "при", "имени", "им", "и"]);
// After "и" a name goes on only with another complement ("экономики и коммерции", "водных и …").
const RU_GENITIVE = /(?:и|ы|а|я|ов|ев|ей|ий|ии)$/u;
const RU_PREPOSITIONS = new Set([
  "между",
  "на",
  "в",
  "во",
  "с",
  "со",
  "для",
  "от",
  "до",
  "к",
  "ко",
  "о",
  "об",
  "за",
  "из",
  "у",
  "через",
  "под",
  "над",
  "перед",
  "после",
  "без",
  "среди",
  "вместе",
]);
const RU_STOP_WORDS = new Set([
  "также",
  "тоже",
  "уже",
  "еще",
  "ещё",
  "который",
  "которая",
  "которое",
  "которые",
  "которого",
  "которой",
  "где",
  "когда",
  "что",
  "как",
  "это",
  "этого",
  "своей",
  "своих",
  "свою",
  "была",
  "было",
  "были",
  "сторона",
  "стороны",
  "двух",
  "обеих",
  "обоих",
  "стран",
  "государств",
]);
const EN_LINKS = new Set(["of", "for", "on", "and", "the"]);

// «…» names: a legal form or an organisation word before the quotes makes them an organisation, a project word
// makes them something else; a bare one-word name in quotes is taken as a company ("посетили «Азеркосмос»").
const QUOTED = /(?:«([^«»]{1,90})»|“([^“”]{1,90})”|„([^„“”]{1,90})[“”]|"([^"]{1,90})")/gu;
const ORG_BEFORE_QUOTES =
  /(?:^|[\s(])((?:ОАО|АО|ЗАО|ООО|ПАО|НК|ГК|ГП|ТОО|ОсОО|АК|ГАК|ГУП|ФГУП|ЧП|JSC|OJSC|CJSC|LLC|LLP|PJSC|Ltd|(?:[\p{Lu}][\p{L}-]*\s+)*(?:Concern|Company|Corporation|Holding|Group|Bank|Agency))|(?:[\p{L}-]+\s+){0,2}(?:компани|концерн|корпораци|холдинг|групп|банк|агентств|объединени|ассоциаци|издани|телеканал|газет|предприяти|завод|фабрик|комбинат|фирм|университет|company|concern|corporation|holding|group|bank|agency|newspaper|outlet|university|factory|plant)\p{L}*)\s*$/iu;
const NOT_ORG_BEFORE_QUOTES =
  /(?:проект|программ|инициатив|форум|конкурс|выставк|фестивал|маршрут|коридор|карт|стратеги|концепци|план|соглашени|меморандум|акци|кампани|преми|орден|медал|лозунг|девиз|рубрик|пропуск|переход|зон|дорог|магистрал|трасс|project|programme|program|initiative|forum|festival|route|corridor|roadmap|strategy|campaign|award|concept|brand|slogan|motto|checkpoint|crossing|zone|railway|highway)\p{L}*\s*$/iu;
// "«Жибек жолы» и «Гишткуприк»": a quoted name in an enumeration is what the first one of the list is.
const QUOTE_ENUMERATION = /^\s*(?:,|и|and|или|or)\s*$/iu;
const NOT_ORG_CONTENT =
  /^(?:дорожн|программ|план|стратеги|проект|концепци|roadmap|road\s+map|programme|program|strategy|plan|project|concept)/iu;

// Latin acronyms (SOCAR, AZPROMO); currencies, measures and legal forms are not organisations.
const ACRONYM = /(?<![\p{L}\p{N}])[A-Z][A-Z&]{2,}(?![\p{L}\p{N}])/gu;
const NOT_ORG_ACRONYMS = new Set([
  "USD",
  "EUR",
  "AZN",
  "RUB",
  "KGS",
  "KZT",
  "UZS",
  "TJS",
  "TMT",
  "GEL",
  "TRY",
  "CNY",
  "GDP",
  "VAT",
  "ICT",
  "CEO",
  "LLC",
  "JSC",
  "OJSC",
  "CJSC",
  "PJSC",
  "LTD",
  "LLP",
  "UAE",
  "USA",
  "PRC",
  "COP",
  "NB",
  "FOB",
  "CIF",
  "MW",
  "GW",
  "KWH",
  "TEU",
  "AND",
  "THE",
  "FOR",
]);

const COMPANY_WORDS_AFTER_ACRONYM =
  /^(?:\s+(?:Power|Group|Holding|Energy|Bank|Capital|Airways|Airlines|Telecom|International|Global|Systems|Technologies|Motors|Steel|Oil|Gas|Minerals|Logistics|Invest|Development|Corporation|Company|Ltd|LLC|Inc|Plc|PLC)(?![\p{L}\p{N}])){1,2}/u;

/** Organisations named in the piece: names in quotes, Latin acronyms and long official names. */
export function findOrganizations(piece: TextPiece): OrganizationFact[] {
  return [...quotedNames(piece), ...acronyms(piece), ...officialNames(piece)];
}

function quotedNames(piece: TextPiece): OrganizationFact[] {
  const found: OrganizationFact[] = [];
  let previousEnd = -1;
  let previousRejected = false;
  for (const m of piece.text.matchAll(QUOTED)) {
    const content = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").trim();
    const before = piece.text.slice(Math.max(0, m.index - 60), m.index);
    const orgWord = ORG_BEFORE_QUOTES.exec(before)?.[1];
    const inheritsRejection: boolean =
      previousRejected && QUOTE_ENUMERATION.test(piece.text.slice(previousEnd, m.index));
    const notOrganization: boolean = inheritsRejection || (!orgWord && NOT_ORG_BEFORE_QUOTES.test(before));
    previousEnd = m.index + m[0].length;
    previousRejected = notOrganization;
    if (notOrganization || !/^[\p{Lu}\p{N}]/u.test(content) || NOT_ORG_CONTENT.test(content)) continue;
    const isPlace =
      findCountryMentions(content).some((c) => c.text === content) || findCityMentions(content).length > 0;
    if (!orgWord && (content.split(/\s+/).length > 1 || isPlace)) continue;
    // A legal form stays with the name ("ОАО «Кыргызнефтегаз»"); a longer organisation word does not.
    const legalForm =
      orgWord && /^(?:[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё]{1,4})$/u.test(orgWord) && /[A-ZА-ЯЁ]{2}/u.test(orgWord)
        ? orgWord
        : null;
    const start = piece.start + m.index - (legalForm ? legalForm.length + 1 : 0);
    found.push({
      name: legalForm ? `${legalForm} ${m[0]}` : m[0],
      full_name: null,
      span: [start, piece.start + m.index + m[0].length],
      confidence: orgWord ? 0.9 : 0.7,
    });
  }
  return found;
}

function acronyms(piece: TextPiece): OrganizationFact[] {
  const letters = piece.text.replace(/[^\p{L}]/gu, "");
  // A heading in capitals ("BAKU HOSTS …") has no acronyms to tell apart.
  if (letters.length > 0 && letters.replace(/[^\p{Lu}]/gu, "").length / letters.length > 0.5) return [];
  const found: OrganizationFact[] = [];
  for (const m of piece.text.matchAll(ACRONYM)) {
    if (NOT_ORG_ACRONYMS.has(m[0]) || /^[IVXLCDM]+$/.test(m[0])) continue;
    if (findCityMentions(m[0].charAt(0) + m[0].slice(1).toLowerCase()).length > 0) continue;
    // "ACWA Power", "KAZ Minerals Group": a company word after the acronym belongs to the name.
    const suffix = COMPANY_WORDS_AFTER_ACRONYM.exec(piece.text.slice(m.index + m[0].length))?.[0] ?? "";
    const name = m[0] + suffix;
    found.push({
      name,
      full_name: null,
      span: [piece.start + m.index, piece.start + m.index + name.length],
      confidence: 0.8,
    });
  }
  return found;
}

function officialNames(piece: TextPiece): OrganizationFact[] {
  const tokens = tokenize(piece);
  const found: OrganizationFact[] = [];
  const gap = (a: Token, b: Token) => piece.text.slice(a.end - piece.start, b.start - piece.start);
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i];
    if (!head) continue;
    const russian = RU_HEADS.test(head.word);
    if (!russian && !EN_HEADS.test(head.word)) continue;
    // A head right before quotes belongs to the quoted name ("ОАО «…»", "State Concern "…"").
    const next = tokens[i + 1];
    if (next && /^\s*[«"“„]/u.test(gap(head, next))) continue;
    const first = russian ? russianNameStart(tokens, i, gap) : englishNameStart(tokens, i, gap);
    if (first === null) continue;
    const last = russian ? russianNameEnd(tokens, i, gap) : englishNameEnd(tokens, i, gap);
    if (last === first) continue;
    const startToken = tokens[first];
    const endToken = tokens[last];
    if (!startToken || !endToken) continue;
    const name = piece.text.slice(startToken.start - piece.start, endToken.end - piece.start);
    const acronym = /^\s*\(([A-ZА-ЯЁ][A-ZА-ЯЁ&]{1,9})\)/u.exec(piece.text.slice(endToken.end - piece.start));
    found.push({
      name: acronym?.[1] ?? name,
      full_name: acronym ? name : null,
      span: [startToken.start, acronym ? endToken.end + acronym[0].length : endToken.end],
      confidence: 0.75,
    });
    i = last;
  }
  return found;
}

type Gap = (a: Token, b: Token) => string;

// Left of the head: up to five adjectives ("Северо-Западный федеральный медицинский исследовательский центр");
// the name starts at the first capitalised one, and a name with no capital is a common noun ("профильных министерств").
function russianNameStart(tokens: readonly Token[], headIndex: number, gap: Gap): number | null {
  let first = headIndex;
  while (first > 0 && headIndex - first < 5) {
    const previous = tokens[first - 1];
    const current = tokens[first];
    if (
      !previous ||
      !current ||
      !/^\s+$/.test(gap(previous, current)) ||
      !isAdjective(previous.word.split("-").at(-1) ?? "")
    )
      break;
    first--;
  }
  for (let i = first; i <= headIndex; i++) {
    if (/^\p{Lu}/u.test(tokens[i]?.word ?? "")) return i;
  }
  return null;
}

// Right of the head: genitive complements ("развития", "экономики и коммерции"), "по …", "при …", "имени …" and
// the country ("Кыргызской Республики"); a comma, a verb or another preposition ends the name.
function russianNameEnd(tokens: readonly Token[], headIndex: number, gap: Gap): number {
  let last = headIndex;
  let afterNamePart = false;
  let afterAdjective = false;
  for (let i = headIndex + 1; i < tokens.length && i - headIndex <= 10; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    if (!token || !previous || !/^\s+$/.test(gap(previous, token))) break;
    const lower = token.word.toLowerCase();
    if (RU_NAME_LINKS.has(lower)) {
      const following = tokens[i + 1]?.word ?? "";
      if (lower === "и" && !continuesAfterAnd(following)) break;
      afterNamePart = lower === "имени" || lower === "им";
      continue;
    }
    if (/^\p{Lu}/u.test(token.word)) {
      const country =
        countryOfWord(token.word) !== null ||
        /^(?:Республик|Федераци|Президент|Министр|Министерств|Кабинет|Правительств)/u.test(token.word);
      if (!country && !afterNamePart) break;
      last = i;
      continue;
    }
    if (
      RU_PREPOSITIONS.has(lower) ||
      RU_STOP_WORDS.has(lower) ||
      isVerbLike(lower) ||
      !/^\p{Script=Cyrillic}/u.test(lower)
    )
      break;
    // A noun after an adjective may have no ending at all ("экономических зон").
    if (!afterAdjective && !RU_OBLIQUE.test(lower)) break;
    afterAdjective = isAdjective(lower);
    last = i;
  }
  return last;
}

function continuesAfterAnd(word: string): boolean {
  if (/^\p{Lu}/u.test(word)) return countryOfWord(word) !== null;
  const lower = word.toLowerCase();
  return isAdjective(lower) || (RU_GENITIVE.test(lower) && !isVerbLike(lower));
}

function englishNameStart(tokens: readonly Token[], headIndex: number, gap: Gap): number | null {
  const head = tokens[headIndex];
  if (!head || !/^\p{Lu}/u.test(head.word)) return null;
  let first = headIndex;
  while (first > 0) {
    const previous = tokens[first - 1];
    const current = tokens[first];
    if (!previous || !current || !/^\s+$/.test(gap(previous, current))) break;
    if (!/^\p{Lu}/u.test(previous.word) || EN_NOT_NAME_START.test(previous.word)) break;
    first--;
  }
  return first;
}

// Right of the head: "of"/"for"/"on" and capitalised words ("of Ministers of Turkmenistan"); a country ends the
// name, so that the person named after it ("… of Turkmenistan Batyr Atdayev") stays out.
function englishNameEnd(tokens: readonly Token[], headIndex: number, gap: Gap): number {
  let last = headIndex;
  let insideOf = false;
  for (let i = headIndex + 1; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    if (!token || !previous || !/^\s+$/.test(gap(previous, token))) break;
    // "and" joins parts of one name only inside its "of" complement ("Ministry of Economy and Sustainable
    // Development"); "Qatar Development Bank and the Kyrgyz Export Support Center" are two organisations.
    if (token.word === "and" && (!insideOf || !/^\p{Lu}/u.test(tokens[i + 1]?.word ?? ""))) break;
    if (EN_LINKS.has(token.word)) {
      insideOf ||= token.word === "of";
      continue;
    }
    const continuesRun = last === i - 1 && countryOfWord(previous.word) === null;
    if (
      !/^\p{Lu}/u.test(token.word) ||
      EN_NOT_NAME_START.test(token.word) ||
      !(EN_LINKS.has(previous.word) || continuesRun)
    )
      break;
    last = i;
  }
  return last;
}

const LEGAL_FORM = /^(?:ОАО|АО|ЗАО|ООО|ПАО|НК|ГК|ГП|ТОО|ОсОО|АК|ГАК|ГУП|ФГУП|ЧП|JSC|OJSC|CJSC|LLC|LLP|PJSC|Ltd)\s+/u;
const organizationKey = (name: string): string => stemKey(name.replace(LEGAL_FORM, ""));

/** One entry per organisation: the same name in other cases, or an acronym and its full name, merge. */
export function mergeOrganizations(found: readonly OrganizationFact[]): OrganizationFact[] {
  const merged: OrganizationFact[] = [];
  for (const org of [...found].sort((a, b) => a.span[0] - b.span[0])) {
    const key = organizationKey(org.name);
    const same = merged.find(
      (m) =>
        organizationKey(m.name) === key ||
        (m.full_name !== null && organizationKey(m.full_name) === key) ||
        overlaps(m, org),
    );
    if (!same) {
      merged.push({ ...org });
      continue;
    }
    // The surer reading names the entry: a protocol's list of bodies gives names in the nominative.
    if (org.confidence > same.confidence && org.full_name === null && same.full_name === null) {
      same.name = org.name;
      same.span = org.span;
      same.confidence = org.confidence;
    }
    if (same.full_name === null && org.full_name !== null) {
      same.full_name = org.full_name;
      same.name = org.name;
    }
  }
  return merged;
}

function overlaps(a: OrganizationFact, b: OrganizationFact): boolean {
  return a.span[0] < b.span[1] && b.span[0] < a.span[1];
}
