/**
 * The highlight where Office.js has its own ways: requirement sets (Excel 2016, 2019: no range
 * areas, no readable names), round trips and proxy operations that do not grow with rows (and a
 * re-check that changes nothing costs its read alone), a sheet deleted between the read and the
 * write of one Excel.run. What every host's highlight must do (the right rows and cells in
 * DOMAIN.md's colours, formulas that stay true, writes only when something changed, nothing of the
 * user's touched, exact clear also after a reopen, nothing half-applied, hidden places) is in the
 * shared suite, test/host/portSuite.ts.
 */
import type { CheckResult } from "../../src/core/result";
import { createExcelPort } from "../../src/excel/excelPort";
import { AS_OF_NAME } from "../../src/core/marks/asOf";
import { isMarkFormula } from "../../src/host/marks";
import { WorkbookError, type WorkbookPort } from "../../src/host/port";
import { formulaEngine, shownRows } from "../host/formulaEngine";
import { sampleSheets } from "../sample/sampleLedger";
import { engineBook, FakeExcel, storedFormats, visibleState, type CfState } from "./fakeExcel";
import { formattedSample, PROJECTS, resultMarkingRows, runRows, sheetsWithProjectRows, TODAY, usedCells } from "./workbooks";

const today = () => TODAY;

function ours(excel: FakeExcel, sheet: string): CfState[] {
  return excel.sheet(sheet).cfs.filter((cf) => isMarkFormula(cf.formula));
}

/** The rows of the projects sheet on which a start-alert mark shows, by the formula engine. */
function alertRows(excel: FakeExcel): number[] {
  const alerts = storedFormats(excel.sheet(PROJECTS)).filter((f) => f.formula.includes('"zsledger-mark:start-alert:'));
  return shownRows(formulaEngine(engineBook(() => excel.state), TODAY), PROJECTS, alerts);
}

/** Every cell an area list covers, as "row,column". */
function cellsOf(cfs: readonly CfState[]): Set<string> {
  const cells = new Set<string>();
  for (const cf of cfs) for (const a of cf.areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) cells.add(`${r},${c}`);
  return cells;
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

describe.each(MARKINGS)("highlight by %s on older Excel", (_name, mark) => {
  test("without range areas (ExcelApi 1.6–1.8, Excel 2019) one format per run, and still exactly removable", async () => {
    const excel = formattedSample();
    excel.apiVersion = "1.8";
    const before = visibleState(excel.state);
    const port = portOf(excel);
    await mark(port);
    const marks = ours(excel, PROJECTS);
    expect(marks.every((cf) => cf.areas.length === 1)).toBe(true);
    const byTop = (a: { top: number }, b: { top: number }) => a.top - b.top;
    expect(marks.filter((cf) => cf.formula!.includes('"zsledger-mark:start-alert:')).map((cf) => cf.areas[0]).sort(byTop)).toEqual([
      { top: 6, left: 1, bottom: 22, right: 16 },
      { top: 24, left: 1, bottom: 32, right: 16 },
    ]);
    expect(alertRows(excel)).toEqual([8, 9]);
    await port.clear();
    expect(visibleState(excel.state)).toEqual(before);
  });

  test("without readable names (below ExcelApi 1.7) each formula holds the as-of date itself, and no name is written", async () => {
    const excel = formattedSample();
    excel.apiVersion = "1.6";
    const before = visibleState(excel.state);
    const port = portOf(excel);
    await mark(port);
    expect(excel.state.names ?? []).toEqual([]);
    const formulas = ours(excel, PROJECTS).map((cf) => cf.formula!);
    expect(formulas.some((f) => f.includes("DATE(2022,9,30)"))).toBe(true);
    expect(formulas.some((f) => f.includes(AS_OF_NAME))).toBe(false);
    expect(alertRows(excel)).toEqual([8, 9]);
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

describe("round trips of the re-check and of hidden places", () => {
  test("a re-check after an edit that changes no mark: one round trip, nothing written", async () => {
    const excel = formattedSample();
    const port = portOf(excel);
    await port.checkAndHighlight();
    excel.sheet(PROJECTS).cells["6,16"].value = "投洽会现场签约，已办理环评"; // 备注
    const [syncs, log] = [excel.syncs, excel.log.length];
    await port.checkAndHighlight();
    expect(excel.syncs - syncs).toBe(1);
    expect(excel.log.slice(log).filter((op) => /^(conditionalFormats\.add|conditionalFormat\.delete|names\.add|namedItem\.)/.test(op))).toEqual([]);
  });

  test("hidden places: two round trips (the sheets' visibility, then the rows' and columns' flags), one when every place is on a hidden sheet", async () => {
    const excel = formattedSample();
    excel.sheet(PROJECTS).hiddenRows = [17];
    const port = portOf(excel);
    const places = (await port.check()).findings.filter((f) => f.cell).map((f) => ({ sheet: f.sheet, cell: f.cell }));
    let syncs = excel.syncs;
    expect((await port.hiddenPlaces(places)).size).toBe(1);
    expect(excel.syncs - syncs).toBe(2);
    excel.sheet(PROJECTS).visibility = "Hidden";
    syncs = excel.syncs;
    await port.hiddenPlaces(places.filter((p) => p.sheet === PROJECTS));
    expect(excel.syncs - syncs).toBe(1);
    syncs = excel.syncs;
    await port.reveal(PROJECTS, "E17");
    expect(excel.syncs - syncs).toBe(1);
  });
});

describe("highlight failures of check-and-highlight", () => {
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
