import { Group, Progress, Text } from "@mantine/core";
import { formatNumber } from "../format.ts";
import { useLang } from "../hooks.ts";

/** A rolled-up progress (of a programme or a measure) as a bar and a number; null means nothing to roll up yet. */
export function ProgressLine({ value, label }: { value: number | null; label: string }) {
  const { t, lang } = useLang();
  if (value === null) {
    return (
      <Text size="xs" c="dimmed">
        {t("programme.noProgress")}
      </Text>
    );
  }
  const rounded = Math.round(value * 10) / 10;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={value} size="md" radius="xl" style={{ flex: 1 }} aria-label={label} color="teal" />
      <Text size="sm" fw={600} w={52} ta="right" data-testid="progress-value">
        {formatNumber(rounded, lang)}%
      </Text>
    </Group>
  );
}
