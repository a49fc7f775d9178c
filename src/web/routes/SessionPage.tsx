import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import type { ReactNode } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { Commitment } from "../../shared/api/commitments.ts";
import type { SessionDetail } from "../../shared/api/sessions.ts";
import type { CommitmentStatus } from "../../shared/deadline.ts";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { LocalizedText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { Responsible } from "../components/Responsible.tsx";
import { Section } from "../components/Section.tsx";
import { SessionDates } from "../components/SessionDates.tsx";
import { SessionStatusBadge } from "../components/SessionStatusBadge.tsx";
import { ProgressBar, StatusBadge } from "../components/StatusBadge.tsx";
import { countryName, formatDate, formatDeadline, sectorName, sessionTitle } from "../format.ts";
import { useLang } from "../hooks.ts";
import { useSession, useSessionCommitments } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

const STATUS_FILTERS = ["not_started", "in_progress", "done", "dropped", "late"] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

export function SessionPage() {
  const { id } = useParams();
  const { t, lang } = useLang();
  const session = useSession(id);
  useDocumentTitle(session.data ? sessionTitle(session.data.number, lang, t) : undefined);
  return <QueryState query={session}>{(data) => <SessionView session={data} />}</QueryState>;
}

function SessionView({ session }: { session: SessionDetail }) {
  const { t, lang } = useLang();
  const events = [...session.events].sort((a, b) => (a.startsOn ?? "9999").localeCompare(b.startsOn ?? "9999"));
  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Anchor component={Link} to={`/commissions/${session.commission.id}`} size="sm" data-testid="commission-link">
          <LocalizedText text={session.commission.name} />
        </Anchor>
        <Group gap="sm" align="center">
          <PageTitle>{sessionTitle(session.number, lang, t)}</PageTitle>
          <SessionStatusBadge status={session.status} />
          {session.isDemo && <DemoBadge />}
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Fact label={t("session.dates")}>
          <SessionDates session={session} />
        </Fact>
        <Fact label={t("session.city")}>
          <LocalizedText text={session.city} />
        </Fact>
        <Fact label={t("session.host")}>{countryName(session.hostCountry, lang)}</Fact>
        <Fact label={t("session.agreementsShort")}>
          <ImplementationSummary sessionId={session.id} total={session.commitmentCount} />
        </Fact>
      </SimpleGrid>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Agreements sessionId={session.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="xl">
            <Section title={t("session.format")}>
              {events.length === 0 ? (
                <Text c="dimmed">{t("session.noEvents")}</Text>
              ) : (
                <Timeline bulletSize={12} lineWidth={2} active={events.length}>
                  {events.map((event) => (
                    <Timeline.Item
                      key={event.id}
                      data-testid="event"
                      title={
                        <Text size="sm" fw={500} lh={1.35}>
                          <LocalizedText text={event.title} />
                        </Text>
                      }
                    >
                      <Text size="xs" c="dimmed">
                        <Text span size="xs" fw={600} tt="uppercase">
                          {t(`eventKinds.${event.kind}`)}
                        </Text>
                        {event.place && (
                          <>
                            {" · "}
                            <LocalizedText text={event.place} />
                          </>
                        )}
                        {event.startsOn && ` · ${formatDate(event.startsOn, lang)}`}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </Section>

            <Section title={t("session.documents")}>
              {session.documents.length === 0 ? (
                <Text c="dimmed">{t("session.noDocuments")}</Text>
              ) : (
                <Stack gap="sm">
                  {session.documents.map((doc) => (
                    <Card key={doc.id} withBorder padding="sm" data-testid="document">
                      <Group gap="xs" mb={4}>
                        <Badge variant="light" radius="sm">
                          {t(`documentKinds.${doc.kind}`)}
                        </Badge>
                        {doc.signedOn && (
                          <Text size="xs" c="dimmed">
                            {t("session.signedOn", { date: formatDate(doc.signedOn, lang) })}
                          </Text>
                        )}
                      </Group>
                      <Text size="sm" fw={500}>
                        <LocalizedText text={doc.title} />
                      </Text>
                      {doc.signatories.length > 0 && (
                        <Stack gap={2} mt="xs">
                          <Text size="xs" tt="uppercase" fw={600} c="dimmed">
                            {t("session.signatories")}
                          </Text>
                          {doc.signatories.map((s) => (
                            <Group key={`${s.side}-${s.personId}`} gap={6} wrap="nowrap">
                              <Badge size="sm" variant="light" color="gray" radius="sm" style={{ flexShrink: 0 }}>
                                {s.side}
                              </Badge>
                              <Text size="sm">
                                <LocalizedText text={s.name} />
                              </Text>
                            </Group>
                          ))}
                        </Stack>
                      )}
                    </Card>
                  ))}
                </Stack>
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function matchesStatus(c: Commitment, filter: StatusFilter | null): boolean {
  if (!filter) return true;
  return filter === "late" ? c.overdue : c.status === filter;
}

/** Groups in protocol order: a sector comes where its first item stands, its items in protocol order. */
function groupBySector(items: Commitment[]): { sector: string; items: Commitment[] }[] {
  const groups = new Map<string, Commitment[]>();
  for (const item of [...items].sort((a, b) => a.position - b.position)) {
    const group = groups.get(item.sector);
    if (group) group.push(item);
    else groups.set(item.sector, [item]);
  }
  return [...groups].map(([sector, list]) => ({ sector, items: list }));
}

function Agreements({ sessionId }: { sessionId: string }) {
  const { t, lang } = useLang();
  const query = useSessionCommitments(sessionId);
  const [params, setParams] = useSearchParams();
  const statusParam = params.get("status");
  const statusFilter = STATUS_FILTERS.find((s) => s === statusParam) ?? null;
  const sectorFilter = params.get("sector") || null;

  const setFilter = (key: "status" | "sector", value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="agreements-heading">
      <QueryState query={query}>
        {(all) => {
          const sectors = groupBySector(all).map((g) => g.sector);
          const shown = all.filter(
            (c) => matchesStatus(c, statusFilter) && (!sectorFilter || c.sector === sectorFilter),
          );
          const groups = groupBySector(shown);
          return (
            <>
              <Group justify="space-between" align="flex-end" gap="sm">
                <Group gap="xs" align="center">
                  <Title order={2} size="h3" id="agreements-heading">
                    {t("session.agreements")}
                  </Title>
                  <Badge variant="light" size="lg" radius="sm" data-testid="agreements-count">
                    {t("session.agreementsCount", { count: all.length })}
                  </Badge>
                </Group>
                {all.length > 0 && (
                  <Group gap="xs" align="flex-end" wrap="wrap">
                    <NativeSelect
                      size="xs"
                      label={t("session.filterStatus")}
                      value={statusFilter ?? ""}
                      onChange={(e) => setFilter("status", e.currentTarget.value)}
                      data={[
                        { value: "", label: t("session.allStatuses") },
                        ...STATUS_FILTERS.map((s) => ({ value: s, label: t(`status.${s}`) })),
                      ]}
                      data-testid="filter-status"
                    />
                    <NativeSelect
                      size="xs"
                      label={t("session.filterSector")}
                      value={sectorFilter ?? ""}
                      onChange={(e) => setFilter("sector", e.currentTarget.value)}
                      data={[
                        { value: "", label: t("session.allSectors") },
                        ...sectors.map((s) => ({ value: s, label: sectorName(s, lang) })),
                      ]}
                      data-testid="filter-sector"
                    />
                  </Group>
                )}
              </Group>
              {all.length === 0 && <Text c="dimmed">{t("session.noAgreements")}</Text>}
              {all.length > 0 && shown.length !== all.length && (
                <Group gap="sm">
                  <Text size="sm" c="dimmed">
                    {t("session.shown", { shown: shown.length, total: all.length })}
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setParams(new URLSearchParams(), { replace: true })}
                  >
                    {t("session.clearFilters")}
                  </Button>
                </Group>
              )}
              {all.length > 0 && shown.length === 0 && <Text c="dimmed">{t("session.nothingMatches")}</Text>}
              {groups.map((group) => (
                <Stack key={group.sector} gap="xs" data-testid="sector-group" data-sector={group.sector}>
                  <Group gap="xs" mt="sm">
                    <Title order={3} size="h4" data-testid="sector-heading">
                      {sectorName(group.sector, lang)}
                    </Title>
                    <Badge variant="outline" color="gray" radius="sm" data-testid="sector-count">
                      {group.items.length}
                    </Badge>
                  </Group>
                  {group.items.map((c) => (
                    <AgreementItem key={c.id} commitment={c} />
                  ))}
                </Stack>
              ))}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function AgreementItem({ commitment: c }: { commitment: Commitment }) {
  const { t, lang } = useLang();
  return (
    <Paper withBorder p="sm" component="article" data-testid="commitment-item" data-status={c.status}>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Text fw={700} c="dimmed" miw={36} style={{ flexShrink: 0 }} data-testid="item-number">
              {c.itemNumber ?? "·"}
            </Text>
            <Stack gap={8} style={{ minWidth: 0, flex: 1 }}>
              <Anchor component={Link} to={`/commitments/${c.id}`} c="inherit" style={{ overflowWrap: "anywhere" }}>
                <LocalizedText text={c.text} />
              </Anchor>
              <Responsible responsible={c.responsible} />
            </Stack>
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Stack gap={6}>
            <StatusBadge status={c.status as CommitmentStatus} overdue={c.overdue} />
            <ProgressBar value={c.progress} status={c.status} overdue={c.overdue} />
            <Text size="sm">
              <Text span c="dimmed">
                {t("deadline.label")}:{" "}
              </Text>
              {formatDeadline(c.deadline, lang, t)}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {label}
      </Text>
      <Text fw={500} component="div">
        {children}
      </Text>
    </Paper>
  );
}

/** "33" and, under it, how far the implementation has come: done, in progress, late. */
function ImplementationSummary({ sessionId, total }: { sessionId: string; total: number }) {
  const { t } = useLang();
  const { data } = useSessionCommitments(sessionId);
  const count = (test: (c: Commitment) => boolean) => data?.filter(test).length ?? 0;
  const late = count((c) => c.overdue);
  return (
    <>
      {data?.length ?? total}
      {data && data.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="implementation-summary">
          {t("status.done")}: {count((c) => c.status === "done")} · {t("status.in_progress")}:{" "}
          {count((c) => c.status === "in_progress")}
          {late > 0 && (
            <>
              {" · "}
              <Text span size="xs" c="red" fw={600}>
                {t("status.late")}: {late}
              </Text>
            </>
          )}
        </Text>
      )}
    </>
  );
}
