import { auditPageSchema, auditQuerySchema } from "../../../shared/api/audit.ts";
import { ADMINISTER } from "../../http/access.ts";
import { createRouter, defineRoute } from "../../http/openapi.ts";

// Read only, on purpose: audit events are written by the services with the change they record, and the
// database refuses to update or delete them (migration 0008).
export const auditLogRoutes = createRouter().openapi(
  defineRoute({
    method: "get",
    path: "/audit",
    tags: ["audit"],
    summary: "The audit log, newest first: who changed what and when, with the values before and after",
    access: ADMINISTER,
    request: { query: auditQuerySchema },
    ok: { status: 200, schema: auditPageSchema, description: "A page of audit events" },
  }),
  async (c) => c.json(await c.var.services.auditLog.list(c.req.valid("query")), 200),
);
