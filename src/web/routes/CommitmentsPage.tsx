import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Collapse,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { Commitment } from "../../shared/api/commitments.ts";
import { COMMITMENT_STATUSES } from "../../shared/deadline.ts";
import { SECTOR_CODES } from "../../shared/sectors.ts";
import { api } from "../api.ts";
import { OrganizationSelect } from "../components/form.tsx";
import { LoadMore } from "../components/LoadMore.tsx";
import { LocalizedText, usePlainText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ErrorAlert } from "../components/QueryState.tsx";
import { Responsible } from "../components/Responsible.tsx";
import { AwaitingBadge } from "../components/SideReports.tsx";
import { ProgressBar, StatusBadge } from "../components/StatusBadge.tsx";
import { countryName, formatDate, formatDeadline, sectorName, sessionTitle } from "../format.ts";
import { useLang } from "../hooks.ts";
import { LIST_FILTER_KEYS, LIST_SORTS, type ListFilterKey, type ListFilters, listFiltersOf } from "../monitoring.ts";
import { keys, useCommission, useCommissions, useOrganization } from "../queries.ts";
import { useListSearchParams } from "../session.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

const PAGE_SIZE = 50;

/**
 * The portfolio view: every commitment of every commission, narrowed by filters that live in the URL, so that each
 * number elsewhere (dashboard, scorecards) links to the list behind it. Pages follow the server's cursor.
 */
