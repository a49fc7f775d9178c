import type { Kysely } from "kysely";
import type { DB } from "./db/schema.ts";
import { createApiTokenService } from "./features/accounts/api-tokens.service.ts";
import { createRecordScopes } from "./features/accounts/record-scopes.ts";
import { createSignIn } from "./features/accounts/sign-in.ts";
import { type AccountMail, createUserService } from "./features/accounts/users.service.ts";
import { createAuditLogService } from "./features/audit-log/audit-log.service.ts";
import { createBackupService } from "./features/backup/backup.service.ts";
import { createCarryOverService } from "./features/carry-over/carry-over.service.ts";
import { createCommissionService } from "./features/commissions/commissions.service.ts";
import { createCommitmentService } from "./features/commitments/commitments.service.ts";
import { createDocumentService } from "./features/documents/documents.service.ts";
import { createExportService } from "./features/exports/exports.service.ts";
import { createFocalPointService } from "./features/focal-points/focal-points.service.ts";
import { createImportService } from "./features/imports/imports.service.ts";
import { createIndicatorService } from "./features/indicators/indicators.service.ts";
import { createJointWorkService } from "./features/joint-work/joint-work.service.ts";
import { createMonitoringService } from "./features/monitoring/monitoring.service.ts";
import { createNotificationService } from "./features/notifications/notifications.service.ts";
import { createOrganizationService } from "./features/organizations/organizations.service.ts";
import { createPersonService } from "./features/people/people.service.ts";
import { createProgrammeService } from "./features/programmes/programmes.service.ts";
import { createPublicationService } from "./features/publication/publication.service.ts";
import { createSearchService } from "./features/search/search.service.ts";
import { createSessionService } from "./features/sessions/sessions.service.ts";

export type Clock = () => Date;

/** Every feature's service over one database; the composition root and the tests build it the same way. */
export function createServices(
  db: Kysely<DB>,
  clock: Clock = () => new Date(),
  mail: AccountMail = { mailer: null, publicUrl: "http://localhost" },
) {
  return {
    signIn: createSignIn(db, clock),
    users: createUserService(db, clock, mail),
    apiTokens: createApiTokenService(db, clock),
    recordScopes: createRecordScopes(db),
    commissions: createCommissionService(db),
    sessions: createSessionService(db),
    commitments: createCommitmentService(db, clock),
    monitoring: createMonitoringService(db, clock),
    carryOver: createCarryOverService(db, clock),
    organizations: createOrganizationService(db),
    people: createPersonService(db),
    programmes: createProgrammeService(db),
    jointWork: createJointWorkService(db),
    search: createSearchService(db),
    documents: createDocumentService(db),
    focalPoints: createFocalPointService(db),
    indicators: createIndicatorService(db),
    notifications: createNotificationService(db),
    exports: createExportService(db, clock),
    imports: createImportService(db, clock),
    publication: createPublicationService(db, clock),
    auditLog: createAuditLogService(db),
    backup: createBackupService(db),
  };
}
export type Services = ReturnType<typeof createServices>;
