import { Button, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { useLang } from "../hooks.ts";
import { CalendarFeeds } from "./CalendarFeeds.tsx";
import { Section } from "./Section.tsx";

/** On a commission's page: import a protocol or press release into this commission, and its calendar feeds. */
export function CommissionImportAndFeeds({ commissionId }: { commissionId: string }) {
  const { t } = useLang();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <Section title={t("importPage.title")} testId="commission-import">
        <Paper withBorder p="md">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t("importPage.fromCommission")}</Text>
            <Button
              component={Link}
              to={`/import?commission=${encodeURIComponent(commissionId)}`}
              variant="light"
              data-testid="import-into-commission"
            >
              {t("importPage.open")}
            </Button>
          </Stack>
        </Paper>
      </Section>
      <CalendarFeeds scope="commissions" id={commissionId} />
    </SimpleGrid>
  );
}
