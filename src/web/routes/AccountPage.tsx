import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useState } from "react";
import {
  type CreateApiTokenInput,
  changePasswordSchema,
  createApiTokenSchema,
  type User,
} from "../../shared/api/accounts.ts";
import { type ApiToken, accountsApi, type IssuedApiToken } from "../accounts-api.ts";
import { tokenState } from "../accounts-format.ts";
import { FormModal } from "../components/FormModal.tsx";
import { ApiFormElement, FormActions, FormFeedback } from "../components/form.tsx";
import { GrantText } from "../components/GrantEditor.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ErrorAlert, QueryState } from "../components/QueryState.tsx";
import { SecretOnce } from "../components/SecretOnce.tsx";
import { Section } from "../components/Section.tsx";
import { formatDate } from "../format.ts";
import { check, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { refreshMe, useMe } from "../session.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

const TOKENS = ["api-tokens"] as const;

/** The signed-in person's own account: who they are and their roles (read only), their password, their API tokens. */
export function AccountPage() {
  const { t } = useLang();
  useDocumentTitle(t("account.title"));
  const me = useMe();
  return (
    <Stack gap="lg">
      <PageTitle>{t("account.title")}</PageTitle>
      <QueryState query={me}>
        {(user) =>
          user && (
            <>
              <Identity user={user} />
              <PasswordSection user={user} />
              <TokensSection />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}

function Identity({ user }: { user: User }) {
  const { t } = useLang();
  return (
    <Paper withBorder p="md" data-testid="account-identity">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t("account.name")}
          </Text>
          <Text fw={600} style={{ overflowWrap: "anywhere" }} data-testid="account-name">
            {user.displayName}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t("account.email")}
          </Text>
          <Text style={{ overflowWrap: "anywhere" }} data-testid="account-email">
            {user.email}
          </Text>
        </Stack>
      </SimpleGrid>
      <Stack gap={4} mt="sm">
        <Text size="sm" c="dimmed">
          {t("account.roles")}
        </Text>
        {user.isAdministrator && (
          <Badge color="grape" variant="light" radius="sm" style={{ alignSelf: "flex-start" }}>
            {t("account.administrator")}
          </Badge>
        )}
        {user.grants.map((grant) => (
          <GrantText key={`${grant.role}:${grant.commissionId}:${grant.organizationId}:${grant.side}`} grant={grant} />
        ))}
        {!user.isAdministrator && user.grants.length === 0 && <Text size="sm">{t("account.noRoles")}</Text>}
        <Text size="xs" c="dimmed">
          {t("account.rolesHint")}
        </Text>
      </Stack>
    </Paper>
  );
}

type PasswordForm = { currentPassword: string; newPassword: string; repeatPassword: string };

function PasswordSection({ user }: { user: User }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const empty: PasswordForm = { currentPassword: "", newPassword: "", repeatPassword: "" };
  const [value, setValue] = useState<PasswordForm>(empty);
  const [changed, setChanged] = useState(false);
  const form = useApiForm({
    fields: ["currentPassword", "newPassword", "repeatPassword"],
    validate: ({ repeatPassword, ...input }: PasswordForm) =>
      check(changePasswordSchema, input) ??
      (repeatPassword === input.newPassword ? null : { repeatPassword: t("account.mismatch") }),
    send: ({ currentPassword, newPassword }: PasswordForm) => accountsApi.changePassword(currentPassword, newPassword),
    onSuccess: async () => {
      setValue(empty);
      setChanged(true);
      await refreshMe(queryClient);
    },
  });
  const field = (name: keyof PasswordForm) => ({
    value: value[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setChanged(false);
      setValue({ ...value, [name]: e.currentTarget.value });
    },
    error: form.error(name),
    autoComplete: name === "currentPassword" ? "current-password" : "new-password",
    maxLength: 200,
    "data-testid": `password-${name}`,
  });
  return (
    <Section title={t("account.passwordTitle")} testId="account-password">
      {changed && (
        <Alert color="green" role="status" data-testid="password-changed">
          {t("account.passwordChanged")}
        </Alert>
      )}
      <Paper withBorder p="md" maw={480}>
        <ApiFormElement testId="password-form" onSubmit={() => form.submit(value)}>
          <FormFeedback form={form} />
          {/* The address as a hidden username helps password managers file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
          <PasswordInput label={t("account.currentPassword")} required {...field("currentPassword")} />
          <PasswordInput
            label={t("account.newPassword")}
            description={t("account.passwordRule")}
            required
            {...field("newPassword")}
          />
          <PasswordInput label={t("account.repeatPassword")} required {...field("repeatPassword")} />
          <FormActions pending={form.pending} submit={t("account.changePassword")} />
        </ApiFormElement>
      </Paper>
    </Section>
  );
}

function TokensSection() {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS, queryFn: accountsApi.listTokens });
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => accountsApi.revokeToken(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS }),
  });
  return (
    <Section
      title={t("account.tokensTitle")}
      testId="account-tokens"
      action={
        <Button size="compact-sm" variant="light" onClick={() => setCreating(true)} data-testid="token-new">
          {t("account.newToken")}
        </Button>
      }
    >
      <Text size="sm" c="dimmed">
        {t("account.tokensHint")}
      </Text>
      {issued && (
        <SecretOnce
          testId="issued-token"
          title={t("account.secretTitle", { name: issued.token.name })}
          secret={issued.secret}
          advice={t("account.secretAdvice")}
          doneLabel={t("account.secretDone")}
          onDone={() => setIssued(null)}
        >
          <Text size="sm">{t("account.howToUse")}</Text>
          <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {`Authorization: Bearer ${issued.secret}`}
          </Code>
        </SecretOnce>
      )}
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      <QueryState query={tokens}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("account.noTokens")}
            </Text>
          ) : (
            <Stack gap={6}>
              {data.items.map((token) => (
                <TokenCard
                  key={token.id}
                  token={token}
                  revoking={revoke.isPending && revoke.variables === token.id}
                  onRevoke={() => {
                    if (window.confirm(t("account.revokeConfirm", { name: token.name }))) revoke.mutate(token.id);
                  }}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <FormModal opened={creating} onClose={() => setCreating(false)} title={t("account.newToken")} size="md">
        <TokenForm
          onDone={(result) => {
            setCreating(false);
            if (result) setIssued(result);
          }}
        />
      </FormModal>
    </Section>
  );
}

const STATE_COLORS = { active: "teal", expired: "gray", revoked: "red" } as const;

function TokenCard({ token, revoking, onRevoke }: { token: ApiToken; revoking: boolean; onRevoke: () => void }) {
  const { t, lang } = useLang();
  const state = tokenState(token, new Date());
  const facts = [
    t("account.created", { date: formatDate(token.createdAt, lang) }),
    token.lastUsedAt ? t("account.lastUsed", { date: formatDate(token.lastUsedAt, lang) }) : t("account.neverUsed"),
    token.revokedAt
      ? t("account.revokedOn", { date: formatDate(token.revokedAt, lang) })
      : token.expiresAt === null
        ? t("account.noExpiry")
        : t(state === "expired" ? "account.expiredOn" : "account.expires", {
            date: formatDate(token.expiresAt, lang),
          }),
  ];
  return (
    <Paper withBorder p="sm" data-testid="token" data-state={state}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text fw={600} style={{ overflowWrap: "anywhere" }} data-testid="token-name">
              {token.name}
            </Text>
            <Badge size="sm" variant="light" color={token.access === "write" ? "orange" : "blue"} radius="sm">
              {token.access === "write" ? t("account.write") : t("account.read")}
            </Badge>
            <Badge size="sm" variant="outline" color={STATE_COLORS[state]} radius="sm" data-testid="token-state">
              {t(`account.states.${state}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {facts.join(" · ")}
          </Text>
        </Stack>
        {state === "active" && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            loading={revoking}
            onClick={onRevoke}
            data-testid="token-revoke"
          >
            {t("account.revoke")}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

type TokenFormInput = { name: string; access: "read" | "write"; expiresInDays: number | "" };

function TokenForm({ onDone }: { onDone: (issued?: IssuedApiToken) => void }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<TokenFormInput>({ name: "", access: "read", expiresInDays: 365 });
  const bodyOf = (input: TokenFormInput): CreateApiTokenInput => ({
    name: input.name.trim(),
    access: input.access,
    expiresInDays: input.expiresInDays === "" ? null : input.expiresInDays,
  });
  const form = useApiForm({
    schema: createApiTokenSchema,
    fields: ["name", "access", "expiresInDays"],
    send: (input: CreateApiTokenInput) => accountsApi.createToken(input),
    onSuccess: async (result: IssuedApiToken) => {
      await queryClient.invalidateQueries({ queryKey: TOKENS });
      onDone(result);
    },
  });
  return (
    <ApiFormElement testId="token-form" onSubmit={() => form.submit(bodyOf(value))}>
      <FormFeedback form={form} />
      <TextInput
        label={t("account.tokenName")}
        placeholder={t("account.tokenNamePlaceholder")}
        value={value.name}
        onChange={(e) => setValue({ ...value, name: e.currentTarget.value })}
        error={form.error("name")}
        required
        maxLength={100}
        data-autofocus
        data-testid="token-name-input"
      />
      <NativeSelect
        label={t("account.access")}
        value={value.access}
        onChange={(e) => setValue({ ...value, access: e.currentTarget.value === "write" ? "write" : "read" })}
        data={[
          { value: "read", label: t("account.read") },
          { value: "write", label: t("account.write") },
        ]}
        error={form.error("access")}
        data-testid="token-access-input"
      />
      <NumberInput
        label={t("account.expiresInDays")}
        description={t("account.expiresHint")}
        value={value.expiresInDays}
        onChange={(v) => setValue({ ...value, expiresInDays: typeof v === "number" ? v : v === "" ? "" : Number(v) })}
        min={1}
        max={3650}
        allowDecimal={false}
        allowNegative={false}
        error={form.error("expiresInDays")}
        data-testid="token-expiry-input"
      />
      <FormActions pending={form.pending} onCancel={() => onDone()} submit={t("account.createToken")} />
    </ApiFormElement>
  );
}
