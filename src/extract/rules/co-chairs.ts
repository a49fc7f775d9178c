import { findCountryMentions } from "../lexicon/countries.ts";
import type { Sentence } from "../text/segment.ts";
import type { CoChairFact, Span } from "../types.ts";
import type { DocumentContext } from "./document-context.ts";
import { findPersonNames } from "./person-names.ts";
import type { SignatureBlock } from "./protocol.ts";

// Words that make the people named in a sentence the session's chairs, strongest first: "под председательством",
// "сопредседатели", "co-chaired by" name them; "возглавил делегацию", "headed by", "во главе с" only lead a side.
const CHAIR_CUE = /(?:председательств|сопредседател|co-?chair|chaired|presided)\p{L}*/iu;
const DELEGATION_CUE =
  /(?:возглав\p{L}*|во\s+главе|под\s+руководством|headed|led\s+by|heads?\s+of\s+(?:the\s+)?delegation)/iu;
// The words right before the chairs' titles ("под председательством", "co-chaired by", "возглавил").
const INTRODUCING_CUE =
  /(?:под\s+(?:со)?председательством|(?:co-?)?chaired\s+by|presided\s+over\s+by|возглавил\p{L}*|во\s+главе\s+с|под\s+руководством|headed\s+by|led\s+by|выступил\p{L}*)/giu;
// The title that starts a position ("заместителя премьер-министра …", "Deputy Chairman of …").
const POSITION_START =
  /(?<!\p{L})(?:перв\p{L}*\s+)?(?:вице-премьер|премьер|заместител|председател|министр|президент|посол|глав[аыеуой]|руководител|секретар|государственн\p{L}*\s+советник|(?:first\s+)?(?:deputy|vice|prime|minister|chairman|chairperson|president|ambassador|head|secretary|governor))/iu;
// An appositive "сопредседателя Комиссии с азербайджанской стороны" repeats the role; the position ends before it.
const POSITION_END = /,\s*(?:сопредседател|co-chair)/iu;

interface CoChairCandidate extends CoChairFact {
  strength: number;
}

/** The co-chairs named in sentences that say who chaired or led the delegations; names in nominative. */
export function readCoChairs(context: DocumentContext, commissionCountries: readonly string[]): CoChairFact[] {
  const found: CoChairCandidate[] = [];
  for (const sentence of context.sentences) {
    const strength = CHAIR_CUE.test(sentence.text) ? 2 : DELEGATION_CUE.test(sentence.text) ? 1 : 0;
    if (strength === 0) continue;
    const people = findPersonNames(sentence.text, sentence.start);
    let segmentStart = sentence.start;
    for (const person of people) {
      const segment = context.text.slice(segmentStart, person.start);
      const position = positionIn(segment);
      const country = countryIn(position) ?? countryIn(afterLastCue(segment)) ?? countryIn(segment);
      found.push({
        name: person.name,
        name_as_written: person.text,
        country,
        position,
        span: [person.start, person.end],
        confidence: strength === 2 ? 0.85 : 0.65,
        strength,
      });
      segmentStart = person.end;
    }
  }
  return settle(found, commissionCountries);
}

function positionIn(segment: string): string | null {
  const tail = afterLastCue(segment);
  const start = POSITION_START.exec(tail);
  if (!start) return null;
  const position = tail
    .slice(start.index)
    .split(POSITION_END)[0]
    ?.replace(/[\s,;:—―–-]+$/u, "")
    .trim();
  return position ? position : null;
}

function afterLastCue(segment: string): string {
  const cues = [...segment.matchAll(INTRODUCING_CUE)];
  const last = cues.at(-1);
  return last ? segment.slice(last.index + last[0].length) : segment;
}

function countryIn(text: string | null): string | null {
  if (!text) return null;
  return findCountryMentions(text).at(-1)?.code ?? null;
}

// Chairs named by a chairing cue win; delegation leaders count only while fewer than two chairs are known. A
// commission has one chair per side, so at most two, one per country when the sides are known; a chair without
// a country takes the side no other chair holds.
function settle(found: readonly CoChairCandidate[], commissionCountries: readonly string[]): CoChairFact[] {
  const strongest = Math.max(0, ...found.map((c) => c.strength));
  const strong = uniqueNames(found.filter((c) => c.strength === strongest));
  let chairs = strong.length >= 2 ? strong : uniqueNames([...strong, ...found]);
  if (commissionCountries.length === 2 && chairs.length > 2) {
    const perSide = commissionCountries.flatMap((code) => chairs.find((c) => c.country === code) ?? []);
    if (perSide.length === 2) chairs = perSide;
  }
  const result: CoChairFact[] = chairs.slice(0, 2).map(({ strength: _, ...fact }) => fact);
  const missing = commissionCountries.filter((code) => !result.some((c) => c.country === code));
  for (const chair of result) {
    if (chair.country === null && missing.length === 1) chair.country = missing.shift() ?? null;
  }
  return result;
}

function uniqueNames(candidates: readonly CoChairCandidate[]): CoChairCandidate[] {
  const unique: CoChairCandidate[] = [];
  for (const candidate of candidates) {
    if (!unique.some((c) => sameName(c.name, candidate.name))) unique.push(candidate);
  }
  return unique;
}

export function sameName(a: string, b: string): boolean {
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/ё/g, "е")
      .split(/[\s.]+/)
      .filter(Boolean);
  const x = words(a);
  const y = words(b);
  return x.length > 0 && y.length > 0 && x[0] === y[0] && x.at(-1) === y.at(-1);
}

export function isCoChairSentence(sentence: Sentence): boolean {
  return CHAIR_CUE.test(sentence.text) || DELEGATION_CUE.test(sentence.text);
}

/** A protocol names its chairs again under the signatures; they fill in chairs the text did not name. */
export function withSignatories(
  coChairs: readonly CoChairFact[],
  signatures: readonly SignatureBlock[],
): CoChairFact[] {
  const chairs = [...coChairs];
  for (const { person, country } of signatures) {
    if (!person || chairs.length >= 2 || chairs.some((c) => sameName(c.name, person.name))) continue;
    const span: Span = [person.start, person.end];
    chairs.push({ name: person.name, name_as_written: person.text, country, position: null, span, confidence: 0.7 });
  }
  return chairs;
}
