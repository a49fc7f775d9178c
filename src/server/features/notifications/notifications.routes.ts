import { idParamSchema } from "../../../shared/api/common.ts";
import { inboxQuerySchema, inboxSchema, notificationSchema } from "../../../shared/api/notifications.ts";
import { type Principal, SIGNED_IN } from "../../http/access.ts";
import { AppError } from "../../http/errors.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute } from "../../http/openapi.ts";

const tags = ["notifications"];

const getInbox = defineRoute({
  method: "get",
  path: "/inbox",
  tags,
  summary: "Your messages (reminders, digests, status changes), newest first, with the unread count",
  access: SIGNED_IN,
  request: { query: inboxQuerySchema },
  ok: { status: 200, schema: inboxSchema, description: "The inbox" },
});

const readNotification = defineRoute({
  method: "post",
  path: "/notifications/{id}/read",
  tags,
  summary: "Mark a message read (again is harmless: the first time is kept)",
  access: SIGNED_IN,
  request: { params: idParamSchema },
  ok: { status: 200, schema: notificationSchema, description: "The message" },
});

export const notificationRoutes = createRouter()
  .openapi(getInbox, async (c) => {
    const query = c.req.valid("query");
    if (ownAddressOnly(c.var.principal) !== null && query.email !== ownAddressOnly(c.var.principal)) {
      throw new AppError("forbidden", "You can open your own inbox only: use the e-mail address of your account.");
    }
    return c.json(await c.var.services.notifications.inbox(query), 200);
  })
  .openapi(readNotification, async (c) =>
    c.json(
      await c.var.services.notifications.markRead(c.req.valid("param").id, actorOf(c), ownAddressOnly(c.var.principal)),
      200,
    ),
  );

/** People read their own messages; an administrator may read anyone's (null). */
function ownAddressOnly(principal: Principal | null): string | null {
  return principal && !principal.isAdministrator ? principal.email : null;
}
