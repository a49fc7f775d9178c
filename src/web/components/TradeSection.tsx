import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  FileInput,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { Link } from "react-router";
import type { CommissionDetail } from "../../shared/api/commissions.ts";
import {
  type CsvRowIssue,
  INDICATORS,
  type Observation,
  type ObservationImportResult,
  observationImportSchema,
  observationInputSchema,
} from "../../shared/api/indicators.ts";
import { ApiError, api } from "../api.ts";
import {
  countryName,
  formatMonthPeriod,
  formatNumber,
  formatPercentChange,
  formatShortMonthSpan,
  sessionTitle,
  yearBefore,
} from "../format.ts";
import { check, optional, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys, useGrowth, useObservations } from "../queries.ts";
import { FormModal } from "./FormModal.tsx";
import { ApiFormElement, FormActions, FormFeedback } from "./form.tsx";
import { LocalizedText } from "./LocalizedText.tsx";
import { ErrorAlert } from "./QueryState.tsx";
import type { TradeSeries } from "./TradeChart.tsx";

const TradeChart = lazy(() => import("./TradeChart.tsx").then((m) => ({ default: m.TradeChart })));

const MONTH = /^\d{4}-\d{2}$/;

type Span = { reporter: string; from: string; to: string; unit: string };

/** For each reporting country, the months of the latest year it has figures for: January up to its last month. */
function latestSpans(observations: Observation[]): Span[] {
  const byReporter = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.indicator !== "trade_turnover" || !MONTH.test(o.period)) continue;
    byReporter.set(o.reporter, [...(byReporter.get(o.reporter) ?? []), o]);
  }
  return [...byReporter].map(([reporter, list]) => {
    const last = list.reduce((a, b) => (b.period > a.period ? b : a));
    return { reporter, from: `${last.period.slice(0, 4)}-01`, to: last.period, unit: last.unit };
  });
}

/** Trade turnover: the year-on-year growth per reporter, the chart, the figures reported at sessions, and forms. */
export function TradeSection({ commission }: { commission: CommissionDetail }) {
  const { t, lang } = useLang();
  const observations = useObservations(commission.id);
  const [adding, addControls] = useDisclosure(false);
  const [importing, importControls] = useDisclosure(false);
  const items = observations.data?.items;
  const spans = useMemo(() => latestSpans(items ?? []), [items]);
  const series = useMemo<TradeSeries[]>(() => {
    const byReporter = new Map<string, { period: string; value: number }[]>();
    for (const o of items ?? []) {
      if (o.indicator !== "trade_turnover" || !MONTH.test(o.period)) continue;
      byReporter.set(o.reporter, [...(byReporter.get(o.reporter) ?? []), { period: o.period, value: o.value }]);
    }
    return [...byReporter].map(([reporter, points]) => ({
      reporter,
      name: t("trade.reportedBy", { country: countryName(reporter, lang) }),
      points,
    }));
  }, [items, t, lang]);
  const chartSpans = useMemo(
    () => spans.flatMap((s) => [s, { from: yearBefore(s.from), to: yearBefore(s.to) }]),
    [spans],
  );
  const unit = spans[0]?.unit ?? items?.[0]?.unit ?? "";
  const periodLabel = useCallback((period: string) => formatShortMonthSpan(period, period, lang), [lang]);
  const valueLabel = useCallback((value: number) => formatNumber(value, lang), [lang]);

  return (
    <Stack gap="md" component="section" aria-labelledby="trade-heading" data-testid="trade">
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Text component="h2" fz="h3" fw={650} id="trade-heading" m={0}>
            {t("trade.title")}
          </Text>
          {unit && (
            <Text size="sm" c="dimmed">
              {t("trade.unitByMonth", { unit })}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={addControls.open} data-testid="add-observation">
            {t("trade.add")}
          </Button>
          <Button size="xs" variant="light" onClick={importControls.open} data-testid="import-observations">
            {t("trade.import")}
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: Math.max(1, Math.min(3, spans.length + commission.figures.length)) }}>
        {spans.map((span) => (
          <GrowthCard key={span.reporter} commissionId={commission.id} span={span} />
        ))}
        {commission.figures.map((figure) => (
          <FigureCard key={figure.id} figure={figure} commission={commission} />
        ))}
      </SimpleGrid>

      {observations.isPending ? (
        <Center py="md">
          <Loader size="sm" aria-label={t("app.loading")} />
        </Center>
      ) : observations.isError ? (
        <ErrorAlert error={observations.error} onRetry={() => void observations.refetch()} />
      ) : series.length === 0 ? (
        <Text c="dimmed">{t("trade.noObservations")}</Text>
      ) : (
        <Paper withBorder p="sm">
          <Suspense
            fallback={
              <Center h={280}>
                <Loader size="sm" aria-label={t("app.loading")} />
              </Center>
            }
          >
            <TradeChart
              series={series}
              spans={chartSpans}
              periodLabel={periodLabel}
              valueLabel={valueLabel}
              ariaLabel={t("trade.chartLabel", {
                reporters: series.map((s) => s.reporter).join(", "),
                unit,
              })}
            />
          </Suspense>
          <Text size="xs" c="dimmed" mt={4}>
            {spans.length > 0 && `${t("trade.chartHint")} `}
            {[...new Set((items ?? []).map((o) => o.source).filter(Boolean))].join(" · ")}
          </Text>
        </Paper>
      )}

      <FormModal opened={adding} onClose={addControls.close} title={t("trade.add")}>
        <ObservationForm commission={commission} defaultUnit={unit} onDone={addControls.close} />
      </FormModal>
      <FormModal opened={importing} onClose={importControls.close} title={t("trade.import")} size="xl">
        <ImportObservationsForm commissionId={commission.id} onDone={importControls.close} />
      </FormModal>
    </Stack>
  );
}

