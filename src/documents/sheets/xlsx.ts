import ExcelJS from "exceljs";
import { COMMITMENT_STATUSES } from "../../shared/deadline.ts";
import type { Sheet } from "./commitment-sheet.ts";

const HEADER_FILL = "FFE8E8E8";

/** One worksheet with a frozen, filterable header row; status and progress cells only take valid values. */
export async function writeXlsx(sheet: Sheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "IGC Desk";
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  worksheet.addRows(sheet.rows);
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  sheet.columns.forEach((column, i) => {
    const cells = worksheet.getColumn(i + 1);
    if (column.width > 30) cells.alignment = { wrapText: true, vertical: "top" };
  });
  const lastRow = Math.max(sheet.rows.length + 1, 1000);
  const statusColumn = sheet.columns.findIndex((c) => c.key === "status") + 1;
  const progressColumn = sheet.columns.findIndex((c) => c.key === "progress") + 1;
  for (let row = 2; row <= lastRow; row += 1) {
    if (statusColumn > 0) {
      worksheet.getCell(row, statusColumn).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${COMMITMENT_STATUSES.join(",")}"`],
      };
    }
    if (progressColumn > 0) {
      worksheet.getCell(row, progressColumn).dataValidation = {
        type: "whole",
        operator: "between",
        allowBlank: true,
        formulae: [0, 100],
      };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
