import { readCoChairs, withSignatories } from "./rules/co-chairs.ts";
import {
  chooseCommission,
  countriesByFrequency,
  fallbackCountries,
  findCommissionMentions,
} from "./rules/commission.ts";
import {
  headingContextByLine,
  headlineLines,
  proseCommitments,
  protocolCommitments,
} from "./rules/commitment-facts.ts";
import { findDates, findPublicationDate, resolveDay } from "./rules/dates.ts";
import type { DocumentContext } from "./rules/document-context.ts";
import { documentSectors } from "./rules/document-sectors.ts";
import { findFigures } from "./rules/figures.ts";
import { detectLanguage } from "./rules/language.ts";
import { readNextSession } from "./rules/next-session.ts";
import { findOrganizations, mergeOrganizations } from "./rules/organizations.ts";
import { findProgrammes } from "./rules/programmes.ts";
import { readProtocol } from "./rules/protocol.ts";
import { contextFrom } from "./rules/sectors.ts";
import { readSession } from "./rules/session.ts";
import { findSessionMentions } from "./rules/session-mentions.ts";
import { findSignedDocuments, signedProtocol, withoutReadingFlags } from "./rules/signed-documents.ts";
import { findSiteVisits } from "./rules/site-visits.ts";
import { normalizeText } from "./text/normalize.ts";
import { type Sentence, segmentText } from "./text/segment.ts";
import type { DraftLanguage, ExtractionDraft, ExtractionWarning, SessionFact } from "./types.ts";

/**
 * Reads a press release or a protocol into an `igc-extraction/1` draft. Pure and synchronous; spans point into
 * `normalizeText(text)` (the text itself when it is already normalised, as `extractDocument` passes it).
 */
export function extractFromText(input: string): ExtractionDraft {
  const text = normalizeText(input);
  const guess = detectLanguage(text);
  if (guess.language === "az") {
    return emptyDraft("az", [
      ...guess.warnings,
      {
        code: "language_not_supported",
        message: "The text is in Azerbaijani (Latin script), which the extractor does not read yet.",
      },
    ]);
  }
  const { lines, sentences } = segmentText(text);
  const publication = findPublicationDate(lines);
  const published = publication ? resolveDay(publication, null) : null;
  const context: DocumentContext = { text, lines, sentences, language: guess.language, published };
  const protocol = readProtocol(context);
  const prose = protocol ? sentences.filter((s) => !protocol.labelLines.has(s.lineIndex)) : sentences;

  const sessionMentions = findSessionMentions(sentences);
  const session = readSession(context, sessionMentions, protocol?.placeLine ?? null);
  const commissionMentions = findCommissionMentions(context);
  const byFrequency = countriesByFrequency(text);
  const preliminary = chooseCommission(commissionMentions, fallbackCountries(byFrequency, session.sentence, []));
  const coChairs = withSignatories(readCoChairs(context, preliminary.countries), protocol?.signatures ?? []);
  const chairCountries = coChairs.map((c) => c.country);
  const commission = chooseCommission(
    commissionMentions,
    fallbackCountries(byFrequency, session.sentence, chairCountries),
  );

  const organizations = mergeOrganizations([
    ...prose.flatMap((s) => findOrganizations(s)),
    ...(protocol?.items.flatMap((item) =>
      item.responsible.map((r) => ({ name: r.name, full_name: null, span: r.span, confidence: 0.9 })),
    ) ?? []),
  ]);
  const signed = prose.flatMap((s) => findSignedDocuments(s, organizations, published, session.fact.date));
  const warnings = [...guess.warnings];
  if (session.fact.number === null && commissionMentions.length === 0) {
    warnings.push({
      code: "no_session_found",
      message: "No commission session is named in the text; the draft may be empty.",
    });
  }

  const headingContexts = headingContextByLine(context);
  const commitments = protocol
    ? protocolCommitments(protocol, sessionMentions, organizations)
    : proseCommitments(context, prose, sessionMentions, signed, organizations);

  return {
    format: "igc-extraction/1",
    language: guess.language,
    published,
    commission: commission.mention
      ? {
          countries: commission.countries,
          name: commission.mention.name,
          span: commission.mention.span,
          confidence: commission.confidence,
        }
      : commission.countries.length > 0
        ? { countries: commission.countries, name: null, span: [0, 0], confidence: commission.confidence }
        : null,
    session: hasSession(session.fact) ? session.fact : null,
    co_chairs: coChairs,
    ...documentSectors(context, protocol, commissionMentions, commitments),
    commitments,
    organizations,
    programmes: prose.flatMap((s) =>
      findProgrammes(s, () => [...contextFrom(s.text), ...(headingContexts.get(s.lineIndex) ?? [])]),
    ),
    figures: withoutHeadlines(prose).flatMap((s) =>
      findFigures(s, findDates(s.text, s.start), yearOf(published ?? session.fact.date)),
    ),
    documents_signed: [...signed.map(withoutReadingFlags), ...signedProtocol(protocol, session.fact.date)],
    next_session: readNextSession(context, sessionMentions, session.fact.number),
    site_visits: sentences.flatMap((s) => findSiteVisits(s, published ?? session.fact.date, session.fact.date)),
    warnings,
  };
}

function emptyDraft(language: DraftLanguage, warnings: ExtractionWarning[]): ExtractionDraft {
  return {
    format: "igc-extraction/1",
    language,
    published: null,
    commission: null,
    session: null,
    co_chairs: [],
    sectors: [],
    sector_evidence: [],
    commitments: [],
    organizations: [],
    programmes: [],
    figures: [],
    documents_signed: [],
    next_session: null,
    site_visits: [],
    warnings,
  };
}

const yearOf = (isoDay: string | null): number | null => (isoDay ? Number(isoDay.slice(0, 4)) : null);

function withoutHeadlines(sentences: readonly Sentence[]): Sentence[] {
  const headlines = headlineLines(sentences);
  return sentences.filter((s) => !headlines.has(s.lineIndex));
}

function hasSession(fact: SessionFact): boolean {
  return fact.number !== null || fact.date !== null || fact.city !== null || fact.host_country !== null;
}
