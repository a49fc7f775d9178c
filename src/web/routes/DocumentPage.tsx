import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import type { Document } from "../../shared/api/documents.ts";
import { DownloadLink, fileSize } from "../components/Documents.tsx";
import { LocalizedText, usePlainText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { formatDate, formatDateTime, sessionTitle } from "../format.ts";
import { useLang } from "../hooks.ts";
import { useCommission, useDocument } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

export function DocumentPage() {
  const { id } = useParams();
  const query = useDocument(id);
  const plain = usePlainText();
  useDocumentTitle(query.data ? plain(query.data.title) : undefined);
  return <QueryState query={query}>{(doc) => <DocumentView document={doc} />}</QueryState>;
}

function DocumentView({ document: doc }: { document: Document }) {
  const { t, lang } = useLang();
  const commission = useCommission(doc.commissionId);
  const session = commission.data?.sessions.find((s) => s.id === doc.sessionId);
  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          {commission.data && (
            <Anchor component={Link} to={`/commissions/${doc.commissionId}`} size="sm">
              <LocalizedText text={commission.data.shortName ?? commission.data.name} />
            </Anchor>
          )}
          {session && (
            <>
              <Text size="sm" c="dimmed">
                /
              </Text>
              <Anchor component={Link} to={`/sessions/${session.id}`} size="sm">
                {sessionTitle(session.number, lang, t)}
              </Anchor>
            </>
          )}
        </Group>
        <Group gap="xs">
          <Badge variant="light" radius="sm">
            {t(`documentKinds.${doc.kind}`)}
          </Badge>
        </Group>
        <PageTitle>
          <LocalizedText text={doc.title} />
        </PageTitle>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <Fact label={t("documents.languages")}>{doc.languages.map((l) => l.toUpperCase()).join(", ") || "—"}</Fact>
        <Fact label={t("documents.signedOn")}>{doc.signedOn ? formatDate(doc.signedOn, lang) : "—"}</Fact>
        <Fact label={t("documents.source")}>{doc.source ?? "—"}</Fact>
        <Fact label={t("documents.file")}>
          {doc.file ? (
            <Stack gap={2}>
              <DownloadLink document={doc} />
              <Text size="xs" c="dimmed">
                {doc.file.mediaType} · {fileSize(doc.file.sizeBytes, lang)}
              </Text>
            </Stack>
          ) : (
            t("documents.noFile")
          )}
        </Fact>
        <Fact label={t("documents.added")}>{formatDateTime(doc.createdAt, lang)}</Fact>
        <Fact label={t("session.signatories")}>
          {doc.signatories.length === 0 ? (
            "—"
          ) : (
            <Stack gap={2}>
              {doc.signatories.map((s) => (
                <Group key={s.personId} gap={6} wrap="nowrap">
                  <Badge size="sm" variant="light" color="gray" radius="sm">
                    {s.side}
                  </Badge>
                  <Anchor component={Link} to={`/people/${s.personId}`} size="sm">
                    <LocalizedText text={s.name} />
                  </Anchor>
                </Group>
              ))}
            </Stack>
          )}
        </Fact>
      </SimpleGrid>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb={2}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </Paper>
  );
}
