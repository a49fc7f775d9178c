import type { Evidence, ExtractionDraft } from "./types.ts";

/** Every fact's evidence in a draft, for highlighting its spans in the source. */
export function evidenceOf(draft: ExtractionDraft): Evidence[] {
  return [
    ...(draft.commission ? [draft.commission] : []),
    ...Object.values(draft.session?.evidence ?? {}),
    ...draft.co_chairs,
    ...draft.sector_evidence,
    ...draft.commitments,
    ...draft.organizations,
    ...draft.programmes,
    ...draft.figures,
    ...draft.documents_signed,
    ...(draft.next_session ? [draft.next_session.evidence] : []),
    ...draft.site_visits,
  ];
}