/** "+94.7% Jan–Oct 2025 vs Jan–Oct 2024", from the API's growth; when it has no number, the reason it gives. */
function GrowthCard({ commissionId, span }: { commissionId: string; span: Span }) {
  const { t, lang } = useLang();
  const growth = useGrowth(commissionId, {
    indicator: "trade_turnover",
    reporter: span.reporter,
    from: span.from,
    to: span.to,
  });
  const current = formatShortMonthSpan(span.from, span.to, lang);
  const base = formatShortMonthSpan(yearBefore(span.from), yearBefore(span.to), lang);
  return (
    <Card withBorder padding="sm" data-testid="growth" data-reporter={span.reporter}>
      <Text size="sm" c="dimmed" fw={600}>
        {t("trade.growthTitle")} · {t("trade.reportedBy", { country: countryName(span.reporter, lang) })}
      </Text>
      {growth.isPending ? (
        <Loader size="xs" mt="xs" aria-label={t("app.loading")} />
      ) : growth.isError ? (
        <Text size="sm" c="red">
          {growth.error.message}
        </Text>
      ) : growth.data.ok ? (
        <>
          <Text fw={700} size="lg" data-testid="growth-value">
            {t("trade.growth", { value: formatPercentChange(growth.data.growthPercent, lang), current, base })}
          </Text>
          <Text size="xs" c="dimmed">
            {formatNumber(growth.data.current, lang)} {t("trade.against")} {formatNumber(growth.data.base, lang)}{" "}
            {growth.data.unit}
          </Text>
        </>
      ) : (
        <>
          <Text size="sm" fw={600} data-testid="growth-reason">
            {t("trade.noGrowth", { current, base })}
          </Text>
          <Text size="sm" c="dimmed">
            {growth.data.message}
          </Text>
        </>
      )}
    </Card>
  );
}

