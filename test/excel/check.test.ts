/**
 * The Office read where Office.js has its own ways: merged-area limits, payload caps, requirement
 * sets, round trips, errors with codes. Both port calls that read run them: check, and
 * check-and-highlight (whose read takes the values with the extents, and falls back to chunks).
 * What every host's read must do (the same result as the command line, used ranges off A1, the 1904
 * date system, sheets coming and going) is in the shared suite, test/host/portSuite.ts.
 */
import type { CheckResult } from "../../src/core/result";
import type { WorkbookInput } from "../../src/core/sheet";
import { createExcelPort } from "../../src/excel/excelPort";
import type { WorkbookPort } from "../../src/host/port";
import { officeHost } from "../../src/excel/host";
import { WorkbookError } from "../../src/host/port";
import { cliResult, comparable } from "../host/portSuite";
import { SAMPLE_NAME, sampleSheets, type SampleSheet } from "../sample/sampleLedger";
import { FakeExcel, FakeOfficeError } from "./fakeExcel";
import { PROJECTS, sheetsWithProjectRows, TODAY, usedCells } from "./workbooks";

const today = () => TODAY;

/** The port's calls that read the workbook and return a check's result. */
const READS: [string, (port: WorkbookPort) => Promise<CheckResult>][] = [
  ["check", (port) => port.check()],
  ["checkAndHighlight", (port) => port.checkAndHighlight()],
];

describe.each(READS)("reading through Office.js (%s)", (_name, read) => {
  const portOf = (excel: FakeExcel) => createExcelPort({ host: excel.host(), today });

  test("more than 512 merged areas: the merges are skipped and the check goes on", async () => {
    const sheets = sampleSheets();
    const notes: SampleSheet = { name: "附表", grid: Array.from({ length: 700 }, (_, i) => [`说明${i + 1}`]), merges: [] };
    for (let r = 1; r <= 600; r++) notes.merges.push({ top: r, left: 1, bottom: r, right: 2 });
    const excel = FakeExcel.fromSheets([...sheets, notes]);
    const result = await read(portOf(excel));
    expect(comparable(result)).toEqual(comparable(cliResult([...sheets, notes], { merges: false })));
  });

  test.each(["throw", "null"] as const)("a request Excel refuses as too large (%s) is halved until it fits", async (oversize) => {
    const sheets = sheetsWithProjectRows(1_000);
    const excel = FakeExcel.fromSheets(sheets);
    excel.payloadCellLimit = 5_000;
    excel.oversize = oversize;
    const result = await read(portOf(excel));
    expect(comparable(result)).toEqual(comparable(cliResult(sheets)));
  });

});

describe("check through Office.js", () => {
  test.each([false, true])("reads merged areas, hidden sheets and the workbook's name (direct: %s)", async (direct) => {
    const sheets = sampleSheets();
    const excel = FakeExcel.fromSheets(sheets);
    excel.sheet("例会记录").visibility = "Hidden";
    // a merged blank area below the trips ledger is outside the used range: not the ledger's
    excel.sheet("外出招商").merges.push({ top: 60, left: 1, bottom: 61, right: 3 });
    const seen: WorkbookInput[] = [];
    const { readWorkbook } = await import("../../src/excel/readWorkbook");
    const host = excel.host();
    const read = await host.run((ctx) => readWorkbook(ctx, host, { direct }));
    seen.push(read.input);
    const inputSheets = [...read.input.sheets];
    const byName = new Map(inputSheets.map((s) => [s.name, s]));
    const sortAreas = (a: readonly { top: number; left: number }[] = []) => [...a].sort((x, y) => x.top - y.top || x.left - y.left);
    for (const s of sheets) expect(sortAreas(byName.get(s.name)!.merges)).toEqual(sortAreas(s.merges));
    expect(byName.get("例会记录")!.hidden).toBe(true);
    expect(byName.get(PROJECTS)!.hidden).toBe(false);
    expect(read.input.name).toBe(SAMPLE_NAME);
    expect(read.sheetNames).toEqual(sheets.map((s) => s.name));
  });

  test("without the functions API (ExcelApi 1.1) the 1900 system is assumed", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    excel.apiVersion = "1.1";
    const result = await createExcelPort({ host: excel.host(), today }).check();
    expect(comparable(result)).toEqual(comparable(cliResult(sampleSheets(), { merges: false })));
  });

  test("on ExcelApi 1.2 (Excel 2016) reads used ranges without null objects, blank sheets included", async () => {
    const sheets = sampleSheets();
    const blank: SampleSheet = { name: "空白", grid: [], merges: [] };
    const excel = FakeExcel.fromSheets([...sheets, blank]);
    excel.apiVersion = "1.2";
    const result = await createExcelPort({ host: excel.host(), today }).check();
    expect(comparable(result)).toEqual(comparable(cliResult([...sheets, blank], { merges: false })));
  });

  test("the number of round trips does not grow with rows: 10 rows and 10,000 rows", async () => {
    const counts: number[][] = [];
    for (const rows of [10, 10_000]) {
      const excel = FakeExcel.fromSheets(sheetsWithProjectRows(rows));
      const port = createExcelPort({ host: excel.host(), today });
      const first = await port.check();
      const cold = excel.syncs;
      await port.check();
      counts.push([cold, excel.syncs - cold]);
      expect(first.ledgers.find((l) => l.sheet === PROJECTS)?.dataRows).toBe(rows);
      expect(first.findings.length).toBeGreaterThan(rows / 17); // problems grow with the rows
    }
    expect(counts[0]).toEqual(counts[1]);
    // sheet list, extents, values; a later check knows the sheets and asks their extents with the list
    expect(counts[0]).toEqual([3, 2]);
  });

  test("a very large read is split into requests under the payload budget, with the same result", async () => {
    const sheets = sheetsWithProjectRows(1_000);
    const whole = FakeExcel.fromSheets(sheets);
    const expected = await createExcelPort({ host: whole.host(), today }).check();

    const chunked = FakeExcel.fromSheets(sheets);
    const budget = 4_000;
    chunked.payloadCellLimit = budget; // a request above the budget would fail
    const result = await createExcelPort({ host: chunked.host(), today, cellBudget: budget }).check();
    expect(comparable(result)).toEqual(comparable(expected));
    const cells = usedCells(sheets);
    // the sheet list, the extents, then one request per budget's worth of cells
    expect(chunked.syncs).toBe(2 + Math.ceil(cells / budget));
    expect(whole.syncs).toBe(3);
  });

  test("a sheet deleted during the check gives a clear Chinese message, not a crash", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    excel.beforeSync = (n) => {
      if (n === 3) excel.state.sheets.splice(1, 1); // after the extents were read, before the values
    };
    const error = await createExcelPort({ host: excel.host(), today })
      .check()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(/^检查台账失败：找不到工作表或单元格，可能刚被删除或重命名/);
    expect((error as WorkbookError).messageEn).toMatch(/deleted or renamed/);
  });

  test("an Excel error becomes a WorkbookError naming what failed", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    excel.failWhen = (op) => (op.name === "worksheet.getRange" ? new FakeOfficeError("GeneralException", "boom") : null);
    const error = (await createExcelPort({ host: excel.host(), today })
      .check()
      .catch((e: unknown) => e)) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toContain("检查台账失败：Excel 返回了错误（GeneralException）");
    expect(error.messageEn).toContain("GeneralException");
  });

  test("outside Excel the message says so", async () => {
    const error = (await createExcelPort({ host: officeHost(), today })
      .check()
      .catch((e: unknown) => e)) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toContain("未连接到 Excel");
  });
});
