import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { except } from "hono/combine";
import { secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";
import { z } from "zod";
import { featureRoutes } from "../features/routes.ts";
import type { Services } from "../services.ts";
import { PUBLIC } from "./access.ts";
import { apiDocs } from "./api-docs.ts";
import { authenticate } from "./authenticate.ts";
import { limitBodyTo } from "./body-limit.ts";
import type { AppEnv } from "./context.ts";
import { AppError } from "./errors.ts";
import { errorHandler, requestId } from "./middleware.ts";
import { createRouter, defineRoute } from "./openapi.ts";

export const MAX_BODY_BYTES = 1024 * 1024;
/** Routes that set their own, larger body limit (document uploads, CSV imports, evidence with an update). */
const LARGE_BODY_ROUTES = [
  "/api/documents",
  "/api/commissions/:id/observations/import",
  "/api/commitments/:id/updates/with-evidence",
  "/api/imports/extract",
  "/api/imports/accept",
  "/api/sessions/:id/commitments/import",
];

export type AppOptions = {
  services: Services;
  logger: Logger;
  /** Checks the database answers; /api/health reports 503 while it does not. */
  ping: () => Promise<{ engine: string }>;
  /** Folder of the built web app (Vite's output); when absent the API still runs. */
  webDir: string | null;
  /** Where people open IGC Desk (IGC_PUBLIC_URL): writes from there are same-site; https turns on HSTS. */
  publicUrl: string;
  /** IGC_TRUSTED_PROXIES (0 when absent). */
  trustedProxies?: number;
};

const healthSchema = z.object({ status: z.literal("ok"), engine: z.string() });
const health = defineRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  summary: "Answers 200 when the server and its database are ready",
  access: PUBLIC,
  ok: { status: 200, schema: healthSchema, description: "Ready" },
});

function createApi(ping: AppOptions["ping"]) {
  const api = createRouter().openapi(health, async (c) => {
    try {
      const { engine } = await ping();
      return c.json({ status: "ok" as const, engine }, 200);
    } catch {
      throw new AppError("unavailable", "The database is not answering yet.");
    }
  });
  for (const routes of featureRoutes) api.route("/", routes);
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "IGC Desk API",
      version: "0.1.0",
      description:
        "Commissions, sessions, protocols and the implementation of their commitments. Every failure answers " +
        '`{ "error": { "code", "message", "details" } }`. Each operation states the role and scope it needs in `x-igc-access`.',
    },
  });
  return api;
}

export function createApp(options: AppOptions) {
  const app = new Hono<AppEnv>();
  const publicOrigin = new URL(options.publicUrl).origin;
  app.use("*", requestId);
  app.use(
    "*",
    secureHeaders({
      // Only behind TLS (IGC_PUBLIC_URL https): browsers then keep to https for a year.
      strictTransportSecurity: publicOrigin.startsWith("https:") ? "max-age=31536000; includeSubDomains" : false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets style attributes at run time; no script may be inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use("/api/*", async (c, next) => {
    c.set("services", options.services);
    c.set("publicOrigin", publicOrigin);
    c.set("trustedProxies", options.trustedProxies ?? 0);
    await next();
  });
  app.use(
    "/api/*",
    except(LARGE_BODY_ROUTES, limitBodyTo(MAX_BODY_BYTES, `The request body is larger than ${MAX_BODY_BYTES} bytes.`)),
  );
  app.use("/api/*", authenticate);
  app.onError(errorHandler(options.logger));
  app.route("/api/docs", apiDocs);
  app.route("/api", createApi(options.ping));
  app.all("/api/*", (c) => {
    throw new AppError("not_found", `No API route ${c.req.method} ${c.req.path}.`);
  });
  if (options.webDir && existsSync(join(options.webDir, "index.html"))) mountWebApp(app, options.webDir);
  else app.get("*", (c) => c.text("The web app is not built: run `npm run build` (npm start does it for you).", 503));
  return app;
}

/** Static files of the web app, and its index.html for every other path so the client router can take over. */
function mountWebApp(app: Hono<AppEnv>, webDir: string): void {
  const root = relative(process.cwd(), webDir) || ".";
  app.use("/assets/*", serveStatic({ root }));
  app.use("*", serveStatic({ root }));
  app.get("*", async (c) => c.html(await readFile(join(webDir, "index.html"), "utf8")));
}
