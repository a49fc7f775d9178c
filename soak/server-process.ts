import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";

/** `igc serve` in a process of its own, as an operator runs it. */
export type ServerProcess = {
  url: string;
  pid: number;
  /** The process's output so far, for the message of a failed expectation. */
  output: () => string;
  /** SIGTERM: the server closes its connections and its database, then exits. */
  stop: () => Promise<void>;
  /** SIGKILL: no goodbye, as when the process crashes or is killed for memory (the machine stays up). */
  kill: () => Promise<void>;
};

const READY = /IGC Desk is ready at (http:\/\/[^\s"]+)/;
const START_TIMEOUT_MS = 60_000;
const KEPT_OUTPUT_CHARS = 20_000;

/**
 * Starts `node src/cli/main.ts serve` on a free port with the given database (DATABASE_URL or IGC_DATA_DIR) and
 * waits for the line announcing its address. Reminders are off: the soak measures requests, not e-mail.
 */
export async function startServerProcess(databaseEnv: Record<string, string>): Promise<ServerProcess> {
  const child = spawnIgc(["serve"], {
    PORT: "0",
    HOST: "127.0.0.1",
    IGC_REMINDERS: "off",
    IGC_DEMO: "off",
    ...databaseEnv,
  });
  const output = collectOutput(child);
  const exited = once(child, "exit");
  const url = await readyUrl(child, output);
  const pid = child.pid;
  if (pid === undefined) throw new Error("The server process has no pid.");
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { url, pid, output, stop: () => signal("SIGTERM"), kill: () => signal("SIGKILL") };
}

/** `igc <args>` with the environment given on top of this one's, less any database of this one's. */
function spawnIgc(args: string[], env: Record<string, string>): ChildProcess {
  const { DATABASE_URL: _server, IGC_DATA_DIR: _folder, SMTP_URL: _mail, ...inherited } = process.env;
  return spawn("node_modules/.bin/node", ["src/cli/main.ts", ...args], {
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs an `igc` command to its end: its exit code and output. */
export async function runIgc(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  const child = spawnIgc(args, env);
  const output = collectOutput(child);
  const [code] = (await once(child, "exit")) as [number | null];
  return { code: code ?? -1, output: output() };
}

/**
 * Keeps the last of what a process writes to stdout and stderr. Always drained: a full pipe would block the
 * server's logging, and with it the server.
 */
function collectOutput(child: ChildProcess): () => string {
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEPT_OUTPUT_CHARS);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => output;
}

function readyUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const onData = () => {
      const found = READY.exec(output());
      if (!found?.[1]) return;
      cleanUp();
      resolve(found[1]);
    };
    const onExit = (code: number | null) => fail(`exited with code ${code} before it was ready`);
    function cleanUp() {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
    }
    function fail(why: string) {
      cleanUp();
      child.kill("SIGKILL");
      reject(new Error(`igc serve ${why}:\n${output()}`));
    }
    // Registered after the keeping listener, so output() already holds the chunk.
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}

/** Resident memory of a process in bytes, from /proc (Linux). */
export function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  const kilobytes = Number(line?.match(/\d+/)?.[0]);
  if (!Number.isFinite(kilobytes)) throw new Error(`No VmRSS for process ${pid}.`);
  return kilobytes * 1024;
}