export function CommitmentsPage() {
  const { t } = useLang();
  useDocumentTitle(t("list.title"));
  const [params, setParams] = useListSearchParams();
  const filters = listFiltersOf(params);

  const setFilter = (key: ListFilterKey, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // A session belongs to one commission: changing the commission forgets it.
    if (key === "commissionId") next.delete("sessionId");
    setParams(next, { replace: true });
  };

  // Typed text asks the server after a pause; every other filter at once.
  const [q] = useDebouncedValue(filters.q, 300);
  const sent = { ...filters, q };
  const query = useInfiniteQuery({
    queryKey: [...keys.commitments, "list", sent],
    queryFn: ({ pageParam }) => api.listCommitments({ ...sent, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const complete = query.data !== undefined && !query.hasNextPage;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>{t("list.title")}</PageTitle>
        <Text c="dimmed">{t("list.subtitle")}</Text>
      </Stack>
      <Filters
        filters={filters}
        text={params.get("q") ?? ""}
        setFilter={setFilter}
        clear={() => setParams(new URLSearchParams(), { replace: true })}
      />
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600} data-testid="list-count" aria-live="polite">
          {query.isPending
            ? "…"
            : complete
              ? t("list.count", { count: items.length })
              : t("list.shownSoFar", { count: items.length })}
        </Text>
        <Group gap="xs" className="igc-no-print">
          <Text size="sm" c="dimmed">
            {t("list.download")}:
          </Text>
          <ExportLink filters={filters} format="xlsx" />
          <ExportLink filters={filters} format="csv" />
        </Group>
      </Group>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {complete && items.length === 0 && <Text c="dimmed">{t("list.empty")}</Text>}
      <Stack gap="xs" data-testid="commitment-list">
        {items.map((c) => (
          <Row key={c.id} commitment={c} showCommission={!filters.commissionId} />
        ))}
      </Stack>
      <LoadMore query={query} label={t("list.loadMore")} testId="load-more" />
    </Stack>
  );
}

/** The same filters as a spreadsheet, from the export endpoint (the whole list, not just the loaded pages). */
function ExportLink({ filters, format }: { filters: ListFilters; format: "xlsx" | "csv" }) {
  const { lang } = useLang();
  const params = new URLSearchParams();
  for (const key of LIST_FILTER_KEYS) if (filters[key]) params.set(key, filters[key] as string);
  if (format === "xlsx") params.set("lang", lang);
  return (
    <Anchor href={`/api/commitments/export.${format}?${params}`} size="sm" data-testid={`export-${format}`}>
      {format.toUpperCase()}
    </Anchor>
  );
}

function Filters({
  filters,
  text,
  setFilter,
  clear,
}: {
  filters: ListFilters;
  /** The text filter as typed (the URL keeps it untrimmed while typing). */
  text: string;
  setFilter: (key: ListFilterKey, value: string | null) => void;
  clear: () => void;
}) {
  const { t, lang } = useLang();
  const plain = usePlainText();
  const phone = useMediaQuery("(max-width: 48em)");
  const [open, setOpen] = useState(false);
  const commissions = useCommissions();
  const commission = useCommission(filters.commissionId);
  const organization = useOrganization(filters.organizationId);
  const sides = filters.commissionId
    ? (commission.data?.countries ?? [])
    : [...new Set((commissions.data?.items ?? []).flatMap((c) => c.countries))].sort();
  const sessions = [...(commission.data?.sessions ?? [])].sort((a, b) => a.number - b.number);
  const active = LIST_FILTER_KEYS.filter((k) => k !== "sort" && filters[k]).length;

  // Filters with no control of their own (they come from links): shown as chips that can be removed.
  const chips: { key: ListFilterKey; label: string }[] = [];
  if (filters.focalPointId) chips.push({ key: "focalPointId", label: t("list.focalPoint") });
  if (filters.measureId) chips.push({ key: "measureId", label: t("list.measure") });
  if (filters.programmeId) chips.push({ key: "programmeId", label: t("list.programme") });
  if (filters.overdue === "false") chips.push({ key: "overdue", label: t("list.notLate") });
  if (filters.open === "true") chips.push({ key: "open", label: t("list.open") });
  if (filters.dueFrom)
    chips.push({ key: "dueFrom", label: t("list.dueFrom", { date: formatDate(filters.dueFrom, lang) }) });
  if (filters.dueTo) chips.push({ key: "dueTo", label: t("list.dueTo", { date: formatDate(filters.dueTo, lang) }) });
  if (filters.progressBelow) {
    chips.push({ key: "progressBelow", label: t("list.progressBelow", { value: filters.progressBelow }) });
  }

  const controls = (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <NativeSelect
          label={t("list.commission")}
          value={filters.commissionId ?? ""}
          onChange={(e) => setFilter("commissionId", e.currentTarget.value || null)}
          data={[
            { value: "", label: t("list.allCommissions") },
            ...(commissions.data?.items ?? []).map((c) => ({ value: c.id, label: plain(c.shortName ?? c.name) })),
          ]}
          data-testid="filter-commission"
        />
        <NativeSelect
          label={t("list.session")}
          value={filters.sessionId ?? ""}
          disabled={!filters.commissionId}
          onChange={(e) => setFilter("sessionId", e.currentTarget.value || null)}
          data={[
            { value: "", label: t("list.allSessions") },
            ...sessions.map((s) => ({ value: s.id, label: sessionTitle(s.number, lang, t) })),
          ]}
          data-testid="filter-session"
        />
        <NativeSelect
          label={t("list.sector")}
          value={filters.sector ?? ""}
          onChange={(e) => setFilter("sector", e.currentTarget.value || null)}
          data={[
            { value: "", label: t("list.allSectors") },
            ...SECTOR_CODES.map((code) => ({ value: code, label: sectorName(code, lang) })).sort((a, b) =>
              a.label.localeCompare(b.label, lang),
            ),
          ]}
          data-testid="filter-sector"
        />
        <NativeSelect
          label={t("list.status")}
          value={filters.status ?? ""}
          onChange={(e) => setFilter("status", e.currentTarget.value || null)}
          data={[
            { value: "", label: t("list.allStatuses") },
            ...COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          data-testid="filter-status"
        />
        <OrganizationSelect
          label={t("list.organization")}
          value={filters.organizationId ?? null}
          selected={
            filters.organizationId && organization.data
              ? { id: filters.organizationId, label: plain(organization.data.name) }
              : null
          }
          onChange={(option) => setFilter("organizationId", option?.id ?? null)}
          testId="filter-organization"
        />
        <NativeSelect
          label={t("list.side")}
          value={filters.side ?? ""}
          onChange={(e) => setFilter("side", e.currentTarget.value || null)}
          data={[
            { value: "", label: t("list.allSides") },
            ...sides.map((s) => ({ value: s, label: `${countryName(s, lang)} (${s})` })),
          ]}
          data-testid="filter-side"
        />
        <TextInput
          label={t("list.text")}
          placeholder={t("list.textPlaceholder")}
          value={text}
          onChange={(e) => setFilter("q", e.currentTarget.value || null)}
          data-testid="filter-text"
        />
        <NativeSelect
          label={t("list.sort")}
          value={filters.sort ?? "protocol"}
          onChange={(e) => setFilter("sort", e.currentTarget.value === "protocol" ? null : e.currentTarget.value)}
          data={LIST_SORTS.map((s) => ({
            value: s,
            label: t(
              s === "protocol" ? "list.sortProtocol" : s === "deadline" ? "list.sortDeadline" : "list.sortUpdated",
            ),
          }))}
          data-testid="filter-sort"
        />
      </SimpleGrid>
      <Group gap="lg" wrap="wrap">
        <Checkbox
          label={t("list.late")}
          checked={filters.overdue === "true"}
          onChange={(e) => setFilter("overdue", e.currentTarget.checked ? "true" : null)}
          data-testid="filter-late"
        />
        <Checkbox
          label={t("list.awaiting")}
          checked={filters.awaitingConfirmation === "true"}
          onChange={(e) => setFilter("awaitingConfirmation", e.currentTarget.checked ? "true" : null)}
          data-testid="filter-awaiting"
        />
        {chips.map((chip) => (
          <Badge
            key={chip.key}
            variant="light"
            radius="sm"
            tt="none"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t("list.remove", { name: chip.label })}
                onClick={() => setFilter(chip.key, null)}
              />
            }
          >
            {chip.label}
          </Badge>
        ))}
        {active > 0 && (
          <Button size="compact-sm" variant="subtle" onClick={clear} data-testid="clear-filters">
            {t("list.clear")}
          </Button>
        )}
      </Group>
    </Stack>
  );

  return (
    <Paper withBorder p="sm" className="igc-no-print" data-testid="list-filters">
      {phone ? (
        <>
          <Button variant="subtle" size="compact-sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {t("list.filters")}
            {active > 0 ? ` (${active})` : ""}
          </Button>
          <Collapse expanded={open} mt={open ? "sm" : 0}>
            {controls}
          </Collapse>
        </>
      ) : (
        controls
      )}
    </Paper>
  );
}

function Row({ commitment: c, showCommission }: { commitment: Commitment; showCommission: boolean }) {
  const { t, lang } = useLang();
  const plain = usePlainText();
  const commissions = useCommissions();
  const commission = showCommission ? commissions.data?.items.find((x) => x.id === c.commissionId) : undefined;
  return (
    <Paper withBorder p="sm" component="article" data-testid="commitment-row" data-status={c.status}>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {commission && `${plain(commission.shortName ?? commission.name)} · `}
              <Anchor component={Link} to={`/sessions/${c.sessionId}`} size="xs" c="dimmed">
                {sessionTitle(c.sessionNumber, lang, t)}
              </Anchor>
              {c.itemNumber && ` · ${t("commitment.item")} ${c.itemNumber}`} · {sectorName(c.sector, lang)}
            </Text>
            <Anchor
              component={Link}
              to={`/commitments/${c.id}`}
              c="inherit"
              fw={500}
              style={{ overflowWrap: "anywhere" }}
            >
              <LocalizedText text={c.text} />
            </Anchor>
            <Responsible responsible={c.responsible} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Stack gap={6}>
            <Group gap={4}>
              <StatusBadge status={c.status} overdue={c.overdue} />
              {c.awaitingConfirmation && <AwaitingBadge />}
            </Group>
            <ProgressBar value={c.progress} status={c.status} overdue={c.overdue} />
            <Text size="sm">
              <Text span c="dimmed">
                {t("list.deadline")}:{" "}
              </Text>
              {formatDeadline(c.deadline, lang, t)}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
