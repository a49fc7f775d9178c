import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, SYSTEM_ACTOR } from "../features/audit.ts";
import { azKgCommission } from "../features/demo/az-kg.ts";
import { loadDemoCommission } from "../features/demo/demo.service.ts";
import { makeCommission, makeCommitment, makeOrganization, makeSession } from "../testing/factories.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { restoreBackup, writeBackup } from "./backup.ts";
import type { Database } from "./client.ts";

// Runs on PGlite and, in the db-postgres project, on the PostgreSQL server: the same file, both engines.
let database: Database & { drop: () => Promise<void> };
let workDir: string;
let backupFile: string;
let original: Fingerprints;
let commissionId: string;

type Fingerprints = Record<string, { rows: number; checksum: string }>;

/**
 * Each table's row count and an md5 of its rows as JSON in a fixed order, generated columns left out. Tables and
 * columns come from information_schema, not from the code under test.
 */
async function fingerprints(): Promise<Fingerprints> {
  const { rows: tables } = await sql<{ name: string; generated: string[] }>`
    select t.table_name as name,
           array(select c.column_name::text from information_schema.columns c
                 where c.table_schema = 'public' and c.table_name = t.table_name and c.is_generated = 'ALWAYS') as generated
    from information_schema.tables t
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by t.table_name`.execute(database.db);
  const result: Fingerprints = {};
  for (const table of tables) {
    const { rows } = await sql<{ rows: number; checksum: string }>`
      select count(*)::int as rows, md5(coalesce(string_agg(j, '|' order by j), '')) as checksum
      from (select (to_jsonb(t) - ${table.generated}::text[])::text as j from ${sql.table(table.name)} as t) as x`.execute(
      database.db,
    );
    result[table.name] = rows[0] as { rows: number; checksum: string };
  }
  return result;
}

/** Every row of the record gone (the schema stays); only TRUNCATE gets past the append-only audit log. */
async function emptyEveryTable(): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'`.execute(
    database.db,
  );
  await sql`truncate table ${sql.join(rows.map((r) => sql.table(r.name)))} restart identity cascade`.execute(
    database.db,
  );
}

/** A copy of the backup with its lines changed by `edit`, gzipped again. */
function editedBackup(name: string, edit: (lines: string[]) => string[]): string {
  const lines = gunzipSync(readFileSync(backupFile)).toString("utf8").trimEnd().split("\n");
  const path = join(workDir, name);
  writeFileSync(path, gzipSync(`${edit(lines).join("\n")}\n`));
  return path;
}

const EVERY_BYTE = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

