import type { ExtractResult, FactEvidence, ImportDraft } from "../shared/api/imports.ts";

/*
 * The draft a reviewer edits on the import page, and how the extractor's evidence (character spans into the
 * normalised text) is tied to it. Pure functions: the page and the tests share them.
 */

/** The lists of a draft, each item of which a reviewer may edit, remove or add. */
export const DRAFT_LISTS = [
  "co_chairs",
  "commitments",
  "organizations",
  "programmes",
  "figures",
  "documents_signed",
  "site_visits",
] as const;
export type DraftList = (typeof DRAFT_LISTS)[number];

/**
 * Every item carries a key that stays with it while items are removed or added: the evidence's fact name of the
 * place it was extracted at (`commitments.3`), or `new:…` for an item the reviewer added. Evidence is looked up by
 * the key, so removing item 2 does not move item 3's highlight onto item 4.
 */
type Keyed = { key: string };
export type DraftItem<L extends DraftList> = ImportDraft[L][number] & Keyed;
export type ReviewDraft = Omit<ImportDraft, DraftList> & { [L in DraftList]: DraftItem<L>[] };

export type CommitmentItem = DraftItem<"commitments">;

/** Below this the extractor was guessing: the fact is flagged for a closer look. */
export const LOW_CONFIDENCE = 0.7;

/** The first part of a fact name: `commitments.3` → `commitments`, `session.city` → `session`. */
export function kindOf(fact: string): string {
  const dot = fact.indexOf(".");
  return dot < 0 ? fact : fact.slice(0, dot);
}

function asList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === "object") : [];
}

/** The extractor's draft with keys on every list item and every list present. */
export function reviewDraftOf(result: ExtractResult): ReviewDraft {
  const draft = result.draft as unknown as Record<string, unknown>;
  const lists = Object.fromEntries(
    DRAFT_LISTS.map((list) => [list, asList(draft[list]).map((item, i) => ({ ...item, key: `${list}.${i}` }))]),
  );
  return { ...(draft as unknown as ImportDraft), ...lists } as ReviewDraft;
}

/** The draft as POST /imports/accept takes it: the keys stripped (the extractor's own evidence may stay). */
export function acceptedDraftOf(draft: ReviewDraft): ImportDraft {
  const lists = Object.fromEntries(
    DRAFT_LISTS.map((list) => [list, (draft[list] as Keyed[]).map(({ key: _key, ...rest }) => rest)]),
  );
  return { ...draft, ...lists } as ImportDraft;
}

let counter = 0;
/** A key for an item the reviewer adds. */
export function newKey(list: DraftList): string {
  counter += 1;
  return `new:${list}:${counter}`;
}

export type EvidenceIndex = Map<string, FactEvidence>;

/**
 * Evidence by fact name, for the facts the draft shows; the sector words (`sectors.N`) are left out, since each
 * commitment shows its own sector. Spans outside the text are dropped rather than trusted.
 */
export function evidenceIndexOf(evidence: readonly FactEvidence[], textLength: number): EvidenceIndex {
  const index: EvidenceIndex = new Map();
  for (const e of evidence) {
    const [start, end] = e.span;
    if (kindOf(e.fact) === "sectors") continue;
    if (!(start >= 0 && end > start && end <= textLength)) continue;
    if (!index.has(e.fact)) index.set(e.fact, e);
  }
  return index;
}

/** A stretch of the source text and the facts whose spans cover all of it (none: plain text). */
export type Segment = { start: number; end: number; facts: string[] };

/**
 * The text cut at every span boundary, so that overlapping spans (the city and the host country are often the same
 * word) each keep their own highlight. Facts are listed shortest span first: the most specific one colours it.
 */
export function segmentsOf(textLength: number, evidence: Iterable<FactEvidence>): Segment[] {
  const spans = [...evidence].map((e) => ({ fact: e.fact, start: e.span[0], end: e.span[1] }));
  const cuts = new Set<number>([0, textLength]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= textLength).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const facts = spans
      .filter((s) => s.start <= start && s.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))
      .map((s) => s.fact);
    const previous = segments.at(-1);
    // Neighbouring stretches with the same facts are one segment.
    if (previous && previous.facts.join(" ") === facts.join(" ")) previous.end = end;
    else segments.push({ start, end, facts });
  }
  return segments;
}

/** How many commitments each sector has, in the order sectors first appear. */
export function sectorCounts(commitments: readonly { sector: string }[]): { sector: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of commitments) counts.set(c.sector, (counts.get(c.sector) ?? 0) + 1);
  return [...counts].map(([sector, count]) => ({ sector, count }));
}

/** The server's field path under `draft.` (`draft.commitments.2.text`) for an item's field, by the item's key. */
export function fieldPath(draft: ReviewDraft, list: DraftList, key: string, field: string): string {
  const index = (draft[list] as Keyed[]).findIndex((item) => item.key === key);
  return `draft.${list}.${index}.${field}`;
}

/** "file: The document is empty…" → "The document is empty…": the server names the field its message is about. */
export function withoutFieldPrefix(message: string, path: unknown): string {
  if (typeof path !== "string" || !path) return message;
  const prefix = `${path}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
