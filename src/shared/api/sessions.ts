import { z } from "zod";
import {
  countryCodeSchema,
  fieldError,
  idSchema,
  isoDaySchema,
  localizedTextOut,
  shortTextIn,
  versionSchema,
  withOrderedDates,
  withoutNul,
} from "./common.ts";

export const SESSION_STATUSES = ["planned", "dates_agreed", "held"] as const;
export const EVENT_KINDS = [
  "co_chairs_meeting",
  "extended_session",
  "signing",
  "business_forum",
  "site_visit",
  "other",
] as const;

export const sessionSummarySchema = z
  .object({
    id: idSchema,
    commissionId: idSchema,
    number: z.number().int(),
    hostCountry: countryCodeSchema,
    city: localizedTextOut.nullable(),
    startsOn: isoDaySchema.nullable(),
    endsOn: isoDaySchema.nullable(),
    status: z.enum(SESSION_STATUSES),
    datesViaDiplomaticChannels: z.boolean(),
    isDemo: z.boolean(),
    commitmentCount: z.number().int(),
  })
  .meta({ id: "SessionSummary" });
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionEventSchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  kind: z.enum(EVENT_KINDS),
  title: localizedTextOut,
  place: localizedTextOut.nullable(),
  startsOn: isoDaySchema.nullable(),
});
export type SessionEvent = z.infer<typeof sessionEventSchema>;

export const sessionDocumentSchema = z.object({
  id: idSchema,
  kind: z.enum(["protocol", "agenda", "press_release", "memorandum", "report", "other"]),
  title: localizedTextOut,
  signedOn: isoDaySchema.nullable(),
  signatories: z.array(z.object({ personId: idSchema, name: localizedTextOut, side: countryCodeSchema })),
});

export const sessionListSchema = z.object({ items: z.array(sessionSummarySchema) });
export type SessionList = z.infer<typeof sessionListSchema>;

export const SCHEDULE_STEP_KINDS = ["proposal", "answer", "agreement", "postponement", "other"] as const;
export const DELEGATION_ROLES = ["head", "co_chair", "member", "expert", "secretariat", "other"] as const;

export const scheduleStepSchema = z.object({
  id: idSchema,
  kind: z.enum(SCHEDULE_STEP_KINDS),
  fromSide: countryCodeSchema.nullable(),
  proposedStartsOn: isoDaySchema.nullable(),
  proposedEndsOn: isoDaySchema.nullable(),
  noteReference: z.string().nullable(),
  text: z.string().nullable(),
  occurredOn: isoDaySchema,
});

export const delegationMemberSchema = z.object({
  id: idSchema,
  side: countryCodeSchema,
  role: z.enum(DELEGATION_ROLES),
  person: z.object({ id: idSchema, name: localizedTextOut }).nullable(),
  organization: z.object({ id: idSchema, name: localizedTextOut }).nullable(),
});

const sessionFields = {
  hostCountry: countryCodeSchema,
  city: shortTextIn.nullable(),
  startsOn: isoDaySchema.nullable(),
  endsOn: isoDaySchema.nullable(),
  status: z.enum(SESSION_STATUSES, fieldError(`must be one of: ${SESSION_STATUSES.join(", ")}`)),
  datesViaDiplomaticChannels: z.boolean(fieldError("must be true or false")),
};

export const createSessionSchema = withOrderedDates(
  z.strictObject({
    number: z.number(fieldError("must be a whole number")).int("must be a whole number").min(1).max(1000),
    hostCountry: sessionFields.hostCountry,
    city: sessionFields.city.optional(),
    startsOn: sessionFields.startsOn.optional(),
    endsOn: sessionFields.endsOn.optional(),
    status: sessionFields.status.default("planned"),
    datesViaDiplomaticChannels: sessionFields.datesViaDiplomaticChannels.default(false),
  }),
)
  .refine((v) => !v.endsOn || Boolean(v.startsOn), { message: "is required with endsOn", path: ["startsOn"] })
  .meta({ id: "CreateSession" });
