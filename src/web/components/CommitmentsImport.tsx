import { Alert, Anchor, Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useSearchParams } from "react-router";
import type { ImportIssue, ImportResult } from "../../shared/api/exports.ts";
import type { SessionDetail } from "../../shared/api/sessions.ts";
import { pickText } from "../../shared/i18n-text.ts";
import { ApiError } from "../api.ts";
import { commitmentExportUrl, documentsApi } from "../documents-api.ts";
import { useLang } from "../hooks.ts";
import { keys, useSessionCommitments } from "../queries.ts";
import { FormModal } from "./FormModal.tsx";
import { errorMessage } from "./QueryState.tsx";

/** The session page's filters (status, with "late" for overdue, and sector) as the export's query. */
function exportFilters(sessionId: string, params: URLSearchParams): Record<string, string | undefined> {
  const status = params.get("status") || undefined;
  return {
    sessionId,
    status: status && status !== "late" ? status : undefined,
    overdue: status === "late" ? "true" : undefined,
    sector: params.get("sector") || undefined,
  };
}

/**
 * Beside a session's agreements: the list as filtered on screen as CSV or XLSX, and an import of the same columns
 * back (issue 6): a dry run first shows each row's errors or changes, and only a confirmed import writes.
 */
export function CommitmentSheets({ session }: { session: SessionDetail }) {
  const { t, lang } = useLang();
  const [params] = useSearchParams();
  const [importing, dialog] = useDisclosure(false);
  const filters = exportFilters(session.id, params);
  return (
    <Group gap={6} wrap="wrap" data-testid="commitment-sheets">
      <Text size="sm" c="dimmed">
        {t("commitmentSheets.export")}:
      </Text>
      <Anchor href={commitmentExportUrl(filters, "xlsx", lang)} download size="sm" data-testid="session-export-xlsx">
        XLSX
      </Anchor>
      <Anchor href={commitmentExportUrl(filters, "csv", lang)} download size="sm" data-testid="session-export-csv">
        CSV
      </Anchor>
      <Button size="compact-sm" variant="subtle" onClick={dialog.open} data-testid="import-commitments">
        {t("commitmentSheets.import")}
      </Button>
      <FormModal opened={importing} onClose={dialog.close} title={t("commitmentSheets.importTitle")} size="xl">
        <CommitmentsImport session={session} onDone={dialog.close} />
      </FormModal>
    </Group>
  );
}

type Step =
  | { kind: "choose" }
  | { kind: "checking"; file: File }
  | { kind: "rejected"; file: File; message: string; issues: ImportIssue[] }
  | { kind: "preview"; file: File; result: ImportResult }
  | { kind: "writing"; file: File; result: ImportResult }
  | { kind: "written"; result: ImportResult };

function issuesOf(error: unknown): ImportIssue[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { issues?: unknown } | undefined;
  if (!Array.isArray(details?.issues)) return [];
  return details.issues.flatMap((issue): ImportIssue[] => {
    if (!issue || typeof issue !== "object" || !("row" in issue) || !("message" in issue)) return [];
    return [
      {
        row: Number(issue.row),
        column: "column" in issue && typeof issue.column === "string" ? issue.column : "",
        message: String(issue.message),
      },
    ];
  });
}

