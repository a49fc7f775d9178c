import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Table, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { Commitment, ConfirmCommitmentInput, StatusUpdateResult } from "../../shared/api/commitments.ts";
import type { CommitmentStatus } from "../../shared/deadline.ts";
import { proposeOverall } from "../../shared/side-reports.ts";
import { ApiError, api } from "../api.ts";
import { countryName } from "../format.ts";
import { useLang } from "../hooks.ts";
import { errorMessage } from "./QueryState.tsx";
import { refreshCommitment } from "./StatusUpdateForm.tsx";

const STATUSES: readonly CommitmentStatus[] = ["not_started", "in_progress", "done", "dropped"];

type Outcome =
  | { kind: "confirmed"; status: CommitmentStatus; progress: number }
  | { kind: "conflict" }
  | { kind: "failed"; message: string }
  | null;

/** What the sides' reports propose as the overall status: the same rule the server confirms by. */
export function proposalOf(c: Commitment): { status: CommitmentStatus; progress: number } {
  return proposeOverall(
    c.sides.map((s) => s.side),
    c.sides.filter((s) => s.updatedAt !== null),
  );
}

/**
 * The secretariat's joint sign-off: shows each side's report and the proposal drawn from them; the secretariat
 * confirms it or a status and progress of its own, with a note. Sends the version read (409 → say so, reload).
 */
export function ConfirmForm({ commitment: c }: { commitment: Commitment }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const proposal = proposalOf(c);
  const [adjust, setAdjust] = useState(false);
  const [status, setStatus] = useState<CommitmentStatus>(proposal.status);
  const [progress, setProgress] = useState<number>(proposal.progress);
  const [text, setText] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);

  const mutation = useMutation({
    mutationFn: (input: ConfirmCommitmentInput) => api.confirmCommitment(c.id, input),
    onSuccess: async (result: StatusUpdateResult) => {
      setText("");
      setAdjust(false);
      setFieldErrors({});
      setOutcome({ kind: "confirmed", status: result.commitment.status, progress: result.commitment.progress });
      await refreshCommitment(queryClient, c);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setOutcome({ kind: "conflict" });
        await refreshCommitment(queryClient, c);
        return;
      }
      setFieldErrors(error instanceof ApiError ? error.fieldIssues() : {});
      setOutcome({ kind: "failed", message: errorMessage(error) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    setFieldErrors({});
    const note = text.trim();
    mutation.mutate({
      version: c.version,
      ...(adjust ? { status, progress: status === "done" || status === "not_started" ? undefined : progress } : {}),
      ...(note ? { text: note } : {}),
    });
  };

  const onStatusChange = (value: string) => {
    const next = STATUSES.find((s) => s === value) ?? status;
    setStatus(next);
    if (next === "done") setProgress(100);
    else if (next === "not_started") setProgress(0);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="confirm-form-title" data-testid="confirm-form">
      <Stack gap="sm">
        {outcome?.kind === "confirmed" && (
          <Alert color="green" role="status" data-testid="confirmed">
            {t("confirm.done", { status: t(`status.${outcome.status}`), progress: outcome.progress })}
          </Alert>
        )}
        {outcome?.kind === "conflict" && (
          <Alert color="orange" role="alert" data-testid="confirm-conflict">
            {t("confirm.conflict")}
          </Alert>
        )}
        {outcome?.kind === "failed" && (
          <Alert color="red" role="alert" title={t("confirm.failed")} data-testid="confirm-error">
            {outcome.message}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t("confirm.hint")} {c.awaitingConfirmation ? t("confirm.awaiting") : t("confirm.nothingNew")}
        </Text>
        <Table withTableBorder fz="sm" verticalSpacing={4} data-testid="confirm-proposal">
          <Table.Tbody>
            {c.sides.map((s) => (
              <Table.Tr key={s.side}>
                <Table.Td>{t("sides.sideOf", { country: countryName(s.side, lang) })}</Table.Td>
                <Table.Td>
                  {s.updatedAt ? `${t(`status.${s.status}`)}, ${s.progress}%` : t("sides.notReported")}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={600}>{t("confirm.proposal")}</Table.Td>
              <Table.Td fw={600} data-testid="proposal-value">
                {t(`status.${proposal.status}`)}, {proposal.progress}%
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">{t("confirm.current")}</Table.Td>
              <Table.Td c="dimmed">
                {t(`status.${c.status}`)}, {c.progress}%
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Checkbox
          label={t("confirm.adjust")}
          checked={adjust}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setAdjust(checked);
            if (checked) {
              setStatus(proposal.status);
              setProgress(proposal.progress);
            }
          }}
          data-testid="confirm-adjust"
        />
        {adjust && (
          <Group grow align="flex-start" gap="sm">
            <NativeSelect
              label={t("confirm.status")}
              value={status}
              onChange={(e) => onStatusChange(e.currentTarget.value)}
              data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              error={fieldErrors.status}
            />
            <NumberInput
              label={t("confirm.progress")}
              min={0}
              max={100}
              step={5}
              clampBehavior="strict"
              allowDecimal={false}
              allowNegative={false}
              value={progress}
              disabled={status === "done" || status === "not_started"}
              onChange={(value) => setProgress(typeof value === "number" ? value : Number(value) || 0)}
              error={fieldErrors.progress}
            />
          </Group>
        )}
        <Textarea
          label={t("confirm.text")}
          description={t("confirm.textHint")}
          autosize
          minRows={2}
          maxRows={8}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldErrors.text}
        />
        <Button type="submit" color="teal" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
          {t("confirm.submit")}
        </Button>
      </Stack>
    </form>
  );
}
