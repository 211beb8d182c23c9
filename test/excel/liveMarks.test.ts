/**
 * Marks that stay true: every mark's formula is evaluated with a real formula engine on the
 * sheet's values as they are after an edit, without a re-check (the pane closed), and after a
 * simulated reopen (marks kept, the pane's state lost).
 */
import { AS_OF_NAME, isMarkFormula } from "../../src/core/marks";
import { createExcelPort } from "../../src/excel/excelPort";
import type { WorkbookPort } from "../../src/excel/port";
import { SAMPLE_PLANTED } from "../sample/sampleLedger";
import { RULES } from "../../src/core/rules/catalog";
import { parseAreas } from "../../src/excel/areas";
import { FakeExcel, insertRows, type SheetState } from "./fakeExcel";
import { formulaEngine, shownCells, shownRows, type FormulaEngine } from "./formulaEngine";
import { formattedSample, PROJECTS, TODAY } from "./workbooks";

const today = () => TODAY;
const portOf = (excel: FakeExcel): WorkbookPort => createExcelPort({ host: excel.host(), today });
const engineOf = (excel: FakeExcel): FormulaEngine => formulaEngine(() => excel.state, TODAY);

const kind = (k: string) => (formula: string) => isMarkFormula(formula) && formula.includes(`"zsledger-mark:${k}:`);
const alertRows = (excel: FakeExcel) => shownRows(engineOf(excel), excel.sheet(PROJECTS), kind("start-alert"));
const soonRows = (excel: FakeExcel) => shownRows(engineOf(excel), excel.sheet(PROJECTS), kind("start-soon"));
const errorCells = (excel: FakeExcel) => shownCells(engineOf(excel), excel.sheet(PROJECTS), kind("error-cell"));

/** Types into a cell as a user would: text stays text, "yyyy-mm-dd" becomes a date serial, "" empties it. */
function type(sheet: SheetState, address: string, value: string | number): void {
  const [a] = parseAreas(address);
  const serial = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const cell = sheet.cells[`${a.top},${a.left}`] ?? { value: "", numberFormat: "General", fill: null, fontColor: "#000000", fontBold: false, borders: { top: null, bottom: null, left: null, right: null } };
  cell.value = serial ? (Date.UTC(+serial[1], +serial[2] - 1, +serial[3]) / 86_400_000 + 25_569) : value;
  sheet.cells[`${a.top},${a.left}`] = cell;
}

const cellKey = (address: string) => {
  const [a] = parseAreas(address);
  return `${a.top},${a.left}`;
};
const plantedErrorCells = SAMPLE_PLANTED.filter((p) => p.sheet === PROJECTS && RULES[p.rule].severity === "error" && p.rule !== "missing-column").map((p) => cellKey(p.cell));

async function highlighted(): Promise<FakeExcel> {
  const excel = formattedSample();
  await portOf(excel).checkAndHighlight();
  return excel;
}

