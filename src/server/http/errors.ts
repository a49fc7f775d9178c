import type { z } from "zod";
import { ERROR_CODES, type ErrorBody, type ErrorCode, type FieldIssue } from "../../shared/errors.ts";

/** The one error type services throw; the HTTP layer turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export function notFound(entity: string, id: string): AppError {
  return new AppError("not_found", `No ${entity} with id ${id}.`, { entity, id });
}

export function versionConflict(entity: string, sentVersion: number, currentVersion: number): AppError {
  return new AppError(
    "version_conflict",
    `This ${entity} was changed by someone else (you sent version ${sentVersion}, it is now ${currentVersion}). Reload and apply your change again.`,
    { sentVersion, currentVersion },
  );
}

const LOCATION_NAMES: Record<string, string> = {
  json: "body",
  form: "form",
  query: "query",
  param: "path",
  header: "header",
};

/** Turns zod issues into field-named messages a person can act on: `text.ru: must be at most 20000 characters`. */
export function fieldIssuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: "is not a known field" }));
    }
    if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) {
      return [{ path: path || "(body)", message: "is required" }];
    }
    return [{ path: path || "(body)", message: issue.message }];
  });
}

export function validationError(target: string, error: z.ZodError): AppError {
  const issues = fieldIssuesOf(error);
  const where = LOCATION_NAMES[target] ?? target;
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  return new AppError("validation_failed", `Invalid ${where}: ${summary}`, { location: where, issues });
}
