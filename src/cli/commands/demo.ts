import type { Command } from "commander";
import { z } from "zod";
import { describeDatabase, loadConfig } from "../../server/config.ts";
import type { Database } from "../../server/db/client.ts";
import { openDatabase } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { SYSTEM_ACTOR } from "../../server/features/audit.ts";
import { azKgCommission } from "../../server/features/demo/az-kg.ts";
import { isDatabaseEmpty, loadDemoCommission } from "../../server/features/demo/demo.service.ts";
import {
  generatePortfolio,
  MAX_SCALE,
  type PortfolioSize,
  portfolioShape,
  settlePortfolio,
} from "../../server/features/demo/scale-portfolio.ts";
import { AppError } from "../../server/http/errors.ts";

const scaleSchema = z.coerce
  .number({ error: "--scale must be a number, e.g. 0.1" })
  .gt(0, "--scale must be above 0")
  .max(MAX_SCALE, `--scale must be at most ${MAX_SCALE}`);

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("load the demo commission (Azerbaijan–Kyrgyzstan), or with --scale a generated portfolio")
    .option(
      "--scale <n>",
      "generate a portfolio instead: 1 = 200 commissions, 1,000,000 commitments, 5,000,000 status updates; " +
        "0.1 = a tenth of it",
    )
    .option("--force", "load it even when the database already holds commissions")
    .action(async (options: { scale?: string; force?: boolean }) => {
      const scale = options.scale === undefined ? null : parseScale(options.scale);
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
        if (scale === null) {
          const id = await loadDemoCommission(database.db, azKgCommission, SYSTEM_ACTOR);
          console.log(`Loaded the demo commission ${id} into ${describeDatabase(config.database)}.`);
        } else {
          const size = await generateScaledPortfolio(database, scale);
          console.log(`Generated into ${describeDatabase(config.database)}: ${describeSize(size)}.`);
        }
      } finally {
        await database.close();
      }
    });
}

function parseScale(text: string): number {
  const parsed = scaleSchema.safeParse(text);
  if (!parsed.success) throw new AppError("validation_failed", parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}

async function generateScaledPortfolio(database: Database, scale: number): Promise<PortfolioSize> {
  // Progress goes to stderr, so that stdout holds only the result.
  const size = await generatePortfolio(database.db, portfolioShape(scale), (step, seconds) =>
    process.stderr.write(seconds === null ? `  ${step} …\n` : `  ${step}: ${seconds.toFixed(1)} s\n`),
  );
  process.stderr.write("  vacuum analyze …\n");
  await settlePortfolio(database.db);
  return size;
}

function describeSize(size: PortfolioSize): string {
  const count = (n: number) => n.toLocaleString("en-US");
  return [
    `${count(size.commissions)} commissions`,
    `${count(size.sessions)} sessions`,
    `${count(size.documents)} documents`,
    `${count(size.organizations)} organisations`,
    `${count(size.commitments)} commitments`,
    `${count(size.responsibles)} responsible organisations`,
    `${count(size.statusUpdates)} status updates`,
  ].join(", ");
}