/** A figure as the session reported it ("more than +94%"), beside the one computed from the observations. */
function FigureCard({
  figure,
  commission,
}: {
  figure: CommissionDetail["figures"][number];
  commission: CommissionDetail;
}) {
  const { t, lang } = useLang();
  const indicator = t(`indicators.${figure.indicator}`, { defaultValue: figure.indicator });
  const comparator = t(`comparators.${figure.comparator}`);
  const value = formatNumber(figure.value, lang);
  const amount =
    figure.kind === "growth_yoy"
      ? t("figure.growth", { comparator, sign: figure.value > 0 ? "+" : "", value, unit: figure.unit })
      : t("figure.value", { comparator, value, unit: figure.unit });
  const session = commission.sessions.find((s) => s.id === figure.sessionId);
  return (
    <Card withBorder padding="sm" data-testid="figure">
      <Text size="sm" c="dimmed" fw={600}>
        {t("trade.reported")} · {indicator} · {formatMonthPeriod(figure.periodStart, figure.periodEnd, lang)}
      </Text>
      <Text fw={700} size="lg">
        {amount.trim()}
      </Text>
      {(figure.source || session) && (
        <Text size="xs" c="dimmed">
          {figure.source && (
            <>
              {t("commission.source")}: <LocalizedText text={figure.source} />
            </>
          )}
          {figure.source && session && " · "}
          {session && (
            <Text component={Link} to={`/sessions/${session.id}`} size="xs" c="blue">
              {sessionTitle(session.number, lang, t)}
            </Text>
          )}
        </Text>
      )}
    </Card>
  );
}

const OBSERVATION_FIELDS = ["indicator", "reporter", "period", "value", "unit", "source"] as const;

function ObservationForm({
  commission,
  defaultUnit,
  onDone,
}: {
  commission: CommissionDetail;
  defaultUnit: string;
  onDone: () => void;
}) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [indicator, setIndicator] = useState<string>("trade_turnover");
  const [reporter, setReporter] = useState<string>(commission.countries[0] ?? "");
  const [period, setPeriod] = useState("");
  const [value, setValue] = useState<number | "">("");
  const [unit, setUnit] = useState(defaultUnit || "USD thousand");
  const [source, setSource] = useState("");
  const form = useApiForm({
    schema: observationInputSchema,
    fields: OBSERVATION_FIELDS,
    send: (input: Record<string, unknown>) =>
      api.addObservation(commission.id, input as Parameters<typeof api.addObservation>[1]),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.commissionParts(commission.id) });
      onDone();
    },
  });
  return (
    <ApiFormElement
      testId="observation-form"
      onSubmit={() =>
        form.submit({
          indicator,
          reporter,
          period: period.trim(),
          value: value === "" ? undefined : value,
          unit: unit.trim(),
          source: optional(source),
        })
      }
    >
      <FormFeedback form={form} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t("trade.indicator")}
          value={indicator}
          onChange={(e) => setIndicator(e.currentTarget.value)}
          data={INDICATORS.map((i) => ({ value: i, label: t(`indicators.${i}`) }))}
          error={form.error("indicator")}
        />
        <NativeSelect
          label={t("trade.reporter")}
          value={reporter}
          onChange={(e) => setReporter(e.currentTarget.value)}
          data={commission.countries.map((c) => ({ value: c, label: countryName(c, lang) }))}
          error={form.error("reporter")}
        />
        <TextInput
          label={t("trade.period")}
          description={t("trade.periodHint")}
          placeholder="2025-11"
          required
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          error={form.error("period")}
        />
        <NumberInput
          label={t("trade.value")}
          required
          value={value}
          onChange={(v) => setValue(typeof v === "number" ? v : v === "" ? "" : Number(v))}
          thousandSeparator=" "
          decimalSeparator={lang === "en" ? "." : ","}
          error={form.error("value")}
        />
        <TextInput
          label={t("trade.unit")}
          required
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
          error={form.error("unit")}
        />
        <TextInput
          label={t("trade.source")}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          error={form.error("source")}
        />
      </SimpleGrid>
      <FormActions pending={form.pending} onCancel={onDone} submit={t("form.save")} />
    </ApiFormElement>
  );
}

const SAMPLE_CSV =
  "indicator,reporter,period,value,unit,source\ntrade_turnover,AZ,2025-11,5300,USD thousand,State Statistical Committee";

