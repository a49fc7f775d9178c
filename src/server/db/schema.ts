import type { ColumnType, Generated } from "kysely";
import type { LocalizedText } from "../../shared/i18n-text.ts";

/** Table types for Kysely. Dates and timestamps come back as strings (see client.ts type parsers). */

type Json<T> = ColumnType<T, T | string, T | string>;
type CreatedAt = ColumnType<string, string | undefined, never>;
type UpdatedAt = ColumnType<string, string | undefined, string>;
type Version = ColumnType<number, number | undefined, number>;
/** A nullable column with a default: may be left out of an insert. */
type Optional<T> = ColumnType<T, T | undefined, T>;

export type CountriesTable = { code: string; name: Json<LocalizedText> };
export type SectorsTable = { code: string; name: Json<LocalizedText>; sort_order: number };

export type OrganizationsTable = {
  id: Generated<string>;
  country_code: string | null;
  kind: string;
  name: Json<LocalizedText>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type OrganizationAliasesTable = {
  id: Generated<string>;
  organization_id: string;
  alias: string;
  normalized: string;
};

export type PeopleTable = {
  id: Generated<string>;
  name: Json<LocalizedText>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  search: ColumnType<string, never, never>;
};

export type PositionsTable = {
  id: Generated<string>;
  person_id: string;
  organization_id: string | null;
  title: Json<LocalizedText>;
  starts_on: string | null;
  ends_on: string | null;
};

export type CommissionsTable = {
  id: Generated<string>;
  country_a: string;
  country_b: string;
  name: Json<LocalizedText>;
  short_name: Json<LocalizedText> | null;
  founded_on: string | null;
  is_demo: Generated<boolean>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type CommissionSidesTable = {
  commission_id: string;
  country_code: string;
  secretariat_organization_id: string | null;
};

export type CommissionCoChairsTable = {
  id: Generated<string>;
  commission_id: string;
  side: string;
  position_id: string;
  starts_on: string | null;
  ends_on: string | null;
};

export type SessionStatus = "planned" | "dates_agreed" | "held";
export type SessionsTable = {
  id: Generated<string>;
  commission_id: string;
  number: number;
  host_country: string;
  city: Json<LocalizedText> | null;
  starts_on: string | null;
  ends_on: string | null;
  status: ColumnType<SessionStatus, SessionStatus | undefined, SessionStatus>;
  dates_via_diplomatic_channels: Generated<boolean>;
  is_demo: Generated<boolean>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type SessionEventsTable = {
  id: Generated<string>;
  session_id: string;
  parent_id: string | null;
  kind: string;
  title: Json<LocalizedText>;
  place: Json<LocalizedText> | null;
  starts_on: string | null;
  position: Generated<number>;
};

export type DocumentsTable = {
  id: Generated<string>;
  commission_id: string;
  session_id: string | null;
  kind: string;
  title: Json<LocalizedText>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  signed_on: string | null;
  source: string | null;
  file_name: ColumnType<string | null, string | null | undefined, string | null>;
  media_type: ColumnType<string | null, string | null | undefined, string | null>;
  size_bytes: ColumnType<number | null, number | null | undefined, number | null>;
  sha256: ColumnType<string | null, string | null | undefined, string | null>;
  version: Version;
  created_at: CreatedAt;
  search: ColumnType<string, never, never>;
};

export type DocumentFilesTable = { document_id: string; content: Buffer };

export type DocumentSignatoriesTable = { document_id: string; person_id: string; side: string };

export type ProgrammesTable = {
  id: Generated<string>;
  commission_id: string;
  kind: string;
  sector_code: string | null;
  title: Json<LocalizedText>;
  start_year: number;
  end_year: number;
  version: Version;
};

export type ReportedFiguresTable = {
  id: Generated<string>;
  commission_id: string;
  session_id: string | null;
  indicator: string;
  kind: string;
  comparator: string;
  value: ColumnType<number, number, number>;
  unit: string;
  period_start: string;
  period_end: string;
  source: Json<LocalizedText> | null;
};

export type CommitmentStatusValue = "not_started" | "in_progress" | "done" | "dropped";
export type CommitmentsTable = {
  id: Generated<string>;
  commission_id: string;
  session_id: string;
  item_number: string | null;
  position: number;
  sector_code: string;
  text: Json<LocalizedText>;
  deadline: string | null;
  due_date: string | null;
  status: ColumnType<CommitmentStatusValue, CommitmentStatusValue | undefined, CommitmentStatusValue>;
  progress: ColumnType<number, number | undefined, number>;
  dropped_reason: string | null;
  programme_id: string | null;
  carried_over_from_id: string | null;
  measure_id: Optional<string | null>;
  project_id: Optional<string | null>;
  joint_body_id: Optional<string | null>;
  lead_side: Optional<string | null>;
  weight: Optional<number | null>;
  awaiting_confirmation: Optional<boolean>;
  confirmed_at: Optional<string | null>;
  confirmed_by: Optional<string | null>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  search: ColumnType<string, never, never>;
};

export type CommitmentResponsiblesTable = {
  commitment_id: string;
  organization_id: string;
  commission_id: string;
  side: string;
  lead: ColumnType<boolean, boolean | undefined, boolean>;
};

export type StatusUpdatesTable = {
  id: Generated<string>;
  commitment_id: string;
  side: string | null;
  author_name: string;
  previous_status: CommitmentStatusValue;
  status: CommitmentStatusValue;
  previous_progress: number;
  progress: number;
  text: string;
  kind: Optional<"update" | "side_report" | "confirmation">;
  created_at: CreatedAt;
};

export type AuditEventsTable = {
  id: Generated<string>;
  occurred_at: CreatedAt;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  request_id: string | null;
  actor_user_id: Optional<string | null>;
};

export type SessionScheduleStepsTable = {
  id: Generated<string>;
  session_id: string;
  kind: string;
  from_side: string | null;
  proposed_starts_on: string | null;
  proposed_ends_on: string | null;
  note_reference: string | null;
  text: string | null;
  occurred_on: string;
  created_at: CreatedAt;
};

export type DelegationMembersTable = {
  id: Generated<string>;
  session_id: string;
  side: string;
  person_id: string | null;
  organization_id: string | null;
  role: Optional<string>;
};

export type ProgrammeMeasuresTable = {
  id: Generated<string>;
  programme_id: string;
  code: string | null;
  title: Json<LocalizedText>;
  sector_code: string | null;
  due_year: number | null;
  weight: number | null;
  position: Optional<number>;
  version: Version;
};

export type JointBodiesTable = {
  id: Generated<string>;
  commission_id: string;
  kind: string;
  name: Json<LocalizedText>;
  sector_code: string | null;
  status: Optional<string>;
  established_on: string | null;
  capital: number | null;
  currency: string | null;
  version: Version;
  created_at: CreatedAt;
};

export type ProjectsTable = {
  id: Generated<string>;
  commission_id: string;
  name: Json<LocalizedText>;
  sector_code: string | null;
  status: Optional<string>;
  location: Json<LocalizedText> | null;
  value: number | null;
  currency: string | null;
  version: Version;
  created_at: CreatedAt;
};

export type ParticipationsTable = {
  id: Generated<string>;
  joint_body_id: string | null;
  project_id: string | null;
  organization_id: string;
  side: string | null;
  role: string | null;
};

export type IndicatorObservationsTable = {
  id: Generated<string>;
  commission_id: string;
  indicator: string;
  reporter: string;
  period: string;
  value: number;
  unit: string;
  source: string | null;
  created_at: CreatedAt;
};

export type FocalPointsTable = {
  id: Generated<string>;
  organization_id: string;
  person_id: string | null;
  name: string;
  email: string;
  active: Optional<boolean>;
  created_at: CreatedAt;
};

export type CommitmentFocalPointsTable = { commitment_id: string; focal_point_id: string };

export type CommitmentSideReportsTable = {
  commitment_id: string;
  commission_id: string;
  side: string;
  status: CommitmentStatusValue;
  progress: number;
  updated_at: UpdatedAt;
};

export type StatusUpdateFilesTable = {
  id: Generated<string>;
  status_update_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
};

export type CommitmentCommentsTable = {
  id: Generated<string>;
  commitment_id: string;
  author_name: string;
  text: string;
  created_at: CreatedAt;
};

export type CommitmentWatchersTable = { commitment_id: string; email: string; name: string | null };

export type NotificationKind = "reminder_before" | "reminder_due" | "digest" | "status_change";
export type NotificationsTable = {
  id: Generated<string>;
  kind: NotificationKind;
  recipient_email: string;
  recipient_name: string | null;
  focal_point_id: string | null;
  commitment_id: string | null;
  subject: string;
  body: string;
  link: string | null;
  dedupe_key: string;
  created_at: CreatedAt;
  sent_at: Optional<string | null>;
  send_error: Optional<string | null>;
  read_at: Optional<string | null>;
  send_attempts: Optional<number>;
  next_attempt_at: Optional<string | null>;
};

export type CalendarFeedsTable = {
  id: Generated<string>;
  token_hash: string;
  commission_id: string | null;
  organization_id: string | null;
  created_at: CreatedAt;
  revoked_at: Optional<string | null>;
};

export type UsersTable = {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  password_must_change: Generated<boolean>;
  is_administrator: Generated<boolean>;
  disabled_at: Optional<string | null>;
  failed_sign_ins: Generated<number>;
  locked_until: Optional<string | null>;
  created_at: CreatedAt;
  updated_at: Optional<string>;
};

export type GrantRole = "observer" | "focal_point" | "co_chair_office" | "secretariat";

export type RoleGrantsTable = {
  id: Generated<string>;
  user_id: string;
  role: GrantRole;
  commission_id: string | null;
  organization_id: string | null;
  side: string | null;
  created_at: CreatedAt;
};

export type UserSessionsTable = {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Optional<string>;
  expires_at: string;
  user_agent: string | null;
};

export type ApiTokensTable = {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  access: "read" | "write";
  created_at: CreatedAt;
  expires_at: string | null;
  last_used_at: Optional<string | null>;
  revoked_at: Optional<string | null>;
};

export type PasswordResetsTable = {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: string;
  used_at: Optional<string | null>;
};

export type SignInFailuresTable = { id: Generated<string>; client: string; occurred_at: CreatedAt };

/** Migration 0007: what a commission shows in the public view (no row: nothing). */
export type CommissionPublicationTable = {
  commission_id: string;
  published: boolean;
  publish_sessions: boolean;
  publish_commitments: boolean;
  publish_progress: boolean;
  version: Version;
  updated_at: UpdatedAt;
};

export type CommitmentsWithheldFromPublicTable = { commitment_id: string; withheld_at: CreatedAt; withheld_by: string };

export type SchemaMigrationsTable = { version: number; name: string; applied_at: CreatedAt };

export type DB = {
  countries: CountriesTable;
  sectors: SectorsTable;
  organizations: OrganizationsTable;
  organization_aliases: OrganizationAliasesTable;
  people: PeopleTable;
  positions: PositionsTable;
  commissions: CommissionsTable;
  commission_sides: CommissionSidesTable;
  commission_co_chairs: CommissionCoChairsTable;
  sessions: SessionsTable;
  session_events: SessionEventsTable;
  documents: DocumentsTable;
  document_signatories: DocumentSignatoriesTable;
  programmes: ProgrammesTable;
  reported_figures: ReportedFiguresTable;
  commitments: CommitmentsTable;
  commitment_responsibles: CommitmentResponsiblesTable;
  status_updates: StatusUpdatesTable;
  audit_events: AuditEventsTable;
  session_schedule_steps: SessionScheduleStepsTable;
  delegation_members: DelegationMembersTable;
  document_files: DocumentFilesTable;
  programme_measures: ProgrammeMeasuresTable;
  joint_bodies: JointBodiesTable;
  projects: ProjectsTable;
  participations: ParticipationsTable;
  indicator_observations: IndicatorObservationsTable;
  focal_points: FocalPointsTable;
  commitment_focal_points: CommitmentFocalPointsTable;
  commitment_side_reports: CommitmentSideReportsTable;
  status_update_files: StatusUpdateFilesTable;
  commitment_comments: CommitmentCommentsTable;
  commitment_watchers: CommitmentWatchersTable;
  notifications: NotificationsTable;
  calendar_feeds: CalendarFeedsTable;
  commission_publication: CommissionPublicationTable;
  commitments_withheld_from_public: CommitmentsWithheldFromPublicTable;
  schema_migrations: SchemaMigrationsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  user_sessions: UserSessionsTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
  sign_in_failures: SignInFailuresTable;
};
