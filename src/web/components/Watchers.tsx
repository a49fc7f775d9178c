import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { addWatcherSchema, type WatcherList } from "../../shared/api/commitments.ts";
import { api } from "../api.ts";
import { optional, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys, useWatchers } from "../queries.ts";
import { ApiFormElement, FormFeedback } from "./form.tsx";
import { ErrorAlert, QueryState } from "./QueryState.tsx";
import { Section } from "./Section.tsx";

/** Who is told of every change of status or progress: the list, a remove button each, and an add form. */
export function Watchers({ commitmentId }: { commitmentId: string }) {
  const { t } = useLang();
  const query = useWatchers(commitmentId);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (email: string) => api.removeWatcher(commitmentId, email),
    onSuccess: (result: WatcherList) => queryClient.setQueryData(keys.watchers(commitmentId), result),
  });
  return (
    <Section title={t("watchers.title")} testId="watchers">
      <Text size="sm" c="dimmed">
        {t("watchers.hint")}
      </Text>
      {remove.isError && <ErrorAlert error={remove.error} />}
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("watchers.empty")}
            </Text>
          ) : (
            <Stack gap={6}>
              {data.items.map((w) => (
                <Paper key={w.email} withBorder px="sm" py={6} data-testid="watcher">
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                      {w.name ? `${w.name} · ` : ""}
                      {w.email}
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t("watchers.remove", { email: w.email })}
                      loading={remove.isPending && remove.variables === w.email}
                      onClick={() => remove.mutate(w.email)}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <WatcherForm commitmentId={commitmentId} />
    </Section>
  );
}

function WatcherForm({ commitmentId }: { commitmentId: string }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const form = useApiForm({
    schema: addWatcherSchema,
    fields: ["email", "name"],
    send: (input: { email: string; name?: string }) => api.addWatcher(commitmentId, input),
    onSuccess: (result: WatcherList) => {
      setEmail("");
      setName("");
      queryClient.setQueryData(keys.watchers(commitmentId), result);
    },
  });
  return (
    <ApiFormElement
      testId="watcher-form"
      label={t("watchers.add")}
      onSubmit={() => form.submit({ email: email.trim(), name: optional(name) })}
    >
      <FormFeedback form={form} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="email"
          label={t("watchers.email")}
          placeholder="name@example.org"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={form.error("email")}
          required
        />
        <TextInput
          label={t("watchers.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={form.error("name")}
          maxLength={200}
        />
      </SimpleGrid>
      <Button type="submit" variant="light" loading={form.pending} style={{ alignSelf: "flex-start" }}>
        {t("watchers.add")}
      </Button>
    </ApiFormElement>
  );
}
