import type {
  PublicAgreementPage,
  PublicationSettings,
  PublicationSettingsInput,
  PublicCommission,
  PublicCommissionList,
  PublicProgress,
  PublicSessionList,
  WithholdResult,
} from "../shared/api/publication.ts";
import { apiRequest, withQuery } from "./api.ts";

/*
 * The client of publishing: the public pages (no sign-in, no cookie needed) and the secretariat's settings.
 */

const request = <T>(method: "GET" | "PUT", path: string, body?: unknown): Promise<T> =>
  apiRequest<T>(method, path, body === undefined ? {} : { body });

const commission = (id: string, rest = "") => `/commissions/${encodeURIComponent(id)}${rest}`;
const publicCommission = (id: string, rest = "") => `/public${commission(id, rest)}`;

export const publicApi = {
  listCommissions: () => request<PublicCommissionList>("GET", "/public/commissions"),
  getCommission: (id: string) => request<PublicCommission>("GET", publicCommission(id)),
  listSessions: (id: string) => request<PublicSessionList>("GET", publicCommission(id, "/sessions")),
  listAgreements: (id: string, query: { sessionId?: string; cursor?: string; limit?: number }) =>
    request<PublicAgreementPage>("GET", withQuery(publicCommission(id, "/agreements"), query)),
  getProgress: (id: string) => request<PublicProgress>("GET", publicCommission(id, "/progress")),
};

export const publicationApi = {
  getSettings: (commissionId: string) => request<PublicationSettings>("GET", commission(commissionId, "/publication")),
  updateSettings: (commissionId: string, input: PublicationSettingsInput) =>
    request<PublicationSettings>("PUT", commission(commissionId, "/publication"), input),
  setWithheld: (commitmentId: string, withheld: boolean) =>
    request<WithholdResult>("PUT", `/commitments/${encodeURIComponent(commitmentId)}/publication`, { withheld }),
};

/** Where the public page of a commission is. */
export function publicCommissionPath(id: string): string {
  return `/public/commissions/${encodeURIComponent(id)}`;
}
