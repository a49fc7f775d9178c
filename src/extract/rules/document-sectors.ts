import type { SectorCode } from "../../shared/sectors.ts";
import type { CommitmentFact, SectorFact, Span } from "../types.ts";
import { isCoChairSentence } from "./co-chairs.ts";
import type { CommissionMention } from "./commission.ts";
import type { DocumentContext } from "./document-context.ts";
import type { ProtocolStructure } from "./protocol.ts";
import { findSectorHits, type SectorHit } from "./sectors.ts";
import { isVisitSentence } from "./site-visits.ts";

// Titles and positions name sectors that are not the session's subject ("Министр энергетики", the commission's
// "гуманитарному сотрудничеству", a visit to "Азеркосмос"), and neither do a protocol's lists of bodies and its
// closing formalities ("на русском языке"): those stretches are left out of the sector count.
function excludedStretches(
  context: DocumentContext,
  protocol: ProtocolStructure | null,
  commissions: readonly CommissionMention[],
): Span[] {
  const spans: Span[] = commissions.map((c) => c.span);
  for (const sentence of context.sentences) {
    if (isCoChairSentence(sentence) || isVisitSentence(sentence) || protocol?.labelLines.has(sentence.lineIndex)) {
      spans.push([sentence.start, sentence.end]);
    }
  }
  if (protocol?.closing) spans.push(protocol.closing);
  return spans.sort((a, b) => a[0] - b[0]);
}

// Hits and stretches are both sorted by start: one pass keeps the hits outside every stretch.
function outside(hits: readonly SectorHit[], stretches: readonly Span[]): SectorHit[] {
  const kept: SectorHit[] = [];
  let next = 0;
  let reach = -1;
  for (const hit of hits) {
    while (next < stretches.length && (stretches[next]?.[0] ?? Number.POSITIVE_INFINITY) <= hit.start) {
      reach = Math.max(reach, stretches[next]?.[1] ?? -1);
      next++;
    }
    if (hit.end > reach) kept.push(hit);
  }
  return kept;
}

// A sector is covered when an agreed action is filed under it, or the text names it with a strong or medium
// word, or weak words ("строительство", "выставка") add up.
const WEAK_WORDS_THRESHOLD = 3;

/** Every sector the document covers, in the order it first names them, with the evidence for each. */
export function documentSectors(
  context: DocumentContext,
  protocol: ProtocolStructure | null,
  commissions: readonly CommissionMention[],
  commitments: readonly CommitmentFact[],
): { sectors: SectorCode[]; sector_evidence: SectorFact[] } {
  const hits = outside(findSectorHits(context.text), excludedStretches(context, protocol, commissions));
  const weights = new Map<SectorCode, { weight: number; strongest: number; first: SectorHit }>();
  for (const hit of hits) {
    const current = weights.get(hit.sector);
    const weight = (current?.weight ?? 0) + hit.weight;
    weights.set(hit.sector, {
      weight,
      strongest: Math.max(current?.strongest ?? 0, hit.weight),
      first: current?.first ?? hit,
    });
  }
  const evidence: SectorFact[] = [];
  for (const [sector, { weight, strongest, first }] of weights) {
    if (strongest >= 2 || weight >= WEAK_WORDS_THRESHOLD) {
      evidence.push({ sector, span: [first.start, first.end], confidence: Math.min(0.95, 0.5 + weight / 20) });
    }
  }
  for (const commitment of commitments) {
    if (!evidence.some((e) => e.sector === commitment.sector))
      evidence.push({ sector: commitment.sector, span: commitment.span, confidence: 0.6 });
  }
  evidence.sort((a, b) => a.span[0] - b.span[0]);
  return { sectors: evidence.map((e) => e.sector), sector_evidence: evidence };
}
