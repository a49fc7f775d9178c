import { existsSync, readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { extractFromText } from "../src/extract/index.ts";
import { formatCount, formatMs, progress } from "./report.ts";

/**
 * Extraction on one core: throughput in MB/s of text and latency per document over 1,000 documents generated from
 * the extractor's fixtures, and the seed article's time once the code is warm (target: under 50 ms).
 */

export type ExtractionBenchFigures = {
  documents: number;
  megabytes: number;
  megabytesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Null when the seed article (../shared/seed/) is not on this machine. */
  seedMs: number | null;
};

const DOCUMENTS = 1000;
const SEED_WARM_UP_RUNS = 20;
const SEED_RUNS = 50;
const SEED_TARGET_MS = 50;
const FIXTURES = fileURLToPath(new URL("../src/extract/fixtures/", import.meta.url));
const SEED_FOLDER = fileURLToPath(new URL("../../shared/seed/", import.meta.url));

// Countries are swapped by their stems, which Russian inflects by ending (Казахстан → Казахстана) and English not.
const COUNTRY_STEMS = {
  ru: ["Азербайджан", "Кыргызстан", "Казахстан", "Узбекистан", "Таджикистан", "Туркменистан", "Пакистан"],
  en: ["Azerbaijan", "Kyrgyzstan", "Kazakhstan", "Uzbekistan", "Tajikistan", "Turkmenistan", "Georgia", "Qatar"],
};

type Fixture = { language: "ru" | "en"; paragraphs: string[] };

/** A small deterministic generator, so that every run measures the same corpus. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    integer: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)],
  };
}
type Random = ReturnType<typeof randomSource>;

function readFixtures(): Fixture[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".txt"))
    .map((name) => ({
      language: name.includes(".en.") ? ("en" as const) : ("ru" as const),
      paragraphs: readFileSync(`${FIXTURES}${name}`, "utf8")
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== ""),
    }));
}

/** Years move together (dates stay coherent); amounts above 31 scale, so days and item numbers stay valid. */
function varyNumbers(text: string, random: Random, yearShift: number): string {
  return text.replace(/(?<![\d.,])\d+(?:[.,]\d+)?(?![\d.,]\d)/g, (written) => {
    const value = Number(written.replace(",", "."));
    if (/^(?:19|20)\d\d$/.test(written)) return String(value + yearShift);
    if (value <= 31) return written;
    const decimals = written.split(/[.,]/)[1]?.length ?? 0;
    const scaled = (value * (0.5 + random.next() * 1.5)).toFixed(decimals);
    return written.includes(",") ? scaled.replace(".", ",") : scaled;
  });
}

function swapCountries(text: string, language: Fixture["language"], random: Random): string {
  const stems = COUNTRY_STEMS[language];
  const shuffled = [...stems].sort(() => random.next() - 0.5);
  const pattern = new RegExp(stems.join("|"), "g");
  return text.replace(pattern, (stem) => shuffled[stems.indexOf(stem)] ?? stem);
}

/** One document: a fixture's paragraphs with a few from others of its language, its numbers and countries varied. */
function generateDocument(fixtures: Fixture[], index: number): string {
  const random = randomSource(index + 1);
  const base = fixtures[index % fixtures.length];
  if (!base) throw new Error(`No extraction fixtures in ${FIXTURES}.`);
  const sameLanguage = fixtures.filter((f) => f.language === base.language);
  const paragraphs = [...base.paragraphs];
  for (let added = random.integer(1, 4); added > 0; added--) {
    const borrowed = random.pick(random.pick(sameLanguage)?.paragraphs.slice(1) ?? []);
    if (borrowed) paragraphs.splice(random.integer(1, paragraphs.length), 0, borrowed);
  }
  const text = paragraphs.join("\n\n");
  return swapCountries(varyNumbers(text, random, random.integer(-10, 1)), base.language, random);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function timeOne(text: string): number {
  const start = performance.now();
  extractFromText(text);
  return performance.now() - start;
}

function measureSeed(): number | null {
  if (!existsSync(SEED_FOLDER)) return null;
  const name = readdirSync(SEED_FOLDER).find((file) => file.endsWith(".txt"));
  if (!name) return null;
  const text = readFileSync(`${SEED_FOLDER}${name}`, "utf8");
  for (let run = 0; run < SEED_WARM_UP_RUNS; run++) timeOne(text);
  const times = Array.from({ length: SEED_RUNS }, () => timeOne(text)).sort((a, b) => a - b);
  return percentile(times, 50);
}

export async function runExtractionBench(): Promise<ExtractionBenchFigures> {
  const fixtures = readFixtures();
  progress(`generating ${formatCount(DOCUMENTS)} documents from ${fixtures.length} fixtures`);
  const corpus = Array.from({ length: DOCUMENTS }, (_, i) => generateDocument(fixtures, i));
  // One unmeasured pass: the figures are those of a server that has been running, not of code still compiling.
  progress("warming up");
  for (const text of corpus) extractFromText(text);
  progress("extracting");
  const times = corpus.map(timeOne);
  const seconds = times.reduce((sum, ms) => sum + ms, 0) / 1000;
  const megabytes = corpus.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
  const sorted = [...times].sort((a, b) => a - b);
  const figures: ExtractionBenchFigures = {
    documents: DOCUMENTS,
    megabytes,
    megabytesPerSecond: megabytes / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    seedMs: measureSeed(),
  };
  console.log(describeExtractionBench(figures));
  return figures;
}

export function describeExtractionBench(f: ExtractionBenchFigures): string {
  const seed =
    f.seedMs === null
      ? "Seed article: skipped (../shared/seed/ is not here)"
      : `Seed article: ${formatMs(f.seedMs)} ms after warm-up (p50 of ${SEED_RUNS}; target < ${SEED_TARGET_MS} ms)`;
  return [
    `Extraction, one core: ${formatCount(f.documents)} generated documents, ${f.megabytes.toFixed(2)} MB of text, after one unmeasured pass`,
    `Throughput:   ${f.megabytesPerSecond.toFixed(2)} MB/s (target ≥ 1 MB/s)`,
    `Per document: p50 ${formatMs(f.p50Ms)} ms, p99 ${formatMs(f.p99Ms)} ms`,
    seed,
  ].join("\n");
}

if (import.meta.main) await runExtractionBench();
