import {
  commissionDetailSchema,
  commissionListQuerySchema,
  commissionPageSchema,
} from "../../../shared/api/commissions.ts";
import { idParamSchema } from "../../../shared/api/common.ts";
import { sessionListSchema } from "../../../shared/api/sessions.ts";
import { READ_COMMISSION } from "../../http/access.ts";
import { createRouter, defineRoute } from "../../http/openapi.ts";

const listCommissions = defineRoute({
  method: "get",
  path: "/commissions",
  tags: ["commissions"],
  summary: "List commissions",
  access: READ_COMMISSION,
  request: { query: commissionListQuerySchema },
  ok: { status: 200, schema: commissionPageSchema, description: "A page of commissions" },
});

const getCommission = defineRoute({
  method: "get",
  path: "/commissions/{id}",
  tags: ["commissions"],
  summary: "A commission with its sides, co-chairs, sessions, programmes and reported figures",
  access: READ_COMMISSION,
  request: { params: idParamSchema },
  ok: { status: 200, schema: commissionDetailSchema, description: "The commission" },
});

const listSessions = defineRoute({
  method: "get",
  path: "/commissions/{id}/sessions",
  tags: ["sessions"],
  summary: "The sessions of a commission, by number",
  access: READ_COMMISSION,
  request: { params: idParamSchema },
  ok: { status: 200, schema: sessionListSchema, description: "The sessions" },
});

export const commissionRoutes = createRouter()
  .openapi(listCommissions, async (c) => c.json(await c.var.services.commissions.list(c.req.valid("query")), 200))
  .openapi(getCommission, async (c) => c.json(await c.var.services.commissions.get(c.req.valid("param").id), 200))
  .openapi(listSessions, async (c) =>
    c.json({ items: await c.var.services.sessions.listOfCommission(c.req.valid("param").id) }, 200),
  );
