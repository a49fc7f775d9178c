import {
  confirmCommitmentSchema,
  createStatusUpdateSchema,
  MAX_EVIDENCE_FILE_BYTES,
  MAX_EVIDENCE_FILES,
  statusUpdateListSchema,
  statusUpdateResultSchema,
  statusUpdateUploadSchema,
} from "../../../shared/api/commitments.ts";
import { idParamSchema } from "../../../shared/api/common.ts";
import { errorBodySchema } from "../../../shared/errors.ts";
import { READ_COMMISSION, REPORT_ON_COMMITMENT, SIGN_OFF_COMMISSION } from "../../http/access.ts";
import { limitBodyTo } from "../../http/body-limit.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";
import { attachmentDisposition } from "../documents/document-file.ts";
import type { UploadedFile } from "../documents/documents.service.ts";
import { defineFileRoute } from "../exports/file-response.ts";
import { EVIDENCE_SIZE_RULE } from "./evidence-file.ts";

/** Every file at its largest, plus room for the metadata and the multipart framing around them. */
const MAX_EVIDENCE_UPLOAD_BYTES = MAX_EVIDENCE_FILES * MAX_EVIDENCE_FILE_BYTES + 1024 * 1024;
const tags = ["commitments"];
const UPDATE_SUMMARY =
  "With `side`, that side's report: it moves the side's status and awaits the secretariat's confirmation, the " +
  "overall status stays; without `side`, the secretariat's own update of the overall status";

const listUpdates = defineRoute({
  method: "get",
  path: "/commitments/{id}/updates",
  tags,
  summary: "The history of a commitment, newest first: who changed what, when, with which evidence",
  access: READ_COMMISSION,
  request: { params: idParamSchema },
  ok: { status: 200, schema: statusUpdateListSchema, description: "Status updates" },
});

const postUpdate = defineRoute({
  method: "post",
  path: "/commitments/{id}/updates",
  tags,
  summary: `Report progress. ${UPDATE_SUMMARY}`,
  access: REPORT_ON_COMMITMENT,
  request: { params: idParamSchema, body: jsonBody(createStatusUpdateSchema) },
  ok: { status: 201, schema: statusUpdateResultSchema, description: "The update and the commitment after it" },
});

const uploadRoute = defineRoute({
  method: "post",
  path: "/commitments/{id}/updates/with-evidence",
  tags,
  summary:
    "Report progress with evidence: multipart/form-data with `metadata` (the JSON of the plain update) and up to " +
    `${MAX_EVIDENCE_FILES} \`files\` (each at most 10 MB; PDF, DOCX, XLSX, PNG, JPEG or plain text, recognised by ` +
    `their bytes: 413 / 415 otherwise). ${UPDATE_SUMMARY}`,
  access: REPORT_ON_COMMITMENT,
  middleware: [limitBodyTo(MAX_EVIDENCE_UPLOAD_BYTES, `files: are too large; ${EVIDENCE_SIZE_RULE}.`)],
  request: {
    params: idParamSchema,
    body: { required: true, content: { "multipart/form-data": { schema: statusUpdateUploadSchema } } },
  },
  ok: { status: 201, schema: statusUpdateResultSchema, description: "The update and the commitment after it" },
});
const errorContent = { "application/json": { schema: errorBodySchema } };
const postUpdateWithEvidence = {
  ...uploadRoute,
  responses: { ...uploadRoute.responses, 415: { description: "A file is of a type not taken", content: errorContent } },
};

const confirm = defineRoute({
  method: "post",
  path: "/commitments/{id}/confirm",
  tags,
  summary:
    "Joint sign-off: the overall status becomes what the sides' reports propose (or the status and progress " +
    "given), and the commitment no longer awaits confirmation; `version` must be the one read (else 409). The " +
    "secretariat or the co-chair's office signs off.",
  access: SIGN_OFF_COMMISSION,
  request: { params: idParamSchema, body: jsonBody(confirmCommitmentSchema) },
  ok: { status: 201, schema: statusUpdateResultSchema, description: "The confirmation and the commitment after it" },
});

const downloadEvidence = defineFileRoute({
  method: "get",
  path: "/status-update-files/{id}",
  tags,
  summary: "One evidence file as uploaded, as an attachment with its stored media type",
  access: READ_COMMISSION,
  request: { params: idParamSchema },
  mediaType: "application/octet-stream",
  description: "The file's bytes",
});

async function readUploads(files: File[]): Promise<UploadedFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, content: Buffer.from(await f.arrayBuffer()) })));
}

export const commitmentStatusRoutes = createRouter()
  .openapi(listUpdates, async (c) =>
    c.json({ items: await c.var.services.commitments.listUpdates(c.req.valid("param").id) }, 200),
  )
  .openapi(postUpdate, async (c) =>
    c.json(await c.var.services.commitments.postUpdate(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(postUpdateWithEvidence, async (c) => {
    const { metadata, files } = c.req.valid("form");
    const uploads = await readUploads(files);
    return c.json(
      await c.var.services.commitments.postUpdate(c.req.valid("param").id, metadata, actorOf(c), uploads),
      201,
    );
  })
  .openapi(confirm, async (c) =>
    c.json(await c.var.services.commitments.confirm(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(downloadEvidence, async (c) => {
    const file = await c.var.services.commitments.downloadEvidence(c.req.valid("param").id);
    // Hono types its body as ArrayBuffer-backed; a Buffer from pg may sit on a pooled ArrayBufferLike.
    return c.body(new Uint8Array(file.content), 200, {
      "Content-Type": file.mediaType,
      "Content-Disposition": attachmentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
    });
  });
