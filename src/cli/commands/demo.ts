import type { Command } from "commander";
import { describeDatabase, loadConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { SYSTEM_ACTOR } from "../../server/features/audit.ts";
import { azKgCommission } from "../../server/features/demo/az-kg.ts";
import { isDatabaseEmpty, loadDemoCommission } from "../../server/features/demo/demo.service.ts";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("load the demo commission (Azerbaijan–Kyrgyzstan) into the database")
    .option("--force", "load it even when the database already holds commissions")
    .action(async (options: { force?: boolean }) => {
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        await migrate(database.db);
        if (!options.force && !(await isDatabaseEmpty(database.db))) {
          console.error(
            `${describeDatabase(config.database)} already holds commissions; use --force to add the demo anyway.`,
          );
          process.exitCode = 1;
          return;
        }
        const id = await loadDemoCommission(database.db, azKgCommission, SYSTEM_ACTOR);
        console.log(`Loaded the demo commission ${id} into ${describeDatabase(config.database)}.`);
      } finally {
        await database.close();
      }
    });
}
