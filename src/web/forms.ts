import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { ApiError } from "./api.ts";

/** Messages by field path ("text.ru", "number", "responsible.0.organizationId"), as the server reports them. */
export type FieldErrors = Record<string, string>;

/**
 * The issues of a failed parse named the way the server names them (see `fieldIssuesOf` in the server's errors
 * module): the same contract checked in the browser gives the same path and message as the server's 400 would.
 */
export function issuesOf(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) result[path ? `${path}.${key}` : key] ??= "is not a known field";
      continue;
    }
    const message =
      issue.code === "invalid_type" && /received undefined/.test(issue.message) ? "is required" : issue.message;
    result[path || "(body)"] ??= message;
  }
  return result;
}

/** Checks `input` against a contract; the errors, or null when it passes. */
export function check(schema: z.ZodType, input: unknown): FieldErrors | null {
  const parsed = schema.safeParse(input);
  return parsed.success ? null : issuesOf(parsed.error);
}

export type ApiForm<TInput> = {
  /** Messages shown at the fields. */
  errors: FieldErrors;
  /** A message for the whole form: the server's answer, or the issues no field of the form shows. */
  failure: string | null;
  /** The record changed meanwhile (409 on a stale version): the form says so and the data is reloaded. */
  conflict: boolean;
  pending: boolean;
  submit: (input: TInput) => void;
  /** Clears the messages (when the form is opened again). */
  reset: () => void;
  /** The message at a field, or at any of the given paths (the first one that has one). */
  error: (...paths: string[]) => string | undefined;
  /** The first message at a path or anywhere under it ("languages" finds "languages.1"). */
  errorUnder: (prefix: string) => string | undefined;
};

/**
 * One form's round trip: check the input against the endpoint's own contract (a convenience, the server checks
 * again), send it, and put each message at its field. `fields` are the paths the form shows: a message for any
 * other path goes to the form's alert, so that nothing the server says is lost.
 */
export function useApiForm<TInput, TResult>(options: {
  schema?: z.ZodType;
  /** Checks beyond one contract (a form that makes two requests checks both); null when the input passes. */
  validate?: (input: TInput) => FieldErrors | null;
  send: (input: TInput) => Promise<TResult>;
  fields: readonly string[];
  onSuccess?: (result: TResult, input: TInput) => void | Promise<void>;
  onConflict?: () => void | Promise<void>;
}): ApiForm<TInput> {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  // "languages.*" stands for every path under "languages" (languages.0, languages.1 …).
  const known = (path: string) =>
    options.fields.some((f) => f === path || (f.endsWith(".*") && path.startsWith(f.slice(0, -1))));
  const show = (issues: FieldErrors, fallback: string | null) => {
    const shown: FieldErrors = {};
    const elsewhere: string[] = [];
    for (const [path, message] of Object.entries(issues)) {
      if (known(path)) shown[path] = message;
      else elsewhere.push(`${path}: ${message}`);
    }
    setErrors(shown);
    setFailure(elsewhere.length > 0 ? elsewhere.join("; ") : Object.keys(shown).length > 0 ? null : fallback);
  };

  const mutation = useMutation({
    mutationFn: (input: TInput) => options.send(input),
    onSuccess: async (result, input) => {
      setErrors({});
      setFailure(null);
      await options.onSuccess?.(result, input);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === "version_conflict") {
        setErrors({});
        setFailure(null);
        setConflict(true);
        await options.onConflict?.();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      show(error instanceof ApiError ? error.fieldIssues() : {}, message);
    },
  });

  return {
    errors,
    failure,
    conflict,
    pending: mutation.isPending,
    submit: (input) => {
      setConflict(false);
      const issues = (options.schema ? check(options.schema, input) : null) ?? options.validate?.(input) ?? null;
      if (issues) {
        show(issues, null);
        return;
      }
      mutation.mutate(input);
    },
    reset: () => {
      setErrors({});
      setFailure(null);
      setConflict(false);
      mutation.reset();
    },
    error: (...paths) => {
      for (const path of paths) if (errors[path]) return errors[path];
      return undefined;
    },
    errorUnder: (prefix) => {
      const entry = Object.entries(errors).find(([path]) => path === prefix || path.startsWith(`${prefix}.`));
      return entry?.[1];
    },
  };
}

/** The non-empty entries of a multilingual text typed into a form ({ ru: "…" } when only Russian was filled). */
export function textOf(
  value: Partial<Record<"ru" | "en" | "az", string>>,
): Partial<Record<"ru" | "en" | "az", string>> {
  const result: Partial<Record<"ru" | "en" | "az", string>> = {};
  for (const lang of ["ru", "en", "az"] as const) {
    const text = value[lang]?.trim();
    if (text) result[lang] = text;
  }
  return result;
}

/** "" → undefined, for optional text fields. */
export function optional(value: string): string | undefined {
  const text = value.trim();
  return text ? text : undefined;
}
