import type { Kysely } from "kysely";
import { headerOf, responsibleKey } from "../../../documents/sheets/commitment-columns.ts";
import type { ImportIssue, ImportResult } from "../../../shared/api/exports.ts";
import { type CommitmentStatus, dueDateOf } from "../../../shared/deadline.ts";
import type { Language, LocalizedText } from "../../../shared/i18n-text.ts";
import { applyStatusChange } from "../../../shared/progress.ts";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { normalizeName } from "../organizations/organizations.service.ts";
import {
  type CommitmentValues,
  findOrganizationsByAlias,
  findSessionOfImport,
  insertCommitment,
  insertStatusUpdate,
  listSessionsOfCommitments,
  listSides,
  listStoredCommitments,
  nextPosition,
  replaceSideResponsibles,
  type StoredCommitment,
  type StoredResponsible,
  updateCommitment,
} from "./commitment-import.repo.ts";
import { importFailed, readImportTable } from "./import-file.ts";
import { type ImportRow, readImportRows } from "./import-rows.ts";

type Session = NonNullable<Awaited<ReturnType<typeof findSessionOfImport>>>;
type Level = { status: CommitmentStatus; progress: number };

/** What one row will do: the values to write, the sides whose responsible organisations change, the history entry. */
type PlannedRow = {
  row: number;
  current: StoredCommitment | null;
  values: CommitmentValues;
  responsible: Map<string, string[]>;
  statusUpdate: { previous: Level; text: string } | null;
  changes: string[];
};

type Plan = { rows: PlannedRow[]; issues: ImportIssue[] };

/** What the plan is checked against: the session's stored commitments and the organisations the file names. */
type Context = {
  session: Session;
  sides: string[];
  stored: Map<string, StoredCommitment>;
  storedResponsible: StoredResponsible[];
  foreignIds: Map<string, string>;
  organizations: Map<string, { id: string; country_code: string | null }[]>;
  lang: Language;
  fileName: string;
};

const NOT_STARTED: Level = { status: "not_started", progress: 0 };
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

function textAfter(stored: LocalizedText, row: ImportRow): LocalizedText {
  const text: LocalizedText = { ...stored };
  for (const [lang, value] of Object.entries(row.text) as [Language, string | null][]) {
    if (value === null) delete text[lang];
    else text[lang] = value;
  }
  return text;
}

const sameText = (a: LocalizedText, b: LocalizedText) =>
  (["ru", "en", "az"] as const).every((l) => (a[l] ?? null) === (b[l] ?? null));

class RowPlanner {
  readonly issues: ImportIssue[] = [];
  private readonly row: ImportRow;
  private readonly context: Context;

  constructor(row: ImportRow, context: Context) {
    this.row = row;
    this.context = context;
  }

  private fail(column: string, message: string): void {
    this.issues.push({ row: this.row.row, column, message });
  }

  private header(key: Parameters<typeof headerOf>[0]): string {
    return headerOf(key, this.context.lang);
  }

  private currentCommitment(): StoredCommitment | null {
    const { id } = this.row;
    if (id === null) return null;
    const current = this.context.stored.get(id);
    if (current) return current;
    const elsewhere = this.context.foreignIds.has(id);
    this.fail(
      this.header("id"),
      elsewhere ? "belongs to a commitment of another session" : "no commitment has this id",
    );
    return null;
  }

  /** The organisation of that side a name stands for: by any of its names, of the side's country or of none. */
  private organizationIdOf(side: string, name: string): string | null {
    const candidates = (this.context.organizations.get(normalizeName(name)) ?? []).filter(
      (o) => o.country_code === side || o.country_code === null,
    );
    const ids = [...new Set(candidates.map((c) => c.id))];
    if (ids.length === 1) return ids[0] ?? null;
    this.fail(
      this.header(responsibleKey(side)),
      ids.length === 0 ? `no organisation of ${side} is called "${name}"` : `"${name}" names several organisations`,
    );
    return null;
  }

  /** The sides whose responsible organisations the row changes, each with its new list. */
  private responsibleAfter(current: StoredCommitment | null): Map<string, string[]> {
    const changed = new Map<string, string[]>();
    const named = new Set<string>();
    for (const [side, names] of this.row.responsible) {
      const column = this.header(responsibleKey(side));
      if (!this.context.sides.includes(side)) {
        if (names.length > 0) this.fail(column, `${side} is not a side of this commission`);
        continue;
      }
      for (const name of names) {
        if (named.has(normalizeName(name))) this.fail(column, `"${name}" is named twice`);
        named.add(normalizeName(name));
      }
      const ids = names.map((name) => this.organizationIdOf(side, name)).filter((id): id is string => id !== null);
      const stored = this.context.storedResponsible
        .filter((r) => r.commitment_id === current?.id && r.side === side)
        .map((r) => r.organization_id);
      if (!sameSet(ids, stored)) changed.set(side, ids);
    }
    return changed;
  }

