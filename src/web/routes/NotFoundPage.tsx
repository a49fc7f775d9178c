import { Button, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { PageTitle } from "../components/PageTitle.tsx";
import { useLang } from "../hooks.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

export function NotFoundPage() {
  const { t } = useLang();
  useDocumentTitle(t("app.notFound"));
  return (
    <Stack align="flex-start">
      <PageTitle>{t("app.notFound")}</PageTitle>
      <Text>{t("app.notFoundText")}</Text>
      <Button component={Link} to="/" variant="light">
        {t("app.backHome")}
      </Button>
    </Stack>
  );
}
