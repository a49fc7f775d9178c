import autocannon from "autocannon";

/** What the servers answered, request by request: the soak's account of what should now be in the database. */
export type Ledger = {
  /** Status updates answered 201, by request id. */
  statusUpdates: Map<string, { commitmentId: string; updateId: string }>;
  /** Edits answered 200, by request id. */
  edits: Map<string, { commitmentId: string }>;
  /** Edits answered 409 (a stale version), by request id. */
  conflicts: Set<string>;
  /** Any other answer: each is a failure of the soak. */
  unexpected: string[];
  /** The latest version each edited commitment is known to have: what the next edit sends. */
  knownVersions: Map<string, number>;
};

export function emptyLedger(knownVersions: Map<string, number>): Ledger {
  return { statusUpdates: new Map(), edits: new Map(), conflicts: new Set(), unexpected: [], knownVersions };
}

export type WriteLoad = {
  url: string;
  token: string;
  /** Each request's id starts with it, so its audit event can be found. */
  requestIdPrefix: string;
  /** Commitments that receive status updates. */
  reportedOn: string[];
  /** Commitments edited with optimistic versions; few, so that edits collide and some answer 409. */
  edited: string[];
  connections: number;
  /** Requests in all: a fixed number, so that every request sent is answered before the load ends. */
  amount: number;
};

const pick = <T>(items: T[], n: number): T => items[n % items.length] as T;

function headerOf(headers: Record<string, unknown> | undefined, name: string): string {
  const found = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return String(found?.[1] ?? "");
}

/**
 * Alternates status updates (POST …/updates) and edits (PATCH with the version last seen) on every connection,
 * recording each answer in the ledger by the request id the server echoes.
 */
export function runWriteLoad(load: WriteLoad, ledger: Ledger): Promise<autocannon.Result> {
  let sent = 0;
  let updatesSent = 0;
  let editsSent = 0;
  const nextRequestId = () => `${load.requestIdPrefix}${sent++}`;
  const target = new Map<string, string>();
  const record = (status: number, body: string, headers: Record<string, unknown> | undefined) => {
    const requestId = headerOf(headers, "x-request-id");
    const commitmentId = target.get(requestId);
    if (commitmentId === undefined) {
      ledger.unexpected.push(`${status} for an unknown request ${requestId}: ${body.slice(0, 200)}`);
      return null;
    }
    return { requestId, commitmentId };
  };

  const postUpdate: autocannon.Request = {
    setupRequest: (request) => {
      const requestId = nextRequestId();
      const commitmentId = pick(load.reportedOn, updatesSent++);
      target.set(requestId, commitmentId);
      return {
        ...request,
        method: "POST",
        path: `/api/commitments/${commitmentId}/updates`,
        headers: { ...request.headers, "x-request-id": requestId },
        body: JSON.stringify({ text: `${load.requestIdPrefix} progress note ${requestId}` }),
      };
    },
    onResponse: (status, body, _context, headers) => {
      const sentTo = record(status, body, headers);
      if (!sentTo) return;
      if (status !== 201) {
        ledger.unexpected.push(`POST ${status}: ${body.slice(0, 200)}`);
        return;
      }
      const answer = JSON.parse(body) as { update: { id: string } };
      ledger.statusUpdates.set(sentTo.requestId, { commitmentId: sentTo.commitmentId, updateId: answer.update.id });
    },
  };

  const patchCommitment: autocannon.Request = {
    setupRequest: (request) => {
      const requestId = nextRequestId();
      const commitmentId = pick(load.edited, editsSent++);
      target.set(requestId, commitmentId);
      const version = ledger.knownVersions.get(commitmentId);
      return {
        ...request,
        method: "PATCH",
        path: `/api/commitments/${commitmentId}`,
        headers: { ...request.headers, "x-request-id": requestId },
        body: JSON.stringify({ version, weight: 1 + (editsSent % 5) }),
      };
    },
    onResponse: (status, body, _context, headers) => {
      const sentTo = record(status, body, headers);
      if (!sentTo) return;
      const learn = (version: number) => {
        const known = ledger.knownVersions.get(sentTo.commitmentId) ?? 0;
        ledger.knownVersions.set(sentTo.commitmentId, Math.max(known, version));
      };
      if (status === 200) {
        const answer = JSON.parse(body) as { version: number };
        ledger.edits.set(sentTo.requestId, { commitmentId: sentTo.commitmentId });
        learn(answer.version);
      } else if (status === 409) {
        const answer = JSON.parse(body) as { error: { details: { currentVersion: number } } };
        ledger.conflicts.add(sentTo.requestId);
        learn(answer.error.details.currentVersion);
      } else {
        ledger.unexpected.push(`PATCH ${status}: ${body.slice(0, 200)}`);
      }
    },
  };

  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: load.url,
        connections: load.connections,
        amount: load.amount,
        headers: { authorization: `Bearer ${load.token}`, "content-type": "application/json" },
        requests: [postUpdate, patchCommitment],
      },
      (error: unknown, result) => (error ? reject(error) : resolve(result)),
    );
  });
}
