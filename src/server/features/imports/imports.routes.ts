import { z } from "zod";
import {
  acceptImportSchema,
  extractResultSchema,
  extractTextSchema,
  extractUploadSchema,
  importResultSchema,
  MAX_IMPORT_BYTES,
} from "../../../shared/api/imports.ts";
import { EDIT_COMMISSION, EDIT_DIRECTORY } from "../../http/access.ts";
import { limitBodyTo } from "../../http/body-limit.ts";
import { AppError } from "../../http/errors.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";
import type { ExtractInput } from "./extract-for-review.ts";

/** The document plus room for the multipart framing, or the draft beside the source text it was read from. */
const MAX_IMPORT_BODY_BYTES = MAX_IMPORT_BYTES + 2 * 1024 * 1024;
const TOO_LARGE = `The document is too large; at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB is read.`;

const extract = defineRoute({
  method: "post",
  path: "/imports/extract",
  tags: ["imports"],
  summary:
    "Read a press release or protocol into a draft (igc-extraction/1) for review: multipart/form-data with `file` " +
    "(.txt, .html, .docx, .pdf; at most 10 MB) or JSON `{ text }`. Nothing is stored. Bad input answers 400, 413 " +
    "or 415 with the reader's reason in `details.reason` (empty_input, binary_input, unreadable_docx …).",
  // Reading stores nothing, so any secretariat may; accepting the draft is checked against its commission.
  access: EDIT_DIRECTORY,
  middleware: [limitBodyTo(MAX_IMPORT_BODY_BYTES, `file: ${TOO_LARGE}`)],
  request: {
    body: {
      required: false,
      content: {
        "multipart/form-data": { schema: extractUploadSchema },
        "application/json": { schema: extractTextSchema },
      },
    },
  },
  ok: { status: 200, schema: extractResultSchema, description: "The draft, the normalised text and each fact's span" },
});

const accept = defineRoute({
  method: "post",
  path: "/imports/accept",
  tags: ["imports"],
  summary:
    "Accept a reviewed draft in one transaction: the commission (commissionId, else by its two countries, else " +
    "new), the session (by number, updated), commitments (by normalised text), organisations (by alias), " +
    "co-chairs and signatories (by name), programmes (by years), the next session, events, documents and trade " +
    "figures; each matched instead of duplicated. `?dryRun=true` answers the same without writing.",
  access: EDIT_COMMISSION,
  middleware: [limitBodyTo(MAX_IMPORT_BODY_BYTES, `source.text: ${TOO_LARGE}`)],
  request: {
    query: z.strictObject({
      dryRun: z
        .enum(["true", "false"], { message: "must be true or false" })
        .transform((v) => v === "true")
        .default(false),
    }),
    body: jsonBody(acceptImportSchema),
  },
  ok: { status: 200, schema: importResultSchema, description: "What was created, matched and skipped" },
});

const NO_DOCUMENT =
  'file: is required; send the document as multipart/form-data `file`, or its text as JSON `{ "text": … }`.';

async function extractInputOf(file: File | undefined, text: string | undefined): Promise<ExtractInput> {
  if (file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { bytes, fileName: file.name, mediaType: file.type, field: "file" };
  }
  if (text !== undefined) return { bytes: new TextEncoder().encode(text), field: "text" };
  throw new AppError("validation_failed", NO_DOCUMENT, { path: "file" });
}

export const importRoutes = createRouter()
  .openapi(extract, async (c) => {
    // Hono types both bodies as either shape; at run time the one not sent is an empty object.
    const form = c.req.valid("form");
    const json = c.req.valid("json");
    const input = await extractInputOf("file" in form ? form.file : undefined, "text" in json ? json.text : undefined);
    return c.json(await c.var.services.imports.extract(input), 200);
  })
  .openapi(accept, async (c) =>
    c.json(
      await c.var.services.imports.accept(c.req.valid("json"), actorOf(c), { dryRun: c.req.valid("query").dryRun }),
      200,
    ),
  );
