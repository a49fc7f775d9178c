import { ActionIcon, Badge, Group, Kbd, Loader, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useDebouncedValue, useDisclosure, useHotkeys } from "@mantine/hooks";
import { type KeyboardEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { SearchResult } from "../../shared/api/search.ts";
import { countryName, sectorName, sessionTitle } from "../format.ts";
import { useLang } from "../hooks.ts";
import { useSearch } from "../queries.ts";
import { FormModal } from "./FormModal.tsx";
import { LocalizedText } from "./LocalizedText.tsx";

export const MIN_SEARCH = 2;

export function SearchIcon({ size = 18 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle cx="11" cy="11" r="7" stroke="currentColor" strokeWidth="2" />
      <path d="M20 20l-4-4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

type Hit = { key: string; to: string; group: keyof SearchResult; node: React.ReactNode };

/** The hits in the order they are shown: commitments, documents, organisations, people. */
export function useHits(result: SearchResult | undefined): Hit[] {
  const { t, lang } = useLang();
  if (!result) return [];
  return [
    ...result.commitments.map(
      (c): Hit => ({
        key: `c-${c.id}`,
        to: `/commitments/${c.id}`,
        group: "commitments",
        node: (
          <>
            <Text size="sm" lineClamp={2}>
              <LocalizedText text={c.text} />
            </Text>
            <Text size="xs" c="dimmed">
              {sessionTitle(c.sessionNumber, lang, t)}
              {c.itemNumber ? ` · ${t("commitment.item")} ${c.itemNumber}` : ""} · {sectorName(c.sector, lang)}
            </Text>
          </>
        ),
      }),
    ),
    ...result.documents.map(
      (d): Hit => ({
        key: `d-${d.id}`,
        to: `/documents/${d.id}`,
        group: "documents",
        node: (
          <>
            <Text size="sm" lineClamp={2}>
              <LocalizedText text={d.title} />
            </Text>
            <Text size="xs" c="dimmed">
              {t(`documentKinds.${d.kind}`, { defaultValue: d.kind })}
            </Text>
          </>
        ),
      }),
    ),
    ...result.organizations.map(
      (o): Hit => ({
        key: `o-${o.id}`,
        to: `/organizations/${o.id}`,
        group: "organizations",
        node: (
          <>
            <Text size="sm">
              <LocalizedText text={o.name} />
            </Text>
            {o.country && (
              <Text size="xs" c="dimmed">
                {countryName(o.country, lang)}
              </Text>
            )}
          </>
        ),
      }),
    ),
    ...result.people.map(
      (p): Hit => ({
        key: `p-${p.id}`,
        to: `/people/${p.id}`,
        group: "people",
        node: (
          <Text size="sm">
            <LocalizedText text={p.name} />
          </Text>
        ),
      }),
    ),
  ];
}

const GROUPS: (keyof SearchResult)[] = ["commitments", "documents", "organizations", "people"];

/** Results grouped under headings; each hit is a link, arrows move between them. */
export function SearchResults({
  query,
  result,
  onPick,
  listRef,
  onKeyDown,
}: {
  query: string;
  result: SearchResult | undefined;
  onPick?: () => void;
  listRef?: React.Ref<HTMLDivElement>;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
}) {
  const { t } = useLang();
  const hits = useHits(result);
  if (query.trim().length < MIN_SEARCH) {
    return (
      <Text size="sm" c="dimmed">
        {t("search.minChars", { count: MIN_SEARCH })}
      </Text>
    );
  }
  if (!result) return null;
  if (hits.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="search-nothing">
        {t("search.nothing", { query: query.trim() })}
      </Text>
    );
  }
  return (
    <Stack gap="md" ref={listRef} onKeyDown={onKeyDown} data-testid="search-results">
      {GROUPS.map((group) => {
        const inGroup = hits.filter((h) => h.group === group);
        if (inGroup.length === 0) return null;
        return (
          <Stack key={group} gap={4} component="section" aria-label={t(`searchGroups.${group}`)}>
            <Group gap={6}>
              <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                {t(`searchGroups.${group}`)}
              </Text>
              <Badge size="xs" variant="light" color="gray">
                {inGroup.length}
              </Badge>
            </Group>
            {inGroup.map((hit) => (
              <UnstyledButton
                key={hit.key}
                component={Link}
                to={hit.to}
                onClick={onPick}
                data-search-hit
                data-testid={`search-hit-${group}`}
                p={8}
                style={{ borderRadius: 8, display: "block" }}
                className="igc-search-hit"
              >
                {hit.node}
              </UnstyledButton>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** Up and down arrows move the focus through the hits; from the input, down enters the list. */
function moveFocus(container: HTMLElement | null, from: Element | null, step: 1 | -1, input: HTMLElement | null) {
  if (!container) return;
  const hits = [...container.querySelectorAll<HTMLElement>("[data-search-hit]")];
  if (hits.length === 0) return;
  const index = from ? hits.indexOf(from as HTMLElement) : -1;
  const next = index + step;
  if (next < 0) input?.focus();
  else hits[Math.min(next, hits.length - 1)]?.focus();
}

/**
 * The search in the header: a box on a wide screen, an icon on a phone; both open a dialog where results appear
 * as one types (at least two characters). Ctrl+K or "/" opens it from anywhere; Enter shows all results on a page.
 */
export function SearchBox() {
  const { t } = useLang();
  const [opened, { open, close }] = useDisclosure(false);
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query, 250);
  const search = useSearch(debounced);
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  useHotkeys([
    ["mod+K", open],
    ["/", open],
  ]);

  const showAll = () => {
    if (query.trim().length < MIN_SEARCH) return;
    close();
    void navigate(`/search?q=${encodeURIComponent(query.trim())}`);
  };

  return (
    <>
      <UnstyledButton
        onClick={open}
        visibleFrom="sm"
        aria-label={t("search.open")}
        data-testid="search-open"
        px="sm"
        h={34}
        style={{
          border: "1px solid var(--mantine-color-gray-4)",
          borderRadius: 8,
          color: "var(--mantine-color-dimmed)",
          minWidth: 220,
        }}
      >
        <Group gap={8} wrap="nowrap" justify="space-between">
          <Group gap={6} wrap="nowrap">
            <SearchIcon size={16} />
            <Text size="sm" c="dimmed">
              {t("search.placeholder")}
            </Text>
          </Group>
          <Kbd size="xs">Ctrl K</Kbd>
        </Group>
      </UnstyledButton>
      <ActionIcon
        variant="default"
        size="lg"
        onClick={open}
        hiddenFrom="sm"
        aria-label={t("search.open")}
        data-testid="search-open-phone"
      >
        <SearchIcon />
      </ActionIcon>
      <FormModal opened={opened} onClose={close} title={t("search.title")} size="xl">
        <Stack gap="md">
          <TextInput
            ref={input}
            data-autofocus
            type="search"
            aria-label={t("search.label")}
            placeholder={t("search.placeholder")}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            leftSection={<SearchIcon size={16} />}
            rightSection={search.isFetching ? <Loader size="xs" /> : null}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") {
                e.preventDefault();
                moveFocus(list.current, null, 1, input.current);
              } else if (e.key === "Enter") {
                e.preventDefault();
                showAll();
              }
            }}
            data-testid="search-input"
          />
          <SearchResults
            query={query}
            result={query.trim().length >= MIN_SEARCH ? search.data : undefined}
            onPick={close}
            listRef={list}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown" || e.key === "ArrowUp") {
                e.preventDefault();
                moveFocus(list.current, document.activeElement, e.key === "ArrowDown" ? 1 : -1, input.current);
              }
            }}
          />
          {query.trim().length >= MIN_SEARCH && search.data && (
            <UnstyledButton onClick={showAll} c="blue" fz="sm" data-testid="search-show-all">
              {t("search.showAll")}
            </UnstyledButton>
          )}
        </Stack>
      </FormModal>
    </>
  );
}
