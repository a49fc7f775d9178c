import { MutationCache, QueryCache, QueryClient, useQuery } from "@tanstack/react-query";
import type { GrowthQuery } from "../shared/api/indicators.ts";
import type { DashboardQuery, RollupQuery } from "../shared/api/monitoring.ts";
import { ApiError, api } from "./api.ts";
import { ownCommission, refreshMe, useMe } from "./session.ts";

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended (expired, signed out elsewhere): ask who is here, which shows sign-in.
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.status === 401) void refreshMe(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; network failures and 5xx may.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
  return client;
}

export const keys = {
  commissions: ["commissions"] as const,
  commission: (id: string) => ["commission", id] as const,
  /** Everything shown on a commission's overview besides the commission itself: bodies, projects, trade, documents. */
  commissionParts: (id: string) => ["commission-parts", id] as const,
  jointBodies: (id: string) => ["commission-parts", id, "joint-bodies"] as const,
  projects: (id: string) => ["commission-parts", id, "projects"] as const,
  observations: (id: string) => ["commission-parts", id, "observations"] as const,
  growth: (id: string, query: GrowthQuery) => ["commission-parts", id, "growth", query] as const,
  commissionDocuments: (id: string) => ["documents", { commissionId: id }] as const,
  documents: ["documents"] as const,
  document: (id: string) => ["document", id] as const,
  session: (id: string) => ["session", id] as const,
  sessionDocuments: (id: string) => ["documents", { sessionId: id }] as const,
  commitments: ["commitments"] as const,
  sessionCommitments: (sessionId: string) => ["commitments", { sessionId }] as const,
  commissionCommitments: (commissionId: string) => ["commitments", { commissionId }] as const,
  commitment: (id: string) => ["commitment", id] as const,
  statusUpdates: (commitmentId: string) => ["commitment", commitmentId, "updates"] as const,
  programme: (id: string) => ["programme", id] as const,
  organization: (id: string) => ["organization", id] as const,
  organizations: (query: { q?: string; country?: string }) => ["organizations", query] as const,
  person: (id: string) => ["person", id] as const,
  people: (q: string) => ["people", q] as const,
  search: (q: string, limit: number, commissionId: string | undefined) => ["search", q, limit, commissionId] as const,
  comments: (commitmentId: string) => ["commitment", commitmentId, "comments"] as const,
  watchers: (commitmentId: string) => ["commitment", commitmentId, "watchers"] as const,
  focalPoints: (organizationId: string) => ["focal-points", organizationId] as const,
  myFocalPoints: (email: string) => ["focal-points", { email }] as const,
  /** Every figure computed from commitments: dashboards, roll-ups, carry-over proposals and reports. */
  monitoring: ["monitoring"] as const,
  dashboard: (query: DashboardQuery) => ["monitoring", "dashboard", query] as const,
  rollups: (query: RollupQuery) => ["monitoring", "rollups", query] as const,
  carryOver: (sessionId: string) => ["monitoring", "carry-over", sessionId] as const,
  implementationReport: (sessionId: string) => ["monitoring", "implementation-report", sessionId] as const,
  inbox: (email: string) => ["inbox", email] as const,
};

export const useCommissions = () => useQuery({ queryKey: keys.commissions, queryFn: api.listCommissions });

export const useCommission = (id: string | undefined) =>
  useQuery({ queryKey: keys.commission(id ?? ""), queryFn: () => api.getCommission(id ?? ""), enabled: !!id });

export const useSession = (id: string | undefined) =>
  useQuery({ queryKey: keys.session(id ?? ""), queryFn: () => api.getSession(id ?? ""), enabled: !!id });

export const useSessionCommitments = (sessionId: string | undefined) =>
  useQuery({
    queryKey: keys.sessionCommitments(sessionId ?? ""),
    queryFn: () => api.listAllCommitments({ sessionId, sort: "protocol" }),
    enabled: !!sessionId,
  });

export const useCommissionCommitments = (commissionId: string | undefined) =>
  useQuery({
    queryKey: keys.commissionCommitments(commissionId ?? ""),
    queryFn: () => api.listAllCommitments({ commissionId, sort: "protocol" }),
    enabled: !!commissionId,
  });

export const useCommitment = (id: string | undefined | null) =>
  useQuery({ queryKey: keys.commitment(id ?? ""), queryFn: () => api.getCommitment(id ?? ""), enabled: !!id });

export const useStatusUpdates = (commitmentId: string | undefined) =>
  useQuery({
    queryKey: keys.statusUpdates(commitmentId ?? ""),
    queryFn: () => api.listStatusUpdates(commitmentId ?? ""),
    enabled: !!commitmentId,
  });

