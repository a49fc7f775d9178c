// The JavaScript a browser fetches before the first page shows: the entry and the chunks index.html preloads
// (its static imports). Lazily loaded pages, the forms' contracts (zod) and the chart library stay out of it.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { measureFirstLoad } from "../bench/first-load.ts";

const WEB_DIR = resolve("dist/web");
const BUDGET_GZIP_BYTES = 300 * 1024;

describe("the first load", () => {
  it.runIf(existsSync(join(WEB_DIR, "index.html")))(`stays under ${BUDGET_GZIP_BYTES / 1024} KB of gzipped JS`, () => {
    const load = measureFirstLoad(WEB_DIR);
    expect(load?.files.length).toBeGreaterThan(0);
    console.log(
      `first load: ${((load?.gzipBytes ?? 0) / 1024).toFixed(1)} KB gzip in ${load?.files.length} files\n` +
        (load?.files ?? []).map((f) => `  ${f.file} ${(f.gzipBytes / 1024).toFixed(1)} KB`).join("\n"),
    );
    expect(load?.gzipBytes).toBeLessThan(BUDGET_GZIP_BYTES);

    // ECharts and zod are built into chunks of their own, and neither is loaded up front.
    const assets = readdirSync(join(WEB_DIR, "assets"));
    expect(assets.some((f) => /^echarts-.*\.js$/.test(f))).toBe(true);
    expect(load?.files.filter((f) => /^(echarts|zod)-/.test(f.file))).toEqual([]);
  });
});
