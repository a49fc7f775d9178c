import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/context.ts";
import { authRoutes } from "./accounts/auth.routes.ts";
import { userRoutes } from "./accounts/users.routes.ts";
import { auditLogRoutes } from "./audit-log/audit-log.routes.ts";
import { backupRoutes } from "./backup/backup.routes.ts";
import { carryOverRoutes } from "./carry-over/carry-over.routes.ts";
import { commissionRoutes } from "./commissions/commissions.routes.ts";
import { commitmentRoutes } from "./commitments/commitments.routes.ts";
import { documentRoutes } from "./documents/documents.routes.ts";
import { exportRoutes } from "./exports/exports.routes.ts";
import { focalPointRoutes } from "./focal-points/focal-points.routes.ts";
import { importRoutes } from "./imports/imports.routes.ts";
import { indicatorRoutes } from "./indicators/indicators.routes.ts";
import { jointWorkRoutes } from "./joint-work/joint-work.routes.ts";
import { monitoringRoutes } from "./monitoring/monitoring.routes.ts";
import { notificationRoutes } from "./notifications/notifications.routes.ts";
import { organizationRoutes } from "./organizations/organizations.routes.ts";
import { personRoutes } from "./people/people.routes.ts";
import { programmeRoutes } from "./programmes/programmes.routes.ts";
import { publicationRoutes } from "./publication/publication.routes.ts";
import { searchRoutes } from "./search/search.routes.ts";
import { sessionRoutes } from "./sessions/sessions.routes.ts";

/** Every feature's router, mounted under /api; a new feature adds its router here. */
export const featureRoutes: OpenAPIHono<AppEnv>[] = [
  // First: its /commitments/export.csv must match before /commitments/{id} does.
  exportRoutes,
  authRoutes,
  userRoutes,
  commissionRoutes,
  sessionRoutes,
  commitmentRoutes,
  monitoringRoutes,
  carryOverRoutes,
  organizationRoutes,
  personRoutes,
  programmeRoutes,
  jointWorkRoutes,
  searchRoutes,
  documentRoutes,
  focalPointRoutes,
  indicatorRoutes,
  notificationRoutes,
  importRoutes,
  publicationRoutes,
  auditLogRoutes,
  backupRoutes,
];
