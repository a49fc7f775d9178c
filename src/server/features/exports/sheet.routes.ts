import { idParamSchema } from "../../../shared/api/common.ts";
import {
  commitmentExportQuerySchema,
  commitmentImportQuerySchema,
  commitmentImportUploadSchema,
  importResultSchema,
} from "../../../shared/api/exports.ts";
import { EDIT_COMMISSION, READ_COMMISSION } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute } from "../../http/openapi.ts";
import { MEDIA_TYPES } from "./document-exports.ts";
import { defineFileRoute, sendFile } from "./file-response.ts";
import type { SheetFormat } from "./sheet-exports.ts";

const tags = ["spreadsheets"];

const exportRoute = (format: SheetFormat) =>
  defineFileRoute({
    method: "get",
    path: `/commitments/export.${format}`,
    tags,
    summary: `The commitment list with the filters of GET /commitments (every page) as ${format.toUpperCase()}`,
    access: READ_COMMISSION,
    request: { query: commitmentExportQuerySchema },
    mediaType: MEDIA_TYPES[format],
    description: "The spreadsheet, as an attachment",
  });

const importRoute = defineRoute({
  method: "post",
  path: "/sessions/{id}/commitments/import",
  tags,
  summary:
    "Add and update a session's commitments from an XLSX or CSV file with the export's columns. With dryRun=true " +
    "only says what would change. Any wrong row: 400 listing row, column and message, and nothing is written.",
  access: EDIT_COMMISSION,
  request: {
    params: idParamSchema,
    query: commitmentImportQuerySchema,
    body: { required: true, content: { "multipart/form-data": { schema: commitmentImportUploadSchema } } },
  },
  ok: { status: 200, schema: importResultSchema, description: "What each row does (or did)" },
});

export const sheetRoutes = createRouter()
  .openapi(exportRoute("csv"), async (c) =>
    sendFile(c, await c.var.services.exports.sheets.commitments(c.req.valid("query"), "csv")),
  )
  .openapi(exportRoute("xlsx"), async (c) =>
    sendFile(c, await c.var.services.exports.sheets.commitments(c.req.valid("query"), "xlsx")),
  )
  .openapi(importRoute, async (c) => {
    const { file } = c.req.valid("form");
    const { dryRun, lang } = c.req.valid("query");
    const request = { bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name, dryRun, lang };
    return c.json(await c.var.services.exports.importCommitments(c.req.valid("param").id, request, actorOf(c)), 200);
  });
