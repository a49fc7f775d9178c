import { Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { PageTitle } from "../components/PageTitle.tsx";
import { ErrorAlert } from "../components/QueryState.tsx";
import { SearchIcon, SearchResults } from "../components/SearchBox.tsx";
import { useLang } from "../hooks.ts";
import { useSearch } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

/** /search?q=…: every group with up to 20 hits; the address keeps the query, so results can be shared. */
export function SearchPage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get("q") ?? "");
  const [debounced] = useDebouncedValue(query, 300);
  const search = useSearch(debounced, 20);
  useDocumentTitle(t("search.title"));

  useEffect(() => {
    const q = debounced.trim();
    if ((params.get("q") ?? "") !== q) setParams(q ? { q } : {}, { replace: true });
  }, [debounced, params, setParams]);

  return (
    <Stack gap="lg">
      <PageTitle>{t("search.title")}</PageTitle>
      <TextInput
        type="search"
        aria-label={t("search.label")}
        placeholder={t("search.placeholder")}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        leftSection={<SearchIcon size={16} />}
        size="md"
        data-testid="search-page-input"
      />
      {search.isError ? (
        <ErrorAlert error={search.error} />
      ) : (
        <SearchResults query={debounced} result={debounced.trim().length >= 2 ? search.data : undefined} />
      )}
    </Stack>
  );
}
