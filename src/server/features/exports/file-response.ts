import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { errorBodySchema } from "../../../shared/errors.ts";
import type { Access } from "../../http/access.ts";
import type { AppEnv } from "../../http/context.ts";
import { guardedBy } from "../../http/openapi.ts";
import { attachmentDisposition } from "../documents/document-file.ts";
import type { ProducedFile } from "./document-exports.ts";

const errorContent = { "application/json": { schema: errorBodySchema } };

/** Declares a route that answers a file of `mediaType`, with its access rule and the shared error responses. */
export function defineFileRoute<R extends Omit<RouteConfig, "responses">>(
  config: R & { access: Access; mediaType: string; description: string },
) {
  const { access, mediaType, description, middleware, ...route } = config;
  return createRoute({
    ...route,
    ...guardedBy(access, route.path, middleware),
    responses: {
      200: { description, content: { [mediaType]: { schema: z.string().meta({ format: "binary" }) } } },
      400: { description: "Invalid input; the message names each field", content: errorContent },
      401: { description: "Not signed in", content: errorContent },
      403: { description: "The caller's roles do not allow this here", content: errorContent },
      404: { description: "Not found", content: errorContent },
    },
  });
}

/** Sends a produced file as a download under its own name. */
export function sendFile(c: Context<AppEnv>, file: ProducedFile) {
  return c.body(new Uint8Array(file.content), 200, {
    "Content-Type": file.mediaType,
    "Content-Disposition": attachmentDisposition(file.fileName),
    "X-Content-Type-Options": "nosniff",
  });
}

/** Sends a calendar inline, as calendar apps that subscribe expect. */
export function sendCalendar(c: Context<AppEnv>, calendar: string) {
  return c.body(calendar, 200, { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store" });
}
