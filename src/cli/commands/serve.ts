import type { Command } from "commander";
import { loadConfig } from "../../server/config.ts";
import { startServer } from "../../server/main.ts";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the web app and the API (PORT, IGC_DATA_DIR or DATABASE_URL from the environment)")
    .action(async () => {
      const server = await startServer(loadConfig());
      const stop = async () => {
        await server.stop();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
