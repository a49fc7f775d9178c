import { type Kysely, sql } from "kysely";
import type {
  Commitment,
  ConfirmCommitmentInput,
  CreateStatusUpdateInput,
  StatusUpdate,
  StatusUpdateKind,
  StatusUpdateResult,
} from "../../../shared/api/commitments.ts";
import type { CommitmentStatus } from "../../../shared/deadline.ts";
import { applyStatusChange, type StatusChangeInput } from "../../../shared/progress.ts";
import { proposeOverall } from "../../../shared/side-reports.ts";
import type { DB } from "../../db/schema.ts";
import { notFound, versionConflict } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import type { StoredFile } from "../documents/document-file.ts";
import type { UploadedFile } from "../documents/documents.service.ts";
import { enqueueStatusChange } from "../notifications/outbox.ts";
import { checkSide, invalidField } from "./commitment-checks.ts";
import {
  type CommitmentRow,
  findCommitment,
  listSideStates,
  lockCommitment,
  type SideStateRow,
  updateCommitmentRow,
} from "./commitments.repo.ts";
import { inspectEvidence } from "./evidence-file.ts";
import {
  type EvidenceFileRow,
  findEvidenceFile,
  findSideReport,
  insertEvidenceFiles,
  insertStatusUpdate,
  listEvidenceFiles,
  listStatusUpdates,
  type StatusUpdateRow,
  saveSideReport,
} from "./status-updates.repo.ts";

type Level = { status: CommitmentStatus; progress: number };
/** One change of a side's or of the overall status, as the history records it. */
type StatusStep = { kind: StatusUpdateKind; side: string | null; previous: Level; next: Level };
type Note = { text: string; authorName: string };
export type EvidenceDownload = { fileName: string; mediaType: string; content: Buffer };

const NOT_REPORTED: Level = { status: "not_started", progress: 0 };
const AUDIT_ACTIONS: Record<StatusUpdateKind, string> = {
  update: "commitment.status_update",
  side_report: "commitment.side_report",
  confirmation: "commitment.confirm",
};

const levelOf = (row: Level): Level => ({ status: row.status, progress: row.progress });

function validChange(current: Level, change: StatusChangeInput): Level {
  const result = applyStatusChange(current, change);
  if (!result.ok) throw invalidField(result.field, result.message);
  return { status: result.status, progress: result.progress };
}

/** A dropped item keeps the reason it was dropped for: the text of the change that dropped it. */
function droppedReasonAfter(current: CommitmentRow, next: Level, text: string): string | null {
  if (next.status !== "dropped") return null;
  return current.status === "dropped" ? current.dropped_reason : text;
}

function describeLevel(level: Level): string {
  return `${level.status.replace("_", " ")} ${level.progress}%`;
}

/** The history's note for a sign-off given without one: what was confirmed and what each side had reported. */
function confirmationNote(next: Level, sides: SideStateRow[]): string {
  const reports = sides.map((s) => `${s.side} ${s.updated_at === null ? "has not reported" : describeLevel(s)}`);
  return `Joint sign-off: ${describeLevel(next)}. Reported: ${reports.join("; ")}.`;
}

