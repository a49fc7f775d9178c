import { Group, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled block of a page (h2), with an optional action (a button that opens a form) beside the title. */
export function Section({
  title,
  children,
  testId,
  action,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  action?: ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" data-testid={testId}>
      {action ? (
        <Group justify="space-between" align="center" gap="xs">
          <Title order={2} size="h3">
            {title}
          </Title>
          {action}
        </Group>
      ) : (
        <Title order={2} size="h3">
          {title}
        </Title>
      )}
      {children}
    </Stack>
  );
}
