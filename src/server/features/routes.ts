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
import { searchRoutes } from "./search/search.routes.ts";
import { sessionRoutes } from "./sessions/sessions.routes.ts";

/** Every feature's router, mounted under /api; a new feature adds its router here. */
export const featureRoutes = [
  // First: its /commitments/export.csv must match before /commitments/{id} does.
  exportRoutes,
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
];
