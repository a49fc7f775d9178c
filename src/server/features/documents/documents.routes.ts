import { idParamSchema } from "../../../shared/api/common.ts";
import {
  documentListQuerySchema,
  documentPageSchema,
  documentSchema,
  documentUploadSchema,
  MAX_DOCUMENT_FILE_BYTES,
  updateDocumentSchema,
} from "../../../shared/api/documents.ts";
import { EDIT_COMMISSION, READ_COMMISSION } from "../../http/access.ts";
import { limitBodyTo } from "../../http/body-limit.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";
import { defineFileRoute } from "../exports/file-response.ts";
import { attachmentDisposition, FILE_SIZE_RULE } from "./document-file.ts";

/** The file plus room for the metadata and the multipart framing around them. */
const MAX_DOCUMENT_UPLOAD_BYTES = MAX_DOCUMENT_FILE_BYTES + 1024 * 1024;

const listDocuments = defineRoute({
  method: "get",
  path: "/documents",
  tags: ["documents"],
  summary: "Documents of a commission or session, by kind or by words of their title (Russian and English stems)",
  access: READ_COMMISSION,
  request: { query: documentListQuerySchema },
  ok: { status: 200, schema: documentPageSchema, description: "A page of documents, newest first" },
});

const getDocument = defineRoute({
  method: "get",
  path: "/documents/{id}",
  tags: ["documents"],
  summary: "One document with its signatories and the facts of its file",
  access: READ_COMMISSION,
  request: { params: idParamSchema },
  ok: { status: 200, schema: documentSchema, description: "The document" },
});

const uploadDocument = defineRoute({
  method: "post",
  path: "/documents",
  tags: ["documents"],
  summary:
    "Add a document: multipart/form-data with `metadata` (JSON text) and optionally `file` (at most 20 MB; PDF, " +
    "DOCX, XLSX, UTF-8 text or HTML, recognised by its bytes: 415 otherwise)",
  access: EDIT_COMMISSION,
  middleware: [limitBodyTo(MAX_DOCUMENT_UPLOAD_BYTES, `file: is too large; ${FILE_SIZE_RULE}.`)],
  request: { body: { required: true, content: { "multipart/form-data": { schema: documentUploadSchema } } } },
  ok: { status: 201, schema: documentSchema, description: "The created document" },
});

const updateDocument = defineRoute({
  method: "patch",
  path: "/documents/{id}",
  tags: ["documents"],
  summary:
    "Change a document's title, kind, languages, signing date, session or signatories; `version` must be the one read (else 409)",
  access: EDIT_COMMISSION,
  request: { params: idParamSchema, body: jsonBody(updateDocumentSchema) },
  ok: { status: 200, schema: documentSchema, description: "The changed document" },
});

const downloadDocumentFile = defineFileRoute({
  method: "get",
  path: "/documents/{id}/file",
  tags: ["documents"],
  summary: "The document's file as uploaded, as an attachment with its stored media type",
  access: READ_COMMISSION,
  request: { params: idParamSchema },
  mediaType: "application/octet-stream",
  description: "The file's bytes",
});

export const documentRoutes = createRouter()
  .openapi(listDocuments, async (c) => c.json(await c.var.services.documents.list(c.req.valid("query")), 200))
  .openapi(getDocument, async (c) => c.json(await c.var.services.documents.get(c.req.valid("param").id), 200))
  .openapi(uploadDocument, async (c) => {
    const { file, metadata } = c.req.valid("form");
    const upload = file ? { name: file.name, content: Buffer.from(await file.arrayBuffer()) } : null;
    return c.json(await c.var.services.documents.create(metadata, upload, actorOf(c)), 201);
  })
  .openapi(updateDocument, async (c) =>
    c.json(await c.var.services.documents.update(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 200),
  )
  .openapi(downloadDocumentFile, async (c) => {
    const file = await c.var.services.documents.download(c.req.valid("param").id);
    // Hono types its body as ArrayBuffer-backed; a Buffer from pg may sit on a pooled ArrayBufferLike.
    return c.body(new Uint8Array(file.content), 200, {
      "Content-Type": file.mediaType,
      "Content-Disposition": attachmentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
    });
  });
