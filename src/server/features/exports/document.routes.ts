import { idParamSchema } from "../../../shared/api/common.ts";
import {
  pressReleaseInSchema,
  pressReleaseQuerySchema,
  pressReleaseSchema,
  protocolQuerySchema,
  reportQuerySchema,
} from "../../../shared/api/exports.ts";
import { READ_COMMISSION } from "../../http/access.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";
import { type DocumentFormat, MEDIA_TYPES } from "./document-exports.ts";
import { defineFileRoute, sendFile } from "./file-response.ts";

const tags = ["documents out"];

const protocolRoute = (format: DocumentFormat) =>
  defineFileRoute({
    method: "get",
    path: `/sessions/{id}/protocol.${format}`,
    tags,
    summary: `The session's protocol as ${format.toUpperCase()}: one language, or two side by side (lang2)`,
    access: READ_COMMISSION,
    request: { params: idParamSchema, query: protocolQuerySchema },
    mediaType: MEDIA_TYPES[format],
    description: "The protocol, as an attachment",
  });

const reportRoute = (format: DocumentFormat) =>
  defineFileRoute({
    method: "get",
    path: `/sessions/{id}/implementation-report.${format}`,
    tags,
    summary: `The implementation report made at this session (on the previous one, or ?of=) as ${format.toUpperCase()}`,
    access: READ_COMMISSION,
    request: { params: idParamSchema, query: reportQuerySchema },
    mediaType: MEDIA_TYPES[format],
    description: "The report, as an attachment",
  });

const pressReleaseDraft = defineRoute({
  method: "get",
  path: "/sessions/{id}/press-release",
  tags,
  summary: "A press release drafted from the session's record, to edit before export",
  access: READ_COMMISSION,
  request: { params: idParamSchema, query: pressReleaseQuerySchema },
  ok: { status: 200, schema: pressReleaseSchema, description: "Title and text (paragraphs separated by a blank line)" },
});

const pressReleaseDocx = defineFileRoute({
  method: "post",
  path: "/sessions/{id}/press-release.docx",
  tags,
  summary: "The press release as edited, as DOCX",
  access: READ_COMMISSION,
  request: { params: idParamSchema, body: jsonBody(pressReleaseInSchema) },
  mediaType: MEDIA_TYPES.docx,
  description: "The press release, as an attachment",
});

export const documentExportRoutes = createRouter()
  .openapi(protocolRoute("docx"), async (c) =>
    sendFile(c, await c.var.services.exports.documents.protocol(c.req.valid("param").id, "docx", c.req.valid("query"))),
  )
  .openapi(protocolRoute("pdf"), async (c) =>
    sendFile(c, await c.var.services.exports.documents.protocol(c.req.valid("param").id, "pdf", c.req.valid("query"))),
  )
  .openapi(reportRoute("docx"), async (c) =>
    sendFile(c, await c.var.services.exports.documents.report(c.req.valid("param").id, "docx", c.req.valid("query"))),
  )
  .openapi(reportRoute("pdf"), async (c) =>
    sendFile(c, await c.var.services.exports.documents.report(c.req.valid("param").id, "pdf", c.req.valid("query"))),
  )
  .openapi(pressReleaseDraft, async (c) =>
    c.json(
      await c.var.services.exports.documents.pressReleaseDraft(c.req.valid("param").id, c.req.valid("query").lang),
      200,
    ),
  )
  .openapi(pressReleaseDocx, async (c) =>
    sendFile(c, await c.var.services.exports.documents.pressReleaseDocx(c.req.valid("param").id, c.req.valid("json"))),
  );
