import type { CarryOverDecision } from "../../../shared/api/monitoring.ts";
import type { FieldIssue } from "../../../shared/errors.ts";
import { AppError } from "../../http/errors.ts";
import type { CandidateRow, SessionRow } from "./carry-over.repo.ts";

/** Each commitment a decision names, with the field that names it (for messages a person can act on). */
function namedCommitments(decision: CarryOverDecision): { path: string; id: string }[] {
  return [
    ...decision.accept.map((id, i) => ({ path: `accept.${i}`, id })),
    ...decision.drop.map((d, i) => ({ path: `drop.${i}.commitmentId`, id: d.commitmentId })),
  ];
}

function invalidity(candidate: CandidateRow | undefined, id: string, session: SessionRow): string | null {
  if (!candidate) return `no commitment with id ${id}`;
  if (candidate.commission_id !== session.commission_id || candidate.session_number >= session.number) {
    return `commitment ${id} is not of an earlier session of this commission`;
  }
  if (candidate.status !== "not_started" && candidate.status !== "in_progress") {
    return `commitment ${id} is ${candidate.status}: only unfinished items are carried over or dropped`;
  }
  return null;
}

/**
 * Only what the session's proposals hold can be decided: an unfinished item of an earlier session of the same
 * commission (else 400), not yet continued up to this session (else 409, so a second carry-over never copies).
 * Returns the items to drop with their reasons.
 */
export function checkDecision(
  decision: CarryOverDecision,
  session: SessionRow,
  found: Map<string, CandidateRow>,
): { current: CandidateRow; reason: string }[] {
  const named = namedCommitments(decision);
  const issues: FieldIssue[] = named.flatMap(({ path, id }) => {
    const message = invalidity(found.get(id), id, session);
    return message === null ? [] : [{ path, message }];
  });
  if (issues.length > 0) {
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    throw new AppError("validation_failed", `Invalid body: ${summary}`, { location: "body", issues });
  }
  const continued = named.flatMap(({ id }) => {
    const at = found.get(id)?.continued_at;
    return at === null || at === undefined ? [] : [{ commitmentId: id, continuedAtSession: at }];
  });
  if (continued.length > 0) {
    const list = continued.map((c) => `${c.commitmentId} (at session ${c.continuedAtSession})`).join(", ");
    throw new AppError("conflict", `Already carried over: ${list}. Reload the proposals and decide the others again.`, {
      continued,
    });
  }
  return decision.drop.flatMap(({ commitmentId, reason }) => {
    const current = found.get(commitmentId);
    return current ? [{ current, reason }] : [];
  });
}
