import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { CarryOverDecision, CarryOverProposal, CarryOverResult } from "../../shared/api/monitoring.ts";
import { ApiError, api } from "../api.ts";
import { formatDeadline, sectorName, sessionTitle } from "../format.ts";
import { useLang } from "../hooks.ts";
import { keys, useCarryOver } from "../queries.ts";
import { LocalizedText } from "./LocalizedText.tsx";
import { errorMessage, QueryState } from "./QueryState.tsx";
import { Responsible } from "./Responsible.tsx";
import { Section } from "./Section.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

type Choice = "carry" | "drop" | "later";
type Decision = { choice: Choice; reason: string };

/**
 * The N → N+1 loop for a session being prepared: the unfinished items of earlier sessions are proposed for its
 * agenda; the secretariat carries most over (new items linked to the originals), drops some with a reason and
 * may leave others for later. One request decides them all.
 */
export function CarryOver({ sessionId }: { sessionId: string }) {
  const { t } = useLang();
  const query = useCarryOver(sessionId);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<CarryOverResult | null>(null);
  return (
    <Section title={t("carryOver.title")} testId="carry-over">
      <Text size="sm" c="dimmed">
        {t("carryOver.hint")}
      </Text>
      {result && (
        <Alert color="green" role="status" data-testid="carry-over-done">
          {t("carryOver.done", { carried: result.carried.length, dropped: result.dropped.length })}
        </Alert>
      )}
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed" size="sm" data-testid="carry-over-none">
              {t("carryOver.none")}
            </Text>
          ) : (
            <>
              <Group gap="sm">
                <Text fw={600} data-testid="carry-over-count">
                  {t("carryOver.count", { count: data.items.length })}
                </Text>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setOpen((o) => !o)}
                  aria-expanded={open}
                  data-testid="carry-over-review"
                >
                  {open ? t("carryOver.hide") : t("carryOver.review")}
                </Button>
              </Group>
              {open && (
                <CarryOverForm
                  sessionId={sessionId}
                  proposals={data.items}
                  onDone={(r) => {
                    setResult(r);
                    setOpen(false);
                  }}
                />
              )}
            </>
          )
        }
      </QueryState>
    </Section>
  );
}

function CarryOverForm({
  sessionId,
  proposals,
  onDone,
}: {
  sessionId: string;
  proposals: CarryOverProposal[];
  onDone: (result: CarryOverResult) => void;
}) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [decisions, setDecisions] = useState<Record<string, Decision>>(() =>
    Object.fromEntries(proposals.map((p) => [p.id, { choice: "carry", reason: "" }])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const decisionOf = (id: string): Decision => decisions[id] ?? { choice: "later", reason: "" };
  const set = (id: string, patch: Partial<Decision>) =>
    setDecisions((all) => ({ ...all, [id]: { ...decisionOf(id), ...patch } }));

  const accept = proposals.filter((p) => decisionOf(p.id).choice === "carry").map((p) => p.id);
  const drop = proposals
    .filter((p) => decisionOf(p.id).choice === "drop")
    .map((p) => ({ commitmentId: p.id, reason: decisionOf(p.id).reason.trim() }));

  const mutation = useMutation({
    mutationFn: (input: CarryOverDecision) => api.decideCarryOver(sessionId, input),
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.monitoring }),
        queryClient.invalidateQueries({ queryKey: keys.commitments }),
        queryClient.invalidateQueries({ queryKey: keys.session(sessionId) }),
        queryClient.invalidateQueries({ queryKey: ["commitment"] }),
      ]);
      onDone(result);
    },
    onError: async (error) => {
      // The server names a dropped item's reason by its place in `drop` ("drop.2.reason").
      const issues = error instanceof ApiError ? error.fieldIssues() : {};
      const byItem: Record<string, string> = {};
      for (const [path, message] of Object.entries(issues)) {
        const m = /^drop\.(\d+)/.exec(path);
        const item = m ? drop[Number(m[1])] : undefined;
        if (item) byItem[item.commitmentId] = message;
      }
      setErrors(byItem);
      setFailure(errorMessage(error));
      if (error instanceof ApiError && error.status === 409) {
        await queryClient.invalidateQueries({ queryKey: keys.carryOver(sessionId) });
      }
    },
  });

  const submit = () => {
    setFailure(null);
    const missing: Record<string, string> = {};
    for (const d of drop) if (!d.reason) missing[d.commitmentId] = t("carryOver.reasonRequired");
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    if (accept.length + drop.length === 0) {
      setFailure(t("carryOver.nothingChosen"));
      return;
    }
    mutation.mutate({ accept, drop });
  };

  return (
    <Stack gap="sm" data-testid="carry-over-form">
      <Group gap="sm">
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() =>
            setDecisions(Object.fromEntries(proposals.map((p) => [p.id, { choice: "carry", reason: "" }])))
          }
        >
          {t("carryOver.selectAll")}
        </Button>
      </Group>
      {proposals.map((p) => (
        <ProposalItem
          key={p.id}
          proposal={p}
          decision={decisionOf(p.id)}
          error={errors[p.id]}
          onChange={(patch) => set(p.id, patch)}
        />
      ))}
      {failure && (
        <Alert color="red" role="alert" title={t("carryOver.failed")} data-testid="carry-over-error">
          {failure}
        </Alert>
      )}
      <Button
        onClick={submit}
        loading={mutation.isPending}
        style={{ alignSelf: "flex-start" }}
        data-testid="carry-over-submit"
      >
        {t("carryOver.submit", { carry: accept.length, drop: drop.length })}
      </Button>
    </Stack>
  );
}

function ProposalItem({
  proposal: p,
  decision,
  error,
  onChange,
}: {
  proposal: CarryOverProposal;
  decision: Decision;
  error?: string;
  onChange: (patch: Partial<Decision>) => void;
}) {
  const { t, lang } = useLang();
  return (
    <Paper withBorder p="sm" data-testid="carry-over-item" data-choice={decision.choice}>
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t("carryOver.fromSession", {
              session: sessionTitle(p.sessionNumber, lang, t),
              item: p.itemNumber ?? "·",
            })}{" "}
            · {sectorName(p.sector, lang)} · {t("deadline.label")}: {formatDeadline(p.deadline, lang, t)}
          </Text>
          <StatusBadge status={p.status} overdue={p.late} />
          <Text size="xs" fw={600}>
            {p.progress}%
          </Text>
        </Group>
        <Anchor component={Link} to={`/commitments/${p.id}`} size="sm" c="inherit" style={{ overflowWrap: "anywhere" }}>
          <LocalizedText text={p.text} />
        </Anchor>
        <Responsible responsible={p.responsible} />
        <SegmentedControl
          size="xs"
          value={decision.choice}
          onChange={(value) => onChange({ choice: value as Choice })}
          data={[
            { value: "carry", label: t("carryOver.carry") },
            { value: "drop", label: t("carryOver.drop") },
            { value: "later", label: t("carryOver.later") },
          ]}
          style={{ alignSelf: "flex-start", maxWidth: "100%" }}
          data-testid="carry-over-choice"
        />
        {decision.choice === "drop" && (
          <Textarea
            label={t("carryOver.reason")}
            required
            autosize
            minRows={2}
            value={decision.reason}
            onChange={(e) => onChange({ reason: e.currentTarget.value })}
            error={error}
            data-testid="carry-over-reason"
          />
        )}
      </Stack>
    </Paper>
  );
}
