import { Stack, Text } from "@mantine/core";
import { CommissionCard } from "../../components/CommissionCard.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useLang } from "../../hooks.ts";
import { publicCommissionPath } from "../../publication-api.ts";
import { useDocumentTitle } from "../../useDocumentTitle.ts";
import { usePublicCommissions } from "./public-queries.ts";

export function PublicCommissionsPage() {
  const { t } = useLang();
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
                <CommissionCard
                  key={commission.id}
                  commission={commission}
                  to={publicCommissionPath(commission.id)}
                  testId="public-commission-card"
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
