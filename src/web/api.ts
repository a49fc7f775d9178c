import type {
  AppointCoChairInput,
  CommissionDetail,
  CommissionPage,
  CreateCommissionInput,
  UpdateCommissionInput,
} from "../shared/api/commissions.ts";
import type {
  AddWatcherInput,
  Comment,
  Commitment,
  CommitmentPage,
  ConfirmCommitmentInput,
  CreateCommentInput,
  CreateCommitmentInput,
  CreateStatusUpdateInput,
  StatusUpdate,
  StatusUpdateResult,
  UpdateCommitmentInput,
  WatcherList,
} from "../shared/api/commitments.ts";
import type { Document, DocumentMetadata, DocumentPage, UpdateDocumentInput } from "../shared/api/documents.ts";
import type {
  CreateFocalPointInput,
  FocalPoint,
  FocalPointList,
  UpdateFocalPointInput,
} from "../shared/api/focal-points.ts";
import type {
  CsvRowIssue,
  GrowthQuery,
  Observation,
  ObservationImportResult,
  ObservationInput,
  ObservationListQuery,
} from "../shared/api/indicators.ts";
import type { JointBody, Project } from "../shared/api/joint-work.ts";
import type {
  CarryOverDecision,
  CarryOverProposalList,
  CarryOverResult,
  Dashboard,
  DashboardQuery,
  ImplementationReport,
  RollupList,
  RollupQuery,
} from "../shared/api/monitoring.ts";
import type { Inbox, Notification } from "../shared/api/notifications.ts";
import type { CreateOrganizationInput, Organization, UpdateOrganizationInput } from "../shared/api/organizations.ts";
import type { CreatePersonInput, CreatePositionInput, Person } from "../shared/api/people.ts";
import type { CreateMeasureInput, ProgrammeDetail } from "../shared/api/programmes.ts";
import type { SearchResult } from "../shared/api/search.ts";
import type {
  CreateScheduleStepInput,
  CreateSessionInput,
  DelegationMemberInput,
  SessionDetail,
  SessionEventInput,
  SessionList,
  UpdateSessionInput,
} from "../shared/api/sessions.ts";
import type { GrowthResult } from "../shared/growth.ts";

/** A failed API call: the server's `{ error: { code, message, details } }`, or a network failure (`status` 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field-level messages from a validation error, keyed by the path the server reported. */
  fieldIssues(): Record<string, string> {
    const result: Record<string, string> = {};
    const details = this.details;
    if (!details || typeof details !== "object") return result;
    if ("issues" in details && Array.isArray(details.issues)) {
      for (const issue of details.issues as unknown[]) {
        if (issue && typeof issue === "object" && "path" in issue && "message" in issue) {
          result[String(issue.path)] = String(issue.message);
        }
      }
    } else if ("path" in details && typeof details.path === "string") {
      // Rule errors name one field and put it first in the message ("progress: must be 100 when…").
      const prefix = `${details.path}: `;
      result[details.path] = this.message.startsWith(prefix) ? this.message.slice(prefix.length) : this.message;
    }
    return result;
  }

  /** The problems of an imported file, line by line (`details.rows` of a rejected CSV import). */
  rowIssues(): CsvRowIssue[] {
    const details = this.details;
    if (!details || typeof details !== "object" || !("rows" in details) || !Array.isArray(details.rows)) return [];
    return (details.rows as unknown[]).flatMap((row): CsvRowIssue[] => {
      if (!row || typeof row !== "object" || !("line" in row) || !("message" in row)) return [];
      const column = "column" in row && typeof row.column === "string" ? row.column : null;
      return [{ line: Number(row.line), column, message: String(row.message) }];
    });
  }
}

export type Query = Record<string, string | number | boolean | undefined>;
type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === "object" && "error" in body && body.error && typeof body.error === "object") {
      const e = body.error as { code?: unknown; message?: unknown; details?: unknown };
      return new ApiError(
        response.status,
        typeof e.code === "string" ? e.code : "unknown",
        typeof e.message === "string" ? e.message : response.statusText,
        e.details,
      );
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to the status line.
  }
  return new ApiError(response.status, "http_error", `The server answered ${response.status} ${response.statusText}`);
}

