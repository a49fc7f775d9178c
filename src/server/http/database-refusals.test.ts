import { Hono } from "hono";
import { sql } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import type { AppEnv } from "./context.ts";
import { errorHandler, requestId } from "./middleware.ts";

let database: Database & { drop: () => Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.drop());

/** A route that runs one statement the database refuses, behind the app's error handler. */
function refusing(statement: () => Promise<unknown>) {
  const app = new Hono<AppEnv>();
  app.use("*", requestId);
  app.onError(errorHandler(pino({ level: "silent" })));
  app.get("/x", async (c) => {
    await statement();
    return c.text("ok");
  });
  return app;
}

describe("the database's refusals", () => {
  it("answer 400 or 409 with the error shape, not 500, when a route's validation missed a rule", async () => {
    const cases = [
      // A foreign key to nothing.
      () => sql`insert into role_grants (user_id, role) values (gen_random_uuid(), 'observer')`.execute(database.db),
      // A check constraint.
      () => sql`insert into countries (code, name) values ('ZZ', '"x"'::jsonb)`.execute(database.db),
      // The NUL character in text.
      () => sql`select ${"a\u0000b"}::text`.execute(database.db),
    ];
    for (const statement of cases) {
      const res = await refusing(statement).request("/x");
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    }
    const duplicate = await refusing(() =>
      sql`insert into countries (code, name) select code, name from countries limit 1`.execute(database.db),
    ).request("/x");
    expect(duplicate.status).toBe(409);
  });

  it("still answer 500 to a failure that is not the input's", async () => {
    const res = await refusing(() => sql`select * from no_such_table`.execute(database.db)).request("/x");
    expect(res.status).toBe(500);
  });
});
