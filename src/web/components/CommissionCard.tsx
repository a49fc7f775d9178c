import { Anchor, Card, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { LocalizedText as Localized } from "../../shared/i18n-text.ts";
import { countryName } from "../format.ts";
import { useLang } from "../hooks.ts";
import { DemoBadge } from "./DemoBadge.tsx";
import { LocalizedText } from "./LocalizedText.tsx";

type CommissionHeading = { countries: string[]; isDemo: boolean; name: Localized; shortName: Localized | null };

/** A commission in a list: its two countries, its name as a link, and whatever the list adds below. */
export function CommissionCard({
  commission,
  to,
  testId,
  children,
}: {
  commission: CommissionHeading;
  to: string;
  testId: string;
  children?: ReactNode;
}) {
  const { lang } = useLang();
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600} c="dimmed">
            {commission.countries.map((c) => countryName(c, lang)).join(" — ")}
          </Text>
          {commission.isDemo && <DemoBadge />}
        </Group>
        <Anchor component={Link} to={to} fw={600} size="lg" style={{ overflowWrap: "anywhere" }}>
          <LocalizedText text={commission.shortName ?? commission.name} />
        </Anchor>
        {children}
      </Stack>
    </Card>
  );
}
