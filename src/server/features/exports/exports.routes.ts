import { createRouter } from "../../http/openapi.ts";
import { calendarRoutes } from "./calendar.routes.ts";
import { documentExportRoutes } from "./document.routes.ts";
import { sheetRoutes } from "./sheet.routes.ts";

/** Documents, calendars and spreadsheets out, and the spreadsheet import. */
export const exportRoutes = createRouter()
  .route("/", documentExportRoutes)
  .route("/", calendarRoutes)
  .route("/", sheetRoutes);
