import { Button, CloseButton, Group, NativeSelect, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { GRANT_ROLES, type GrantInput } from "../../shared/api/accounts.ts";
import type { CommissionSummary } from "../../shared/api/commissions.ts";
import { type Language, pickText } from "../../shared/i18n-text.ts";
import {
  consistentGrant,
  type EditableGrant,
  editableGrant,
  type GrantRole,
  grantDescription,
} from "../accounts-format.ts";
import { countryName } from "../format.ts";
import { useLang } from "../hooks.ts";
import { useCommissions, useOrganization } from "../queries.ts";
import { OrganizationSelect } from "./form.tsx";

/** A commission as a role names it: its short name ("AZ–KG IGC"), else its full name. */
export function commissionShortName(commission: CommissionSummary, lang: Language): string {
  return pickText(commission.shortName, lang)?.value ?? pickText(commission.name, lang)?.value ?? commission.id;
}

function useOrganizationName(id: string | null): string | null {
  const { lang } = useLang();
  const organization = useOrganization(id);
  return organization.data ? (pickText(organization.data.name, lang)?.value ?? null) : null;
}

/** One role in words: "Focal point · AZ–KG IGC · Ministry of Economy · Azerbaijan". */
export function GrantText({ grant }: { grant: GrantInput }) {
  const { t, lang } = useLang();
  const commissions = useCommissions();
  const organization = useOrganizationName(grant.organizationId ?? null);
  const commission = commissions.data?.items.find((c) => c.id === grant.commissionId);
  return (
    <Text size="sm" style={{ overflowWrap: "anywhere" }} data-testid="grant">
      {grantDescription({
        role: t(`roles.${grant.role}`),
        commission:
          grant.commissionId === null
            ? t("grants.allCommissions")
            : commission
              ? commissionShortName(commission, lang)
              : "…",
        organization: grant.organizationId ? (organization ?? "…") : null,
        side: grant.side ? countryName(grant.side, lang) : null,
      })}
    </Text>
  );
}

type ErrorsAt = { error: (...paths: string[]) => string | undefined };

/**
 * The roles of an account, one row each: role, commission (or all), the organisation of a focal point and an
 * optional side among the commission's two countries. Messages stand at `grants.<i>.<field>` as the server names them.
 */
export function GrantEditor({
  value,
  onChange,
  commissions,
  form,
}: {
  value: EditableGrant[];
  onChange: (value: EditableGrant[]) => void;
  commissions: readonly CommissionSummary[];
  form: ErrorsAt;
}) {
  const { t } = useLang();
  const countriesOf = (commissionId: string | null) =>
    commissions.find((c) => c.id === commissionId)?.countries ?? null;
  const change = (i: number, patch: Partial<EditableGrant>) =>
    onChange(
      value.map((row, j) => {
        if (j !== i) return row;
        const next = { ...row, ...patch };
        return consistentGrant(next, countriesOf(next.commissionId));
      }),
    );
  return (
    <Stack gap="xs" data-testid="grant-editor">
      <Text fw={500} size="sm">
        {t("grants.title")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("grants.hint")}
      </Text>
      {form.error("grants") && (
        <Text size="sm" c="red">
          {form.error("grants")}
        </Text>
      )}
      {value.map((row, i) => (
        <GrantRow
          key={row.key}
          row={row}
          index={i}
          commissions={commissions}
          countries={countriesOf(row.commissionId)}
          onChange={(patch) => change(i, patch)}
          onRemove={() => onChange(value.filter((_, j) => j !== i))}
          form={form}
        />
      ))}
      <Button
        variant="light"
        size="compact-sm"
        style={{ alignSelf: "flex-start" }}
        onClick={() => onChange([...value, editableGrant()])}
        data-testid="grant-add"
      >
        {t("grants.add")}
      </Button>
    </Stack>
  );
}

function GrantRow({
  row,
  index,
  commissions,
  countries,
  onChange,
  onRemove,
  form,
}: {
  row: EditableGrant;
  index: number;
  commissions: readonly CommissionSummary[];
  countries: readonly string[] | null;
  onChange: (patch: Partial<EditableGrant>) => void;
  onRemove: () => void;
  form: ErrorsAt;
}) {
  const { t, lang } = useLang();
  const at = (field: string) => form.error(`grants.${index}.${field}`);
  const organizationName = useOrganizationName(row.organizationId);
  return (
    <Paper withBorder p="xs" data-testid="grant-row">
      <Group justify="flex-end" mb={-8}>
        <CloseButton size="sm" aria-label={t("grants.remove")} onClick={onRemove} data-testid="grant-remove" />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <NativeSelect
          label={t("grants.role")}
          value={row.role}
          onChange={(e) => onChange({ role: e.currentTarget.value as GrantRole })}
          data={GRANT_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          error={at("role") ?? form.error(`grants.${index}`)}
          data-testid="grant-role"
        />
        <NativeSelect
          label={t("grants.commission")}
          value={row.commissionId ?? ""}
          onChange={(e) => onChange({ commissionId: e.currentTarget.value || null })}
          data={[
            { value: "", label: t("grants.allCommissions") },
            ...commissions.map((c) => ({ value: c.id, label: commissionShortName(c, lang) })),
          ]}
          error={at("commissionId")}
          data-testid="grant-commission"
        />
        {row.role === "focal_point" && (
          <OrganizationSelect
            label={t("grants.organization")}
            value={row.organizationId}
            selected={
              row.organizationId && organizationName ? { id: row.organizationId, label: organizationName } : null
            }
            onChange={(option) => onChange({ organizationId: option?.id ?? null })}
            error={at("organizationId")}
            required
            testId="grant-organization"
          />
        )}
        <NativeSelect
          label={t("grants.side")}
          value={row.side ?? ""}
          onChange={(e) => onChange({ side: e.currentTarget.value || null })}
          data={[
            { value: "", label: t("grants.bothSides") },
            ...(countries ?? []).map((code) => ({ value: code, label: countryName(code, lang) })),
          ]}
          disabled={countries === null}
          description={countries === null ? t("grants.sideNeedsCommission") : undefined}
          error={at("side")}
          data-testid="grant-side"
        />
      </SimpleGrid>
    </Paper>
  );
}
