import type { LocalizedText } from "../../shared/i18n-text.ts";
import type { SectorCode } from "../../shared/sectors.ts";

/** Everything a session's protocol says, as the server loads it; the writers decide the wording and layout. */
export type ProtocolData = {
  commission: { name: LocalizedText; countries: [string, string] };
  session: SessionFacts;
  /** The title of the protocol as the secretariat recorded it, when there is one. */
  recordedTitle: LocalizedText | null;
  /** The day it was signed; the session's first day when not recorded. */
  signedOn: string | null;
  /** One per side, in the order of the commission's sides. */
  coChairs: CoChair[];
  /** In protocol order; the writers group them by sector. */
  agreements: Agreement[];
  /** The commission's next session when one is planned; else the other side hosts it on dates still to be agreed. */
  nextSession: SessionFacts | null;
};

export type SessionFacts = {
  number: number;
  hostCountry: string;
  city: LocalizedText | null;
  startsOn: string | null;
  endsOn: string | null;
};

export type CoChair = { side: string; name: LocalizedText; position: LocalizedText };

export type Agreement = {
  sector: SectorCode;
  text: LocalizedText;
  responsible: { side: string; name: LocalizedText }[];
  /** As the protocol states it: 2026-06-30, 2026-06, 2026-Q3, 2026, ongoing, or none. */
  deadline: string | null;
};
