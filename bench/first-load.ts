import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The JavaScript a browser fetches before the first page shows (the entry and the chunks index.html preloads),
 * gzipped, in the last build (`npm run build`); the benchmark reports it and e2e/first-load.e2e.test.ts holds it
 * to its budget.
 */
export type FirstLoad = { gzipBytes: number; files: { file: string; gzipBytes: number }[]; builtAt: Date } | null;

const WEB_DIR = resolve("dist/web");

export function measureFirstLoad(webDir: string = WEB_DIR): FirstLoad {
  const indexFile = join(webDir, "index.html");
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, "utf8");
  const scripts = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? "");
  const files = scripts.map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(join(webDir, "assets", file)), { level: 9 }).length,
  }));
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { gzipBytes, files, builtAt: statSync(indexFile).mtime };
}
