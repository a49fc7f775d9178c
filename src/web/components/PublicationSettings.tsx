import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Switch, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { PublicationSettings as Settings } from "../../shared/api/publication.ts";
import { ApiError } from "../api.ts";
import { useLang } from "../hooks.ts";
import { publicationApi, publicCommissionPath } from "../publication-api.ts";
import { LocalizedText } from "./LocalizedText.tsx";
import { ErrorAlert, errorMessage, QueryState } from "./QueryState.tsx";
import { Section } from "./Section.tsx";

const settingsKey = (commissionId: string) => ["publication", commissionId] as const;
type Switches = Pick<Settings, "published" | "sessions" | "agreements" | "progress">;
const PARTS = ["sessions", "agreements", "progress"] as const;

/** The secretariat's switches for the public view of one commission, and the agreements withheld from it. */
export function PublicationSettings({ commissionId }: { commissionId: string }) {
  const { t } = useLang();
  const query = useQuery({
    queryKey: settingsKey(commissionId),
    queryFn: () => publicationApi.getSettings(commissionId),
  });
  return (
    <Section title={t("publication.title")} testId="publication-settings">
      <Text size="sm" c="dimmed">
        {t("publication.intro")}
      </Text>
      <QueryState query={query}>{(settings) => <SettingsForm settings={settings} />}</QueryState>
    </Section>
  );
}

function switchesOf(settings: Settings): Switches {
  return {
    published: settings.published,
    sessions: settings.sessions,
    agreements: settings.agreements,
    progress: settings.progress,
  };
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [switches, setSwitches] = useState<Switches>(() => switchesOf(settings));
  const save = useMutation({
    mutationFn: () => publicationApi.updateSettings(settings.commissionId, { ...switches, version: settings.version }),
    onSuccess: (saved) => {
      setSwitches(switchesOf(saved));
      queryClient.setQueryData(settingsKey(settings.commissionId), saved);
    },
    // Someone else saved meanwhile: read their version, so that saving again is a decision taken knowingly.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: settingsKey(settings.commissionId) });
      }
    },
  });
  const release = useMutation({
    mutationFn: (commitmentId: string) => publicationApi.setWithheld(commitmentId, false),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKey(settings.commissionId) }),
  });
  const set = (name: keyof Switches, value: boolean) => setSwitches((s) => ({ ...s, [name]: value }));
  const saved = switchesOf(settings);
  const changed = (Object.keys(saved) as (keyof Switches)[]).some((k) => switches[k] !== saved[k]);

  return (
    <Stack gap="sm">
      <Switch
        checked={switches.published}
        onChange={(e) => set("published", e.currentTarget.checked)}
        label={t("publication.published")}
        data-testid="publication-published"
      />
      <Stack gap={6} pl="lg">
        {PARTS.map((part) => (
          <Checkbox
            key={part}
            checked={switches[part]}
            disabled={!switches.published}
            onChange={(e) => set(part, e.currentTarget.checked)}
            label={t(`publication.${part}`)}
            data-testid={`publication-${part}`}
          />
        ))}
      </Stack>
      <Group gap="sm">
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!changed}
          data-testid="publication-save"
        >
          {t("publication.save")}
        </Button>
        {save.isSuccess && !changed && (
          <Text size="sm" c="teal">
            {t("publication.saved")}
          </Text>
        )}
        {settings.published ? (
          <Anchor
            component={Link}
            to={publicCommissionPath(settings.commissionId)}
            size="sm"
            data-testid="publication-open"
          >
            {t("publication.openPublic")}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {t("publication.notPublished")}
          </Text>
        )}
      </Group>
      {save.isError && (
        <Alert color="red" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
      {settings.withheld.length > 0 && (
        <Stack gap={6} data-testid="publication-withheld">
          <Text size="sm" fw={600}>
            {t("publication.withheld", { count: settings.withheld.length })}
          </Text>
          {release.isError && <ErrorAlert error={release.error} />}
          {settings.withheld.map((w) => (
            <Paper key={w.commitmentId} withBorder px="sm" py={6}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                  {w.itemNumber ? `${w.itemNumber} · ` : ""}
                  <LocalizedText text={w.text} />
                </Text>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  loading={release.isPending && release.variables === w.commitmentId}
                  onClick={() => release.mutate(w.commitmentId)}
                >
                  {t("publication.showAgain")}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
