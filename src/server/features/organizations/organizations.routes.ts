import { idParamSchema } from "../../../shared/api/common.ts";
import {
  createOrganizationSchema,
  mergeOrganizationSchema,
  organizationListQuerySchema,
  organizationPageSchema,
  organizationSchema,
  updateOrganizationSchema,
} from "../../../shared/api/organizations.ts";
import { EDIT_DIRECTORY, READ_DIRECTORY } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const tags = ["organizations"];

export const organizationRoutes = createRouter()
  .openapi(
    defineRoute({
      method: "get",
      path: "/organizations",
      tags,
      summary: "Organisations, optionally by country or by any of their names",
      access: READ_DIRECTORY,
      request: { query: organizationListQuerySchema },
      ok: { status: 200, schema: organizationPageSchema, description: "A page of organisations" },
    }),
    async (c) => c.json(await c.var.services.organizations.list(c.req.valid("query")), 200),
  )
  .openapi(
    defineRoute({
      method: "get",
      path: "/organizations/{id}",
      tags,
      summary: "One organisation with all its names",
      access: READ_DIRECTORY,
      request: { params: idParamSchema },
      ok: { status: 200, schema: organizationSchema, description: "The organisation" },
    }),
    async (c) => c.json(await c.var.services.organizations.get(c.req.valid("param").id), 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/organizations",
      tags,
      summary: "Add an organisation with its names and aliases",
      access: EDIT_DIRECTORY,
      request: { body: jsonBody(createOrganizationSchema) },
      ok: { status: 201, schema: organizationSchema, description: "The organisation" },
    }),
    async (c) => c.json(await c.var.services.organizations.create(c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(
    defineRoute({
      method: "patch",
      path: "/organizations/{id}",
      tags,
      summary: "Change an organisation; `aliases` replaces the list of other names",
      access: EDIT_DIRECTORY,
      request: { params: idParamSchema, body: jsonBody(updateOrganizationSchema) },
      ok: { status: 200, schema: organizationSchema, description: "The organisation" },
    }),
    async (c) =>
      c.json(await c.var.services.organizations.update(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/organizations/{id}/merge",
      tags,
      summary: "Merge a duplicate into this organisation (its names, assignments and roles move here)",
      access: EDIT_DIRECTORY,
      request: { params: idParamSchema, body: jsonBody(mergeOrganizationSchema) },
      ok: { status: 200, schema: organizationSchema, description: "The organisation that stays" },
    }),
    async (c) =>
      c.json(
        await c.var.services.organizations.merge(c.req.valid("param").id, c.req.valid("json").duplicateId, actorOf(c)),
        200,
      ),
  );