  private levelAfter(current: Level): Level | null {
    const result = applyStatusChange(current, { status: this.row.status, progress: this.row.progress });
    if (!result.ok) {
      this.fail(this.header(result.field), result.message);
      return null;
    }
    return { status: result.status, progress: result.progress };
  }

  plan(): PlannedRow | null {
    const { row, context } = this;
    if (row.session !== null && row.session !== context.session.number) {
      this.fail(this.header("session"), `must be ${context.session.number}, the session imported into, or empty`);
    }
    const current = this.currentCommitment();
    if (row.id === null && row.sector === undefined)
      this.fail(this.header("sector"), "is required for a new commitment");
    const text = textAfter(current?.text ?? {}, row);
    if (Object.keys(text).length === 0) this.fail(this.header("textEn"), "give the text in at least one language");
    const previous: Level = current ? { status: current.status, progress: current.progress } : NOT_STARTED;
    const level = this.levelAfter(previous);
    const responsible = this.responsibleAfter(current);
    const deadline = row.deadline === undefined ? (current?.deadline ?? null) : row.deadline;
    if (level?.status === "dropped" && previous.status !== "dropped" && row.note === null) {
      this.fail(this.header("note"), "is required to drop an item: it is kept as the reason");
    }
    if (this.issues.length > 0 || level === null) return null;
    const values: CommitmentValues = {
      item_number: row.item === undefined ? (current?.item_number ?? null) : row.item,
      sector_code: row.sector ?? current?.sector_code ?? "other",
      text,
      deadline,
      due_date: dueDateOf(deadline),
      status: level.status,
      progress: level.progress,
      dropped_reason:
        level.status !== "dropped"
          ? null
          : previous.status === "dropped"
            ? (current?.dropped_reason ?? null)
            : row.note,
    };
    const levelChanged = level.status !== previous.status || level.progress !== previous.progress;
    const changes = [
      ...(values.item_number !== (current?.item_number ?? null) ? [this.header("item")] : []),
      ...(values.sector_code !== current?.sector_code ? [this.header("sector")] : []),
      ...(!sameText(text, current?.text ?? {}) ? ["text"] : []),
      ...[...responsible.keys()].map((side) => this.header(responsibleKey(side))),
      ...(deadline !== (current?.deadline ?? null) ? [this.header("deadline")] : []),
      ...(level.status !== previous.status ? [this.header("status")] : []),
      ...(level.progress !== previous.progress ? [this.header("progress")] : []),
      ...(row.note !== null ? [this.header("note")] : []),
    ];
    return {
      row: row.row,
      current,
      values,
      responsible,
      statusUpdate:
        levelChanged || row.note !== null ? { previous, text: row.note ?? `Imported from ${context.fileName}.` } : null,
      changes,
    };
  }
}

function duplicateIdIssues(rows: ImportRow[], lang: Language): ImportIssue[] {
  const seen = new Set<string>();
  return rows.flatMap((r) => {
    if (r.id === null) return [];
    if (seen.has(r.id)) return [{ row: r.row, column: headerOf("id", lang), message: "appears in an earlier row too" }];
    seen.add(r.id);
    return [];
  });
}

async function loadContext(
  db: Kysely<DB>,
  session: Session,
  rows: ImportRow[],
  options: { lock: boolean; lang: Language; fileName: string },
): Promise<Context> {
  const { commitments, responsibles } = await listStoredCommitments(db, session.id, options.lock);
  const stored = new Map(commitments.map((c) => [c.id, c]));
  const unknownIds = rows.map((r) => r.id).filter((id): id is string => id !== null && !stored.has(id));
  const names = [...new Set(rows.flatMap((r) => [...r.responsible.values()].flat()).map(normalizeName))];
  const [sides, foreign, organizations] = await Promise.all([
    listSides(db, session.commission_id),
    listSessionsOfCommitments(db, unknownIds),
    findOrganizationsByAlias(db, names),
  ]);
  const byName = new Map<string, { id: string; country_code: string | null }[]>();
  for (const o of organizations) byName.set(o.normalized, [...(byName.get(o.normalized) ?? []), o]);
  return {
    session,
    sides,
    stored,
    storedResponsible: responsibles,
    foreignIds: new Map(foreign.map((f) => [f.id, f.session_id])),
    organizations: byName,
    lang: options.lang,
    fileName: options.fileName,
  };
}

function planRows(rows: ImportRow[], context: Context): Plan {
  const planners = rows.map((row) => new RowPlanner(row, context));
  const planned = planners.map((p) => p.plan()).filter((p): p is PlannedRow => p !== null);
  return {
    rows: planned,
    issues: [...duplicateIdIssues(rows, context.lang), ...planners.flatMap((p) => p.issues)],
  };
}

