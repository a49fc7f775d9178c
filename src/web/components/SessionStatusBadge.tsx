import { Badge } from "@mantine/core";
import type { SessionSummary } from "../../shared/api/sessions.ts";
import { useLang } from "../hooks.ts";

const COLORS: Record<SessionSummary["status"], string> = { planned: "gray", dates_agreed: "yellow", held: "teal" };

export function SessionStatusBadge({ status }: { status: SessionSummary["status"] }) {
  const { t } = useLang();
  return (
    <Badge color={COLORS[status]} variant="light" radius="sm">
      {t(`sessionStatus.${status}`)}
    </Badge>
  );
}
