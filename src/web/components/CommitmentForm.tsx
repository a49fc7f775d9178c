import { NativeSelect, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type Commitment,
  type CreateCommitmentInput,
  createCommitmentSchema,
  type UpdateCommitmentInput,
  updateCommitmentSchema,
} from "../../shared/api/commitments.ts";
import type { ProgrammeDetail } from "../../shared/api/programmes.ts";
import { api } from "../api.ts";
import { optional, textOf, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys, useCommission, useJointBodies, useProjects } from "../queries.ts";
import {
  ApiFormElement,
  DeadlineInput,
  deadlineOf,
  deadlineValueOf,
  FormActions,
  FormFeedback,
  LocalizedInputs,
  type PickedOrganization,
  ResponsiblePicker,
  SectorSelect,
  type TextValue,
} from "./form.tsx";
import { usePlainText } from "./LocalizedText.tsx";

const FIELDS = [
  "sessionId",
  "version",
  "sector",
  "text",
  "text.*",
  "itemNumber",
  "deadline",
  "responsible",
  "responsible.*",
  "programmeId",
  "measureId",
  "projectId",
  "jointBodyId",
] as const;

/** The programmes of a commission with their measures, its projects and joint bodies: what a commitment links to. */
export function useLinkTargets(commissionId: string | undefined) {
  const commission = useCommission(commissionId);
  const programmeIds = commission.data?.programmes.map((p) => p.id) ?? [];
  const programmes = useQueries({
    queries: programmeIds.map((id) => ({ queryKey: keys.programme(id), queryFn: () => api.getProgramme(id) })),
  });
  const projects = useProjects(commissionId);
  const jointBodies = useJointBodies(commissionId);
  return {
    programmes: programmes.flatMap((q) => (q.data ? [q.data] : [])) as ProgrammeDetail[],
    projects: projects.data?.items ?? [],
    jointBodies: jointBodies.data?.items ?? [],
  };
}

/** "m:<id>" for a measure, "p:<id>" for a programme as a whole, "" for none. */
function implementsValue(c: Pick<Commitment, "measureId" | "programmeId"> | null): string {
  if (c?.measureId) return `m:${c.measureId}`;
  if (c?.programmeId) return `p:${c.programmeId}`;
  return "";
}

/**
 * A protocol item: its sector, number, text in each language, deadline, the organisations responsible on each
 * side and what it implements or concerns. Creates an item of a session, or edits one (with its version: a stale
 * edit answers 409, the form says so and reloads the item).
 */
