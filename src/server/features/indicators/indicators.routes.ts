import { idParamSchema } from "../../../shared/api/common.ts";
import {
  growthQuerySchema,
  growthResultSchema,
  MAX_IMPORT_ROWS,
  observationImportQuerySchema,
  observationImportResultSchema,
  observationImportSchema,
  observationInputSchema,
  observationListQuerySchema,
  observationListSchema,
  observationSchema,
} from "../../../shared/api/indicators.ts";
import { EDIT_COMMISSION, READ_COMMISSION } from "../../http/access.ts";
import { limitBodyTo } from "../../http/body-limit.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";
import { CSV_HEADER } from "./observations-csv.ts";

/** 10,000 rows with long Cyrillic sources, JSON-escaped, stay below this. */
const MAX_IMPORT_BODY_BYTES = 16 * 1024 * 1024;

const listObservations = defineRoute({
  method: "get",
  path: "/commissions/{id}/observations",
  tags: ["indicators"],
  summary: "Trade observations of a commission, each country's statistics apart, by indicator, reporter and period",
  access: READ_COMMISSION,
  request: { params: idParamSchema, query: observationListQuerySchema },
  ok: { status: 200, schema: observationListSchema, description: "The observations" },
});

const upsertObservation = defineRoute({
  method: "post",
  path: "/commissions/{id}/observations",
  tags: ["indicators"],
  summary: "Record an observation; one already there for the same indicator, reporter and period is replaced",
  access: EDIT_COMMISSION,
  request: { params: idParamSchema, body: jsonBody(observationInputSchema) },
  ok: { status: 201, schema: observationSchema, description: "The observation as stored" },
});

const importObservations = defineRoute({
  method: "post",
  path: "/commissions/{id}/observations/import",
  tags: ["indicators"],
  summary:
    `Import observations from CSV sent as JSON \`{ "csv": "…" }\` with the header \`${CSV_HEADER}\` (comma or ` +
    `semicolon, quoted fields allowed, at most ${MAX_IMPORT_ROWS} rows). All rows or none: any bad row answers 400 ` +
    "with `details.rows` = [{ line, column, message }]. `?dryRun=true` previews without writing.",
  access: EDIT_COMMISSION,
  middleware: [
    limitBodyTo(MAX_IMPORT_BODY_BYTES, `csv: is too large; import at most ${MAX_IMPORT_ROWS} rows at once.`),
  ],
  request: { params: idParamSchema, query: observationImportQuerySchema, body: jsonBody(observationImportSchema) },
  ok: {
    status: 200,
    schema: observationImportResultSchema,
    description: "What was (or, in a dry run, would be) written",
  },
});

const growth = defineRoute({
  method: "get",
  path: "/commissions/{id}/growth",
  tags: ["indicators"],
  summary:
    "Year-on-year growth of the months from..to against the same months a year before, from one reporter's " +
    "figures; when it cannot be computed (missing months, zero base, mixed units) the answer says why, still 200",
  access: READ_COMMISSION,
  request: { params: idParamSchema, query: growthQuerySchema },
  ok: { status: 200, schema: growthResultSchema, description: "The growth, or the reason there is none" },
});

export const indicatorRoutes = createRouter()
  .openapi(listObservations, async (c) =>
    c.json({ items: await c.var.services.indicators.list(c.req.valid("param").id, c.req.valid("query")) }, 200),
  )
  .openapi(upsertObservation, async (c) =>
    c.json(await c.var.services.indicators.upsert(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(importObservations, async (c) =>
    c.json(
      await c.var.services.indicators.importCsv(
        c.req.valid("param").id,
        c.req.valid("json").csv,
        c.req.valid("query").dryRun,
        actorOf(c),
      ),
      200,
    ),
  )
  .openapi(growth, async (c) =>
    c.json(await c.var.services.indicators.growth(c.req.valid("param").id, c.req.valid("query")), 200),
  );
