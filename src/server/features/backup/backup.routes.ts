import { ADMINISTER } from "../../http/access.ts";
import { createRouter } from "../../http/openapi.ts";
import { attachmentDisposition } from "../documents/document-file.ts";
import { defineFileRoute } from "../exports/file-response.ts";

const backupRoute = defineFileRoute({
  method: "get",
  path: "/backup",
  tags: ["system"],
  summary: "A consistent backup of the whole database (gzip of NDJSON), as `igc backup` writes it",
  access: ADMINISTER,
  mediaType: "application/gzip",
  description: "The backup, as an attachment; restore it with `igc restore <file> --yes`",
});

export const backupRoutes = createRouter().openapi(backupRoute, async (c) => {
  const { fileName, body } = await c.var.services.backup.stream();
  return c.body(body, 200, {
    "Content-Type": "application/gzip",
    "Content-Disposition": attachmentDisposition(fileName),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
});
