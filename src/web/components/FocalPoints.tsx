import { Badge, Button, Checkbox, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  createFocalPointSchema,
  type FocalPoint,
  type UpdateFocalPointInput,
  updateFocalPointSchema,
} from "../../shared/api/focal-points.ts";
import { api } from "../api.ts";
import { useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys, useFocalPoints } from "../queries.ts";
import { FormModal } from "./FormModal.tsx";
import { ApiFormElement, FormActions, FormFeedback } from "./form.tsx";
import { ErrorAlert, QueryState } from "./QueryState.tsx";
import { Section } from "./Section.tsx";

/** After a focal point changes: the organisation's list, anyone's "my records" and the commitments naming them. */
function refreshFocalPoints(queryClient: ReturnType<typeof useQueryClient>, organizationId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.focalPoints(organizationId) }),
    queryClient.invalidateQueries({ queryKey: ["focal-points"] }),
    queryClient.invalidateQueries({ queryKey: ["commitment"] }),
  ]);
}

/** An organisation's focal points: add one, change a name or address, deactivate and reactivate. */
export function FocalPoints({ organizationId }: { organizationId: string }) {
  const { t } = useLang();
  const query = useFocalPoints(organizationId);
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<FocalPoint | null>(null);
  const toggle = useMutation({
    mutationFn: (f: FocalPoint) => api.updateFocalPoint(f.id, { active: !f.active }),
    onSuccess: () => refreshFocalPoints(queryClient, organizationId),
  });
  return (
    <Section
      title={t("focalPoints.title")}
      testId="focal-points"
      action={
        <Button size="compact-sm" variant="light" onClick={() => setAdding(true)} data-testid="add-focal-point">
          {t("focalPoints.add")}
        </Button>
      }
    >
      <Text size="sm" c="dimmed">
        {t("focalPoints.hint")}
      </Text>
      {toggle.isError && <ErrorAlert error={toggle.error} />}
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("focalPoints.empty")}
            </Text>
          ) : (
            <Stack gap={6}>
              {data.items.map((f) => (
                <Paper key={f.id} withBorder p="sm" data-testid="focal-point" data-active={f.active}>
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Group gap={6}>
                        <Text size="sm" fw={600} c={f.active ? undefined : "dimmed"} data-testid="focal-point-name">
                          {f.name}
                        </Text>
                        {!f.active && (
                          <Badge size="xs" color="gray" variant="outline" radius="sm">
                            {t("focalPoints.inactive")}
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }} data-testid="focal-point-email">
                        {f.email}
                      </Text>
                    </Stack>
                    <Group gap={4}>
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(f)}>
                        {t("focalPoints.edit")}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color={f.active ? "red" : "teal"}
                        loading={toggle.isPending && toggle.variables?.id === f.id}
                        onClick={() => toggle.mutate(f)}
                      >
                        {f.active ? t("focalPoints.deactivate") : t("focalPoints.reactivate")}
                      </Button>
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t("focalPoints.add")}>
        <FocalPointForm organizationId={organizationId} onDone={() => setAdding(false)} />
      </FormModal>
      <FormModal opened={editing !== null} onClose={() => setEditing(null)} title={t("focalPoints.editTitle")}>
        {editing && (
          <FocalPointForm organizationId={organizationId} focalPoint={editing} onDone={() => setEditing(null)} />
        )}
      </FormModal>
    </Section>
  );
}

function FocalPointForm({
  organizationId,
  focalPoint,
  onDone,
}: {
  organizationId: string;
  focalPoint?: FocalPoint;
  onDone: () => void;
}) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [name, setName] = useState(focalPoint?.name ?? "");
  const [email, setEmail] = useState(focalPoint?.email ?? "");
  const [active, setActive] = useState(focalPoint?.active ?? true);
  const form = useApiForm({
    schema: focalPoint ? updateFocalPointSchema : createFocalPointSchema,
    fields: ["name", "email", "active"],
    send: (input: UpdateFocalPointInput) =>
      focalPoint
        ? api.updateFocalPoint(focalPoint.id, input)
        : api.createFocalPoint(organizationId, { name: input.name ?? "", email: input.email ?? "" }),
    onSuccess: async () => {
      await refreshFocalPoints(queryClient, organizationId);
      onDone();
    },
  });
  return (
    <ApiFormElement
      testId="focal-point-form"
      onSubmit={() => form.submit({ name: name.trim(), email: email.trim(), ...(focalPoint ? { active } : {}) })}
    >
      <FormFeedback form={form} />
      <TextInput
        label={t("focalPoints.name")}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={form.error("name")}
        required
        maxLength={200}
        data-autofocus
      />
      <TextInput
        type="email"
        label={t("focalPoints.email")}
        placeholder="name@example.org"
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={form.error("email")}
        required
      />
      {focalPoint && (
        <Checkbox
          label={t("focalPoints.active")}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
      )}
      <FormActions pending={form.pending} onCancel={onDone} submit={t("focalPoints.save")} />
    </ApiFormElement>
  );
}
