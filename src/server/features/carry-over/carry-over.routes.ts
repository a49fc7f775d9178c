import { idParamSchema } from "../../../shared/api/common.ts";
import {
  carryOverDecisionSchema,
  carryOverProposalListSchema,
  carryOverResultSchema,
  implementationReportQuerySchema,
  implementationReportSchema,
} from "../../../shared/api/monitoring.ts";
import { EDIT_COMMISSION, READ_COMMISSION } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const tags = ["carry-over"];

const proposals = defineRoute({
  method: "get",
  path: "/sessions/{id}/carry-over",
  tags,
  summary: "Unfinished commitments of the commission's earlier sessions, proposed for this session's agenda",
  description:
    "Open (not_started, in_progress) items of earlier sessions that no commitment up to this session continues; " +
    "a chain is proposed from its newest link.",
  access: READ_COMMISSION,
  request: { params: idParamSchema },
  ok: { status: 200, schema: carryOverProposalListSchema, description: "The proposals in protocol order" },
});

const decide = defineRoute({
  method: "post",
  path: "/sessions/{id}/carry-over",
  tags,
  summary: "Carry proposals over into this session (new items linked to the originals) or drop them with a reason",
  description:
    "All or nothing, audited. An accepted item becomes a not-started commitment of this session with the same " +
    "sector, text and responsible organisations, no deadline, and carriedOverFromId = the original; a dropped one " +
    "gets status dropped with the reason as its update. An item already carried over answers 409.",
  access: EDIT_COMMISSION,
  request: { params: idParamSchema, body: jsonBody(carryOverDecisionSchema) },
  ok: { status: 201, schema: carryOverResultSchema, description: "The new commitments and the dropped ones" },
});

const implementationReport = defineRoute({
  method: "get",
  path: "/sessions/{id}/implementation-report",
  tags,
  summary: "What the secretariat reports at this session on the previous session's commitments (or ?of=)",
  description:
    "By sector: each item with its overall and per-side status and progress, latest update, responsible " +
    "organisations per side, late flag and its continuation in this session; totals per sector and overall.",
  access: READ_COMMISSION,
  request: { params: idParamSchema, query: implementationReportQuerySchema },
  ok: { status: 200, schema: implementationReportSchema, description: "The report's data" },
});

export const carryOverRoutes = createRouter()
  .openapi(proposals, async (c) => c.json(await c.var.services.carryOver.proposals(c.req.valid("param").id), 200))
  .openapi(decide, async (c) =>
    c.json(await c.var.services.carryOver.decide(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 201),
  )
  .openapi(implementationReport, async (c) =>
    c.json(await c.var.services.carryOver.implementationReport(c.req.valid("param").id, c.req.valid("query")), 200),
  );
