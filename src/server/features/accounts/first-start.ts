import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { SYSTEM_ACTOR } from "../audit.ts";
import type { createUserService } from "./users.service.ts";

export const DEMO_ADMIN_EMAIL = "demo-admin@example.org";

export async function hasAccounts(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom("users").select("id").limit(1).executeTakeFirst()) !== undefined;
}

/** The demo's administrator: a fresh random password each time, shown once, to be changed at first sign-in. */
export async function createDemoAdministrator(users: ReturnType<typeof createUserService>) {
  return users.create(
    { email: DEMO_ADMIN_EMAIL, displayName: "Demo administrator", isAdministrator: true },
    SYSTEM_ACTOR,
  );
}

/** Printed to the terminal, not the log, so the one-time password is seen by whoever started the server. */
export function announceDemoAdministrator(issued: { user: { email: string }; oneTimePassword: string }): void {
  console.log(
    [
      "",
      "  Sign in to the demo as its administrator:",
      `    e-mail:            ${issued.user.email}`,
      `    one-time password: ${issued.oneTimePassword}   (you will choose your own at the first sign-in)`,
      "",
    ].join("\n"),
  );
}
