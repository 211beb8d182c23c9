/**
 * The highlight: the right rows and cells, nothing of the user's touched, removed exactly by clear
 * (also after a save and reopen), few round trips and proxy operations, nothing half-applied. What
 * must hold of every highlight runs for both ways of marking: check-and-highlight in one call (the
 * pane's), and a check followed by a highlight of its result.
 */
import type { CheckResult } from "../../src/core/result";
import { RULES } from "../../src/core/rules/catalog";
import { createExcelPort } from "../../src/excel/excelPort";
import { isMarkFormula, MARK_STYLES } from "../../src/excel/highlight";
import { WorkbookError, type WorkbookPort } from "../../src/excel/port";
import { parseAreas } from "../../src/excel/areas";
import { SAMPLE_PLANTED, sampleSheets } from "../sample/sampleLedger";
import { FakeExcel, FakeOfficeError, visibleState, type CfState } from "./fakeExcel";
import { formulaEngine, shownCells, shownRows } from "./formulaEngine";
import { formattedSample, PROJECTS, resultMarkingRows, runRows, sheetsWithProjectRows, TODAY, usedCells } from "./workbooks";

const today = () => TODAY;

function ours(excel: FakeExcel, sheet: string): CfState[] {
  return excel.sheet(sheet).cfs.filter((cf) => isMarkFormula(cf.formula));
}

/** Whether a formula is one of our marks of this kind. */
const markOf = (kind: string) => (cf: CfState) => isMarkFormula(cf.formula) && cf.formula!.includes(`"zsledger-mark:${kind}:`);

/** Every cell an area list covers, as "row,column". */
function cellsOf(cfs: readonly CfState[]): Set<string> {
  const cells = new Set<string>();
  for (const cf of cfs) for (const a of cf.areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) cells.add(`${r},${c}`);
  return cells;
}

function cellKey(a1: string): string {
  const [a] = parseAreas(a1);
  return `${a.top},${a.left}`;
}

function portOf(excel: FakeExcel, cellBudget?: number): WorkbookPort {
  return createExcelPort({ host: excel.host(), today, cellBudget });
}

async function checked(excel: FakeExcel) {
  const port = portOf(excel);
  const result = await port.check();
  return { port, result };
}

/** Checks the workbook and marks the result; resolves to the check's result. */
type Marking = (port: WorkbookPort) => Promise<CheckResult>;

const MARKINGS: [string, Marking][] = [
  ["checkAndHighlight", (port) => port.checkAndHighlight()],
  [
    "check, then highlight",
    async (port) => {
      const result = await port.check();
      await port.highlight(result);
      return result;
    },
  ],
];

/** What a failing call rejects with. */
const failure = (call: Promise<unknown>) => call.then(() => null, (e: unknown) => e as WorkbookError);

