import { z } from "zod";
import { localizedTextSchema } from "../i18n-text.ts";

/** A field's error message, or "is required" when the field is missing altogether. */
export function fieldError(message: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : message) };
}

export const idSchema = z.uuid(fieldError("must be a UUID"));
export const idParamSchema = z.object({ id: idSchema });
export const isoDaySchema = z.iso.date({ message: "must be a date as YYYY-MM-DD" });
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as AZ");

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
