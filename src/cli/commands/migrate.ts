import type { Command } from "commander";
import { describeDatabase, loadConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations")
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        const applied = await migrate(database.db);
        console.log(
          applied.length === 0
            ? `${describeDatabase(config.database)}: up to date.`
            : `${describeDatabase(config.database)}: applied ${applied.join(", ")}.`,
        );
      } finally {
        await database.close();
      }
    });
}
