import { Alert, Badge, Checkbox, Group, NativeSelect, NumberInput, Stack, Text } from "@mantine/core";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type Commitment, type UpdateCommitmentInput, updateCommitmentSchema } from "../../shared/api/commitments.ts";
import { api } from "../api.ts";
import { countryName, formatNumber } from "../format.ts";
import { useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys } from "../queries.ts";
import { ApiFormElement, FormActions, FormFeedback } from "./form.tsx";
import { LocalizedText } from "./LocalizedText.tsx";
import { refreshCommitment } from "./StatusUpdateForm.tsx";

/** The focal points assigned to one side's organisations. */
export function AssignedFocalPoints({ commitment: c, side }: { commitment: Commitment; side: string }) {
  const { t } = useLang();
  const organizations = new Set(c.responsible.filter((r) => r.side === side).map((r) => r.organizationId));
  const assigned = c.focalPoints.filter((f) => organizations.has(f.organizationId));
  if (assigned.length === 0) return null;
  return (
    <Stack gap={2} mt={8} data-testid="assigned-focal-points">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {t("assignment.focalPoints")}
      </Text>
      {assigned.map((f) => (
        <Text key={f.id} size="sm" style={{ overflowWrap: "anywhere" }} data-testid="assigned-focal-point">
          {f.name}{" "}
          <Text span size="xs" c="dimmed">
            {f.email}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

/** Lead side and weight in one line, for the responsible section. */
export function AssignmentSummary({ commitment: c }: { commitment: Commitment }) {
  const { t, lang } = useLang();
  return (
    <Group gap="md" wrap="wrap" data-testid="assignment-summary">
      <Text size="sm">
        <Text span c="dimmed">
          {t("assignment.leadSide")}:{" "}
        </Text>
        {c.leadSide ? `${countryName(c.leadSide, lang)} (${c.leadSide})` : t("assignment.noLeadSide")}
      </Text>
      <Text size="sm">
        <Text span c="dimmed">
          {t("assignment.weight")}:{" "}
        </Text>
        {c.weight === null ? t("assignment.noWeight") : formatNumber(c.weight, lang)}
      </Text>
      {c.focalPoints.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("assignment.none")}
        </Text>
      )}
    </Group>
  );
}

/**
 * Who follows the commitment up: the focal points (chosen among those of its responsible organisations), the lead
 * side and the weight in roll-ups. Saved with the version read; a stale one is refused and the page reloaded.
 */
export function AssignmentForm({
  commitment: c,
  sides,
  onDone,
}: {
  commitment: Commitment;
  sides: string[];
  onDone: () => void;
}) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>(c.focalPoints.map((f) => f.id));
  const [leadSide, setLeadSide] = useState(c.leadSide ?? "");
  const [weight, setWeight] = useState<number | "">(c.weight ?? "");
  const candidates = useQueries({
    queries: c.responsible.map((r) => ({
      queryKey: keys.focalPoints(r.organizationId),
      queryFn: () => api.listFocalPoints(r.organizationId),
    })),
  });
  const form = useApiForm({
    schema: updateCommitmentSchema,
    fields: ["focalPointIds", "focalPointIds.*", "leadSide", "weight"],
    send: (input: UpdateCommitmentInput) => api.updateCommitment(c.id, input),
    onSuccess: async (result) => {
      queryClient.setQueryData(keys.commitment(c.id), result);
      await refreshCommitment(queryClient, c);
      onDone();
    },
    onConflict: () => queryClient.invalidateQueries({ queryKey: keys.commitment(c.id) }),
  });
  const anyCandidate = candidates.some((q) => (q.data?.items ?? []).some((f) => f.active));
  const loading = candidates.some((q) => q.isPending);
  return (
    <ApiFormElement
      testId="assignment-form"
      onSubmit={() =>
        form.submit({
          version: c.version,
          focalPointIds: chosen,
          leadSide: leadSide || null,
          weight: weight === "" ? null : weight,
        })
      }
    >
      <FormFeedback form={form} />
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t("assignment.focalPoints")}
        </Text>
        {!loading && !anyCandidate && (
          <Alert color="gray" data-testid="no-focal-points">
            {t("assignment.noCandidates")}
          </Alert>
        )}
        {c.responsible.map((r, i) => {
          const items = candidates[i]?.data?.items ?? [];
          // An inactive focal point is offered only while still assigned, so that it can be taken off.
          const shown = items.filter((f) => f.active || chosen.includes(f.id));
          if (shown.length === 0) return null;
          return (
            <Stack key={r.organizationId} gap={4}>
              <Group gap={6} wrap="nowrap">
                <Badge size="xs" variant="light" color="gray" radius="sm">
                  {r.side}
                </Badge>
                <Text size="sm" c="dimmed" style={{ minWidth: 0 }}>
                  <LocalizedText text={r.name} />
                </Text>
              </Group>
              {shown.map((f) => (
                <Checkbox
                  key={f.id}
                  ml="md"
                  label={`${f.name} (${f.email})${f.active ? "" : ` — ${t("assignment.inactive")}`}`}
                  checked={chosen.includes(f.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setChosen((list) => (on ? [...list, f.id] : list.filter((id) => id !== f.id)));
                  }}
                />
              ))}
            </Stack>
          );
        })}
        {form.errorUnder("focalPointIds") && (
          <Text size="sm" c="red">
            {form.errorUnder("focalPointIds")}
          </Text>
        )}
      </Stack>
      <Group grow align="flex-start" gap="sm">
        <NativeSelect
          label={t("assignment.leadSide")}
          value={leadSide}
          onChange={(e) => setLeadSide(e.currentTarget.value)}
          data={[
            { value: "", label: t("assignment.noLeadSide") },
            ...sides.map((s) => ({ value: s, label: `${countryName(s, lang)} (${s})` })),
          ]}
          error={form.error("leadSide")}
        />
        <NumberInput
          label={t("assignment.weight")}
          description={t("assignment.weightHint")}
          min={0}
          step={1}
          decimalScale={2}
          allowNegative={false}
          value={weight}
          onChange={(v) => setWeight(typeof v === "number" ? v : v === "" ? "" : Number(v))}
          error={form.error("weight")}
        />
      </Group>
      <FormActions pending={form.pending} onCancel={onDone} submit={t("form.save")} />
    </ApiFormElement>
  );
}
