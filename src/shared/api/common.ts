import { z } from "zod";
import { COUNTRIES } from "../countries.ts";

/** A field's error message, or "is required" when the field is missing altogether. */
export function fieldError(message: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : message) };
}

export const idSchema = z.uuid(fieldError("must be a UUID"));
export const idParamSchema = z.object({ id: idSchema });
export const isoDaySchema = z.iso.date(fieldError("must be a date as YYYY-MM-DD"));
export const countryCodeSchema = z
  .string(fieldError("must be an ISO 3166-1 alpha-2 code such as AZ"))
  .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as AZ");
/** A country that may be stored: one of the list the countries table is synced from. */
export const knownCountrySchema = countryCodeSchema.refine(
  (code) => code in COUNTRIES,
  "is not a country IGC Desk knows",
);
/** PostgreSQL refuses the NUL character in text and JSON; refuse it here, at the field, instead. */
export function withoutNul(text: z.ZodString) {
  return text.refine((s) => !s.includes("\u0000"), "must not contain the NUL character (U+0000)");
}
/** The words a list is filtered by (`q`). */
export const searchTextSchema = withoutNul(z.string().trim().max(200, "must be at most 200 characters")).optional();
export const versionSchema = z.number(fieldError("must be the version number you read")).int().min(1);

/** A period of days where the end, when given, is not before the start. */
export function withOrderedDates<T extends z.ZodType<{ startsOn?: string | null; endsOn?: string | null }>>(schema: T) {
  return schema.refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    message: "must not be before startsOn",
    path: ["endsOn"],
  });
}

/** Input form of multilingual text: `{ ru?, en?, az? }` with at least one language, each within the limit. */
export function localizedTextSchema(maxLength: number) {
  const one = withoutNul(
    z.string().trim().min(1, "must not be empty").max(maxLength, `must be at most ${maxLength} characters`),
  );
  return z
    .strictObject({ ru: one.optional(), en: one.optional(), az: one.optional() })
    .refine((t) => t.ru !== undefined || t.en !== undefined || t.az !== undefined, {
      message: "give the text in at least one language (ru, en or az)",
    });
}

/** Output form of multilingual text (inputs use `localizedTextSchema` with limits). */
export const localizedTextOut = z.object({
  ru: z.string().optional(),
  en: z.string().optional(),
  az: z.string().optional(),
});
export const shortTextIn = localizedTextSchema(500);
export const longTextIn = localizedTextSchema(20_000);

export const limitSchema = z.coerce
  .number({ message: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(500, "must be at most 500")
  .default(50);
export const cursorSchema = z.string().max(500, "is not a cursor this server gave").optional();

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A multipart form field holding JSON text, checked field by field once parsed. */
export function jsonTextField<T extends z.ZodType>(schema: T) {
  return z
    .string(fieldError("must be JSON text"))
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON text" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}
