import { z } from "zod";
import { idParamSchema } from "../../../shared/api/common.ts";
import {
  calendarFeedListSchema,
  calendarFeedSchema,
  calendarQuerySchema,
  createCalendarFeedSchema,
} from "../../../shared/api/exports.ts";
import { EDIT_COMMISSION, PUBLIC, READ_COMMISSION } from "../../http/access.ts";
import { AppError } from "../../http/errors.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";
import { MEDIA_TYPES } from "./document-exports.ts";
import { defineFileRoute, sendCalendar } from "./file-response.ts";

const tags = ["calendars"];
const SCOPES = [
  { path: "commissions", noun: "commission" },
  { path: "organizations", noun: "organisation" },
] as const;
const feedFileParams = z.object({
  file: z.string().max(200).meta({ description: "The feed's secret token, then .ics" }),
});
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

const createFeedRoute = (scope: (typeof SCOPES)[number]) =>
  defineRoute({
    method: "post",
    path: `/${scope.path}/{id}/calendar-feeds`,
    tags,
    summary: `A secret calendar URL for the ${scope.noun}'s sessions and deadlines (shown once)`,
    access: EDIT_COMMISSION,
    request: { params: idParamSchema, body: jsonBody(createCalendarFeedSchema) },
    ok: { status: 201, schema: calendarFeedSchema, description: "The feed and its URL" },
  });

const listFeedsRoute = (scope: (typeof SCOPES)[number]) =>
  defineRoute({
    method: "get",
    path: `/${scope.path}/{id}/calendar-feeds`,
    tags,
    summary: `The ${scope.noun}'s calendar feeds, live and revoked (without their URLs)`,
    access: EDIT_COMMISSION,
    request: { params: idParamSchema },
    ok: { status: 200, schema: calendarFeedListSchema, description: "The feeds" },
  });

const revokeFeed = defineRoute({
  method: "delete",
  path: "/calendar-feeds/{id}",
  tags,
  summary: "Revoke a calendar feed: its URL answers 404 from now on",
  access: EDIT_COMMISSION,
  request: { params: idParamSchema },
  ok: { status: 200, schema: z.object({ revoked: z.literal(true) }), description: "Revoked" },
});

const feed = defineFileRoute({
  method: "get",
  path: "/calendar/{file}",
  tags,
  summary: "A subscribed calendar: the secret token is the only key (404 when unknown or revoked)",
  access: PUBLIC,
  request: { params: feedFileParams, query: calendarQuerySchema },
  mediaType: MEDIA_TYPES.ics,
  description: "The calendar (RFC 5545)",
});

const sessionCalendar = defineFileRoute({
  method: "get",
  path: "/sessions/{id}/calendar.ics",
  tags,
  summary: "The session and its commitments' deadlines as a calendar file",
  access: READ_COMMISSION,
  request: { params: idParamSchema, query: calendarQuerySchema },
  mediaType: MEDIA_TYPES.ics,
  description: "The calendar (RFC 5545)",
});

const [commissionScope, organizationScope] = SCOPES;

export const calendarRoutes = createRouter()
  .openapi(createFeedRoute(commissionScope), async (c) => {
    const scope = { commissionId: c.req.valid("param").id };
    const { lang } = c.req.valid("json");
    return c.json(await c.var.services.exports.calendars.createFeed(scope, c.req.url, lang, actorOf(c)), 201);
  })
  .openapi(createFeedRoute(organizationScope), async (c) => {
    const scope = { organizationId: c.req.valid("param").id };
    const { lang } = c.req.valid("json");
    return c.json(await c.var.services.exports.calendars.createFeed(scope, c.req.url, lang, actorOf(c)), 201);
  })
  .openapi(listFeedsRoute(commissionScope), async (c) =>
    c.json(await c.var.services.exports.calendars.listFeeds({ commissionId: c.req.valid("param").id }), 200),
  )
  .openapi(listFeedsRoute(organizationScope), async (c) =>
    c.json(await c.var.services.exports.calendars.listFeeds({ organizationId: c.req.valid("param").id }), 200),
  )
  .openapi(revokeFeed, async (c) => {
    await c.var.services.exports.calendars.revokeFeed(c.req.valid("param").id, actorOf(c));
    return c.json({ revoked: true as const }, 200);
  })
  .openapi(feed, async (c) => {
    const token = FEED_FILE.exec(c.req.valid("param").file)?.[1];
    if (!token) throw new AppError("not_found", "No calendar feed at this address.");
    return sendCalendar(c, await c.var.services.exports.calendars.feedCalendar(token, c.req.valid("query").lang));
  })
  .openapi(sessionCalendar, async (c) =>
    sendCalendar(
      c,
      await c.var.services.exports.calendars.sessionCalendar(c.req.valid("param").id, c.req.valid("query").lang),
    ),
  );
