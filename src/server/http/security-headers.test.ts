import { sql } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { createServices } from "../services.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { createApp } from "./app.ts";

let database: Database & { drop: () => Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.drop());

function appAt(publicUrl: string) {
  return createApp({
    services: createServices(database.db),
    logger: pino({ level: "silent" }),
    webDir: null,
    publicUrl,
    ping: async () => {
      await sql`select 1`.execute(database.db);
      return { engine: database.engine };
    },
  });
}

describe("security headers", () => {
  it("forbid inline scripts and framing on every answer", async () => {
    const res = await appAt("http://localhost:3000").request("/api/health");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("ask browsers to keep to https only when IGC Desk is served over TLS", async () => {
    const plain = await appAt("http://localhost:3000").request("/api/health");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const tls = await appAt("https://igc.example.gov").request("/api/health");
    expect(tls.headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
  });

  it("marks the session cookie Secure behind TLS", async () => {
    const res = await appAt("https://igc.example.gov").request("/api/auth/sign-out", {
      method: "POST",
      headers: { origin: "https://igc.example.gov" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });
});
