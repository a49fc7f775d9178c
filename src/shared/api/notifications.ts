import { z } from "zod";
import { idSchema } from "./common.ts";

export const NOTIFICATION_KINDS = ["reminder_before", "reminder_due", "digest", "status_change"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const booleanQuery = z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true");

export const inboxQuerySchema = z.strictObject({
  email: z
    .email({ message: "must be an e-mail address" })
    .max(254, "must be at most 254 characters")
    .transform((e) => e.toLowerCase()),
  unread: booleanQuery.optional(),
  limit: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(200, "must be at most 200")
    .default(50),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const notificationSchema = z
  .object({
    id: idSchema,
    kind: z.enum(NOTIFICATION_KINDS),
    subject: z.string(),
    /** Plain text, English then Russian. */
    body: z.string(),
    /** The page in the app the message is about (`/commitments/<id>`), or null (digests). */
    link: z.string().nullable(),
    commitmentId: idSchema.nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    readAt: z.string().nullable(),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof notificationSchema>;

export const inboxSchema = z
  .object({ items: z.array(notificationSchema), unreadCount: z.number().int() })
  .meta({ id: "Inbox" });
export type Inbox = z.infer<typeof inboxSchema>;