describe.each(MARKINGS)("highlight by %s", (_name, mark) => {
  test("marks start-date statuses by row and error cells, in DOMAIN.md's colours", async () => {
    const excel = formattedSample();
    await mark(portOf(excel));
    const marks = ours(excel, PROJECTS);

    const alert = marks.filter(markOf("start-alert"));
    const soon = marks.filter(markOf("start-soon"));
    const errors = marks.filter(markOf("error-cell"));
    // The sample's 签约 rows: J8 has no planned start, J9 is overdue, J10 is due soon; the live
    // formats lie over every data row (and the 合计 row below them), their formulas decide.
    const engine = formulaEngine(() => excel.state, TODAY);
    const sheet = excel.sheet(PROJECTS);
    expect(shownRows(engine, sheet, (f) => alert.some((cf) => cf.formula === f))).toEqual([8, 9]);
    expect(shownRows(engine, sheet, (f) => soon.some((cf) => cf.formula === f))).toEqual([10]);
    // whole rows of the used range
    expect(alert.flatMap((cf) => cf.areas)).toEqual([
      { top: 6, left: 1, bottom: 22, right: 16 },
      { top: 24, left: 1, bottom: 32, right: 16 },
    ]);
    expect(alert[0].format).toMatchObject({ fill: "#FFC7CE", fontColor: "#9C0006" });
    expect(soon[0].format).toMatchObject({ fill: "#FFEB9C", fontColor: "#9C5700" });

    const plantedErrors = SAMPLE_PLANTED.filter((p) => p.sheet === PROJECTS && RULES[p.rule].severity === "error").map((p) => cellKey(p.cell));
    expect(shownCells(engine, sheet, (f) => errors.some((cf) => cf.formula === f))).toEqual([...new Set(plantedErrors)].sort());
    for (const cf of errors) {
      expect(cf.format.fill).toBeNull();
      expect(cf.format.fontColor).toBe(MARK_STYLES["error-cell"].font);
      for (const edge of ["top", "bottom", "left", "right"] as const) expect(cf.format.borders[edge]).toEqual({ style: "Continuous", color: "#C00000" });
    }
    // other sheets have no error findings and no project rows: nothing of ours there
    expect(ours(excel, "外出招商")).toEqual([]);
  });

  test("highlight then clear leaves every cell and the user's own conditional formats exactly as before", async () => {
    const excel = formattedSample();
    const before = visibleState(excel.state);
    const port = portOf(excel);
    await mark(port);
    const marked = visibleState(excel.state);
    expect(marked).not.toEqual(before); // it did mark something
    // values, number formats, fills, fonts, borders of every cell untouched while marked
    const cellsOnly = (s: unknown) => (s as { sheets: { cells: unknown }[] }).sheets.map((x) => x.cells);
    expect(cellsOnly(marked)).toEqual(cellsOnly(before));
    await port.clear();
    expect(visibleState(excel.state)).toEqual(before);
  });

  test("clear finds and removes the marks after the workbook was saved and reopened", async () => {
    const excel = formattedSample();
    const before = visibleState(excel.state);
    await mark(portOf(excel));

    const reopened = excel.reopen(); // a new session: nothing but the saved document
    expect(ours(reopened, PROJECTS).length).toBeGreaterThan(0);
    await createExcelPort({ host: reopened.host(), today }).clear();
    expect(visibleState(reopened.state)).toEqual(before);
  });

  test("highlighting again replaces the marks instead of stacking them; the user's formats keep their order", async () => {
    const excel = formattedSample();
    const userCfs = () => excel.sheet(PROJECTS).cfs.filter((cf) => !isMarkFormula(cf.formula));
    const originalUser = JSON.parse(JSON.stringify(userCfs()));
    const port = portOf(excel);
    await mark(port);
    const first = JSON.parse(JSON.stringify(ours(excel, PROJECTS)));
    await mark(port);
    expect(ours(excel, PROJECTS)).toEqual(first);
    expect(userCfs()).toEqual(originalUser);
    // and after a reopen, from a fresh port
    const reopened = excel.reopen();
    await mark(portOf(reopened));
    expect(ours(reopened, PROJECTS)).toEqual(first);
  });

  test("without range areas (ExcelApi 1.6–1.8, Excel 2019) one format per run, and still exactly removable", async () => {
    const excel = formattedSample();
    excel.apiVersion = "1.8";
    const before = visibleState(excel.state);
    const port = portOf(excel);
    await mark(port);
    const marks = ours(excel, PROJECTS);
    expect(marks.every((cf) => cf.areas.length === 1)).toBe(true);
    const byTop = (a: { top: number }, b: { top: number }) => a.top - b.top;
    expect(marks.filter(markOf("start-alert")).map((cf) => cf.areas[0]).sort(byTop)).toEqual([
      { top: 6, left: 1, bottom: 22, right: 16 },
      { top: 24, left: 1, bottom: 32, right: 16 },
    ]);
    expect(shownRows(formulaEngine(() => excel.state, TODAY), excel.sheet(PROJECTS), (f) => marks.some((cf) => cf.formula === f && markOf("start-alert")(cf)))).toEqual([8, 9]);
    await port.clear();
    expect(visibleState(excel.state)).toEqual(before);
  });

  test("without conditional formats (ExcelApi 1.2, Excel 2016) a clear message, nothing written", async () => {
    const excel = formattedSample();
    excel.apiVersion = "1.2";
    const before = visibleState(excel.state);
    const error = (await failure(mark(portOf(excel)))) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toContain("此版本的 Excel 不支持“标记”（需要 ExcelApi 1.6）");
    expect(error.messageEn).toContain("ExcelApi 1.6");
    expect(visibleState(excel.state)).toEqual(before);
  });
});

