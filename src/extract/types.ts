import type { SectorCode } from "../shared/sectors.ts";

/** Character offsets `[start, end)` into the normalised text that the draft was read from. */
export type Span = [number, number];

/** Where a fact was read and how sure the rule that read it is (0..1). */
export interface Evidence {
  span: Span;
  confidence: number;
}

export type DraftLanguage = "ru" | "en" | "az";

export interface CommissionFact extends Evidence {
  /** ISO 3166-1 alpha-2 codes of the two sides. */
  countries: string[];
  name: string | null;
}

export interface SessionFact {
  number: number | null;
  /** YYYY-MM-DD, or null when the document does not state the day. */
  date: string | null;
  city: string | null;
  host_country: string | null;
  evidence: Partial<Record<"number" | "date" | "city" | "host_country", Evidence>>;
}

export interface CoChairFact extends Evidence {
  /** Nominative case. */
  name: string;
  name_as_written: string;
  country: string | null;
  position: string | null;
}

export interface SectorFact extends Evidence {
  sector: SectorCode;
}

export interface CommitmentFact extends Evidence {
  /** The protocol's item number ("1.4"), null in press releases. */
  item: string | null;
  sector: SectorCode;
  text: string;
  organizations: string[];
  responsible: string[];
  /** YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY, "ongoing", or null. */
  deadline: string | null;
}

export interface OrganizationFact extends Evidence {
  name: string;
  /** The longer official name when the document gives one beside an acronym. */
  full_name: string | null;
}

export interface ProgrammeFact extends Evidence {
  name: string;
  start_year: number;
  end_year: number;
  sector: SectorCode | null;
}

export interface FigureFact extends Evidence {
  text: string;
  value: number;
  unit: string;
  /** "2025", "2025-Q1" or a month range "2025-01/2025-10"; null when the document does not say. */
  period: string | null;
  indicator: string | null;
}

export interface SignedDocumentFact extends Evidence {
  title: string;
  /** The sentence that reports the signing, with the parties. */
  text: string;
  signatories: string[];
  date: string | null;
}

export interface NextSessionFact {
  number: number | null;
  country: string | null;
  city: string | null;
  date: string | null;
  via_diplomatic_channels: boolean;
  evidence: Evidence;
}

export interface SiteVisitFact extends Evidence {
  place: string;
  date: string | null;
}

export type WarningCode =
  | "language_not_supported"
  | "language_uncertain"
  | "mixed_languages"
  | "no_session_found"
  | "reader_message";

export interface ExtractionWarning {
  code: WarningCode;
  message: string;
}

/** The draft in format `igc-extraction/1` plus evidence: every fact carries a span and a confidence. */
export interface ExtractionDraft {
  format: "igc-extraction/1";
  language: DraftLanguage;
  /** The publication date of a press release when it states one. */
  published: string | null;
  commission: CommissionFact | null;
  session: SessionFact | null;
  co_chairs: CoChairFact[];
  sectors: SectorCode[];
  sector_evidence: SectorFact[];
  commitments: CommitmentFact[];
  organizations: OrganizationFact[];
  programmes: ProgrammeFact[];
  figures: FigureFact[];
  documents_signed: SignedDocumentFact[];
  next_session: NextSessionFact | null;
  site_visits: SiteVisitFact[];
  warnings: ExtractionWarning[];
}

export type DocumentFormat = "txt" | "html" | "docx" | "pdf";

export interface ExtractionResult {
  draft: ExtractionDraft;
  /** The normalised text every span points into. */
  text: string;
  source: { format: DocumentFormat; fileName: string | null; mediaType: string | null; byteLength: number };
}

export interface ExtractionInput {
  bytes: Uint8Array;
  fileName?: string;
  mediaType?: string;
}
