import { Alert, Button, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useLang } from "../hooks.ts";
import { CopyField } from "./CopyField.tsx";

/**
 * A secret the server shows once (a one-time password, an API token): in a read-only field with a copy button,
 * with what to do with it. It stays until the person says they have it; nothing keeps it after that.
 */
export function SecretOnce({
  title,
  secret,
  advice,
  doneLabel,
  onDone,
  testId,
  children,
}: {
  title: string;
  secret: string;
  advice: string;
  doneLabel: string;
  onDone: () => void;
  testId?: string;
  children?: ReactNode;
}) {
  const { t } = useLang();
  return (
    <Alert color="green" variant="light" title={title} data-testid={testId} role="status">
      <Stack gap="xs">
        <CopyField
          value={secret}
          label={title}
          hideLabel
          monospace
          words={{ copy: t("secret.copy"), copied: t("secret.copied"), pressCtrlC: t("secret.pressCtrlC") }}
          testIds={{ value: "secret-value", copy: "secret-copy" }}
        />
        <Text size="sm">{advice}</Text>
        {children}
        <Button variant="default" onClick={onDone} style={{ alignSelf: "flex-start" }} data-testid="secret-done">
          {doneLabel}
        </Button>
      </Stack>
    </Alert>
  );
}
