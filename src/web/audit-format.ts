/** How the audit page shows an event's record and values: pure, so that it is tested without a browser. */

// Records that have a page of their own (entity type → path prefix).
const ENTITY_PAGES: Record<string, string> = {
  commission: "/commissions",
  session: "/sessions",
  commitment: "/commitments",
  organization: "/organizations",
  person: "/people",
  programme: "/programmes",
  document: "/documents",
};

/** The page of the record an event is about, or null when it has none. */
export function entityPath(entityType: string, entityId: string): string | null {
  const prefix = ENTITY_PAGES[entityType];
  return prefix ? `${prefix}/${encodeURIComponent(entityId)}` : null;
}

/** A recorded value as plain text: strings as they are, anything else as JSON, null as `empty`. */
export function valueText(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === "") return empty;
  return typeof value === "string" ? value : JSON.stringify(value);
}
