/** A pattern tried only at the start of words that begin with its first letters. */
export interface IndexedPattern<T> {
  /** The letters every match starts with; two or three are enough to pick the candidates. */
  prefix: string;
  /** Sticky ("y") and with the word-end check inside. */
  regex: RegExp;
  value: T;
}

export interface WordIndex<T> {
  byPrefix: Map<string, IndexedPattern<T>[]>;
}

export interface IndexedMatch<T> {
  value: T;
  start: number;
  end: number;
  text: string;
}

const KEY_LENGTH = 3;

/**
 * Large alternations of names ("Азербайджан|Azerbaijan|…") are slow when the engine tries them at every
 * position; keyed by the first letters, each word of a text tries the two or three that can match it.
 */
export function buildWordIndex<T>(patterns: readonly IndexedPattern<T>[]): WordIndex<T> {
  const byPrefix = new Map<string, IndexedPattern<T>[]>();
  for (const pattern of patterns) {
    // Words are runs of letters and digits, so the key is too ("U.S." is found at the word "U").
    const key = (/^[\p{L}\p{N}]+/u.exec(pattern.prefix.toLowerCase())?.[0] ?? "").slice(0, KEY_LENGTH);
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), pattern]);
  }
  return { byPrefix };
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Every match at a word start, earliest first; a longer match wins over a shorter one at the same place. */
export function searchWordIndex<T>(index: WordIndex<T>, text: string, offset = 0): IndexedMatch<T>[] {
  const matches: IndexedMatch<T>[] = [];
  let lineStart = 0;
  let coveredUntil = -1;
  // A sticky search from an offset deep inside a long string is slow in V8: search line by line.
  for (const line of text.split("\n")) {
    for (const word of line.matchAll(WORD)) {
      if (lineStart + word.index < coveredUntil) continue;
      const head = word[0].slice(0, KEY_LENGTH).toLowerCase();
      let best: IndexedMatch<T> | null = null;
      for (let length = head.length; length >= 1; length--) {
        for (const pattern of index.byPrefix.get(head.slice(0, length)) ?? []) {
          pattern.regex.lastIndex = word.index;
          const m = pattern.regex.exec(line);
          if (m && (!best || m[0].length > best.text.length)) {
            const start = offset + lineStart + word.index;
            best = { value: pattern.value, start, end: start + m[0].length, text: m[0] };
          }
        }
      }
      if (best) {
        matches.push(best);
        coveredUntil = best.end - offset;
      }
    }
    lineStart += line.length + 1;
  }
  return matches;
}
