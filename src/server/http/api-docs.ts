import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "./context.ts";

const SWAGGER_DIR = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const ASSETS = ["swagger-ui.css", "swagger-ui-bundle.js"] as const;
const CONTENT_TYPES: Record<(typeof ASSETS)[number], string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

// No inline script: the page loads its start-up code from a file, so a strict CSP can stay on.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>IGC Desk API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="docs"></div><script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/start.js"></script></body></html>`;
const START = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#docs", deepLinking: true });`;

/** The API reference page at /api/docs, served from the swagger-ui-dist package (no CDN). */
export const apiDocs = new Hono<AppEnv>()
  .get("/", (c) => c.html(PAGE))
  .get("/start.js", (c) => c.body(START, 200, { "content-type": "text/javascript; charset=utf-8" }))
  .get("/:asset", async (c) => {
    const asset = ASSETS.find((a) => a === c.req.param("asset"));
    if (!asset) return c.notFound();
    const body = await readFile(join(SWAGGER_DIR, asset));
    return c.body(body, 200, { "content-type": CONTENT_TYPES[asset], "cache-control": "public, max-age=86400" });
  });
