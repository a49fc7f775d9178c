import { z } from "zod";
import { deadlineSchema } from "../deadline.ts";
import { SECTOR_CODES } from "../sectors.ts";
import { fieldError, idSchema, isoDaySchema, knownCountrySchema, withoutNul } from "./common.ts";

/** The largest document the extractor reads, and the largest source text an accept stores beside its records. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const LANGUAGES = ["ru", "en", "az"] as const;
const sectorIn = z.enum(SECTOR_CODES, fieldError(`must be one of: ${SECTOR_CODES.join(", ")}`));
const yearIn = z.number(fieldError("must be a year such as 2024")).int("must be a whole year").min(1990).max(2100);

function textIn(maxLength: number) {
  return withoutNul(
    z
      .string(fieldError("must be text"))
      .trim()
      .min(1, "must not be empty")
      .max(maxLength, `must be at most ${maxLength} characters`),
  );
}
const nameIn = textIn(500);
const optionalText = (maxLength: number) => textIn(maxLength).nullable().optional();
const optionalDay = isoDaySchema.nullable().optional();
const optionalCountry = knownCountrySchema.nullable().optional();
function listOf<T extends z.ZodType>(item: T, max: number) {
  return z.array(item, fieldError("must be a list")).max(max, `at most ${max} items`).default([]);
}

/*
 * The facts of an `igc-extraction/1` draft as a reviewer hands them back. Objects are not strict: the extractor's
 * evidence (`span`, `confidence`, `name_as_written` …) rides along and is ignored. Every fact except the format and
 * the language is optional; a fact that is there must make sense, and a 400 names the field that does not.
 */
const commissionFact = z.object({
  countries: z
    .array(knownCountrySchema, fieldError("must be the two countries"))
    .length(2, "must name the two countries")
    .refine(([a, b]) => a !== b, "must be two different countries"),
  name: optionalText(500),
});

const sessionFact = z.object({
  number: z.number(fieldError("must be a whole number")).int("must be a whole number").min(1).max(1000).nullable(),
  date: optionalDay,
  city: optionalText(200),
  host_country: optionalCountry,
});

const coChairFact = z.object({ name: textIn(200), country: optionalCountry, position: optionalText(500) });

const commitmentFact = z.object({
  item: optionalText(20),
  sector: sectorIn,
  text: textIn(20_000),
  organizations: listOf(nameIn, 50),
  responsible: listOf(nameIn, 50),
  deadline: deadlineSchema.optional(),
});

const organizationFact = z.object({
  name: nameIn,
  full_name: optionalText(500),
  /** Not in the extractor's output: a reviewer may state the country the name does not tell. */
  country: optionalCountry,
});

const programmeFact = z
  .object({ name: nameIn, start_year: yearIn, end_year: yearIn, sector: sectorIn.nullable().optional() })
  .refine((p) => p.end_year >= p.start_year, { message: "must not be before start_year", path: ["end_year"] });

const figureFact = z.object({
  text: textIn(5000),
  value: z.number(fieldError("must be a number")),
  unit: textIn(100),
  period: optionalText(40),
  indicator: optionalText(200),
});

const signedDocumentFact = z.object({ title: nameIn, signatories: listOf(textIn(200), 20), date: optionalDay });

const nextSessionFact = z.object({
  number: z.number(fieldError("must be a whole number")).int("must be a whole number").min(1).max(1000).nullable(),
  country: optionalCountry,
  city: optionalText(200),
  date: optionalDay,
  via_diplomatic_channels: z.boolean(fieldError("must be true or false")).default(false),
});

const siteVisitFact = z.object({ place: nameIn, date: optionalDay });

export const importDraftSchema = z
  .object({
    format: z.literal("igc-extraction/1", fieldError("must be igc-extraction/1")),
    language: z.enum(LANGUAGES, fieldError(`must be one of: ${LANGUAGES.join(", ")}`)),
    commission: commissionFact.nullable().optional(),
    session: sessionFact.nullable().optional(),
    co_chairs: listOf(coChairFact, 10),
    commitments: listOf(commitmentFact, 2000),
    organizations: listOf(organizationFact, 500),
    programmes: listOf(programmeFact, 50),
    figures: listOf(figureFact, 200),
    documents_signed: listOf(signedDocumentFact, 100),
    next_session: nextSessionFact.nullable().optional(),
    site_visits: listOf(siteVisitFact, 100),
  })
  .meta({ id: "ImportDraft", description: "A draft in format igc-extraction/1 (see the extraction guide)" });
export type ImportDraft = z.infer<typeof importDraftSchema>;

const utf8 = new TextEncoder();
const sourceText = z
  .string(fieldError("must be the document's text"))
  .min(1, "must not be empty")
  .refine((text) => utf8.encode(text).byteLength <= MAX_IMPORT_BYTES, `must be at most ${MAX_IMPORT_BYTES} bytes`);

export const acceptImportSchema = z
  .strictObject({
    draft: importDraftSchema,
    /** The document the draft was read from; stored as a text file with the protocol or press release. */
    source: z.strictObject({ fileName: textIn(255), text: sourceText }).optional(),
    /** The commission to attach to; without it the commission is found by its two countries, or created. */
    commissionId: idSchema.optional(),
  })
  .meta({ id: "AcceptImport" });
export type AcceptImportInput = z.infer<typeof acceptImportSchema>;

export const IMPORTED_RECORDS = [
  "commissions",
  "sessions",
  "commitments",
  "organizations",
  "people",
  "coChairs",
  "programmes",
  "documents",
  "events",
  "figures",
] as const;
export type ImportedRecord = (typeof IMPORTED_RECORDS)[number];

const recordCounts = z.object(
  Object.fromEntries(IMPORTED_RECORDS.map((record) => [record, z.number().int()])) as Record<
    ImportedRecord,
    z.ZodNumber
  >,
);
export type RecordCounts = z.infer<typeof recordCounts>;

export function noRecords(): RecordCounts {
  return Object.fromEntries(IMPORTED_RECORDS.map((record) => [record, 0])) as RecordCounts;
}

export const skippedFactSchema = z.object({
  /** Where the fact sits in the draft, e.g. `commitments.4.responsible.1`. */
  fact: z.string(),
  reason: z.string(),
});
export type SkippedFact = z.infer<typeof skippedFactSchema>;

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    commissionId: idSchema,
    sessionId: idSchema.nullable(),
    created: recordCounts,
    matched: recordCounts,
    skipped: z.array(skippedFactSchema),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof importResultSchema>;

export const extractTextSchema = z
  .strictObject({ text: z.string(fieldError("must be the document's text")).optional() })
  .meta({ id: "ExtractText" });

export const extractUploadSchema = z.strictObject({
  file: z
    .file(fieldError("must be a file"))
    .meta({ type: "string", format: "binary", description: "At most 10 MB: .txt, .html, .docx or .pdf" })
    .optional(),
});

export const factEvidenceSchema = z.object({
  /** The draft field the span supports, e.g. `session.date` or `commitments.3`. */
  fact: z.string(),
  span: z.tuple([z.number().int(), z.number().int()]),
  confidence: z.number(),
});
export type FactEvidence = z.infer<typeof factEvidenceSchema>;

export const extractResultSchema = z
  .object({
    draft: importDraftSchema,
    /** The normalised text every span points into. */
    text: z.string(),
    evidence: z.array(factEvidenceSchema),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
    language: z.enum(LANGUAGES),
  })
  .meta({ id: "ExtractionResult" });
export type ExtractResult = z.infer<typeof extractResultSchema>;
