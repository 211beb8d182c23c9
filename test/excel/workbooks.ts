/**
 * Workbooks for the adapter's tests, built from the bundled sample ledger: the sample itself with
 * a user's own formatting, and the sample's projects ledger grown to any number of rows.
 */
import { ROW } from "../../src/core/marks/formulaText";
import { runsOf, type PlannedMark } from "../../src/core/marks/mark";
import type { CheckResult, ProjectAssessment } from "../../src/core/result";
import type { CellValue } from "../../src/core/sheet";
import { sampleSheets, type SampleSheet } from "../sample/sampleLedger";
import { addUserCf, blankCfFormat, FakeExcel, formatCell } from "./fakeExcel";

import { PROJECTS } from "../host/portSuite";

export { PROJECTS, TODAY } from "../host/portSuite";

/** The sample's data rows (6–22: signed and started projects, planted problems included). */
const DATA_ROWS = { first: 6, last: 22 };
const HEADER_ROWS = 4;

/**
 * The sample workbook with its projects ledger holding `rows` data rows: the sample's signed and
 * started rows over and over, numbered and with distinct names, so problems grow with rows.
 */
export function sheetsWithProjectRows(rows: number): SampleSheet[] {
  const sheets = sampleSheets();
  const projects = sheets.find((s) => s.name === PROJECTS)!;
  const head = projects.grid.slice(0, HEADER_ROWS);
  const pattern = projects.grid.slice(DATA_ROWS.first - 1, DATA_ROWS.last);
  const body: CellValue[][] = [];
  for (let i = 0; i < rows; i++) {
    const row = [...pattern[i % pattern.length]];
    row[0] = i + 1;
    row[1] = `${String(row[1])}（${i + 1}）`;
    body.push(row);
  }
  projects.grid = [...head, ...body];
  projects.merges = projects.merges.filter((m) => m.top <= HEADER_ROWS);
  return sheets;
}

/** Cells of the sheets' used ranges (each grid's rows times its widest row): what a full read asks for. */
export function usedCells(sheets: readonly SampleSheet[]): number {
  return sheets.reduce((n, s) => n + s.grid.length * Math.max(0, ...s.grid.map((r) => r.length)), 0);
}

/**
 * The sample as a unit keeps it, with formatting of its own: a bold header, a grey fill on the
 * title, blue amounts, a number format on the amounts, a thin border, and two conditional formats
 * of the user's (a cell-value rule on 总投资 and a custom formula on 项目状态).
 */
export function formattedSample(): FakeExcel {
  const excel = FakeExcel.fromSheets(sampleSheets());
  const projects = excel.sheet(PROJECTS);
  for (let c = 1; c <= 16; c++) formatCell(projects, 3, c, { fontBold: true, fill: "#D9E1F2" });
  formatCell(projects, 1, 1, { fill: "#EDEDED", fontColor: "#1F3864", fontBold: true });
  for (let r = 6; r <= 31; r++) formatCell(projects, r, 5, { numberFormat: "#,##0", fontColor: "#0070C0" });
  formatCell(projects, 8, 10, { fill: "#E2EFDA", borders: { top: { style: "Continuous", color: "#000000" }, bottom: null, left: null, right: null } });
  addUserCf(projects, {
    type: "CellValue",
    formula: "=100000",
    operator: "GreaterThan",
    areas: [{ top: 6, left: 5, bottom: 31, right: 5 }],
    format: { ...blankCfFormat(), fontColor: "#7030A0" },
  });
  addUserCf(projects, {
    type: "Custom",
    formula: '=$F6="终止"',
    areas: [{ top: 6, left: 1, bottom: 31, right: 16 }],
    format: { ...blankCfFormat(), fill: "#D9D9D9" },
  });
  addUserCf(excel.sheet("外出招商"), {
    type: "Custom",
    formula: "=$A3>=DATE(2022,8,1)",
    areas: [{ top: 3, left: 1, bottom: 10, right: 1 }],
    format: { ...blankCfFormat(), fontColor: "#375623" },
  });
  return excel;
}

/** A result that marks exactly the given project rows (status overdue, one mark over many areas) of the projects ledger and no cells. */
export function resultMarkingRows(base: CheckResult, rows: readonly number[]): CheckResult {
  const template = base.projects[0];
  const projects: ProjectAssessment[] = rows.map((row) => ({ ...template, sheet: PROJECTS, row, status: "overdue" }));
  const mark: PlannedMark = { kind: "start-alert", live: true, condition: `NOT(ISBLANK($B${ROW}))`, runs: runsOf(rows), column: null };
  const marks = { ...base.marks, sheets: [{ sheet: PROJECTS, marks: [mark], columns: { left: 1, right: 16 }, count: rows.length }] };
  return { ...base, findings: [], projects, marks };
}

/** `runs` runs of `length` consecutive rows, one row apart, from row 100. */
export function runRows(runs: number, length: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < runs; i++) for (let j = 0; j < length; j++) rows.push(100 + i * (length + 1) + j);
  return rows;
}