/** One JSON call to `/api…`: the body as JSON (or multipart for FormData), the answer parsed, failures as ApiError. */
export async function apiRequest<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown } = {},
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
): Promise<T> {
  let response: Response;
  const { body } = options;
  try {
    response = await fetchImpl(withQuery(`/api${path}`, options.query), {
      method,
      // A FormData body sets its own multipart content type with the boundary.
      headers:
        body === undefined || body instanceof FormData
          ? { accept: "application/json" }
          : { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, "network", `The server could not be reached (${String(cause)})`);
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

/** A small typed client over the shared contracts; `fetchImpl` is for tests. */
export function createApiClient(fetchImpl: FetchLike = (input, init) => fetch(input, init)) {
  const request = <T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}) =>
    apiRequest<T>(method, path, options, fetchImpl);

  const at = (path: string, id: string, rest = "") => `${path}/${encodeURIComponent(id)}${rest}`;

  return {
    listCommissions: () => request<CommissionPage>("GET", "/commissions", { query: { limit: 500 } }),
    getCommission: (id: string) => request<CommissionDetail>("GET", at("/commissions", id)),
    createCommission: (input: CreateCommissionInput) =>
      request<CommissionDetail>("POST", "/commissions", { body: input }),
    updateCommission: (id: string, input: UpdateCommissionInput) =>
      request<CommissionDetail>("PATCH", at("/commissions", id), { body: input }),
    appointCoChair: (id: string, input: AppointCoChairInput) =>
      request<CommissionDetail>("POST", at("/commissions", id, "/co-chairs"), { body: input }),
    listSessions: (commissionId: string) => request<SessionList>("GET", at("/commissions", commissionId, "/sessions")),
    createSession: (commissionId: string, input: CreateSessionInput) =>
      request<SessionDetail>("POST", at("/commissions", commissionId, "/sessions"), { body: input }),
    getSession: (id: string) => request<SessionDetail>("GET", at("/sessions", id)),
    updateSession: (id: string, input: UpdateSessionInput) =>
      request<SessionDetail>("PATCH", at("/sessions", id), { body: input }),
    addScheduleStep: (id: string, input: CreateScheduleStepInput) =>
      request<SessionDetail>("POST", at("/sessions", id, "/schedule-steps"), { body: input }),
    addEvent: (id: string, input: SessionEventInput) =>
      request<SessionDetail>("POST", at("/sessions", id, "/events"), { body: input }),
    addDelegationMember: (id: string, input: DelegationMemberInput) =>
      request<SessionDetail>("POST", at("/sessions", id, "/delegation"), { body: input }),
    listCommitments: (query: Query) => request<CommitmentPage>("GET", "/commitments", { query }),
    /** Every commitment matching the query, following the cursor page by page. */
    listAllCommitments: async (query: Query): Promise<Commitment[]> => {
      const items: Commitment[] = [];
      let cursor: string | undefined;
      do {
        const page = await request<CommitmentPage>("GET", "/commitments", { query: { ...query, limit: 500, cursor } });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    getCommitment: (id: string) => request<Commitment>("GET", at("/commitments", id)),
    createCommitment: (input: CreateCommitmentInput) => request<Commitment>("POST", "/commitments", { body: input }),
    updateCommitment: (id: string, input: UpdateCommitmentInput) =>
      request<Commitment>("PATCH", at("/commitments", id), { body: input }),
    listStatusUpdates: (commitmentId: string) =>
      request<{ items: StatusUpdate[] }>("GET", at("/commitments", commitmentId, "/updates")),
    postStatusUpdate: (commitmentId: string, input: CreateStatusUpdateInput) =>
      request<StatusUpdateResult>("POST", at("/commitments", commitmentId, "/updates"), {
        body: input,
      }),
    /** Multipart: the update as JSON text in `metadata` and each evidence file as a `files` part. */
    postStatusUpdateWithEvidence: (commitmentId: string, input: CreateStatusUpdateInput, files: readonly File[]) => {
      const form = new FormData();
      form.set("metadata", JSON.stringify(input));
      for (const file of files) form.append("files", file);
      return request<StatusUpdateResult>("POST", at("/commitments", commitmentId, "/updates/with-evidence"), {
        body: form,
      });
    },
    /** The joint sign-off, by the signed-in person. */
    confirmCommitment: (commitmentId: string, input: ConfirmCommitmentInput) =>
      request<StatusUpdateResult>("POST", at("/commitments", commitmentId, "/confirm"), { body: input }),
    listComments: (commitmentId: string) =>
      request<{ items: Comment[] }>("GET", at("/commitments", commitmentId, "/comments")),
    addComment: (commitmentId: string, input: CreateCommentInput) =>
      request<Comment>("POST", at("/commitments", commitmentId, "/comments"), {
        body: input,
      }),
    listWatchers: (commitmentId: string) => request<WatcherList>("GET", at("/commitments", commitmentId, "/watchers")),
    addWatcher: (commitmentId: string, input: AddWatcherInput) =>
      request<WatcherList>("POST", at("/commitments", commitmentId, "/watchers"), { body: input }),
    removeWatcher: (commitmentId: string, email: string) =>
      request<WatcherList>("DELETE", at("/commitments", commitmentId, "/watchers"), { query: { email } }),

    listFocalPoints: (organizationId: string) =>
      request<FocalPointList>("GET", at("/organizations", organizationId, "/focal-points")),
    createFocalPoint: (organizationId: string, input: CreateFocalPointInput) =>
      request<FocalPoint>("POST", at("/organizations", organizationId, "/focal-points"), { body: input }),
    updateFocalPoint: (id: string, input: UpdateFocalPointInput) =>
      request<FocalPoint>("PATCH", at("/focal-points", id), { body: input }),
    focalPointsByEmail: (email: string) => request<FocalPointList>("GET", "/focal-points", { query: { email } }),

    rollups: (query: RollupQuery) => request<RollupList>("GET", "/rollups", { query }),
    dashboard: (query: DashboardQuery) => request<Dashboard>("GET", "/dashboard", { query }),
    carryOverProposals: (sessionId: string) =>
      request<CarryOverProposalList>("GET", at("/sessions", sessionId, "/carry-over")),
    decideCarryOver: (sessionId: string, input: CarryOverDecision) =>
      request<CarryOverResult>("POST", at("/sessions", sessionId, "/carry-over"), { body: input }),
    implementationReport: (sessionId: string, of?: string) =>
      request<ImplementationReport>("GET", at("/sessions", sessionId, "/implementation-report"), { query: { of } }),

    inbox: (email: string, query: { unread?: boolean; limit?: number } = {}) =>
      request<Inbox>("GET", "/inbox", { query: { email, ...query } }),
    markNotificationRead: (id: string) => request<Notification>("POST", at("/notifications", id, "/read"), {}),

    listOrganizations: (query: { q?: string; country?: string; limit?: number }) =>
      request<{ items: Organization[]; nextCursor: string | null }>("GET", "/organizations", { query }),
    getOrganization: (id: string) => request<Organization>("GET", at("/organizations", id)),
    createOrganization: (input: CreateOrganizationInput) =>
      request<Organization>("POST", "/organizations", { body: input }),
    updateOrganization: (id: string, input: UpdateOrganizationInput) =>
      request<Organization>("PATCH", at("/organizations", id), { body: input }),
    mergeOrganization: (id: string, duplicateId: string) =>
      request<Organization>("POST", at("/organizations", id, "/merge"), { body: { duplicateId } }),

    listPeople: (query: { q?: string; limit?: number }) =>
      request<{ items: Person[]; nextCursor: string | null }>("GET", "/people", { query }),
    getPerson: (id: string) => request<Person>("GET", at("/people", id)),
    createPerson: (input: CreatePersonInput) => request<Person>("POST", "/people", { body: input }),
    updatePerson: (id: string, input: { version: number; name: Record<string, string> }) =>
      request<Person>("PATCH", at("/people", id), { body: input }),
    addPosition: (personId: string, input: CreatePositionInput) =>
      request<Person>("POST", at("/people", personId, "/positions"), { body: input }),

    getProgramme: (id: string) => request<ProgrammeDetail>("GET", at("/programmes", id)),
    addMeasure: (programmeId: string, input: CreateMeasureInput) =>
      request<ProgrammeDetail>("POST", at("/programmes", programmeId, "/measures"), { body: input }),

    listJointBodies: (commissionId: string) =>
      request<{ items: JointBody[] }>("GET", at("/commissions", commissionId, "/joint-bodies")),
    listProjects: (commissionId: string) =>
      request<{ items: Project[] }>("GET", at("/commissions", commissionId, "/projects")),

    search: (q: string, limit?: number, commissionId?: string) =>
      request<SearchResult>("GET", "/search", { query: { q, limit, commissionId } }),

    listDocuments: (query: { commissionId?: string; sessionId?: string; limit?: number }) =>
      request<DocumentPage>("GET", "/documents", { query: { limit: 500, ...query } }),
    getDocument: (id: string) => request<Document>("GET", at("/documents", id)),
    /** Multipart: the metadata as JSON text and, optionally, the file. */
    uploadDocument: (metadata: DocumentMetadata, file: File | null) => {
      const form = new FormData();
      form.set("metadata", JSON.stringify(metadata));
      if (file) form.set("file", file);
      return request<Document>("POST", "/documents", { body: form });
    },
    updateDocument: (id: string, input: UpdateDocumentInput) =>
      request<Document>("PATCH", at("/documents", id), { body: input }),

    listObservations: (commissionId: string, query: Partial<ObservationListQuery> = {}) =>
      request<{ items: Observation[] }>("GET", at("/commissions", commissionId, "/observations"), { query }),
    addObservation: (commissionId: string, input: ObservationInput) =>
      request<Observation>("POST", at("/commissions", commissionId, "/observations"), { body: input }),
    importObservations: (commissionId: string, csv: string, dryRun: boolean) =>
      request<ObservationImportResult>("POST", at("/commissions", commissionId, "/observations/import"), {
        query: { dryRun },
        body: { csv },
      }),
    growth: (commissionId: string, query: GrowthQuery) =>
      request<GrowthResult>("GET", at("/commissions", commissionId, "/growth"), { query }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const api = createApiClient();

/** Where the browser downloads an evidence file of a status update (an attachment). */
export function evidenceFileUrl(id: string): string {
  return `/api/status-update-files/${encodeURIComponent(id)}`;
}

/** Where the browser downloads a document's file (a plain link: the server answers with an attachment). */
export function documentFileUrl(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}/file`;
}
