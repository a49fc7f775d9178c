import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Timeline } from "@mantine/core";
import { Link, useParams } from "react-router";
import type { CommissionDetail } from "../../shared/api/commissions.ts";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { LocalizedText, usePlainText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { Section } from "../components/Section.tsx";
import { SessionDates } from "../components/SessionDates.tsx";
import { SessionStatusBadge } from "../components/SessionStatusBadge.tsx";
import { countryName, formatMonthPeriod, formatNumber, sectorName, sessionTitle } from "../format.ts";
import { useLang } from "../hooks.ts";
import { useCommission } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

export function CommissionPage() {
  const { id } = useParams();
  const query = useCommission(id);
  const plain = usePlainText();
  useDocumentTitle(query.data ? plain(query.data.shortName ?? query.data.name) : undefined);
  return <QueryState query={query}>{(commission) => <CommissionView commission={commission} />}</QueryState>;
}

function CommissionView({ commission }: { commission: CommissionDetail }) {
  const { t, lang } = useLang();
  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Group gap="xs">
          <Text fw={600} c="dimmed">
            {commission.countries.map((c) => countryName(c, lang)).join(" — ")}
          </Text>
          {commission.isDemo && <DemoBadge />}
        </Group>
        <PageTitle>
          <LocalizedText text={commission.shortName ?? commission.name} />
        </PageTitle>
        <Text>
          <Text span c="dimmed">
            {t("commission.officialName")}:{" "}
          </Text>
          <LocalizedText text={commission.name} />
        </Text>
      </Stack>

      <Section title={t("commission.sides")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {commission.sides.map((side) => (
            <SideCard key={side.country} commission={commission} side={side} />
          ))}
        </SimpleGrid>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Section title={t("commission.programmes")}>
          {commission.programmes.length === 0 ? (
            <Text c="dimmed">{t("commission.noProgrammes")}</Text>
          ) : (
            <Stack gap="sm">
              {commission.programmes.map((p) => (
                <Card key={p.id} withBorder padding="sm" data-testid="programme">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Text fw={600} style={{ minWidth: 0 }}>
                      <LocalizedText text={p.title} />
                    </Text>
                    <Badge variant="light" radius="sm" style={{ flexShrink: 0 }}>
                      {p.startYear}–{p.endYear}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t(p.kind === "roadmap" ? "commission.roadmap" : "commission.programme")}
                    {p.sector ? ` · ${sectorName(p.sector, lang)}` : ""}
                  </Text>
                </Card>
              ))}
            </Stack>
          )}
        </Section>

        <Section title={t("commission.figures")}>
          {commission.figures.length === 0 ? (
            <Text c="dimmed">{t("commission.noFigures")}</Text>
          ) : (
            <Stack gap="sm">
              {commission.figures.map((figure) => (
                <FigureCard key={figure.id} figure={figure} commission={commission} />
              ))}
            </Stack>
          )}
        </Section>
      </SimpleGrid>

      <Section title={t("commission.sessions")}>
        {commission.sessions.length === 0 ? (
          <Text c="dimmed">{t("commission.noSessions")}</Text>
        ) : (
          <Timeline
            bulletSize={18}
            lineWidth={2}
            active={commission.sessions.filter((s) => s.status === "held").length - 1}
          >
            {commission.sessions.map((session) => (
              <Timeline.Item
                key={session.id}
                data-testid="session-timeline-item"
                title={
                  <Group gap="xs">
                    <Anchor component={Link} to={`/sessions/${session.id}`} fw={600}>
                      {sessionTitle(session.number, lang, t)}
                    </Anchor>
                    <SessionStatusBadge status={session.status} />
                    {session.isDemo && <DemoBadge />}
                  </Group>
                }
              >
                <Text size="sm">
                  {countryName(session.hostCountry, lang)}
                  {session.city && (
                    <>
                      , <LocalizedText text={session.city} />
                    </>
                  )}
                </Text>
                <Text size="sm" c="dimmed">
                  <SessionDates session={session} />
                </Text>
                {session.commitmentCount > 0 && (
                  <Text size="sm" c="dimmed">
                    {t("commission.agreements", { count: session.commitmentCount })}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Section>
    </Stack>
  );
}

function SideCard({ commission, side }: { commission: CommissionDetail; side: CommissionDetail["sides"][number] }) {
  const { t, lang } = useLang();
  const coChairs = commission.coChairs.filter((c) => c.side === side.country);
  return (
    <Card withBorder padding="md" data-testid="side">
      <Group gap="xs" mb="sm">
        <Badge variant="filled" radius="sm" color="gray">
          {side.country}
        </Badge>
        <Text fw={700}>{countryName(side.country, lang)}</Text>
      </Group>
      <Stack gap="sm">
        <div>
          <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
            {coChairs.length > 1 ? t("commission.coChairs") : t("commission.coChair")}
          </Text>
          {coChairs.length === 0 ? (
            <Text c="dimmed">{t("commission.noCoChair")}</Text>
          ) : (
            coChairs.map((c) => (
              <div key={c.personId}>
                <Text fw={600}>
                  <LocalizedText text={c.name} />
                </Text>
                <Text size="sm">
                  <LocalizedText text={c.position} />
                </Text>
              </div>
            ))
          )}
        </div>
        <div>
          <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
            {t("commission.secretariat")}
          </Text>
          <Text size="sm">
            {side.secretariat ? <LocalizedText text={side.secretariat.name} /> : t("commission.noSecretariat")}
          </Text>
        </div>
      </Stack>
    </Card>
  );
}

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
        {indicator} · {formatMonthPeriod(figure.periodStart, figure.periodEnd, lang)}
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
            <Anchor component={Link} to={`/sessions/${session.id}`} size="xs">
              {sessionTitle(session.number, lang, t)}
            </Anchor>
          )}
        </Text>
      )}
    </Card>
  );
}
