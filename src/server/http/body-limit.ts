import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { AppError } from "./errors.ts";

/** A body without a stated length is held in memory while it is counted: acceptable up to this size only. */
const UNSTATED_LENGTH_MAX_BYTES = 1024 * 1024;

/**
 * A route's own limit for bodies larger than the API's default (uploads, imports); the app-wide limit must
 * skip the route for this one to apply. Above 1 MiB the body must state its length (browsers do for uploads):
 * a chunked one is refused with 411 before it is read, so slow or endless uploads cannot fill the memory.
 */
export function limitBodyTo(maxBytes: number, message: string) {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError("payload_too_large", message, { maxBytes });
    },
  });
  if (maxBytes <= UNSTATED_LENGTH_MAX_BYTES) return limit;
  return createMiddleware(async (c, next) => {
    if (c.req.header("content-length") === undefined && c.req.header("transfer-encoding") !== undefined) {
      throw new AppError(
        "length_required",
        "Send the upload with its Content-Length (not chunked): files this large are accepted only that way.",
      );
    }
    return limit(c, next);
  });
}
