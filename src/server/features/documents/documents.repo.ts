import { type Kysely, sql } from "kysely";
import type { DocumentListQuery } from "../../../shared/api/documents.ts";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import { type CursorValue, type KeysetSort, keysetAfter, keysetOrder } from "../../db/keyset.ts";
import type { DB } from "../../db/schema.ts";
import { matchesText } from "../../db/text-search.ts";
import type { StoredFile } from "./document-file.ts";

export const DOCUMENT_SORT: KeysetSort = {
  direction: "desc",
  columns: [
    { expr: sql`d.created_at`, type: "timestamptz" },
    { expr: sql`d.id`, type: "uuid" },
  ],
};

const DOCUMENT_COLUMNS = [
  "d.id",
  "d.commission_id",
  "d.session_id",
  "d.kind",
  "d.title",
  "d.languages",
  "d.signed_on",
  "d.source",
  "d.file_name",
  "d.media_type",
  "d.size_bytes",
  "d.sha256",
  "d.version",
  "d.created_at",
] as const;

function documents(db: Kysely<DB>) {
  return db.selectFrom("documents as d").select(DOCUMENT_COLUMNS);
}
export type DocumentRow = Awaited<ReturnType<ReturnType<typeof documents>["executeTakeFirstOrThrow"]>>;
export type SignatoryRow = { document_id: string; person_id: string; side: string; name: LocalizedText };
export type DocumentFilter = Omit<DocumentListQuery, "limit" | "cursor">;

export async function listDocuments(
  db: Kysely<DB>,
  filter: DocumentFilter,
  page: { after: CursorValue[] | null; limit: number },
): Promise<DocumentRow[]> {
  let query = documents(db);
  if (filter.commissionId) query = query.where("d.commission_id", "=", filter.commissionId);
  if (filter.sessionId) query = query.where("d.session_id", "=", filter.sessionId);
  if (filter.kind) query = query.where("d.kind", "=", filter.kind);
  if (filter.q) query = query.where(matchesText(sql`d.search`, filter.q));
  if (page.after) query = query.where(keysetAfter(DOCUMENT_SORT, page.after));
  return query.orderBy(keysetOrder(DOCUMENT_SORT)).limit(page.limit).execute();
}

export async function findDocument(db: Kysely<DB>, id: string): Promise<DocumentRow | undefined> {
  return documents(db).where("d.id", "=", id).executeTakeFirst();
}

/** Locks the row for the rest of the transaction so that concurrent edits queue instead of interleaving. */
export async function lockDocument(trx: Kysely<DB>, id: string): Promise<DocumentRow | undefined> {
  return documents(trx).where("d.id", "=", id).forUpdate().executeTakeFirst();
}

export async function listSignatories(db: Kysely<DB>, documentIds: string[]): Promise<SignatoryRow[]> {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom("document_signatories as ds")
    .innerJoin("people as p", "p.id", "ds.person_id")
    .select(["ds.document_id", "ds.person_id", "ds.side", "p.name"])
    .where("ds.document_id", "in", documentIds)
    .orderBy("ds.side")
    .orderBy("ds.person_id")
    .execute();
}

export async function replaceSignatories(
  trx: Kysely<DB>,
  documentId: string,
  signatories: { personId: string; side: string }[],
): Promise<void> {
  await trx.deleteFrom("document_signatories").where("document_id", "=", documentId).execute();
  if (signatories.length === 0) return;
  await trx
    .insertInto("document_signatories")
    .values(signatories.map((s) => ({ document_id: documentId, person_id: s.personId, side: s.side })))
    .execute();
}

export type NewDocument = {
  commission_id: string;
  session_id: string | null;
  kind: string;
  title: LocalizedText;
  languages: string[];
  signed_on: string | null;
  source: string | null;
};

export async function insertDocument(trx: Kysely<DB>, document: NewDocument, file: StoredFile | null): Promise<string> {
  const row = await trx
    .insertInto("documents")
    .values({
      ...document,
      title: JSON.stringify(document.title),
      file_name: file?.facts.name ?? null,
      media_type: file?.facts.mediaType ?? null,
      size_bytes: file?.facts.sizeBytes ?? null,
      sha256: file?.facts.sha256 ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (file) await trx.insertInto("document_files").values({ document_id: row.id, content: file.content }).execute();
  return row.id;
}

export type DocumentChanges = Partial<
  Pick<NewDocument, "session_id" | "kind" | "title" | "languages" | "signed_on"> & { version: number }
>;

export async function updateDocument(trx: Kysely<DB>, id: string, changes: DocumentChanges): Promise<void> {
  const { title, ...columns } = changes;
  await trx
    .updateTable("documents")
    .set({ ...columns, ...(title ? { title: JSON.stringify(title) } : {}) })
    .where("id", "=", id)
    .execute();
}

export async function findDocumentFile(db: Kysely<DB>, documentId: string) {
  return db
    .selectFrom("document_files as f")
    .innerJoin("documents as d", "d.id", "f.document_id")
    .select(["d.file_name", "d.media_type", "f.content"])
    .where("f.document_id", "=", documentId)
    .executeTakeFirst();
}

export async function isSessionOfCommission(trx: Kysely<DB>, sessionId: string, commissionId: string) {
  const row = await trx
    .selectFrom("sessions")
    .select("id")
    .where("id", "=", sessionId)
    .where("commission_id", "=", commissionId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function existingPeople(trx: Kysely<DB>, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await trx.selectFrom("people").select("id").where("id", "in", personIds).execute();
  return new Set(rows.map((r) => r.id));
}
