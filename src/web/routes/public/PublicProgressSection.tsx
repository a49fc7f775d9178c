import { Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { PublicTally } from "../../../shared/api/publication.ts";
import { ProgressLine } from "../../components/ProgressLine.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Section } from "../../components/Section.tsx";
import { formatDate, sectorName } from "../../format.ts";
import { useLang } from "../../hooks.ts";
import { usePublicProgress } from "./public-queries.ts";

/** How far the published agreements are done: in all, then by sector. */
export function PublicProgressSection({ commissionId }: { commissionId: string }) {
  const { t, lang } = useLang();
  const query = usePublicProgress(commissionId, true);
  return (
    <Section title={t("publicView.progress")} testId="public-progress">
      <QueryState query={query}>
        {(progress) => (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t("publicView.asOf", { date: formatDate(progress.asOf, lang) })}
            </Text>
            <Card withBorder padding="md" data-testid="public-progress-totals">
              <Stack gap="sm">
                <ProgressLine value={progress.totals.progress} label={t("publicView.progress")} />
                <Counts tally={progress.totals} />
              </Stack>
            </Card>
            {progress.bySector.length > 0 && (
              <Stack gap="xs">
                <Text fw={600}>{t("publicView.bySector")}</Text>
                {progress.bySector.map((s) => (
                  <div key={s.sector} data-testid="public-sector-progress">
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="sm" style={{ minWidth: 0 }}>
                        {sectorName(s.sector, lang)}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                        {t("publicView.agreementCount", { count: s.total })}
                      </Text>
                    </Group>
                    <ProgressLine value={s.progress} label={sectorName(s.sector, lang)} />
                  </div>
                ))}
              </Stack>
            )}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function Counts({ tally }: { tally: PublicTally }) {
  const { t } = useLang();
  const counts = [
    { key: "total", label: t("dashboard.total"), value: tally.total },
    { key: "done", label: t("dashboard.done"), value: tally.done },
    { key: "inProgress", label: t("dashboard.inProgress"), value: tally.inProgress },
    { key: "notStarted", label: t("dashboard.notStarted"), value: tally.notStarted },
    { key: "late", label: t("dashboard.late"), value: tally.late },
  ];
  return (
    <SimpleGrid cols={{ base: 3, sm: 5 }} spacing="xs">
      {counts.map((c) => (
        <div key={c.key} data-testid={`public-count-${c.key}`}>
          <Text fw={700} size="lg">
            {c.value}
          </Text>
          <Text size="xs" c="dimmed">
            {c.label}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
