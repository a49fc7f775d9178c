import { Anchor, FileInput, Group, Stack, Text } from "@mantine/core";
import type { EvidenceFile } from "../../shared/api/commitments.ts";
import { MAX_EVIDENCE_FILES } from "../../shared/api/commitments.ts";
import { evidenceFileUrl } from "../api.ts";
import { useLang } from "../hooks.ts";
import { EVIDENCE_ACCEPT, type EvidenceProblem, evidenceProblem, formatBytes } from "../monitoring.ts";

/** The message for a problem found before sending (the server says the same in its own words). */
export function useEvidenceMessage(): (problem: EvidenceProblem) => string {
  const { t } = useLang();
  return (problem) => {
    switch (problem.kind) {
      case "tooMany":
        return t("report.tooMany", { max: problem.max });
      case "tooLarge":
        return t("report.tooLarge", { name: problem.name });
      case "empty":
        return t("report.empty", { name: problem.name });
      case "badType":
        return t("report.badType", { name: problem.name });
    }
  };
}

/** Checks the chosen files against the server's limits; the message, or undefined when they may go. */
export function useEvidenceCheck(): (files: readonly File[]) => string | undefined {
  const message = useEvidenceMessage();
  return (files) => {
    const problem = evidenceProblem(files);
    return problem ? message(problem) : undefined;
  };
}

/** Up to five evidence files (PDF, DOCX, XLSX, PNG, JPEG, text), checked as they are chosen. */
export function EvidenceInput({
  value,
  onChange,
  error,
}: {
  value: File[];
  onChange: (files: File[]) => void;
  error?: string;
}) {
  const { t } = useLang();
  return (
    <FileInput
      multiple
      clearable
      label={t("report.evidence")}
      description={t("report.evidenceHint", { max: MAX_EVIDENCE_FILES })}
      placeholder={t("report.chooseFiles")}
      accept={EVIDENCE_ACCEPT}
      value={value}
      onChange={(files) => onChange(files ?? [])}
      error={error}
      data-testid="evidence-input"
    />
  );
}

/** The evidence of one history entry: each file a download link with its size. */
export function EvidenceLinks({ files }: { files: EvidenceFile[] }) {
  const { t, lang } = useLang();
  if (files.length === 0) return null;
  return (
    <Stack gap={2} mt={6} data-testid="evidence-files">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {t("history.files")}
      </Text>
      {files.map((f) => (
        <Group key={f.id} gap={6} wrap="nowrap">
          <FileIcon />
          <Anchor
            href={evidenceFileUrl(f.id)}
            size="sm"
            download={f.fileName}
            style={{ overflowWrap: "anywhere", minWidth: 0 }}
            data-testid="evidence-link"
            aria-label={t("history.download", { name: f.fileName, size: formatBytes(f.sizeBytes, lang) })}
          >
            {f.fileName}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            {formatBytes(f.sizeBytes, lang)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function FileIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" aria-hidden="true" style={{ flexShrink: 0 }}>
      <path d="M6 2h8l6 6v14H6z" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      <path d="M14 2v6h6" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}
