import { z } from "zod";
import {
  countryCodeSchema,
  cursorSchema,
  fieldError,
  idSchema,
  knownCountrySchema,
  limitSchema,
  localizedTextOut,
  pageOf,
  searchTextSchema,
  shortTextIn,
  versionSchema,
  withoutNul,
} from "./common.ts";

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
    version: z.number().int(),
  })
  .meta({ id: "Organization" });
export type Organization = z.infer<typeof organizationSchema>;

export const organizationListQuerySchema = z.strictObject({
  country: countryCodeSchema.optional(),
  q: searchTextSchema,
  limit: limitSchema,
  cursor: cursorSchema,
});
export const organizationPageSchema = pageOf(organizationSchema);

const aliasesIn = z
  .array(withoutNul(z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters")))
  .max(50, "at most 50 names");

export const createOrganizationSchema = z
  .strictObject({
    country: knownCountrySchema.nullable(),
    kind: z.enum(ORGANIZATION_KINDS, fieldError(`must be one of: ${ORGANIZATION_KINDS.join(", ")}`)),
    name: shortTextIn,
    aliases: aliasesIn.default([]),
  })
  .meta({ id: "CreateOrganization" });
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;

export const updateOrganizationSchema = z
  .strictObject({
    version: versionSchema,
    country: knownCountrySchema.nullable().optional(),
    kind: z.enum(ORGANIZATION_KINDS, fieldError(`must be one of: ${ORGANIZATION_KINDS.join(", ")}`)).optional(),
    name: shortTextIn.optional(),
    aliases: aliasesIn.optional(),
  })
  .meta({ id: "UpdateOrganization" });
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationSchema>;

export const mergeOrganizationSchema = z.strictObject({ duplicateId: idSchema }).meta({ id: "MergeOrganization" });
