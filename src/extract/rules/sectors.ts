import { SECTOR_CODES, type SectorCode } from "../../shared/sectors.ts";
import { SECTOR_KEYWORDS } from "../lexicon/sector-keywords.ts";

export interface SectorHit {
  sector: SectorCode;
  weight: number;
  start: number;
  end: number;
}

const WEIGHTS = [3, 2, 1] as const;

const INNER_PREFIX = "\\p{L}*";

interface Keyword {
  sector: SectorCode;
  weight: number;
  /** Sticky: tried only at the positions the index points to. */
  regex: RegExp;
  /** Lower-case letters every match starts with ("нефт"), or null when the source starts otherwise. */
  literal: string | null;
  inner: boolean;
}

const KEYWORDS: readonly Keyword[] = SECTOR_CODES.flatMap((sector) =>
  WEIGHTS.flatMap((weight) =>
    (SECTOR_KEYWORDS[sector]?.[weight] ?? []).map((source) => {
      const inner = source.startsWith(INNER_PREFIX);
      const body = inner ? source.slice(INNER_PREFIX.length) : source;
      return { sector, weight, regex: new RegExp(`${body}\\p{L}*`, "iuy"), literal: literalPrefix(body), inner };
    }),
  ),
);

// The letters a source starts with, past a leading look-behind: "(?<!-)промышлен" → "промышлен".
function literalPrefix(source: string): string | null {
  const body = source.replace(/^\(\?<!(?:[^()]|\([^()]*\))*\)/u, "");
  const literal = /^[\p{L}\p{N}-]+/u.exec(body)?.[0];
  return literal && literal.length >= 2 ? literal.toLowerCase() : null;
}

// Keywords by the two letters they start with: each word of the text tries only the few that can match it.
// Compound keywords ("Кыргызнефтегаз") and sources without a literal start are tried on every word.
const BY_FIRST_LETTERS = new Map<string, Keyword[]>();
const ANY_WORD: Keyword[] = [];
for (const keyword of KEYWORDS) {
  if (keyword.inner || keyword.literal === null) {
    ANY_WORD.push(keyword);
    continue;
  }
  const key = keyword.literal.slice(0, 2);
  BY_FIRST_LETTERS.set(key, [...(BY_FIRST_LETTERS.get(key) ?? []), keyword]);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Every sector keyword in the text, with offsets shifted by `offset`. */
export function findSectorHits(text: string, offset = 0): SectorHit[] {
  const hits: SectorHit[] = [];
  // A sticky search from an offset deep inside a long string is slow in V8: search line by line.
  let lineStart = 0;
  for (const line of text.split("\n")) {
    for (const word of line.matchAll(WORD)) {
      const lower = word[0].toLowerCase();
      const tryKeyword = (keyword: Keyword) => {
        const at = keyword.inner ? innerStart(lower, keyword) : lower.startsWith(keyword.literal ?? "") ? 0 : -1;
        if (at < 0) return;
        keyword.regex.lastIndex = word.index + at;
        const m = keyword.regex.exec(line);
        if (!m) return;
        const start = offset + lineStart + word.index;
        hits.push({
          sector: keyword.sector,
          weight: keyword.weight,
          start,
          end: offset + lineStart + m.index + m[0].length,
        });
      };
      BY_FIRST_LETTERS.get(lower.slice(0, 2))?.forEach(tryKeyword);
      ANY_WORD.forEach(tryKeyword);
    }
    lineStart += line.length + 1;
  }
  return withoutOverlaps(hits);
}

function innerStart(lowerWord: string, keyword: Keyword): number {
  return keyword.literal === null ? 0 : lowerWord.indexOf(keyword.literal);
}

// A sector counts a stretch of text once: of hits that overlap within a sector, the earliest (then heaviest) wins.
function withoutOverlaps(hits: SectorHit[]): SectorHit[] {
  hits.sort((a, b) => a.start - b.start || b.weight - a.weight);
  const lastEnd = new Map<SectorCode, number>();
  return hits.filter((hit) => {
    if (hit.start < (lastEnd.get(hit.sector) ?? -1)) return false;
    lastEnd.set(hit.sector, hit.end);
    return true;
  });
}

/** A sector the surrounding text names (a heading, "в энергетической сфере"), with the weight it lends. */
export interface SectorContext {
  sector: SectorCode;
  bonus: number;
}

// A named context outweighs one weak or medium word but not a strong one of another sector; umbrella sectors
// lend less so that "в гуманитарной и образовательной сферах" files a library under education.
const CONTEXT_BONUS = 2.5;
const UMBRELLA_BONUS = 2;
const UMBRELLA_SECTORS: ReadonlySet<SectorCode> = new Set(["humanitarian", "other"]);

/** The sectors a heading or phrase names, strongest first (each named sector at most once). */
export function contextFrom(text: string): SectorContext[] {
  const seen = new Set<SectorCode>();
  const context: SectorContext[] = [];
  for (const hit of findSectorHits(text)) {
    if (hit.weight < 2 || seen.has(hit.sector)) continue;
    seen.add(hit.sector);
    context.push({ sector: hit.sector, bonus: UMBRELLA_SECTORS.has(hit.sector) ? UMBRELLA_BONUS : CONTEXT_BONUS });
  }
  return context;
}

/** The sector that a stretch of text is about: its own keywords, plus what its context names; null if none. */
export function chooseSector(hits: readonly SectorHit[], context: readonly SectorContext[]): SectorCode | null {
  const scores = new Map<SectorCode, { score: number; order: number }>();
  const add = (sector: SectorCode, score: number, order: number) => {
    const current = scores.get(sector);
    scores.set(sector, { score: (current?.score ?? 0) + score, order: Math.min(current?.order ?? order, order) });
  };
  hits.forEach((hit, index) => {
    add(hit.sector, hit.weight, index);
  });
  context.forEach((named, index) => {
    add(named.sector, named.bonus, hits.length + index);
  });
  let best: { sector: SectorCode; score: number; order: number } | null = null;
  for (const [sector, { score, order }] of scores) {
    if (!best || score > best.score || (score === best.score && order < best.order)) best = { sector, score, order };
  }
  return best?.sector ?? null;
}
