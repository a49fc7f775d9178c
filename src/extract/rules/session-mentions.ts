import { ORDINAL_PATTERN, ordinalValue } from "../lexicon/ordinals.ts";
import type { Sentence } from "../text/segment.ts";

export type SessionRole = "current" | "next" | "previous";

export interface SessionMention {
  number: number;
  start: number;
  end: number;
  sentence: Sentence;
  role: SessionRole;
}

// "6-е заседание", "шестого очередного заседания", "10th meeting", "XVIII сессии", "заседание № 5".
// "встреча" is left out: "первая встреча" is usually a talk, not a session of the commission.
const SESSION_WORD = "(?:заседани|сесси)\\p{L}*|meetings?|sessions?";
const MENTION_REGEX = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?<ordinal>${ORDINAL_PATTERN})\\s+(?:(?:очередн|совместн|пленарн|юбилейн|joint|regular|plenary|annual)\\p{L}*\\s+)?(?:${SESSION_WORD})|(?:${SESSION_WORD})\\s+(?:№|No\\.?|#)\\s*(?<numbered>\\d{1,3}))(?!\\p{L})`,
  "giu",
);

// Words near a mention that place it in the future or the past ("о проведении 7-го заседания", "decisions of").
const NEXT_CUE =
  /(?:следующ|проведени|провест|проведут|состоится|пройд[её]т|будет\s+проведен|запланирован|next|will\s+be\s+held|will\s+take\s+place|to\s+be\s+held|to\s+hold|shall\s+be\s+held|is\s+scheduled|is\s+planned)/iu;
const PREVIOUS_CUE =
  /(?:прошл(?:ого|ом|ое|ый|ым|ых|ой|ую|ая|ые|ом)(?!\p{L})|предыдущ|предшествующ|решени|выполнени|previous|last|prior|preceding|decisions\s+(?:of|taken|adopted)|implementation\s+of)/iu;
const CUE_REACH = 45;

/** Every mention of a numbered session, with the role its wording gives it. */
export function findSessionMentions(sentences: readonly Sentence[]): SessionMention[] {
  const mentions: SessionMention[] = [];
  for (const sentence of sentences) {
    for (const m of sentence.text.matchAll(MENTION_REGEX)) {
      const written = m.groups?.ordinal ?? m.groups?.numbered;
      // Roman numerals count only in capitals ("XI заседание"); the regex is case-insensitive for the words.
      if (written && /^[ivxl]+$/iu.test(written) && written !== written.toUpperCase()) continue;
      const number = written === undefined ? null : ordinalValue(written);
      if (number === null || number < 1 || number > 200) continue;
      const before = sentence.text.slice(Math.max(0, m.index - CUE_REACH), m.index);
      const after = sentence.text.slice(m.index + m[0].length, m.index + m[0].length + CUE_REACH);
      const role: SessionRole =
        NEXT_CUE.test(before) || NEXT_CUE.test(after.split(/[,;]/)[0] ?? "")
          ? "next"
          : PREVIOUS_CUE.test(before)
            ? "previous"
            : "current";
      mentions.push({
        number,
        start: sentence.start + m.index,
        end: sentence.start + m.index + m[0].length,
        sentence,
        role,
      });
    }
  }
  return mentions;
}

/** The session the document reports: the number its current-role mentions name most often, then the earliest. */
export function currentSessionMention(mentions: readonly SessionMention[]): SessionMention | null {
  const current = mentions.filter((m) => m.role === "current");
  const counts = new Map<number, number>();
  for (const m of current) counts.set(m.number, (counts.get(m.number) ?? 0) + 1);
  let best: SessionMention | null = null;
  for (const m of current) {
    if (!best || (counts.get(m.number) ?? 0) > (counts.get(best.number) ?? 0)) best = m;
  }
  return best;
}
