import {
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import type { CommissionDetail } from "../../shared/api/commissions.ts";
import type { JointBody, Project } from "../../shared/api/joint-work.ts";
import type { SessionSummary } from "../../shared/api/sessions.ts";
import { CoChairForm } from "../components/CoChairForm.tsx";
import { CommissionImportAndFeeds } from "../components/CommissionImportAndFeeds.tsx";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { DocumentCard, UploadDocumentButton } from "../components/Documents.tsx";
import { FormModal } from "../components/FormModal.tsx";
import { LocalizedText, usePlainText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ProgressLine } from "../components/ProgressLine.tsx";
import { PublicationSettings } from "../components/PublicationSettings.tsx";
import { ErrorAlert, QueryState } from "../components/QueryState.tsx";
import { Section } from "../components/Section.tsx";
import { SessionDates } from "../components/SessionDates.tsx";
import { SessionStatusBadge } from "../components/SessionStatusBadge.tsx";
import { TradeSection } from "../components/TradeSection.tsx";
import { countryName, formatAmount, formatDate, formatTerm, sectorName, sessionTitle, today } from "../format.ts";
import { useLang } from "../hooks.ts";
import { useCommission, useCommissionDocuments, useJointBodies, useProjects } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

export function CommissionPage() {
  const { id } = useParams();
  const query = useCommission(id);
  const plain = usePlainText();
  useDocumentTitle(query.data ? plain(query.data.shortName ?? query.data.name) : undefined);
  return <QueryState query={query}>{(commission) => <CommissionView commission={commission} />}</QueryState>;
}

/** The next session: the first one not yet held, by number. */
export function nextSessionOf(sessions: SessionSummary[]): SessionSummary | null {
  return [...sessions].filter((s) => s.status !== "held").sort((a, b) => a.number - b.number)[0] ?? null;
}

function CommissionView({ commission }: { commission: CommissionDetail }) {
  const { t, lang } = useLang();
  const next = nextSessionOf(commission.sessions);
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
        <Group gap="xs">
          <Button
            component={Link}
            to={`/dashboard?commissionId=${commission.id}`}
            size="xs"
            variant="light"
            data-testid="commission-dashboard"
          >
            {t("dashboard.title")}
          </Button>
          <Button
            component={Link}
            to={`/commitments?commissionId=${commission.id}`}
            size="xs"
            variant="subtle"
            data-testid="commission-commitments"
          >
            {t("nav.commitments")}
          </Button>
        </Group>
      </Stack>

      <Grid gap="md" align="stretch">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <NextSessionCard session={next} />
        </Grid.Col>
        {commission.sides.map((side) => (
          <Grid.Col key={side.country} span={{ base: 12, sm: 6, md: 4 }}>
            <SideCard commission={commission} side={side} />
          </Grid.Col>
        ))}
      </Grid>

      <TradeSection commission={commission} />

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SessionsTimeline commission={commission} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Programmes commission={commission} />
        </Grid.Col>
      </Grid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <JointBodies commissionId={commission.id} />
        <Projects commissionId={commission.id} />
      </SimpleGrid>

      <CommissionDocuments commission={commission} />

      <CommissionImportAndFeeds commissionId={commission.id} />

      <PublicationSettings commissionId={commission.id} />
    </Stack>
  );
}

