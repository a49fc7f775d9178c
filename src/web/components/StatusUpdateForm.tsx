import {
  Alert,
  Button,
  NativeSelect,
  NumberInput,
  Radio,
  Slider,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { Commitment, CreateStatusUpdateInput } from "../../shared/api/commitments.ts";
import type { CommitmentStatus } from "../../shared/deadline.ts";
import { ApiError, api } from "../api.ts";
import { countryName } from "../format.ts";
import { useLang } from "../hooks.ts";
import { savedName, saveName } from "../identity.ts";
import { keys } from "../queries.ts";
import { EvidenceInput, useEvidenceCheck } from "./EvidenceUpload.tsx";
import { errorMessage } from "./QueryState.tsx";

const STATUSES: readonly CommitmentStatus[] = ["not_started", "in_progress", "done", "dropped"];
/** The value of the "who reports" choice for the secretariat's own update of the overall status. */
const SECRETARIAT = "secretariat";

type Outcome = { kind: "posted" } | { kind: "conflict" } | { kind: "failed"; message: string } | null;

/** What the person using the page may be: a focal point of one of the responsible organisations. */
export type Reporter = { name: string; organizationId: string; organizationName: string; side: string } | null;

/** After any change of a commitment: its page, the lists and every figure computed from it. */
export function refreshCommitment(queryClient: ReturnType<typeof useQueryClient>, c: Commitment) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.commitment(c.id) }),
    queryClient.invalidateQueries({ queryKey: keys.commitments }),
    queryClient.invalidateQueries({ queryKey: keys.commission(c.commissionId) }),
    queryClient.invalidateQueries({ queryKey: keys.monitoring }),
    queryClient.invalidateQueries({ queryKey: ["inbox"] }),
  ]);
}

/**
 * "Post an update": who reports (one side, or the secretariat for the overall status), what was done, status,
 * progress, evidence files and the author. Sends the version read, so that a stale write is refused (409).
 */
