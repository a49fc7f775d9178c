import { spawn } from "node:child_process";

export type CliRun = { code: number | null; stdout: string; stderr: string };

/**
 * Runs `igc …` (src/cli/main.ts) as a child process and collects its output. The database comes only from `env`:
 * the caller's own DATABASE_URL, IGC_DATA_DIR and IGC_TOKEN are not passed on.
 */
export function runIgc(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  const { DATABASE_URL: _server, IGC_DATA_DIR: _folder, IGC_TOKEN: _token, ...inherited } = process.env;
  const child = spawn("node_modules/.bin/node", ["src/cli/main.ts", ...args], { env: { ...inherited, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
