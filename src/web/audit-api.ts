import type { AuditPage } from "../shared/api/audit.ts";
import { apiRequest, type Query } from "./api.ts";

/** The filters of the audit page, as the URL and the API both name them. */
export const AUDIT_FILTER_KEYS = ["actor", "action", "entityType", "from", "to"] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilters = Partial<Record<AuditFilterKey, string>>;

/** Reading the audit log (there is nothing to write: events are recorded with the changes themselves). */
export function listAuditEvents(filters: AuditFilters, page: { limit: number; cursor?: string }) {
  const query: Query = { ...filters, limit: page.limit, cursor: page.cursor };
  return apiRequest<AuditPage>("GET", "/audit", { query });
}
