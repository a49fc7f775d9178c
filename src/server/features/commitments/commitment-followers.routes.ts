import {
  addWatcherSchema,
  commentListSchema,
  commentSchema,
  createCommentSchema,
  removeWatcherQuerySchema,
  watcherListSchema,
} from "../../../shared/api/commitments.ts";
import { idParamSchema } from "../../../shared/api/common.ts";
import { EDIT_COMMISSION, READ_COMMISSION, REPORT_ON_COMMITMENT } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const tags = ["commitments"];

export const commitmentFollowerRoutes = createRouter()
  .openapi(
    defineRoute({
      method: "get",
      path: "/commitments/{id}/comments",
      tags,
      summary: "The discussion under a commitment, oldest first",
      access: READ_COMMISSION,
      request: { params: idParamSchema },
      ok: { status: 200, schema: commentListSchema, description: "Comments" },
    }),
    async (c) => c.json({ items: await c.var.services.commitments.listComments(c.req.valid("param").id) }, 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/commitments/{id}/comments",
      tags,
      summary:
        "Comment on a commitment; the author is the signed-in person unless `authorName` is given (on their behalf)",
      access: REPORT_ON_COMMITMENT,
      request: { params: idParamSchema, body: jsonBody(createCommentSchema) },
      ok: { status: 201, schema: commentSchema, description: "The comment" },
    }),
    async (c) =>
      c.json(
        await c.var.services.commitments.addComment(c.req.valid("param").id, c.req.valid("json"), actorOf(c)),
        201,
      ),
  )
  .openapi(
    defineRoute({
      method: "get",
      path: "/commitments/{id}/watchers",
      tags,
      summary: "Who is told when the commitment's status or progress changes (besides its focal points)",
      access: READ_COMMISSION,
      request: { params: idParamSchema },
      ok: { status: 200, schema: watcherListSchema, description: "Watchers by e-mail address" },
    }),
    async (c) => c.json(await c.var.services.commitments.listWatchers(c.req.valid("param").id), 200),
  )
  .openapi(
    defineRoute({
      method: "post",
      path: "/commitments/{id}/watchers",
      tags,
      summary: "Add a watcher (adding one again only updates the name)",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(addWatcherSchema) },
      ok: { status: 201, schema: watcherListSchema, description: "The watchers after the change" },
    }),
    async (c) =>
      c.json(
        await c.var.services.commitments.addWatcher(c.req.valid("param").id, c.req.valid("json"), actorOf(c)),
        201,
      ),
  )
  .openapi(
    defineRoute({
      method: "delete",
      path: "/commitments/{id}/watchers",
      tags,
      summary: "Stop telling the watcher with this `email` (404 when they do not watch it)",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, query: removeWatcherQuerySchema },
      ok: { status: 200, schema: watcherListSchema, description: "The watchers after the change" },
    }),
    async (c) =>
      c.json(
        await c.var.services.commitments.removeWatcher(c.req.valid("param").id, c.req.valid("query").email, actorOf(c)),
        200,
      ),
  );
