import { Button } from "@mantine/core";

type PagedQuery = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

/** The button under a list that follows the server's cursor to the next page (nothing when there is none). */
export function LoadMore({
  query,
  label,
  testId,
  align = "center",
}: {
  query: PagedQuery;
  label: string;
  testId: string;
  align?: "center" | "flex-start";
}) {
  if (!query.hasNextPage) return null;
  return (
    <Button
      variant="light"
      onClick={() => void query.fetchNextPage()}
      loading={query.isFetchingNextPage}
      style={{ alignSelf: align }}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
