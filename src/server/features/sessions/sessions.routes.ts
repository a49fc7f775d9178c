import { idParamSchema } from "../../../shared/api/common.ts";
import { sessionDetailSchema } from "../../../shared/api/sessions.ts";
import { READ_COMMISSION } from "../../http/access.ts";
import { createRouter, defineRoute } from "../../http/openapi.ts";

const getSession = defineRoute({
  method: "get",
  path: "/sessions/{id}",
  tags: ["sessions"],
  summary: "A session with its programme of events and documents",
  access: READ_COMMISSION,
  request: { params: idParamSchema },
  ok: { status: 200, schema: sessionDetailSchema, description: "The session" },
});

export const sessionRoutes = createRouter().openapi(getSession, async (c) =>
  c.json(await c.var.services.sessions.get(c.req.valid("param").id), 200),
);