describe("marks evaluated by a formula engine on the sheet's values", () => {
  test("right after highlighting, each mark shows exactly where the check puts it", async () => {
    const excel = await highlighted();
    // The sample's 签约 rows: 8 has no planned start, 9 is overdue, 10 is due soon.
    expect(alertRows(excel)).toEqual([8, 9]);
    expect(soonRows(excel)).toEqual([10]);
    expect(errorCells(excel)).toEqual([...new Set(plantedErrorCells)].sort());
    // the as-of comes from 台账设置's 统计截止日 cell, through the workbook-level name
    expect(excel.state.names).toEqual([{ name: AS_OF_NAME, formula: expect.stringContaining("'台账设置'!$B$") }]);
    expect(engineOf(excel).evaluate(PROJECTS, AS_OF_NAME)).toBe(44834); // 2022-09-30
  });

  test.each([
    ["as it is", (e: FakeExcel) => e],
    ["after a save and reopen (marks kept, the pane's state lost)", (e: FakeExcel) => e.reopen()],
  ])("%s: filling the missing planned start turns its marks off, with no re-check", async (_name, after) => {
    const excel = after(await highlighted());
    type(excel.sheet(PROJECTS), "J8", "2023-05-01"); // a planned start months ahead: pending
    expect(alertRows(excel)).toEqual([9]);
    expect(errorCells(excel)).not.toContain(cellKey("J8"));
    expect(errorCells(excel)).toContain(cellKey("J9"));

    // a planned start before the as-of date: overdue, shown live
    type(excel.sheet(PROJECTS), "J8", "2022-09-01");
    expect(alertRows(excel)).toEqual([8, 9]);
    // a near one: due soon instead
    type(excel.sheet(PROJECTS), "J8", "2022-10-05");
    expect(alertRows(excel)).toEqual([9]);
    expect(soonRows(excel)).toEqual([8, 10]);
    // started: nothing on the row
    type(excel.sheet(PROJECTS), "K8", "2022-09-20");
    expect(soonRows(excel)).toEqual([10]);
  });

  test.each([
    ["as it is", (e: FakeExcel) => e],
    ["after a save and reopen", (e: FakeExcel) => e.reopen()],
  ])("%s: a newly signed row without a planned start lights up, the add-in closed", async (_name, after) => {
    const excel = after(await highlighted());
    const projects = excel.sheet(PROJECTS);
    // 在谈 → 签约 on row 24, no planned start
    type(projects, "F24", "签约");
    expect(alertRows(excel)).toEqual([8, 9, 24]);
    expect(errorCells(excel)).toContain(cellKey("J24"));
    // a new row typed in above the 合计 row (rows inserted there fall inside the marked areas)
    insertRows(projects, 32);
    type(projects, "A32", 26);
    type(projects, "B32", "新材料项目");
    type(projects, "E32", 8000);
    type(projects, "F32", "签约");
    expect(alertRows(excel)).toEqual([8, 9, 24, 32]);
    type(projects, "J32", "2022-10-01");
    expect(alertRows(excel)).toEqual([8, 9, 24]);
    expect(soonRows(excel)).toEqual([10, 32]);
  });

  test.each([
    ["as it is", (e: FakeExcel) => e],
    ["after a save and reopen", (e: FakeExcel) => e.reopen()],
  ])("%s: a row inserted into a marked run is not marked; the rows around it keep theirs", async (_name, after) => {
    const excel = after(await highlighted());
    insertRows(excel.sheet(PROJECTS), 9); // between row 8 (no planned start) and row 9 (overdue)
    expect(alertRows(excel)).toEqual([8, 10]);
    expect(soonRows(excel)).toEqual([11]);
    const errors = errorCells(excel);
    expect(errors.some((k) => k.startsWith("9,"))).toBe(false);
    // the error cells below moved with their rows and still show
    expect(errors).toContain(cellKey("E18")); // invalid-amount, was E17
    expect(errors).toContain(cellKey("J10")); // overdue, was J9
  });

  test("an error cell's mark holds while the cells its rule reads are unchanged, and no longer", async () => {
    const excel = await highlighted();
    const projects = excel.sheet(PROJECTS);
    expect(errorCells(excel)).toContain(cellKey("E17")); // 总投资 待定
    type(projects, "E17", 6000);
    expect(errorCells(excel)).not.toContain(cellKey("E17"));
    expect(errorCells(excel)).toContain(cellKey("K12")); // 开工 without an actual start
    type(projects, "K12", "2022-08-03");
    expect(errorCells(excel)).not.toContain(cellKey("K12"));
    type(projects, "K12", "");
    expect(errorCells(excel)).toContain(cellKey("K12"));
    expect(errorCells(excel)).toContain(cellKey("E31")); // 总投资 blank
    type(projects, "E31", 1000);
    expect(errorCells(excel)).not.toContain(cellKey("E31"));
  });

  test("a text date the formula cannot read: the mark holds only while the cells are as they were", async () => {
    const excel = formattedSample();
    const projects = excel.sheet(PROJECTS);
    type(projects, "J8", "2022.9.20"); // a text date the core reads as 2022-09-20: overdue
    await portOf(excel).checkAndHighlight();
    expect(alertRows(excel)).toEqual([8, 9]);
    type(projects, "J8", "2022.10.20"); // changed: the guard no longer holds (the core would say pending)
    expect(alertRows(excel)).toEqual([9]);
    type(projects, "J8", "2022.9.20");
    expect(alertRows(excel)).toEqual([8, 9]);
  });

  test("the as-of date moves the live marks: 台账设置's cell, read through the name", async () => {
    const excel = await highlighted();
    const settings = excel.sheet("台账设置");
    const asOfCell = Object.entries(settings.cells).find(([, c]) => c.value === "2022-09-30" || c.value === 44834)!;
    asOfCell[1].value = "2022-09-10"; // earlier: row 9 (planned 09-15) is due soon, not overdue
    expect(alertRows(excel)).toEqual([8]);
    expect(soonRows(excel)).toEqual([9]);
  });
});
