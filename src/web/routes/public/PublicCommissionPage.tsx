import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import type { PublicCommission, PublicSession } from "../../../shared/api/publication.ts";
import { ApiError } from "../../api.ts";
import { DemoBadge } from "../../components/DemoBadge.tsx";
import { LocalizedText, usePlainText } from "../../components/LocalizedText.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Section } from "../../components/Section.tsx";
import { SessionStatusBadge } from "../../components/SessionStatusBadge.tsx";
import { countryName, formatDate, formatDateRange, sessionTitle } from "../../format.ts";
import { useLang } from "../../hooks.ts";
import { useDocumentTitle } from "../../useDocumentTitle.ts";
import { PublicAgreements } from "./PublicAgreements.tsx";
import { PublicProgressSection } from "./PublicProgressSection.tsx";
import { usePublicCommission, usePublicSessions } from "./public-queries.ts";

/** A published commission: who co-chairs it, its sessions, its agreements and how far they are done. */
export function PublicCommissionPage() {
  const { id = "" } = useParams();
  const query = usePublicCommission(id);
  const plain = usePlainText();
  useDocumentTitle(query.data ? plain(query.data.shortName ?? query.data.name) : undefined);
  if (query.error instanceof ApiError && query.error.status === 404) return <PublicNotFound />;
  return <QueryState query={query}>{(commission) => <CommissionView commission={commission} />}</QueryState>;
}

function PublicNotFound() {
  const { t } = useLang();
  useDocumentTitle(t("publicView.notFound"));
  return (
    <Stack align="flex-start" data-testid="public-not-found">
      <PageTitle>{t("publicView.notFound")}</PageTitle>
      <Text>{t("publicView.notFoundText")}</Text>
      <Button component={Link} to="/public" variant="light">
        {t("publicView.backToList")}
      </Button>
    </Stack>
  );
}

function CommissionView({ commission }: { commission: PublicCommission }) {
  const { t, lang } = useLang();
  const sessions = usePublicSessions(commission.id, commission.publishes.sessions);
  return (
    <Stack gap="xl" data-testid="public-commission">
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
        {commission.shortName && (
          <Text>
            <LocalizedText text={commission.name} />
          </Text>
        )}
        {commission.foundedOn && (
          <Text size="sm" c="dimmed">
            {t("publicView.founded", { date: formatDate(commission.foundedOn, lang) })}
          </Text>
        )}
      </Stack>

      {commission.coChairs.length > 0 && (
        <Section title={t("publicView.coChairs")} testId="public-co-chairs">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {commission.coChairs.map((c) => (
              <Card
                key={`${c.side}-${c.name.ru ?? c.name.en ?? c.name.az}`}
                withBorder
                padding="sm"
                data-testid="public-co-chair"
              >
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="filled" color="gray" radius="sm" style={{ flexShrink: 0 }}>
                    {c.side}
                  </Badge>
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600}>
                      <LocalizedText text={c.name} />
                    </Text>
                    <Text size="sm" c="dimmed">
                      <LocalizedText text={c.title} />
                    </Text>
                  </div>
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        </Section>
      )}

      {commission.publishes.progress && <PublicProgressSection commissionId={commission.id} />}

      {commission.publishes.sessions && (
        <Section title={t("publicView.sessions")} testId="public-sessions">
          <QueryState query={sessions}>
            {(list) =>
              list.items.length === 0 ? (
                <Text c="dimmed">{t("publicView.noSessions")}</Text>
              ) : (
                <Stack gap="xs">
                  {list.items.map((s) => (
                    <SessionCard key={s.id} session={s} />
                  ))}
                </Stack>
              )
            }
          </QueryState>
        </Section>
      )}

      {commission.publishes.agreements && (
        <PublicAgreements commissionId={commission.id} sessions={sessions.data?.items ?? []} />
      )}
    </Stack>
  );
}

function SessionCard({ session }: { session: PublicSession }) {
  const { t, lang } = useLang();
  const dates = session.startsOn
    ? formatDateRange(session.startsOn, session.endsOn, lang)
    : t(session.datesViaDiplomaticChannels ? "session.viaDiplomaticChannels" : "session.datesUnknown");
  return (
    <Card withBorder padding="sm" data-testid="public-session">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text fw={600}>{sessionTitle(session.number, lang, t)}</Text>
          <SessionStatusBadge status={session.status} />
        </Group>
        {session.agreementCount > 0 && (
          <Text size="sm" c="dimmed">
            {t("publicView.agreementCount", { count: session.agreementCount })}
          </Text>
        )}
      </Group>
      <Text size="sm">
        {countryName(session.hostCountry, lang)}
        {session.city && (
          <>
            , <LocalizedText text={session.city} />
          </>
        )}
        {" · "}
        {dates}
      </Text>
    </Card>
  );
}
