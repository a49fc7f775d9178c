import { Alert, Button, PasswordInput, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { accountsApi } from "../accounts-api.ts";
import { ApiError } from "../api.ts";
import { type NewPassword, NewPasswordFields, passwordsAgree } from "../components/NewPasswordFields.tsx";
import { errorMessage } from "../components/QueryState.tsx";
import { useLang } from "../hooks.ts";
import { refreshMe } from "../session.ts";
import { AccountCard } from "./SignInPage.tsx";

/** After signing in with a one-time password: a person chooses their own before anything else. */
export function ChoosePasswordPage() {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState<NewPassword>({ password: "", repeat: "" });
  const save = useMutation({
    mutationFn: () => accountsApi.changePassword(current, next.password),
    onSuccess: () => refreshMe(queryClient),
  });
  const fields = save.error instanceof ApiError ? save.error.fieldIssues() : {};
  return (
    <AccountCard title={t("signIn.chooseTitle")}>
      <form
        noValidate
        data-testid="choose-password-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (passwordsAgree(next)) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t("signIn.chooseIntro")}</Text>
          {save.error && !fields.newPassword && !fields.currentPassword && (
            <Alert color="red" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <PasswordInput
            label={t("signIn.currentPassword")}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fields.currentPassword}
            data-testid="current-password"
          />
          <NewPasswordFields value={next} onChange={setNext} serverError={fields.newPassword} />
          <Button type="submit" loading={save.isPending} data-testid="choose-password-submit">
            {t("signIn.choose")}
          </Button>
        </Stack>
      </form>
    </AccountCard>
  );
}