function presentUpdate(row: StatusUpdateRow, files: EvidenceFileRow[]): StatusUpdate {
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    kind: row.kind,
    side: row.side,
    authorName: row.author_name,
    status: row.status,
    progress: row.progress,
    previousStatus: row.previous_status,
    previousProgress: row.previous_progress,
    text: row.text,
    files: files
      .filter((f) => f.status_update_id === row.id)
      .map((f) => ({ id: f.id, fileName: f.file_name, mediaType: f.media_type, sizeBytes: f.size_bytes })),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

async function lockAtVersion(trx: Kysely<DB>, id: string, version: number | undefined): Promise<CommitmentRow> {
  const current = await lockCommitment(trx, id);
  if (!current) throw notFound("commitment", id);
  if (version !== undefined && current.version !== version) {
    throw versionConflict("commitment", version, current.version);
  }
  return current;
}

/** A side's report moves that side only; the overall status waits for the secretariat's confirmation. */
async function reportForSide(
  trx: Kysely<DB>,
  current: CommitmentRow,
  side: string,
  change: StatusChangeInput,
): Promise<StatusStep> {
  await checkSide(trx, current.commission_id, side, "side");
  const previous = (await findSideReport(trx, current.id, side)) ?? NOT_REPORTED;
  const next = validChange(previous, change);
  await saveSideReport(trx, current, side, next);
  await updateCommitmentRow(trx, current.id, { awaiting_confirmation: true, version: current.version + 1 });
  return { kind: "side_report", side, previous, next };
}

async function updateOverall(
  trx: Kysely<DB>,
  current: CommitmentRow,
  change: StatusChangeInput,
  text: string,
): Promise<StatusStep> {
  const next = validChange(current, change);
  await updateCommitmentRow(trx, current.id, {
    ...next,
    dropped_reason: droppedReasonAfter(current, next, text),
    version: current.version + 1,
  });
  return { kind: "update", side: null, previous: levelOf(current), next };
}

/** Joint sign-off: what the sides' reports propose, with whatever the secretariat gives instead laid over it. */
async function confirmOverall(
  trx: Kysely<DB>,
  current: CommitmentRow,
  input: ConfirmCommitmentInput,
  actor: Actor,
): Promise<{ step: StatusStep; text: string }> {
  const sides = await listSideStates(trx, [current.id]);
  const proposal = proposeOverall(
    sides.map((s) => s.side),
    sides,
  );
  const next = validChange(proposal, { status: input.status, progress: input.progress });
  if (next.status === "dropped" && current.status !== "dropped" && input.text === undefined) {
    throw invalidField("text", "is required to drop an item: it is kept as the reason.");
  }
  const text = input.text ?? confirmationNote(next, sides);
  await updateCommitmentRow(trx, current.id, {
    ...next,
    dropped_reason: droppedReasonAfter(current, next, text),
    awaiting_confirmation: false,
    confirmed_at: sql<string>`now()`,
    confirmed_by: actor.name,
    version: current.version + 1,
  });
  return { step: { kind: "confirmation", side: null, previous: levelOf(current), next }, text };
}

/** Writes the history entry, its evidence, the audit event and the watchers' notices with the change itself. */
async function recordStep(
  trx: Kysely<DB>,
  current: CommitmentRow,
  step: StatusStep,
  note: Note,
  files: StoredFile[],
  actor: Actor,
): Promise<StatusUpdateRow> {
  const update = await insertStatusUpdate(trx, {
    commitment_id: current.id,
    kind: step.kind,
    side: step.side,
    author_name: note.authorName,
    previous_status: step.previous.status,
    previous_progress: step.previous.progress,
    status: step.next.status,
    progress: step.next.progress,
    text: note.text,
  });
  await insertEvidenceFiles(trx, update.id, files);
  await recordAudit(trx, actor, {
    action: AUDIT_ACTIONS[step.kind],
    entityType: "commitment",
    entityId: current.id,
    before: { side: step.side, ...step.previous, version: current.version },
    after: {
      side: step.side,
      ...step.next,
      version: current.version + 1,
      updateId: update.id,
      files: files.map((f) => f.facts),
    },
  });
  await enqueueStatusChange(trx, {
    commitmentId: current.id,
    statusUpdateId: update.id,
    kind: step.kind,
    side: step.side,
    actorName: note.authorName,
    previous: step.previous,
    next: step.next,
    text: note.text,
  });
  return update;
}

/** Reports, sign-off and their history; `getCommitment` presents the commitment as it is after a change. */
export function createStatusWorkflow(db: Kysely<DB>, getCommitment: (id: string) => Promise<Commitment>) {
  async function withCommitment(update: StatusUpdateRow): Promise<StatusUpdateResult> {
    return {
      update: presentUpdate(update, await listEvidenceFiles(db, [update.id])),
      commitment: await getCommitment(update.commitment_id),
    };
  }

  return {
    async listUpdates(id: string): Promise<StatusUpdate[]> {
      if (!(await findCommitment(db, id))) throw notFound("commitment", id);
      const rows = await listStatusUpdates(db, id);
      const files = await listEvidenceFiles(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((row) => presentUpdate(row, files));
    },

    /** With `input.side`, that side's report; without, the secretariat's own update. Evidence comes along. */
    async postUpdate(
      id: string,
      input: CreateStatusUpdateInput,
      actor: Actor,
      uploads: UploadedFile[] = [],
    ): Promise<StatusUpdateResult> {
      const files = uploads.map((upload, i) => inspectEvidence(upload, `files.${i}`));
      const update = await db.transaction().execute(async (trx) => {
        const current = await lockAtVersion(trx, id, input.version);
        const change = { status: input.status, progress: input.progress };
        const step = input.side
          ? await reportForSide(trx, current, input.side, change)
          : await updateOverall(trx, current, change, input.text);
        const note = { text: input.text, authorName: input.authorName ?? actor.name };
        return recordStep(trx, current, step, note, files, actor);
      });
      return withCommitment(update);
    },

    async confirm(id: string, input: ConfirmCommitmentInput, actor: Actor): Promise<StatusUpdateResult> {
      const update = await db.transaction().execute(async (trx) => {
        const current = await lockAtVersion(trx, id, input.version);
        const { step, text } = await confirmOverall(trx, current, input, actor);
        return recordStep(trx, current, step, { text, authorName: actor.name }, [], actor);
      });
      return withCommitment(update);
    },

    async downloadEvidence(fileId: string): Promise<EvidenceDownload> {
      const file = await findEvidenceFile(db, fileId);
      if (!file) throw notFound("evidence file", fileId);
      return { fileName: file.file_name, mediaType: file.media_type, content: file.content };
    },
  };
}
