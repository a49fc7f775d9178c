import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { accountsApi } from "../accounts-api.ts";
import { ApiError } from "../api.ts";
import { errorMessage } from "../components/QueryState.tsx";
import { useLang } from "../hooks.ts";
import { switchPerson } from "../session.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

/** A narrow card in the middle of the screen: the frame of signing in and of setting a password. */
export function AccountCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Center mih="80vh" px="md">
      <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={420}>
        <Stack gap="md">
          <Title order={1} fz={24}>
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/** Shown instead of any page of the app while nobody is signed in. */
export function SignInPage() {
  const { t } = useLang();
  const [forgot, setForgot] = useState(false);
  useDocumentTitle(t("signIn.title"));
  return forgot ? <RequestReset onBack={() => setForgot(false)} /> : <SignInForm onForgot={() => setForgot(true)} />;
}

function SignInForm({ onForgot }: { onForgot: () => void }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation({
    mutationFn: () => accountsApi.signIn(email, password),
    onSuccess: () => switchPerson(queryClient),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  const fields = signIn.error instanceof ApiError ? signIn.error.fieldIssues() : {};
  return (
    <AccountCard title={t("signIn.title")}>
      <form onSubmit={submit} noValidate data-testid="sign-in-form">
        <Stack gap="sm">
          {signIn.error && (
            <Alert color="red" role="alert" data-testid="sign-in-error">
              {errorMessage(signIn.error)}
            </Alert>
          )}
          <TextInput
            label={t("signIn.email")}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fields.email}
            data-testid="sign-in-email"
          />
          <PasswordInput
            label={t("signIn.password")}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields.password}
            data-testid="sign-in-password"
          />
          <Button type="submit" loading={signIn.isPending} data-testid="sign-in-submit">
            {t("signIn.submit")}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onForgot} style={{ alignSelf: "flex-start" }}>
            {t("signIn.forgot")}
          </Anchor>
          <Anchor component={Link} to="/public" size="sm">
            {t("signIn.publicView")}
          </Anchor>
        </Stack>
      </form>
    </AccountCard>
  );
}

function RequestReset({ onBack }: { onBack: () => void }) {
  const { t } = useLang();
  const [email, setEmail] = useState("");
  const request = useMutation({ mutationFn: () => accountsApi.requestPasswordReset(email) });
  return (
    <AccountCard title={t("signIn.resetTitle")}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          request.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t("signIn.resetIntro")}</Text>
          {request.isSuccess && (
            <Alert color="green" role="status">
              {t("signIn.resetSent")}
            </Alert>
          )}
          {request.error && (
            <Alert color="red" role="alert">
              {errorMessage(request.error)}
            </Alert>
          )}
          <TextInput
            label={t("signIn.email")}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <Button type="submit" loading={request.isPending}>
            {t("signIn.resetSend")}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onBack} style={{ alignSelf: "flex-start" }}>
            {t("signIn.back")}
          </Anchor>
        </Stack>
      </form>
    </AccountCard>
  );
}
