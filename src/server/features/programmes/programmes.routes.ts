import { idParamSchema } from "../../../shared/api/common.ts";
import {
  createMeasureSchema,
  createProgrammeSchema,
  programmeDetailSchema,
  updateProgrammeSchema,
} from "../../../shared/api/programmes.ts";
import { EDIT_COMMISSION, READ_COMMISSION } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const tags = ["programmes"];
const ok = (status: 200 | 201, description: string) => ({ status, schema: programmeDetailSchema, description });

export const programmeRoutes = createRouter()
  .openapi(
    defineRoute({
      method: "get",
      path: "/programmes/{id}",
      tags,
      summary: "A cooperation programme or roadmap with its measures and their progress",
      access: READ_COMMISSION,
      request: { params: idParamSchema },
      ok: ok(200, "The programme"),
    }),
    async (c) => c.json(await c.var.services.programmes.get(c.req.valid("param").id), 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/commissions/{id}/programmes",
      tags,
      summary: "Add a cooperation programme or a sector roadmap",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(createProgrammeSchema) },
      ok: ok(201, "The programme"),
    }),
    async (c) =>
      c.json(await c.var.services.programmes.create(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(
    defineRoute({
      method: "patch",
      path: "/programmes/{id}",
      tags,
      summary: "Change a programme's title, sector or years",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(updateProgrammeSchema) },
      ok: ok(200, "The programme"),
    }),
    async (c) =>
      c.json(await c.var.services.programmes.update(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/programmes/{id}/measures",
      tags,
      summary: "Add a measure to a programme (commitments then link to it with measureId)",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(createMeasureSchema) },
      ok: ok(201, "The programme with the new measure"),
    }),
    async (c) =>
      c.json(await c.var.services.programmes.addMeasure(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  );
