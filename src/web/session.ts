import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { User } from "../shared/api/accounts.ts";
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
