import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type CreateUserInput,
  createUserSchema,
  type UpdateUserInput,
  type User,
  updateUserSchema,
} from "../../shared/api/accounts.ts";
import { accountsApi, type IssuedPassword } from "../accounts-api.ts";
import { type EditableGrant, editableGrant, grantInputs } from "../accounts-format.ts";
import { ApiError } from "../api.ts";
import { FormModal } from "../components/FormModal.tsx";
import { ApiFormElement, FormActions, FormFeedback } from "../components/form.tsx";
import { GrantEditor, GrantText } from "../components/GrantEditor.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ErrorAlert, QueryState } from "../components/QueryState.tsx";
import { SecretOnce } from "../components/SecretOnce.tsx";
import { formatDateTime } from "../format.ts";
import { check, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { useCommissions } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

const USERS = ["users"] as const;

/** Every account with its roles, for administrators: open one, change one, give a new one-time password. */
export function UsersPage() {
  const { t } = useLang();
  useDocumentTitle(t("users.title"));
  const users = useQuery({ queryKey: USERS, queryFn: accountsApi.listUsers });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  // The one-time password just issued: shown until the administrator says it is handed over, then forgotten.
  const [issued, setIssued] = useState<IssuedPassword | null>(null);

  if (users.error instanceof ApiError && users.error.status === 403) {
    return (
      <Stack gap="lg">
        <PageTitle>{t("users.title")}</PageTitle>
        <Alert color="orange" title={t("users.forbiddenTitle")} data-testid="users-forbidden">
          {t("users.forbidden")}
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <PageTitle>{t("users.title")}</PageTitle>
          <Text c="dimmed">{t("users.subtitle")}</Text>
        </Stack>
        <Button onClick={() => setCreating(true)} data-testid="user-new">
          {t("users.newAccount")}
        </Button>
      </Group>
      {issued && (
        <SecretOnce
          testId="issued-password"
          title={t("users.passwordTitle", { email: issued.user.email })}
          secret={issued.oneTimePassword}
          advice={t("users.passwordAdvice")}
          doneLabel={t("users.passwordDone")}
          onDone={() => setIssued(null)}
        />
      )}
      <QueryState query={users}>
        {(data) => (
          <Stack gap="xs">
            <Text fw={600} data-testid="users-count">
              {t("users.count", { count: data.items.length })}
            </Text>
            {data.items.map((user) => (
              <UserCard key={user.id} user={user} onEdit={() => setEditing(user)} onIssued={setIssued} />
            ))}
          </Stack>
        )}
      </QueryState>
      <FormModal opened={creating} onClose={() => setCreating(false)} title={t("users.newAccount")}>
        <UserForm
          onDone={(result) => {
            setCreating(false);
            if (result) setIssued(result);
          }}
        />
      </FormModal>
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t("users.editTitle", { name: editing?.displayName ?? "" })}
      >
        {editing && <UserForm user={editing} onDone={() => setEditing(null)} />}
      </FormModal>
    </Stack>
  );
}

function UserCard({
  user,
  onEdit,
  onIssued,
}: {
  user: User;
  onEdit: () => void;
  onIssued: (issued: IssuedPassword) => void;
}) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const issue = useMutation({
    mutationFn: () => accountsApi.issuePassword(user.id),
    onSuccess: async (result) => {
      onIssued(result);
      await queryClient.invalidateQueries({ queryKey: USERS });
    },
  });
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
  return (
    <Paper withBorder p="sm" data-testid="user" data-email={user.email}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} c={user.disabled ? "dimmed" : undefined} data-testid="user-name">
              {user.displayName}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }} data-testid="user-email">
              {user.email}
            </Text>
          </Stack>
          <Group gap={4}>
            {user.isAdministrator && (
              <Badge color="grape" variant="light" radius="sm" data-testid="user-admin">
                {t("users.administrator")}
              </Badge>
            )}
            {user.disabled && (
              <Badge color="gray" variant="outline" radius="sm" data-testid="user-disabled">
                {t("users.disabled")}
              </Badge>
            )}
            {user.mustChangePassword && (
              <Badge color="yellow" variant="light" radius="sm">
                {t("users.oneTimePassword")}
              </Badge>
            )}
          </Group>
        </Group>
        {locked && user.lockedUntil && (
          <Text size="sm" c="orange">
            {t("users.lockedUntil", { time: formatDateTime(user.lockedUntil, lang) })}
          </Text>
        )}
        {user.grants.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("users.noRoles")}
          </Text>
        ) : (
          <Stack gap={2}>
            {user.grants.map((grant) => (
              <GrantText
                key={`${grant.role}:${grant.commissionId}:${grant.organizationId}:${grant.side}`}
                grant={grant}
              />
            ))}
          </Stack>
        )}
        {issue.isError && <ErrorAlert error={issue.error} />}
        <Group gap={4}>
          <Button size="compact-sm" variant="subtle" onClick={onEdit} data-testid="user-edit">
            {t("users.edit")}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="orange"
            loading={issue.isPending}
            onClick={() => {
              if (window.confirm(t("users.issuePasswordConfirm", { name: user.displayName }))) issue.mutate();
            }}
            data-testid="user-issue-password"
          >
            {t("users.issuePassword")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

type UserFormInput = {
  email: string;
  displayName: string;
  isAdministrator: boolean;
  disabled: boolean;
  grants: EditableGrant[];
};

/** The request bodies: a new account has an address; only an existing one can be disabled. */
function bodiesOf(input: UserFormInput): { create: CreateUserInput; update: UpdateUserInput } {
  const common = {
    displayName: input.displayName,
    isAdministrator: input.isAdministrator,
    grants: grantInputs(input.grants),
  };
  return { create: { ...common, email: input.email }, update: { ...common, disabled: input.disabled } };
}

/** Opens an account (`user` absent: the answer carries its one-time password) or changes one. */
function UserForm({ user, onDone }: { user?: User; onDone: (issued?: IssuedPassword) => void }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const commissions = useCommissions();
  const [email, setEmail] = useState(user?.email ?? "");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [isAdministrator, setIsAdministrator] = useState(user?.isAdministrator ?? false);
  const [disabled, setDisabled] = useState(user?.disabled ?? false);
  const [grants, setGrants] = useState<EditableGrant[]>(() => (user?.grants ?? []).map((g) => editableGrant(g)));

  const form = useApiForm({
    fields: ["email", "displayName", "isAdministrator", "disabled", "grants", "grants.*"],
    validate: (input: UserFormInput) => {
      const issues =
        (user ? check(updateUserSchema, bodiesOf(input).update) : check(createUserSchema, bodiesOf(input).create)) ??
        {};
      // The contract's wording names the field for programmers; a person is told what to pick.
      input.grants.forEach((row, i) => {
        if (row.role === "focal_point" && !row.organizationId) {
          issues[`grants.${i}.organizationId`] = t("grants.organizationRequired");
        }
      });
      return Object.keys(issues).length > 0 ? issues : null;
    },
    send: (input: UserFormInput): Promise<IssuedPassword | User> =>
      user ? accountsApi.updateUser(user.id, bodiesOf(input).update) : accountsApi.createUser(bodiesOf(input).create),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: USERS });
      onDone("oneTimePassword" in result ? result : undefined);
    },
  });

  return (
    <ApiFormElement
      testId="user-form"
      onSubmit={() =>
        form.submit({ email: email.trim(), displayName: displayName.trim(), isAdministrator, disabled, grants })
      }
    >
      <FormFeedback form={form} />
      <TextInput
        type="email"
        label={t("users.email")}
        placeholder="name@example.org"
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={form.error("email")}
        required={!user}
        readOnly={!!user}
        data-autofocus={user ? undefined : true}
        data-testid="user-email-input"
      />
      <TextInput
        label={t("users.displayName")}
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        error={form.error("displayName")}
        required
        maxLength={200}
        data-autofocus={user ? true : undefined}
        data-testid="user-name-input"
      />
      <Checkbox
        label={t("users.administrator")}
        description={t("users.administratorHint")}
        checked={isAdministrator}
        onChange={(e) => setIsAdministrator(e.currentTarget.checked)}
        error={form.error("isAdministrator")}
        data-testid="user-admin-input"
      />
      {user && (
        <Checkbox
          label={t("users.disabled")}
          description={t("users.disabledHint")}
          checked={disabled}
          onChange={(e) => setDisabled(e.currentTarget.checked)}
          error={form.error("disabled")}
          data-testid="user-disabled-input"
        />
      )}
      <GrantEditor value={grants} onChange={setGrants} commissions={commissions.data?.items ?? []} form={form} />
      <FormActions
        pending={form.pending}
        onCancel={() => onDone()}
        submit={user ? t("users.save") : t("users.create")}
      />
    </ApiFormElement>
  );
}
