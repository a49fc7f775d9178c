import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  List,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useInterval } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import {
  type AcceptImportInput,
  acceptImportSchema,
  type ExtractResult,
  IMPORTED_RECORDS,
  type ImportResult,
} from "../../shared/api/imports.ts";
import { ApiError } from "../api.ts";
import { DraftEditor, useFactLabel } from "../components/ImportReview.tsx";
import { usePlainText } from "../components/LocalizedText.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { SourceHighlights, useFactLinks } from "../components/SourceHighlights.tsx";
import { documentsApi, type ExtractProgress, type ExtractSource, extractDocument, isAbort } from "../documents-api.ts";
import { countryName } from "../format.ts";
import { check, type FieldErrors } from "../forms.ts";
import { useLang } from "../hooks.ts";
import {
  acceptedDraftOf,
  evidenceIndexOf,
  type ReviewDraft,
  reviewDraftOf,
  withoutFieldPrefix,
} from "../import-draft.ts";
import { useCommissions } from "../queries.ts";
import { useDocumentTitle } from "../useDocumentTitle.ts";

const ACCEPT =
  ".txt,.html,.htm,.docx,.pdf,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type Stage =
  | { kind: "choose" }
  | { kind: "reading"; name: string; progress: ExtractProgress; startedAt: number }
  | { kind: "review"; result: ExtractResult; name: string }
  | { kind: "done"; result: ImportResult };

/** The message of a failed request without the field name the server puts first ("file: The document is empty."). */
function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.details as { path?: unknown } | undefined;
    return withoutFieldPrefix(error.message, details?.path);
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Import (issue 5): a press release or protocol in, reviewed records out. The file or pasted text is read on the
 * server into a draft; the page shows the source with every fact highlighted beside the editable draft; accepting
 * creates or matches the commission, session, agreements, organisations and people.
 */
export function ImportPage() {
  const { t } = useLang();
  useDocumentTitle(t("importPage.title"));
  const [params] = useSearchParams();
  const [stage, setStage] = useState<Stage>({ kind: "choose" });
  const [failure, setFailure] = useState<string | null>(null);
  const [commissionId, setCommissionId] = useState(params.get("commission") ?? "");
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const read = (source: ExtractSource) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const name = source.kind === "file" ? source.file.name : source.name;
    setFailure(null);
    setStage({ kind: "reading", name, progress: { phase: "uploading", sent: 0 }, startedAt: Date.now() });
    extractDocument(
      source,
      (progress) =>
        setStage((current) =>
          current.kind === "reading" && !controller.signal.aborted ? { ...current, progress } : current,
        ),
      controller.signal,
    ).then(
      (result) => {
        if (!controller.signal.aborted) setStage({ kind: "review", result, name });
      },
      (error: unknown) => {
        if (isAbort(error) || controller.signal.aborted) return;
        setFailure(messageOf(error));
        setStage({ kind: "choose" });
      },
    );
  };

  const cancel = () => {
    abort.current?.abort();
    setStage({ kind: "choose" });
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>{t("importPage.title")}</PageTitle>
        <Text c="dimmed">{t("importPage.subtitle")}</Text>
      </Stack>
      {stage.kind === "choose" && <ChooseSource onRead={read} failure={failure} />}
      {stage.kind === "reading" && <Reading stage={stage} onCancel={cancel} />}
      {stage.kind === "review" && (
        <Review
          result={stage.result}
          name={stage.name}
          commissionId={commissionId}
          setCommissionId={setCommissionId}
          onAccepted={(result) => setStage({ kind: "done", result })}
          onStartOver={() => setStage({ kind: "choose" })}
        />
      )}
      {stage.kind === "done" && <Summary result={stage.result} onAnother={() => setStage({ kind: "choose" })} />}
    </Stack>
  );
}

