import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { loadConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import type { Actor } from "../../server/features/audit.ts";
import { createImportService, type ImportService } from "../../server/features/imports/imports.service.ts";
import { fieldIssuesOf } from "../../server/http/errors.ts";
import { idSchema } from "../../shared/api/common.ts";
import {
  acceptImportSchema,
  IMPORTED_RECORDS,
  type ImportDraft,
  type ImportResult,
  noRecords,
  type RecordCounts,
} from "../../shared/api/imports.ts";

type ImportOptions = { commission?: string; dryRun?: boolean };
type Imported = { path: string; result: ImportResult; draft: Pick<ImportDraft, "commission" | "session"> };
type Failed = { path: string; error: string };
type FileOutcome = Imported | Failed;

const READABLE = new Set([".txt", ".html", ".htm", ".docx", ".pdf"]);
const ACTOR: Actor = { name: "igc import", requestId: null };

function commissionId(value: string): string {
  if (!idSchema.safeParse(value).success) throw new InvalidArgumentError("must be a commission id (a UUID).");
  return value;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("read press releases and protocols into the register, matching the records already there")
    .argument("<paths...>", "documents (.txt, .html, .docx, .pdf) or folders of them")
    .option("--commission <id>", "attach every document to this commission", commissionId)
    .option("--dry-run", "read and match everything, write nothing")
    .action(async (paths: string[], options: ImportOptions) => {
      process.exitCode = await runImport(paths, options);
    });
}

/** The documents to import: files as given, and the readable files of each folder in name order. */
async function documentsIn(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const isFolder = await stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path)).filter((name) => READABLE.has(extname(name).toLowerCase())).sort();
    files.push(...names.map((name) => join(path, name)));
  }
  return files;
}

async function importFile(imports: ImportService, path: string, options: ImportOptions): Promise<FileOutcome> {
  try {
    const fileName = basename(path);
    const extraction = await imports.extract({ bytes: await readFile(path), fileName, field: "file" });
    const input = acceptImportSchema.safeParse({
      draft: extraction.draft,
      source: { fileName, text: extraction.text },
      ...(options.commission ? { commissionId: options.commission } : {}),
    });
    if (!input.success) {
      const problems = fieldIssuesOf(input.error).map((i) => `${i.path}: ${i.message}`);
      return { path, error: `the draft is not complete: ${problems.join("; ")}` };
    }
    const result = await imports.accept(input.data, ACTOR, { dryRun: options.dryRun === true });
    return { path, result, draft: input.data.draft };
  } catch (error) {
    // Whatever went wrong, this document's transaction was rolled back; the next document is imported all the same.
    return { path, error: error instanceof Error ? error.message : String(error) };
  }
}

async function runImport(paths: string[], options: ImportOptions): Promise<number> {
  const files = await documentsIn(paths);
  if (files.length === 0) {
    console.error("No .txt, .html, .docx or .pdf documents found there.");
    return 1;
  }
  const config = loadConfig();
  const database = await openDatabase(config.database);
  const outcomes: FileOutcome[] = [];
  const progress = progressLine(files.length);
  try {
    await migrate(database.db);
    const imports = createImportService(database.db);
    for (const path of files) {
      progress.show(outcomes.length, basename(path));
      outcomes.push(await importFile(imports, path, options));
    }
  } finally {
    progress.finish();
    await database.close();
  }
  console.log(summarize(outcomes, options.dryRun === true));
  return outcomes.some((o) => "error" in o) ? 1 : 0;
}

/** A progress bar redrawn in place on a terminal; one line per document when stderr is a file or a pipe. */
function progressLine(total: number) {
  const width = 24;
  const terminal = process.stderr.isTTY === true;
  return {
    show(done: number, name: string) {
      if (!terminal) {
        process.stderr.write(`[${done + 1}/${total}] ${name}\n`);
        return;
      }
      const filled = Math.round((done / total) * width);
      const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
      const line = `${bar} ${done}/${total} ${name}`.slice(0, (process.stderr.columns ?? 80) - 1);
      process.stderr.write(`\r\x1b[2K${line}`);
    },
    finish() {
      if (terminal) process.stderr.write(`\r\x1b[2K${"█".repeat(width)} ${total}/${total}\n`);
    },
  };
}

const RECORD_NAMES: Record<keyof RecordCounts, [string, string]> = {
  commissions: ["commission", "commissions"],
  sessions: ["session", "sessions"],
  commitments: ["commitment", "commitments"],
  organizations: ["organisation", "organisations"],
  people: ["person", "people"],
  coChairs: ["co-chair term", "co-chair terms"],
  programmes: ["programme", "programmes"],
  documents: ["document", "documents"],
  events: ["session event", "session events"],
  figures: ["trade figure", "trade figures"],
};

const counted = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

function describeCounts(counts: RecordCounts): string {
  const parts = IMPORTED_RECORDS.filter((record) => counts[record] > 0).map((record) =>
    counted(counts[record], RECORD_NAMES[record]),
  );
  return parts.length === 0 ? "nothing" : parts.join(", ");
}

const total = (counts: RecordCounts) => IMPORTED_RECORDS.reduce((sum, record) => sum + counts[record], 0);

function describeFile(outcome: FileOutcome): string[] {
  const name = basename(outcome.path);
  if ("error" in outcome) return [`${name}: failed — ${outcome.error}`];
  const { result, draft } = outcome;
  const what = `commission ${draft.commission?.countries.join("–") ?? "(chosen)"}, session ${draft.session?.number ?? "?"}`;
  const counts = `created ${total(result.created)}, matched ${total(result.matched)}, skipped ${result.skipped.length}`;
  return [`${name}: ${what} — ${counts}`, ...result.skipped.map((s) => `  skipped ${s.fact}: ${s.reason}`)];
}

function summarize(outcomes: FileOutcome[], dryRun: boolean): string {
  const imported = outcomes.filter((o): o is Imported => "result" in o);
  const failed = outcomes.filter((o): o is Failed => "error" in o);
  const sum = (pick: (r: ImportResult) => RecordCounts): RecordCounts => {
    const counts = noRecords();
    for (const { result } of imported) for (const r of IMPORTED_RECORDS) counts[r] += pick(result)[r];
    return counts;
  };
  const skipped = imported.reduce((n, o) => n + o.result.skipped.length, 0);
  return [
    ...outcomes.flatMap(describeFile),
    "",
    `Imported ${imported.length} of ${counted(outcomes.length, ["document", "documents"])}${dryRun ? " (dry run: nothing was written)" : ""}.`,
    `Created: ${describeCounts(sum((r) => r.created))}`,
    `Matched: ${describeCounts(sum((r) => r.matched))}`,
    `Skipped: ${counted(skipped, ["fact", "facts"])} (listed above)`,
    `Errors:  ${counted(failed.length, ["document", "documents"])}`,
    ...failed.map((o) => `  ${basename(o.path)}: ${o.error}`),
  ].join("\n");
}
