import { countryOfCity } from "../lexicon/cities.ts";
import type { NextSessionFact } from "../types.ts";
import { findDates, resolveDay } from "./dates.ts";
import { type DocumentContext, nextSentence } from "./document-context.ts";
import { readPlace } from "./places.ts";
import type { SessionMention } from "./session-mentions.ts";

const DIPLOMATIC_CHANNELS = /дипломатическ\p{L}*\s+канал|diplomatic\s+channels/iu;
// "следующее заседание Комиссии провести в Баку": the next session without a number.
const UNNUMBERED_NEXT =
  /(?:следующ\p{L}*|очередн\p{L}*)\s+(?:\p{L}+\s+)?(?:заседани|сесси)\p{L}*|next\s+(?:\p{L}+\s+)?(?:meeting|session)/iu;

// An agenda names the next session too ("О дате и месте проведения седьмого заседания"): the mention that says
// where, when or how the date is set wins, and a later one over an earlier one.
function mostTelling(context: DocumentContext, mentions: readonly SessionMention[]): SessionMention | null {
  let best: { mention: SessionMention; score: number } | null = null;
  for (const mention of mentions) {
    const following = nextSentence(context, mention.sentence);
    const text = `${mention.sentence.text} ${following?.text ?? ""}`;
    const score =
      (readPlace(mention.sentence, context.language) ? 2 : 0) +
      (DIPLOMATIC_CHANNELS.test(text) ? 1 : 0) +
      (findDates(mention.sentence.text).length > 0 ? 1 : 0);
    if (!best || score >= best.score) best = { mention, score };
  }
  return best?.mention ?? null;
}

export function mentionsUnnumberedNextSession(text: string): boolean {
  return UNNUMBERED_NEXT.test(text);
}

/** The next session as agreed: number, place, date, and whether the date is left to diplomatic channels. */
export function readNextSession(
  context: DocumentContext,
  mentions: readonly SessionMention[],
  currentNumber: number | null,
): NextSessionFact | null {
  const mention = mostTelling(
    context,
    mentions.filter((m) => m.role === "next"),
  );
  const sentence = mention?.sentence ?? context.sentences.find((s) => UNNUMBERED_NEXT.test(s.text)) ?? null;
  if (!sentence) return null;
  const number = mention?.number ?? (currentNumber === null ? null : currentNumber + 1);
  const from = mention ? mention.end - sentence.start : 0;
  const clause = { text: sentence.text.slice(from), start: sentence.start + from, end: sentence.end };
  const place = readPlace(clause, context.language);
  const following = nextSentence(context, sentence);
  const viaChannels =
    DIPLOMATIC_CHANNELS.test(sentence.text) || (following !== null && DIPLOMATIC_CHANNELS.test(following.text));
  const date =
    findDates(clause.text, clause.start)
      .map((d) => resolveDay(d, context.published))
      .find((d) => d !== null) ?? null;
  return {
    number,
    country: place?.country ?? (place?.city ? countryOfCity(place.city) : null),
    city: place?.city ?? null,
    date,
    via_diplomatic_channels: viaChannels,
    evidence: { span: [sentence.start, sentence.end], confidence: mention ? 0.85 : 0.6 },
  };
}
