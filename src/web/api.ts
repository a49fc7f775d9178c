import type { CommissionDetail, CommissionPage } from "../shared/api/commissions.ts";
import type {
  Commitment,
  CommitmentPage,
  CreateStatusUpdateInput,
  StatusUpdate,
  StatusUpdateResult,
} from "../shared/api/commitments.ts";
import type { SessionDetail, SessionList } from "../shared/api/sessions.ts";

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
}

type Query = Record<string, string | number | boolean | undefined>;
type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

function withQuery(path: string, query?: Query): string {
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

/** A small typed client over the shared contracts; `fetchImpl` is for tests. */
export function createApiClient(fetchImpl: FetchLike = (input, init) => fetch(input, init)) {
  async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}) {
    let response: Response;
    try {
      response = await fetchImpl(withQuery(`/api${path}`, options.query), {
        method,
        headers: options.body === undefined ? { accept: "application/json" } : { "content-type": "application/json" },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (cause) {
      throw new ApiError(0, "network", `The server could not be reached (${String(cause)})`);
    }
    if (!response.ok) throw await errorOf(response);
    return (await response.json()) as T;
  }

  return {
    listCommissions: () => request<CommissionPage>("GET", "/commissions", { query: { limit: 500 } }),
    getCommission: (id: string) => request<CommissionDetail>("GET", `/commissions/${encodeURIComponent(id)}`),
    listSessions: (commissionId: string) =>
      request<SessionList>("GET", `/commissions/${encodeURIComponent(commissionId)}/sessions`),
    getSession: (id: string) => request<SessionDetail>("GET", `/sessions/${encodeURIComponent(id)}`),
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
    getCommitment: (id: string) => request<Commitment>("GET", `/commitments/${encodeURIComponent(id)}`),
    listStatusUpdates: (commitmentId: string) =>
      request<{ items: StatusUpdate[] }>("GET", `/commitments/${encodeURIComponent(commitmentId)}/updates`),
    postStatusUpdate: (commitmentId: string, input: CreateStatusUpdateInput) =>
      request<StatusUpdateResult>("POST", `/commitments/${encodeURIComponent(commitmentId)}/updates`, {
        body: input,
      }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const api = createApiClient();
