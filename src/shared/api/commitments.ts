import { z } from "zod";
import { COMMITMENT_STATUSES, deadlineSchema } from "../deadline.ts";
import { SECTOR_CODES } from "../sectors.ts";
import {
  countryCodeSchema,
  cursorSchema,
  fieldError,
  idSchema,
  isoDaySchema,
  limitSchema,
  localizedTextOut,
  longTextIn,
  pageOf,
  versionSchema,
} from "./common.ts";

export const sectorSchema = z.enum(SECTOR_CODES, fieldError(`must be one of: ${SECTOR_CODES.join(", ")}`));
export const statusSchema = z.enum(
  COMMITMENT_STATUSES,
  fieldError(`must be one of: ${COMMITMENT_STATUSES.join(", ")}`),
);
export const progressSchema = z
  .number(fieldError("must be a number from 0 to 100"))
  .int("must be a whole number")
  .min(0, "must be at least 0")
  .max(100, "must be at most 100");
const itemNumberSchema = z.string().trim().min(1).max(20, "must be at most 20 characters");

export const responsibleSchema = z.object({
  organizationId: idSchema,
  name: localizedTextOut,
  side: countryCodeSchema,
  lead: z.boolean(),
});

export const commitmentSchema = z
  .object({
    id: idSchema,
    commissionId: idSchema,
    sessionId: idSchema,
    sessionNumber: z.number().int(),
    itemNumber: z.string().nullable(),
    position: z.number().int(),
    sector: sectorSchema,
    text: localizedTextOut,
    deadline: z.string().nullable(),
    dueDate: isoDaySchema.nullable(),
    status: statusSchema,
    progress: z.number().int(),
    overdue: z.boolean(),
    droppedReason: z.string().nullable(),
    responsible: z.array(responsibleSchema),
    programmeId: idSchema.nullable(),
    measureId: idSchema.nullable(),
    projectId: idSchema.nullable(),
    jointBodyId: idSchema.nullable(),
    carriedOverFromId: idSchema.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Commitment" });
export type Commitment = z.infer<typeof commitmentSchema>;

export const COMMITMENT_SORTS = ["protocol", "deadline", "updated"] as const;
const booleanQuery = z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true");

export const commitmentListQuerySchema = z.strictObject({
  commissionId: idSchema.optional(),
  sessionId: idSchema.optional(),
  sector: sectorSchema.optional(),
  status: statusSchema.optional(),
  organizationId: idSchema.optional(),
  side: countryCodeSchema.optional(),
  overdue: booleanQuery.optional(),
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
  sort: z.enum(COMMITMENT_SORTS, { message: `must be one of: ${COMMITMENT_SORTS.join(", ")}` }).default("protocol"),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type CommitmentListQuery = z.infer<typeof commitmentListQuerySchema>;
export const commitmentPageSchema = pageOf(commitmentSchema);
export type CommitmentPage = z.infer<typeof commitmentPageSchema>;

const responsibleInSchema = z.strictObject({
  organizationId: idSchema,
  side: countryCodeSchema,
  lead: z.boolean().default(false),
});

/** What a commitment implements or concerns: a programme or one of its measures, a joint project, a joint body. */
const links = {
  programmeId: idSchema.nullable().optional(),
  measureId: idSchema.nullable().optional(),
  projectId: idSchema.nullable().optional(),
  jointBodyId: idSchema.nullable().optional(),
};

export const createCommitmentSchema = z
  .strictObject({
    sessionId: idSchema,
    sector: sectorSchema,
    text: longTextIn,
    itemNumber: itemNumberSchema.optional(),
    deadline: deadlineSchema.optional(),
    responsible: z.array(responsibleInSchema).max(50).default([]),
    ...links,
    carriedOverFromId: idSchema.nullable().optional(),
  })
  .meta({ id: "CreateCommitment" });
export type CreateCommitmentInput = z.infer<typeof createCommitmentSchema>;

export const updateCommitmentSchema = z
  .strictObject({
    version: versionSchema,
    sector: sectorSchema.optional(),
    text: longTextIn.optional(),
    itemNumber: itemNumberSchema.nullable().optional(),
    deadline: deadlineSchema.optional(),
    responsible: z.array(responsibleInSchema).max(50).optional(),
    ...links,
  })
  .meta({ id: "UpdateCommitment" });
export type UpdateCommitmentInput = z.infer<typeof updateCommitmentSchema>;

export const statusUpdateSchema = z
  .object({
    id: idSchema,
    commitmentId: idSchema,
    side: countryCodeSchema.nullable(),
    authorName: z.string(),
    status: statusSchema,
    progress: z.number().int(),
    previousStatus: statusSchema,
    previousProgress: z.number().int(),
    text: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "StatusUpdate" });
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

export const createStatusUpdateSchema = z
  .strictObject({
    text: z.string().trim().min(1, "must not be empty").max(20_000, "must be at most 20000 characters"),
    status: statusSchema.optional(),
    progress: progressSchema.optional(),
    side: countryCodeSchema.nullable().optional(),
    authorName: z.string().trim().min(1).max(200, "must be at most 200 characters").optional(),
    /** When given, the update applies only if the commitment is still at this version (else 409). */
    version: versionSchema.optional(),
  })
  .meta({ id: "CreateStatusUpdate" });
export type CreateStatusUpdateInput = z.infer<typeof createStatusUpdateSchema>;

export const statusUpdateListSchema = z.object({ items: z.array(statusUpdateSchema) });
export const statusUpdateResultSchema = z.object({ update: statusUpdateSchema, commitment: commitmentSchema });
export type StatusUpdateResult = z.infer<typeof statusUpdateResultSchema>;
