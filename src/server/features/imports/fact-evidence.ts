import type { Evidence, ExtractionDraft } from "../../../extract/types.ts";
import type { FactEvidence } from "../../../shared/api/imports.ts";

const LISTED_FACTS = [
  "co_chairs",
  "commitments",
  "organizations",
  "programmes",
  "figures",
  "documents_signed",
  "site_visits",
] as const;

const located = (evidence: Evidence) => evidence.span[1] > evidence.span[0];

/**
 * Every span of the draft with the field it supports (`commitments.3`, `session.date`), so that the review page
 * can highlight a fact in the source and the source's highlight can point at its field.
 */
export function factEvidence(draft: ExtractionDraft): FactEvidence[] {
  const facts: [string, Evidence][] = [
    ...(draft.commission ? [["commission", draft.commission] as [string, Evidence]] : []),
    ...Object.entries(draft.session?.evidence ?? {}).map(([field, e]): [string, Evidence] => [`session.${field}`, e]),
    ...draft.sector_evidence.map((e): [string, Evidence] => [`sectors.${draft.sectors.indexOf(e.sector)}`, e]),
    ...LISTED_FACTS.flatMap((key) => draft[key].map((e, i): [string, Evidence] => [`${key}.${i}`, e])),
    ...(draft.next_session ? [["next_session", draft.next_session.evidence] as [string, Evidence]] : []),
  ];
  return facts
    .filter(([, evidence]) => located(evidence))
    .map(([fact, evidence]) => ({ fact, span: evidence.span, confidence: evidence.confidence }));
}
