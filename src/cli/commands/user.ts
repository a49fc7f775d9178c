import type { Command } from "commander";
import { loadConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { SYSTEM_ACTOR } from "../../server/features/audit.ts";
import { createServices } from "../../server/services.ts";
import { GRANT_ROLES } from "../../shared/api/accounts.ts";

type CreateOptions = {
  email: string;
  name?: string;
  admin?: boolean;
  role?: string;
  commission?: string;
  organization?: string;
};

export function registerUser(program: Command): void {
  const user = program.command("user").description("manage accounts");
  user
    .command("create")
    .description("open an account and print its one-time password (changed at the first sign-in)")
    .requiredOption("--email <address>", "the person's e-mail address (their sign-in name)")
    .option("--name <name>", "the name shown in the app and the audit log (default: the e-mail address)")
    .option("--admin", "an administrator: may do everything, including managing accounts")
    .option("--role <role>", `a role: ${GRANT_ROLES.join(", ")}`)
    .option("--commission <id>", "the commission the role is in (default: every commission)")
    .option("--organization <id>", "a focal point's organisation")
    .action(async (options: CreateOptions) => {
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        await migrate(database.db);
        const issued = await createServices(database.db).users.create(
          {
            email: options.email,
            displayName: options.name ?? options.email,
            isAdministrator: options.admin === true,
            grants: options.role
              ? [
                  {
                    role: options.role as (typeof GRANT_ROLES)[number],
                    commissionId: options.commission ?? null,
                    organizationId: options.organization ?? null,
                  },
                ]
              : [],
          },
          { ...SYSTEM_ACTOR, name: "command line" },
        );
        console.log(`Account ${issued.user.email}${issued.user.isAdministrator ? " (administrator)" : ""} is open.`);
        console.log(`One-time password: ${issued.oneTimePassword}`);
      } finally {
        await database.close();
      }
    });
}
