import { Command } from "commander";
import { ZodError } from "zod";
import { ConfigError } from "../server/config.ts";
import { AppError } from "../server/http/errors.ts";
import { registerBackup } from "./commands/backup.ts";
import { registerDemo } from "./commands/demo.ts";
import { registerExport } from "./commands/export.ts";
import { registerExtract } from "./commands/extract.ts";
import { registerImport } from "./commands/import.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerRemind } from "./commands/remind.ts";
import { registerRestore } from "./commands/restore.ts";
import { registerServe } from "./commands/serve.ts";
import { registerUser } from "./commands/user.ts";

const program = new Command()
  .name("igc")
  .description("IGC Desk: the secretariat's workspace for intergovernmental commissions")
  .showHelpAfterError();
registerServe(program);
registerMigrate(program);
registerDemo(program);
registerExport(program);
registerExtract(program);
registerImport(program);
registerRemind(program);
registerBackup(program);
registerRestore(program);
registerUser(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof AppError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof ZodError) {
    console.error(error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
    process.exit(2);
  }
  throw error;
}
