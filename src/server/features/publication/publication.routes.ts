import { idParamSchema } from "../../../shared/api/common.ts";
import {
  publicAgreementPageSchema,
  publicAgreementQuerySchema,
  publicationSettingsInputSchema,
  publicationSettingsSchema,
  publicCommissionListSchema,
  publicCommissionSchema,
  publicProgressSchema,
  publicSessionListSchema,
  withholdInputSchema,
  withholdResultSchema,
} from "../../../shared/api/publication.ts";
import { EDIT_COMMISSION, PUBLIC, READ_COMMISSION } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const tags = ["publication"];
const publicTags = ["public"];

/** The secretariat's switches, and the public view itself (read-only, no sign-in: access PUBLIC). */
export const publicationRoutes = createRouter()
  .openapi(
    defineRoute({
      method: "get",
      path: "/commissions/{id}/publication",
      tags,
      summary: "What the commission shows in the public view, and the agreements withheld from it",
      access: READ_COMMISSION,
      request: { params: idParamSchema },
      ok: { status: 200, schema: publicationSettingsSchema, description: "The publication settings" },
    }),
    async (c) => c.json(await c.var.services.publication.settings(c.req.valid("param").id), 200),
  )
  .openapi(
    defineRoute({
      method: "put",
      path: "/commissions/{id}/publication",
      tags,
      summary: "Publish the commission (or stop), and choose its public parts: sessions, agreements, progress",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(publicationSettingsInputSchema) },
      ok: { status: 200, schema: publicationSettingsSchema, description: "The publication settings" },
    }),
    async (c) =>
      c.json(
        await c.var.services.publication.updateSettings(c.req.valid("param").id, c.req.valid("json"), actorOf(c)),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: "put",
      path: "/commitments/{id}/publication",
      tags,
      summary: "Withhold one agreement from the public view, or show it again",
      access: EDIT_COMMISSION,
      request: { params: idParamSchema, body: jsonBody(withholdInputSchema) },
      ok: { status: 200, schema: withholdResultSchema, description: "Whether the agreement is withheld" },
    }),
    async (c) =>
      c.json(
        await c.var.services.publication.withhold(c.req.valid("param").id, c.req.valid("json").withheld, actorOf(c)),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: "get",
      path: "/public/commissions",
      tags: publicTags,
      summary: "Published commissions",
      access: PUBLIC,
      ok: { status: 200, schema: publicCommissionListSchema, description: "The published commissions" },
    }),
    async (c) => c.json(await c.var.services.publication.listPublic(), 200),
  )
  .openapi(
    defineRoute({
      method: "get",
      path: "/public/commissions/{id}",
      tags: publicTags,
      summary: "A published commission: names, co-chairs in office and the parts it publishes",
      access: PUBLIC,
      request: { params: idParamSchema },
      ok: { status: 200, schema: publicCommissionSchema, description: "The commission" },
    }),
    async (c) => c.json(await c.var.services.publication.getPublic(c.req.valid("param").id), 200),
  )
  .openapi(
    defineRoute({
      method: "get",
      path: "/public/commissions/{id}/sessions",
      tags: publicTags,
      summary: "Sessions of a commission that publishes them",
      access: PUBLIC,
      request: { params: idParamSchema },
      ok: { status: 200, schema: publicSessionListSchema, description: "The sessions, by number" },
    }),
    async (c) => c.json(await c.var.services.publication.publicSessions(c.req.valid("param").id), 200),
  )
  .openapi(
    defineRoute({
      method: "get",
      path: "/public/commissions/{id}/agreements",
      tags: publicTags,
      summary: "Agreements of a commission that publishes them, in protocol order (with progress if published)",
      access: PUBLIC,
      request: { params: idParamSchema, query: publicAgreementQuerySchema },
      ok: { status: 200, schema: publicAgreementPageSchema, description: "A page of agreements" },
    }),
    async (c) =>
      c.json(await c.var.services.publication.publicAgreements(c.req.valid("param").id, c.req.valid("query")), 200),
  )
  .openapi(
    defineRoute({
      method: "get",
      path: "/public/commissions/{id}/progress",
      tags: publicTags,
      summary: "Status counts and progress of the published agreements, in all and by sector and session",
      access: PUBLIC,
      request: { params: idParamSchema },
      ok: { status: 200, schema: publicProgressSchema, description: "The progress" },
    }),
    async (c) => c.json(await c.var.services.publication.publicProgress(c.req.valid("param").id), 200),
  );