export function CommitmentForm({
  commissionId,
  sessionId,
  countries,
  commitment,
  onDone,
}: {
  commissionId: string;
  sessionId: string;
  countries: readonly string[];
  commitment?: Commitment;
  onDone: () => void;
}) {
  const { t } = useLang();
  const plain = usePlainText();
  const queryClient = useQueryClient();
  const targets = useLinkTargets(commissionId);
  const [sector, setSector] = useState<string>(commitment?.sector ?? "");
  const [itemNumber, setItemNumber] = useState(commitment?.itemNumber ?? "");
  const [text, setText] = useState<TextValue>(commitment?.text ?? {});
  const [deadline, setDeadline] = useState(deadlineValueOf(commitment?.deadline ?? null));
  const [responsible, setResponsible] = useState<PickedOrganization[]>(
    commitment?.responsible.map((r) => ({
      organizationId: r.organizationId,
      side: r.side,
      lead: r.lead,
      label: plain(r.name),
    })) ?? [],
  );
  const [implementsLink, setImplementsLink] = useState(implementsValue(commitment ?? null));
  const [projectId, setProjectId] = useState(commitment?.projectId ?? "");
  const [jointBodyId, setJointBodyId] = useState(commitment?.jointBodyId ?? "");

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.commitments }),
      queryClient.invalidateQueries({ queryKey: keys.session(sessionId) }),
      queryClient.invalidateQueries({ queryKey: keys.commission(commissionId) }),
      queryClient.invalidateQueries({ queryKey: ["programme"] }),
      queryClient.invalidateQueries({ queryKey: keys.commissionParts(commissionId) }),
      commitment && queryClient.invalidateQueries({ queryKey: keys.commitment(commitment.id) }),
    ]);

  const form = useApiForm({
    schema: commitment ? updateCommitmentSchema : createCommitmentSchema,
    fields: FIELDS,
    send: (input: CreateCommitmentInput | UpdateCommitmentInput) =>
      commitment
        ? api.updateCommitment(commitment.id, input as UpdateCommitmentInput)
        : api.createCommitment(input as CreateCommitmentInput),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
    onConflict: async () => {
      await refresh();
    },
  });

  const submit = () => {
    const [kind, id] = implementsLink.split(":");
    const links = {
      programmeId: kind === "p" ? (id ?? null) : null,
      measureId: kind === "m" ? (id ?? null) : null,
      projectId: projectId || null,
      jointBodyId: jointBodyId || null,
    };
    const common = {
      sector: sector || undefined,
      text: textOf(text),
      deadline: deadlineOf(deadline),
      responsible: responsible.map(({ organizationId, side, lead }) => ({ organizationId, side, lead })),
      ...links,
    };
    if (commitment) {
      form.submit({ version: commitment.version, ...common, itemNumber: optional(itemNumber) ?? null } as never);
    } else {
      form.submit({ sessionId, ...common, itemNumber: optional(itemNumber) } as never);
    }
  };

  return (
    <ApiFormElement
      onSubmit={submit}
      testId="commitment-form"
      label={t(commitment ? "commitmentForm.edit" : "commitmentForm.add")}
    >
      <FormFeedback form={form} conflict={t("commitmentForm.conflict")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <SectorSelect value={sector} onChange={setSector} error={form.error("sector")} />
        <TextInput
          label={t("commitmentForm.itemNumber")}
          placeholder="7.2"
          value={itemNumber}
          onChange={(e) => setItemNumber(e.currentTarget.value)}
          error={form.error("itemNumber")}
        />
      </SimpleGrid>
      <LocalizedInputs
        label={t("commitmentForm.text")}
        value={text}
        onChange={setText}
        form={form}
        path="text"
        multiline
        required
      />
      <DeadlineInput value={deadline} onChange={setDeadline} error={form.error("deadline")} />
      <ResponsiblePicker sides={countries} value={responsible} onChange={setResponsible} form={form} />
      <Text fw={500} size="sm" mt="xs">
        {t("commitmentForm.links")}
      </Text>
      <NativeSelect
        label={t("commitmentForm.implements")}
        value={implementsLink}
        onChange={(e) => setImplementsLink(e.currentTarget.value)}
        data={[
          { value: "", label: t("form.none") },
          ...targets.programmes.map((p) => ({
            group: plain(p.title),
            items: [
              { value: `p:${p.id}`, label: `${plain(p.title)} — ${t("commitmentForm.asAWhole")}` },
              ...p.measures.map((m) => ({
                value: `m:${m.id}`,
                label: `${m.code ? `${m.code}. ` : ""}${plain(m.title)}`,
              })),
            ],
          })),
        ]}
        error={form.error("measureId", "programmeId")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t("commitmentForm.project")}
          value={projectId}
          onChange={(e) => setProjectId(e.currentTarget.value)}
          data={[
            { value: "", label: t("form.none") },
            ...targets.projects.map((p) => ({ value: p.id, label: plain(p.name) })),
          ]}
          error={form.error("projectId")}
        />
        <NativeSelect
          label={t("commitmentForm.jointBody")}
          value={jointBodyId}
          onChange={(e) => setJointBodyId(e.currentTarget.value)}
          data={[
            { value: "", label: t("form.none") },
            ...targets.jointBodies.map((b) => ({ value: b.id, label: plain(b.name) })),
          ]}
          error={form.error("jointBodyId")}
        />
      </SimpleGrid>
      <FormActions
        pending={form.pending}
        onCancel={onDone}
        submit={t(commitment ? "form.save" : "commitmentForm.add")}
      />
    </ApiFormElement>
  );
}
