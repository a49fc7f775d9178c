import type { SectorCode } from "../../shared/sectors.ts";
import type { Sentence, TextPiece } from "../text/segment.ts";
import type { CommitmentFact, OrganizationFact, Span } from "../types.ts";
import {
  isListItem,
  opensList,
  readListItemCommitments,
  readSentenceCommitments,
  sectorOfAction,
} from "./commitments.ts";
import type { DocumentContext } from "./document-context.ts";
import { mentionsUnnumberedNextSession } from "./next-session.ts";
import type { ProtocolStructure } from "./protocol.ts";
import { contextFrom, type SectorContext } from "./sectors.ts";
import type { SessionMention } from "./session-mentions.ts";
import type { SignedDocumentReading } from "./signed-documents.ts";
import { isVisitSentence } from "./site-visits.ts";

function organizationsIn(span: Span, organizations: readonly OrganizationFact[]): string[] {
  return organizations.filter((o) => o.span[0] >= span[0] && o.span[1] <= span[1]).map((o) => o.name);
}

/** One commitment per action of each numbered item, with the item's responsible bodies and deadline. */
export function protocolCommitments(
  protocol: ProtocolStructure,
  mentions: readonly SessionMention[],
  organizations: readonly OrganizationFact[],
): CommitmentFact[] {
  // "Седьмое заседание Комиссии провести в …" is the next session, not an action to follow up.
  const nextSessionAt = mentions.filter((m) => m.role === "next").map((m) => m.start);
  return protocol.items.flatMap((item) =>
    item.actions
      .filter((action) => !nextSessionAt.some((at) => at >= action.start && at < action.end))
      .map((action) => ({
        item: item.number,
        sector: sectorOfAction(action, item.context),
        text: action.text,
        organizations: organizationsIn([action.start, action.end], organizations),
        responsible: item.responsible.map((r) => r.name),
        deadline: item.deadline,
        span: [action.start, action.end] as Span,
        confidence: 0.85,
      })),
  );
}

/** The agreed actions of a press release: listed after a cue, in dashed lists, and the documents signed. */
export function proseCommitments(
  context: DocumentContext,
  sentences: readonly Sentence[],
  mentions: readonly SessionMention[],
  signed: readonly SignedDocumentReading[],
  organizations: readonly OrganizationFact[],
): CommitmentFact[] {
  const nextSessionSentences = new Set(mentions.filter((m) => m.role === "next").map((m) => m.sentence));
  const headlines = headlineLines(sentences);
  const headings = headingContextByLine(context);
  const commitments: CommitmentFact[] = [];
  const seen = new Set<string>();
  const add = (piece: TextPiece, sector: SectorCode, confidence: number) => {
    const span: Span = [piece.start, piece.end];
    if (seen.has(span.join(":"))) return;
    seen.add(span.join(":"));
    const organizationNames = organizationsIn(span, organizations);
    commitments.push({
      item: null,
      sector,
      text: piece.text,
      organizations: organizationNames,
      responsible: [],
      deadline: null,
      span,
      confidence,
    });
  };
  let announcing: Sentence | null = null;
  for (const sentence of sentences) {
    const heading = headings.get(sentence.lineIndex) ?? [];
    if (announcing && isListItem(sentence)) {
      for (const reading of readListItemCommitments(sentence, announcing, heading))
        add(reading.piece, reading.sector, reading.confidence);
      continue;
    }
    announcing = opensList(sentence) ? sentence : null;
    const skipped =
      nextSessionSentences.has(sentence) ||
      mentionsUnnumberedNextSession(sentence.text) ||
      isVisitSentence(sentence) ||
      headlines.has(sentence.lineIndex);
    if (skipped) continue;
    // A document signed at the session (an agreement, a memorandum) is itself an agreed action.
    const documents = signed.filter(
      (d) => !d.isSessionProtocol && d.span[0] >= sentence.start && d.span[1] <= sentence.end,
    );
    for (const document of documents) {
      const piece =
        document.text === sentence.text
          ? sentence
          : { text: document.text, start: document.span[0], end: document.span[1] };
      add(piece, sectorOfAction(piece, []), 0.75);
    }
    if (documents.length > 0) continue;
    for (const reading of readSentenceCommitments(sentence, heading))
      add(reading.piece, reading.sector, reading.confidence);
  }
  return commitments;
}

/**
 * A headline repeats what the text below reports ("… намерены довести товарооборот до 10 млрд долларов"): its
 * lines have no full stop and come before the first line that has one.
 */
export function headlineLines(sentences: readonly Sentence[]): Set<number> {
  const lines = new Set<number>();
  for (const sentence of sentences) {
    if (/[.!?…:;]["»”]?$/u.test(sentence.text)) break;
    lines.add(sentence.lineIndex);
  }
  return lines;
}

/** The sectors that a heading names for the lines under it ("Energy and transport", "Economy: …"). */
export function headingContextByLine(context: DocumentContext): Map<number, SectorContext[]> {
  const byLine = new Map<number, SectorContext[]>();
  let current: SectorContext[] = [];
  for (const line of context.lines) {
    const text = line.text.trim();
    if (text === "") continue;
    const inlineHeading = /^([^.:!?]{3,60}):\s/u.exec(text)?.[1];
    const isHeading = text.split(/\s+/).length <= 8 && !/[.!?;]$/.test(text);
    if (isHeading) current = contextFrom(text);
    byLine.set(line.index, inlineHeading ? contextFrom(inlineHeading) : current);
  }
  return byLine;
}