beforeAll(async () => {
  database = await openTestDatabase();
  workDir = mkdtempSync(join(tmpdir(), "igc-backup-"));
  backupFile = join(workDir, "backup.ndjson.gz");
  const { db } = database;
  await loadDemoCommission(db, azKgCommission, SYSTEM_ACTOR);

  const commission = await makeCommission(db, { countries: ["AZ", "UZ"], name: { ru: "Комиссия «АЗ–УЗ»" } });
  commissionId = commission.id;
  const [fifth, sixth] = [await makeSession(db, commission.id), await makeSession(db, commission.id)];
  const ministry = await makeOrganization(db);
  const earlier = await makeCommitment(db, fifth.id, {
    responsible: [{ organizationId: ministry.id, side: "AZ", lead: true }],
  });
  const later = await makeCommitment(db, sixth.id, { text: { ru: "Продолжить работу" } });
  // Rows that point at rows of their own table: a carried-over commitment, an event inside another event.
  await db.updateTable("commitments").set({ carried_over_from_id: earlier.id }).where("id", "=", later.id).execute();
  const visits = await db
    .insertInto("session_events")
    .values({ session_id: sixth.id, kind: "site_visit", title: JSON.stringify({ en: "Site visits" }) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("session_events")
    .values({ session_id: sixth.id, parent_id: visits.id, kind: "site_visit", title: JSON.stringify({ en: "Port" }) })
    .execute();
  // Values that a careless encoding would change: every byte value, a numeric beyond a double's precision.
  const document = await db
    .insertInto("documents")
    .values({
      commission_id: commission.id,
      kind: "protocol",
      title: JSON.stringify({ en: "Protocol" }),
      languages: ["ru", "en"],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`insert into document_files (document_id, content) values (${document.id}, ${EVERY_BYTE})`.execute(db);
  await sql`update documents set file_name = 'protocol.pdf', media_type = 'application/pdf', size_bytes = 256,
    sha256 = repeat('a', 64) where id = ${document.id}`.execute(db);
  await sql`insert into reported_figures (commission_id, indicator, kind, value, unit, period_start, period_end)
    values (${commission.id}, 'trade_turnover', 'value', 12345678901234567890.123456789, 'USD', '2025-01', '2025-10')`.execute(
    db,
  );
  await recordAudit(db, SYSTEM_ACTOR, {
    action: "test",
    entityType: "commission",
    entityId: commission.id,
    before: null,
    after: { 'a"b': 1 },
  });
  original = await fingerprints();
});

afterAll(async () => {
  await database.drop();
  rmSync(workDir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("writes every table and its rows, and brings back exactly the same data after losing everything", async () => {
    expect(original.commitments?.rows).toBeGreaterThan(40);
    expect(original.document_files?.rows).toBe(1);
    expect(original.audit_events?.rows).toBeGreaterThan(1);

    const summary = await writeBackup(database.db, backupFile);
    expect(Object.fromEntries(summary.tables.map((t) => [t.name, t.rows]))).toEqual(
      Object.fromEntries(Object.entries(original).map(([name, f]) => [name, f.rows])),
    );
    expect(summary.migrations).toContain(1);

    await emptyEveryTable();
    expect((await fingerprints()).commitments?.rows).toBe(0);
    const restored = await restoreBackup(database.db, backupFile);
    expect(restored).toEqual(summary.tables);
    expect(await fingerprints()).toEqual(original);
  });

  it("keeps bytes and precise numbers exact, and leaves generated search columns to the database", async () => {
    const file = await sql<{ content: Buffer }>`select content from document_files`.execute(database.db);
    expect(Buffer.compare(file.rows[0]?.content ?? Buffer.alloc(0), EVERY_BYTE)).toBe(0);
    const figure = await sql<{ value: string }>`select value::text from reported_figures where unit = 'USD'`.execute(
      database.db,
    );
    expect(figure.rows[0]?.value).toBe("12345678901234567890.123456789");
    const found = await sql<{ n: number }>`select count(*)::int as n from commitments
      where search @@ plainto_tsquery('russian', 'продолжить')`.execute(database.db);
    expect(found.rows[0]?.n).toBe(1);
    const header = JSON.parse(gunzipSync(readFileSync(backupFile)).toString("utf8").split("\n")[0] ?? "");
    const commitments = header.tables.find((t: { name: string }) => t.name === "commitments");
    expect(commitments.columns).not.toContain("search");
  });

  it("lets identity columns continue after the restored ids", async () => {
    const before = await sql<{ max: number }>`select max(id)::int as max from audit_events`.execute(database.db);
    await recordAudit(database.db, SYSTEM_ACTOR, {
      action: "after.restore",
      entityType: "x",
      entityId: "1",
      before: null,
      after: null,
    });
    const added = await database.db
      .selectFrom("audit_events")
      .select("id")
      .where("action", "=", "after.restore")
      .executeTakeFirstOrThrow();
    expect(Number(added.id)).toBe((before.rows[0]?.max ?? 0) + 1);
    original = await fingerprints();
  });

  it("refuses a backup made at other migrations and changes nothing", async () => {
    const older = editedBackup("older.ndjson.gz", ([header, ...rows]) => {
      const parsed = JSON.parse(header ?? "");
      return [JSON.stringify({ ...parsed, migrations: parsed.migrations.slice(0, -1) }), ...rows];
    });
    await expect(restoreBackup(database.db, older)).rejects.toThrow(
      /The backup was made at database migrations 1–\d+, but this database is at 1–\d+\. Restore it with the IGC Desk version that made it.*The database was not changed\./,
    );
    expect(await fingerprints()).toEqual(original);
  });

  it("refuses a cut-off file, missing rows, a damaged value and a file that is no backup, and changes nothing", async () => {
    const bytes = readFileSync(backupFile);
    const cut = join(workDir, "cut.ndjson.gz");
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await expect(restoreBackup(database.db, cut)).rejects.toThrow(/damaged or incomplete.*not changed/);

    // Every row but the last arrives and is inserted before the count shows the loss: the transaction undoes it.
    const shorter = editedBackup("shorter.ndjson.gz", (lines) => lines.slice(0, -1));
    await expect(restoreBackup(database.db, shorter)).rejects.toThrow(/The backup is incomplete: it announces/);

    const damagedRow = editedBackup("damaged.ndjson.gz", (lines) => [
      ...lines.slice(0, -1),
      `${lines.at(-1)?.slice(0, 30)}`,
    ]);
    await expect(restoreBackup(database.db, damagedRow)).rejects.toThrow(/is not valid JSON/);

    const badValue = editedBackup("bad-value.ndjson.gz", (lines) =>
      lines.map((line) =>
        line.startsWith('{"t":"commitments"') ? line.replace(/"id":"[^"]+"/, '"id":"item 7"') : line,
      ),
    );
    await expect(restoreBackup(database.db, badValue)).rejects.toThrow(
      /could not be restored: invalid input syntax for type uuid: "item 7"/,
    );

    const notBackup = join(workDir, "notes.gz");
    writeFileSync(notBackup, gzipSync("just some notes\n"));
    await expect(restoreBackup(database.db, notBackup)).rejects.toThrow(/not an IGC Desk backup/);

    expect(await fingerprints()).toEqual(original);
  });

  it.skipIf(process.env.IGC_TEST_ENGINE !== "postgres")(
    "takes a snapshot that writers do not wait for and that does not see their rows",
    async () => {
      // An incompressible file makes gzip emit output while rows are still being read; the sink's first write
      // then adds an audit event (a table read near the end) and waits for it to commit.
      const document = await database.db
        .insertInto("documents")
        .values({ commission_id: commissionId, kind: "other", title: JSON.stringify({ en: "Large" }) })
        .returning("id")
        .executeTakeFirstOrThrow();
      await sql`insert into document_files (document_id, content) values (${document.id}, ${randomBytes(2_000_000)})`.execute(
        database.db,
      );
      const before = await fingerprints();
      let committed = false;
      const file = join(workDir, "during-writes.ndjson.gz");
      const sink = createWriteStream(file);
      const write = sink._write.bind(sink);
      sink._write = (chunk, encoding, done) => {
        if (committed) return write(chunk, encoding, done);
        const entry = { action: "during.backup", entityType: "x", entityId: "1", before: null, after: null };
        recordAudit(database.db, SYSTEM_ACTOR, entry).then(() => {
          committed = true;
          write(chunk, encoding, done);
        }, done);
      };
      const summary = await writeBackup(database.db, sink);
      expect(committed).toBe(true);
      expect(summary.tables.find((t) => t.name === "audit_events")?.rows).toBe(before.audit_events?.rows);
      expect(gunzipSync(readFileSync(file)).toString("utf8")).not.toContain("during.backup");
    },
  );
});
