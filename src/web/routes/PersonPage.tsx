import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Timeline } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { createPositionSchema, type Person, updatePersonSchema } from "../../shared/api/people.ts";
import { LANGUAGES } from "../../shared/i18n-text.ts";
import { api } from "../api.ts";
import { FormModal } from "../components/FormModal.tsx";
import {
  ApiFormElement,
  DateField,
  FormActions,
  FormFeedback,
  LocalizedInputs,
  OrganizationSelect,
  type TextValue,
} from "../components/form.tsx";
import { LocalizedText, usePlainText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { Section } from "../components/Section.tsx";
import { formatTerm, today } from "../format.ts";
import { optional, textOf, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys, usePerson } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

export function PersonPage() {
  const { id } = useParams();
  const query = usePerson(id);
  const plain = usePlainText();
  useDocumentTitle(query.data ? plain(query.data.name) : undefined);
  return <QueryState query={query}>{(person) => <PersonView person={person} />}</QueryState>;
}

function PersonView({ person }: { person: Person }) {
  const { t, lang } = useLang();
  const [adding, add] = useDisclosure(false);
  const [editing, edit] = useDisclosure(false);
  const day = today();
  // Latest first: the current positions, then the earlier ones by their start.
  const positions = [...person.positions].sort((a, b) => (b.startsOn ?? "0000").localeCompare(a.startsOn ?? "0000"));
  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Text c="dimmed" fw={600}>
          {t("person.kind")}
        </Text>
        <PageTitle>
          <LocalizedText text={person.name} />
        </PageTitle>
        <Text size="sm" c="dimmed">
          {LANGUAGES.filter((l) => person.name[l] && l !== lang)
            .map((l) => person.name[l])
            .join(" · ")}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="subtle" onClick={edit.open} data-testid="edit-person">
            {t("person.editName")}
          </Button>
        </Group>
      </Stack>

      <Section
        title={t("person.positions")}
        testId="positions"
        action={
          <Button size="xs" variant="light" onClick={add.open} data-testid="add-position">
            {t("positionForm.title")}
          </Button>
        }
      >
        {positions.length === 0 ? (
          <Text c="dimmed">{t("person.noPositions")}</Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={-1}>
            {positions.map((p) => {
              const term = formatTerm(p.startsOn, p.endsOn, lang, t);
              const current = p.endsOn === null || p.endsOn >= day;
              return (
                <Timeline.Item
                  key={p.id}
                  data-testid="position"
                  color={current ? "blue" : "gray"}
                  title={
                    <Text fw={600} size="sm">
                      <LocalizedText text={p.title} />
                    </Text>
                  }
                >
                  {p.organization && (
                    <Anchor component={Link} to={`/organizations/${p.organization.id}`} size="sm">
                      <LocalizedText text={p.organization.name} />
                    </Anchor>
                  )}
                  <Text size="xs" c="dimmed">
                    {term ?? t("term.unknown")}
                    {current ? ` · ${t("person.current")}` : ""}
                  </Text>
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
      </Section>

      <FormModal opened={adding} onClose={add.close} title={t("positionForm.title")}>
        <PositionForm person={person} onDone={add.close} />
      </FormModal>
      <FormModal opened={editing} onClose={edit.close} title={t("person.editName")}>
        <NameForm person={person} onDone={edit.close} />
      </FormModal>
    </Stack>
  );
}

const POSITION_FIELDS = ["title", "title.*", "organizationId", "startsOn", "endsOn"] as const;

function PositionForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState<TextValue>({});
  const [organization, setOrganization] = useState<{ id: string; label: string } | null>(null);
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const form = useApiForm({
    schema: createPositionSchema,
    fields: POSITION_FIELDS,
    send: (input: Parameters<typeof api.addPosition>[1]) => api.addPosition(person.id, input),
    onSuccess: async (result) => {
      queryClient.setQueryData(keys.person(person.id), result);
      await queryClient.invalidateQueries({ queryKey: ["commission"] });
      onDone();
    },
  });
  return (
    <ApiFormElement
      testId="position-form"
      onSubmit={() =>
        form.submit({
          title: textOf(title),
          organizationId: organization?.id ?? null,
          startsOn: optional(startsOn) ?? null,
          endsOn: optional(endsOn) ?? null,
        })
      }
    >
      <FormFeedback form={form} />
      <LocalizedInputs
        label={t("positionForm.name")}
        value={title}
        onChange={setTitle}
        form={form}
        path="title"
        required
      />
      <OrganizationSelect
        label={t("positionForm.organization")}
        value={organization?.id ?? null}
        selected={organization}
        onChange={setOrganization}
        error={form.error("organizationId")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField
          label={t("positionForm.startsOn")}
          value={startsOn}
          onChange={setStartsOn}
          error={form.error("startsOn")}
        />
        <DateField label={t("positionForm.endsOn")} value={endsOn} onChange={setEndsOn} error={form.error("endsOn")} />
      </SimpleGrid>
      <FormActions pending={form.pending} onCancel={onDone} submit={t("form.save")} />
    </ApiFormElement>
  );
}

function NameForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [name, setName] = useState<TextValue>(person.name);
  const form = useApiForm({
    schema: updatePersonSchema,
    fields: ["name", "name.*"],
    send: (input: Parameters<typeof api.updatePerson>[1]) => api.updatePerson(person.id, input),
    onSuccess: async (result) => {
      queryClient.setQueryData(keys.person(person.id), result);
      await queryClient.invalidateQueries({ queryKey: ["commission"] });
      onDone();
    },
    onConflict: () => queryClient.invalidateQueries({ queryKey: keys.person(person.id) }),
  });
  return (
    <ApiFormElement
      testId="person-form"
      onSubmit={() => form.submit({ version: person.version, name: textOf(name) as Record<string, string> })}
    >
      <FormFeedback form={form} />
      <Paper p={0}>
        <LocalizedInputs label={t("person.name")} value={name} onChange={setName} form={form} path="name" required />
      </Paper>
      <FormActions pending={form.pending} onCancel={onDone} submit={t("form.save")} />
    </ApiFormElement>
  );
}