export function StatusUpdateForm({
  commitment,
  countries,
  reporter = null,
}: {
  commitment: Commitment;
  countries: string[];
  reporter?: Reporter;
}) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const checkEvidence = useEvidenceCheck();
  const [who, setWho] = useState<string>(reporter?.side ?? SECRETARIAT);
  const levelOf = (choice: string) =>
    commitment.sides.find((s) => s.side === choice && choice !== SECRETARIAT) ?? commitment;
  const [text, setText] = useState("");
  const [status, setStatus] = useState<CommitmentStatus>(levelOf(who).status);
  const [progress, setProgress] = useState<number>(levelOf(who).progress);
  const [files, setFiles] = useState<File[]>([]);
  const [author, setAuthor] = useState(() => savedName() || reporter?.name || "");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);

  // A focal point (found once their records arrive) reports for their own side; they may still choose otherwise.
  const reporterApplied = useRef<string | null>(null);
  const reporterKey = reporter ? `${reporter.organizationId}:${reporter.side}` : null;
  useEffect(() => {
    if (!reporter || reporterApplied.current === reporterKey) return;
    reporterApplied.current = reporterKey;
    setWho(reporter.side);
    setAuthor((current) => current || reporter.name);
  }, [reporter, reporterKey]);

  // Start from the level of whoever reports: that side's last report, or the overall status (also after a reload).
  const level = levelOf(who);
  useEffect(() => {
    setStatus(level.status);
    setProgress(level.progress);
  }, [level.status, level.progress]);

  const mutation = useMutation({
    mutationFn: (input: CreateStatusUpdateInput) =>
      files.length > 0
        ? api.postStatusUpdateWithEvidence(commitment.id, input, files)
        : api.postStatusUpdate(commitment.id, input),
    onSuccess: async () => {
      setText("");
      setFiles([]);
      setFieldErrors({});
      setOutcome({ kind: "posted" });
      saveName(author);
      await refreshCommitment(queryClient, commitment);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setOutcome({ kind: "conflict" });
        await refreshCommitment(queryClient, commitment);
        return;
      }
      const issues = error instanceof ApiError ? error.fieldIssues() : {};
      // Multipart errors name the metadata's fields under "metadata." and each file as "files.N".
      const byField: Record<string, string> = {};
      for (const [path, message] of Object.entries(issues)) {
        const field = path.replace(/^metadata\./, "");
        byField[field.startsWith("files") ? "files" : field] = message;
      }
      setFieldErrors(byField);
      setOutcome({ kind: "failed", message: errorMessage(error) });
    },
  });

  const onStatusChange = (value: string) => {
    const next = STATUSES.find((s) => s === value) ?? status;
    setStatus(next);
    // A status carries its progress: done is 100, not started is 0 (the server holds the same rule).
    if (next === "done") setProgress(100);
    else if (next === "not_started") setProgress(0);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    const errors: Record<string, string> = {};
    if (!text.trim()) errors.text = t("updateForm.textRequired");
    const filesError = checkEvidence(files);
    if (filesError) errors.files = filesError;
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    mutation.mutate({
      text: text.trim(),
      status,
      progress,
      side: who === SECRETARIAT ? undefined : who,
      authorName: author.trim() || undefined,
      version: commitment.version,
    });
  };

  const progressFixed = status === "done" || status === "not_started";

  return (
    <form onSubmit={submit} noValidate aria-labelledby="update-form-title" data-testid="update-form">
      <Stack gap="sm">
        {outcome?.kind === "posted" && (
          <Alert color="green" role="status" data-testid="update-posted">
            {t("updateForm.posted")}
          </Alert>
        )}
        {outcome?.kind === "conflict" && (
          <Alert color="orange" role="alert" data-testid="update-conflict">
            {t("updateForm.conflict")}
          </Alert>
        )}
        {outcome?.kind === "failed" && (
          <Alert color="red" role="alert" title={t("updateForm.failed")} data-testid="update-error">
            {outcome.message}
          </Alert>
        )}
        {reporter && (
          <Text size="sm" c="dimmed" data-testid="reporter">
            {t("report.youAre", { organization: reporter.organizationName })}
          </Text>
        )}
        <Radio.Group
          label={t("report.who")}
          value={who}
          onChange={setWho}
          description={who === SECRETARIAT ? t("report.secretariatHint") : t("report.sideHint")}
          error={fieldErrors.side}
          data-testid="who-reports"
        >
          <Stack gap={6} mt={6}>
            {countries.map((code) => (
              <Radio
                key={code}
                value={code}
                label={t("report.sideOption", { code, country: countryName(code, lang) })}
              />
            ))}
            <Radio value={SECRETARIAT} label={t("report.secretariat")} />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t("updateForm.text")}
          placeholder={t("updateForm.textPlaceholder")}
          required
          autosize
          minRows={3}
          maxRows={12}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldErrors.text}
        />
        <NativeSelect
          label={t("updateForm.status")}
          value={status}
          onChange={(e) => onStatusChange(e.currentTarget.value)}
          data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          error={fieldErrors.status}
        />
        <div>
          <NumberInput
            label={t("updateForm.progress")}
            min={0}
            max={100}
            step={5}
            clampBehavior="strict"
            allowDecimal={false}
            allowNegative={false}
            value={progress}
            disabled={progressFixed}
            onChange={(value) => setProgress(typeof value === "number" ? value : Number(value) || 0)}
            error={fieldErrors.progress}
          />
          <Slider
            mt="xs"
            min={0}
            max={100}
            step={5}
            value={progress}
            disabled={progressFixed}
            onChange={setProgress}
            label={(v) => `${v}%`}
            aria-label={t("updateForm.progress")}
          />
        </div>
        <EvidenceInput
          value={files}
          onChange={(chosen) => {
            setFiles(chosen);
            const problem = checkEvidence(chosen);
            setFieldErrors(({ files: _, ...rest }) => (problem ? { ...rest, files: problem } : rest));
          }}
          error={fieldErrors.files}
        />
        <TextInput
          label={t("updateForm.author")}
          placeholder={t("updateForm.authorPlaceholder")}
          value={author}
          onChange={(e) => setAuthor(e.currentTarget.value)}
          error={fieldErrors.authorName}
          maxLength={200}
        />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
          {t("updateForm.submit")}
        </Button>
      </Stack>
    </form>
  );
}
