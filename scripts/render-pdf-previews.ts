/**
 * `npm run previews`: renders the demo's protocol (Russian and English side by side) and implementation report as
 * PDF and turns their first pages into PNG images in docs/ (pdftoppm, from Debian's poppler-utils), for a person
 * to look at. The database is a throw-away PGlite folder with the demo loaded.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrate.ts";
import { SYSTEM_ACTOR } from "../src/server/features/audit.ts";
import { azKgCommission } from "../src/server/features/demo/az-kg.ts";
import { loadDemoCommission } from "../src/server/features/demo/demo.service.ts";
import type { ProducedFile } from "../src/server/features/exports/document-exports.ts";
import { createExportService } from "../src/server/features/exports/exports.service.ts";

const DOCS = join(import.meta.dirname, "..", "docs");
// The demo's statuses are as of mid-2026: a fixed day keeps the report's late flags the same on every run.
const AS_OF = new Date("2026-07-01T10:00:00Z");
const RESOLUTION_DPI = "100";

function writePreview(file: ProducedFile, name: string): void {
  const pdf = join(DOCS, `${name}.pdf`);
  writeFileSync(pdf, file.content);
  execFileSync("pdftoppm", ["-png", "-r", RESOLUTION_DPI, "-f", "1", "-l", "1", "-singlefile", pdf, join(DOCS, name)]);
  rmSync(pdf);
  console.log(`docs/${name}.png`);
}

const dataDir = mkdtempSync(join(tmpdir(), "igc-previews-"));
const database = await openDatabase({ dataDir });
try {
  await migrate(database.db);
  const commissionId = await loadDemoCommission(database.db, azKgCommission, SYSTEM_ACTOR);
  const sessions = await database.db
    .selectFrom("sessions")
    .select(["id", "number"])
    .where("commission_id", "=", commissionId)
    .orderBy("number")
    .execute();
  const sessionId = (n: number) => sessions.find((s) => s.number === n)?.id ?? "";
  const exports = createExportService(database.db, () => AS_OF);
  writePreview(await exports.documents.protocol(sessionId(6), "pdf", { lang: "ru", lang2: "en" }), "preview-protocol");
  writePreview(await exports.documents.report(sessionId(7), "pdf", { lang: "ru" }), "preview-report");
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
