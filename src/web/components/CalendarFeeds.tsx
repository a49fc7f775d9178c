import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CalendarFeed } from "../../shared/api/exports.ts";
import { LANGUAGES, type Language } from "../../shared/i18n-text.ts";
import { documentsApi, type FeedScope } from "../documents-api.ts";
import { formatDateTime } from "../format.ts";
import { useLang } from "../hooks.ts";
import { CopyField } from "./CopyField.tsx";
import { ErrorAlert, errorMessage } from "./QueryState.tsx";
import { Section } from "./Section.tsx";

const feedsKey = (scope: FeedScope, id: string) => ["calendar-feeds", scope, id] as const;

/** The calendar application's own link: webcal:// opens the subscribe dialog of Outlook or Apple Calendar. */
function webcalOf(url: string): string {
  return url.replace(/^https?:\/\//, "webcal://");
}

function NewFeed({ feed, onDismiss }: { feed: CalendarFeed; onDismiss: () => void }) {
  const { t } = useLang();
  return (
    <Alert color="green" title={t("calendarFeeds.created")} data-testid="new-feed" withCloseButton onClose={onDismiss}>
      <Stack gap="xs">
        <Text size="sm">{t("calendarFeeds.shownOnce")}</Text>
        <CopyField
          value={feed.url}
          label={t("calendarFeeds.url")}
          words={{
            copy: t("calendarFeeds.copy"),
            copied: t("calendarFeeds.copied"),
            pressCtrlC: t("calendarFeeds.pressCtrlC"),
          }}
          testIds={{ value: "feed-url", copy: "copy-feed-url" }}
        />
        <Text size="sm" fw={600}>
          {t("calendarFeeds.howTo")}
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>{t("calendarFeeds.outlook")}</List.Item>
          <List.Item>{t("calendarFeeds.google")}</List.Item>
          <List.Item>
            {t("calendarFeeds.apple")}{" "}
            <Anchor href={webcalOf(feed.url)} size="sm">
              {t("calendarFeeds.openInApp")}
            </Anchor>
          </List.Item>
        </List>
        <Text size="xs" c="dimmed">
          {t("calendarFeeds.tentativeHint")}
        </Text>
      </Stack>
    </Alert>
  );
}

/**
 * Calendar subscriptions of a commission or an organisation (issue 6): sessions (tentative while the dates are
 * agreed through diplomatic channels) and deadlines, at a secret URL that is shown once, listed and revocable.
 */
export function CalendarFeeds({ scope, id }: { scope: FeedScope; id: string }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [feedLang, setFeedLang] = useState<Language>(lang);
  const [created, setCreated] = useState<CalendarFeed | null>(null);
  const feeds = useQuery({ queryKey: feedsKey(scope, id), queryFn: () => documentsApi.listCalendarFeeds(scope, id) });
  const create = useMutation({
    mutationFn: () => documentsApi.createCalendarFeed(scope, id, feedLang),
    onSuccess: async (feed) => {
      setCreated(feed);
      await queryClient.invalidateQueries({ queryKey: feedsKey(scope, id) });
    },
  });
  const revoke = useMutation({
    mutationFn: (feedId: string) => documentsApi.revokeCalendarFeed(feedId),
    onSuccess: async (_result, feedId) => {
      if (created?.id === feedId) setCreated(null);
      await queryClient.invalidateQueries({ queryKey: feedsKey(scope, id) });
    },
  });
  const live = feeds.data?.items.filter((f) => !f.revokedAt) ?? [];
  const revoked = feeds.data?.items.filter((f) => f.revokedAt) ?? [];

  return (
    <Section title={t("calendarFeeds.title")} testId="calendar-feeds">
      <Text size="sm" c="dimmed">
        {scope === "commissions" ? t("calendarFeeds.introCommission") : t("calendarFeeds.introOrganization")}
      </Text>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          size="sm"
          label={t("calendarFeeds.language")}
          value={feedLang}
          onChange={(e) => setFeedLang(LANGUAGES.find((l) => l === e.currentTarget.value) ?? feedLang)}
          data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
        <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="create-feed">
          {t("calendarFeeds.create")}
        </Button>
      </Group>
      {create.isError && (
        <Alert color="red" role="alert">
          {errorMessage(create.error)}
        </Alert>
      )}
      {created && <NewFeed feed={created} onDismiss={() => setCreated(null)} />}
      {feeds.isError && <ErrorAlert error={feeds.error} onRetry={() => void feeds.refetch()} />}
      {revoke.isError && (
        <Alert color="red" role="alert">
          {errorMessage(revoke.error)}
        </Alert>
      )}
      {feeds.data && live.length === 0 && !created && (
        <Text size="sm" c="dimmed">
          {t("calendarFeeds.none")}
        </Text>
      )}
      {live.length > 0 && (
        <Stack gap={6} data-testid="feed-list">
          {live.map((feed) => (
            <Paper key={feed.id} withBorder p="xs" data-testid="feed">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {t("calendarFeeds.createdOn", { date: formatDateTime(feed.createdAt, lang) })}
                  {created?.id === feed.id && (
                    <Badge ml={6} size="xs" color="green" variant="light">
                      {t("calendarFeeds.new")}
                    </Badge>
                  )}
                </Text>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  loading={revoke.isPending && revoke.variables === feed.id}
                  onClick={() => {
                    if (window.confirm(t("calendarFeeds.revokeConfirm"))) revoke.mutate(feed.id);
                  }}
                  data-testid="revoke-feed"
                >
                  {t("calendarFeeds.revoke")}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {revoked.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="revoked-count">
          {t("calendarFeeds.revokedCount", { count: revoked.length })}
        </Text>
      )}
    </Section>
  );
}
