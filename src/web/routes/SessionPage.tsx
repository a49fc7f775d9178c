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
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { Commitment } from "../../shared/api/commitments.ts";
import type { SessionDetail, SessionEvent } from "../../shared/api/sessions.ts";
import type { CommitmentStatus } from "../../shared/deadline.ts";
import { CarryOver } from "../components/CarryOver.tsx";
import { CommitmentForm } from "../components/CommitmentForm.tsx";
import { CommitmentSheets } from "../components/CommitmentsImport.tsx";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { DocumentCard, UploadDocumentButton } from "../components/Documents.tsx";
import { FormModal } from "../components/FormModal.tsx";
import { ImplementationReport } from "../components/ImplementationReport.tsx";
import { LocalizedText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { Responsible } from "../components/Responsible.tsx";
import { Section } from "../components/Section.tsx";
import { SessionDates } from "../components/SessionDates.tsx";
import { SessionExports } from "../components/SessionExports.tsx";
import { DelegationMemberForm, EditSessionForm, EventForm, ScheduleStepForm } from "../components/SessionForms.tsx";
import { SessionStatusBadge } from "../components/SessionStatusBadge.tsx";
import { ProgressBar, StatusBadge } from "../components/StatusBadge.tsx";
import { countryName, formatDate, formatDateRange, formatDeadline, sectorName, sessionTitle } from "../format.ts";
import { useLang } from "../hooks.ts";
import { listHref } from "../monitoring.ts";
import { useSession, useSessionCommitments, useSessionDocuments } from "../queries.ts";
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
  const [editing, edit] = useDisclosure(false);
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
          <Button size="xs" variant="light" onClick={edit.open} data-testid="edit-session">
            {t("sessionForm.title")}
          </Button>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Fact label={t("session.dates")}>
          <span data-testid="session-dates">
            <SessionDates session={session} />
          </span>
        </Fact>
        <Fact label={t("session.city")}>
          <span data-testid="session-city">
            <LocalizedText text={session.city} />
          </span>
        </Fact>
        <Fact label={t("session.host")}>{countryName(session.hostCountry, lang)}</Fact>
        <Fact label={t("session.agreementsShort")}>
          <ImplementationSummary sessionId={session.id} total={session.commitmentCount} />
        </Fact>
      </SimpleGrid>

      {session.status !== "held" && (
        <>
          <CarryOver sessionId={session.id} />
          <ImplementationReport sessionId={session.id} />
        </>
      )}

      <div className="igc-session-grid">
        <div data-area="main">
          <Agreements session={session} />
        </div>
        <Stack gap="xl" data-area="top">
          <SessionProgramme session={session} />
          <SessionDocuments session={session} />
          <SessionExports session={session} />
        </Stack>
        <Stack gap="xl" data-area="bottom">
          <SchedulingLog session={session} />
          <Delegations session={session} />
        </Stack>
      </div>

      {session.status === "held" && <ImplementationReport sessionId={session.id} />}

      <FormModal opened={editing} onClose={edit.close} title={t("sessionForm.title")}>
        <EditSessionForm session={session} onDone={edit.close} />
      </FormModal>
    </Stack>
  );
}

/** A small "add" button beside a section title that opens its form. */
function AddButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <Button size="compact-sm" variant="light" onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}

function EventEntry({ event, subEvents }: { event: SessionEvent; subEvents: SessionEvent[] }) {
  const { t, lang } = useLang();
  return (
    <>
      <Text size="sm" fw={500} lh={1.35}>
        <LocalizedText text={event.title} />
      </Text>
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
        {event.startsOn && (
          <>
            {" · "}
            <span data-testid="event-date">{formatDate(event.startsOn, lang)}</span>
          </>
        )}
      </Text>
      {subEvents.length > 0 && (
        <Stack gap={4} mt={4} pl="sm" style={{ borderLeft: "2px solid var(--mantine-color-gray-3)" }}>
          {subEvents.map((child) => (
            <div key={child.id} data-testid="event" data-kind={child.kind}>
              <EventEntry event={child} subEvents={[]} />
            </div>
          ))}
        </Stack>
      )}
    </>
  );
}

function byDay(a: SessionEvent, b: SessionEvent): number {
  return (a.startsOn ?? "9999").localeCompare(b.startsOn ?? "9999");
}

