import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link, useParams } from "react-router";
import {
  mergeOrganizationSchema,
  ORGANIZATION_KINDS,
  type Organization,
  updateOrganizationSchema,
} from "../../shared/api/organizations.ts";
import { LANGUAGES } from "../../shared/i18n-text.ts";
import { api } from "../api.ts";
import { CalendarFeeds } from "../components/CalendarFeeds.tsx";
import { FocalPoints } from "../components/FocalPoints.tsx";
import { FormModal } from "../components/FormModal.tsx";
import {
  ApiFormElement,
  CountrySelect,
  FormActions,
  FormFeedback,
  LocalizedInputs,
  OrganizationSelect,
  type TextValue,
} from "../components/form.tsx";
import { LocalizedText, usePlainText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { OrganizationScorecard } from "../components/Scorecard.tsx";
import { Section } from "../components/Section.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { countryName, sectorName, sessionTitle } from "../format.ts";
import { textOf, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys, useOrganization } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

export function OrganizationPage() {
  const { id } = useParams();
  const query = useOrganization(id);
  const plain = usePlainText();
  useDocumentTitle(query.data ? plain(query.data.name) : undefined);
  return <QueryState query={query}>{(organization) => <OrganizationView organization={organization} />}</QueryState>;
}

function OrganizationView({ organization: o }: { organization: Organization }) {
  const { t, lang } = useLang();
  const [editing, edit] = useDisclosure(false);
  const [merging, merge] = useDisclosure(false);
  const responsibleFor = useQuery({
    queryKey: [...keys.commitments, { organizationId: o.id }],
    queryFn: () => api.listCommitments({ organizationId: o.id, limit: 200 }),
  });
  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light" radius="sm">
            {t(`organizationKinds.${o.kind}`)}
          </Badge>
          <Text c="dimmed" fw={600}>
            {o.country ? countryName(o.country, lang) : t("organization.noCountry")}
          </Text>
        </Group>
        <PageTitle>
          <LocalizedText text={o.name} />
        </PageTitle>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={edit.open} data-testid="edit-organization">
            {t("organization.edit")}
          </Button>
          <Button size="xs" variant="subtle" onClick={merge.open} data-testid="merge-organization">
            {t("organization.merge")}
          </Button>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Fact label={t("organization.names")}>
          <Stack gap={4}>
            {LANGUAGES.map((l) =>
              o.name[l] ? (
                <Text key={l} size="sm">
                  <Text span c="dimmed" size="xs" tt="uppercase" fw={600}>
                    {l}{" "}
                  </Text>
                  {o.name[l]}
                </Text>
              ) : null,
            )}
          </Stack>
        </Fact>
        <Fact label={t("organization.aliases")}>
          {o.aliases.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("organization.noAliases")}
            </Text>
          ) : (
            <Group gap={6} data-testid="aliases">
              {o.aliases.map((alias) => (
                <Badge key={alias} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
                  {alias}
                </Badge>
              ))}
            </Group>
          )}
        </Fact>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <FocalPoints organizationId={o.id} />
        <OrganizationScorecard organizationId={o.id} />
      </SimpleGrid>

      <Section title={t("organization.responsibleFor")}>
        <QueryState query={responsibleFor}>
          {(page) =>
            page.items.length === 0 ? (
              <Text c="dimmed">{t("organization.noCommitments")}</Text>
            ) : (
              <Stack gap="xs">
                {page.items.map((c) => (
                  <Paper key={c.id} withBorder p="sm">
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Text size="xs" c="dimmed" miw={90} style={{ flexShrink: 0 }}>
                        {sessionTitle(c.sessionNumber, lang, t)} {c.itemNumber ?? ""}
                        <br />
                        {sectorName(c.sector, lang)}
                      </Text>
                      <Stack gap={4} style={{ minWidth: 0 }}>
                        <Anchor component={Link} to={`/commitments/${c.id}`} size="sm">
                          <LocalizedText text={c.text} />
                        </Anchor>
                        <StatusBadge status={c.status} overdue={c.overdue} />
                      </Stack>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Section>

      <CalendarFeeds scope="organizations" id={o.id} />

      <FormModal opened={editing} onClose={edit.close} title={t("organization.edit")}>
        <OrganizationForm organization={o} onDone={edit.close} />
      </FormModal>
      <FormModal opened={merging} onClose={merge.close} title={t("organization.merge")}>
        <MergeForm organization={o} onDone={merge.close} />
      </FormModal>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb={4}>
        {label}
      </Text>
      {children}
    </Paper>
  );
}

const ORGANIZATION_FIELDS = ["name", "name.*", "aliases", "aliases.*", "country", "kind", "version"] as const;

function OrganizationForm({ organization: o, onDone }: { organization: Organization; onDone: () => void }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [name, setName] = useState<TextValue>(o.name);
  const [aliases, setAliases] = useState<string[]>(o.aliases);
  const [country, setCountry] = useState(o.country ?? "");
  const [kind, setKind] = useState<string>(o.kind);
  const form = useApiForm({
    schema: updateOrganizationSchema,
    fields: ORGANIZATION_FIELDS,
    send: (input: Parameters<typeof api.updateOrganization>[1]) => api.updateOrganization(o.id, input),
    onSuccess: async (result) => {
      queryClient.setQueryData(keys.organization(o.id), result);
      await queryClient.invalidateQueries({ queryKey: ["organizations"] });
      onDone();
    },
    onConflict: () => queryClient.invalidateQueries({ queryKey: keys.organization(o.id) }),
  });
  return (
    <ApiFormElement
      testId="organization-form"
      onSubmit={() =>
        form.submit({
          version: o.version,
          name: textOf(name),
          aliases: aliases.map((a) => a.trim()),
          country: country || null,
          kind: kind as Organization["kind"],
        })
      }
    >
      <FormFeedback form={form} />
      <LocalizedInputs
        label={t("organization.name")}
        value={name}
        onChange={setName}
        form={form}
        path="name"
        required
      />
      <TagsInput
        label={t("organization.aliases")}
        description={t("organization.aliasesHint")}
        value={aliases}
        onChange={setAliases}
        error={form.errorUnder("aliases")}
        clearable
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <CountrySelect
          label={t("organization.country")}
          value={country}
          onChange={setCountry}
          error={form.error("country")}
          allowNone
        />
        <NativeSelect
          label={t("organization.kind")}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizationKinds.${k}`) }))}
          error={form.error("kind")}
        />
      </SimpleGrid>
      <FormActions pending={form.pending} onCancel={onDone} submit={t("form.save")} />
    </ApiFormElement>
  );
}

function MergeForm({ organization: o, onDone }: { organization: Organization; onDone: () => void }) {
  const { t } = useLang();
  const plain = usePlainText();
  const queryClient = useQueryClient();
  const [duplicate, setDuplicate] = useState<{ id: string; label: string } | null>(null);
  const form = useApiForm({
    schema: mergeOrganizationSchema,
    fields: ["duplicateId"],
    send: (input: { duplicateId: string }) => api.mergeOrganization(o.id, input.duplicateId),
    onSuccess: async (result) => {
      queryClient.setQueryData(keys.organization(o.id), result);
      await queryClient.invalidateQueries();
      onDone();
    },
  });
  return (
    <ApiFormElement testId="merge-form" onSubmit={() => form.submit({ duplicateId: duplicate?.id as string })}>
      <FormFeedback form={form} />
      <Text size="sm">{t("organization.mergeHint", { name: plain(o.name) })}</Text>
      <OrganizationSelect
        label={t("organization.duplicate")}
        value={duplicate?.id ?? null}
        selected={duplicate}
        onChange={setDuplicate}
        exclude={o.id}
        error={form.error("duplicateId")}
        required
        testId="merge-duplicate"
      />
      {duplicate && (
        <Alert color="orange">
          {t("organization.mergeWarning", { duplicate: duplicate.label, name: plain(o.name) })}
        </Alert>
      )}
      <FormActions pending={form.pending} onCancel={onDone} submit={t("organization.mergeSubmit")} />
    </ApiFormElement>
  );
}
