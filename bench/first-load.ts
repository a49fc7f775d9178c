import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The JavaScript a browser fetches before the first page shows (the entry and the chunks index.html preloads),
 * gzipped, measured as e2e/first-load.e2e.test.ts measures it, in the last build (`npm run build`).
 */
export type FirstLoad = { gzipBytes: number; files: number; builtAt: Date } | null;

const WEB_DIR = resolve("dist/web");

export function measureFirstLoad(webDir: string = WEB_DIR): FirstLoad {
  const indexFile = join(webDir, "index.html");
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, "utf8");
  const scripts = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? "");
  const gzipBytes = scripts
    .map((file) => gzipSync(readFileSync(join(webDir, "assets", file)), { level: 9 }).length)
    .reduce((sum, bytes) => sum + bytes, 0);
  return { gzipBytes, files: scripts.length, builtAt: statSync(indexFile).mtime };
}
