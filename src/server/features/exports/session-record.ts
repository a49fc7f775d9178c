import type { PressReleaseData } from "../../../documents/press-release/press-release-data.ts";
import type { CoChair, SessionFacts } from "../../../documents/protocol/protocol-data.ts";
import type { CommissionDetail } from "../../../shared/api/commissions.ts";
import type { SessionDetail, SessionSummary } from "../../../shared/api/sessions.ts";
import type { CommissionService } from "../commissions/commissions.service.ts";
import type { CommitmentService } from "../commitments/commitments.service.ts";
import type { SessionService } from "../sessions/sessions.service.ts";
import { listAllCommitments } from "./commitment-stream.ts";

type Sources = { sessions: SessionService; commissions: CommissionService; commitments: CommitmentService };

const factsOf = (s: SessionSummary): SessionFacts => ({
  number: s.number,
  hostCountry: s.hostCountry,
  city: s.city,
  startsOn: s.startsOn,
  endsOn: s.endsOn,
});

/** In office on the day: the term started by then (or has no start) and had not ended. */
function inOffice(coChair: CommissionDetail["coChairs"][number], day: string | null): boolean {
  if (day === null) return coChair.endsOn === null;
  return (coChair.startsOn === null || coChair.startsOn <= day) && (coChair.endsOn === null || coChair.endsOn >= day);
}

/**
 * Each side's co-chair: whoever signed the protocol for that side when it is recorded, else the co-chair in office
 * on the session's first day.
 */
function coChairsOf(commission: CommissionDetail, session: SessionDetail): CoChair[] {
  const protocol = session.documents.find((d) => d.kind === "protocol");
  return commission.countries.flatMap((side): CoChair[] => {
    const onSide = commission.coChairs.filter((c) => c.side === side);
    const signatory = protocol?.signatories.find((s) => s.side === side);
    const chair =
      onSide.find((c) => c.personId === signatory?.personId) ?? onSide.find((c) => inOffice(c, session.startsOn));
    if (chair) return [{ side, name: chair.name, position: chair.position }];
    return signatory ? [{ side, name: signatory.name, position: {} }] : [];
  });
}

/** What the protocol and the press release of a session are made from. */
export async function loadSessionRecord(sources: Sources, sessionId: string): Promise<PressReleaseData> {
  const session = await sources.sessions.get(sessionId);
  const [commission, commitments] = await Promise.all([
    sources.commissions.get(session.commissionId),
    listAllCommitments(sources.commitments, { sessionId, sort: "protocol" }),
  ]);
  const protocol = session.documents.find((d) => d.kind === "protocol");
  const next = commission.sessions.find((s) => s.number === session.number + 1);
  return {
    commission: { name: commission.name, countries: [commission.countries[0] ?? "", commission.countries[1] ?? ""] },
    session: factsOf(session),
    recordedTitle: protocol?.title ?? null,
    signedOn: protocol?.signedOn ?? null,
    coChairs: coChairsOf(commission, session),
    agreements: commitments.map((c) => ({
      sector: c.sector,
      text: c.text,
      responsible: c.responsible.map((r) => ({ side: r.side, name: r.name })),
      deadline: c.deadline,
    })),
    nextSession: next ? factsOf(next) : null,
    held: session.status === "held",
    siteVisits: session.events.filter((e) => e.kind === "site_visit").map((e) => e.title),
    figures: commission.figures
      .filter((f) => f.sessionId === sessionId)
      .map((f) => ({
        indicator: f.indicator,
        kind: f.kind,
        comparator: f.comparator,
        value: f.value,
        unit: f.unit,
        periodStart: f.periodStart,
        periodEnd: f.periodEnd,
      })),
  };
}
