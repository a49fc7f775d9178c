import { idParamSchema } from "../../../shared/api/common.ts";
import { inboxQuerySchema, inboxSchema, notificationSchema } from "../../../shared/api/notifications.ts";
import { REPORT_ON_COMMITMENT } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute } from "../../http/openapi.ts";

const tags = ["notifications"];

const getInbox = defineRoute({
  method: "get",
  path: "/inbox",
  tags,
  summary: "A person's messages (reminders, digests, status changes), newest first, with the unread count",
  access: REPORT_ON_COMMITMENT,
  request: { query: inboxQuerySchema },
  ok: { status: 200, schema: inboxSchema, description: "The inbox" },
});

const readNotification = defineRoute({
  method: "post",
  path: "/notifications/{id}/read",
  tags,
  summary: "Mark a message read (again is harmless: the first time is kept)",
  access: REPORT_ON_COMMITMENT,
  request: { params: idParamSchema },
  ok: { status: 200, schema: notificationSchema, description: "The message" },
});

export const notificationRoutes = createRouter()
  .openapi(getInbox, async (c) => c.json(await c.var.services.notifications.inbox(c.req.valid("query")), 200))
  .openapi(readNotification, async (c) =>
    c.json(await c.var.services.notifications.markRead(c.req.valid("param").id, actorOf(c)), 200),
  );