function ChooseSource({ onRead, failure }: { onRead: (source: ExtractSource) => void; failure: string | null }) {
  const { t } = useLang();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [dragging, setDragging] = useState(false);
  const choose = (file: File | undefined) => {
    if (file) onRead({ kind: "file", file });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };
  return (
    <Stack gap="md">
      {failure && (
        <Alert color="red" title={t("importPage.notRead")} role="alert" data-testid="import-error">
          {failure}
        </Alert>
      )}
      <Tabs defaultValue="file" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="file" data-testid="tab-file">
            {t("importPage.uploadTab")}
          </Tabs.Tab>
          <Tabs.Tab value="text" data-testid="tab-text">
            {t("importPage.pasteTab")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="file" pt="md">
          <Paper
            withBorder
            p="xl"
            radius="md"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            style={{
              borderStyle: "dashed",
              borderWidth: 2,
              borderColor: dragging ? "var(--mantine-color-blue-5)" : undefined,
              background: dragging ? "var(--mantine-color-blue-0)" : undefined,
            }}
          >
            <Stack align="center" gap="sm">
              <Text fw={600} ta="center">
                {t("importPage.dropHere")}
              </Text>
              <Button onClick={() => input.current?.click()} data-testid="choose-file">
                {t("importPage.chooseFile")}
              </Button>
              <Text size="sm" c="dimmed" ta="center">
                {t("importPage.formats")}
              </Text>
              <input
                ref={input}
                type="file"
                accept={ACCEPT}
                hidden
                data-testid="import-file"
                aria-label={t("importPage.chooseFile")}
                onChange={(e) => {
                  choose(e.currentTarget.files?.[0]);
                  e.currentTarget.value = "";
                }}
              />
            </Stack>
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onRead({ kind: "text", text, name: "pasted-text.txt" });
            }}
          >
            <Stack gap="sm">
              <Textarea
                label={t("importPage.pasteLabel")}
                placeholder={t("importPage.pastePlaceholder")}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={8}
                maxRows={20}
                data-testid="import-text"
              />
              <Group>
                <Button type="submit" data-testid="read-text">
                  {t("importPage.readText")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Tabs.Panel>
      </Tabs>
      <List size="sm" c="dimmed" spacing={4}>
        <List.Item>{t("importPage.hintLanguages")}</List.Item>
        <List.Item>{t("importPage.hintNothingSaved")}</List.Item>
      </List>
    </Stack>
  );
}