async function writeRow(trx: Kysely<DB>, session: Session, planned: PlannedRow, actor: Actor): Promise<string> {
  const id = planned.current
    ? planned.current.id
    : await insertCommitment(trx, session, await nextPosition(trx, session.id), planned.values);
  if (planned.current) await updateCommitment(trx, planned.current, planned.values);
  for (const [side, organizationIds] of planned.responsible) {
    await replaceSideResponsibles(trx, { id, commission_id: session.commission_id }, side, organizationIds);
  }
  if (planned.statusUpdate) {
    await insertStatusUpdate(trx, {
      commitment_id: id,
      author_name: actor.name,
      previous_status: planned.statusUpdate.previous.status,
      previous_progress: planned.statusUpdate.previous.progress,
      status: planned.values.status,
      progress: planned.values.progress,
      text: planned.statusUpdate.text,
    });
  }
  await auditRow(trx, id, planned, actor);
  return id;
}

const storedValues = ({ id: _id, version: _version, ...values }: StoredCommitment) => values;

/** Each commitment's own history shows what the file changed; the import's event (on the session) sums it up. */
async function auditRow(trx: Kysely<DB>, id: string, planned: PlannedRow, actor: Actor): Promise<void> {
  const { due_date: _derived, ...after } = planned.values;
  await recordAudit(trx, actor, {
    action: planned.current ? "commitment.update" : "commitment.create",
    entityType: "commitment",
    entityId: id,
    before: planned.current ? storedValues(planned.current) : null,
    after: {
      via: "spreadsheet",
      ...after,
      ...(planned.responsible.size > 0 ? { responsible: Object.fromEntries(planned.responsible) } : {}),
    },
  });
}

function actionOf(planned: PlannedRow): ImportResult["rows"][number]["action"] {
  if (!planned.current) return "create";
  return planned.changes.length > 0 ? "update" : "unchanged";
}

function resultOf(planned: PlannedRow[], ids: (string | null)[], dryRun: boolean): ImportResult {
  const rows = planned.map((p, i) => ({ row: p.row, id: ids[i] ?? null, action: actionOf(p), changes: p.changes }));
  const count = (action: string) => rows.filter((r) => r.action === action).length;
  return {
    dryRun,
    rows,
    summary: { created: count("create"), updated: count("update"), unchanged: count("unchanged") },
  };
}

export type ImportRequest = { bytes: Buffer; fileName: string; dryRun: boolean; lang: Language };

/**
 * Reads commitments and status changes of one session from a spreadsheet. Rows with an id update that commitment
 * where the file differs from what is stored; rows without one add a commitment. Any wrong row stops the whole
 * import (nothing is written); otherwise everything is written in one transaction, with an audit event per
 * commitment written and one for the import (none when nothing changed).
 */
export async function importCommitments(
  db: Kysely<DB>,
  sessionId: string,
  request: ImportRequest,
  actor: Actor,
): Promise<ImportResult> {
  const session = await findSessionOfImport(db, sessionId);
  if (!session) throw notFound("session", sessionId);
  const parsed = readImportRows(await readImportTable(request.bytes), request.lang);
  const header = parsed.issues.filter((i) => i.row === 1);
  if (header.length > 0) throw importFailed(header);
  // Rows whose cells are wrong are not planned, but the others are, so that one answer lists every problem.
  const wrongRows = new Set(parsed.issues.map((i) => i.row));
  const rows = parsed.rows.filter((r) => !wrongRows.has(r.row));
  const options = { lang: request.lang, fileName: request.fileName };
  const checkedPlan = (plan: Plan) => {
    const issues = [...parsed.issues, ...plan.issues].sort((a, b) => a.row - b.row);
    if (issues.length > 0) throw importFailed(issues);
    return plan.rows;
  };
  if (request.dryRun) {
    const planned = checkedPlan(planRows(rows, await loadContext(db, session, rows, { ...options, lock: false })));
    return resultOf(
      planned,
      planned.map((p) => p.current?.id ?? null),
      true,
    );
  }
  return db.transaction().execute(async (trx) => {
    const planned = checkedPlan(planRows(rows, await loadContext(trx, session, rows, { ...options, lock: true })));
    const ids: string[] = [];
    for (const row of planned) {
      ids.push(actionOf(row) === "unchanged" ? (row.current?.id ?? "") : await writeRow(trx, session, row, actor));
    }
    const result = resultOf(planned, ids, false);
    if (result.summary.created + result.summary.updated > 0) {
      await recordAudit(trx, actor, {
        action: "commitment.import",
        entityType: "session",
        entityId: session.id,
        before: null,
        after: { file: request.fileName, ...result.summary, rows: result.rows.filter((r) => r.action !== "unchanged") },
      });
    }
    return result;
  });
}
