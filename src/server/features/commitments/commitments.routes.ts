import {
  commitmentListQuerySchema,
  commitmentPageSchema,
  commitmentSchema,
  createCommitmentSchema,
  createStatusUpdateSchema,
  statusUpdateListSchema,
  statusUpdateResultSchema,
  updateCommitmentSchema,
} from "../../../shared/api/commitments.ts";
import { idParamSchema } from "../../../shared/api/common.ts";
import { EDIT_COMMISSION, READ_COMMISSION, REPORT_ON_COMMITMENT } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const listCommitments = defineRoute({
  method: "get",
  path: "/commitments",
  tags: ["commitments"],
  summary: "Commitments with filters, sort and cursor pagination",
  access: READ_COMMISSION,
  request: { query: commitmentListQuerySchema },
  ok: { status: 200, schema: commitmentPageSchema, description: "A page of commitments" },
});

const getCommitment = defineRoute({
  method: "get",
  path: "/commitments/{id}",
  tags: ["commitments"],
  summary: "One commitment",
  access: READ_COMMISSION,
  request: { params: idParamSchema },
  ok: { status: 200, schema: commitmentSchema, description: "The commitment" },
});

const createCommitment = defineRoute({
  method: "post",
  path: "/commitments",
  tags: ["commitments"],
  summary: "Add a commitment to a session's protocol",
  access: EDIT_COMMISSION,
  request: { body: jsonBody(createCommitmentSchema) },
  ok: { status: 201, schema: commitmentSchema, description: "The created commitment" },
});

const updateCommitment = defineRoute({
  method: "patch",
  path: "/commitments/{id}",
  tags: ["commitments"],
  summary: "Change a commitment; `version` must be the one read (else 409)",
  access: EDIT_COMMISSION,
  request: { params: idParamSchema, body: jsonBody(updateCommitmentSchema) },
  ok: { status: 200, schema: commitmentSchema, description: "The changed commitment" },
});

const listUpdates = defineRoute({
  method: "get",
  path: "/commitments/{id}/updates",
  tags: ["commitments"],
  summary: "The history of a commitment, newest first",
  access: READ_COMMISSION,
  request: { params: idParamSchema },
  ok: { status: 200, schema: statusUpdateListSchema, description: "Status updates" },
});

const postUpdate = defineRoute({
  method: "post",
  path: "/commitments/{id}/updates",
  tags: ["commitments"],
  summary: "Report progress: text, and optionally a new status and progress",
  access: REPORT_ON_COMMITMENT,
  request: { params: idParamSchema, body: jsonBody(createStatusUpdateSchema) },
  ok: { status: 201, schema: statusUpdateResultSchema, description: "The update and the commitment after it" },
});

export const commitmentRoutes = createRouter()
  .openapi(listCommitments, async (c) => c.json(await c.var.services.commitments.list(c.req.valid("query")), 200))
  .openapi(getCommitment, async (c) => c.json(await c.var.services.commitments.get(c.req.valid("param").id), 200))
  .openapi(createCommitment, async (c) =>
    c.json(await c.var.services.commitments.create(c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(updateCommitment, async (c) =>
    c.json(await c.var.services.commitments.update(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 200),
  )
  .openapi(listUpdates, async (c) =>
    c.json({ items: await c.var.services.commitments.listUpdates(c.req.valid("param").id) }, 200),
  )
  .openapi(postUpdate, async (c) =>
    c.json(await c.var.services.commitments.postUpdate(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  );