describe("highlight", () => {
  test("a user's own custom formula is never taken for ours", async () => {
    const excel = formattedSample();
    const { port } = await checked(excel);
    await port.clear();
    expect(excel.sheet(PROJECTS).cfs).toHaveLength(2);
    expect(excel.sheet("外出招商").cfs).toHaveLength(1);
  });

  test("round trips do not grow with rows or findings: 10 rows and 10,000 rows", async () => {
    const counts: Record<string, number>[] = [];
    for (const rows of [10, 10_000]) {
      const excel = FakeExcel.fromSheets(sheetsWithProjectRows(rows));
      const port = createExcelPort({ host: excel.host(), today });
      const result = await port.check();
      const afterCheck = excel.syncs;
      await port.highlight(result);
      const afterHighlight = excel.syncs;
      const again = await port.check();
      const afterRecheck = excel.syncs;
      await port.highlight(again);
      counts.push({
        check: afterCheck,
        highlight: afterHighlight - afterCheck,
        recheck: afterRecheck - afterHighlight,
        rehighlight: excel.syncs - afterRecheck,
      });
      expect(ours(excel, PROJECTS).length).toBeGreaterThan(0);
    }
    expect(counts[0]).toEqual(counts[1]);
    // first check + highlight: 3 + 2; while editing (sheets known): 2 + 1, the read alone, since
    // nothing changed and so nothing is written
    expect(counts[0]).toEqual({ check: 3, highlight: 2, recheck: 2, rehighlight: 1 });
  });

  test("check and highlight in one call: at most 3 round trips, the same for 10 rows and 10,000 rows", async () => {
    const counts: Record<string, number>[] = [];
    for (const rows of [10, 10_000]) {
      const excel = FakeExcel.fromSheets(sheetsWithProjectRows(rows));
      const port = portOf(excel);
      const first = await port.checkAndHighlight();
      const afterFirst = excel.syncs;
      const marks = JSON.stringify(ours(excel, PROJECTS));
      const later = await port.checkAndHighlight();
      const afterLater = excel.syncs;
      // the pane's other order: Check, then Highlight
      const checkedFirst = FakeExcel.fromSheets(sheetsWithProjectRows(rows));
      const other = portOf(checkedFirst);
      await other.check();
      const afterCheck = checkedFirst.syncs;
      await other.checkAndHighlight();
      counts.push({ first: afterFirst, later: afterLater - afterFirst, afterCheck: checkedFirst.syncs - afterCheck });

      expect(first.ledgers.find((l) => l.sheet === PROJECTS)?.dataRows).toBe(rows);
      expect(first.findings.length).toBeGreaterThan(rows / 17); // findings grow with the rows
      expect(later.findings).toEqual(first.findings);
      expect(cellsOf(ours(excel, PROJECTS)).size).toBeGreaterThan(rows / 17); // and so do the marked cells
      expect(JSON.stringify(ours(excel, PROJECTS))).toBe(marks); // replaced, not stacked
      expect(JSON.stringify(ours(checkedFirst, PROJECTS))).toBe(marks);
    }
    expect(counts[0]).toEqual(counts[1]);
    // sheet list; values with every sheet's marks and protection; the write. Once the port knows
    // the sheets, the list comes with the values; and a later call that changes nothing writes nothing.
    expect(counts[0]).toEqual({ first: 3, later: 1, afterCheck: 2 });
  });

  test.each(["throw", "null"] as const)(
    "check and highlight above one value request (%s): one more round trip per further request, same marks",
    async (oversize) => {
      const sheets = sheetsWithProjectRows(1_000);
      const whole = FakeExcel.fromSheets(sheets);
      const expected = await portOf(whole).checkAndHighlight();

      const budget = 4_000;
      const excel = FakeExcel.fromSheets(sheets);
      excel.payloadCellLimit = budget; // a request above the budget fails, or gives values null
      excel.oversize = oversize;
      const port = portOf(excel, budget);
      const first = await port.checkAndHighlight();
      const afterFirst = excel.syncs;
      await port.checkAndHighlight();
      expect(first.findings).toEqual(expected.findings);
      expect(ours(excel, PROJECTS)).toEqual(ours(whole, PROJECTS));

      const requests = Math.ceil(usedCells(sheets) / budget);
      expect(requests).toBeGreaterThan(1);
      // once the port knows the size: the list with the extents, marks and protection; the values; no
      // write, since nothing changed
      expect(excel.syncs - afterFirst).toBe(1 + requests);
      // the first time the values are asked with the extents, which Excel refuses (then the extents
      // are asked again) or answers with values null (the extents came)
      expect(afterFirst).toBe((oversize === "throw" ? 3 : 2) + requests + 1);
    },
  );

  test("proxy operations grow with the number of runs, not with the cells they cover", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const { port, result } = await checked(excel);
    const opsFor = async (rows: number[]) => {
      await port.clear();
      const start = excel.ops;
      await port.highlight(resultMarkingRows(result, rows));
      return excel.ops - start;
    };
    const short = await opsFor(runRows(20, 1)); // 20 runs of 1 row
    const long = await opsFor(runRows(20, 300)); // 20 runs of 300 rows: 300 times the cells
    const many = await opsFor(runRows(2_000, 1)); // 100 times the runs
    expect(long).toBe(short);
    expect(many).toBeGreaterThan(short);
    expect(many).toBeLessThan(short * 100);
    expect(cellsOf(ours(excel, PROJECTS)).size).toBe(2_000 * 16);
  });
});

