import { z } from "zod";
import {
  cursorSchema,
  idSchema,
  isoDaySchema,
  limitSchema,
  localizedTextOut,
  pageOf,
  searchTextSchema,
  shortTextIn,
  versionSchema,
  withOrderedDates,
} from "./common.ts";

export const positionSchema = z.object({
  id: idSchema,
  title: localizedTextOut,
  organization: z.object({ id: idSchema, name: localizedTextOut }).nullable(),
  startsOn: isoDaySchema.nullable(),
  endsOn: isoDaySchema.nullable(),
});

export const personSchema = z
  .object({ id: idSchema, name: localizedTextOut, positions: z.array(positionSchema), version: z.number().int() })
  .meta({ id: "Person" });
export type Person = z.infer<typeof personSchema>;

export const createPositionSchema = withOrderedDates(
  z.strictObject({
    title: shortTextIn,
    organizationId: idSchema.nullable().optional(),
    startsOn: isoDaySchema.nullable().optional(),
    endsOn: isoDaySchema.nullable().optional(),
  }),
).meta({ id: "CreatePosition" });
export type CreatePositionInput = z.infer<typeof createPositionSchema>;

export const createPersonSchema = z
  .strictObject({ name: shortTextIn, position: createPositionSchema.optional() })
  .meta({ id: "CreatePerson" });
export type CreatePersonInput = z.infer<typeof createPersonSchema>;

export const updatePersonSchema = z
  .strictObject({ version: versionSchema, name: shortTextIn })
  .meta({ id: "UpdatePerson" });

export const personListQuerySchema = z.strictObject({
  q: searchTextSchema,
  limit: limitSchema,
  cursor: cursorSchema,
});
export const personPageSchema = pageOf(personSchema);
