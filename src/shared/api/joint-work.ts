import { z } from "zod";
import { SECTOR_CODES } from "../sectors.ts";
import {
  countryCodeSchema,
  fieldError,
  idSchema,
  isoDaySchema,
  localizedTextOut,
  shortTextIn,
  versionSchema,
  withoutNul,
} from "./common.ts";

/** Joint bodies (a development fund, a business council, working groups) and joint projects of a commission. */

export const JOINT_BODY_KINDS = ["fund", "business_council", "working_group", "other"] as const;
export const JOINT_BODY_STATUSES = ["proposed", "active", "inactive"] as const;
export const PROJECT_STATUSES = ["idea", "study", "agreed", "in_progress", "completed", "cancelled"] as const;

const sectorIn = z.enum(SECTOR_CODES, fieldError(`must be one of: ${SECTOR_CODES.join(", ")}`));
const currencyIn = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD");
const amountIn = z.number(fieldError("must be a number")).nonnegative("must not be negative");

export const participantSchema = z.object({
  organization: z.object({ id: idSchema, name: localizedTextOut }),
  side: countryCodeSchema.nullable(),
  role: z.string().nullable(),
});
const participantsIn = z
  .array(
    z.strictObject({
      organizationId: idSchema,
      side: countryCodeSchema.nullable().optional(),
      role: withoutNul(z.string().trim().max(100, "must be at most 100 characters")).nullable().optional(),
    }),
  )
  .max(50, "at most 50 organisations");
export type ParticipantsInput = z.infer<typeof participantsIn>;

const common = {
  id: idSchema,
  commissionId: idSchema,
  name: localizedTextOut,
  sector: z.string().nullable(),
  participants: z.array(participantSchema),
  commitmentCount: z.number().int(),
  version: z.number().int(),
};

export const jointBodySchema = z
  .object({
    ...common,
    kind: z.enum(JOINT_BODY_KINDS),
    status: z.enum(JOINT_BODY_STATUSES),
    establishedOn: isoDaySchema.nullable(),
    capital: z.number().nullable(),
    currency: z.string().nullable(),
  })
  .meta({ id: "JointBody" });
export type JointBody = z.infer<typeof jointBodySchema>;

export const projectSchema = z
  .object({
    ...common,
    status: z.enum(PROJECT_STATUSES),
    location: localizedTextOut.nullable(),
    value: z.number().nullable(),
    currency: z.string().nullable(),
  })
  .meta({ id: "Project" });
export type Project = z.infer<typeof projectSchema>;

const amountNeedsCurrency = (v: { capital?: number | null; value?: number | null; currency?: string | null }) =>
  (v.capital ?? v.value ?? null) === null || Boolean(v.currency);
const currencyMessage = { message: "is required with an amount", path: ["currency"] };

const jointBodyFields = {
  kind: z.enum(JOINT_BODY_KINDS, fieldError(`must be one of: ${JOINT_BODY_KINDS.join(", ")}`)),
  name: shortTextIn,
  sector: sectorIn.nullable().optional(),
  status: z.enum(JOINT_BODY_STATUSES, fieldError(`must be one of: ${JOINT_BODY_STATUSES.join(", ")}`)),
  establishedOn: isoDaySchema.nullable().optional(),
  capital: amountIn.nullable().optional(),
  currency: currencyIn.nullable().optional(),
  participants: participantsIn,
};
export const createJointBodySchema = z
  .strictObject({
    ...jointBodyFields,
    status: jointBodyFields.status.default("active"),
    participants: participantsIn.default([]),
  })
  .refine(amountNeedsCurrency, currencyMessage)
  .meta({ id: "CreateJointBody" });
export type CreateJointBodyInput = z.infer<typeof createJointBodySchema>;
export const updateJointBodySchema = z
  .strictObject({ version: versionSchema, ...z.object(jointBodyFields).partial().shape })
  .meta({ id: "UpdateJointBody" });
export type UpdateJointBodyInput = z.infer<typeof updateJointBodySchema>;

const projectFields = {
  name: shortTextIn,
  sector: sectorIn.nullable().optional(),
  status: z.enum(PROJECT_STATUSES, fieldError(`must be one of: ${PROJECT_STATUSES.join(", ")}`)),
  location: shortTextIn.nullable().optional(),
  value: amountIn.nullable().optional(),
  currency: currencyIn.nullable().optional(),
  participants: participantsIn,
};
export const createProjectSchema = z
  .strictObject({
    ...projectFields,
    status: projectFields.status.default("idea"),
    participants: participantsIn.default([]),
  })
  .refine(amountNeedsCurrency, currencyMessage)
  .meta({ id: "CreateProject" });
export type CreateProjectInput = z.infer<typeof createProjectSchema>;
export const updateProjectSchema = z
  .strictObject({ version: versionSchema, ...z.object(projectFields).partial().shape })
  .meta({ id: "UpdateProject" });
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;
