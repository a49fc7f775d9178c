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

/**
 * The database's own refusals that a request's input caused. Every route validates its input first; these are the
 * safety net for a rule the validation missed: the request is refused, not reported as a server failure.
 */
const INPUT_REFUSALS: Record<string, { code: "validation_failed" | "conflict"; message: string }> = {
  "23503": { code: "validation_failed", message: "It names a record that does not exist." },
  "23514": { code: "validation_failed", message: "A value breaks a rule of the record." },
  "23505": { code: "conflict", message: "Such a record already exists." },
  "23502": { code: "validation_failed", message: "A required value is missing." },
  "22001": { code: "validation_failed", message: "A value is too long." },
  "22003": { code: "validation_failed", message: "A number is out of range." },
  "22007": { code: "validation_failed", message: "A date or time is not valid." },
  "22008": { code: "validation_failed", message: "A date or time is out of range." },
  "22021": { code: "validation_failed", message: "A text contains bytes that are not valid UTF-8." },
  "22P02": { code: "validation_failed", message: "A value has the wrong form." },
  "22P05": { code: "validation_failed", message: "A text contains a character the database cannot store (U+0000)." },
};

function fromDatabase(err: Error, logger: Logger, c: Context<AppEnv>): AppError | null {
  const sqlState = (err as { code?: unknown }).code;
  const refusal = typeof sqlState === "string" ? INPUT_REFUSALS[sqlState] : undefined;
  if (!refusal) return null;
  // A validation gap to close at its route: logged so that it is seen, answered as the client's mistake.
  logger.warn({ err, requestId: c.var.requestId, path: c.req.path }, "input refused by the database");
  return new AppError(refusal.code, `${refusal.message} Check the request (${c.var.requestId}).`);
}

export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
    const appError =
      err instanceof AppError
        ? err
        : err instanceof HTTPException
          ? fromHttpException(err)
          : (fromDatabase(err, logger, c) ?? toInternal(err, logger, c));
    return c.json(appError.toBody(), appError.status as 400);
  };
}

function toInternal(err: Error, logger: Logger, c: Context<AppEnv>): AppError {
  logger.error({ err, requestId: c.var.requestId, path: c.req.path }, "unhandled error");
  return new AppError("internal", `Something went wrong on the server (request ${c.var.requestId}).`);
}
