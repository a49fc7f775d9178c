import { Anchor, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Language } from "../../shared/i18n-text.ts";
import { formatNumber } from "../format.ts";
import { useLang } from "../hooks.ts";
import { type ListFilters, listHref } from "../monitoring.ts";
import { useRollups } from "../queries.ts";
import { LocalizedText } from "./LocalizedText.tsx";
import { QueryState } from "./QueryState.tsx";
import { Section } from "./Section.tsx";

/** A number that opens the commitments list reproducing it. */
export function CountLink({
  to,
  children,
  testId,
  color,
  fw = 600,
}: {
  to: string;
  children: ReactNode;
  testId?: string;
  color?: string;
  fw?: number;
}) {
  return (
    <Anchor component={Link} to={to} fw={fw} c={color} inherit data-testid={testId} className="igc-count">
      {children}
    </Anchor>
  );
}

function percent(value: number | null, lang: Language): string {
  return value === null ? "—" : `${formatNumber(value, lang)}%`;
}

/** A figure with its label under it, the figure a link to its list. */
function Stat({ label, value, to, color }: { label: string; value: ReactNode; to: string; color?: string }) {
  return (
    <Stack gap={0}>
      <CountLink to={to} color={color}>
        <Text span fz="xl" fw={700} inherit>
          {value}
        </Text>
      </CountLink>
      <Text size="xs" c="dimmed" lh={1.2}>
        {label}
      </Text>
    </Stack>
  );
}

/** One organisation's agreements per commission: total, done, in progress, late, awaiting, progress. */
export function OrganizationScorecard({ organizationId }: { organizationId: string }) {
  const { t, lang } = useLang();
  const query = useRollups({ groupBy: "commission", organizationId });
  return (
    <Section title={t("scorecard.title")} testId="scorecard">
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t("scorecard.empty")}</Text>
          ) : (
            <Stack gap="sm">
              {data.items.map((item) => {
                const filters: ListFilters = { organizationId, commissionId: item.key };
                return (
                  <Paper key={item.key} withBorder p="sm" data-testid="scorecard-row">
                    <Anchor
                      component={Link}
                      to={`/dashboard?commissionId=${item.key}&organizationId=${organizationId}`}
                      size="sm"
                      fw={600}
                      c="inherit"
                    >
                      <LocalizedText text={item.label} />
                    </Anchor>
                    <SimpleGrid cols={3} spacing="xs" verticalSpacing="xs" mt={6}>
                      <Stat
                        label={t("dashboard.total")}
                        value={item.total}
                        to={listHref({ ...filters, sort: "deadline" })}
                      />
                      <Stat
                        label={t("dashboard.done")}
                        value={item.done}
                        to={listHref({ ...filters, status: "done" })}
                      />
                      <Stat
                        label={t("dashboard.inProgress")}
                        value={item.inProgress}
                        to={listHref({ ...filters, status: "in_progress" })}
                      />
                      <Stat
                        label={t("dashboard.late")}
                        value={item.late}
                        to={listHref({ ...filters, overdue: "true" })}
                        color={item.late > 0 ? "red" : undefined}
                      />
                      <Stat
                        label={t("dashboard.awaiting")}
                        value={item.awaitingConfirmation}
                        to={listHref({ ...filters, awaitingConfirmation: "true" })}
                      />
                      <Stat
                        label={t("dashboard.progress")}
                        value={percent(item.progress, lang)}
                        to={listHref({ ...filters, sort: "deadline" })}
                      />
                    </SimpleGrid>
                  </Paper>
                );
              })}
              <Anchor
                component={Link}
                to={listHref({ organizationId, sort: "deadline" })}
                size="sm"
                data-testid="organization-items"
              >
                {t("scorecard.allItems")}
              </Anchor>
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}
