import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useRef, useState } from "react";

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

/** A read-only value with a copy button, for a secret shown once (a feed URL, a password, a token). */
export function CopyField({
  value,
  label,
  hideLabel = false,
  monospace = false,
  words,
  testIds,
}: {
  value: string;
  label: string;
  hideLabel?: boolean;
  monospace?: boolean;
  words: { copy: string; copied: string; pressCtrlC: string };
  testIds: { value: string; copy: string };
}) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "selected" | null>(null);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" align={hideLabel ? "center" : "flex-end"}>
        <TextInput
          ref={input}
          readOnly
          value={value}
          {...(hideLabel ? { "aria-label": label } : { label })}
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1, minWidth: 0 }}
          styles={monospace ? { input: { fontFamily: "var(--mantine-font-family-monospace)" } } : undefined}
          data-testid={testIds.value}
        />
        <Button
          onClick={() => void copy(value, input.current).then((ok) => setCopied(ok ? "yes" : "selected"))}
          data-testid={testIds.copy}
        >
          {copied === "yes" ? words.copied : words.copy}
        </Button>
      </Group>
      {copied === "selected" && (
        <Text size="xs" c="dimmed">
          {words.pressCtrlC}
        </Text>
      )}
    </Stack>
  );
}
