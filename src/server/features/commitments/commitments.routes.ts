import {
  commitmentListQuerySchema,
  commitmentPageSchema,
  commitmentSchema,
  createCommitmentSchema,
  updateCommitmentSchema,
} from "../../../shared/api/commitments.ts";
import { idParamSchema } from "../../../shared/api/common.ts";
import { EDIT_COMMISSION, READ_COMMISSION } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";
import { commitmentFollowerRoutes } from "./commitment-followers.routes.ts";
import { commitmentStatusRoutes } from "./commitment-status.routes.ts";

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
  summary:
    "Add a commitment to a session's protocol; `focalPointIds` must belong to its responsible organisations (else 400)",
  access: EDIT_COMMISSION,
  request: { body: jsonBody(createCommitmentSchema) },
  ok: { status: 201, schema: commitmentSchema, description: "The created commitment" },
});

const updateCommitment = defineRoute({
  method: "patch",
  path: "/commitments/{id}",
  tags: ["commitments"],
  summary:
    "Change a commitment; `version` must be the one read (else 409). A new `responsible` list unassigns the focal " +
    "points of organisations no longer on it",
  access: EDIT_COMMISSION,
  request: { params: idParamSchema, body: jsonBody(updateCommitmentSchema) },
  ok: { status: 200, schema: commitmentSchema, description: "The changed commitment" },
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
  .route("/", commitmentStatusRoutes)
  .route("/", commitmentFollowerRoutes);
