import type { ImportDraft } from "../../../shared/api/imports.ts";
import { normalizeName } from "../organizations/organizations.service.ts";
import { listSessionEvents } from "../sessions/sessions.repo.ts";
import { auditImport, type ImportContext, localized, type SessionRef } from "./import-context.ts";
import { insertSessionEvent } from "./imports.repo.ts";

type StoredEvent = Awaited<ReturnType<typeof listSessionEvents>>[number];

const SIGNING_TITLE = { ru: "Подписание документов", en: "Signing of documents", az: "Sənədlərin imzalanması" };
const SHORTEST_PLACE = 4;

/** A visit is the stored one when either names the place within the other («Азеркосмос» in «Азеркосмос», Баку»). */
function samePlace(event: StoredEvent, place: string): boolean {
  const wanted = normalizeName(place);
  return [event.title, event.place ?? {}]
    .flatMap((text) => Object.values(text))
    .map((text) => normalizeName(text ?? ""))
    .some((stored) => stored.length >= SHORTEST_PLACE && (stored.includes(wanted) || wanted.includes(stored)));
}

async function addEvent(
  context: ImportContext,
  session: SessionRef,
  event: { kind: string; title: string; place: string | null; startsOn: string | null },
): Promise<void> {
  const values = {
    sessionId: session.id,
    kind: event.kind,
    title: localized(context, event.title),
    place: event.place ? localized(context, event.place) : null,
    startsOn: event.startsOn,
  };
  const id = await insertSessionEvent(context.trx, values);
  await auditImport(context, {
    action: "session.add_event",
    entityType: "session",
    entityId: session.id,
    after: { eventId: id, ...values },
  });
  context.tally.create("events");
}

/** Site visits and the signing ceremony into the session's programme, each once. */
export async function importEvents(
  context: ImportContext,
  session: SessionRef,
  draft: Pick<ImportDraft, "site_visits" | "documents_signed">,
): Promise<void> {
  const stored = await listSessionEvents(context.trx, session.id);
  for (const visit of draft.site_visits) {
    if (stored.some((event) => event.kind === "site_visit" && samePlace(event, visit.place))) {
      context.tally.match("events");
      continue;
    }
    await addEvent(context, session, {
      kind: "site_visit",
      title: visit.place,
      place: visit.place,
      startsOn: visit.date ?? null,
    });
  }
  if (draft.documents_signed.length === 0) return;
  if (stored.some((event) => event.kind === "signing")) {
    context.tally.match("events");
    return;
  }
  await addEvent(context, session, {
    kind: "signing",
    title: SIGNING_TITLE[context.language],
    place: null,
    startsOn: draft.documents_signed.find((d) => d.date)?.date ?? session.date,
  });
}
