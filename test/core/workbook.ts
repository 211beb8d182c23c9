/** Builds core inputs from plain grids, the way a surface would hand them over. */
import { gridRows, type CellValue, type MergeArea, type WorkbookInput } from "../../src/core/sheet";

export interface GridSheet {
  name: string;
  grid: CellValue[][];
  merges?: MergeArea[];
}

export function workbook(sheets: GridSheet[], name = "测试台账.xlsx"): WorkbookInput {
  return { name, sheets: sheets.map((s) => ({ name: s.name, merges: s.merges, rows: [...gridRows(s.grid)] })) };
}

/** A date cell as ExcelJS reads it: UTC midnight. */
export function d(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export const SETTINGS_AS_OF = (asOf: string, extra: CellValue[][] = []): GridSheet => ({
  name: "台账设置",
  grid: [["项目", "值"], ["统计截止日", asOf], ...extra],
});
