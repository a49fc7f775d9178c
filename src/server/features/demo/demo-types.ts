import type { CommitmentStatus } from "../../../shared/deadline.ts";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import type { SectorCode } from "../../../shared/sectors.ts";

/** Demo data is typed in as structured facts; the loader turns it into rows through the services. */

export type DemoOrganization = {
  /** Local key used by the rest of the demo data to refer to this organisation. */
  key: string;
  country: string; // ISO alpha-2
  kind: "government" | "ministry" | "agency" | "company" | "fund" | "chamber" | "university" | "joint_body" | "other";
  name: LocalizedText;
  aliases: string[];
};

export type DemoPerson = {
  key: string;
  name: LocalizedText; // nominative case
  position: LocalizedText;
  organizationKey: string | null;
};

export type DemoEvent = {
  kind: "co_chairs_meeting" | "extended_session" | "signing" | "business_forum" | "site_visit" | "other";
  title: LocalizedText;
  place: LocalizedText | null;
  date: string | null; // ISO day
  /** Index in the same session's `events` array of the parent event, if any. */
  parent: number | null;
};

export type DemoStatusUpdate = {
  date: string; // ISO day
  side: string | null;
  authorName: string;
  status: CommitmentStatus;
  progress: number;
  text: LocalizedText;
};

export type DemoCommitment = {
  itemNumber: string; // "1.1", "4.3" …: protocol numbering by sector section
  sector: SectorCode;
  text: LocalizedText; // ru and en, worded by us
  /** Organisation keys per side, e.g. { AZ: ["azpromo"], KG: ["cci-kg"] }. */
  responsible: Record<string, string[]>;
  deadline: string | null; // 2026-06-30 | 2026-Q4 | 2026 | ongoing | null
  /** Keys of organisations named in the agreement that are not responsible (SOCAR, …) go into `responsible` too. */
  programmeKey: string | null;
  /** For the 6th session: itemNumber of the 5th-session commitment this one continues. */
  continues: string | null;
  status: CommitmentStatus;
  progress: number;
  updates: DemoStatusUpdate[];
};

export type DemoSession = {
  number: number;
  hostCountry: string;
  city: LocalizedText | null;
  startsOn: string | null;
  endsOn: string | null;
  status: "planned" | "dates_agreed" | "held";
  /** Free note on the dates, e.g. "dates to be set via diplomatic channels". */
  datesViaDiplomaticChannels: boolean;
  isDemo: boolean; // true for invented sessions (marked as demo data in the UI)
  events: DemoEvent[];
  protocol: { title: LocalizedText; signedOn: string; signatoryKeys: string[] } | null;
  figures: DemoFigure[];
  commitments: DemoCommitment[];
};

export type DemoFigure = {
  indicator: "trade_turnover" | "exports" | "imports";
  kind: "growth_yoy" | "value";
  comparator: "more_than" | "less_than" | "about" | "exactly";
  value: number;
  unit: string; // "%", "USD million"
  periodStart: string; // "2025-01"
  periodEnd: string; // "2025-10"
  source: LocalizedText;
};

export type DemoProgramme = {
  key: string;
  kind: "programme" | "roadmap";
  sector: SectorCode | null;
  title: LocalizedText;
  startYear: number;
  endYear: number;
  measures: { key: string; code: string; title: LocalizedText; sector: SectorCode | null; dueYear: number | null }[];
};

export type DemoParticipant = { organizationKey: string; side: string | null; role: string | null };

export type DemoJointBody = {
  key: string;
  kind: "fund" | "business_council" | "working_group" | "other";
  name: LocalizedText;
  sector: SectorCode | null;
  status: "proposed" | "active" | "inactive";
  participants: DemoParticipant[];
};

export type DemoProject = {
  key: string;
  name: LocalizedText;
  sector: SectorCode | null;
  status: "idea" | "study" | "agreed" | "in_progress" | "completed" | "cancelled";
  location: LocalizedText | null;
  participants: DemoParticipant[];
};

/** What an agreement implements or concerns, by session number and item number. */
export type DemoLink = {
  session: number;
  item: string;
  measureKey?: string;
  projectKey?: string;
  jointBodyKey?: string;
};

export type DemoObservation = {
  indicator: "trade_turnover" | "exports" | "imports";
  reporter: string;
  /** First month (YYYY-MM) of `values`, one value per month. */
  from: string;
  values: number[];
  unit: string;
  source: string;
};

export type DemoCommission = {
  countries: [string, string];
  name: LocalizedText;
  shortName: LocalizedText;
  organizations: DemoOrganization[];
  /** Secretariat organisation key per side. */
  secretariats: Record<string, string>;
  people: DemoPerson[];
  coChairs: { side: string; personKey: string; since: string | null }[];
  programmes: DemoProgramme[];
  jointBodies: DemoJointBody[];
  projects: DemoProject[];
  sessions: DemoSession[];
  links: DemoLink[];
  observations: DemoObservation[];
};
