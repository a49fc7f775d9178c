import { z } from "zod";
import { idParamSchema, idSchema } from "../../../shared/api/common.ts";
import {
  createScheduleStepSchema,
  createSessionSchema,
  delegationMemberInSchema,
  sessionDetailSchema,
  sessionEventInSchema,
  updateSessionSchema,
} from "../../../shared/api/sessions.ts";
import { EDIT_COMMISSION, READ_COMMISSION } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const tags = ["sessions"];
const ok = (status: 200 | 201, description: string) => ({ status, schema: sessionDetailSchema, description });
const eventParams = z.object({ id: idSchema, eventId: idSchema });
const memberParams = z.object({ id: idSchema, memberId: idSchema });

export const sessionRoutes = createRouter()
  .openapi(
    defineRoute({
      method: "get",
      path: "/sessions/{id}",
      tags,
      summary: "A session with its programme of events, documents, scheduling steps and delegations",
      access: READ_COMMISSION,
      request: { params: idParamSchema },
      ok: ok(200, "The session"),
    }),
    async (c) => c.json(await c.var.services.sessions.get(c.req.valid("param").id), 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/commissions/{id}/sessions",
      tags,
      summary: "Plan a session of the commission",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(createSessionSchema) },
      ok: ok(201, "The session"),
    }),
    async (c) =>
      c.json(await c.var.services.sessions.create(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(
    defineRoute({
      method: "patch",
      path: "/sessions/{id}",
      tags,
      summary: "Change a session: number, host, city, dates, status",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(updateSessionSchema) },
      ok: ok(200, "The session"),
    }),
    async (c) =>
      c.json(await c.var.services.sessions.update(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/sessions/{id}/schedule-steps",
      tags,
      summary: "Log a step of fixing the dates (proposal, answer, agreement, postponement) with its note reference",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(createScheduleStepSchema) },
      ok: ok(201, "The session"),
    }),
    async (c) =>
      c.json(
        await c.var.services.sessions.addScheduleStep(c.req.valid("param").id, c.req.valid("json"), actorOf(c)),
        201,
      ),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/sessions/{id}/events",
      tags,
      summary: "Add an event to the session's programme (meeting, signing, forum, site visit)",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(sessionEventInSchema) },
      ok: ok(201, "The session"),
    }),
    async (c) =>
      c.json(await c.var.services.sessions.addEvent(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(
    defineRoute({
      method: "delete",
      path: "/sessions/{id}/events/{eventId}",
      tags,
      summary: "Remove an event (and the events under it) from the programme",
      access: EDIT_COMMISSION,
      request: { params: eventParams },
      ok: ok(200, "The session"),
    }),
    async (c) => {
      const { id, eventId } = c.req.valid("param");
      return c.json(await c.var.services.sessions.removeEvent(id, eventId, actorOf(c)), 200);
    },
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/sessions/{id}/delegation",
      tags,
      summary: "Add a person or an organisation to a side's delegation",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(delegationMemberInSchema) },
      ok: ok(201, "The session"),
    }),
    async (c) =>
      c.json(
        await c.var.services.sessions.addDelegationMember(c.req.valid("param").id, c.req.valid("json"), actorOf(c)),
        201,
      ),
  )
  .openapi(
    defineRoute({
      method: "delete",
      path: "/sessions/{id}/delegation/{memberId}",
      tags,
      summary: "Remove a member from a delegation",
      access: EDIT_COMMISSION,
      request: { params: memberParams },
      ok: ok(200, "The session"),
    }),
    async (c) => {
      const { id, memberId } = c.req.valid("param");
      return c.json(await c.var.services.sessions.removeDelegationMember(id, memberId, actorOf(c)), 200);
    },
  );
