import { z } from "zod";
import { fieldError, idSchema, localizedTextOut, withoutNul } from "./common.ts";

/** E-mail addresses are matched without regard to case, so they are kept trimmed and in lower case. */
export const emailSchema = z
  .string(fieldError("must be an e-mail address"))
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email("must be an e-mail address such as name@example.org"));

export const personNameIn = withoutNul(
  z.string(fieldError("must be text")).trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
);

/** A person inside a responsible organisation who reports on the commitments assigned to them. */
export const focalPointSchema = z
  .object({
    id: idSchema,
    organizationId: idSchema,
    organizationName: localizedTextOut,
    personId: idSchema.nullable(),
    name: z.string(),
    email: z.string(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "FocalPoint" });
export type FocalPoint = z.infer<typeof focalPointSchema>;
export const focalPointListSchema = z.object({ items: z.array(focalPointSchema) });
export type FocalPointList = z.infer<typeof focalPointListSchema>;

export const createFocalPointSchema = z
  .strictObject({ name: personNameIn, email: emailSchema, personId: idSchema.optional() })
  .meta({ id: "CreateFocalPoint" });
export type CreateFocalPointInput = z.infer<typeof createFocalPointSchema>;

export const updateFocalPointSchema = z
  .strictObject({
    name: personNameIn.optional(),
    email: emailSchema.optional(),
    active: z.boolean(fieldError("must be true or false")).optional(),
  })
  .meta({ id: "UpdateFocalPoint" });
export type UpdateFocalPointInput = z.infer<typeof updateFocalPointSchema>;

/** Until accounts exist, a person finds their own focal-point records by their e-mail address. */
export const focalPointsByEmailQuerySchema = z.strictObject({ email: emailSchema });
