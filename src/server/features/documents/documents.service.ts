import type { Kysely } from "kysely";
import {
  type Document,
  type DocumentKind,
  type DocumentListQuery,
  type DocumentMetadata,
  type DocumentPage,
  SIGNED_ON_MESSAGE,
  takesSigningDate,
  type UpdateDocumentInput,
} from "../../../shared/api/documents.ts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound, versionConflict } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { listSides } from "../commissions/commissions.repo.ts";
import { cursorPosition, toPage } from "../pagination.ts";
import { inspectUpload } from "./document-file.ts";
import {
  DOCUMENT_SORT,
  type DocumentRow,
  existingPeople,
  findDocument,
  findDocumentFile,
  insertDocument,
  isSessionOfCommission,
  listDocuments,
  listSignatories,
  lockDocument,
  replaceSignatories,
  type SignatoryRow,
  updateDocument,
} from "./documents.repo.ts";

/** A file as the request carried it, before any check. */
export type UploadedFile = { name: string; content: Buffer };
export type DocumentDownload = { fileName: string; mediaType: string; content: Buffer };

function present(row: DocumentRow, signatories: SignatoryRow[]): Document {
  return {
    id: row.id,
    commissionId: row.commission_id,
    sessionId: row.session_id,
    kind: row.kind as DocumentKind,
    title: row.title,
    languages: row.languages,
    signedOn: row.signed_on,
    source: row.source,
    file:
      row.file_name && row.media_type && row.size_bytes !== null && row.sha256
        ? { name: row.file_name, mediaType: row.media_type, sizeBytes: row.size_bytes, sha256: row.sha256 }
        : null,
    signatories: signatories
      .filter((s) => s.document_id === row.id)
      .map((s) => ({ personId: s.person_id, name: s.name, side: s.side })),
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function invalidField(path: string, message: string): AppError {
  return new AppError("validation_failed", `${path}: ${message}`, { path });
}

async function sidesOf(trx: Kysely<DB>, commissionId: string): Promise<Set<string>> {
  return new Set((await listSides(trx, commissionId)).map((s) => s.country_code));
}

/** The references a document makes must hold: its session is the commission's, signatories exist and sign for a side. */
async function checkReferences(
  trx: Kysely<DB>,
  commission: { id: string; sides: Set<string> },
  refs: { sessionId?: string | null | undefined; signatories?: { personId: string; side: string }[] | undefined },
): Promise<void> {
  if (refs.sessionId && !(await isSessionOfCommission(trx, refs.sessionId, commission.id))) {
    throw invalidField("sessionId", `${refs.sessionId} is not a session of this commission.`);
  }
  const signatories = refs.signatories ?? [];
  const people = await existingPeople(
    trx,
    signatories.map((s) => s.personId),
  );
  signatories.forEach((s, i) => {
    if (!people.has(s.personId)) throw invalidField(`signatories.${i}.personId`, `no person with id ${s.personId}.`);
    if (!commission.sides.has(s.side)) {
      const sides = [...commission.sides].join(", ");
      throw invalidField(`signatories.${i}.side`, `${s.side} is not a side of this commission (${sides}).`);
    }
  });
}

export type DocumentService = ReturnType<typeof createDocumentService>;

export function createDocumentService(db: Kysely<DB>) {
  async function get(id: string): Promise<Document> {
    const row = await findDocument(db, id);
    if (!row) throw notFound("document", id);
    return present(row, await listSignatories(db, [id]));
  }

  return {
    get,

    async list(query: DocumentListQuery): Promise<DocumentPage> {
      const { limit, cursor, ...filter } = query;
      const after = cursorPosition(cursor, DOCUMENT_SORT);
      const rows = await listDocuments(db, filter, { after, limit: limit + 1 });
      const signatories = await listSignatories(
        db,
        rows.slice(0, limit).map((r) => r.id),
      );
      return toPage(
        rows,
        limit,
        (page) => page.map((r) => present(r, signatories)),
        (r) => [r.created_at, r.id],
      );
    },

    async create(metadata: DocumentMetadata, upload: UploadedFile | null, actor: Actor): Promise<Document> {
      const file = upload && inspectUpload(upload.name, upload.content);
      const id = await db.transaction().execute(async (trx) => {
        const sides = await sidesOf(trx, metadata.commissionId);
        // Every commission has its two sides, so no sides means no commission.
        if (sides.size === 0) throw invalidField("commissionId", `no commission with id ${metadata.commissionId}.`);
        await checkReferences(trx, { id: metadata.commissionId, sides }, metadata);
        const documentId = await insertDocument(
          trx,
          {
            commission_id: metadata.commissionId,
            session_id: metadata.sessionId ?? null,
            kind: metadata.kind,
            title: metadata.title,
            languages: metadata.languages,
            signed_on: metadata.signedOn ?? null,
            source: metadata.source ?? null,
          },
          file,
        );
        await replaceSignatories(trx, documentId, metadata.signatories);
        await recordAudit(trx, actor, {
          action: "document.create",
          entityType: "document",
          entityId: documentId,
          before: null,
          after: { ...metadata, file: file?.facts ?? null },
        });
        return documentId;
      });
      return get(id);
    },

    async update(id: string, input: UpdateDocumentInput, actor: Actor): Promise<Document> {
      await db.transaction().execute(async (trx) => {
        const current = await lockDocument(trx, id);
        if (!current) throw notFound("document", id);
        if (current.version !== input.version) throw versionConflict("document", input.version, current.version);
        const kind = input.kind ?? (current.kind as DocumentKind);
        const signedOn = input.signedOn === undefined ? current.signed_on : input.signedOn;
        if (signedOn !== null && !takesSigningDate(kind)) throw invalidField("signedOn", SIGNED_ON_MESSAGE);
        const sides = await sidesOf(trx, current.commission_id);
        await checkReferences(trx, { id: current.commission_id, sides }, input);
        const signatoriesBefore = await listSignatories(trx, [id]);
        await updateDocument(trx, id, {
          kind,
          signed_on: signedOn,
          ...(input.title ? { title: input.title } : {}),
          ...(input.languages ? { languages: input.languages } : {}),
          ...(input.sessionId !== undefined ? { session_id: input.sessionId } : {}),
          version: current.version + 1,
        });
        if (input.signatories) await replaceSignatories(trx, id, input.signatories);
        const { version: _sentVersion, ...changes } = input;
        await recordAudit(trx, actor, {
          action: "document.update",
          entityType: "document",
          entityId: id,
          before: {
            version: current.version,
            kind: current.kind,
            title: current.title,
            languages: current.languages,
            signedOn: current.signed_on,
            sessionId: current.session_id,
            signatories: signatoriesBefore.map((s) => ({ personId: s.person_id, side: s.side })),
          },
          after: changes,
        });
      });
      return get(id);
    },

    async download(id: string): Promise<DocumentDownload> {
      const file = await findDocumentFile(db, id);
      if (!file?.file_name || !file.media_type) {
        if (await findDocument(db, id)) {
          throw new AppError("not_found", `Document ${id} has no file.`, { entity: "document file", id });
        }
        throw notFound("document", id);
      }
      return { fileName: file.file_name, mediaType: file.media_type, content: file.content };
    },
  };
}
