import { z } from "zod";
import { sectorSchema, statusSchema } from "./commitments.ts";
import {
  countryCodeSchema,
  cursorSchema,
  fieldError,
  idSchema,
  isoDaySchema,
  limitSchema,
  localizedTextOut,
  pageOf,
} from "./common.ts";
import { statusTallySchema } from "./monitoring.ts";
import { SESSION_STATUSES } from "./sessions.ts";

/**
 * The public view: what a commission chooses to publish, read without signing in. Every schema here is a
 * whitelist: a field that is not listed never leaves the server (no e-mails, comments, evidence, focal points,
 * watchers, documents or internal notes).
 */

// --- The secretariat's settings -------------------------------------------------------------------------------

const flag = (name: string) => z.boolean(fieldError(`must be true or false (${name})`));

export const publicationSettingsInputSchema = z.strictObject({
  /** The master switch: off, nothing of the commission is public whatever the parts say. */
  published: flag("publish the commission"),
  sessions: flag("publish its sessions"),
  agreements: flag("publish its agreements"),
  progress: flag("publish the progress of its agreements"),
  /** The version read; 0 while the settings were never saved. */
  version: z.number(fieldError("must be the version number you read")).int().min(0, "must be at least 0"),
});
export type PublicationSettingsInput = z.infer<typeof publicationSettingsInputSchema>;

export const withheldAgreementSchema = z.object({
  commitmentId: idSchema,
  sessionNumber: z.number().int(),
  itemNumber: z.string().nullable(),
  text: localizedTextOut,
  withheldAt: z.string(),
  withheldBy: z.string(),
});

export const publicationSettingsSchema = z
  .object({
    commissionId: idSchema,
    published: z.boolean(),
    sessions: z.boolean(),
    agreements: z.boolean(),
    progress: z.boolean(),
    version: z.number().int().min(0),
    updatedAt: z.string().nullable(),
    /** Agreements kept out of the public view even when agreements are published. */
    withheld: z.array(withheldAgreementSchema),
  })
  .meta({ id: "PublicationSettings" });
export type PublicationSettings = z.infer<typeof publicationSettingsSchema>;

export const withholdInputSchema = z.strictObject({
  withheld: z.boolean(fieldError("must be true (keep out of the public view) or false (show it)")),
});
export type WithholdInput = z.infer<typeof withholdInputSchema>;
export const withholdResultSchema = z.object({ commitmentId: idSchema, withheld: z.boolean() });
export type WithholdResult = z.infer<typeof withholdResultSchema>;

// --- The public view ------------------------------------------------------------------------------------------

export const publicCommissionSummarySchema = z
  .object({
    id: idSchema,
    countries: z.tuple([countryCodeSchema, countryCodeSchema]),
    name: localizedTextOut,
    shortName: localizedTextOut.nullable(),
    isDemo: z.boolean(),
  })
  .meta({ id: "PublicCommissionSummary" });
export type PublicCommissionSummary = z.infer<typeof publicCommissionSummarySchema>;
export const publicCommissionListSchema = z.object({ items: z.array(publicCommissionSummarySchema) });
export type PublicCommissionList = z.infer<typeof publicCommissionListSchema>;

/** A co-chair in office: a name and a title, nothing to reach the person by. */
export const publicCoChairSchema = z.object({
  side: countryCodeSchema,
  name: localizedTextOut,
  title: localizedTextOut,
});

export const publicCommissionSchema = publicCommissionSummarySchema
  .extend({
    foundedOn: isoDaySchema.nullable(),
    coChairs: z.array(publicCoChairSchema),
    /** Which parts the commission publishes, so a reader knows what to ask for. */
    publishes: z.object({ sessions: z.boolean(), agreements: z.boolean(), progress: z.boolean() }),
  })
  .meta({ id: "PublicCommission" });
export type PublicCommission = z.infer<typeof publicCommissionSchema>;

export const publicSessionSchema = z
  .object({
    id: idSchema,
    number: z.number().int(),
    hostCountry: countryCodeSchema,
    city: localizedTextOut.nullable(),
    startsOn: isoDaySchema.nullable(),
    endsOn: isoDaySchema.nullable(),
    status: z.enum(SESSION_STATUSES),
    datesViaDiplomaticChannels: z.boolean(),
    /** Published agreements of the session (0 when agreements are not published). */
    agreementCount: z.number().int(),
  })
  .meta({ id: "PublicSession" });
export type PublicSession = z.infer<typeof publicSessionSchema>;
export const publicSessionListSchema = z.object({ items: z.array(publicSessionSchema) });
export type PublicSessionList = z.infer<typeof publicSessionListSchema>;

export const publicAgreementProgressSchema = z.object({
  status: statusSchema,
  percent: z.number().int(),
  /** Open and past its due date. */
  late: z.boolean(),
});

export const publicAgreementSchema = z
  .object({
    id: idSchema,
    session: z.object({ id: idSchema, number: z.number().int() }),
    itemNumber: z.string().nullable(),
    text: localizedTextOut,
    sector: sectorSchema,
    deadline: z.string().nullable(),
    dueDate: isoDaySchema.nullable(),
    responsible: z.array(z.object({ name: localizedTextOut, side: countryCodeSchema })),
    /** Null when the commission does not publish progress. */
    progress: publicAgreementProgressSchema.nullable(),
  })
  .meta({ id: "PublicAgreement" });
export type PublicAgreement = z.infer<typeof publicAgreementSchema>;
export const publicAgreementPageSchema = pageOf(publicAgreementSchema);
export type PublicAgreementPage = z.infer<typeof publicAgreementPageSchema>;

export const publicAgreementQuerySchema = z.strictObject({
  sessionId: idSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type PublicAgreementQuery = z.infer<typeof publicAgreementQuerySchema>;

/** Status counts and rolled-up progress, without the secretariat's workflow (awaiting confirmation). */
export const publicTallySchema = statusTallySchema.omit({ awaitingConfirmation: true });
export type PublicTally = z.infer<typeof publicTallySchema>;

export const publicProgressSchema = z
  .object({
    /** The day "late" is counted from. */
    asOf: isoDaySchema,
    totals: publicTallySchema,
    bySector: z.array(publicTallySchema.extend({ sector: sectorSchema })),
    bySession: z.array(publicTallySchema.extend({ sessionId: idSchema, sessionNumber: z.number().int() })),
  })
  .meta({ id: "PublicProgress" });
export type PublicProgress = z.infer<typeof publicProgressSchema>;
