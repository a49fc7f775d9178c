import { bodyLimit } from "hono/body-limit";
import { AppError } from "./errors.ts";

/**
 * A route's own limit for bodies larger than the API's default (uploads, imports); the app-wide limit must
 * skip the route for this one to apply.
 */
export function limitBodyTo(maxBytes: number, message: string) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError("payload_too_large", message, { maxBytes });
    },
  });
}