function ImportObservationsForm({ commissionId, onDone }: { commissionId: string; onDone: () => void }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ObservationImportResult | null>(null);
  const [problem, setProblem] = useState<{ message: string; field?: string; rows: CsvRowIssue[] } | null>(null);

  const mutation = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => api.importObservations(commissionId, csv, dryRun),
    onSuccess: async (result) => {
      setProblem(null);
      if (result.dryRun) {
        setPreview(result);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: keys.commissionParts(commissionId) });
      setPreview(result);
    },
    onError: (error) => {
      setPreview(null);
      if (error instanceof ApiError) {
        setProblem({ message: error.message, field: error.fieldIssues().csv, rows: error.rowIssues() });
      } else setProblem({ message: String(error), rows: [] });
    },
  });

  const run = (dryRun: boolean) => {
    const issues = check(observationImportSchema, { csv });
    if (issues) {
      setPreview(null);
      setProblem({ message: Object.values(issues).join("; "), field: issues.csv, rows: [] });
      return;
    }
    mutation.mutate({ dryRun });
  };

  const done = preview && !preview.dryRun;
  return (
    <Stack gap="sm" data-testid="import-form">
      <Text size="sm" c="dimmed">
        {t("trade.importHint")}
      </Text>
      <Text size="xs" ff="monospace" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {SAMPLE_CSV}
      </Text>
      <FileInput
        label={t("trade.csvFile")}
        placeholder={t("documents.chooseFile")}
        accept=".csv,text/csv,text/plain"
        clearable
        error={fileError}
        onChange={async (file) => {
          setFileError(null);
          if (!file) return;
          try {
            setCsv(await file.text());
            setPreview(null);
          } catch (error) {
            setFileError(String(error));
          }
        }}
      />
      <Textarea
        label={t("trade.csvText")}
        autosize
        minRows={5}
        maxRows={14}
        value={csv}
        onChange={(e) => {
          setCsv(e.currentTarget.value);
          setPreview(null);
        }}
        styles={{ input: { fontFamily: "monospace", fontSize: 12 } }}
        error={problem?.field}
        data-testid="import-csv"
      />
      {problem && !problem.field && (
        <Alert color="red" role="alert">
          {problem.message}
        </Alert>
      )}
      {problem && problem.rows.length > 0 && (
        <ScrollArea.Autosize mah={260}>
          <Table striped withTableBorder fz="sm" data-testid="import-row-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("trade.line")}</Table.Th>
                <Table.Th>{t("trade.column")}</Table.Th>
                <Table.Th>{t("trade.problem")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problem.rows.map((row) => (
                <Table.Tr key={`${row.line}-${row.column ?? ""}-${row.message}`}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>{row.column ?? "—"}</Table.Td>
                  <Table.Td>{row.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {preview && (
        <Alert color={done ? "green" : "blue"} role="status" data-testid="import-preview">
          {done
            ? t("trade.imported", { created: preview.created, updated: preview.updated })
            : t("trade.previewSummary", { created: preview.created, updated: preview.updated })}
        </Alert>
      )}
      {preview && preview.rows.length > 0 && (
        <ScrollArea.Autosize mah={260}>
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("trade.line")}</Table.Th>
                <Table.Th>{t("trade.reporter")}</Table.Th>
                <Table.Th>{t("trade.period")}</Table.Th>
                <Table.Th ta="right">{t("trade.value")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => (
                <Table.Tr key={row.line}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>{row.reporter}</Table.Td>
                  <Table.Td>{row.period}</Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(row.value, lang)} {row.unit}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={row.action === "create" ? "green" : "yellow"}>
                      {t(`importActions.${row.action}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      <Group gap="sm">
        {done ? (
          <Button onClick={onDone}>{t("form.close")}</Button>
        ) : (
          <>
            <Button
              variant="light"
              onClick={() => run(true)}
              loading={mutation.isPending}
              data-testid="import-preview-button"
            >
              {t("trade.preview")}
            </Button>
            <Button
              onClick={() => run(false)}
              disabled={!preview?.dryRun || preview.rows.length === 0}
              loading={mutation.isPending}
              data-testid="import-confirm"
            >
              {t("trade.importRows", { count: preview?.rows.length ?? 0 })}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t("form.cancel")}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}
