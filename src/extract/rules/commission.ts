import { findCountryMentions } from "../lexicon/countries.ts";
import type { Sentence } from "../text/segment.ts";
import type { Span } from "../types.ts";
import type { DocumentContext } from "./document-context.ts";

export interface CommissionMention {
  name: string;
  span: Span;
  countries: string[];
}

// The words before "комиссия" that belong to its name: "совместная", "межправительственная", a country adjective
// or compound ("туркмено-азербайджанская", "Azerbaijan-Georgia").
const NAME_PREFIX_WORD =
  /^(?:совместн|межправительствен|межгосударствен|двусторонн|смешанн|постоянн|joint|intergovernmental|inter-governmental|bilateral|mixed|permanent|high-level|[\p{L}]+-[\p{L}]+|\p{L}+(?:ск|цк)\p{L}+|[A-Z]\p{Ll}+(?:i|ian|an|ish|ese|en|z|ek|kh|ik)|Azerbaijan|Georgia|Kyrgyzstan|Kazakhstan|Uzbekistan|Tajikistan|Turkmenistan|Russia|Belarus|Armenia|T[uü]rkiye|Turkey|China)/iu;
// "межправкомиссия", "МПК" and "Commission" are the head of the name.
// "Межправительственный комитет", "Cooperation Committee" and "Совет сотрудничества" play the same part when
// their name says they are intergovernmental.
const HEAD =
  /(?<![\p{L}\p{N}])(?:межправкомисси\p{L}*|комисси\p{L}*|МПК|[Cc]ommission|комитет\p{L}*|[Cc]ommittee|[Сс]овет\p{L}*|[Cc]ouncil)(?![\p{L}\p{N}])/gu;
const COMMISSION_HEAD = /^(?:межправкомисси|комисси|МПК|commission)/iu;
const INTERGOVERNMENTAL = /межправ|межгосударств|intergovernmental|inter-governmental|сотрудничеств|cooperation/iu;
// After the head: "по экономическому … сотрудничеству", "on Economic Cooperation", then "между A и B".
const NAME_TAIL = new RegExp(
  [
    "^(?:\\s+(?:по|on|for)\\s+(?:[\\p{L}-]+,?\\s+){0,8}?(?:сотрудничеств\\p{L}*|cooperation|вопросам\\s+[\\p{L}-]+|collaboration))?",
    "(?:\\s+(?:в|in)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:област\\p{L}*|сфер\\p{L}*|fields?|areas?))?",
    "(?:\\s+(?:между|between)\\s+(?:[\\p{L}-]+\\s+){1,3}?(?:и|and)\\s+(?:the\\s+)?[\\p{L}-]+(?:\\s+(?:Республик\\p{L}*|Федераци\\p{L}*|of\\s+[A-Z]\\p{L}+))?)?",
  ].join(""),
  "u",
);

/** Every mention of a commission, with its name as written and the countries named inside it. */
export function findCommissionMentions(context: DocumentContext): CommissionMention[] {
  const mentions: CommissionMention[] = [];
  for (const sentence of context.sentences) {
    for (const head of sentence.text.matchAll(HEAD)) {
      const start = sentence.start + prefixStart(sentence.text, head.index);
      const tail = NAME_TAIL.exec(sentence.text.slice(head.index + head[0].length))?.[0] ?? "";
      const end = sentence.start + head.index + head[0].length + tail.length;
      const name = context.text.slice(start, end);
      if (!COMMISSION_HEAD.test(head[0]) && !INTERGOVERNMENTAL.test(name)) continue;
      const countries = [...new Set(findCountryMentions(name).map((m) => m.code))];
      mentions.push({ name, span: [start, end], countries });
    }
  }
  return mentions;
}

function prefixStart(text: string, headIndex: number): number {
  let start = headIndex;
  const words = [...text.slice(0, headIndex).matchAll(/[\p{L}-]+/gu)];
  for (let i = words.length - 1; i >= 0 && headIndex - (words[i]?.index ?? 0) < 90; i--) {
    const word = words[i];
    if (!word || !NAME_PREFIX_WORD.test(word[0])) break;
    const between = text.slice(word.index + word[0].length, start);
    if (!/^\s+$/.test(between)) break;
    start = word.index;
  }
  return start;
}

/**
 * The commission the document is about and its two countries: the first mention that names two countries; else
 * the countries that the session sentence, the co-chairs and then the whole text name most.
 */
export function chooseCommission(
  mentions: readonly CommissionMention[],
  fallbackCountries: readonly string[],
): { mention: CommissionMention | null; countries: string[]; confidence: number } {
  const named = mentions.find((m) => m.countries.length >= 2);
  if (named) return { mention: named, countries: named.countries.slice(0, 2), confidence: 0.95 };
  const withOne = mentions.find((m) => m.countries.length === 1);
  const best =
    withOne ?? mentions.find((m) => /межправ|intergovernmental|joint|совместн/iu.test(m.name)) ?? mentions[0] ?? null;
  const countries = [...new Set([...(withOne?.countries ?? []), ...fallbackCountries])].slice(0, 2);
  return { mention: best, countries, confidence: countries.length === 2 ? 0.7 : 0.3 };
}

/** The countries a text names, most often named first. */
export function countriesByFrequency(text: string): string[] {
  const counts = new Map<string, number>();
  for (const mention of findCountryMentions(text)) counts.set(mention.code, (counts.get(mention.code) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

/**
 * Candidates for the commission's countries when its name does not say: the session sentence, then the chairs'
 * countries, then the countries the whole text names most.
 */
export function fallbackCountries(
  byFrequency: readonly string[],
  sessionSentence: Sentence | null,
  chairCountries: ReadonlyArray<string | null>,
): string[] {
  const inSession = sessionSentence ? findCountryMentions(sessionSentence.text).map((m) => m.code) : [];
  const ofChairs = chairCountries.filter((c): c is string => c !== null);
  return [...new Set([...inSession, ...ofChairs, ...byFrequency])];
}
