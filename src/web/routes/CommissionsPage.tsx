import { Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { createCommissionSchema } from "../../shared/api/commissions.ts";
import { api } from "../api.ts";
import { CommissionCard } from "../components/CommissionCard.tsx";
import { FormModal } from "../components/FormModal.tsx";
import {
  ApiFormElement,
  CountrySelect,
  DateField,
  FormActions,
  FormFeedback,
  LocalizedInputs,
  OrganizationSelect,
  type TextValue,
} from "../components/form.tsx";
import { LocalizedText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { optional, textOf, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys, useCommissions } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

export function CommissionsPage() {
  const { t } = useLang();
  const query = useCommissions();
  const [creating, create] = useDisclosure(false);
  useDocumentTitle(t("commissions.title"));
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <PageTitle>{t("commissions.title")}</PageTitle>
          <Text c="dimmed">{t("app.tagline")}</Text>
        </div>
        <Button onClick={create.open} data-testid="create-commission">
          {t("commissionForm.title")}
        </Button>
      </Group>
      <FormModal opened={creating} onClose={create.close} title={t("commissionForm.title")} size="xl">
        <CommissionForm onDone={create.close} />
      </FormModal>
      <QueryState query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <Text>{t("commissions.empty")}</Text>
          ) : (
            <Stack gap="sm">
              {page.items.map((commission) => (
                <CommissionCard
                  key={commission.id}
                  commission={commission}
                  to={`/commissions/${commission.id}`}
                  testId="commission-card"
                >
                  {commission.shortName && (
                    <Text size="sm">
                      <LocalizedText text={commission.name} />
                    </Text>
                  )}
                  <Text size="sm" c="dimmed">
                    {t("commissions.sessions", { count: commission.sessionCount })}
                  </Text>
                </CommissionCard>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

const COMMISSION_FIELDS = [
  "countries",
  "countries.*",
  "name",
  "name.*",
  "shortName",
  "shortName.*",
  "foundedOn",
  "secretariats",
  "secretariats.*",
] as const;

type Secretariat = { id: string; label: string } | null;

/** A new commission: the two countries, its names, when it was founded and each side's secretariat. */
function CommissionForm({ onDone }: { onDone: () => void }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [countries, setCountries] = useState<[string, string]>(["", ""]);
  const [name, setName] = useState<TextValue>({});
  const [shortName, setShortName] = useState<TextValue>({});
  const [foundedOn, setFoundedOn] = useState("");
  const [secretariats, setSecretariats] = useState<[Secretariat, Secretariat]>([null, null]);
  const form = useApiForm({
    schema: createCommissionSchema,
    fields: COMMISSION_FIELDS,
    send: (input: Parameters<typeof api.createCommission>[0]) => api.createCommission(input),
    onSuccess: async (result) => {
      queryClient.setQueryData(keys.commission(result.id), result);
      await queryClient.invalidateQueries({ queryKey: keys.commissions });
      onDone();
      await navigate(`/commissions/${result.id}`);
    },
  });
  const setCountry = (i: 0 | 1, code: string) => {
    const next: [string, string] = [...countries];
    next[i] = code;
    setCountries(next);
    const cleared: [Secretariat, Secretariat] = [...secretariats];
    cleared[i] = null;
    setSecretariats(cleared);
  };
  const submit = () => {
    const short = textOf(shortName);
    form.submit({
      countries: countries.filter(Boolean),
      name: textOf(name),
      shortName: Object.keys(short).length > 0 ? short : null,
      foundedOn: optional(foundedOn) ?? null,
      secretariats: countries.flatMap((country, i) =>
        country && secretariats[i] ? [{ country, organizationId: secretariats[i]?.id ?? null }] : [],
      ),
    });
  };
  return (
    <ApiFormElement onSubmit={submit} testId="commission-form">
      <FormFeedback form={form} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {([0, 1] as const).map((i) => (
          <Stack key={i} gap="xs">
            <CountrySelect
              label={t("commissionForm.country", { n: i + 1 })}
              value={countries[i]}
              onChange={(code) => setCountry(i, code)}
              error={form.error(`countries.${i}`, ...(i === 0 ? ["countries"] : []))}
            />
            <OrganizationSelect
              label={t("commissionForm.secretariat")}
              value={secretariats[i]?.id ?? null}
              selected={secretariats[i]}
              country={countries[i] || undefined}
              onChange={(option) => {
                const next: [Secretariat, Secretariat] = [...secretariats];
                next[i] = option;
                setSecretariats(next);
              }}
              error={form.errorUnder(`secretariats.${i}`)}
            />
          </Stack>
        ))}
      </SimpleGrid>
      <LocalizedInputs
        label={t("commissionForm.name")}
        value={name}
        onChange={setName}
        form={form}
        path="name"
        multiline
        required
      />
      <LocalizedInputs
        label={t("commissionForm.shortName")}
        value={shortName}
        onChange={setShortName}
        form={form}
        path="shortName"
      />
      <DateField
        label={t("commissionForm.foundedOn")}
        value={foundedOn}
        onChange={setFoundedOn}
        error={form.error("foundedOn")}
      />
      <FormActions pending={form.pending} onCancel={onDone} submit={t("commissionForm.submit")} />
    </ApiFormElement>
  );
}
