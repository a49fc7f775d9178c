import { Command } from "commander";
import { ConfigError } from "../server/config.ts";
import { registerDemo } from "./commands/demo.ts";
import { registerExport } from "./commands/export.ts";
import { registerExtract } from "./commands/extract.ts";
import { registerImport } from "./commands/import.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerRemind } from "./commands/remind.ts";
import { registerServe } from "./commands/serve.ts";

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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
