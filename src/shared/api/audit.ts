import { z } from "zod";
import { cursorSchema, idSchema, isoDaySchema, limitSchema, pageOf, withoutNul } from "./common.ts";

/** The kinds of record the services audit; a filter may name another (a type added later), these are offered. */
export const AUDITED_ENTITY_TYPES = [
  "commission",
  "session",
  "commitment",
  "organization",
  "person",
  "position",
  "programme",
  "programme_measure",
  "document",
  "joint_body",
  "project",
  "observation",
  "reported_figure",
  "focal_point",
  "calendar_feed",
  "notification",
  "user",
  "api_token",
] as const;

const codeFilter = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .regex(/^[a-z_.]+$/, "must be lowercase letters, dots and underscores, such as commitment.update");

export const auditQuerySchema = z
  .strictObject({
    /** Part of the actor's name, any case. */
    actor: withoutNul(
      z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
    ).optional(),
    action: codeFilter.optional(),
    entityType: codeFilter.optional(),
    entityId: withoutNul(
      z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    ).optional(),
    /** Events on or after this day (UTC). */
    from: isoDaySchema.optional(),
    /** Events on or before this day (UTC). */
    to: isoDaySchema.optional(),
    /** Events about the commission or a record that belongs to it (sessions, commitments, documents…). */
    commissionId: idSchema.optional(),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { message: "must not be before from", path: ["to"] });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** One field an event changed; `field` is a dotted path for multilingual texts (`title.en`). */
export const auditChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type AuditChange = z.infer<typeof auditChangeSchema>;

export const auditEventSchema = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    actor: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    requestId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    changes: z.array(auditChangeSchema),
  })
  .meta({ id: "AuditEvent" });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = pageOf(auditEventSchema).meta({ id: "AuditPage" });
export type AuditPage = z.infer<typeof auditPageSchema>;