export type CreateSessionInput = z.infer<typeof createSessionSchema>;

export const updateSessionSchema = withOrderedDates(
  z.strictObject({
    version: versionSchema,
    number: z.number(fieldError("must be a whole number")).int("must be a whole number").min(1).max(1000).optional(),
    hostCountry: sessionFields.hostCountry.optional(),
    city: sessionFields.city.optional(),
    startsOn: sessionFields.startsOn.optional(),
    endsOn: sessionFields.endsOn.optional(),
    status: sessionFields.status.optional(),
    datesViaDiplomaticChannels: sessionFields.datesViaDiplomaticChannels.optional(),
  }),
).meta({ id: "UpdateSession" });
export type UpdateSessionInput = z.infer<typeof updateSessionSchema>;

export const createScheduleStepSchema = z
  .strictObject({
    kind: z.enum(SCHEDULE_STEP_KINDS, fieldError(`must be one of: ${SCHEDULE_STEP_KINDS.join(", ")}`)),
    fromSide: countryCodeSchema.nullable().optional(),
    proposedStartsOn: isoDaySchema.nullable().optional(),
    proposedEndsOn: isoDaySchema.nullable().optional(),
    noteReference: withoutNul(z.string().trim().max(200, "must be at most 200 characters")).nullable().optional(),
    text: withoutNul(z.string().trim().max(5000, "must be at most 5000 characters")).nullable().optional(),
    occurredOn: isoDaySchema,
  })
  .refine((v) => v.kind !== "agreement" || Boolean(v.proposedStartsOn), {
    message: "is required when the dates are agreed",
    path: ["proposedStartsOn"],
  })
  .refine((v) => !v.proposedEndsOn || Boolean(v.proposedStartsOn), {
    message: "is required with proposedEndsOn",
    path: ["proposedStartsOn"],
  })
  .refine((v) => !v.proposedStartsOn || !v.proposedEndsOn || v.proposedEndsOn >= v.proposedStartsOn, {
    message: "must not be before proposedStartsOn",
    path: ["proposedEndsOn"],
  })
  .meta({ id: "CreateScheduleStep" });
export type CreateScheduleStepInput = z.infer<typeof createScheduleStepSchema>;

export const sessionEventInSchema = z
  .strictObject({
    kind: z.enum(EVENT_KINDS, fieldError(`must be one of: ${EVENT_KINDS.join(", ")}`)),
    title: shortTextIn,
    place: shortTextIn.nullable().optional(),
    startsOn: isoDaySchema.nullable().optional(),
    parentId: idSchema.nullable().optional(),
  })
  .meta({ id: "SessionEventInput" });
export type SessionEventInput = z.infer<typeof sessionEventInSchema>;

export const delegationMemberInSchema = z
  .strictObject({
    side: countryCodeSchema,
    personId: idSchema.nullable().optional(),
    organizationId: idSchema.nullable().optional(),
    role: z.enum(DELEGATION_ROLES, fieldError(`must be one of: ${DELEGATION_ROLES.join(", ")}`)).default("member"),
  })
  .refine((v) => Boolean(v.personId || v.organizationId), {
    message: "give a person or an organisation",
    path: ["personId"],
  })
  .meta({ id: "DelegationMemberInput" });
export type DelegationMemberInput = z.infer<typeof delegationMemberInSchema>;

export const sessionDetailSchema = sessionSummarySchema
  .extend({
    commission: z.object({ id: idSchema, countries: z.array(countryCodeSchema), name: localizedTextOut }),
    version: z.number().int(),
    events: z.array(sessionEventSchema),
    documents: z.array(sessionDocumentSchema),
    scheduleSteps: z.array(scheduleStepSchema),
    delegation: z.array(delegationMemberSchema),
  })
  .meta({ id: "Session" });
export type SessionDetail = z.infer<typeof sessionDetailSchema>;
