import { z } from "zod";
import { idParamSchema } from "../../../shared/api/common.ts";
import {
  createJointBodySchema,
  createProjectSchema,
  jointBodySchema,
  projectSchema,
  updateJointBodySchema,
  updateProjectSchema,
} from "../../../shared/api/joint-work.ts";
import { EDIT_COMMISSION, READ_COMMISSION } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const tags = ["joint bodies and projects"];

export const jointWorkRoutes = createRouter()
  .openapi(
    defineRoute({
      method: "get",
      path: "/commissions/{id}/joint-bodies",
      tags,
      summary: "The commission's joint bodies (funds, business councils, working groups)",
      access: READ_COMMISSION,
      request: { params: idParamSchema },
      ok: { status: 200, schema: z.object({ items: z.array(jointBodySchema) }), description: "Joint bodies" },
    }),
    async (c) => c.json({ items: await c.var.services.jointWork.listBodies(c.req.valid("param").id) }, 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/commissions/{id}/joint-bodies",
      tags,
      summary: "Add a joint body with its member organisations",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(createJointBodySchema) },
      ok: { status: 201, schema: jointBodySchema, description: "The joint body" },
    }),
    async (c) =>
      c.json(await c.var.services.jointWork.createBody(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(
    defineRoute({
      method: "patch",
      path: "/joint-bodies/{id}",
      tags,
      summary: "Change a joint body; `participants` replaces the member organisations",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(updateJointBodySchema) },
      ok: { status: 200, schema: jointBodySchema, description: "The joint body" },
    }),
    async (c) =>
      c.json(await c.var.services.jointWork.updateBody(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: "get",
      path: "/commissions/{id}/projects",
      tags,
      summary: "The commission's joint projects",
      access: READ_COMMISSION,
      request: { params: idParamSchema },
      ok: { status: 200, schema: z.object({ items: z.array(projectSchema) }), description: "Projects" },
    }),
    async (c) => c.json({ items: await c.var.services.jointWork.listProjects(c.req.valid("param").id) }, 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/commissions/{id}/projects",
      tags,
      summary: "Add a joint project with its organisations, value and status",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(createProjectSchema) },
      ok: { status: 201, schema: projectSchema, description: "The project" },
    }),
    async (c) =>
      c.json(
        await c.var.services.jointWork.createProject(c.req.valid("param").id, c.req.valid("json"), actorOf(c)),
        201,
      ),
  )
  .openapi(
    defineRoute({
      method: "patch",
      path: "/projects/{id}",
      tags,
      summary: "Change a project; `participants` replaces its organisations",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(updateProjectSchema) },
      ok: { status: 200, schema: projectSchema, description: "The project" },
    }),
    async (c) =>
      c.json(
        await c.var.services.jointWork.updateProject(c.req.valid("param").id, c.req.valid("json"), actorOf(c)),
        200,
      ),
  );
