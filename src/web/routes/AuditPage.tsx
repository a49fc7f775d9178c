import {
  Anchor,
  Badge,
  Button,
  Code,
  Collapse,
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
import { Link, useSearchParams } from "react-router";
import { AUDITED_ENTITY_TYPES, type AuditChange, type AuditEvent } from "../../shared/api/audit.ts";
import { AUDIT_FILTER_KEYS, type AuditFilterKey, type AuditFilters, listAuditEvents } from "../audit-api.ts";
import { entityPath, valueText } from "../audit-format.ts";
import { LoadMore } from "../components/LoadMore.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ErrorAlert } from "../components/QueryState.tsx";
import { formatDateTime } from "../format.ts";
import { useLang } from "../hooks.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

const PAGE_SIZE = 50;

function filtersOf(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/**
 * Who changed what and when, newest first, with the values before and after. Filters live in the URL so that a
 * filtered view can be shared; pages follow the server's cursor. Read only: the log cannot be edited.
 */
export function AuditPage() {
  const { t } = useLang();
  useDocumentTitle(t("auditLog.title"));
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);

  // From the latest address, not this render's: two fields typed in quick succession must not undo each other.
  const setFilter = (key: AuditFilterKey, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // Typed names and actions ask the server after a pause; the other filters at once.
  const [sent] = useDebouncedValue(filters, 300);
  const query = useInfiniteQuery({
    queryKey: ["audit", sent],
    queryFn: ({ pageParam }) => listAuditEvents(sent, { limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const events = query.data?.pages.flatMap((p) => p.items) ?? [];
  const complete = query.data !== undefined && !query.hasNextPage;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>{t("auditLog.title")}</PageTitle>
        <Text c="dimmed">{t("auditLog.subtitle")}</Text>
      </Stack>
      <Filters
        params={params}
        setFilter={setFilter}
        clear={() => setParams(new URLSearchParams(), { replace: true })}
      />
      <Text fw={600} data-testid="audit-count" aria-live="polite">
        {query.isPending
          ? "…"
          : complete
            ? t("auditLog.count", { count: events.length })
            : t("auditLog.shownSoFar", { count: events.length })}
      </Text>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {complete && events.length === 0 && <Text c="dimmed">{t("auditLog.empty")}</Text>}
      <Stack gap="xs" data-testid="audit-events">
        {events.map((event) => (
          <EventCard key={event.id} event={event} />
        ))}
      </Stack>
      <LoadMore query={query} label={t("auditLog.loadMore")} testId="audit-load-more" />
    </Stack>
  );
}

function Filters({
  params,
  setFilter,
  clear,
}: {
  /** The filters as typed (the URL keeps them untrimmed while typing). */
  params: URLSearchParams;
  setFilter: (key: AuditFilterKey, value: string) => void;
  clear: () => void;
}) {
  const { t } = useLang();
  const phone = useMediaQuery("(max-width: 48em)");
  const [open, setOpen] = useState(false);
  const value = (key: AuditFilterKey) => params.get(key) ?? "";
  const active = AUDIT_FILTER_KEYS.filter((key) => value(key)).length;
  const controls = (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t("auditLog.actor")}
          placeholder={t("auditLog.actorPlaceholder")}
          value={value("actor")}
          onChange={(e) => setFilter("actor", e.currentTarget.value)}
          data-testid="audit-filter-actor"
        />
        <TextInput
          label={t("auditLog.action")}
          placeholder={t("auditLog.actionPlaceholder")}
          value={value("action")}
          onChange={(e) => setFilter("action", e.currentTarget.value)}
          data-testid="audit-filter-action"
        />
        <NativeSelect
          label={t("auditLog.entityType")}
          value={value("entityType")}
          onChange={(e) => setFilter("entityType", e.currentTarget.value)}
          data={[
            { value: "", label: t("auditLog.allTypes") },
            ...AUDITED_ENTITY_TYPES.map((type) => ({ value: type, label: t(`auditEntity.${type}`) })),
          ]}
          data-testid="audit-filter-type"
        />
        <TextInput
          type="date"
          label={t("auditLog.from")}
          value={value("from")}
          onChange={(e) => setFilter("from", e.currentTarget.value)}
          data-testid="audit-filter-from"
        />
        <TextInput
          type="date"
          label={t("auditLog.to")}
          value={value("to")}
          onChange={(e) => setFilter("to", e.currentTarget.value)}
          data-testid="audit-filter-to"
        />
      </SimpleGrid>
      {active > 0 && (
        <Button size="compact-sm" variant="subtle" onClick={clear} style={{ alignSelf: "flex-start" }}>
          {t("auditLog.clear")}
        </Button>
      )}
    </Stack>
  );
  // On a phone the filters fold away, so that the events are on the first screen.
  return (
    <Paper withBorder p="sm" data-testid="audit-filters">
      {phone ? (
        <>
          <Button variant="subtle" size="compact-sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {t("auditLog.filters")}
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

/** One event as a card (it stacks on a phone): when, who, what, the record, and each changed field. */
function EventCard({ event }: { event: AuditEvent }) {
  const { t, lang } = useLang();
  const path = entityPath(event.entityType, event.entityId);
  const record = `${t(`auditEntity.${event.entityType}`, { defaultValue: event.entityType })} ${event.entityId}`;
  return (
    <Paper withBorder p="sm" component="article" data-testid="audit-event" data-action={event.action}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" c="dimmed" component="time" dateTime={event.occurredAt}>
              {formatDateTime(event.occurredAt, lang)}
            </Text>
            <Text size="sm" fw={600} data-testid="audit-actor" style={{ overflowWrap: "anywhere" }}>
              {event.actor}
            </Text>
          </Group>
          <Badge variant="light" radius="sm" tt="none">
            {event.action}
          </Badge>
        </Group>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {path ? (
            <Anchor component={Link} to={path} data-testid="audit-entity-link">
              {record}
            </Anchor>
          ) : (
            record
          )}
        </Text>
        {event.changes.length > 0 ? (
          <Stack gap={2} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {event.changes.map((change) => (
              <ChangeLine key={change.field} change={change} />
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("auditLog.noChanges")}
          </Text>
        )}
        <details>
          <summary>
            <Text span size="xs" c="dimmed">
              {t("auditLog.raw")}
              {event.requestId && ` · ${t("auditLog.request", { id: event.requestId })}`}
            </Text>
          </summary>
          <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {JSON.stringify({ before: event.before, after: event.after }, null, 2)}
          </Code>
        </details>
      </Stack>
    </Paper>
  );
}

/** `field: before → after`, every value as text (whatever was typed or imported is shown, never interpreted). */
function ChangeLine({ change }: { change: AuditChange }) {
  const { t } = useLang();
  const empty = t("auditLog.empty_value");
  return (
    <Text component="li" size="sm" style={{ overflowWrap: "anywhere" }} data-testid="audit-change">
      <Text span fw={500}>
        {change.field}
      </Text>
      {": "}
      <Text span c="dimmed" aria-label={t("auditLog.before")}>
        {valueText(change.before, empty)}
      </Text>
      {" → "}
      <Text span aria-label={t("auditLog.after")}>
        {valueText(change.after, empty)}
      </Text>
    </Text>
  );
}
