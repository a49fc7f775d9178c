import { Center, Loader } from "@mantine/core";
import { Suspense } from "react";
import { Outlet } from "react-router";
import { useLang } from "../hooks.ts";

/** The small spinner shown while a page, or who is signed in, is on its way. */
export function PageLoader() {
  const { t } = useLang();
  return (
    <Center py="xl" aria-busy="true">
      <Loader size="sm" aria-label={t("app.loading")} />
    </Center>
  );
}

/** The current page of a layout; each page is its own chunk, so the first load carries only the one opened. */
export function PageOutlet() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Outlet />
    </Suspense>
  );
}
