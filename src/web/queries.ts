import { QueryClient, useQuery } from "@tanstack/react-query";
import { ApiError, api } from "./api.ts";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; network failures and 5xx may.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}

export const keys = {
  commissions: ["commissions"] as const,
  commission: (id: string) => ["commission", id] as const,
  session: (id: string) => ["session", id] as const,
  sessionCommitments: (sessionId: string) => ["commitments", { sessionId }] as const,
  commitment: (id: string) => ["commitment", id] as const,
  statusUpdates: (commitmentId: string) => ["commitment", commitmentId, "updates"] as const,
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

export const useCommitment = (id: string | undefined | null) =>
  useQuery({ queryKey: keys.commitment(id ?? ""), queryFn: () => api.getCommitment(id ?? ""), enabled: !!id });

export const useStatusUpdates = (commitmentId: string | undefined) =>
  useQuery({
    queryKey: keys.statusUpdates(commitmentId ?? ""),
    queryFn: () => api.listStatusUpdates(commitmentId ?? ""),
    enabled: !!commitmentId,
  });
