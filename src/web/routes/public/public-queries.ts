import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { publicApi } from "../../publication-api.ts";

const AGREEMENTS_PER_PAGE = 50;

/** Query keys of the public pages: apart from the secretariat's, so nothing there invalidates them by accident. */
const publicKeys = {
  commissions: ["public", "commissions"] as const,
  commission: (id: string) => ["public", "commission", id] as const,
  sessions: (id: string) => ["public", "commission", id, "sessions"] as const,
  agreements: (id: string, sessionId: string | undefined) =>
    ["public", "commission", id, "agreements", sessionId] as const,
  progress: (id: string) => ["public", "commission", id, "progress"] as const,
};

export const usePublicCommissions = () =>
  useQuery({ queryKey: publicKeys.commissions, queryFn: publicApi.listCommissions });

export const usePublicCommission = (id: string) =>
  useQuery({ queryKey: publicKeys.commission(id), queryFn: () => publicApi.getCommission(id) });

export const usePublicSessions = (id: string, enabled: boolean) =>
  useQuery({ queryKey: publicKeys.sessions(id), queryFn: () => publicApi.listSessions(id), enabled });

export const usePublicProgress = (id: string, enabled: boolean) =>
  useQuery({ queryKey: publicKeys.progress(id), queryFn: () => publicApi.getProgress(id), enabled });

/** The agreements page by page (protocol order), optionally of one session. */
export const usePublicAgreements = (id: string, sessionId: string | undefined) =>
  useInfiniteQuery({
    queryKey: publicKeys.agreements(id, sessionId),
    queryFn: ({ pageParam }) =>
      publicApi.listAgreements(id, { sessionId, cursor: pageParam, limit: AGREEMENTS_PER_PAGE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
