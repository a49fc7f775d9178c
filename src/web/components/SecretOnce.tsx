import { Alert, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { type ReactNode, useRef, useState } from "react";
import { useLang } from "../hooks.ts";

/** Copies the text; where the clipboard API is not allowed (plain http), selects it for Ctrl+C instead. */
async function copy(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    input?.focus();
    input?.select();
    return false;
  }
}

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
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "selected" | null>(null);
  return (
    <Alert color="green" variant="light" title={title} data-testid={testId} role="status">
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="center">
          <TextInput
            ref={input}
            readOnly
            value={secret}
            aria-label={title}
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1, minWidth: 0 }}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            data-testid="secret-value"
          />
          <Button
            onClick={() => void copy(secret, input.current).then((ok) => setCopied(ok ? "yes" : "selected"))}
            data-testid="secret-copy"
          >
            {copied === "yes" ? t("secret.copied") : t("secret.copy")}
          </Button>
        </Group>
        {copied === "selected" && (
          <Text size="xs" c="dimmed">
            {t("secret.pressCtrlC")}
          </Text>
        )}
        <Text size="sm">{advice}</Text>
        {children}
        <Button variant="default" onClick={onDone} style={{ alignSelf: "flex-start" }} data-testid="secret-done">
          {doneLabel}
        </Button>
      </Stack>
    </Alert>
  );
}
