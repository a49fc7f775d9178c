import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";

interface ExtractOptions {
  json?: boolean;
}

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("read a press release or protocol (.txt, .html, .docx, .pdf) and print the extracted draft")
    .argument("[file]", 'the document; none or "-" reads standard input')
    .option("--json", "print the draft as JSON (format igc-extraction/1 with evidence spans)")
    .action(async (file: string | undefined, options: ExtractOptions) => {
      process.exitCode = await runExtract(file, options);
    });
}

async function runExtract(file: string | undefined, options: ExtractOptions): Promise<number> {
  const fromStdin = file === undefined || file === "-";
  let bytes: Uint8Array;
  try {
    bytes = fromStdin ? await readStdin() : await readFile(file);
  } catch (error) {
    console.error(
      `Cannot read ${fromStdin ? "standard input" : file}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  // The extractor is loaded only now: mammoth and unpdf stay out of the start-up of every other command.
  const { extractDocument, ExtractionError } = await import("../../extract/index.ts");
  try {
    const result = await extractDocument({ bytes, ...(fromStdin ? {} : { fileName: basename(file) }) });
    console.log(options.json ? JSON.stringify(result.draft, null, 2) : summarize(result.draft));
    return 0;
  } catch (error) {
    if (error instanceof ExtractionError) {
      console.error(`${fromStdin ? "Input" : file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

type Draft = Awaited<ReturnType<typeof import("../../extract/index.ts").extractDocument>>["draft"];

function summarize(draft: Draft): string {
  const session = draft.session;
  const lines = [
    `Language: ${draft.language}`,
    `Commission: ${draft.commission?.countries.join("–") || "?"}${draft.commission?.name ? ` (${draft.commission.name})` : ""}`,
    `Session: ${session?.number ?? "?"}, ${session?.date ?? "date ?"}, ${session?.city ?? "city ?"}${session?.host_country ? ` (${session.host_country})` : ""}`,
    `Co-chairs: ${draft.co_chairs.map((c) => `${c.name}${c.country ? ` (${c.country})` : ""}`).join("; ") || "none found"}`,
    `Sectors: ${draft.sectors.join(", ") || "none"}`,
    `Commitments: ${draft.commitments.length}`,
    ...draft.commitments.map(
      (c) => `  ${c.item ? `${c.item} ` : ""}[${c.sector}] ${c.text}${c.deadline ? ` — ${c.deadline}` : ""}`,
    ),
    `Organisations: ${draft.organizations.map((o) => o.name).join("; ") || "none"}`,
    `Programmes: ${draft.programmes.map((p) => `${p.name} (${p.start_year}–${p.end_year})`).join("; ") || "none"}`,
    `Figures: ${draft.figures.map((f) => `${f.value} ${f.unit}${f.period ? ` (${f.period})` : ""}`).join("; ") || "none"}`,
    `Signed: ${draft.documents_signed.map((d) => d.title).join("; ") || "none"}`,
    `Next session: ${draft.next_session ? `${draft.next_session.number ?? "?"}, ${draft.next_session.city ?? draft.next_session.country ?? "place ?"}, ${draft.next_session.date ?? (draft.next_session.via_diplomatic_channels ? "date via diplomatic channels" : "date ?")}` : "not stated"}`,
    `Site visits: ${draft.site_visits.map((v) => `${v.place}${v.date ? ` (${v.date})` : ""}`).join("; ") || "none"}`,
    ...draft.warnings.map((w) => `Warning: ${w.message}`),
  ];
  return lines.join("\n");
}
