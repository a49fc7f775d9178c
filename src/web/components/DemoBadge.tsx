import { Badge, Tooltip } from "@mantine/core";
import { useLang } from "../hooks.ts";

export function DemoBadge() {
  const { t } = useLang();
  return (
    <Tooltip label={t("app.demoHint")} withArrow>
      <Badge color="orange" variant="light" radius="sm" data-testid="demo-badge">
        {t("app.demo")}
      </Badge>
    </Tooltip>
  );
}
