import { z } from "zod";
import { SECTOR_CODES } from "../sectors.ts";
import { fieldError, idSchema, localizedTextOut, shortTextIn, versionSchema, withoutNul } from "./common.ts";

const sectorIn = z.enum(SECTOR_CODES, fieldError(`must be one of: ${SECTOR_CODES.join(", ")}`));
const yearIn = z
  .number(fieldError("must be a year between 1990 and 2100"))
  .int("must be a whole year")
  .min(1990, "must be a year between 1990 and 2100")
  .max(2100, "must be a year between 1990 and 2100");
export const PROGRAMME_KINDS = ["programme", "roadmap"] as const;

export const measureSchema = z.object({
  id: idSchema,
  code: z.string().nullable(),
  title: localizedTextOut,
  sector: z.string().nullable(),
  dueYear: z.number().int().nullable(),
  weight: z.number().nullable(),
  commitmentCount: z.number().int(),
  progress: z.number().nullable(),
  version: z.number().int(),
});

export const programmeDetailSchema = z
  .object({
    id: idSchema,
    commissionId: idSchema,
    kind: z.enum(PROGRAMME_KINDS),
    sector: z.string().nullable(),
    title: localizedTextOut,
    startYear: z.number().int(),
    endYear: z.number().int(),
    version: z.number().int(),
    commitmentCount: z.number().int(),
    /** Roll-up of the commitments that implement it (directly or through a measure); null when there are none. */
    progress: z.number().nullable(),
    measures: z.array(measureSchema),
  })
  .meta({ id: "Programme" });
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;

export const createProgrammeSchema = z
  .strictObject({
    kind: z.enum(PROGRAMME_KINDS, fieldError("must be programme or roadmap")),
    sector: sectorIn.nullable().optional(),
    title: shortTextIn,
    startYear: yearIn,
    endYear: yearIn,
  })
  .refine((v) => v.endYear >= v.startYear, { message: "must not be before startYear", path: ["endYear"] })
  .meta({ id: "CreateProgramme" });
export type CreateProgrammeInput = z.infer<typeof createProgrammeSchema>;

export const updateProgrammeSchema = z
  .strictObject({
    version: versionSchema,
    sector: sectorIn.nullable().optional(),
    title: shortTextIn.optional(),
    startYear: yearIn.optional(),
    endYear: yearIn.optional(),
  })
  .meta({ id: "UpdateProgramme" });
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeSchema>;

export const createMeasureSchema = z
  .strictObject({
    code: withoutNul(z.string().trim().min(1).max(20, "must be at most 20 characters")).nullable().optional(),
    title: shortTextIn,
    sector: sectorIn.nullable().optional(),
    dueYear: yearIn.nullable().optional(),
    weight: z
      .number(fieldError("must be a positive number"))
      .positive("must be a positive number")
      .nullable()
      .optional(),
  })
  .meta({ id: "CreateMeasure" });
export type CreateMeasureInput = z.infer<typeof createMeasureSchema>;
