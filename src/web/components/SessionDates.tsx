import type { SessionSummary } from "../../shared/api/sessions.ts";
import { formatDateRange } from "../format.ts";
import { useLang } from "../hooks.ts";

/** The session's dates, or the diplomatic formula when the sides have yet to agree them. */
export function SessionDates({ session }: { session: SessionSummary }) {
  const { t, lang } = useLang();
  if (session.startsOn) return <>{formatDateRange(session.startsOn, session.endsOn, lang)}</>;
  return <>{session.datesViaDiplomaticChannels ? t("session.viaDiplomaticChannels") : t("session.datesUnknown")}</>;
}
