import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import {
  DOCUMENT_KINDS,
  type Document,
  type DocumentKind,
  type DocumentMetadata,
  documentUploadSchema,
  MAX_DOCUMENT_FILE_BYTES,
  takesSigningDate,
} from "../../shared/api/documents.ts";
import type { SessionSummary } from "../../shared/api/sessions.ts";
import { api, documentFileUrl } from "../api.ts";
import { countryName, formatDate, formatNumber, sessionTitle } from "../format.ts";
import { optional, textOf, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { keys } from "../queries.ts";
import { FormModal } from "./FormModal.tsx";
import {
  ApiFormElement,
  DateField,
  FormActions,
  FormFeedback,
  LocalizedInputs,
  PersonSelect,
  type TextValue,
} from "./form.tsx";
import { LocalizedText } from "./LocalizedText.tsx";

/** The signed documents of a session as the session record lists them (no file facts). */
export type DocumentLike = Pick<Document, "id" | "kind" | "title" | "signedOn" | "signatories"> &
  Partial<Pick<Document, "file" | "languages" | "source" | "sessionId">>;

export function fileSize(bytes: number, lang: "ru" | "en" | "az"): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), lang)} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, lang)} MB`;
}

export function DownloadLink({ document: doc }: { document: DocumentLike }) {
  const { t, lang } = useLang();
  if (!doc.file) return null;
  return (
    <Anchor href={documentFileUrl(doc.id)} download={doc.file.name} size="sm" data-testid="document-download">
      {t("documents.download")} ({doc.file.name}, {fileSize(doc.file.sizeBytes, lang)})
    </Anchor>
  );
}

export function DocumentCard({ document: doc, sessions }: { document: DocumentLike; sessions?: SessionSummary[] }) {
  const { t, lang } = useLang();
  const session = sessions?.find((s) => s.id === doc.sessionId);
  return (
    <Card withBorder padding="sm" data-testid="document">
      <Group gap="xs" mb={4}>
        <Badge variant="light" radius="sm">
          {t(`documentKinds.${doc.kind}`)}
        </Badge>
        {doc.signedOn && (
          <Text size="xs" c="dimmed">
            {t("session.signedOn", { date: formatDate(doc.signedOn, lang) })}
          </Text>
        )}
        {doc.languages && doc.languages.length > 0 && (
          <Text size="xs" c="dimmed">
            {doc.languages.map((l) => l.toUpperCase()).join(", ")}
          </Text>
        )}
      </Group>
      <Anchor component={Link} to={`/documents/${doc.id}`} size="sm" fw={500} c="inherit">
        <LocalizedText text={doc.title} />
      </Anchor>
      {session && (
        <Text size="xs" c="dimmed">
          <Anchor component={Link} to={`/sessions/${session.id}`} size="xs">
            {sessionTitle(session.number, lang, t)}
          </Anchor>
        </Text>
      )}
      {doc.signatories.length > 0 && (
        <Stack gap={2} mt="xs">
          <Text size="xs" tt="uppercase" fw={600} c="dimmed">
            {t("session.signatories")}
          </Text>
          {doc.signatories.map((s) => (
            <Group key={`${s.side}-${s.personId}`} gap={6} wrap="nowrap">
              <Badge size="sm" variant="light" color="gray" radius="sm" style={{ flexShrink: 0 }}>
                {s.side}
              </Badge>
              <Anchor component={Link} to={`/people/${s.personId}`} size="sm" data-testid="signatory">
                <LocalizedText text={s.name} />
              </Anchor>
            </Group>
          ))}
        </Stack>
      )}
      {doc.file && (
        <Text mt={6}>
          <DownloadLink document={doc} />
        </Text>
      )}
    </Card>
  );
}

const UPLOAD_FIELDS = [
  "file",
  "metadata",
  "metadata.kind",
  "metadata.title",
  "metadata.title.*",
  "metadata.languages",
  "metadata.languages.*",
  "metadata.signedOn",
  "metadata.source",
  "metadata.sessionId",
  "metadata.signatories",
  "metadata.signatories.*",
  "signedOn",
  "sessionId",
  "signatories",
  "signatories.*",
] as const;

const LANGUAGE_SUGGESTIONS = ["ru", "en", "az", "ky", "kk", "uz", "tk", "tg", "tr"];

type Signatory = { personId: string; side: string; label: string };

/** Upload a document: the file (optional) and its metadata, sent as multipart with the metadata as JSON text. */
export function DocumentUploadForm({
  commissionId,
  countries,
  sessionId,
  sessions,
  onDone,
}: {
  commissionId: string;
  countries: readonly string[];
  sessionId?: string;
  sessions?: SessionSummary[];
  onDone: () => void;
}) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind>("protocol");
  const [title, setTitle] = useState<TextValue>({});
  const [languages, setLanguages] = useState<string[]>([lang]);
  const [signedOn, setSignedOn] = useState("");
  const [source, setSource] = useState("");
  const [session, setSession] = useState(sessionId ?? "");
  const [signatories, setSignatories] = useState<Signatory[]>([]);
  const [signatorySide, setSignatorySide] = useState(countries[0] ?? "");

  const form = useApiForm({
    schema: documentUploadSchema,
    fields: UPLOAD_FIELDS,
    send: async (input: { metadata: string; file?: File }) =>
      api.uploadDocument(JSON.parse(input.metadata) as DocumentMetadata, input.file ?? null),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.documents }),
        sessionId && queryClient.invalidateQueries({ queryKey: keys.session(sessionId) }),
      ]);
      onDone();
    },
  });
  const signed = takesSigningDate(kind);

  const submit = () => {
    const metadata = {
      commissionId,
      sessionId: session || undefined,
      kind,
      title: textOf(title),
      languages,
      signedOn: signed ? optional(signedOn) : undefined,
      source: optional(source),
      signatories: signed ? signatories.map(({ personId, side }) => ({ personId, side })) : [],
    };
    form.submit({ metadata: JSON.stringify(metadata), ...(file ? { file } : {}) });
  };

  const fieldError = (name: string) => form.errorUnder(`metadata.${name}`) ?? form.errorUnder(name);
  return (
    <ApiFormElement onSubmit={submit} testId="document-form">
      <FormFeedback form={form} />
      <FileInput
        label={t("documents.file")}
        description={t("documents.fileHint", { size: fileSize(MAX_DOCUMENT_FILE_BYTES, lang) })}
        placeholder={t("documents.chooseFile")}
        accept=".pdf,.docx,.xlsx,.txt,.html,application/pdf"
        clearable
        value={file}
        onChange={setFile}
        error={form.error("file")}
        data-testid="document-file"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t("documents.kind")}
          value={kind}
          onChange={(e) =>
            setKind((DOCUMENT_KINDS.find((k) => k === e.currentTarget.value) ?? "other") as DocumentKind)
          }
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKinds.${k}`) }))}
          error={fieldError("kind")}
        />
        {sessions && !sessionId ? (
          <NativeSelect
            label={t("session.commissionSession")}
            value={session}
            onChange={(e) => setSession(e.currentTarget.value)}
            data={[
              { value: "", label: t("form.none") },
              ...sessions.map((s) => ({ value: s.id, label: sessionTitle(s.number, lang, t) })),
            ]}
            error={fieldError("sessionId")}
          />
        ) : (
          <TagsInput
            label={t("documents.languages")}
            description={t("documents.languagesHint")}
            value={languages}
            onChange={setLanguages}
            data={LANGUAGE_SUGGESTIONS}
            error={fieldError("languages")}
          />
        )}
      </SimpleGrid>
      {sessions && !sessionId && (
        <TagsInput
          label={t("documents.languages")}
          description={t("documents.languagesHint")}
          value={languages}
          onChange={setLanguages}
          data={LANGUAGE_SUGGESTIONS}
          error={fieldError("languages")}
        />
      )}
      <LocalizedInputs
        label={t("documents.title")}
        value={title}
        onChange={setTitle}
        form={{ error: (...paths) => form.error(...paths.map((p) => `metadata.${p}`)) }}
        path="title"
        required
      />
      {signed && (
        <>
          <DateField
            label={t("documents.signedOn")}
            value={signedOn}
            onChange={setSignedOn}
            error={fieldError("signedOn")}
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t("session.signatories")}
            </Text>
            {signatories.map((s, i) => (
              <Group key={s.personId} gap={6} wrap="nowrap">
                <Badge size="sm" variant="light" color="gray" radius="sm">
                  {s.side}
                </Badge>
                <Text size="sm" style={{ flex: 1 }}>
                  {s.label}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t("form.removeNamed", { name: s.label })}
                  onClick={() => setSignatories(signatories.filter((_, j) => j !== i))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group gap="xs" align="flex-end" grow preventGrowOverflow={false}>
              <NativeSelect
                label={t("commission.side")}
                value={signatorySide}
                onChange={(e) => setSignatorySide(e.currentTarget.value)}
                data={countries.map((c) => ({ value: c, label: countryName(c, lang) }))}
                style={{ maxWidth: 160 }}
              />
              <PersonSelect
                label={t("documents.addSignatory")}
                value={null}
                onChange={(option) => {
                  if (!option || signatories.some((s) => s.personId === option.id)) return;
                  setSignatories([...signatories, { personId: option.id, side: signatorySide, label: option.label }]);
                }}
              />
            </Group>
            {fieldError("signatories") && (
              <Text size="xs" c="red">
                {fieldError("signatories")}
              </Text>
            )}
          </Stack>
        </>
      )}
      <TextInput
        label={t("documents.source")}
        description={t("documents.sourceHint")}
        value={source}
        onChange={(e) => setSource(e.currentTarget.value)}
        error={fieldError("source")}
      />
      <FormActions pending={form.pending} onCancel={onDone} submit={t("documents.upload")} />
    </ApiFormElement>
  );
}

/** A button that opens the upload form in a dialog. */
export function UploadDocumentButton(props: Omit<Parameters<typeof DocumentUploadForm>[0], "onDone">) {
  const { t } = useLang();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)} data-testid="upload-document">
        {t("documents.upload")}
      </Button>
      <UploadModal opened={opened} onClose={() => setOpened(false)} {...props} />
    </>
  );
}

function UploadModal({
  opened,
  onClose,
  ...props
}: { opened: boolean; onClose: () => void } & Omit<Parameters<typeof DocumentUploadForm>[0], "onDone">) {
  const { t } = useLang();
  return (
    <FormModal opened={opened} onClose={onClose} title={t("documents.upload")}>
      <DocumentUploadForm {...props} onDone={onClose} />
    </FormModal>
  );
}
