import { type Kysely, sql } from "kysely";
import type { DB } from "./schema.ts";

/**
 * What a backup needs to know about the public schema, read from pg_catalog so that a table added by a later
 * migration is backed up and restored without touching this code.
 */

/** How a column's value travels in a backup line (see `backup.ts`). */
export type ValueEncoding = "json" | "base64" | "natural" | "text";

export type CatalogColumn = {
  name: string;
  /** The column's SQL type as `format_type` spells it, used to cast text back on restore. */
  type: string;
  encoding: ValueEncoding;
  nullable: boolean;
  /** `generated always as identity`: inserting an explicit value needs OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
  /** The sequence behind an identity or serial column, reset to the restored maximum. */
  sequence: string | null;
};

export type ForeignKey = { name: string; references: string; columns: string[] };

export type CatalogTable = {
  name: string;
  /** Every column a backup holds: generated columns are left out, the database computes them again. */
  columns: CatalogColumn[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
};

type ColumnRow = {
  table: string;
  column: string;
  type: string;
  type_name: string;
  not_null: boolean;
  identity: string;
  generated: string;
  sequence: string | null;
};

const NATURAL_JSON_TYPES = new Set(["bool", "int2", "int4"]);

/**
 * jsonb stays JSON; bytea becomes base64; booleans and small integers are exact as JSON. Everything else (numeric,
 * bigint, dates, timestamps, arrays, uuid…) travels as PostgreSQL's own text form, which its input function reads
 * back exactly — a JSON number would round numeric and bigint through a double.
 */
function encodingOf(typeName: string): ValueEncoding {
  if (typeName === "jsonb") return "json";
  if (typeName === "bytea") return "base64";
  return NATURAL_JSON_TYPES.has(typeName) ? "natural" : "text";
}

/** Every ordinary table of the public schema (partitions are read through their parent), by name. */
export async function readCatalog(db: Kysely<DB>): Promise<Map<string, CatalogTable>> {
  const columns = await sql<ColumnRow>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
           t.typname as type_name, a.attnotnull as not_null, a.attidentity as identity, a.attgenerated as generated,
           pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_type t on t.oid = a.atttypid
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname, a.attnum`.execute(db);

  const keys = await sql<{
    table: string;
    kind: "p" | "f";
    name: string;
    references: string | null;
    columns: string[];
  }>`
    select c.relname as table, k.contype as kind, k.conname as name, r.relname as references,
           array(select a.attname from unnest(k.conkey) with ordinality as u(attnum, i)
                 join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum
                 order by u.i)::text[] as columns
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class r on r.oid = k.confrelid
    left join pg_namespace rn on rn.oid = r.relnamespace
    where n.nspname = 'public' and (k.contype = 'p' or (k.contype = 'f' and rn.nspname = 'public'))
    order by c.relname, k.conname`.execute(db);

  const tables = new Map<string, CatalogTable>();
  for (const row of columns.rows) {
    const table = tables.get(row.table) ?? { name: row.table, columns: [], primaryKey: [], foreignKeys: [] };
    tables.set(row.table, table);
    if (row.generated !== "") continue;
    table.columns.push({
      name: row.column,
      type: row.type,
      encoding: encodingOf(row.type_name),
      nullable: !row.not_null,
      identityAlways: row.identity === "a",
      sequence: row.sequence,
    });
  }
  for (const key of keys.rows) {
    const table = tables.get(key.table);
    if (!table) continue;
    if (key.kind === "p") table.primaryKey = key.columns;
    else if (key.references)
      table.foreignKeys.push({ name: key.name, references: key.references, columns: key.columns });
  }
  return tables;
}

/**
 * Tables in an order where each comes after the tables it references (Kahn's algorithm, ties by name, so the order
 * is the same every time). A table referencing itself is ordered as if it did not; a cycle between tables is
 * broken at the first table by name. Restore defers the foreign keys such an order cannot satisfy.
 */
export function dependencyOrder(tables: Iterable<CatalogTable>): CatalogTable[] {
  const remaining = new Map([...tables].map((t) => [t.name, t]));
  const ordered: CatalogTable[] = [];
  const waitsFor = (table: CatalogTable) =>
    table.foreignKeys.some((fk) => fk.references !== table.name && remaining.has(fk.references));
  while (remaining.size > 0) {
    const names = [...remaining.keys()].sort();
    const ready = names.find((name) => !waitsFor(remaining.get(name) as CatalogTable)) ?? (names[0] as string);
    ordered.push(remaining.get(ready) as CatalogTable);
    remaining.delete(ready);
  }
  return ordered;
}
