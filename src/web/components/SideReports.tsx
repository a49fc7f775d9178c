import { Badge, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { Commitment } from "../../shared/api/commitments.ts";
import { countryName, formatDate, formatDateTime } from "../format.ts";
import { useLang } from "../hooks.ts";
import { ProgressBar, StatusBadge } from "./StatusBadge.tsx";

/** The "awaiting confirmation" mark: a side has reported since the secretariat last signed off. */
export function AwaitingBadge() {
  const { t } = useLang();
  return (
    <Badge color="orange" variant="light" radius="sm" data-testid="awaiting-confirmation">
      {t("sides.awaiting")}
    </Badge>
  );
}

/** Each side's own report (status, progress, when) beside the overall status the secretariat confirmed. */
export function SideReports({ commitment: c }: { commitment: Commitment }) {
  const { t, lang } = useLang();
  return (
    <SimpleGrid cols={{ base: 1, sm: Math.min(3, c.sides.length + 1) }} spacing="sm" data-testid="side-reports">
      {c.sides.map((s) => (
        <Card key={s.side} withBorder padding="sm" data-testid="side-report" data-side={s.side}>
          <Group gap={6} mb={6} wrap="wrap">
            <Badge size="sm" variant="filled" color="gray" radius="sm">
              {s.side}
            </Badge>
            <Text size="sm" fw={600}>
              {t("sides.sideOf", { country: countryName(s.side, lang) })}
            </Text>
            {c.leadSide === s.side && (
              <Text size="xs" c="dimmed">
                ({t("sides.leadSide")})
              </Text>
            )}
          </Group>
          <Stack gap={6}>
            <StatusBadge status={s.status} overdue={false} />
            <ProgressBar value={s.progress} status={s.status} overdue={false} />
            <Text size="xs" c="dimmed" data-testid="side-reported">
              {s.updatedAt
                ? t("sides.reportedOn", { date: formatDateTime(s.updatedAt, lang) })
                : t("sides.notReported")}
            </Text>
          </Stack>
        </Card>
      ))}
      <Card
        withBorder
        padding="sm"
        data-testid="overall-status"
        style={c.awaitingConfirmation ? { borderColor: "var(--mantine-color-orange-5)" } : undefined}
      >
        <Text size="sm" fw={600} mb={6}>
          {t("sides.overall")}
        </Text>
        <Stack gap={6}>
          <Group gap={6} wrap="wrap">
            <StatusBadge status={c.status} overdue={c.overdue} />
            {c.awaitingConfirmation && <AwaitingBadge />}
          </Group>
          <ProgressBar value={c.progress} status={c.status} overdue={c.overdue} />
          <Text size="xs" c="dimmed">
            {c.confirmedAt
              ? t("sides.confirmedOn", {
                  date: formatDate(c.confirmedAt, lang),
                  who: c.confirmedBy ?? "—",
                })
              : t("sides.neverConfirmed")}
          </Text>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
