import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { ImplementationReport as Report, ReportItem, ReportTally } from "../../shared/api/monitoring.ts";
import { ApiError } from "../api.ts";
import { formatDate, formatNumber, sectorName, sessionTitle } from "../format.ts";
import { useLang } from "../hooks.ts";
import { type ListFilters, listHref } from "../monitoring.ts";
import { useImplementationReport } from "../queries.ts";
import { LocalizedText } from "./LocalizedText.tsx";
import { ErrorAlert } from "./QueryState.tsx";
import { CountLink } from "./Scorecard.tsx";
import { Section } from "./Section.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

/**
 * What the secretariat reports at this session on the previous session's agreements: totals by sector, and on
 * request every item with each side's status, the latest update and the late flag. (Its DOCX/PDF is an export.)
 */
export function ImplementationReport({ sessionId }: { sessionId: string }) {
  const { t, lang } = useLang();
  const query = useImplementationReport(sessionId);
  const [showItems, setShowItems] = useState(false);
  // The commission's first session has nothing before it to report on: the section is left out.
  if (query.isError && query.error instanceof ApiError && query.error.status === 404) return null;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return null;
  const report = query.data;
  return (
    <Section title={t("implReport.title")} testId="implementation-report">
      <Text size="sm" c="dimmed">
        {t("implReport.subtitle", { session: sessionTitle(report.of.number, lang, t) })} ·{" "}
        {t("implReport.asOf", { date: formatDate(report.asOf, lang) })}
      </Text>
      <TotalsTable report={report} />
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => setShowItems((v) => !v)}
        aria-expanded={showItems}
        style={{ alignSelf: "flex-start" }}
        className="igc-no-print"
        data-testid="report-show-items"
      >
        {showItems ? t("implReport.hideItems") : t("implReport.showItems")}
      </Button>
      {showItems &&
        report.sectors.map((s) => (
          <Stack key={s.sector} gap={6} data-testid="report-sector" data-sector={s.sector}>
            <Title order={3} size="h5">
              {sectorName(s.sector, lang)}{" "}
              <Text span size="sm" c="dimmed" fw={400}>
                ({s.totals.total})
              </Text>
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table withTableBorder fz="sm" verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={48}>{t("implReport.item")}</Table.Th>
                    <Table.Th>{t("implReport.agreement")}</Table.Th>
                    {(s.items[0]?.sides ?? []).map((side) => (
                      <Table.Th key={side.side} w={150}>
                        {side.side}
                      </Table.Th>
                    ))}
                    <Table.Th w={140}>{t("implReport.overall")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.items.map((item) => (
                    <ItemRow key={item.id} item={item} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ))}
    </Section>
  );
}

function TotalsTable({ report }: { report: Report }) {
  const { t, lang } = useLang();
  // Each count opens the list of the reported session's agreements behind it.
  const cells = (tally: ReportTally, sector?: string) => {
    const base: ListFilters = { sessionId: report.of.id, sector };
    return (
      <>
        <Table.Td ta="right">
          <CountLink to={listHref(base)}>{tally.total}</CountLink>
        </Table.Td>
        <Table.Td ta="right">
          <CountLink to={listHref({ ...base, status: "done" })}>{tally.done}</CountLink>
        </Table.Td>
        <Table.Td ta="right">
          <CountLink to={listHref({ ...base, status: "in_progress" })}>{tally.inProgress}</CountLink>
        </Table.Td>
        <Table.Td ta="right">
          <CountLink to={listHref({ ...base, status: "not_started" })}>{tally.notStarted}</CountLink>
        </Table.Td>
        <Table.Td ta="right">
          <CountLink to={listHref({ ...base, overdue: "true" })} color={tally.late > 0 ? "red.8" : undefined}>
            {tally.late}
          </CountLink>
        </Table.Td>
        <Table.Td ta="right">{tally.carriedOver}</Table.Td>
        <Table.Td ta="right">{tally.progress === null ? "—" : `${formatNumber(tally.progress, lang)}%`}</Table.Td>
      </>
    );
  };
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder striped fz="sm" data-testid="report-totals">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("implReport.sector")}</Table.Th>
            <Table.Th ta="right">{t("implReport.total")}</Table.Th>
            <Table.Th ta="right">{t("status.done")}</Table.Th>
            <Table.Th ta="right">{t("status.in_progress")}</Table.Th>
            <Table.Th ta="right">{t("status.not_started")}</Table.Th>
            <Table.Th ta="right">{t("status.late")}</Table.Th>
            <Table.Th ta="right">{t("implReport.carriedOver")}</Table.Th>
            <Table.Th ta="right">{t("dashboard.progress")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.sectors.map((s) => (
            <Table.Tr key={s.sector} data-testid="report-totals-row">
              <Table.Td>{sectorName(s.sector, lang)}</Table.Td>
              {cells(s.totals, s.sector)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} data-testid="report-grand-total">
            <Table.Td>{t("implReport.total")}</Table.Td>
            {cells(report.totals)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

function ItemRow({ item }: { item: ReportItem }) {
  const { t, lang } = useLang();
  return (
    <Table.Tr data-testid="report-item">
      <Table.Td fw={600} c="dimmed">
        {item.itemNumber ?? "·"}
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/commitments/${item.id}`} size="sm" c="inherit">
          <LocalizedText text={item.text} />
        </Anchor>
        {item.latestUpdate && (
          <Text size="xs" c="dimmed" mt={2} lineClamp={3} style={{ overflowWrap: "anywhere" }}>
            {t("implReport.latest", {
              text: item.latestUpdate.text,
              author: item.latestUpdate.author,
              date: formatDate(item.latestUpdate.date, lang),
            })}
          </Text>
        )}
        {item.carriedOverAs && (
          <Anchor component={Link} to={`/commitments/${item.carriedOverAs}`} size="xs" display="block" mt={2}>
            {t("implReport.continued")}
          </Anchor>
        )}
      </Table.Td>
      {item.sides.map((s) => (
        <Table.Td key={s.side}>
          {s.status ? (
            <Group gap={4} wrap="wrap">
              <StatusBadge status={s.status} overdue={false} />
              <Text size="xs" fw={600}>
                {s.progress ?? 0}%
              </Text>
            </Group>
          ) : (
            <Text size="xs" c="dimmed">
              {t("implReport.notReported")}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {s.responsible.map((r, i) => (
              <span key={r.organizationId}>
                {i > 0 && ", "}
                <LocalizedText text={r.name} />
              </span>
            ))}
          </Text>
        </Table.Td>
      ))}
      <Table.Td>
        <Group gap={4} wrap="wrap">
          <StatusBadge status={item.status} overdue={item.late} />
          <Text size="xs" fw={600}>
            {item.progress}%
          </Text>
          {item.awaitingConfirmation && (
            <Badge size="xs" color="orange" variant="light" radius="sm">
              {t("sides.awaiting")}
            </Badge>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
