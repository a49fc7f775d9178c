import { MAX_EVIDENCE_FILE_BYTES, MAX_EVIDENCE_FILES } from "../shared/api/commitments.ts";
import { COMMITMENT_STATUSES, type CommitmentStatus } from "../shared/deadline.ts";
import { SECTOR_CODES, type SectorCode } from "../shared/sectors.ts";

/**
 * The filters of the commitments list page, as they stand in its URL (`/commitments?sector=energy&overdue=true`).
 * They are the API's own list filters, so that every figure of the dashboard links to the list that reproduces it.
 */
export const LIST_FILTER_KEYS = [
  "commissionId",
  "sessionId",
  "sector",
  "status",
  "organizationId",
  "side",
  "overdue",
  "awaitingConfirmation",
  "focalPointId",
  "measureId",
  "programmeId",
  "open",
  "dueFrom",
  "dueTo",
  "progressBelow",
  "q",
  "sort",
] as const;
export type ListFilterKey = (typeof LIST_FILTER_KEYS)[number];
export type ListFilters = Partial<Record<ListFilterKey, string>>;

export const LIST_SORTS = ["protocol", "deadline", "updated"] as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const isStatus = (v: string): v is CommitmentStatus => (COMMITMENT_STATUSES as readonly string[]).includes(v);
const isSector = (v: string): v is SectorCode => (SECTOR_CODES as readonly string[]).includes(v);

/** The known filters of a query string; values the API would refuse are left out rather than sent. */
export function listFiltersOf(params: URLSearchParams): ListFilters {
  const filters: ListFilters = {};
  for (const key of LIST_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (key === "status" && !isStatus(value)) continue;
    if (key === "sector" && !isSector(value)) continue;
    const yesNo = key === "overdue" || key === "awaitingConfirmation" || key === "open";
    if (yesNo && value !== "true" && value !== "false") continue;
    if ((key === "dueFrom" || key === "dueTo") && !ISO_DAY.test(value)) continue;
    if (key === "progressBelow" && !(/^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 100)) continue;
    if (key === "sort" && !(LIST_SORTS as readonly string[]).includes(value)) continue;
    if (key === "side" && !/^[A-Z]{2}$/.test(value)) continue;
    filters[key] = value;
  }
  return filters;
}

/** The list page's address for these filters; undefined and empty values are left out, the order is fixed. */
export function listHref(
  filters: Partial<Record<ListFilterKey, string | boolean | number | undefined | null>>,
): string {
  const params = new URLSearchParams();
  for (const key of LIST_FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/commitments?${query}` : "/commitments";
}

/** The ISO day `days` after `iso` (calendar days, in UTC like the server's "today"). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The list behind the dashboard's windows: open items due from `asOf` to `days` later, both included (the
 * server's upcoming counts); at risk adds "less than 50% done" within 30 days (the server's AT_RISK rule).
 */
export function dueWindow(asOf: string, days: number): ListFilters {
  return { open: "true", dueFrom: asOf, dueTo: addDays(asOf, days), sort: "deadline" };
}

export const AT_RISK = { withinDays: 30, progressBelow: 50 } as const;

export function atRiskFilters(asOf: string): ListFilters {
  return { ...dueWindow(asOf, AT_RISK.withinDays), progressBelow: String(AT_RISK.progressBelow) };
}

/** The dashboard's scope (one commission or all, a sector, an organisation) as list filters. */
export type Scope = { commissionId?: string; sector?: SectorCode; organizationId?: string };

export function scopeOf(params: URLSearchParams): Scope {
  const scope: Scope = {};
  const commissionId = params.get("commissionId");
  const sector = params.get("sector");
  const organizationId = params.get("organizationId");
  if (commissionId) scope.commissionId = commissionId;
  if (sector && isSector(sector)) scope.sector = sector;
  if (organizationId) scope.organizationId = organizationId;
  return scope;
}

/** Evidence as the server takes it: by extension and media type here, by the bytes there. */
const EVIDENCE_TYPES: { extensions: string[]; mediaTypes: string[] }[] = [
  { extensions: ["pdf"], mediaTypes: ["application/pdf"] },
  {
    extensions: ["docx"],
    mediaTypes: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  },
  { extensions: ["xlsx"], mediaTypes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] },
  { extensions: ["png"], mediaTypes: ["image/png"] },
  { extensions: ["jpg", "jpeg"], mediaTypes: ["image/jpeg"] },
  { extensions: ["txt", "text", "csv", "md"], mediaTypes: ["text/plain", "text/csv", "text/markdown"] },
];

/** For the file input's `accept`: the browser's picker offers these first. */
export const EVIDENCE_ACCEPT = [
  ...EVIDENCE_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`)),
  ...EVIDENCE_TYPES.flatMap((t) => t.mediaTypes),
].join(",");

export type EvidenceProblem =
  | { kind: "tooMany"; max: number }
  | { kind: "tooLarge"; name: string }
  | { kind: "empty"; name: string }
  | { kind: "badType"; name: string };

type FileLike = { name: string; size: number; type: string };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** The first problem with a set of evidence files, checked with the server's limits, or null when they may go. */
export function evidenceProblem(files: readonly FileLike[]): EvidenceProblem | null {
  if (files.length > MAX_EVIDENCE_FILES) return { kind: "tooMany", max: MAX_EVIDENCE_FILES };
  for (const file of files) {
    if (file.size > MAX_EVIDENCE_FILE_BYTES) return { kind: "tooLarge", name: file.name };
    if (file.size === 0) return { kind: "empty", name: file.name };
    const extension = extensionOf(file.name);
    const mediaType = file.type.split(";")[0]?.trim().toLowerCase() ?? "";
    const known = EVIDENCE_TYPES.some(
      (t) => t.extensions.includes(extension) || (mediaType !== "" && t.mediaTypes.includes(mediaType)),
    );
    if (!known) return { kind: "badType", name: file.name };
  }
  return null;
}

/** "2.4 MB", "830 KB", "120 B": a file's size for people. */
export function formatBytes(bytes: number, lang: string): string {
  const locale = lang === "ru" ? "ru-RU" : lang === "az" ? "az-Latn-AZ" : "en-GB";
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${number(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${number(bytes / 1024)} KB`;
  return `${bytes} B`;
}
