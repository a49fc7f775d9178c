import { searchQuerySchema, searchResultSchema } from "../../../shared/api/search.ts";
import { READ_COMMISSION } from "../../http/access.ts";
import { createRouter, defineRoute } from "../../http/openapi.ts";

export const searchRoutes = createRouter().openapi(
  defineRoute({
    method: "get",
    path: "/search",
    tags: ["search"],
    summary: "Search commitments, documents, organisations and people (Russian and English stemming)",
    access: READ_COMMISSION,
    request: { query: searchQuerySchema },
    ok: { status: 200, schema: searchResultSchema, description: "Matches of each kind, best first" },
  }),
  async (c) => c.json(await c.var.services.search.search(c.req.valid("query")), 200),
);
