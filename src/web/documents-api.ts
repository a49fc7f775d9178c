import type {
  CalendarFeed,
  CalendarFeedList,
  ImportResult as CommitmentImportResult,
  PressRelease,
  PressReleaseInput,
} from "../shared/api/exports.ts";
import type { AcceptImportInput, ExtractResult, ImportResult } from "../shared/api/imports.ts";
import type { Language } from "../shared/i18n-text.ts";
import { ApiError } from "./api.ts";

/*
 * The client of documents in and out: reading a document into a draft and accepting it (imports), and the files
 * IGC Desk produces (exports). Kept apart from api.ts so that the import and export pages carry it in their own
 * chunks; errors are the same ApiError.
 */

/** The server's `{ error: { code, message, details } }` as an ApiError, else the status line. */
function errorOf(status: number, statusText: string, body: string): ApiError {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && "error" in parsed && parsed.error && typeof parsed.error === "object") {
      const e = parsed.error as { code?: unknown; message?: unknown; details?: unknown };
      return new ApiError(
        status,
        typeof e.code === "string" ? e.code : "unknown",
        typeof e.message === "string" ? e.message : statusText,
        e.details,
      );
    }
  } catch {
    // Not JSON (a proxy's error page): the status line below.
  }
  return new ApiError(status, "http_error", `The server answered ${status} ${statusText}`.trim());
}

async function send(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      signal,
      headers: {
        accept: "application/json",
        ...(body === undefined || body instanceof FormData ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, "network", `The server could not be reached (${String(cause)})`);
  }
  if (!response.ok) throw errorOf(response.status, response.statusText, await response.text());
  return response;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await (await send(method, path, body)).json()) as T;
}

const at = (collection: string, id: string, rest = "") => `/${collection}/${encodeURIComponent(id)}${rest}`;

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** What the extractor reads: a file as it was chosen, or pasted text. */
export type ExtractSource = { kind: "file"; file: File } | { kind: "text"; text: string; name: string };

export type ExtractProgress =
  /** Sending the document: the share sent so far (0…1). */
  | { phase: "uploading"; sent: number }
  /** Sent; the server is reading it. */
  | { phase: "reading" };

/**
 * POST /api/imports/extract through XMLHttpRequest, the one browser API that reports upload progress (a large PDF
 * takes a while to send on a ministry's connection). Aborting the signal cancels the request.
 */
export function extractDocument(
  source: ExtractSource,
  onProgress: (progress: ExtractProgress) => void,
  signal: AbortSignal,
): Promise<ExtractResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports/extract");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        onProgress({ phase: "uploading", sent: event.loaded / event.total });
    };
    xhr.upload.onload = () => onProgress({ phase: "reading" });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ExtractResult);
        } catch {
          reject(new ApiError(xhr.status, "bad_response", "The server's answer could not be read"));
        }
      } else reject(errorOf(xhr.status, xhr.statusText, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "The server could not be reached"));
    xhr.onabort = () => reject(new DOMException("The reading was cancelled", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    onProgress({ phase: "uploading", sent: 0 });
    if (source.kind === "file") {
      const form = new FormData();
      form.set("file", source.file);
      xhr.send(form);
    } else {
      xhr.setRequestHeader("content-type", "application/json");
      xhr.send(JSON.stringify({ text: source.text }));
    }
  });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

export const documentsApi = {
  acceptImport: (input: AcceptImportInput, dryRun = false) =>
    json<ImportResult>("POST", dryRun ? "/imports/accept?dryRun=true" : "/imports/accept", input),

  pressReleaseDraft: (sessionId: string, lang: "ru" | "en") =>
    json<PressRelease>("GET", withQuery(at("sessions", sessionId, "/press-release"), { lang })),
  /** The edited press release as a DOCX file, and the name the server gives it. */
  pressReleaseDocx: async (sessionId: string, input: PressReleaseInput) => {
    const response = await send("POST", at("sessions", sessionId, "/press-release.docx"), input);
    return { blob: await response.blob(), fileName: fileNameOf(response) ?? "press-release.docx" };
  },

  createCalendarFeed: (scope: FeedScope, id: string, lang: Language) =>
    json<CalendarFeed>("POST", at(scope, id, "/calendar-feeds"), { lang }),
  listCalendarFeeds: (scope: FeedScope, id: string) => json<CalendarFeedList>("GET", at(scope, id, "/calendar-feeds")),
  revokeCalendarFeed: (id: string) => json<{ revoked: true }>("DELETE", at("calendar-feeds", id)),

  /** Adds and updates a session's commitments from a spreadsheet; `dryRun` only says what would change. */
  importCommitments: (sessionId: string, file: File, dryRun: boolean, lang: Language) => {
    const form = new FormData();
    form.set("file", file);
    const path = withQuery(at("sessions", sessionId, "/commitments/import"), { dryRun: String(dryRun), lang });
    return json<CommitmentImportResult>("POST", path, form);
  },
};

export type FeedScope = "commissions" | "organizations";

/** `filename*=UTF-8''…` or `filename="…"` of a Content-Disposition header. */
export function fileNameOf(response: Response): string | null {
  const header = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name: the plain one below, or none.
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? null;
}

/** Hands a file made in the browser to the user as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/* Links the browser follows to download a file (the server answers with an attachment). */

export function protocolUrl(sessionId: string, format: "docx" | "pdf", lang: Language, lang2?: Language): string {
  return withQuery(`/api${at("sessions", sessionId, `/protocol.${format}`)}`, { lang, lang2 });
}

export function reportUrl(sessionId: string, format: "docx" | "pdf", lang: Language, of?: string): string {
  return withQuery(`/api${at("sessions", sessionId, `/implementation-report.${format}`)}`, { lang, of });
}

export function sessionCalendarUrl(sessionId: string, lang: Language): string {
  return withQuery(`/api${at("sessions", sessionId, "/calendar.ics")}`, { lang });
}

/** A commitment list as a spreadsheet, with the list's filters (GET /commitments' query, without paging). */
export function commitmentExportUrl(
  filters: Record<string, string | undefined>,
  format: "csv" | "xlsx",
  lang: Language,
): string {
  return withQuery(`/api/commitments/export.${format}`, { ...filters, lang });
}