describe.each(MARKINGS)("highlight failures leave nothing half-applied (%s)", (_name, mark) => {
  test("a protected sheet: a Chinese message naming it, and no mark anywhere", async () => {
    const excel = formattedSample();
    const { port } = await checked(excel);
    excel.sheet(PROJECTS).protected = true;
    const before = visibleState(excel.state);
    const error = (await failure(mark(port))) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toContain("工作表“项目台账”受保护，无法添加标记，本次没有做任何修改");
    expect(error.messageEn).toContain('Sheet "项目台账" is protected');
    expect(visibleState(excel.state)).toEqual(before);
    expect(excel.log.filter((op) => op.startsWith("conditionalFormats.add"))).toEqual([]);
  });

  test("clear on a protected sheet with marks: refused before anything is deleted", async () => {
    const excel = formattedSample();
    const port = portOf(excel);
    await mark(port);
    excel.sheet(PROJECTS).protected = true;
    const marked = visibleState(excel.state);
    const error = (await failure(port.clear())) as WorkbookError;
    expect(error.message).toContain("工作表“项目台账”受保护，无法清除标记");
    expect(visibleState(excel.state)).toEqual(marked);
  });

  test("an API error part-way through the write: the marks already written are removed again", async () => {
    const excel = formattedSample();
    const before = visibleState(excel.state);
    const { port } = await checked(excel);
    let adds = 0;
    excel.failWhen = (op) => (op.name === "conditionalFormats.add" && ++adds === 2 ? new FakeOfficeError("GeneralException", "An internal error has occurred.") : null);
    const error = (await failure(mark(port))) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toContain("标记失败：Excel 返回了错误（GeneralException）");
    expect(error.message).toContain("已撤回本次写入的全部标记");
    expect(adds).toBeGreaterThanOrEqual(2); // the first add did run before the failure
    expect(visibleState(excel.state)).toEqual(before);
  });

  test("an API error while replacing an earlier highlight leaves the workbook unmarked, the user's formats intact", async () => {
    const excel = formattedSample();
    const before = visibleState(excel.state);
    const port = portOf(excel);
    await mark(port);
    // 总投资 of row 17 rewritten, still unreadable: its error cell's mark is replaced; the write fails
    excel.sheet(PROJECTS).cells["17,5"].value = "未定";
    const corrected = visibleState(excel.state) as { sheets: { cells: unknown }[] };
    excel.failWhen = (op) => (op.name === "cf.format.font.color=" ? new FakeOfficeError("GeneralException", "An internal error has occurred.") : null);
    const error = (await failure(mark(port))) as WorkbookError;
    expect(error.message).toContain("已撤回本次写入的全部标记");
    const cellsOnly = (s: unknown) => (s as { sheets: { cells: unknown }[] }).sheets.map((x) => x.cells);
    expect(cellsOnly(visibleState(excel.state))).toEqual(cellsOnly(corrected));
    // every format of ours is gone, the user's remain in their order
    expect(excel.state.sheets.map((x) => x.cfs)).toEqual((before as { sheets: { cfs: unknown }[] }).sheets.map((x) => x.cfs));
  });
});

describe("highlight failures of one way of marking", () => {
  test("highlight of a result whose sheet was deleted after the check: a clear message, and no mark anywhere", async () => {
    const excel = formattedSample();
    const { port, result } = await checked(excel);
    excel.state.sheets = excel.state.sheets.filter((s) => s.name !== PROJECTS);
    const before = visibleState(excel.state);
    const error = (await failure(port.highlight(result))) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toContain("找不到工作表“项目台账”（可能已被删除或重命名），本次没有做任何标记");
    expect(visibleState(excel.state)).toEqual(before);
  });

  test("check and highlight with the sheet to mark deleted between its read and its write: a clear message, no mark left", async () => {
    const excel = formattedSample();
    const port = portOf(excel);
    await port.check(); // the port knows the sheets: one read, then the write
    const write = excel.syncs + 2;
    excel.beforeSync = (n) => {
      if (n === write) excel.state.sheets = excel.state.sheets.filter((s) => s.name !== PROJECTS);
    };
    const others = () => visibleState({ ...excel.state, sheets: excel.state.sheets.filter((s) => s.name !== PROJECTS) });
    const before = others();
    const error = (await failure(port.checkAndHighlight())) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toContain("标记失败：找不到工作表或单元格");
    expect(excel.state.sheets.flatMap((s) => s.cfs).filter((cf) => isMarkFormula(cf.formula))).toEqual([]);
    expect(others()).toEqual(before);
  });
});
