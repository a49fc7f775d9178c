import { z } from "zod";
import { countryCodeSchema, cursorSchema, idSchema, limitSchema, localizedTextOut, pageOf } from "./common.ts";

export const ORGANIZATION_KINDS = [
  "government",
  "ministry",
  "agency",
  "company",
  "fund",
  "chamber",
  "university",
  "joint_body",
  "other",
] as const;

export const organizationSchema = z
  .object({
    id: idSchema,
    country: countryCodeSchema.nullable(),
    kind: z.enum(ORGANIZATION_KINDS),
    name: localizedTextOut,
    aliases: z.array(z.string()),
  })
  .meta({ id: "Organization" });
export type Organization = z.infer<typeof organizationSchema>;

export const organizationListQuerySchema = z.strictObject({
  country: countryCodeSchema.optional(),
  q: z.string().trim().max(200).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const organizationPageSchema = pageOf(organizationSchema);