export const useProgramme = (id: string | undefined) =>
  useQuery({ queryKey: keys.programme(id ?? ""), queryFn: () => api.getProgramme(id ?? ""), enabled: !!id });

export const useOrganization = (id: string | undefined | null) =>
  useQuery({
    queryKey: keys.organization(id ?? ""),
    queryFn: () => api.getOrganization(id ?? ""),
    enabled: !!id,
  });

export const usePerson = (id: string | undefined | null) =>
  useQuery({ queryKey: keys.person(id ?? ""), queryFn: () => api.getPerson(id ?? ""), enabled: !!id });

export const useJointBodies = (commissionId: string | undefined) =>
  useQuery({
    queryKey: keys.jointBodies(commissionId ?? ""),
    queryFn: () => api.listJointBodies(commissionId ?? ""),
    enabled: !!commissionId,
  });

export const useProjects = (commissionId: string | undefined) =>
  useQuery({
    queryKey: keys.projects(commissionId ?? ""),
    queryFn: () => api.listProjects(commissionId ?? ""),
    enabled: !!commissionId,
  });

export const useObservations = (commissionId: string | undefined) =>
  useQuery({
    queryKey: keys.observations(commissionId ?? ""),
    queryFn: () => api.listObservations(commissionId ?? ""),
    enabled: !!commissionId,
  });

export const useGrowth = (commissionId: string, query: GrowthQuery | null) =>
  useQuery({
    queryKey: keys.growth(commissionId, query ?? { indicator: "trade_turnover", reporter: "", from: "", to: "" }),
    queryFn: () => api.growth(commissionId, query as GrowthQuery),
    enabled: query !== null,
  });

export const useCommissionDocuments = (commissionId: string | undefined) =>
  useQuery({
    queryKey: keys.commissionDocuments(commissionId ?? ""),
    queryFn: () => api.listDocuments({ commissionId }),
    enabled: !!commissionId,
  });

export const useSessionDocuments = (sessionId: string | undefined) =>
  useQuery({
    queryKey: keys.sessionDocuments(sessionId ?? ""),
    queryFn: () => api.listDocuments({ sessionId }),
    enabled: !!sessionId,
  });

export const useDocument = (id: string | undefined) =>
  useQuery({ queryKey: keys.document(id ?? ""), queryFn: () => api.getDocument(id ?? ""), enabled: !!id });

export const useSearch = (q: string, limit = 5) => {
  const query = q.trim();
  // A person whose roles cover some commissions only searches their own (the server refuses the portfolio).
  const commissionId = ownCommission(useMe().data);
  return useQuery({
    queryKey: keys.search(query, limit, commissionId),
    queryFn: () => api.search(query, limit, commissionId),
    enabled: query.length >= 2,
    staleTime: 10_000,
    placeholderData: (previous) => previous,
  });
};

export const useComments = (commitmentId: string) =>
  useQuery({ queryKey: keys.comments(commitmentId), queryFn: () => api.listComments(commitmentId) });

export const useWatchers = (commitmentId: string) =>
  useQuery({ queryKey: keys.watchers(commitmentId), queryFn: () => api.listWatchers(commitmentId) });

export const useFocalPoints = (organizationId: string | undefined) =>
  useQuery({
    queryKey: keys.focalPoints(organizationId ?? ""),
    queryFn: () => api.listFocalPoints(organizationId ?? ""),
    enabled: !!organizationId,
  });

/** The focal-point records of the person using this browser, found by the e-mail address they gave. */
export const useMyFocalPoints = (email: string) =>
  useQuery({
    queryKey: keys.myFocalPoints(email),
    queryFn: () => api.focalPointsByEmail(email),
    enabled: email.includes("@"),
  });

export const useDashboard = (query: DashboardQuery) =>
  useQuery({ queryKey: keys.dashboard(query), queryFn: () => api.dashboard(query) });

export const useRollups = (query: RollupQuery, enabled = true) =>
  useQuery({ queryKey: keys.rollups(query), queryFn: () => api.rollups(query), enabled });

export const useCarryOver = (sessionId: string, enabled = true) =>
  useQuery({ queryKey: keys.carryOver(sessionId), queryFn: () => api.carryOverProposals(sessionId), enabled });

export const useImplementationReport = (sessionId: string) =>
  useQuery({
    queryKey: keys.implementationReport(sessionId),
    queryFn: () => api.implementationReport(sessionId),
  });

export const useInbox = (email: string) =>
  useQuery({
    queryKey: keys.inbox(email),
    queryFn: () => api.inbox(email),
    enabled: email.includes("@"),
    staleTime: 15_000,
    refetchInterval: 60_000,
  });
