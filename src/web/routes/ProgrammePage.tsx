import {
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link, useParams } from "react-router";
import type { Commitment } from "../../shared/api/commitments.ts";
import { createMeasureSchema, type ProgrammeDetail } from "../../shared/api/programmes.ts";
import { api } from "../api.ts";
import { FormModal } from "../components/FormModal.tsx";
import {
  ApiFormElement,
  FormActions,
  FormFeedback,
  LocalizedInputs,
  SectorSelect,
  type TextValue,
  YearInput,
} from "../components/form.tsx";
import { LocalizedText, usePlainText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ProgressLine } from "../components/ProgressLine.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { Section } from "../components/Section.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { sectorName, sessionTitle } from "../format.ts";
import { optional, textOf, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys, useCommission, useCommissionCommitments, useProgramme } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

export function ProgrammePage() {
  const { id } = useParams();
  const query = useProgramme(id);
  const plain = usePlainText();
  useDocumentTitle(query.data ? plain(query.data.title) : undefined);
  return <QueryState query={query}>{(programme) => <ProgrammeView programme={programme} />}</QueryState>;
}

function ProgrammeView({ programme: p }: { programme: ProgrammeDetail }) {
  const { t, lang } = useLang();
  const commission = useCommission(p.commissionId);
  const commitments = useCommissionCommitments(p.commissionId);
  const [adding, add] = useDisclosure(false);
  const direct = commitments.data?.filter((c) => c.programmeId === p.id && !c.measureId) ?? [];
  return (
    <Stack gap="xl">
      <Stack gap={6}>
        {commission.data && (
          <Anchor component={Link} to={`/commissions/${p.commissionId}`} size="sm" data-testid="commission-link">
            <LocalizedText text={commission.data.shortName ?? commission.data.name} />
          </Anchor>
        )}
        <PageTitle>
          <LocalizedText text={p.title} />
        </PageTitle>
        <Group gap="xs">
          <Badge variant="light" radius="sm" data-testid="programme-years">
            {p.startYear}–{p.endYear}
          </Badge>
          <Text c="dimmed">
            {t(p.kind === "roadmap" ? "commission.roadmap" : "commission.programme")}
            {p.sector ? ` · ${sectorName(p.sector, lang)}` : ""}
          </Text>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Fact label={t("programme.years")}>
          {p.startYear}–{p.endYear}
        </Fact>
        <Fact label={t("commitment.sector")}>{p.sector ? sectorName(p.sector, lang) : t("programme.allSectors")}</Fact>
        <Fact label={t("programme.progress")}>
          <ProgressLine value={p.progress} label={t("programme.progress")} />
          <Text size="xs" c="dimmed">
            {t("commission.agreements", { count: p.commitmentCount })}
          </Text>
        </Fact>
      </SimpleGrid>

      <Section
        title={t("programme.measures")}
        testId="measures"
        action={
          <Button size="xs" variant="light" onClick={add.open} data-testid="add-measure">
            {t("measureForm.title")}
          </Button>
        }
      >
        {p.measures.length === 0 ? (
          <Text c="dimmed">{t("programme.noMeasures")}</Text>
        ) : (
          <Stack gap="sm">
            {p.measures.map((m) => (
              <MeasureCard
                key={m.id}
                measure={m}
                commitments={commitments.data?.filter((c) => c.measureId === m.id) ?? []}
              />
            ))}
          </Stack>
        )}
        {direct.length > 0 && (
          <Card withBorder padding="sm">
            <Text fw={600} size="sm" mb={4}>
              {t("programme.direct")}
            </Text>
            <CommitmentList commitments={direct} />
          </Card>
        )}
      </Section>

      <FormModal opened={adding} onClose={add.close} title={t("measureForm.title")}>
        <MeasureForm programme={p} onDone={add.close} />
      </FormModal>
    </Stack>
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

function MeasureCard({
  measure: m,
  commitments,
}: {
  measure: ProgrammeDetail["measures"][number];
  commitments: Commitment[];
}) {
  const { t, lang } = useLang();
  const [open, toggle] = useDisclosure(false);
  return (
    <Card withBorder padding="sm" data-testid="measure">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {m.code && (
          <Text fw={700} c="dimmed" miw={28} style={{ flexShrink: 0 }}>
            {m.code}
          </Text>
        )}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={500} style={{ overflowWrap: "anywhere" }}>
            <LocalizedText text={m.title} />
          </Text>
          <Text size="xs" c="dimmed">
            {[
              m.sector ? sectorName(m.sector, lang) : null,
              m.dueYear ? t("programme.dueYear", { year: m.dueYear }) : null,
              m.weight !== null ? t("programme.weight", { weight: m.weight }) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          {m.commitmentCount > 0 && <ProgressLine value={m.progress} label={t("programme.progress")} />}
          {m.commitmentCount > 0 ? (
            <UnstyledButton
              onClick={toggle.toggle}
              aria-expanded={open}
              fz="sm"
              c="blue"
              data-testid="measure-commitments"
            >
              {open ? "▾" : "▸"} {t("programme.linked", { count: m.commitmentCount })}
            </UnstyledButton>
          ) : (
            <Text size="xs" c="dimmed">
              {t("programme.noLinked")}
            </Text>
          )}
          <Collapse expanded={open}>
            <CommitmentList commitments={commitments} />
          </Collapse>
        </Stack>
      </Group>
    </Card>
  );
}

function CommitmentList({ commitments }: { commitments: Commitment[] }) {
  const { t, lang } = useLang();
  return (
    <Stack gap={6} mt={4}>
      {commitments.map((c) => (
        <Group key={c.id} gap="xs" wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed" miw={80} style={{ flexShrink: 0 }}>
            {sessionTitle(c.sessionNumber, lang, t)} {c.itemNumber ?? ""}
          </Text>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/commitments/${c.id}`} size="sm" style={{ overflowWrap: "anywhere" }}>
              <LocalizedText text={c.text} />
            </Anchor>
            <StatusBadge status={c.status} overdue={c.overdue} />
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

const MEASURE_FIELDS = ["code", "title", "title.*", "sector", "dueYear", "weight"] as const;

function MeasureForm({ programme, onDone }: { programme: ProgrammeDetail; onDone: () => void }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  const [title, setTitle] = useState<TextValue>({});
  const [sector, setSector] = useState(programme.sector ?? "");
  const [dueYear, setDueYear] = useState<number | "">("");
  const [weight, setWeight] = useState<number | "">("");
  const form = useApiForm({
    schema: createMeasureSchema,
    fields: MEASURE_FIELDS,
    send: (input: Parameters<typeof api.addMeasure>[1]) => api.addMeasure(programme.id, input),
    onSuccess: async (result) => {
      queryClient.setQueryData(keys.programme(programme.id), result);
      await queryClient.invalidateQueries({ queryKey: keys.commission(programme.commissionId) });
      onDone();
    },
  });
  return (
    <ApiFormElement
      testId="measure-form"
      onSubmit={() =>
        form.submit({
          code: optional(code),
          title: textOf(title),
          sector: sector ? (sector as never) : null,
          dueYear: dueYear === "" ? null : dueYear,
          weight: weight === "" ? null : weight,
        })
      }
    >
      <FormFeedback form={form} />
      <TextInput
        label={t("measureForm.code")}
        placeholder="1.4"
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={form.error("code")}
        maw={200}
      />
      <LocalizedInputs
        label={t("measureForm.name")}
        value={title}
        onChange={setTitle}
        form={form}
        path="title"
        required
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <SectorSelect value={sector} onChange={setSector} error={form.error("sector")} allowNone />
        <YearInput
          label={t("measureForm.dueYear")}
          value={dueYear}
          onChange={setDueYear}
          error={form.error("dueYear")}
        />
        <NumberInput
          label={t("measureForm.weight")}
          value={weight}
          onChange={(v) => setWeight(typeof v === "number" ? v : v === "" ? "" : Number(v))}
          error={form.error("weight")}
          hideControls
        />
      </SimpleGrid>
      <FormActions pending={form.pending} onCancel={onDone} submit={t("form.save")} />
    </ApiFormElement>
  );
}
