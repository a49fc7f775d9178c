import { z } from "zod";
import {
  countryCodeSchema,
  cursorSchema,
  idSchema,
  isoDaySchema,
  limitSchema,
  localizedTextOut,
  pageOf,
  shortTextIn,
  versionSchema,
} from "./common.ts";
import { sessionSummarySchema } from "./sessions.ts";

export const coChairSchema = z.object({
  side: countryCodeSchema,
  personId: idSchema,
  name: localizedTextOut,
  position: localizedTextOut,
  startsOn: isoDaySchema.nullable(),
  endsOn: isoDaySchema.nullable(),
});

export const commissionSummarySchema = z
  .object({
    id: idSchema,
    countries: z.array(countryCodeSchema).length(2),
    name: localizedTextOut,
    shortName: localizedTextOut.nullable(),
    sessionCount: z.number().int(),
    isDemo: z.boolean(),
  })
  .meta({ id: "CommissionSummary" });
export type CommissionSummary = z.infer<typeof commissionSummarySchema>;

export const programmeSchema = z.object({
  id: idSchema,
  kind: z.enum(["programme", "roadmap"]),
  sector: z.string().nullable(),
  title: localizedTextOut,
  startYear: z.number().int(),
  endYear: z.number().int(),
  commitmentCount: z.number().int(),
  progress: z.number().nullable(),
});

export const reportedFigureSchema = z.object({
  id: idSchema,
  sessionId: idSchema.nullable(),
  indicator: z.string(),
  kind: z.enum(["growth_yoy", "value"]),
  comparator: z.enum(["more_than", "less_than", "about", "exactly"]),
  value: z.number(),
  unit: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  source: localizedTextOut.nullable(),
});

export const commissionSideSchema = z.object({
  country: countryCodeSchema,
  secretariat: z.object({ id: idSchema, name: localizedTextOut }).nullable(),
});

export const commissionDetailSchema = commissionSummarySchema
  .extend({
    version: z.number().int(),
    foundedOn: isoDaySchema.nullable(),
    sides: z.array(commissionSideSchema),
    coChairs: z.array(coChairSchema),
    sessions: z.array(sessionSummarySchema),
    programmes: z.array(programmeSchema),
    figures: z.array(reportedFigureSchema),
  })
  .meta({ id: "Commission" });
export type CommissionDetail = z.infer<typeof commissionDetailSchema>;

export const commissionListQuerySchema = z.strictObject({ limit: limitSchema, cursor: cursorSchema });
export const commissionPageSchema = pageOf(commissionSummarySchema);
export type CommissionPage = z.infer<typeof commissionPageSchema>;

const secretariatsIn = z
  .array(z.strictObject({ country: countryCodeSchema, organizationId: idSchema.nullable() }))
  .max(2, "a commission has two sides");

export const createCommissionSchema = z
  .strictObject({
    countries: z
      .array(countryCodeSchema)
      .length(2, "must name the two countries")
      .refine(([a, b]) => a !== b, "must be two different countries"),
    name: shortTextIn,
    shortName: shortTextIn.nullable().optional(),
    foundedOn: isoDaySchema.nullable().optional(),
    secretariats: secretariatsIn.default([]),
  })
  .meta({ id: "CreateCommission" });
export type CreateCommissionInput = z.infer<typeof createCommissionSchema>;

export const updateCommissionSchema = z
  .strictObject({
    version: versionSchema,
    name: shortTextIn.optional(),
    shortName: shortTextIn.nullable().optional(),
    foundedOn: isoDaySchema.nullable().optional(),
    secretariats: secretariatsIn.optional(),
  })
  .meta({ id: "UpdateCommission" });
export type UpdateCommissionInput = z.infer<typeof updateCommissionSchema>;

/** A new co-chair for a side: the person's position (existing, or a title to record) and the start of the term. */
export const appointCoChairSchema = z
  .strictObject({
    side: countryCodeSchema,
    personId: idSchema,
    positionId: idSchema.optional(),
    positionTitle: shortTextIn.optional(),
    startsOn: isoDaySchema.nullable().optional(),
  })
  .refine((v) => (v.positionId === undefined) !== (v.positionTitle === undefined), {
    message: "give either positionId or positionTitle",
    path: ["positionId"],
  })
  .meta({ id: "AppointCoChair" });
export type AppointCoChairInput = z.infer<typeof appointCoChairSchema>;
