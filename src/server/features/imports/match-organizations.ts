import { normalizeName, writeAliases } from "../organizations/organizations.service.ts";
import { auditImport, type CommissionRef, type ImportContext, localized } from "./import-context.ts";
import { findOrganizationsByAliases, insertOrganization } from "./imports.repo.ts";
import { aliasKeysOf, countryOf, kindOf, namesOf, namesTheCommission } from "./organization-names.ts";

export type OrganizationRef = { id: string; country: string | null };
export type OrganizationFinder = (
  name: string,
  fact: string,
  known?: { fullName?: string | null | undefined; country?: string | null | undefined },
) => Promise<OrganizationRef | null>;

/**
 * Finds organisations by any of their names (organization_aliases.normalized, every language), creating the ones
 * not found with each name they go by as an alias. A name is looked up once per accept, however often it recurs;
 * the first mention is what the tally counts.
 */
export function organizationFinder(context: ImportContext, commission: CommissionRef): OrganizationFinder {
  const found = new Map<string, OrganizationRef | null>();

  async function lookUp(name: string, fullName: string | null): Promise<OrganizationRef | null> {
    const keys = [...aliasKeysOf(name), ...(fullName ? aliasKeysOf(fullName) : [])];
    const rows = await findOrganizationsByAliases(context.trx, keys);
    if (rows.length === 0) return null;
    // The full name outranks an acronym or a name without its legal form; then a body of one of the two sides.
    const ranked = [...rows].sort(
      (a, b) =>
        keys.indexOf(a.normalized) - keys.indexOf(b.normalized) ||
        Number(!commission.sides.includes(a.country_code ?? "")) -
          Number(!commission.sides.includes(b.country_code ?? "")),
    );
    const best = ranked[0];
    return best ? { id: best.id, country: best.country_code } : null;
  }

  async function create(name: string, fullName: string | null, country: string | null): Promise<OrganizationRef> {
    // The name as the draft lists it; the longer name beside it is often inflected («компанией»), so only an alias.
    const organization = { country, kind: kindOf(fullName ?? name), name: localized(context, name) };
    const id = await insertOrganization(context.trx, organization);
    const aliases = [...namesOf(name), ...(fullName ? namesOf(fullName) : [])];
    await writeAliases(context.trx, id, organization.name, aliases);
    await auditImport(context, {
      action: "organization.create",
      entityType: "organization",
      entityId: id,
      after: { ...organization, aliases },
    });
    return { id, country };
  }

  return async (name, fact, known = {}) => {
    const key = normalizeName(name);
    if (found.has(key)) return found.get(key) ?? null;
    if (namesTheCommission(name)) {
      context.tally.skip(fact, `«${name}» is the commission itself, not an organisation.`);
      found.set(key, null);
      return null;
    }
    const fullName = known.fullName ?? null;
    const existing = await lookUp(name, fullName);
    if (existing) context.tally.match("organizations");
    else context.tally.create("organizations");
    const organization = existing ?? (await create(name, fullName, known.country ?? countryOf(fullName ?? name)));
    found.set(key, organization);
    return organization;
  };
}
