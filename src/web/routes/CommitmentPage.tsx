import { Alert, Anchor, Badge, Button, Card, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import type { Commitment, StatusUpdate } from "../../shared/api/commitments.ts";
import { AssignedFocalPoints, AssignmentForm, AssignmentSummary } from "../components/Assignment.tsx";
import { Comments } from "../components/Comments.tsx";
import { CommitmentForm, useLinkTargets } from "../components/CommitmentForm.tsx";
import { ConfirmForm } from "../components/ConfirmForm.tsx";
import { EvidenceLinks } from "../components/EvidenceUpload.tsx";
import { FormModal } from "../components/FormModal.tsx";
import { LocalizedText, usePlainText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { Responsible } from "../components/Responsible.tsx";
import { Section } from "../components/Section.tsx";
import { AwaitingBadge, SideReports } from "../components/SideReports.tsx";
import { ProgressBar, StatusBadge } from "../components/StatusBadge.tsx";
import { type Reporter, StatusUpdateForm } from "../components/StatusUpdateForm.tsx";
import { Watchers } from "../components/Watchers.tsx";
import { countryName, formatDate, formatDateTime, formatDeadline, sectorName, sessionTitle } from "../format.ts";
import { useLang } from "../hooks.ts";
import { listHref } from "../monitoring.ts";
import { useCommitment, useMyFocalPoints, useSession, useStatusUpdates } from "../queries.ts";
import { useMe } from "../session.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

export function CommitmentPage() {
  const { id } = useParams();
  const { t } = useLang();
  const query = useCommitment(id);
  const item = query.data?.itemNumber;
  useDocumentTitle(query.data ? (item ? t("commitment.title", { item }) : t("commitment.titleNoItem")) : undefined);
  return <QueryState query={query}>{(commitment) => <CommitmentView commitment={commitment} />}</QueryState>;
}

function CommitmentView({ commitment: c }: { commitment: Commitment }) {
  const { t, lang } = useLang();
  const session = useSession(c.sessionId);
  const carriedFrom = useCommitment(c.carriedOverFromId);
  const updates = useStatusUpdates(c.id);
  const [editing, edit] = useDisclosure(false);
  const [assigning, assign] = useDisclosure(false);
  const reporter = useReporter(c);
  const targets = useLinkTargets(c.commissionId);
  const measureProgramme = c.measureId
    ? targets.programmes.find((p) => p.measures.some((m) => m.id === c.measureId))
    : undefined;
  const measure = measureProgramme?.measures.find((m) => m.id === c.measureId);
  const programme = measureProgramme ?? targets.programmes.find((p) => p.id === c.programmeId);
  const project = targets.projects.find((p) => p.id === c.projectId);
  const jointBody = targets.jointBodies.find((b) => b.id === c.jointBodyId);
  const countries = session.data?.commission.countries ?? [...new Set(c.responsible.map((r) => r.side))];
  const sides = [...new Set([...countries, ...c.responsible.map((r) => r.side)])];

  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          {session.data && (
            <>
              <Anchor component={Link} to={`/commissions/${c.commissionId}`} size="sm">
                <LocalizedText text={session.data.commission.name} />
              </Anchor>
              <Text size="sm" c="dimmed">
                /
              </Text>
            </>
          )}
          <Anchor component={Link} to={`/sessions/${c.sessionId}`} size="sm" data-testid="session-link">
            {sessionTitle(c.sessionNumber, lang, t)}
          </Anchor>
        </Group>
        <Group gap="sm" align="center">
          <PageTitle>
            {c.itemNumber ? t("commitment.title", { item: c.itemNumber }) : t("commitment.titleNoItem")}
          </PageTitle>
          <StatusBadge status={c.status} overdue={c.overdue} />
          {c.awaitingConfirmation && <AwaitingBadge />}
          <Button size="xs" variant="light" onClick={edit.open} data-testid="edit-commitment">
            {t("commitmentForm.edit")}
          </Button>
        </Group>
        <Text size="lg" style={{ overflowWrap: "anywhere" }} data-testid="commitment-text">
          <LocalizedText text={c.text} />
        </Text>
      </Stack>

      {c.overdue && (
        <Alert color="red" data-testid="late-alert">
          {t("commitment.late")}
          {c.dueDate && ` (${formatDate(c.dueDate, lang)})`}
        </Alert>
      )}
      {c.status === "dropped" && c.droppedReason && (
        <Alert color="gray" title={t("commitment.droppedReason")}>
          {c.droppedReason}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Fact label={t("commitment.session")}>
          <Anchor component={Link} to={`/sessions/${c.sessionId}`}>
            {sessionTitle(c.sessionNumber, lang, t)}
          </Anchor>
          {session.data?.startsOn && (
            <Text size="sm" c="dimmed">
              {formatDate(session.data.startsOn, lang)}
            </Text>
          )}
        </Fact>
        <Fact label={t("commitment.sector")}>
          <Anchor component={Link} to={listHref({ commissionId: c.commissionId, sector: c.sector })} c="inherit">
            {sectorName(c.sector, lang)}
          </Anchor>
          {c.itemNumber && (
            <Text size="sm" c="dimmed">
              {t("commitment.item")} {c.itemNumber}
            </Text>
          )}
        </Fact>
        <Fact label={t("deadline.label")}>
          {formatDeadline(c.deadline, lang, t)}
          {c.dueDate && c.deadline !== c.dueDate && (
            <Text size="sm" c="dimmed">
              {t("deadline.dueDate")}: {formatDate(c.dueDate, lang)}
            </Text>
          )}
        </Fact>
        <Fact label={t("commitment.progress")}>
          <ProgressBar value={c.progress} status={c.status} overdue={c.overdue} />
        </Fact>
      </SimpleGrid>

      {(c.carriedOverFromId || programme || project || jointBody) && (
        <Stack gap={4}>
          {c.carriedOverFromId && (
            <Text size="sm" data-testid="carried-over">
              {carriedFrom.data ? (
                <Anchor component={Link} to={`/commitments/${c.carriedOverFromId}`}>
                  {t("commitment.continues", {
                    item: carriedFrom.data.itemNumber ?? "",
                    session: sessionTitle(carriedFrom.data.sessionNumber, lang, t),
                  })}
                </Anchor>
              ) : (
                <Anchor component={Link} to={`/commitments/${c.carriedOverFromId}`}>
                  {t("commitment.continues", { item: "…", session: "…" })}
                </Anchor>
              )}
            </Text>
          )}
          {programme && (
            <Text size="sm" data-testid="implements">
              <Text span c="dimmed">
                {t("commitment.programme")}:{" "}
              </Text>
              {measure && (
                <>
                  {measure.code ? `${measure.code}. ` : ""}
                  <LocalizedText text={measure.title} />
                  {" — "}
                </>
              )}
              <Anchor component={Link} to={`/programmes/${programme.id}`} size="sm">
                <LocalizedText text={programme.title} />
              </Anchor>{" "}
              ({programme.startYear}–{programme.endYear})
            </Text>
          )}
          {project && (
            <Text size="sm">
              <Text span c="dimmed">
                {t("commitmentForm.project")}:{" "}
              </Text>
              <Anchor component={Link} to={`/commissions/${c.commissionId}`} size="sm">
                <LocalizedText text={project.name} />
              </Anchor>
            </Text>
          )}
          {jointBody && (
            <Text size="sm">
              <Text span c="dimmed">
                {t("commitmentForm.jointBody")}:{" "}
              </Text>
              <Anchor component={Link} to={`/commissions/${c.commissionId}`} size="sm">
                <LocalizedText text={jointBody.name} />
              </Anchor>
            </Text>
          )}
        </Stack>
      )}

      <Section title={t("sides.title")} testId="implementation">
        <SideReports commitment={c} />
      </Section>

      <Section
        title={t("commitment.responsible")}
        testId="responsible-section"
        action={
          <Button size="compact-sm" variant="light" onClick={assign.open} data-testid="assign">
            {t("assignment.edit")}
          </Button>
        }
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {sides.map((side) => (
            <Card key={side} withBorder padding="sm" data-testid="responsible-side" data-side={side}>
              <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb={6}>
                {countryName(side, lang)}
                {c.leadSide === side && ` · ${t("sides.leadSide")}`}
              </Text>
              <Responsible responsible={c.responsible.filter((r) => r.side === side)} />
              <AssignedFocalPoints commitment={c} side={side} />
            </Card>
          ))}
        </SimpleGrid>
        <AssignmentSummary commitment={c} />
      </Section>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }} style={{ minWidth: 0 }}>
          <Section title={t("commitment.history")} testId="history">
            <QueryState query={updates}>
              {(data) =>
                data.items.length === 0 ? (
                  <Text c="dimmed">{t("commitment.noHistory")}</Text>
                ) : (
                  <Stack gap="sm">
                    {data.items.map((u) => (
                      <UpdateEntry key={u.id} update={u} />
                    ))}
                  </Stack>
                )
              }
            </QueryState>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} style={{ minWidth: 0 }}>
          {/* While a side's report awaits confirmation the sign-off comes first; both stay mounted either way. */}
          <Stack gap="lg">
            <Paper withBorder p="md" style={{ order: 1 }}>
              <Title order={2} size="h3" mb="sm" id="update-form-title">
                {t("updateForm.title")}
              </Title>
              <StatusUpdateForm commitment={c} countries={sides} reporter={reporter} />
            </Paper>
            <ConfirmPanel commitment={c} />
          </Stack>
        </Grid.Col>
      </Grid>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }} style={{ minWidth: 0 }}>
          <Comments commitmentId={c.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} style={{ minWidth: 0 }}>
          <Watchers commitmentId={c.id} />
        </Grid.Col>
      </Grid>

      <FormModal opened={assigning} onClose={assign.close} title={t("assignment.title")}>
        <AssignmentForm commitment={c} sides={sides} onDone={assign.close} />
      </FormModal>

      <FormModal opened={editing} onClose={edit.close} title={t("commitmentForm.edit")} size="xl">
        <CommitmentForm
          commissionId={c.commissionId}
          sessionId={c.sessionId}
          countries={countries}
          commitment={c}
          onDone={edit.close}
        />
      </FormModal>
    </Stack>
  );
}

