import { z } from "zod";
import { COMMITMENT_STATUSES, deadlineSchema } from "../deadline.ts";
import { SECTOR_CODES } from "../sectors.ts";
import {
  countryCodeSchema,
  cursorSchema,
  fieldError,
  idSchema,
  isoDaySchema,
  jsonTextField,
  limitSchema,
  localizedTextOut,
  longTextIn,
  pageOf,
  searchTextSchema,
  versionSchema,
  withoutNul,
} from "./common.ts";
import { emailSchema, personNameIn } from "./focal-points.ts";

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
const itemNumberSchema = withoutNul(z.string().trim().min(1).max(20, "must be at most 20 characters"));

export const responsibleSchema = z.object({
  organizationId: idSchema,
  name: localizedTextOut,
  side: countryCodeSchema,
  lead: z.boolean(),
});

/** What a side last reported; a side that has not reported shows as not started, with no date. */
export const sideStateSchema = z.object({
  side: countryCodeSchema,
  status: statusSchema,
  progress: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type SideState = z.infer<typeof sideStateSchema>;

export const assignedFocalPointSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  organizationId: idSchema,
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
    leadSide: countryCodeSchema.nullable(),
    weight: z.number().nullable(),
    /** A side has reported since the secretariat last confirmed the overall status. */
    awaitingConfirmation: z.boolean(),
    confirmedAt: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    sides: z.array(sideStateSchema),
    focalPoints: z.array(assignedFocalPointSchema),
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
  awaitingConfirmation: booleanQuery.optional(),
  focalPointId: idSchema.optional(),
  measureId: idSchema.optional(),
  programmeId: idSchema.optional(),
  /** Open items only (not started or in progress), whatever `status` says otherwise. */
  open: booleanQuery.optional(),
  /** Due on or after / on or before this day (ISO), e.g. the next 30 days from today. */
  dueFrom: isoDaySchema.optional(),
  dueTo: isoDaySchema.optional(),
  progressBelow: z.coerce.number({ message: "must be a number from 1 to 100" }).int().min(1).max(100).optional(),
  q: searchTextSchema,
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

/** Who follows the commitment up: focal points inside the responsible organisations, a lead side, a weight. */
const assignment = {
  focalPointIds: z
    .array(idSchema, fieldError("must be a list of focal point ids"))
    .max(50, "at most 50 focal points")
    .refine((ids) => new Set(ids).size === ids.length, "must not list a focal point twice")
    .optional(),
  leadSide: countryCodeSchema.nullable().optional(),
  weight: z
    .number(fieldError("must be a number greater than 0"))
    .positive("must be greater than 0")
    .nullable()
    .optional(),
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
    ...assignment,
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
    ...assignment,
  })
  .meta({ id: "UpdateCommitment" });
export type UpdateCommitmentInput = z.infer<typeof updateCommitmentSchema>;

/** A side's report, the secretariat's own update, or its confirmation of the sides' reports (joint sign-off). */
export const STATUS_UPDATE_KINDS = ["update", "side_report", "confirmation"] as const;
export type StatusUpdateKind = (typeof STATUS_UPDATE_KINDS)[number];

export const MAX_EVIDENCE_FILES = 5;
export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024;

export const evidenceFileSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

export const statusUpdateSchema = z
  .object({
    id: idSchema,
    commitmentId: idSchema,
    kind: z.enum(STATUS_UPDATE_KINDS),
    /** The reporting side of a side report; null for the secretariat's own update and its confirmation. */
    side: countryCodeSchema.nullable(),
    authorName: z.string(),
    status: statusSchema,
    progress: z.number().int(),
    previousStatus: statusSchema,
    previousProgress: z.number().int(),
    text: z.string(),
    files: z.array(evidenceFileSchema),
    createdAt: z.string(),
  })
  .meta({ id: "StatusUpdate" });
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

const updateTextSchema = withoutNul(
  z
    .string(fieldError("must be text"))
    .trim()
    .min(1, "must not be empty")
    .max(20_000, "must be at most 20000 characters"),
);

/**
 * With `side`, that side's own report: it changes the side's status and asks the secretariat to confirm, leaving
 * the overall status as it is. Without `side`, the secretariat's own update of the overall status.
 */
export const createStatusUpdateSchema = z
  .strictObject({
    text: updateTextSchema,
    status: statusSchema.optional(),
    progress: progressSchema.optional(),
    side: countryCodeSchema.nullable().optional(),
    authorName: personNameIn.optional(),
    /** When given, the update applies only if the commitment is still at this version (else 409). */
    version: versionSchema.optional(),
  })
  .meta({ id: "CreateStatusUpdate" });
export type CreateStatusUpdateInput = z.infer<typeof createStatusUpdateSchema>;

/** One `files` part arrives as a file, several as a list: both become a list. */
const evidenceFilesField = z.preprocess(
  (value) => (value === undefined || Array.isArray(value) ? value : [value]),
  z
    .array(z.file(fieldError("must be a file")), fieldError("must be files"))
    .max(MAX_EVIDENCE_FILES, `at most ${MAX_EVIDENCE_FILES} files`)
    .default([]),
);

export const statusUpdateUploadSchema = z.strictObject({
  metadata: jsonTextField(createStatusUpdateSchema).meta({
    type: "string",
    description: "CreateStatusUpdate as JSON text: text and optionally status, progress, side, authorName, version",
  }),
  files: evidenceFilesField.meta({
    type: "array",
    items: { type: "string", format: "binary" },
    maxItems: MAX_EVIDENCE_FILES,
    description: "Evidence, each at most 10 MB: PDF, DOCX, XLSX, PNG, JPEG or plain text",
  }),
});

export const statusUpdateListSchema = z.object({ items: z.array(statusUpdateSchema) });
export const statusUpdateResultSchema = z.object({ update: statusUpdateSchema, commitment: commitmentSchema });
export type StatusUpdateResult = z.infer<typeof statusUpdateResultSchema>;

/**
 * Joint sign-off: the overall status becomes what the sides' reports propose, or what is given here instead.
 * `version` must be the one read (else 409).
 */
export const confirmCommitmentSchema = z
  .strictObject({
    version: versionSchema,
    status: statusSchema.optional(),
    progress: progressSchema.optional(),
    text: updateTextSchema.optional(),
  })
  .meta({ id: "ConfirmCommitment" });
export type ConfirmCommitmentInput = z.infer<typeof confirmCommitmentSchema>;

export const commentSchema = z
  .object({ id: idSchema, commitmentId: idSchema, authorName: z.string(), text: z.string(), createdAt: z.string() })
  .meta({ id: "CommitmentComment" });
export type Comment = z.infer<typeof commentSchema>;
export const commentListSchema = z.object({ items: z.array(commentSchema) });

export const createCommentSchema = z
  .strictObject({
    text: withoutNul(
      z
        .string(fieldError("must be text"))
        .trim()
        .min(1, "must not be empty")
        .max(5000, "must be at most 5000 characters"),
    ),
    authorName: personNameIn.optional(),
  })
  .meta({ id: "CreateCommitmentComment" });
export type CreateCommentInput = z.infer<typeof createCommentSchema>;

/** Someone told of every change of the commitment's status or progress. */
export const watcherSchema = z.object({ email: z.string(), name: z.string().nullable() }).meta({ id: "Watcher" });
export type Watcher = z.infer<typeof watcherSchema>;
export const watcherListSchema = z.object({ items: z.array(watcherSchema) });
export type WatcherList = z.infer<typeof watcherListSchema>;

export const addWatcherSchema = z
  .strictObject({ email: emailSchema, name: personNameIn.optional() })
  .meta({ id: "AddWatcher" });
export type AddWatcherInput = z.infer<typeof addWatcherSchema>;
export const removeWatcherQuerySchema = z.strictObject({ email: emailSchema });
