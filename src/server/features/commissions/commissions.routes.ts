import {
  appointCoChairSchema,
  commissionDetailSchema,
  commissionListQuerySchema,
  commissionPageSchema,
  createCommissionSchema,
  updateCommissionSchema,
} from "../../../shared/api/commissions.ts";
import { idParamSchema } from "../../../shared/api/common.ts";
import { sessionListSchema } from "../../../shared/api/sessions.ts";
import { ADMINISTER, EDIT_COMMISSION, READ_COMMISSION, SIGNED_IN, visibleCommissions } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const listCommissions = defineRoute({
  method: "get",
  path: "/commissions",
  tags: ["commissions"],
  summary: "List the commissions the caller has a role in (all of them for portfolio-wide roles)",
  access: SIGNED_IN,
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

const createCommission = defineRoute({
  method: "post",
  path: "/commissions",
  tags: ["commissions"],
  summary: "Register a commission between two countries",
  access: ADMINISTER,
  request: { body: jsonBody(createCommissionSchema) },
  ok: { status: 201, schema: commissionDetailSchema, description: "The commission" },
});

const updateCommission = defineRoute({
  method: "patch",
  path: "/commissions/{id}",
  tags: ["commissions"],
  summary: "Change a commission's names, founding date or secretariats",
  access: EDIT_COMMISSION,
  request: { params: idParamSchema, body: jsonBody(updateCommissionSchema) },
  ok: { status: 200, schema: commissionDetailSchema, description: "The commission" },
});

const appointCoChair = defineRoute({
  method: "post",
  path: "/commissions/{id}/co-chairs",
  tags: ["commissions"],
  summary: "Record a new co-chair for a side; the previous one's term ends the day before",
  access: EDIT_COMMISSION,
  request: { params: idParamSchema, body: jsonBody(appointCoChairSchema) },
  ok: { status: 201, schema: commissionDetailSchema, description: "The commission with its co-chairs" },
});

export const commissionRoutes = createRouter()
  .openapi(listCommissions, async (c) =>
    c.json(await c.var.services.commissions.list(c.req.valid("query"), visibleCommissions(c.var.principal)), 200),
  )
  .openapi(getCommission, async (c) => c.json(await c.var.services.commissions.get(c.req.valid("param").id), 200))
  .openapi(createCommission, async (c) =>
    c.json(await c.var.services.commissions.create(c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(updateCommission, async (c) =>
    c.json(await c.var.services.commissions.update(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 200),
  )
  .openapi(appointCoChair, async (c) =>
    c.json(
      await c.var.services.commissions.appointCoChair(c.req.valid("param").id, c.req.valid("json"), actorOf(c)),
      201,
    ),
  )
  .openapi(listSessions, async (c) =>
    c.json({ items: await c.var.services.sessions.listOfCommission(c.req.valid("param").id) }, 200),
  );
