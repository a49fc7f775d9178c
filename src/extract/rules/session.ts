import { countryOfCity, findCityMentions } from "../lexicon/cities.ts";
import type { Sentence } from "../text/segment.ts";
import type { Evidence, SessionFact } from "../types.ts";
import { findDates, resolveDay, shiftDays } from "./dates.ts";
import type { DocumentContext } from "./document-context.ts";
import { readPlace } from "./places.ts";
import { currentSessionMention, type SessionMention } from "./session-mentions.ts";

// A verb that says the session took place: the sentence that has it is the one that reports when and where.
const HELD_VERB =
  /(?:состоял\p{L}*|прош(?:ло|ла|ел|ли)|проходил\p{L}*|открыл\p{L}*|собрал\p{L}*|took\s+place|was\s+held|were\s+held|held|hosted|hosts|convened|opened)/iu;
const TODAY = /(?<!\p{L})(?:сегодня|today)(?!\p{L})/iu;
const YESTERDAY = /(?<!\p{L})(?:вчера|yesterday)(?!\p{L})/iu;

export interface SessionReading {
  fact: SessionFact;
  /** The sentence that reports the session, for the rules that read around it. */
  sentence: Sentence | null;
}

/** Number, date, city and host country of the session the document reports. */
export function readSession(
  context: DocumentContext,
  mentions: readonly SessionMention[],
  protocolPlaceLine: Sentence | null,
): SessionReading {
  const current = currentSessionMention(mentions);
  const next = mentions.find((m) => m.role === "next");
  const evidence: SessionFact["evidence"] = {};
  let number: number | null = null;
  if (current) {
    number = current.number;
    evidence.number = { span: [current.start, current.end], confidence: 0.9 };
  } else if (next && next.number > 1) {
    // Only the next session is numbered ("провести седьмое заседание"): this one is the one before it.
    number = next.number - 1;
    evidence.number = { span: [next.start, next.end], confidence: 0.5 };
  }
  const reporting = sessionSentences(context, mentions);
  const sentence = reporting[0] ?? null;
  const candidates = [...reporting, protocolPlaceLine, ...titleSentences(context)].filter(
    (s): s is Sentence => s !== null,
  );

  let date: string | null = null;
  for (const source of [...reporting, protocolPlaceLine]) {
    if (!source) continue;
    const read = readDay(source, context.published);
    if (read) {
      date = read.date;
      evidence.date = read.evidence;
      break;
    }
  }

  let city: string | null = null;
  let hostCountry: string | null = null;
  for (const source of candidates) {
    const place = readPlace(source, context.language);
    if (!place) continue;
    city ??= place.city;
    hostCountry ??= place.country ?? (place.city ? countryOfCity(place.city) : null);
    if (place.city) evidence.city ??= { span: place.span, confidence: place.confidence };
    evidence.host_country ??= { span: place.span, confidence: place.confidence * 0.9 };
    if (city && hostCountry) break;
  }
  if (!city) {
    const dateline = datelineCity(context);
    if (dateline) {
      city = dateline.name;
      hostCountry ??= dateline.country;
      evidence.city = { span: [dateline.start, dateline.end], confidence: 0.6 };
    }
  }
  return { fact: { number, date, city, host_country: hostCountry, evidence }, sentence };
}

// The sentences that report the session, best first: those that say it took place, then the other mentions.
function sessionSentences(context: DocumentContext, mentions: readonly SessionMention[]): Sentence[] {
  const current = mentions.filter((m) => m.role === "current");
  const held = current.filter((m) => HELD_VERB.test(m.sentence.text));
  const sentences = [...held, ...current].map((m) => m.sentence);
  if (sentences.length === 0) {
    const reported = context.sentences.find((s) => /комисси|commission/iu.test(s.text) && HELD_VERB.test(s.text));
    if (reported) sentences.push(reported);
  }
  return [...new Set(sentences)];
}

// The day nearest to "состоялось" / "was held": a dateline date earlier in the same sentence is the publication's.
function readDay(sentence: Sentence, published: string | null): { date: string; evidence: Evidence } | null {
  const verbAt = sentence.start + (HELD_VERB.exec(sentence.text)?.index ?? 0);
  const byDistance = findDates(sentence.text, sentence.start).sort(
    (a, b) => Math.abs(a.start - verbAt) - Math.abs(b.start - verbAt),
  );
  for (const mention of byDistance) {
    const date = resolveDay(mention, published);
    if (date)
      return { date, evidence: { span: [mention.start, mention.end], confidence: mention.year === null ? 0.75 : 0.9 } };
  }
  if (!published) return null;
  const relative = TODAY.exec(sentence.text) ?? YESTERDAY.exec(sentence.text);
  if (!relative) return null;
  const date = TODAY.test(relative[0]) ? published : shiftDays(published, -1);
  const start = sentence.start + relative.index;
  return { date, evidence: { span: [start, start + relative[0].length], confidence: 0.6 } };
}

// A headline names the place too ("В Ашхабаде прошла … межправкомиссия"): the first two lines are tried last.
function titleSentences(context: DocumentContext): Sentence[] {
  return context.sentences.filter(
    (s) => s.lineIndex <= 2 && /комисси|commission|заседани|meeting|session/iu.test(s.text),
  );
}

// News agencies open with "БАКУ/Trend/ -" or "ASHGABAT, Nov 28": the city in capitals before the first dash.
function datelineCity(context: DocumentContext): { name: string; country: string; start: number; end: number } | null {
  const opening = context.text.slice(0, 200);
  const capitals = /(?<![\p{L}])(\p{Lu}{3,}(?:[- ]\p{Lu}{2,})?)(?=\s*[,/(—–-])/u.exec(opening);
  if (!capitals?.[1]) return null;
  const written = capitals[1].charAt(0) + capitals[1].slice(1).toLowerCase();
  const city = findCityMentions(written)[0];
  if (!city) return null;
  return { name: city.name, country: city.country, start: capitals.index, end: capitals.index + capitals[1].length };
}