function NextSessionCard({ session }: { session: SessionSummary | null }) {
  const { t, lang } = useLang();
  return (
    <Card withBorder padding="md" h="100%" data-testid="next-session" bg="blue.0">
      <Text size="xs" tt="uppercase" c="dimmed" fw={700} mb={6}>
        {t("commission.nextSession")}
      </Text>
      {!session ? (
        <Text c="dimmed">{t("commission.noNextSession")}</Text>
      ) : (
        <Stack gap={6}>
          <Group gap="xs">
            <Anchor component={Link} to={`/sessions/${session.id}`} fw={700} size="lg" data-testid="next-session-link">
              {sessionTitle(session.number, lang, t)}
            </Anchor>
            <SessionStatusBadge status={session.status} />
          </Group>
          <Fact label={t("session.host")}>
            <span data-testid="next-session-host">{countryName(session.hostCountry, lang)}</span>
          </Fact>
          <Fact label={t("session.city")}>
            {session.city ? <LocalizedText text={session.city} /> : t("commission.cityNotSet")}
          </Fact>
          <Fact label={t("session.dates")}>
            <span data-testid="next-session-dates">
              <SessionDates session={session} />
            </span>
          </Fact>
        </Stack>
      )}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </div>
  );
}

function CoChairEntry({ coChair }: { coChair: CommissionDetail["coChairs"][number] }) {
  const { t, lang } = useLang();
  const term = formatTerm(coChair.startsOn, coChair.endsOn, lang, t);
  return (
    <div data-testid="co-chair">
      <Anchor component={Link} to={`/people/${coChair.personId}`} fw={600} c="inherit">
        <LocalizedText text={coChair.name} />
      </Anchor>
      <Text size="sm" data-testid="co-chair-position">
        <LocalizedText text={coChair.position} />
      </Text>
      <Text size="xs" c="dimmed">
        {term ? t("term.label", { term }) : t("term.unknown")}
      </Text>
    </div>
  );
}

function SideCard({ commission, side }: { commission: CommissionDetail; side: CommissionDetail["sides"][number] }) {
  const { t, lang } = useLang();
  const [earlierOpen, earlier] = useDisclosure(false);
  const [appointing, appoint] = useDisclosure(false);
  const day = today();
  const all = commission.coChairs.filter((c) => c.side === side.country);
  const current = all.filter((c) => c.endsOn === null || c.endsOn >= day);
  const past = all.filter((c) => !current.includes(c));
  return (
    <Card withBorder padding="md" h="100%" data-testid="side" data-side={side.country}>
      <Group gap="xs" mb="sm" justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Badge variant="filled" radius="sm" color="gray">
            {side.country}
          </Badge>
          <Text fw={700}>{countryName(side.country, lang)}</Text>
        </Group>
      </Group>
      <Stack gap="sm">
        <div>
          <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
            {current.length > 1 ? t("commission.coChairs") : t("commission.coChair")}
          </Text>
          {current.length === 0 ? (
            <Text c="dimmed">{t("commission.noCoChair")}</Text>
          ) : (
            <Stack gap="xs">
              {current.map((c) => (
                <CoChairEntry key={`${c.personId}-${c.startsOn}`} coChair={c} />
              ))}
            </Stack>
          )}
          {past.length > 0 && (
            <>
              <UnstyledButton
                onClick={earlier.toggle}
                aria-expanded={earlierOpen}
                fz="sm"
                c="blue"
                mt={6}
                data-testid="earlier-co-chairs"
              >
                {earlierOpen ? "▾" : "▸"} {t("commission.earlierCoChairs", { count: past.length })}
              </UnstyledButton>
              <Collapse expanded={earlierOpen}>
                <Stack gap="xs" mt="xs" pl="sm" style={{ borderLeft: "2px solid var(--mantine-color-gray-3)" }}>
                  {past.map((c) => (
                    <CoChairEntry key={`${c.personId}-${c.startsOn}`} coChair={c} />
                  ))}
                </Stack>
              </Collapse>
            </>
          )}
        </div>
        <div>
          <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
            {t("commission.secretariat")}
          </Text>
          <Text size="sm">
            {side.secretariat ? (
              <Anchor component={Link} to={`/organizations/${side.secretariat.id}`} size="sm" c="inherit">
                <LocalizedText text={side.secretariat.name} />
              </Anchor>
            ) : (
              t("commission.noSecretariat")
            )}
          </Text>
        </div>
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={appoint.open}
          style={{ alignSelf: "flex-start" }}
          data-testid="appoint-co-chair"
        >
          {t("coChairForm.title")}
        </Button>
      </Stack>
      <FormModal opened={appointing} onClose={appoint.close} title={t("coChairForm.title")}>
        <CoChairForm
          commissionId={commission.id}
          countries={commission.countries}
          side={side.country}
          onDone={appoint.close}
        />
      </FormModal>
    </Card>
  );
}

