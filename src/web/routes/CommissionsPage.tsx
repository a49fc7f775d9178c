import { Anchor, Card, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { LocalizedText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { countryName } from "../format.ts";
import { useLang } from "../hooks.ts";
import { useCommissions } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

export function CommissionsPage() {
  const { t, lang } = useLang();
  const query = useCommissions();
  useDocumentTitle(t("commissions.title"));
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t("commissions.title")}</PageTitle>
        <Text c="dimmed">{t("app.tagline")}</Text>
      </div>
      <QueryState query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <Text>{t("commissions.empty")}</Text>
          ) : (
            <Stack gap="sm">
              {page.items.map((commission) => (
                <Card key={commission.id} withBorder padding="md" data-testid="commission-card">
                  <Stack gap={4}>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm" fw={600} c="dimmed">
                        {commission.countries.map((c) => countryName(c, lang)).join(" — ")}
                      </Text>
                      {commission.isDemo && <DemoBadge />}
                    </Group>
                    <Anchor component={Link} to={`/commissions/${commission.id}`} fw={600} size="lg">
                      <LocalizedText text={commission.shortName ?? commission.name} />
                    </Anchor>
                    {commission.shortName && (
                      <Text size="sm">
                        <LocalizedText text={commission.name} />
                      </Text>
                    )}
                    <Text size="sm" c="dimmed">
                      {t("commissions.sessions", { count: commission.sessionCount })}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
