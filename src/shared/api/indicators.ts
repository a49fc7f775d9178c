import { z } from "zod";
import { type GrowthResult, monthSpan, monthsOf } from "../growth.ts";
import { countryCodeSchema, fieldError, idSchema, withoutNul } from "./common.ts";

export const INDICATORS = ["trade_turnover", "exports", "imports"] as const;
export const MAX_IMPORT_ROWS = 10_000;

export const indicatorSchema = z.enum(INDICATORS, fieldError(`must be one of: ${INDICATORS.join(", ")}`));
const PERIOD_RULE = "must be a month (2025-03), a quarter (2025-Q1) or a year (2025)";
const periodSchema = z.string(fieldError(PERIOD_RULE)).refine((p) => monthsOf(p) !== null, PERIOD_RULE);
const MONTH_RULE = "must be a month as YYYY-MM";
const monthSchema = z.string(fieldError(MONTH_RULE)).refine((m) => monthSpan(m, m) !== null, MONTH_RULE);

export const observationSchema = z
  .object({
    id: idSchema,
    indicator: z.enum(INDICATORS),
    /** The country whose statistics give this figure: both sides' figures are kept, they often differ. */
    reporter: countryCodeSchema,
    period: z.string(),
    value: z.number(),
    unit: z.string(),
    source: z.string().nullable(),
  })
  .meta({ id: "Observation" });
export type Observation = z.infer<typeof observationSchema>;

export const observationInputSchema = z
  .strictObject({
    indicator: indicatorSchema,
    reporter: countryCodeSchema,
    period: periodSchema,
    value: z.number(fieldError("must be a number of at least 0")).min(0, "must be at least 0"),
    unit: withoutNul(
      z
        .string(fieldError("must be text such as USD thousand"))
        .trim()
        .min(1, "must not be empty")
        .max(40, "must be at most 40 characters"),
    ),
    source: withoutNul(
      z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters"),
    ).optional(),
  })
  .meta({ id: "ObservationInput" });
export type ObservationInput = z.infer<typeof observationInputSchema>;

export const observationListQuerySchema = z.strictObject({
  indicator: indicatorSchema.optional(),
  reporter: countryCodeSchema.optional(),
});
export type ObservationListQuery = z.infer<typeof observationListQuerySchema>;
export const observationListSchema = z.object({ items: z.array(observationSchema) });

export const observationImportSchema = z
  .strictObject({
    csv: z
      .string(fieldError("must be the CSV text"))
      .min(1, "must not be empty")
      .max(8_000_000, "must be at most 8000000 characters"),
  })
  .meta({ id: "ObservationImport" });
export const observationImportQuerySchema = z.strictObject({
  dryRun: z
    .enum(["true", "false"], { message: "must be true or false" })
    .transform((v) => v === "true")
    .default(false),
});

export const importedRowSchema = observationInputSchema.extend({
  line: z.number().int(),
  action: z.enum(["create", "update"]),
});
export type ImportedRow = z.infer<typeof importedRowSchema>;
export const observationImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    created: z.number().int(),
    updated: z.number().int(),
    rows: z.array(importedRowSchema),
  })
  .meta({ id: "ObservationImportResult" });
export type ObservationImportResult = z.infer<typeof observationImportResultSchema>;

/** A problem with one cell (or, with `column` null, one whole line) of an imported CSV; line 1 is the header. */
export type CsvRowIssue = { line: number; column: string | null; message: string };

export const growthQuerySchema = z
  .strictObject({
    indicator: indicatorSchema,
    reporter: countryCodeSchema,
    from: monthSchema,
    to: monthSchema,
  })
  .refine((q) => q.to >= q.from, { message: "must not be before from", path: ["to"] });
export type GrowthQuery = z.infer<typeof growthQuerySchema>;

/** Mirrors `GrowthResult`: figures when growth is a true number, else the reason it cannot be computed. */
export const growthResultSchema = z
  .union([
    z.object({
      ok: z.literal(true),
      current: z.number(),
      base: z.number(),
      growthPercent: z.number(),
      unit: z.string(),
    }),
    z.object({
      ok: z.literal(false),
      reason: z.literal("missing_data"),
      missing: z.array(z.string()),
      message: z.string(),
    }),
    z.object({ ok: z.literal(false), reason: z.literal("zero_base"), message: z.string() }),
    z.object({
      ok: z.literal(false),
      reason: z.literal("unit_mismatch"),
      units: z.array(z.string()),
      message: z.string(),
    }),
    z.object({ ok: z.literal(false), reason: z.literal("invalid_span"), message: z.string() }),
  ])
  .meta({ id: "GrowthResult" }) satisfies z.ZodType<GrowthResult>;
