import { Badge, Group, Progress, Text } from "@mantine/core";
import type { CommitmentStatus } from "../../shared/deadline.ts";
import { useLang } from "../hooks.ts";

const STATUS_COLORS: Record<CommitmentStatus, string> = {
  not_started: "gray",
  in_progress: "blue",
  done: "green",
  dropped: "dark",
};

/** The commitment's status, and a red "late" beside it when the server says it is overdue. */
export function StatusBadge({ status, overdue }: { status: CommitmentStatus; overdue: boolean }) {
  const { t } = useLang();
  return (
    <Group gap={4} wrap="wrap" data-testid="status">
      <Badge color={STATUS_COLORS[status]} variant={status === "not_started" ? "outline" : "light"} radius="sm">
        {t(`status.${status}`)}
      </Badge>
      {overdue && (
        <Badge color="red" variant="filled" radius="sm" data-testid="late">
          {t("status.late")}
        </Badge>
      )}
    </Group>
  );
}

export function ProgressBar({ value, status, overdue }: { value: number; status: CommitmentStatus; overdue: boolean }) {
  const { t } = useLang();
  const color = overdue ? "red" : status === "done" ? "green" : status === "dropped" ? "gray" : "blue";
  return (
    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
      <Progress
        value={value}
        color={color}
        size="md"
        radius="xl"
        style={{ flex: 1, minWidth: 60 }}
        aria-label={t("commitment.progress")}
      />
      <Text size="sm" fw={600} w={42} ta="right" data-testid="progress-value">
        {value}%
      </Text>
    </Group>
  );
}
