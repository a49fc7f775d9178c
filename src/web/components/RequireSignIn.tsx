import { Center, Loader } from "@mantine/core";
import { Outlet } from "react-router";
import { useLang } from "../hooks.ts";
import { ChoosePasswordPage } from "../routes/ChoosePasswordPage.tsx";
import { SignInPage } from "../routes/SignInPage.tsx";
import { useMe } from "../session.ts";
import { ErrorAlert } from "./QueryState.tsx";

/** The app's pages, for a signed-in person who has chosen their own password; sign-in otherwise. */
export function RequireSignIn() {
  const { t } = useLang();
  const me = useMe();
  if (me.isPending) {
    return (
      <Center py="xl" aria-busy="true">
        <Loader size="sm" aria-label={t("app.loading")} />
      </Center>
    );
  }
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <SignInPage />;
  if (me.data.mustChangePassword) return <ChoosePasswordPage />;
  return <Outlet />;
}
