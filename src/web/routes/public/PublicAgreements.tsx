import { Alert, Badge, Card, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { PublicAgreement, PublicSession } from "../../../shared/api/publication.ts";
import { LoadMore } from "../../components/LoadMore.tsx";
import { LocalizedText } from "../../components/LocalizedText.tsx";
import { errorMessage } from "../../components/QueryState.tsx";
import { Section } from "../../components/Section.tsx";
import { ProgressBar, StatusBadge } from "../../components/StatusBadge.tsx";
import { formatDeadline, sectorName, sessionTitle } from "../../format.ts";
import { useLang } from "../../hooks.ts";
import { usePublicAgreements } from "./public-queries.ts";

/** The published agreements in protocol order, of all sessions or one; progress beside each when published. */
export function PublicAgreements({ commissionId, sessions }: { commissionId: string; sessions: PublicSession[] }) {
  const { t, lang } = useLang();
  const [sessionId, setSessionId] = useState<string | undefined>(undefined);
  const query = usePublicAgreements(commissionId, sessionId);
  const agreements = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section title={t("publicView.agreements")} testId="public-agreements">
      {sessions.length > 1 && (
        <NativeSelect
          label={t("publicView.filterBySession")}
          value={sessionId ?? ""}
          onChange={(e) => setSessionId(e.currentTarget.value || undefined)}
          data={[
            { value: "", label: t("publicView.allSessions") },
            ...sessions.map((s) => ({ value: s.id, label: sessionTitle(s.number, lang, t) })),
          ]}
          style={{ maxWidth: 320 }}
          data-testid="public-session-filter"
        />
      )}
      {query.isError && (
        <Alert color="red" role="alert">
          {errorMessage(query.error)}
        </Alert>
      )}
      {query.isSuccess && agreements.length === 0 && <Text c="dimmed">{t("publicView.noAgreements")}</Text>}
      <Stack gap="xs">
        {agreements.map((a) => (
          <AgreementCard key={a.id} agreement={a} />
        ))}
      </Stack>
      <LoadMore query={query} label={t("publicView.showMore")} testId="public-more-agreements" align="flex-start" />
    </Section>
  );
}

function AgreementCard({ agreement }: { agreement: PublicAgreement }) {
  const { t, lang } = useLang();
  return (
    <Card withBorder padding="sm" data-testid="public-agreement">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          {agreement.itemNumber && (
            <Badge variant="outline" color="gray" radius="sm" data-testid="public-item-number">
              {agreement.itemNumber}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {sessionTitle(agreement.session.number, lang, t)} · {sectorName(agreement.sector, lang)}
          </Text>
        </Group>
        <Text style={{ overflowWrap: "anywhere" }} data-testid="public-agreement-text">
          <LocalizedText text={agreement.text} />
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            {t("publicView.deadline")}:{" "}
          </Text>
          {formatDeadline(agreement.deadline, lang, t)}
        </Text>
        {agreement.responsible.length > 0 && (
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            <Text span c="dimmed">
              {t("publicView.responsible")}:{" "}
            </Text>
            {agreement.responsible.map((r, i) => (
              <span key={`${r.side}-${JSON.stringify(r.name)}`}>
                {i > 0 && "; "}
                <LocalizedText text={r.name} /> ({r.side})
              </span>
            ))}
          </Text>
        )}
        {agreement.progress && (
          <Stack gap={4} data-testid="public-agreement-progress">
            <StatusBadge status={agreement.progress.status} overdue={agreement.progress.late} />
            <ProgressBar
              value={agreement.progress.percent}
              status={agreement.progress.status}
              overdue={agreement.progress.late}
            />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
