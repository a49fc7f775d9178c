import { Alert, Button, NativeSelect, NumberInput, Slider, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import type { Commitment } from "../../shared/api/commitments.ts";
import type { CommitmentStatus } from "../../shared/deadline.ts";
import { ApiError, api } from "../api.ts";
import { countryName } from "../format.ts";
import { useLang } from "../hooks.ts";
import { keys } from "../queries.ts";
import { errorMessage } from "./QueryState.tsx";

const STATUSES: readonly CommitmentStatus[] = ["not_started", "in_progress", "done", "dropped"];
const AUTHOR_KEY = "igc-desk.author";

function savedAuthor(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? "";
  } catch {
    return "";
  }
}

function saveAuthor(name: string): void {
  try {
    localStorage.setItem(AUTHOR_KEY, name);
  } catch {
    // Storage disabled: the name is simply not remembered.
  }
}

type Outcome = { kind: "posted" } | { kind: "conflict" } | { kind: "failed"; message: string } | null;

/** "Post an update": text, status, progress, side and author; sends the version read so a stale write is refused. */
export function StatusUpdateForm({ commitment, countries }: { commitment: Commitment; countries: string[] }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [status, setStatus] = useState<CommitmentStatus>(commitment.status);
  const [progress, setProgress] = useState<number>(commitment.progress);
  const [side, setSide] = useState("");
  const [author, setAuthor] = useState(savedAuthor);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);

  // When the commitment is reloaded (after a post or a conflict), start from its current status and progress.
  useEffect(() => {
    setStatus(commitment.status);
    setProgress(commitment.progress);
  }, [commitment.status, commitment.progress]);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.commitment(commitment.id) }),
      queryClient.invalidateQueries({ queryKey: keys.sessionCommitments(commitment.sessionId) }),
      queryClient.invalidateQueries({ queryKey: keys.commission(commitment.commissionId) }),
    ]);

  const mutation = useMutation({
    mutationFn: () =>
      api.postStatusUpdate(commitment.id, {
        text: text.trim(),
        status,
        progress,
        side: side || undefined,
        authorName: author.trim() || undefined,
        version: commitment.version,
      }),
    onSuccess: async () => {
      setText("");
      setFieldErrors({});
      setOutcome({ kind: "posted" });
      if (author.trim()) saveAuthor(author.trim());
      await refresh();
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setOutcome({ kind: "conflict" });
        await refresh();
        return;
      }
      const issues = error instanceof ApiError ? error.fieldIssues() : {};
      setFieldErrors(issues);
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
    if (!text.trim()) {
      setFieldErrors({ text: t("updateForm.textRequired") });
      return;
    }
    setFieldErrors({});
    mutation.mutate();
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
        <NativeSelect
          label={t("updateForm.side")}
          value={side}
          onChange={(e) => setSide(e.currentTarget.value)}
          data={[
            { value: "", label: t("updateForm.noSide") },
            ...countries.map((c) => ({ value: c, label: `${countryName(c, lang)} (${c})` })),
          ]}
          error={fieldErrors.side}
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
