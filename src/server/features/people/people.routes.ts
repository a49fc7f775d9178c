import { idParamSchema } from "../../../shared/api/common.ts";
import {
  createPersonSchema,
  createPositionSchema,
  personListQuerySchema,
  personPageSchema,
  personSchema,
  updatePersonSchema,
} from "../../../shared/api/people.ts";
import { EDIT_DIRECTORY, READ_DIRECTORY } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const tags = ["people"];

export const personRoutes = createRouter()
  .openapi(
    defineRoute({
      method: "get",
      path: "/people",
      tags,
      summary: "People, optionally by a part of their name in any script",
      access: READ_DIRECTORY,
      request: { query: personListQuerySchema },
      ok: { status: 200, schema: personPageSchema, description: "A page of people" },
    }),
    async (c) => c.json(await c.var.services.people.list(c.req.valid("query")), 200),
  )
  .openapi(
    defineRoute({
      method: "get",
      path: "/people/{id}",
      tags,
      summary: "A person with the positions they held",
      access: READ_DIRECTORY,
      request: { params: idParamSchema },
      ok: { status: 200, schema: personSchema, description: "The person" },
    }),
    async (c) => c.json(await c.var.services.people.get(c.req.valid("param").id), 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/people",
      tags,
      summary: "Add a person (name in nominative case), optionally with a position",
      access: EDIT_DIRECTORY,
      request: { body: jsonBody(createPersonSchema) },
      ok: { status: 201, schema: personSchema, description: "The person" },
    }),
    async (c) => c.json(await c.var.services.people.create(c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(
    defineRoute({
      method: "patch",
      path: "/people/{id}",
      tags,
      summary: "Correct a person's name",
      access: EDIT_DIRECTORY,
      request: { params: idParamSchema, body: jsonBody(updatePersonSchema) },
      ok: { status: 200, schema: personSchema, description: "The person" },
    }),
    async (c) =>
      c.json(await c.var.services.people.update(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/people/{id}/positions",
      tags,
      summary: "Record a position the person holds or held",
      access: EDIT_DIRECTORY,
      request: { params: idParamSchema, body: jsonBody(createPositionSchema) },
      ok: { status: 201, schema: personSchema, description: "The person with the new position" },
    }),
    async (c) =>
      c.json(await c.var.services.people.addPosition(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  );
