import { z } from "zod";
import { fieldError, idSchema, localizedTextOut, withoutNul } from "./common.ts";

export const searchQuerySchema = z.strictObject({
  q: withoutNul(
    z
      .string(fieldError("must be text"))
      .trim()
      .min(2, "type at least 2 characters")
      .max(200, "must be at most 200 characters"),
  ),
  commissionId: idSchema.optional(),
  limit: z.coerce.number({ message: "must be a number" }).int().min(1).max(20).default(5),
});

export const searchResultSchema = z
  .object({
    commitments: z.array(
      z.object({
        id: idSchema,
        commissionId: idSchema,
        sessionId: idSchema,
        sessionNumber: z.number().int(),
        itemNumber: z.string().nullable(),
        sector: z.string(),
        text: localizedTextOut,
      }),
    ),
    documents: z.array(
      z.object({
        id: idSchema,
        commissionId: idSchema,
        sessionId: idSchema.nullable(),
        kind: z.string(),
        title: localizedTextOut,
      }),
    ),
    organizations: z.array(z.object({ id: idSchema, country: z.string().nullable(), name: localizedTextOut })),
    people: z.array(z.object({ id: idSchema, name: localizedTextOut })),
  })
  .meta({ id: "SearchResult" });
export type SearchResult = z.infer<typeof searchResultSchema>;