function SessionProgramme({ session }: { session: SessionDetail }) {
  const { t } = useLang();
  const [adding, add] = useDisclosure(false);
  const ids = new Set(session.events.map((e) => e.id));
  const top = session.events.filter((e) => !e.parentId || !ids.has(e.parentId)).sort(byDay);
  return (
    <Section
      title={t("session.format")}
      testId="session-programme"
      action={<AddButton label={t("eventForm.title")} onClick={add.open} testId="add-event" />}
    >
      {top.length === 0 ? (
        <Text c="dimmed">{t("session.noEvents")}</Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={top.length}>
          {top.map((event) => (
            <Timeline.Item key={event.id} data-testid="event" data-kind={event.kind}>
              <EventEntry event={event} subEvents={session.events.filter((e) => e.parentId === event.id).sort(byDay)} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <FormModal opened={adding} onClose={add.close} title={t("eventForm.title")}>
        <EventForm session={session} onDone={add.close} />
      </FormModal>
    </Section>
  );
}

function SessionDocuments({ session }: { session: SessionDetail }) {
  const { t } = useLang();
  const documents = useSessionDocuments(session.id);
  // The session record lists its signed documents too: shown while the document list loads or if it fails.
  const items = documents.data?.items ?? session.documents;
  return (
    <Section
      title={t("session.documents")}
      testId="session-documents"
      action={
        <UploadDocumentButton
          commissionId={session.commission.id}
          countries={session.commission.countries}
          sessionId={session.id}
        />
      }
    >
      {items.length === 0 ? (
        <Text c="dimmed">{t("session.noDocuments")}</Text>
      ) : (
        <Stack gap="sm">
          {items.map((doc) => (
            <DocumentCard key={doc.id} document={doc} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function SchedulingLog({ session }: { session: SessionDetail }) {
  const { t, lang } = useLang();
  const [adding, add] = useDisclosure(false);
  const steps = [...session.scheduleSteps].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  return (
    <Section
      title={t("scheduleStep.log")}
      testId="scheduling-log"
      action={<AddButton label={t("scheduleStep.title")} onClick={add.open} testId="add-schedule-step" />}
    >
      {steps.length === 0 ? (
        <Text c="dimmed" size="sm">
          {session.datesViaDiplomaticChannels ? t("scheduleStep.noneYetChannels") : t("scheduleStep.noneYet")}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={steps.length}>
          {steps.map((step) => (
            <Timeline.Item
              key={step.id}
              data-testid="schedule-step"
              title={
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {t(`scheduleStepKinds.${step.kind}`)}
                  </Text>
                  {step.fromSide && (
                    <Badge size="xs" variant="light" color="gray" radius="sm">
                      {step.fromSide}
                    </Badge>
                  )}
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                {formatDate(step.occurredOn, lang)}
                {step.noteReference && ` · ${t("scheduleStep.note", { reference: step.noteReference })}`}
              </Text>
              {step.proposedStartsOn && (
                <Text size="sm">
                  {t("scheduleStep.dates")}: {formatDateRange(step.proposedStartsOn, step.proposedEndsOn, lang)}
                </Text>
              )}
              {step.text && (
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {step.text}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <FormModal opened={adding} onClose={add.close} title={t("scheduleStep.title")}>
        <ScheduleStepForm session={session} onDone={add.close} />
      </FormModal>
    </Section>
  );
}

function Delegations({ session }: { session: SessionDetail }) {
  const { t, lang } = useLang();
  const [adding, add] = useDisclosure(false);
  return (
    <Section
      title={t("delegation.title")}
      testId="delegations"
      action={<AddButton label={t("delegation.add")} onClick={add.open} testId="add-delegation-member" />}
    >
      {session.commission.countries.map((side) => {
        const members = session.delegation.filter((m) => m.side === side);
        return (
          <Card key={side} withBorder padding="sm" data-testid="delegation" data-side={side}>
            <Group gap={6} mb={4}>
              <Badge size="sm" variant="filled" color="gray" radius="sm">
                {side}
              </Badge>
              <Text size="sm" fw={600}>
                {countryName(side, lang)}
              </Text>
            </Group>
            {members.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("delegation.empty")}
              </Text>
            ) : (
              <Stack gap={4}>
                {members.map((m) => (
                  <Group key={m.id} gap={6} wrap="nowrap" align="flex-start" data-testid="delegation-member">
                    <Text size="xs" c="dimmed" miw={70} style={{ flexShrink: 0 }}>
                      {t(`delegationRoles.${m.role}`)}
                    </Text>
                    <Text size="sm" style={{ minWidth: 0 }}>
                      {m.person && (
                        <Anchor component={Link} to={`/people/${m.person.id}`} size="sm">
                          <LocalizedText text={m.person.name} />
                        </Anchor>
                      )}
                      {m.person && m.organization && ", "}
                      {m.organization && (
                        <Anchor component={Link} to={`/organizations/${m.organization.id}`} size="sm" c="inherit">
                          <LocalizedText text={m.organization.name} />
                        </Anchor>
                      )}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </Card>
        );
      })}
      <FormModal opened={adding} onClose={add.close} title={t("delegation.add")}>
        <DelegationMemberForm session={session} onDone={add.close} />
      </FormModal>
    </Section>
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

function Agreements({ session }: { session: SessionDetail }) {
  const { t, lang } = useLang();
  const query = useSessionCommitments(session.id);
  const [adding, add] = useDisclosure(false);
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
                  <AddButton label={t("commitmentForm.add")} onClick={add.open} testId="add-agreement" />
                  <CommitmentSheets session={session} />
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
      <FormModal opened={adding} onClose={add.close} title={t("commitmentForm.add")} size="xl">
        <CommitmentForm
          commissionId={session.commission.id}
          sessionId={session.id}
          countries={session.commission.countries}
          onDone={add.close}
        />
      </FormModal>
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
          <Anchor component={Link} to={listHref({ sessionId, status: "done" })} size="xs" c="dimmed">
            {t("status.done")}: {count((c) => c.status === "done")}
          </Anchor>
          {" · "}
          <Anchor component={Link} to={listHref({ sessionId, status: "in_progress" })} size="xs" c="dimmed">
            {t("status.in_progress")}: {count((c) => c.status === "in_progress")}
          </Anchor>
          {late > 0 && (
            <>
              {" · "}
              <Anchor component={Link} to={listHref({ sessionId, overdue: "true" })} size="xs" c="red" fw={600}>
                {t("status.late")}: {late}
              </Anchor>
            </>
          )}
        </Text>
      )}
    </>
  );
}
