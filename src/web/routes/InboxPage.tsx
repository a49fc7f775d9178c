import { Anchor, Badge, Button, Checkbox, Group, Paper, Spoiler, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { Notification } from "../../shared/api/notifications.ts";
import { api } from "../api.ts";
import { LocalizedText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ErrorAlert, QueryState } from "../components/QueryState.tsx";
import { Section } from "../components/Section.tsx";
import { formatDateTime } from "../format.ts";
import { useLang } from "../hooks.ts";
import { listHref } from "../monitoring.ts";
import { keys, useInbox, useMyFocalPoints } from "../queries.ts";
import { useMe } from "../session.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The signed-in person's messages — reminders, digests, status changes — found by their account's e-mail address.
 * An administrator may open another person's inbox (the form, or `?email=`).
 */
export function InboxPage() {
  const { t } = useLang();
  useDocumentTitle(t("inbox.title"));
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get("email")?.trim().toLowerCase() ?? "";
  const current = me?.isAdministrator && EMAIL.test(fromUrl) ? fromUrl : (me?.email ?? "");
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <PageTitle>{t("inbox.title")}</PageTitle>
        <Text c="dimmed" maw={720}>
          {t("inbox.intro")}
        </Text>
      </Stack>
      {me?.isAdministrator && (
        <IdentityForm
          email={current}
          onSave={(value) =>
            setParams(value ? new URLSearchParams({ email: value }) : new URLSearchParams(), { replace: true })
          }
        />
      )}
      {current && <MyFocalPoints email={current} />}
      {current && <Messages email={current} />}
    </Stack>
  );
}

function IdentityForm({ email, onSave }: { email: string; onSave: (email: string) => void }) {
  const { t } = useLang();
  const [value, setValue] = useState(email);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(email), [email]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = value.trim().toLowerCase();
    if (!EMAIL.test(address)) {
      setError(t("inbox.invalidEmail"));
      return;
    }
    setError(null);
    onSave(address);
  };
  return (
    <Paper withBorder p="md" className="igc-no-print">
      <form onSubmit={submit} noValidate data-testid="identity-form">
        <Stack gap="sm">
          <TextInput
            type="email"
            label={t("inbox.email")}
            placeholder="name@example.org"
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={error}
            autoComplete="email"
            maw={420}
            data-testid="identity-email"
          />
          <Group gap="sm">
            <Button type="submit">{t("inbox.save")}</Button>
            {email && (
              <Button
                variant="subtle"
                color="gray"
                onClick={() => {
                  setValue("");
                  onSave("");
                }}
              >
                {t("inbox.forget")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The organisations this address is a focal point of, with the way to their items, nearest deadline first. */
function MyFocalPoints({ email }: { email: string }) {
  const { t } = useLang();
  const query = useMyFocalPoints(email);
  if (!query.data) return null;
  const active = query.data.items.filter((f) => f.active);
  if (active.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="not-focal-point">
        {t("inbox.notFocalPoint")}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="my-focal-points">
      {active.map((f) => (
        <Paper key={f.id} withBorder p="sm">
          <Text size="sm" fw={600}>
            {t("inbox.focalPointOf")}{" "}
            <Anchor component={Link} to={`/organizations/${f.organizationId}`} size="sm" fw={600}>
              <LocalizedText text={f.organizationName} />
            </Anchor>
          </Text>
          <Group gap="md" mt={4} wrap="wrap">
            <Anchor
              component={Link}
              to={listHref({ organizationId: f.organizationId, sort: "deadline" })}
              size="sm"
              data-testid="my-organization-items"
            >
              {t("inbox.organizationItems")}
            </Anchor>
            <Anchor component={Link} to={listHref({ focalPointId: f.id, sort: "deadline" })} size="sm">
              {t("inbox.assignedItems")}
            </Anchor>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function Messages({ email }: { email: string }) {
  const { t } = useLang();
  const query = useInbox(email);
  const [unreadOnly, setUnreadOnly] = useState(false);
  return (
    <Section
      title={t("inbox.messages")}
      testId="inbox"
      action={
        query.data && query.data.unreadCount > 0 ? (
          <Badge color="red" variant="filled" data-testid="inbox-unread">
            {t("inbox.unread", { count: query.data.unreadCount })}
          </Badge>
        ) : undefined
      }
    >
      <Checkbox
        label={t("inbox.unreadOnly")}
        checked={unreadOnly}
        onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
        className="igc-no-print"
      />
      <QueryState query={query}>
        {(data) => {
          const items = unreadOnly ? data.items.filter((n) => !n.readAt) : data.items;
          return items.length === 0 ? (
            <Text c="dimmed">{t("inbox.empty")}</Text>
          ) : (
            <Stack gap="xs">
              {items.map((n) => (
                <Message key={n.id} notification={n} email={email} />
              ))}
            </Stack>
          );
        }}
      </QueryState>
    </Section>
  );
}

const KIND_COLORS: Record<Notification["kind"], string> = {
  reminder_before: "yellow",
  reminder_due: "red",
  digest: "gray",
  status_change: "blue",
};

function Message({ notification: n, email }: { notification: Notification; email: string }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const read = useMutation({
    mutationFn: () => api.markNotificationRead(n.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.inbox(email) }),
  });
  const unread = n.readAt === null;
  return (
    <Paper
      withBorder
      p="sm"
      component="article"
      data-testid="message"
      data-unread={unread}
      style={unread ? { borderLeft: "4px solid var(--mantine-color-blue-6)" } : undefined}
    >
      <Group justify="space-between" gap="xs" wrap="wrap" mb={4}>
        <Group gap={6} wrap="wrap">
          <Badge size="sm" variant="light" color={KIND_COLORS[n.kind]} radius="sm">
            {t(`notificationKinds.${n.kind}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatDateTime(n.createdAt, lang)}
          </Text>
          {!unread && (
            <Text size="xs" c="dimmed">
              · {t("inbox.read")}
            </Text>
          )}
        </Group>
        {unread && (
          <Button
            size="compact-xs"
            variant="light"
            loading={read.isPending}
            onClick={() => read.mutate()}
            data-testid="mark-read"
          >
            {t("inbox.markRead")}
          </Button>
        )}
      </Group>
      <Text size="sm" fw={unread ? 700 : 500} style={{ overflowWrap: "anywhere" }} data-testid="message-subject">
        {n.subject}
      </Text>
      <Spoiler maxHeight={64} showLabel="…" hideLabel="↑" mt={4}>
        <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {n.body}
        </Text>
      </Spoiler>
      {read.isError && <ErrorAlert error={read.error} />}
      {n.commitmentId && (
        <Anchor
          component={Link}
          to={`/commitments/${n.commitmentId}`}
          size="sm"
          mt={4}
          display="inline-block"
          onClick={() => {
            if (unread) read.mutate();
          }}
          data-testid="message-link"
        >
          {t("inbox.open")}
        </Anchor>
      )}
      {!n.commitmentId && n.link && n.link.startsWith("/") && (
        <Anchor component={Link} to={n.link} size="sm" mt={4} display="inline-block">
          {n.link}
        </Anchor>
      )}
    </Paper>
  );
}
