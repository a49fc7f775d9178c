import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  CloseButton,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { lazy, type ReactNode, Suspense } from "react";
import { Link, useNavigate } from "react-router";
import type { Dashboard } from "../../shared/api/monitoring.ts";
import type { Language } from "../../shared/i18n-text.ts";
import { SECTOR_CODES } from "../../shared/sectors.ts";
import { LocalizedText, usePlainText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { CountLink } from "../components/Scorecard.tsx";
import { Section } from "../components/Section.tsx";
import { SessionStatusBadge } from "../components/SessionStatusBadge.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { countryName, formatDate, formatNumber, sectorName, sessionTitle } from "../format.ts";
import { useLang } from "../hooks.ts";
import { atRiskFilters, dueWindow, type ListFilters, listHref, type Scope, scopeOf } from "../monitoring.ts";
import { useCommission, useCommissions, useDashboard, useOrganization } from "../queries.ts";
import { useListSearchParams } from "../session.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

const ImplementationChart = lazy(() =>
  import("../components/ImplementationChart.tsx").then((m) => ({ default: m.ImplementationChart })),
);

function percent(value: number | null, lang: Language): string {
  return value === null ? "—" : `${formatNumber(value, lang)}%`;
}

/**
 * One page for the co-chair's office: totals, implementation per session, sectors by status, late and at-risk
 * items, deadlines ahead and each organisation's scorecard — for one commission or the whole portfolio. Every
 * number links to the commitments list with the filters that reproduce it. Prints on its own (app.css).
 */
export function DashboardPage() {
  const { t } = useLang();
  useDocumentTitle(t("dashboard.title"));
  const [params, setParams] = useListSearchParams();
  const scope = scopeOf(params);
  const query = useDashboard(scope);

  const setScope = (key: keyof Scope, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="xl" className="igc-dashboard">
      <DashboardHeader scope={scope} setScope={setScope} asOf={query.data?.asOf} />
      <QueryState query={query}>{(data) => <DashboardBody data={data} scope={scope} />}</QueryState>
    </Stack>
  );
}

function DashboardHeader({
  scope,
  setScope,
  asOf,
}: {
  scope: Scope;
  setScope: (key: keyof Scope, value: string | null) => void;
  asOf: string | undefined;
}) {
  const { t, lang } = useLang();
  const plain = usePlainText();
  const commissions = useCommissions();
  const commission = commissions.data?.items.find((c) => c.id === scope.commissionId);
  const organization = useOrganization(scope.organizationId);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <PageTitle>{t("dashboard.title")}</PageTitle>
          <Text fw={600} data-testid="dashboard-scope">
            {scope.commissionId ? (
              commission ? (
                <LocalizedText text={commission.shortName ?? commission.name} />
              ) : (
                "…"
              )
            ) : (
              t("dashboard.portfolio")
            )}
            {scope.sector && ` · ${sectorName(scope.sector, lang)}`}
            {scope.organizationId && organization.data && ` · ${plain(organization.data.name)}`}
          </Text>
          {commission?.shortName && (
            <Text size="sm" visibleFrom="sm">
              <LocalizedText text={commission.name} />
            </Text>
          )}
          {asOf && (
            <Text size="sm" c="dimmed">
              {t("dashboard.asOf", { date: formatDate(asOf, lang) })}
            </Text>
          )}
        </Stack>
        <Button variant="default" size="xs" onClick={() => window.print()} className="igc-no-print">
          {t("dashboard.print")}
        </Button>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap" className="igc-no-print" data-testid="dashboard-filters">
        <NativeSelect
          size="xs"
          label={t("list.commission")}
          value={scope.commissionId ?? ""}
          onChange={(e) => setScope("commissionId", e.currentTarget.value || null)}
          data={[
            { value: "", label: t("dashboard.portfolio") },
            ...(commissions.data?.items ?? []).map((c) => ({ value: c.id, label: plain(c.shortName ?? c.name) })),
          ]}
          style={{ minWidth: 0, maxWidth: "100%" }}
          data-testid="dashboard-commission"
        />
        <NativeSelect
          size="xs"
          label={t("list.sector")}
          value={scope.sector ?? ""}
          onChange={(e) => setScope("sector", e.currentTarget.value || null)}
          data={[
            { value: "", label: t("dashboard.allSectors") },
            ...SECTOR_CODES.map((code) => ({ value: code, label: sectorName(code, lang) })).sort((a, b) =>
              a.label.localeCompare(b.label, lang),
            ),
          ]}
          style={{ minWidth: 0, maxWidth: "100%" }}
          data-testid="dashboard-sector"
        />
        {scope.organizationId && (
          <Badge
            variant="light"
            radius="sm"
            tt="none"
            size="lg"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t("list.remove", { name: t("dashboard.organization") })}
                onClick={() => setScope("organizationId", null)}
              />
            }
          >
            {organization.data ? plain(organization.data.name) : t("dashboard.organization")}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

function DashboardBody({ data, scope }: { data: Dashboard; scope: Scope }) {
  const { t } = useLang();
  const base: ListFilters = { ...scope };
  if (data.totals.total === 0) return <Text c="dimmed">{t("dashboard.noData")}</Text>;
  return (
    <Stack gap="xl">
      <Totals data={data} base={base} />
      {scope.commissionId && <NextSession commissionId={scope.commissionId} />}
      <BySession data={data} base={base} />
      <Matrix data={data} base={base} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <LateItems data={data} base={base} />
        <AtRisk data={data} base={base} />
      </SimpleGrid>
      <Upcoming data={data} base={base} />
      <Scorecards data={data} base={base} />
    </Stack>
  );
}

function Tile({
  label,
  to,
  value,
  testId,
  color,
}: {
  label: string;
  to: string;
  value: ReactNode;
  testId: string;
  color?: string;
}) {
  return (
    <Card withBorder padding="sm" style={{ justifyContent: "space-between" }}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" lh={1.2}>
        {label}
      </Text>
      <Anchor component={Link} to={to} fz={28} fw={700} c={color} data-testid={testId} className="igc-count">
        {value}
      </Anchor>
    </Card>
  );
}

function Totals({ data, base }: { data: Dashboard; base: ListFilters }) {
  const { t, lang } = useLang();
  const { totals } = data;
  // Each tile: its label, the list behind its number, the number, and its colour.
  const tiles: { key: string; filters: ListFilters; value: ReactNode; testId: string; color?: string }[] = [
    { key: "dashboard.total", filters: base, value: totals.total, testId: "total-total" },
    {
      key: "dashboard.done",
      filters: { ...base, status: "done" },
      value: totals.done,
      testId: "total-done",
      color: "green.8",
    },
    {
      key: "dashboard.inProgress",
      filters: { ...base, status: "in_progress" },
      value: totals.inProgress,
      testId: "total-in-progress",
      color: "blue.8",
    },
    {
      key: "dashboard.notStarted",
      filters: { ...base, status: "not_started" },
      value: totals.notStarted,
      testId: "total-not-started",
      color: "gray.8",
    },
    {
      key: "dashboard.late",
      filters: { ...base, overdue: "true" },
      value: totals.late,
      testId: "total-late",
      color: "red.8",
    },
    {
      key: "dashboard.awaiting",
      filters: { ...base, awaitingConfirmation: "true" },
      value: totals.awaitingConfirmation,
      testId: "total-awaiting",
      color: "orange.8",
    },
    {
      key: "dashboard.dropped",
      filters: { ...base, status: "dropped" },
      value: totals.dropped,
      testId: "total-dropped",
      color: "dark",
    },
    {
      key: "dashboard.progress",
      filters: { ...base, sort: "deadline" },
      value: percent(totals.progress, lang),
      testId: "total-progress",
      color: "teal.8",
    },
  ];
  return (
    <Section title={t("dashboard.totals")} testId="dashboard-totals">
      <SimpleGrid cols={{ base: 2, xs: 3, sm: 4, lg: 8 }} spacing="sm">
        {tiles.map((tile) => (
          <Tile
            key={tile.testId}
            label={t(tile.key)}
            to={listHref(tile.filters)}
            value={tile.value}
            testId={tile.testId}
            color={tile.color}
          />
        ))}
      </SimpleGrid>
    </Section>
  );
}

/** The commission's next session and its status, for the co-chair's brief (journey 4). */
function NextSession({ commissionId }: { commissionId: string }) {
  const { t, lang } = useLang();
  const commission = useCommission(commissionId);
  if (!commission.data) return null;
  const next = [...commission.data.sessions].filter((s) => s.status !== "held").sort((a, b) => a.number - b.number)[0];
  return (
    <Paper withBorder p="sm" data-testid="dashboard-next-session">
      <Group gap="sm" wrap="wrap" justify="space-between">
        <Group gap="sm" wrap="wrap">
          <Text size="xs" tt="uppercase" fw={600} c="dimmed">
            {t("dashboard.nextSession")}
          </Text>
          {next ? (
            <>
              <Anchor component={Link} to={`/sessions/${next.id}`} fw={600}>
                {sessionTitle(next.number, lang, t)}
              </Anchor>
              <Text size="sm">
                {countryName(next.hostCountry, lang)}
                {next.startsOn && ` · ${formatDate(next.startsOn, lang)}`}
              </Text>
              <SessionStatusBadge status={next.status} />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t("dashboard.noNextSession")}
            </Text>
          )}
        </Group>
        <Anchor component={Link} to={`/commissions/${commissionId}`} size="sm" className="igc-no-print">
          {t("dashboard.openCommission")}
        </Anchor>
      </Group>
    </Paper>
  );
}

function BySession({ data, base }: { data: Dashboard; base: ListFilters }) {
  const { t, lang } = useLang();
  const plain = usePlainText();
  const navigate = useNavigate();
  const commissions = useCommissions();
  const portfolio = !base.commissionId;
  const sessions = [...data.implementationBySession].sort(
    (a, b) => (a.startsOn ?? "9999").localeCompare(b.startsOn ?? "9999") || a.number - b.number,
  );
  const labelOf = (s: (typeof sessions)[number]) => {
    const title = sessionTitle(s.number, lang, t);
    if (!portfolio) return title;
    const commission = commissions.data?.items.find((c) => c.id === s.commissionId);
    return commission ? `${plain(commission.shortName ?? commission.name)}, ${title}` : title;
  };
  const scopeOfSession = (s: (typeof sessions)[number]): ListFilters => ({
    ...base,
    commissionId: s.commissionId,
    sessionId: s.sessionId,
  });
  if (sessions.length === 0) return null;
  return (
    <Section title={t("dashboard.bySession")} testId="by-session">
      <Text size="sm" c="dimmed">
        {t("dashboard.bySessionHint")}
      </Text>
      <Paper withBorder p="sm" className="igc-chart-frame">
        <Suspense
          fallback={
            <Center h={260}>
              <Loader size="sm" aria-label={t("app.loading")} />
            </Center>
          }
        >
          <ImplementationChart
            points={sessions.map((s) => ({ label: labelOf(s), rate: s.rate, progress: s.progress }))}
            rateName={t("dashboard.rate")}
            progressName={t("dashboard.progress")}
            ariaLabel={t("dashboard.chartLabel")}
            onSelect={(i) => {
              const s = sessions[i];
              if (s) void navigate(listHref({ ...scopeOfSession(s), status: "done" }));
            }}
          />
        </Suspense>
      </Paper>
      <Table.ScrollContainer minWidth={340}>
        <Table withTableBorder striped fz="sm" data-testid="by-session-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("dashboard.sessionColumn")}</Table.Th>
              <Table.Th ta="right">{t("dashboard.totalShort")}</Table.Th>
              <Table.Th ta="right">{t("dashboard.done")}</Table.Th>
              <Table.Th ta="right">{t("dashboard.rate")}</Table.Th>
              <Table.Th ta="right">{t("dashboard.progress")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={s.sessionId}>
                <Table.Td>
                  <Anchor component={Link} to={`/sessions/${s.sessionId}`} size="sm">
                    {labelOf(s)}
                  </Anchor>
                  {s.startsOn && (
                    <Text size="xs" c="dimmed" visibleFrom="sm">
                      {formatDate(s.startsOn, lang)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <CountLink to={listHref(scopeOfSession(s))}>{s.total}</CountLink>
                </Table.Td>
                <Table.Td ta="right">
                  <CountLink to={listHref({ ...scopeOfSession(s), status: "done" })}>{s.done}</CountLink>
                </Table.Td>
                <Table.Td ta="right">
                  <CountLink to={listHref({ ...scopeOfSession(s), status: "done" })}>{percent(s.rate, lang)}</CountLink>
                </Table.Td>
                <Table.Td ta="right">
                  <CountLink to={listHref(scopeOfSession(s))}>{percent(s.progress, lang)}</CountLink>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

const MATRIX_COLUMNS = [
  { key: "notStarted", status: "not_started", color: "gray" },
  { key: "inProgress", status: "in_progress", color: "blue" },
  { key: "done", status: "done", color: "green" },
  { key: "dropped", status: "dropped", color: "dark" },
] as const;

/** The sector × status matrix: counts shaded by their share of the sector, each a link to its list. */
function Matrix({ data, base }: { data: Dashboard; base: ListFilters }) {
  const { t, lang } = useLang();
  const rows = [...data.sectorStatusMatrix].sort((a, b) =>
    sectorName(a.sector, lang).localeCompare(sectorName(b.sector, lang), lang),
  );
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
  // On a phone the seven columns fit when the cells are tight.
  const phone = useMediaQuery("(max-width: 36em)");
  return (
    <Section title={t("dashboard.matrix")} testId="sector-matrix">
      <Text size="sm" c="dimmed">
        {t("dashboard.matrixHint")}
      </Text>
      <Table.ScrollContainer minWidth={phone ? 330 : 520}>
        <Table
          withTableBorder
          withColumnBorders
          fz={phone ? "xs" : "sm"}
          verticalSpacing={6}
          horizontalSpacing={phone ? 4 : "sm"}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("dashboard.sector")}</Table.Th>
              {MATRIX_COLUMNS.map((c) => (
                <Table.Th key={c.key} ta="right" className="igc-cap">
                  {t(`status.${c.status}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right" className="igc-cap">
                {t("status.late")}
              </Table.Th>
              <Table.Th ta="right">{t("dashboard.totalShort")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const total = r.notStarted + r.inProgress + r.done + r.dropped;
              const sector = { ...base, sector: r.sector };
              return (
                <Table.Tr key={r.sector} data-testid="matrix-row" data-sector={r.sector}>
                  <Table.Td>
                    <Anchor component={Link} to={listHref(sector)} size="sm" c="inherit">
                      {sectorName(r.sector, lang)}
                    </Anchor>
                  </Table.Td>
                  {MATRIX_COLUMNS.map((c) => (
                    <MatrixCell
                      key={c.key}
                      value={r[c.key]}
                      to={listHref({ ...sector, status: c.status })}
                      total={total}
                      color={c.color}
                      testId={`matrix-${c.key}`}
                    />
                  ))}
                  <MatrixCell
                    value={r.late}
                    to={listHref({ ...sector, overdue: "true" })}
                    total={total}
                    color="red"
                    testId="matrix-late"
                  />
                  <Table.Td ta="right" fw={600}>
                    <CountLink to={listHref(sector)}>{total}</CountLink>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t("dashboard.allRow")}</Table.Th>
              {MATRIX_COLUMNS.map((c) => (
                <Table.Th key={c.key} ta="right">
                  <CountLink to={listHref({ ...base, status: c.status })}>{sum((r) => r[c.key])}</CountLink>
                </Table.Th>
              ))}
              <Table.Th ta="right">
                <CountLink to={listHref({ ...base, overdue: "true" })}>{sum((r) => r.late)}</CountLink>
              </Table.Th>
              <Table.Th ta="right">
                <CountLink to={listHref(base)}>{data.totals.total}</CountLink>
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/** A count shaded by its share of the sector's items; zero stays plain (and is still a link). */
function MatrixCell({
  value,
  to,
  total,
  color,
  testId,
}: {
  value: number;
  to: string;
  total: number;
  color: string;
  testId: string;
}) {
  const share = total === 0 ? 0 : value / total;
  const style =
    value === 0
      ? undefined
      : {
          background: `color-mix(in srgb, var(--mantine-color-${color}-5) ${Math.round(8 + share * 40)}%, transparent)`,
        };
  return (
    <Table.Td ta="right" style={style} data-testid={testId}>
      <CountLink to={to} fw={value === 0 ? 400 : 600} color={value === 0 ? "dimmed" : undefined}>
        {value}
      </CountLink>
    </Table.Td>
  );
}

type DueItem = Dashboard["late"][number] | Dashboard["atRisk"][number];

/** One late or at-risk item: what, when, how far, and who on each side is responsible. */
function DueEntry({ item, base, note }: { item: DueItem; base: ListFilters; note: string }) {
  const { t, lang } = useLang();
  const sides = [...new Set(item.responsible.map((r) => r.side))];
  return (
    <Paper withBorder p="sm" component="article" data-testid="due-item">
      <Group gap={6} wrap="wrap" mb={4}>
        <Text size="xs" c="dimmed">
          {sessionTitle(item.sessionNumber, lang, t)}
          {item.itemNumber && ` · ${t("commitment.item")} ${item.itemNumber}`} · {sectorName(item.sector, lang)}
        </Text>
        <StatusBadge status={item.status} overdue={false} />
        <Text size="xs" fw={700} c="red.8">
          {note}
        </Text>
      </Group>
      <Anchor
        component={Link}
        to={`/commitments/${item.id}`}
        size="sm"
        c="inherit"
        fw={500}
        style={{ overflowWrap: "anywhere" }}
      >
        <LocalizedText text={item.text} />
      </Anchor>
      <Text size="xs" c="dimmed" mt={2}>
        {t("dashboard.due", { date: formatDate(item.dueDate, lang) })} · {item.progress}%
      </Text>
      {sides.length > 0 && (
        <Stack gap={2} mt={4} data-testid="due-responsible">
          {sides.map((side) => (
            <Group key={side} gap={6} wrap="nowrap" align="flex-start">
              <Badge size="xs" variant="light" color="gray" radius="sm" style={{ flexShrink: 0, marginTop: 2 }}>
                {side}
              </Badge>
              <Text size="xs" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                {item.responsible
                  .filter((r) => r.side === side)
                  .map((r, i) => (
                    <span key={r.organizationId}>
                      {i > 0 && ", "}
                      <Anchor
                        component={Link}
                        to={listHref({ ...base, organizationId: r.organizationId, overdue: "true" })}
                        size="xs"
                        c="inherit"
                      >
                        <LocalizedText text={r.name} />
                      </Anchor>
                    </span>
                  ))}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function LateItems({ data, base }: { data: Dashboard; base: ListFilters }) {
  const { t } = useLang();
  return (
    <Section
      title={t("dashboard.lateItems")}
      testId="late-items"
      action={
        <CountLink to={listHref({ ...base, overdue: "true" })} color="red" testId="late-count">
          {t("dashboard.lateCount", { count: data.totals.late })}
        </CountLink>
      }
    >
      {data.late.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("dashboard.noneLate")}
        </Text>
      ) : (
        <Stack gap="xs">
          {data.late.map((item) => (
            <DueEntry key={item.id} item={item} base={base} note={t("dashboard.daysLate", { count: item.daysLate })} />
          ))}
          {data.late.length < data.totals.late && (
            <CountLink to={listHref({ ...base, overdue: "true", sort: "deadline" })} fw={500}>
              {t("dashboard.showing", { shown: data.late.length, total: data.totals.late })}
            </CountLink>
          )}
        </Stack>
      )}
    </Section>
  );
}

function AtRisk({ data, base }: { data: Dashboard; base: ListFilters }) {
  const { t } = useLang();
  return (
    <Section
      title={t("dashboard.atRisk")}
      testId="at-risk"
      action={
        <CountLink to={listHref({ ...base, ...atRiskFilters(data.asOf) })} testId="at-risk-count">
          {data.atRisk.length}
        </CountLink>
      }
    >
      <Text size="sm" c="dimmed">
        {t("dashboard.atRiskHint")}
      </Text>
      {data.atRisk.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("dashboard.noneAtRisk")}
        </Text>
      ) : (
        <Stack gap="xs">
          {data.atRisk.map((item) => (
            <DueEntry key={item.id} item={item} base={base} note={t("dashboard.daysLeft", { count: item.daysLeft })} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function Upcoming({ data, base }: { data: Dashboard; base: ListFilters }) {
  const { t } = useLang();
  const windows = [
    { days: 30, value: data.upcoming.days30 },
    { days: 60, value: data.upcoming.days60 },
    { days: 90, value: data.upcoming.days90 },
  ];
  return (
    <Section title={t("dashboard.upcoming")} testId="upcoming">
      <SimpleGrid cols={3} spacing="sm">
        {windows.map((w) => (
          <Tile
            key={w.days}
            label={t("dashboard.nextDays", { days: w.days })}
            to={listHref({ ...base, ...dueWindow(data.asOf, w.days) })}
            value={w.value}
            testId={`upcoming-${w.days}`}
          />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t("dashboard.upcomingHint")}
      </Text>
    </Section>
  );
}

function Scorecards({ data, base }: { data: Dashboard; base: ListFilters }) {
  const { t, lang } = useLang();
  if (data.scorecards.length === 0) return null;
  return (
    <Section title={t("dashboard.scorecards")} testId="scorecards">
      <Text size="sm" c="dimmed">
        {t("dashboard.scorecardsHint")}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("dashboard.organization")}</Table.Th>
              <Table.Th ta="right">{t("dashboard.totalShort")}</Table.Th>
              <Table.Th ta="right">{t("dashboard.done")}</Table.Th>
              <Table.Th ta="right">{t("dashboard.late")}</Table.Th>
              <Table.Th ta="right">{t("dashboard.progress")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.scorecards.map((o) => {
              const filters = { ...base, organizationId: o.organizationId };
              return (
                <Table.Tr key={o.organizationId} data-testid="scorecard">
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      {o.country && (
                        <Badge
                          size="xs"
                          variant="light"
                          color="gray"
                          radius="sm"
                          style={{ flexShrink: 0, marginTop: 3 }}
                        >
                          {o.country}
                        </Badge>
                      )}
                      <Anchor component={Link} to={`/organizations/${o.organizationId}`} size="sm" c="inherit">
                        <LocalizedText text={o.name} />
                      </Anchor>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <CountLink to={listHref(filters)}>{o.total}</CountLink>
                  </Table.Td>
                  <Table.Td ta="right">
                    <CountLink to={listHref({ ...filters, status: "done" })}>{o.done}</CountLink>
                  </Table.Td>
                  <Table.Td ta="right">
                    <CountLink to={listHref({ ...filters, overdue: "true" })} color={o.late > 0 ? "red" : undefined}>
                      {o.late}
                    </CountLink>
                  </Table.Td>
                  <Table.Td ta="right">
                    <CountLink to={listHref({ ...filters, sort: "deadline" })}>{percent(o.progress, lang)}</CountLink>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
