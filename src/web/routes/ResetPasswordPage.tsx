import { Alert, Anchor, Button, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { accountsApi } from "../accounts-api.ts";
import { ApiError } from "../api.ts";
import { type NewPassword, NewPasswordFields, passwordsAgree } from "../components/NewPasswordFields.tsx";
import { errorMessage } from "../components/QueryState.tsx";
import { useLang } from "../hooks.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";
import { AccountCard } from "./SignInPage.tsx";

/**
 * The page an e-mailed reset link opens. The token rides in the URL's fragment (after #), which browsers never send
 * to a server, so it stays out of access logs and Referer headers.
 */
export function ResetPasswordPage() {
  const { t } = useLang();
  const token = useLocation().hash.replace(/^#/, "");
  const [next, setNext] = useState<NewPassword>({ password: "", repeat: "" });
  const reset = useMutation({ mutationFn: () => accountsApi.resetPassword(token, next.password) });
  useDocumentTitle(t("signIn.resetTitle"));
  const fields = reset.error instanceof ApiError ? reset.error.fieldIssues() : {};
  return (
    <AccountCard title={t("signIn.resetTitle")}>
      {reset.isSuccess ? (
        <Stack gap="sm">
          <Alert color="green" role="status" data-testid="reset-done">
            {t("signIn.resetDone")}
          </Alert>
          <Anchor component={Link} to="/">
            {t("signIn.submit")}
          </Anchor>
        </Stack>
      ) : !/^[A-Za-z0-9_-]{43}$/.test(token) ? (
        <Alert color="orange" role="alert">
          {t("signIn.resetBadLink")}
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (passwordsAgree(next)) reset.mutate();
          }}
        >
          <Stack gap="sm">
            {reset.error && !fields.newPassword && (
              <Alert color="red" role="alert">
                {errorMessage(reset.error)}
              </Alert>
            )}
            <NewPasswordFields value={next} onChange={setNext} serverError={fields.newPassword} />
            <Button type="submit" loading={reset.isPending}>
              {t("signIn.resetSave")}
            </Button>
          </Stack>
        </form>
      )}
    </AccountCard>
  );
}