function Reading({ stage, onCancel }: { stage: Extract<Stage, { kind: "reading" }>; onCancel: () => void }) {
  const { t } = useLang();
  const [now, setNow] = useState(Date.now());
  const tick = useInterval(() => setNow(Date.now()), 500);
  useEffect(() => {
    tick.start();
    return tick.stop;
  }, [tick]);
  const seconds = Math.max(0, Math.round((now - stage.startedAt) / 1000));
  const uploading = stage.progress.phase === "uploading";
  const percent = stage.progress.phase === "uploading" ? Math.round(stage.progress.sent * 100) : 100;
  return (
    <Paper withBorder p="lg" aria-busy="true" data-testid="import-progress">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={600} style={{ overflowWrap: "anywhere" }}>
            {stage.name}
          </Text>
          <Text size="sm" c="dimmed">
            {t("importPage.elapsed", { seconds })}
          </Text>
        </Group>
        <Progress
          value={percent}
          striped={!uploading}
          animated={!uploading}
          size="lg"
          aria-label={uploading ? t("importPage.sending") : t("importPage.reading")}
        />
        <Text size="sm" role="status">
          {uploading ? `${t("importPage.sending")} ${percent}%` : t("importPage.reading")}
        </Text>
        <Group>
          <Button variant="default" onClick={onCancel} data-testid="cancel-import">
            {t("importPage.cancel")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Review({
  result,
  name,
  commissionId,
  setCommissionId,
  onAccepted,
  onStartOver,
}: {
  result: ExtractResult;
  name: string;
  commissionId: string;
  setCommissionId: (id: string) => void;
  onAccepted: (result: ImportResult) => void;
  onStartOver: () => void;
}) {
  const { t, lang } = useLang();
  const plain = usePlainText();
  const queryClient = useQueryClient();
  const commissions = useCommissions();
  const [draft, setDraftState] = useState<ReviewDraft>(() => reviewDraftOf(result));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState<"check" | "accept" | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useFactLinks(root);

  // A rejected draft: bring the first field with a message into view (it may be the thirtieth agreement).
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const field = root.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.scrollIntoView({ block: "center", behavior: "smooth" });
    field?.focus({ preventScroll: true });
  }, [errors]);

  const evidence = useMemo(() => evidenceIndexOf(result.evidence, result.text.length), [result]);
  const setDraft = useCallback((update: (d: ReviewDraft) => ReviewDraft) => {
    setDraftState(update);
    setPreview(null);
  }, []);
  const present = useMemo(() => {
    const keys = new Set<string>();
    for (const list of [
      draft.co_chairs,
      draft.commitments,
      draft.organizations,
      draft.programmes,
      draft.figures,
      draft.documents_signed,
      draft.site_visits,
    ]) {
      for (const item of list) keys.add(item.key);
    }
    return keys;
  }, [draft]);
  const removed = useMemo(() => {
    const gone = new Set([...evidence.keys()].filter((fact) => /^[a-z_]+\.\d+$/.test(fact) && !present.has(fact)));
    if (!draft.next_session && evidence.has("next_session")) gone.add("next_session");
    if (!draft.commission && evidence.has("commission")) gone.add("commission");
    return gone;
  }, [evidence, present, draft.next_session, draft.commission]);
  const labelOf = useFactLabel();

  const chosen = commissions.data?.items.find((c) => c.id === commissionId);
  const draftCountries = draft.commission?.countries ?? [];
  const countriesDiffer =
    chosen && draftCountries.length === 2 && !draftCountries.every((code) => chosen.countries.includes(code));

  const send = async (dryRun: boolean) => {
    const input: AcceptImportInput = {
      draft: acceptedDraftOf(draft),
      source: { fileName: name, text: result.text },
      ...(commissionId ? { commissionId } : {}),
    };
    const issues = check(acceptImportSchema, input);
    if (issues) {
      setErrors(issues);
      setFailure(t("importPage.fixFields", { count: Object.keys(issues).length }));
      return;
    }
    setPending(dryRun ? "check" : "accept");
    setErrors({});
    setFailure(null);
    try {
      const answer = await documentsApi.acceptImport(input, dryRun);
      if (dryRun) setPreview(answer);
      else {
        await queryClient.invalidateQueries();
        onAccepted(answer);
      }
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldIssues() : {};
      setErrors(fields);
      setFailure(messageOf(error));
    } finally {
      setPending(null);
    }
  };

  const errorList = Object.entries(errors);
  return (
    <Stack gap="md" data-testid="import-review">
      <Group justify="space-between" gap="sm" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: "anywhere" }} data-testid="import-source-name">
            {name}
          </Text>
          <Group gap={6}>
            <Badge variant="light" radius="sm" data-testid="import-language">
              {t(`languages.${result.language}`)}
            </Badge>
            <Text size="sm" c="dimmed" data-testid="import-fact-count">
              {t("importPage.factsFound", { count: evidence.size })}
            </Text>
          </Group>
        </Stack>
        <Button variant="default" size="xs" onClick={onStartOver} data-testid="start-over">
          {t("importPage.startOver")}
        </Button>
      </Group>

      {result.warnings.length > 0 && (
        <Alert color="yellow" title={t("importPage.warnings")} data-testid="import-warnings">
          <List size="sm" spacing={2}>
            {result.warnings.map((w) => (
              <List.Item key={w.code} data-code={w.code}>
                {t(`importWarnings.${w.code}`, { defaultValue: w.message })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <div ref={root}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <div style={{ position: "sticky", top: 72 }}>
              <Title order={2} size="h4" mb={6}>
                {t("importPage.source")}
              </Title>
              <SourceHighlights
                text={result.text}
                evidence={evidence}
                labelOf={labelOf}
                removed={removed}
                language={result.language}
              />
              <Text size="xs" c="dimmed" mt={6}>
                {t("importPage.sourceHint")}
              </Text>
            </div>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Title order={2} size="h4" mb={6}>
              {t("importPage.draft")}
            </Title>
            <DraftEditor draft={draft} set={setDraft} evidence={evidence} errors={errors} />
          </Grid.Col>
        </Grid>
      </div>

      <Paper withBorder p="md" shadow="sm" data-testid="accept-bar">
        <Stack gap="sm">
          <NativeSelect
            label={t("importPage.into")}
            value={commissionId}
            onChange={(e) => {
              setCommissionId(e.currentTarget.value);
              setPreview(null);
            }}
            data={[
              { value: "", label: t("importPage.intoAuto") },
              ...(commissions.data?.items ?? []).map((c) => ({
                value: c.id,
                label: `${plain(c.shortName ?? c.name)} (${c.countries.join("–")})`,
              })),
            ]}
            data-testid="import-into"
            error={errors.commissionId}
          />
          {countriesDiffer && (
            <Text size="sm" c="orange.8">
              {t("importPage.countriesDiffer", {
                countries: draftCountries.map((c) => countryName(c, lang)).join(" – "),
              })}
            </Text>
          )}
          {failure && (
            <Alert color="red" title={t("importPage.notAccepted")} role="alert" data-testid="accept-error">
              <Stack gap={4}>
                <Text size="sm">{failure}</Text>
                {errorList.length > 0 && (
                  <List size="sm" spacing={2}>
                    {errorList.slice(0, 8).map(([path, message]) => (
                      <List.Item key={path}>
                        <Text span size="sm" fw={600}>
                          {labelOf(path.replace(/^draft\./, ""))}
                        </Text>
                        : {message}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            </Alert>
          )}
          {preview && <Counts result={preview} title={t("importPage.previewTitle")} testId="import-preview" />}
          <Group gap="sm">
            <Button
              onClick={() => void send(false)}
              loading={pending === "accept"}
              disabled={pending !== null}
              data-testid="accept-import"
            >
              {t("importPage.accept")}
            </Button>
            <Button
              variant="light"
              onClick={() => void send(true)}
              loading={pending === "check"}
              disabled={pending !== null}
              data-testid="check-import"
            >
              {t("importPage.check")}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** What an accept created, matched and skipped, as a table; the skipped facts with the server's reasons. */
function Counts({ result, title, testId }: { result: ImportResult; title: string; testId: string }) {
  const { t } = useLang();
  const labelOf = useFactLabel();
  const rows = IMPORTED_RECORDS.filter((r) => result.created[r] + result.matched[r] > 0);
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Table withTableBorder striped style={{ maxWidth: 480 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("importResult.record")}</Table.Th>
            <Table.Th ta="right">{t("importResult.created")}</Table.Th>
            <Table.Th ta="right">{t("importResult.matched")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((record) => (
            <Table.Tr key={record} data-record={record}>
              <Table.Td>{t(`importResult.${record}`)}</Table.Td>
              <Table.Td ta="right" data-testid="created-count">
                {result.created[record]}
              </Table.Td>
              <Table.Td ta="right" data-testid="matched-count">
                {result.matched[record]}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {result.skipped.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("importResult.skipped", { count: result.skipped.length })}
          </Text>
          <List size="sm" spacing={2} data-testid="skipped">
            {result.skipped.map((s) => (
              <List.Item key={`${s.fact}:${s.reason}`}>
                <Text span size="sm" fw={600}>
                  {labelOf(s.fact)}
                </Text>
                : {s.reason}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}

function Summary({ result, onAnother }: { result: ImportResult; onAnother: () => void }) {
  const { t } = useLang();
  return (
    <Paper withBorder p="lg" data-testid="import-summary">
      <Stack gap="md">
        <Alert color="green" title={t("importResult.done")} role="status">
          {t("importResult.doneText")}
        </Alert>
        <Counts result={result} title={t("importResult.title")} testId="import-counts" />
        <Group gap="sm">
          <Button component={Link} to={`/commissions/${result.commissionId}`} data-testid="open-commission">
            {t("importResult.openCommission")}
          </Button>
          {result.sessionId && (
            <Button component={Link} to={`/sessions/${result.sessionId}`} variant="light" data-testid="open-session">
              {t("importResult.openSession")}
            </Button>
          )}
          <Anchor component="button" type="button" onClick={onAnother} size="sm">
            {t("importResult.another")}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
