import { organizationListQuerySchema, organizationPageSchema } from "../../../shared/api/organizations.ts";
import { READ_COMMISSION } from "../../http/access.ts";
import { createRouter, defineRoute } from "../../http/openapi.ts";

const listOrganizations = defineRoute({
  method: "get",
  path: "/organizations",
  tags: ["organizations"],
  summary: "Organisations, optionally by country or by any of their names",
  access: READ_COMMISSION,
  request: { query: organizationListQuerySchema },
  ok: { status: 200, schema: organizationPageSchema, description: "A page of organisations" },
});

export const organizationRoutes = createRouter().openapi(listOrganizations, async (c) =>
  c.json(await c.var.services.organizations.list(c.req.valid("query")), 200),
);
