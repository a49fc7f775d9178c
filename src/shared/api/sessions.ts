import { z } from "zod";
import { countryCodeSchema, idSchema, isoDaySchema, localizedTextOut } from "./common.ts";

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

export const sessionDetailSchema = sessionSummarySchema
  .extend({
    commission: z.object({ id: idSchema, countries: z.array(countryCodeSchema), name: localizedTextOut }),
    events: z.array(sessionEventSchema),
    documents: z.array(sessionDocumentSchema),
  })
  .meta({ id: "Session" });
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const sessionListSchema = z.object({ items: z.array(sessionSummarySchema) });
export type SessionList = z.infer<typeof sessionListSchema>;
