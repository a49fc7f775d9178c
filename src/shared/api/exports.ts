import { z } from "zod";
import { LANGUAGES } from "../i18n-text.ts";
import { commitmentListQuerySchema } from "./commitments.ts";
import { fieldError, idSchema, withoutNul } from "./common.ts";

/** Contracts of the documents IGC Desk produces: protocol, report, press release, calendars and spreadsheets. */

export const languageSchema = z.enum(LANGUAGES, fieldError(`must be one of: ${LANGUAGES.join(", ")}`));
const booleanQuery = z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true");

export const protocolQuerySchema = z
  .strictObject({ lang: languageSchema.default("ru"), lang2: languageSchema.optional() })
  .refine((q) => q.lang2 === undefined || q.lang2 !== q.lang, {
    message: "must differ from lang",
    path: ["lang2"],
  });
export type ProtocolQuery = z.infer<typeof protocolQuerySchema>;

export const reportQuerySchema = z.strictObject({
  lang: languageSchema.default("ru"),
  /** The session reported on; the previous session of the same commission by default. */
  of: idSchema.optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const PRESS_RELEASE_LANGUAGES = ["ru", "en"] as const;
export type PressReleaseLanguage = (typeof PRESS_RELEASE_LANGUAGES)[number];
const pressReleaseLanguageSchema = z.enum(PRESS_RELEASE_LANGUAGES, fieldError("must be ru or en"));
export const pressReleaseQuerySchema = z.strictObject({ lang: pressReleaseLanguageSchema.default("ru") });

export const pressReleaseSchema = z
  .object({ title: z.string(), text: z.string().describe("Paragraphs separated by a blank line") })
  .meta({ id: "PressRelease" });
export type PressRelease = z.infer<typeof pressReleaseSchema>;

export const pressReleaseInSchema = z
  .strictObject({
    title: withoutNul(
      z
        .string(fieldError("must be text"))
        .trim()
        .min(1, "must not be empty")
        .max(500, "must be at most 500 characters"),
    ),
    text: withoutNul(
      z
        .string(fieldError("must be text"))
        .trim()
        .min(1, "must not be empty")
        .max(50_000, "must be at most 50000 characters"),
    ),
    lang: pressReleaseLanguageSchema.default("ru"),
  })
  .meta({ id: "PressReleaseInput" });
export type PressReleaseInput = z.infer<typeof pressReleaseInSchema>;

export const calendarQuerySchema = z.strictObject({ lang: languageSchema.default("en") });

export const createCalendarFeedSchema = z
  .strictObject({ lang: languageSchema.default("en") })
  .meta({ id: "CreateCalendarFeed" });

export const calendarFeedSchema = z
  .object({
    id: idSchema,
    /** Secret: whoever has it can read the feed. It is shown once and stored only as a hash. */
    url: z.string(),
    commissionId: idSchema.nullable(),
    organizationId: idSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "CalendarFeed" });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const calendarFeedSummarySchema = calendarFeedSchema
  .omit({ url: true })
  .extend({ revokedAt: z.string().nullable() });
export const calendarFeedListSchema = z.object({ items: z.array(calendarFeedSummarySchema) });
export type CalendarFeedList = z.infer<typeof calendarFeedListSchema>;

/** The commitment list's filters (the whole list, every page) and the language of names and labels. */
export const commitmentExportQuerySchema = commitmentListQuerySchema
  .omit({ limit: true, cursor: true })
  .extend({ lang: languageSchema.default("en") });
export type CommitmentExportQuery = z.infer<typeof commitmentExportQuerySchema>;

export const commitmentImportQuerySchema = z.strictObject({
  dryRun: booleanQuery.default(false),
  /** The language the errors name the file's columns in. */
  lang: languageSchema.default("en"),
});

export const MAX_IMPORT_FILE_BYTES = 900 * 1024;
export const commitmentImportUploadSchema = z.strictObject({
  file: z.file(fieldError("must be a file")).meta({
    type: "string",
    format: "binary",
    description: "An XLSX or CSV file with the columns of the commitment export (at most 900 KB)",
  }),
});

export const importIssueSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const IMPORT_ACTIONS = ["create", "update", "unchanged"] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.array(
      z.object({
        row: z.number().int(),
        /** Null for a row that creates a commitment (until it is written). */
        id: idSchema.nullable(),
        action: z.enum(IMPORT_ACTIONS),
        /** The columns whose values differ from what is stored. */
        changes: z.array(z.string()),
      }),
    ),
    summary: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  })
  .meta({ id: "CommitmentImportResult" });
export type ImportResult = z.infer<typeof importResultSchema>;
