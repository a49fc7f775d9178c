import { idParamSchema } from "../../../shared/api/common.ts";
import {
  createFocalPointSchema,
  focalPointListSchema,
  focalPointSchema,
  focalPointsByEmailQuerySchema,
  updateFocalPointSchema,
} from "../../../shared/api/focal-points.ts";
import { EDIT_DIRECTORY, READ_DIRECTORY } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const tags = ["focal points"];

export const focalPointRoutes = createRouter()
  .openapi(
    defineRoute({
      method: "get",
      path: "/organizations/{id}/focal-points",
      tags,
      summary: "The organisation's focal points, active or not",
      access: READ_DIRECTORY,
      request: { params: idParamSchema },
      ok: { status: 200, schema: focalPointListSchema, description: "Focal points by name" },
    }),
    async (c) => c.json(await c.var.services.focalPoints.listOfOrganization(c.req.valid("param").id), 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/organizations/{id}/focal-points",
      tags,
      summary: "Add a focal point to the organisation (one per e-mail address, else 409)",
      access: EDIT_DIRECTORY,
      request: { params: idParamSchema, body: jsonBody(createFocalPointSchema) },
      ok: { status: 201, schema: focalPointSchema, description: "The focal point" },
    }),
    async (c) =>
      c.json(await c.var.services.focalPoints.create(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(
    defineRoute({
      method: "patch",
      path: "/focal-points/{id}",
      tags,
      summary: "Change a focal point's name or e-mail address, or make it inactive",
      access: EDIT_DIRECTORY,
      request: { params: idParamSchema, body: jsonBody(updateFocalPointSchema) },
      ok: { status: 200, schema: focalPointSchema, description: "The focal point" },
    }),
    async (c) =>
      c.json(await c.var.services.focalPoints.update(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: "get",
      path: "/focal-points",
      tags,
      summary: "A person's own focal-point records, found by their e-mail address (until accounts exist)",
      access: READ_DIRECTORY,
      request: { query: focalPointsByEmailQuerySchema },
      ok: { status: 200, schema: focalPointListSchema, description: "Focal points with this address" },
    }),
    async (c) => c.json(await c.var.services.focalPoints.listByEmail(c.req.valid("query").email), 200),
  );