function SessionsTimeline({ commission }: { commission: CommissionDetail }) {
  const { t, lang } = useLang();
  const sessions = [...commission.sessions].sort((a, b) => a.number - b.number);
  const next = nextSessionOf(sessions);
  return (
    <Section title={t("commission.sessions")} testId="sessions">
      {sessions.length === 0 ? (
        <Text c="dimmed">{t("commission.noSessions")}</Text>
      ) : (
        <Timeline bulletSize={18} lineWidth={2} active={sessions.filter((s) => s.status === "held").length - 1}>
          {sessions.map((session) => (
            <Timeline.Item
              key={session.id}
              data-testid="session-timeline-item"
              title={
                <Group gap="xs">
                  <Anchor component={Link} to={`/sessions/${session.id}`} fw={600}>
                    {sessionTitle(session.number, lang, t)}
                  </Anchor>
                  <SessionStatusBadge status={session.status} />
                  {session.id === next?.id && (
                    <Badge color="blue" variant="outline" radius="sm" size="sm">
                      {t("commission.next")}
                    </Badge>
                  )}
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
  );
}

function Programmes({ commission }: { commission: CommissionDetail }) {
  const { t, lang } = useLang();
  return (
    <Section title={t("commission.programmes")} testId="programmes">
      {commission.programmes.length === 0 ? (
        <Text c="dimmed">{t("commission.noProgrammes")}</Text>
      ) : (
        <Stack gap="sm">
          {commission.programmes.map((p) => (
            <Card key={p.id} withBorder padding="sm" data-testid="programme">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/programmes/${p.id}`} fw={600} style={{ minWidth: 0 }}>
                  <LocalizedText text={p.title} />
                </Anchor>
                <Badge variant="light" radius="sm" style={{ flexShrink: 0 }} data-testid="programme-years">
                  {p.startYear}–{p.endYear}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed" mb={6}>
                {t(p.kind === "roadmap" ? "commission.roadmap" : "commission.programme")}
                {p.sector ? ` · ${sectorName(p.sector, lang)}` : ""} ·{" "}
                {t("commission.agreements", { count: p.commitmentCount })}
              </Text>
              <ProgressLine value={p.progress} label={t("commitment.progress")} />
            </Card>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function Participants({ participants }: { participants: JointBody["participants"] }) {
  const { t } = useLang();
  if (participants.length === 0) return null;
  return (
    <Stack gap={2} mt={6}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {t("jointWork.members")}
      </Text>
      {participants.map((p) => (
        <Group key={p.organization.id} gap={6} wrap="nowrap" align="flex-start">
          {p.side && (
            <Badge size="sm" variant="light" color="gray" radius="sm" style={{ flexShrink: 0 }}>
              {p.side}
            </Badge>
          )}
          <Text size="sm" style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/organizations/${p.organization.id}`} size="sm" c="inherit">
              <LocalizedText text={p.organization.name} />
            </Anchor>
            {p.role && (
              <Text span size="xs" c="dimmed">
                {" "}
                ({p.role})
              </Text>
            )}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

const BODY_STATUS_COLORS: Record<JointBody["status"], string> = {
  proposed: "yellow",
  active: "teal",
  inactive: "gray",
};
const PROJECT_STATUS_COLORS: Record<Project["status"], string> = {
  idea: "gray",
  study: "yellow",
  agreed: "blue",
  in_progress: "indigo",
  completed: "teal",
  cancelled: "dark",
};

function JointBodies({ commissionId }: { commissionId: string }) {
  const { t, lang } = useLang();
  const query = useJointBodies(commissionId);
  return (
    <Section title={t("jointWork.bodies")} testId="joint-bodies">
      <QueryState query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t("jointWork.noBodies")}</Text>
          ) : (
            <Stack gap="sm">
              {items.map((body) => (
                <Card key={body.id} withBorder padding="sm" data-testid="joint-body">
                  <Text fw={600}>
                    <LocalizedText text={body.name} />
                  </Text>
                  <Group gap={6} mt={4}>
                    <Badge variant="light" radius="sm" color="grape">
                      {t(`bodyKinds.${body.kind}`)}
                    </Badge>
                    <Badge variant="light" radius="sm" color={BODY_STATUS_COLORS[body.status]}>
                      {t(`bodyStatuses.${body.status}`)}
                    </Badge>
                    {body.sector && (
                      <Text size="xs" c="dimmed">
                        {sectorName(body.sector, lang)}
                      </Text>
                    )}
                  </Group>
                  {(body.establishedOn || body.capital !== null) && (
                    <Text size="sm" mt={4}>
                      {body.establishedOn && t("jointWork.established", { date: formatDate(body.establishedOn, lang) })}
                      {body.establishedOn && body.capital !== null && " · "}
                      {body.capital !== null &&
                        t("jointWork.capital", { amount: formatAmount(body.capital, body.currency, lang) })}
                    </Text>
                  )}
                  <Participants participants={body.participants} />
                  {body.commitmentCount > 0 && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t("commission.agreements", { count: body.commitmentCount })}
                    </Text>
                  )}
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}

function Projects({ commissionId }: { commissionId: string }) {
  const { t, lang } = useLang();
  const query = useProjects(commissionId);
  return (
    <Section title={t("jointWork.projects")} testId="projects">
      <QueryState query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t("jointWork.noProjects")}</Text>
          ) : (
            <Stack gap="sm">
              {items.map((project) => (
                <Card key={project.id} withBorder padding="sm" data-testid="project">
                  <Text fw={600}>
                    <LocalizedText text={project.name} />
                  </Text>
                  <Group gap={6} mt={4}>
                    <Badge variant="light" radius="sm" color={PROJECT_STATUS_COLORS[project.status]}>
                      {t(`projectStatuses.${project.status}`)}
                    </Badge>
                    {project.sector && (
                      <Text size="xs" c="dimmed">
                        {sectorName(project.sector, lang)}
                      </Text>
                    )}
                  </Group>
                  <Text size="sm" mt={4}>
                    <Text span c="dimmed">
                      {t("jointWork.location")}:{" "}
                    </Text>
                    {project.location ? <LocalizedText text={project.location} /> : "—"}
                    <Text span c="dimmed">
                      {" · "}
                      {t("jointWork.value")}:{" "}
                    </Text>
                    {project.value !== null
                      ? formatAmount(project.value, project.currency, lang)
                      : t("jointWork.valueUnknown")}
                  </Text>
                  <Participants participants={project.participants} />
                  {project.commitmentCount > 0 && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t("commission.agreements", { count: project.commitmentCount })}
                    </Text>
                  )}
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}

function CommissionDocuments({ commission }: { commission: CommissionDetail }) {
  const { t } = useLang();
  const query = useCommissionDocuments(commission.id);
  return (
    <Section
      title={t("documents.ofCommission")}
      testId="commission-documents"
      action={
        <UploadDocumentButton
          commissionId={commission.id}
          countries={commission.countries}
          sessions={commission.sessions}
        />
      }
    >
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <QueryState query={query}>
          {(page) =>
            page.items.length === 0 ? (
              <Text c="dimmed">{t("documents.none")}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                {page.items.map((doc) => (
                  <DocumentCard key={doc.id} document={doc} sessions={commission.sessions} />
                ))}
              </SimpleGrid>
            )
          }
        </QueryState>
      )}
    </Section>
  );
}
