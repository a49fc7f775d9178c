import { createRoute, OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { z } from "zod";
import { errorBodySchema } from "../../shared/errors.ts";
import { type Access, accessExtension } from "./access.ts";
import { authorize } from "./authorize.ts";
import type { AppEnv } from "./context.ts";
import { validationError } from "./errors.ts";

/** A router whose validation failures answer the one error shape, naming the fields. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.target, result.error);
    },
  });
}

const errorContent = { "application/json": { schema: errorBodySchema } };
const ERROR_RESPONSES = {
  400: { description: "Invalid input; the message names each field", content: errorContent },
  401: { description: "Not signed in", content: errorContent },
  403: { description: "Signed in, but the caller's roles do not allow this here", content: errorContent },
  404: { description: "Not found", content: errorContent },
  409: { description: "Version conflict", content: errorContent },
  413: { description: "Body too large", content: errorContent },
  500: { description: "Server error", content: errorContent },
} as const;

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } };
}

/**
 * The route's rule, both published (`x-igc-access` in the OpenAPI document) and enforced (a middleware before the
 * route reads its input), so the two cannot drift apart.
 */
export function guardedBy(access: Access, path: string, middleware?: MiddlewareHandler | MiddlewareHandler[]) {
  return {
    ...accessExtension(access),
    // The route's own body limit first: the check may read the body to find the commission it names.
    middleware: [...[middleware ?? []].flat(), authorize(access, path)] as MiddlewareHandler[],
  };
}

/** Declares a JSON route with its access rule (checked before anything else) and the shared error responses. */
export function defineRoute<R extends Omit<RouteConfig, "responses">, S extends z.ZodType, Status extends 200 | 201>(
  config: R & { access: Access; ok: { status: Status; schema: S; description: string } },
) {
  const { access, ok, middleware, ...route } = config;
  return createRoute({
    ...route,
    ...guardedBy(access, route.path, middleware),
    responses: {
      [ok.status]: { description: ok.description, content: { "application/json": { schema: ok.schema } } },
      ...ERROR_RESPONSES,
    } as Record<Status, { description: string; content: { "application/json": { schema: S } } }> &
      typeof ERROR_RESPONSES,
  });
}
