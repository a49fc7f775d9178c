import type { DocumentLayout } from "../../../documents/layout/blocks.ts";
import { renderDocx } from "../../../documents/layout/docx.ts";
import { renderPdf } from "../../../documents/layout/pdf.ts";
import { draftPressRelease, pressReleaseLayout } from "../../../documents/press-release/press-release.ts";
import { type ProtocolLanguages, protocolLayout } from "../../../documents/protocol/protocol-layout.ts";
import { reportLayout } from "../../../documents/report/report-layout.ts";
import type {
  PressRelease,
  PressReleaseInput,
  PressReleaseLanguage,
  ProtocolQuery,
  ReportQuery,
} from "../../../shared/api/exports.ts";
import type { CarryOverService } from "../carry-over/carry-over.service.ts";
import type { CommissionService } from "../commissions/commissions.service.ts";
import type { CommitmentService } from "../commitments/commitments.service.ts";
import type { SessionService } from "../sessions/sessions.service.ts";
import { loadSessionRecord } from "./session-record.ts";

export const DOCUMENT_FORMATS = ["docx", "pdf"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const MEDIA_TYPES: Record<DocumentFormat | "csv" | "xlsx" | "ics", string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
};

/** A produced file, ready to send as an attachment or to write to disk. */
export type ProducedFile = { fileName: string; mediaType: string; content: Buffer };

type Sources = {
  sessions: SessionService;
  commissions: CommissionService;
  commitments: CommitmentService;
  carryOver: CarryOverService;
};

async function render(layout: DocumentLayout, format: DocumentFormat): Promise<Buffer> {
  return format === "docx" ? renderDocx(layout) : renderPdf(layout);
}

function languagesOf(query: ProtocolQuery): ProtocolLanguages {
  return query.lang2 ? [query.lang, query.lang2] : [query.lang];
}

export function createDocumentExports(sources: Sources) {
  async function sideCodes(commissionId: string): Promise<string[]> {
    return (await sources.commissions.get(commissionId)).countries;
  }

  return {
    async protocol(sessionId: string, format: DocumentFormat, query: ProtocolQuery): Promise<ProducedFile> {
      const record = await loadSessionRecord(sources, sessionId);
      const languages = languagesOf(query);
      const sides = record.commission.countries.join("-");
      return {
        fileName: `protocol-session-${record.session.number}-${sides}-${languages.join("-")}.${format}`,
        mediaType: MEDIA_TYPES[format],
        content: await render(protocolLayout(record, languages), format),
      };
    },

    async report(sessionId: string, format: DocumentFormat, query: ReportQuery): Promise<ProducedFile> {
      const session = await sources.sessions.get(sessionId);
      const report = await sources.carryOver.implementationReport(sessionId, query.of ? { of: query.of } : {});
      const layout = reportLayout(
        { commission: { name: session.commission.name, countries: await sideCodes(session.commissionId) }, report },
        query.lang,
      );
      return {
        fileName: `implementation-report-session-${report.of.number}-for-${report.session.number}-${query.lang}.${format}`,
        mediaType: MEDIA_TYPES[format],
        content: await render(layout, format),
      };
    },

    async pressReleaseDraft(sessionId: string, lang: PressReleaseLanguage): Promise<PressRelease> {
      return draftPressRelease(await loadSessionRecord(sources, sessionId), lang);
    },

    async pressReleaseDocx(sessionId: string, release: PressReleaseInput): Promise<ProducedFile> {
      const session = await sources.sessions.get(sessionId);
      return {
        fileName: `press-release-session-${session.number}-${release.lang}.docx`,
        mediaType: MEDIA_TYPES.docx,
        content: await renderDocx(pressReleaseLayout(release, release.lang)),
      };
    },
  };
}
