import {
  dashboardQuerySchema,
  dashboardSchema,
  rollupListSchema,
  rollupQuerySchema,
} from "../../../shared/api/monitoring.ts";
import { READ_COMMISSION } from "../../http/access.ts";
import { createRouter, defineRoute } from "../../http/openapi.ts";

const tags = ["monitoring"];

// Every figure is a count of a commitment list: the descriptions name the /api/commitments query behind each,
// with the request's own commissionId, sector and organizationId added.
const rollups = defineRoute({
  method: "get",
  path: "/rollups",
  tags,
  summary: "Status counts and progress per sector, organisation, session, programme measure, commission or side",
  description: [
    "Progress is weighted where every counted item of the group has a weight, the plain mean otherwise; dropped",
    "items are left out; null when nothing counts. Late = open (not_started, in_progress) and due before today.",
    "The list behind a group's numbers is /api/commitments with the request's own filters plus the group:",
    "sector=<key>, organizationId=<key>, sessionId=<key>, measureId=<key>, commissionId=<key> or side=<key>;",
    "then total → nothing more; notStarted, inProgress, done, dropped → status=<status>; late → overdue=true;",
    "awaitingConfirmation → awaitingConfirmation=true.",
  ].join(" "),
  access: READ_COMMISSION,
  request: { query: rollupQuerySchema },
  ok: { status: 200, schema: rollupListSchema, description: "One item per group that has commitments" },
});

const dashboard = defineRoute({
  method: "get",
  path: "/dashboard",
  tags,
  summary: "Implementation dashboard of a commission, or of the portfolio of all commissions without commissionId",
  description: [
    "The commitment list behind each number (plus the request's commissionId, sector, organizationId):",
    "totals.total → /api/commitments; totals.<status> → status=<status>; totals.late → overdue=true;",
    "implementationBySession[].total → sessionId=<sessionId>, .done → sessionId=<sessionId>&status=done;",
    "sectorStatusMatrix cell → sector=<sector>&status=<status>, its late → sector=<sector>&overdue=true;",
    "late[] → overdue=true&sort=deadline (the first 20); scorecards[] → organizationId=<organizationId>, its done",
    "→ &status=done, its late → &overdue=true; totals.awaitingConfirmation → awaitingConfirmation=true.",
    "atRisk → open=true&dueFrom=<today>&dueTo=<today+30>&progressBelow=50; upcoming.daysN →",
    "open=true&dueFrom=<today>&dueTo=<today+N>.",
  ].join(" "),
  access: READ_COMMISSION,
  request: { query: dashboardQuerySchema },
  ok: { status: 200, schema: dashboardSchema, description: "The dashboard's figures" },
});

export const monitoringRoutes = createRouter()
  .openapi(rollups, async (c) => c.json(await c.var.services.monitoring.rollups(c.req.valid("query")), 200))
  .openapi(dashboard, async (c) => c.json(await c.var.services.monitoring.dashboard(c.req.valid("query")), 200));
