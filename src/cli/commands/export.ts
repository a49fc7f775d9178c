import { writeFile } from "node:fs/promises";
import { type Command, InvalidArgumentError, Option } from "commander";
import type { z } from "zod";
import { loadConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import type { ExportService } from "../../server/features/exports/exports.service.ts";
import { AppError } from "../../server/http/errors.ts";
import { idSchema } from "../../shared/api/common.ts";
import {
  calendarQuerySchema,
  commitmentExportQuerySchema,
  protocolQuerySchema,
  reportQuerySchema,
} from "../../shared/api/exports.ts";

type Session = { session: string; commission?: string };
type Output = { out: string };

/** Opens the configured database, runs `work` with the export service, and reports a refusal as the API would. */
async function withExports(
  work: (exports: ExportService, db: { sessionId: (s: Session) => Promise<string> }) => Promise<void>,
) {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrate(database.db);
    // Loaded only now: the PDF and DOCX writers stay out of the start-up of every other command.
    const { createExportService } = await import("../../server/features/exports/exports.service.ts");
    const sessionId = async ({ session, commission }: Session): Promise<string> => {
      if (idSchema.safeParse(session).success) return session;
      if (!commission) throw new InvalidArgumentError("--session by number needs --commission <id>.");
      const row = await database.db
        .selectFrom("sessions")
        .select("id")
        .where("commission_id", "=", commission)
        .where("number", "=", Number(session))
        .executeTakeFirst();
      if (!row) throw new AppError("not_found", `The commission ${commission} has no session ${session}.`);
      return row.id;
    };
    await work(createExportService(database.db), { sessionId });
  } catch (error) {
    if (!(error instanceof AppError || error instanceof InvalidArgumentError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

/** Options checked by the API's own contract, so that the command line and HTTP refuse the same things. */
function parsed<S extends z.ZodType>(schema: S, options: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ");
    throw new InvalidArgumentError(problems);
  }
  return result.data;
}

async function save(out: string, content: Buffer | string): Promise<void> {
  await writeFile(out, content);
  console.log(`Wrote ${out}.`);
}

const formatOption = (choices: string[]) =>
  new Option("--format <format>", choices.join(" or ")).choices(choices).makeOptionMandatory();

export function registerExport(program: Command): void {
  const exportCommand = program
    .command("export")
    .description("write a protocol, report, calendar or spreadsheet to a file");

  exportCommand
    .command("protocol")
    .description("a session's protocol, in one language or two side by side")
    .requiredOption("--session <id|number>", "the session: its id, or its number with --commission")
    .option("--commission <id>", "the commission, when --session is a number")
    .addOption(formatOption(["docx", "pdf"]))
    .option("--lang <lang>", "ru, en or az", "ru")
    .option("--lang2 <lang>", "a second language, printed in a parallel column")
    .requiredOption("--out <file>", "where to write it")
    .action(async (options: Session & Output & { format: "docx" | "pdf"; lang: string; lang2?: string }) =>
      withExports(async (exports, { sessionId }) => {
        const query = parsed(protocolQuerySchema, { lang: options.lang, lang2: options.lang2 });
        const file = await exports.documents.protocol(await sessionId(options), options.format, query);
        await save(options.out, file.content);
      }),
    );

  exportCommand
    .command("report")
    .description("the implementation report made at a session on the previous one (or --of)")
    .requiredOption(
      "--session <id|number>",
      "the session the report is made at: its id, or its number with --commission",
    )
    .option("--commission <id>", "the commission, when --session is a number")
    .option("--of <id>", "the session reported on (default: the one before)")
    .addOption(formatOption(["docx", "pdf"]))
    .option("--lang <lang>", "ru, en or az", "ru")
    .requiredOption("--out <file>", "where to write it")
    .action(async (options: Session & Output & { format: "docx" | "pdf"; lang: string; of?: string }) =>
      withExports(async (exports, { sessionId }) => {
        const query = parsed(reportQuerySchema, { lang: options.lang, of: options.of });
        const file = await exports.documents.report(await sessionId(options), options.format, query);
        await save(options.out, file.content);
      }),
    );

  exportCommand
    .command("calendar")
    .description("a commission's sessions and deadlines as an iCalendar file")
    .requiredOption("--commission <id>", "the commission")
    .option("--lang <lang>", "ru, en or az", "en")
    .requiredOption("--out <file>", "where to write it (.ics)")
    .action(async (options: Output & { commission: string; lang: string }) =>
      withExports(async (exports) => {
        const { lang } = parsed(calendarQuerySchema, { lang: options.lang });
        await save(options.out, await exports.calendars.commissionCalendar(options.commission, lang));
      }),
    );

  exportCommand
    .command("commitments")
    .description("commitments as filtered, every one of them, as CSV or XLSX")
    .addOption(formatOption(["csv", "xlsx"]))
    .option("--commission <id>", "only this commission's")
    .option("--session <id>", "only this session's")
    .option("--sector <code>", "only this sector's")
    .option("--status <status>", "not_started, in_progress, done or dropped")
    .option("--organization <id>", "only those this organisation is responsible for")
    .option("--side <country>", "only those with a responsible organisation on this side")
    .option("--overdue <true|false>", "only late ones, or only those not late")
    .option("--q <words>", "only those whose text has these words")
    .option("--sort <order>", "protocol, deadline or updated", "protocol")
    .option("--lang <lang>", "language of headers and names: ru, en or az", "en")
    .requiredOption("--out <file>", "where to write it")
    .action(async (options: Output & Record<string, string | undefined> & { format: "csv" | "xlsx" }) =>
      withExports(async (exports) => {
        const query = parsed(commitmentExportQuerySchema, {
          commissionId: options.commission,
          sessionId: options.session,
          sector: options.sector,
          status: options.status,
          organizationId: options.organization,
          side: options.side,
          overdue: options.overdue,
          q: options.q,
          sort: options.sort,
          lang: options.lang,
        });
        await save(options.out, (await exports.sheets.commitments(query, options.format)).content);
      }),
    );
}
