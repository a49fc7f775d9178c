import { randomUUID } from "node:crypto";
import type { Context, ErrorHandler, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import type { Actor } from "../features/audit.ts";
import type { AppEnv } from "./context.ts";
import { AppError } from "./errors.ts";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Takes the caller's request id when it is sane, else makes one; echoes it back for support requests. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const given = c.req.header("x-request-id");
  const id = given && REQUEST_ID.test(given) ? given : randomUUID();
  c.set("requestId", id);
  c.header("x-request-id", id);
  await next();
};

/** The signed-in person a write is attributed to in the audit log ("anonymous" only on public routes). */
export function actorOf(c: Context<AppEnv>): Actor {
  const principal = c.var.principal;
  return principal
    ? { name: principal.name, userId: principal.userId, requestId: c.var.requestId }
    : { name: "anonymous", userId: null, requestId: c.var.requestId };
}

function fromHttpException(err: HTTPException): AppError {
  if (err.status === 400 && /JSON/i.test(err.message)) {
    return new AppError("invalid_json", "The request body is not valid JSON. Send a JSON object.");
  }
  if (err.status === 415) {
    return new AppError("unsupported_media_type", err.message || "This content type is not accepted here.");
  }
  if (err.status === 413) {
    return new AppError("payload_too_large", err.message || "The request body is too large.");
  }
  return new AppError(err.status >= 500 ? "internal" : "validation_failed", err.message || "Bad request.");
}

export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
    const appError =
      err instanceof AppError
        ? err
        : err instanceof HTTPException
          ? fromHttpException(err)
          : toInternal(err, logger, c);
    return c.json(appError.toBody(), appError.status as 400);
  };
}

function toInternal(err: Error, logger: Logger, c: Context<AppEnv>): AppError {
  logger.error({ err, requestId: c.var.requestId, path: c.req.path }, "unhandled error");
  return new AppError("internal", `Something went wrong on the server (request ${c.var.requestId}).`);
}
