import { Anchor, Card, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { DemoBadge } from "../../components/DemoBadge.tsx";
import { LocalizedText } from "../../components/LocalizedText.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { countryName } from "../../format.ts";
import { useLang } from "../../hooks.ts";
import { publicCommissionPath } from "../../publication-api.ts";
import { useDocumentTitle } from "../../useDocumentTitle.ts";
import { usePublicCommissions } from "./public-queries.ts";

export function PublicCommissionsPage() {
  const { t, lang } = useLang();
  const query = usePublicCommissions();
  useDocumentTitle(t("publicView.commissionsTitle"));
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t("publicView.commissionsTitle")}</PageTitle>
        <Text c="dimmed">{t("publicView.tagline")}</Text>
      </div>
      <QueryState query={query}>
        {(list) =>
          list.items.length === 0 ? (
            <Text>{t("publicView.noCommissions")}</Text>
          ) : (
            <Stack gap="sm">
              {list.items.map((commission) => (
                <Card key={commission.id} withBorder padding="md" data-testid="public-commission-card">
                  <Stack gap={4}>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm" fw={600} c="dimmed">
                        {commission.countries.map((c) => countryName(c, lang)).join(" — ")}
                      </Text>
                      {commission.isDemo && <DemoBadge />}
                    </Group>
                    <Anchor
                      component={Link}
                      to={publicCommissionPath(commission.id)}
                      fw={600}
                      size="lg"
                      style={{ overflowWrap: "anywhere" }}
                    >
                      <LocalizedText text={commission.shortName ?? commission.name} />
                    </Anchor>
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
