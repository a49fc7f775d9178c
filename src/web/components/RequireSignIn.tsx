import { Outlet } from "react-router";
import { ChoosePasswordPage } from "../routes/ChoosePasswordPage.tsx";
import { SignInPage } from "../routes/SignInPage.tsx";
import { useMe } from "../session.ts";
import { PageLoader } from "./PageOutlet.tsx";
import { ErrorAlert } from "./QueryState.tsx";

/** The app's pages, for a signed-in person who has chosen their own password; sign-in otherwise. */
export function RequireSignIn() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <SignInPage />;
  if (me.data.mustChangePassword) return <ChoosePasswordPage />;
  return <Outlet />;
}
