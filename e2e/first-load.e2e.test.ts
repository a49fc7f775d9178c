// The JavaScript a browser fetches before the first page shows: the entry and the chunks index.html preloads
// (its static imports). Lazily loaded pages, the forms' contracts (zod) and the chart library stay out of it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const WEB_DIR = resolve("dist/web");
const BUDGET_GZIP_BYTES = 300 * 1024;

function firstLoadScripts(): string[] {
  const html = readFileSync(join(WEB_DIR, "index.html"), "utf8");
  return [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? "");
}

describe("the first load", () => {
  it.runIf(existsSync(join(WEB_DIR, "index.html")))(`stays under ${BUDGET_GZIP_BYTES / 1024} KB of gzipped JS`, () => {
    const scripts = firstLoadScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((file) => ({
      file,
      gzip: gzipSync(readFileSync(join(WEB_DIR, "assets", file)), { level: 9 }).length,
    }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.log(
      `first load: ${(total / 1024).toFixed(1)} KB gzip in ${sizes.length} files\n` +
        sizes.map((s) => `  ${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join("\n"),
    );
    expect(total).toBeLessThan(BUDGET_GZIP_BYTES);

    // ECharts and zod are built into chunks of their own, and neither is loaded up front.
    const assets = readdirSync(join(WEB_DIR, "assets"));
    expect(assets.some((f) => /^echarts-.*\.js$/.test(f))).toBe(true);
    expect(scripts.filter((f) => /^(echarts|zod)-/.test(f))).toEqual([]);
  });
});
