import type { Commitment, CommitmentListQuery } from "../../../shared/api/commitments.ts";
import type { CommitmentService } from "../commitments/commitments.service.ts";

export type CommitmentFilter = Omit<CommitmentListQuery, "limit" | "cursor">;

const PAGE_SIZE = 500;

/** The whole filtered list, read page after page with the list's own cursor. */
export async function listAllCommitments(service: CommitmentService, filter: CommitmentFilter): Promise<Commitment[]> {
  const all: Commitment[] = [];
  let cursor: string | undefined;
  do {
    const page = await service.list({ ...filter, limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return all;
}
