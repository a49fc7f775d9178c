import { type QueryClient, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import type { User } from "../shared/api/accounts.ts";
import { seesPortfolio } from "../shared/portfolio-reach.ts";
import { accountsApi } from "./accounts-api.ts";

const ME = ["me"] as const;

/** The signed-in person, or null when nobody is (the server answered 401). */
export function useMe() {
  return useQuery({
    queryKey: ME,
    queryFn: async (): Promise<User | null> => (await accountsApi.me()).user,
    staleTime: 5 * 60_000,
  });
}

/** After signing in or out, or when a call finds the session over: ask the server who this is again. */
export function refreshMe(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ME });
}

/** Forget everything fetched for the previous person, then ask who is here now. */
export async function switchPerson(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME[0] });
  await refreshMe(queryClient);
}

/** The commission a person whose roles cover some commissions only works in (the first); undefined for the rest. */
export function ownCommission(user: User | null | undefined): string | undefined {
  if (!user || seesPortfolio(user)) return undefined;
  return user.grants.find((g) => g.commissionId !== null)?.commissionId ?? undefined;
}

/**
 * The address's search parameters for a list or dashboard, with the person's own commission filled in when their
 * roles cover some commissions only and the address names none (the server would refuse the whole portfolio).
 */
export function useListSearchParams(): ReturnType<typeof useSearchParams> {
  const [params, setParams] = useSearchParams();
  const own = ownCommission(useMe().data);
  if (!own || params.has("commissionId") || params.has("sessionId")) return [params, setParams];
  const scoped = new URLSearchParams(params);
  scoped.set("commissionId", own);
  return [scoped, setParams];
}
