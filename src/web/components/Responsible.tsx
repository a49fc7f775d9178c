import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { Commitment } from "../../shared/api/commitments.ts";
import { countryName } from "../format.ts";
import { useLang } from "../hooks.ts";
import { LocalizedText } from "./LocalizedText.tsx";

/** The responsible organisations, one line each, with the side's country code in front. */
export function Responsible({ responsible }: { responsible: Commitment["responsible"] }) {
  const { t, lang } = useLang();
  if (responsible.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("commitment.noResponsible")}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="responsible">
      {responsible.map((r) => (
        <Group key={`${r.side}-${r.organizationId}`} gap={6} wrap="nowrap" align="flex-start">
          <Badge
            size="sm"
            variant="light"
            color="gray"
            radius="sm"
            title={countryName(r.side, lang)}
            style={{ flexShrink: 0, marginTop: 1 }}
          >
            {r.side}
          </Badge>
          <Text size="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
            <Anchor component={Link} to={`/organizations/${r.organizationId}`} c="inherit" size="sm">
              <LocalizedText text={r.name} />
            </Anchor>
            {r.lead && responsible.filter((o) => o.side === r.side).length > 1 && (
              <Text span size="xs" c="dimmed">
                {" "}
                ({t("commitment.lead")})
              </Text>
            )}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