const KIND_COLORS: Record<StatusUpdate["kind"], string> = {
  update: "blue",
  side_report: "grape",
  confirmation: "teal",
};

function UpdateEntry({ update: u }: { update: StatusUpdate }) {
  const { t, lang } = useLang();
  const changed = u.status !== u.previousStatus || u.progress !== u.previousProgress;
  return (
    <Paper withBorder p="sm" component="article" data-testid="history-entry" data-kind={u.kind}>
      <Group gap={6} wrap="wrap" mb={6}>
        <Badge size="sm" variant="light" color={KIND_COLORS[u.kind]} radius="sm" data-testid="history-kind">
          {t(`historyKinds.${u.kind}`)}
        </Badge>
        {u.side && (
          <Badge
            size="sm"
            variant="filled"
            color="gray"
            radius="sm"
            title={countryName(u.side, lang)}
            data-testid="history-side"
          >
            {u.side}
          </Badge>
        )}
        <Text size="sm" fw={600}>
          {formatDateTime(u.createdAt, lang)}
        </Text>
        <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }} data-testid="history-author">
          · {u.authorName || t("commitment.unknownAuthor")}
        </Text>
      </Group>
      <Group gap={6} wrap="wrap" mb={6} data-testid="history-change">
        {changed ? (
          <>
            <Text size="sm" c="dimmed">
              {t(`status.${u.previousStatus}`)}, {u.previousProgress}%
            </Text>
            <Text size="sm" c="dimmed" aria-hidden>
              →
            </Text>
            <Text size="sm" fw={600}>
              {t(`status.${u.status}`)}, {u.progress}%
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t(`status.${u.status}`)}, {u.progress}%
          </Text>
        )}
      </Group>
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {u.text}
      </Text>
      <EvidenceLinks files={u.files} />
    </Paper>
  );
}

function ConfirmPanel({ commitment: c }: { commitment: Commitment }) {
  const { t } = useLang();
  return (
    <Paper
      withBorder
      p="md"
      data-testid="confirm-panel"
      style={c.awaitingConfirmation ? { order: 0, borderColor: "var(--mantine-color-orange-5)" } : { order: 2 }}
    >
      <Title order={2} size="h3" mb="sm" id="confirm-form-title">
        {t("confirm.title")}
      </Title>
      <ConfirmForm commitment={c} />
    </Paper>
  );
}

/** The signed-in person, when their e-mail is a focal point of one of the responsible bodies. */
function useReporter(c: Commitment): Reporter {
  const mine = useMyFocalPoints(useMe().data?.email ?? "");
  const plain = usePlainText();
  for (const f of mine.data?.items ?? []) {
    if (!f.active) continue;
    const responsible = c.responsible.find((r) => r.organizationId === f.organizationId);
    if (responsible) {
      return {
        name: f.name,
        organizationId: f.organizationId,
        organizationName: plain(f.organizationName),
        side: responsible.side,
      };
    }
  }
  return null;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb={2}>
        {label}
      </Text>
      <div>{children}</div>
    </Paper>
  );
}
