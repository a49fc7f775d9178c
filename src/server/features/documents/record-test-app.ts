import { Hono } from "hono";
import pino from "pino";
import type { Database } from "../../db/client.ts";
import type { AppEnv } from "../../http/context.ts";
import { errorHandler, requestId } from "../../http/middleware.ts";
import { createRouter } from "../../http/openapi.ts";
import { createServices } from "../../services.ts";
import { indicatorRoutes } from "../indicators/indicators.routes.ts";
import { createIndicatorService } from "../indicators/indicators.service.ts";
import { documentRoutes } from "./documents.routes.ts";
import { createDocumentService } from "./documents.service.ts";

/**
 * The document and indicator routers on their own, called in-process like the real app: the tests of these
 * features use it until the app mounts them (then `createTestApp` serves the same).
 */
export function createRecordTestApp(database: Database) {
  const services = {
    ...createServices(database.db),
    documents: createDocumentService(database.db),
    indicators: createIndicatorService(database.db),
  };
  const api = createRouter().route("/", documentRoutes).route("/", indicatorRoutes);
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "IGC Desk API (documents, indicators)", version: "0" },
  });
  const app = new Hono<AppEnv>();
  app.use("*", requestId);
  app.use("/api/*", async (c, next) => {
    c.set("services", services);
    await next();
  });
  app.onError(errorHandler(pino({ level: "silent" })));
  app.route("/api", api);
  return app;
}