export function CommitmentsImport({ session, onDone }: { session: SessionDetail; onDone: () => void }) {
  const { t, lang } = useLang();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const commitments = useSessionCommitments(session.id);
  const byId = new Map((commitments.data ?? []).map((c) => [c.id, c]));

  const run = async (file: File, dryRun: boolean, previous?: ImportResult) => {
    setStep(dryRun ? { kind: "checking", file } : { kind: "writing", file, result: previous as ImportResult });
    try {
      const result = await documentsApi.importCommitments(session.id, file, dryRun, lang);
      if (dryRun) setStep({ kind: "preview", file, result });
      else {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: keys.commitments }),
          queryClient.invalidateQueries({ queryKey: keys.session(session.id) }),
          queryClient.invalidateQueries({ queryKey: keys.monitoring }),
        ]);
        setStep({ kind: "written", result });
      }
    } catch (error) {
      setStep({ kind: "rejected", file, message: errorMessage(error), issues: issuesOf(error) });
    }
  };

  const chooser = (
    <>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="commitments-file"
        aria-label={t("commitmentSheets.chooseFile")}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void run(file, true);
        }}
      />
      <Button variant={step.kind === "choose" ? "filled" : "default"} onClick={() => input.current?.click()}>
        {step.kind === "choose" ? t("commitmentSheets.chooseFile") : t("commitmentSheets.chooseAnother")}
      </Button>
    </>
  );

  const changed =
    step.kind === "preview" || step.kind === "writing" ? step.result.rows.filter((r) => r.action !== "unchanged") : [];

  return (
    <Stack gap="md" data-testid="commitments-import">
      <Text size="sm">{t("commitmentSheets.intro")}</Text>
      {step.kind === "choose" && <Group>{chooser}</Group>}
      {step.kind === "checking" && (
        <Text size="sm" role="status" aria-busy="true">
          {t("commitmentSheets.checking", { name: step.file.name })}
        </Text>
      )}
      {step.kind === "rejected" && (
        <Stack gap="sm" data-testid="import-rejected">
          <Alert color="red" title={t("commitmentSheets.rejected", { name: step.file.name })} role="alert">
            {step.issues.length === 0 ? step.message : t("commitmentSheets.rejectedText")}
          </Alert>
          {step.issues.length > 0 && (
            <ScrollArea.Autosize mah={360}>
              <Table withTableBorder striped data-testid="row-errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("commitmentSheets.row")}</Table.Th>
                    <Table.Th>{t("commitmentSheets.column")}</Table.Th>
                    <Table.Th>{t("commitmentSheets.message")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {step.issues.map((issue) => (
                    <Table.Tr key={`${issue.row}:${issue.column}:${issue.message}`} data-testid="row-error">
                      <Table.Td>{issue.row}</Table.Td>
                      <Table.Td>{issue.column}</Table.Td>
                      <Table.Td style={{ overflowWrap: "anywhere" }}>{issue.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
          <Group>{chooser}</Group>
        </Stack>
      )}
      {(step.kind === "preview" || step.kind === "writing") && (
        <Stack gap="sm" data-testid="import-preview">
          <Text size="sm" fw={600} data-testid="import-preview-summary">
            {t("commitmentSheets.summary", step.result.summary)}
          </Text>
          {changed.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("commitmentSheets.nothingChanges")}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={360}>
              <Table withTableBorder striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("commitmentSheets.row")}</Table.Th>
                    <Table.Th>{t("commitmentSheets.item")}</Table.Th>
                    <Table.Th>{t("commitmentSheets.action")}</Table.Th>
                    <Table.Th>{t("commitmentSheets.changes")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {changed.map((row) => {
                    const c = row.id ? byId.get(row.id) : undefined;
                    return (
                      <Table.Tr key={row.row} data-testid="row-change">
                        <Table.Td>{row.row}</Table.Td>
                        <Table.Td style={{ maxWidth: 260 }}>
                          <Text size="sm" lineClamp={2}>
                            {c ? `${c.itemNumber ?? ""} ${pickText(c.text, lang)?.value ?? ""}`.trim() : "—"}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={row.action === "create" ? "green" : "blue"} radius="sm">
                            {t(`commitmentSheets.action_${row.action}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{row.changes.join(", ")}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
          <Group gap="sm">
            <Button
              disabled={changed.length === 0}
              loading={step.kind === "writing"}
              onClick={() => void run(step.file, false, step.result)}
              data-testid="confirm-import"
            >
              {t("commitmentSheets.confirm", { count: changed.length })}
            </Button>
            {chooser}
          </Group>
        </Stack>
      )}
      {step.kind === "written" && (
        <Paper withBorder p="md" data-testid="import-written">
          <Stack gap="sm">
            <Alert color="green" role="status" title={t("commitmentSheets.written")}>
              {t("commitmentSheets.summary", step.result.summary)}
            </Alert>
            <Group>
              <Button onClick={onDone}>{t("form.close")}</Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
