/** Going to a finding's cell, and re-checking while staff edit. */
import { createExcelPort } from "../../src/excel/excelPort";
import { WorkbookError } from "../../src/host/port";
import { sampleSheets } from "../sample/sampleLedger";
import { FakeExcel } from "./fakeExcel";
import { PROJECTS, TODAY } from "./workbooks";

const today = () => TODAY;

describe("select", () => {
  test("activates the finding's sheet and selects its cell, in one round trip", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    excel.state.activeSheet = "外出招商";
    const port = createExcelPort({ host: excel.host(), today });
    const result = await port.check();
    const finding = result.findings.find((f) => f.rule === "overdue-start")!;
    const before = excel.syncs;
    await port.select(finding.sheet, finding.cell);
    expect(excel.syncs - before).toBe(1);
    expect(excel.state.activeSheet).toBe(PROJECTS);
    expect(excel.state.selection).toEqual({ sheet: PROJECTS, address: "J9" });
  });

  test("a workbook-level finding (no sheet) selects nothing and does not fail", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    await createExcelPort({ host: excel.host(), today }).select("", "");
    expect(excel.state.selection).toBeNull();
    expect(excel.syncs).toBe(0);
  });

  test("a sheet that is gone gives a Chinese message", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const error = (await createExcelPort({ host: excel.host(), today })
      .select("已删除的表", "A1")
      .catch((e: unknown) => e)) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toMatch(/^定位单元格失败：找不到工作表或单元格/);
  });
});

describe("onChanged", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Lets the registration's promise chain run. */
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };

  test("calls back once when edits pause, not once per edit", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const port = createExcelPort({ host: excel.host(), today, debounceMs: 800 });
    const callback = jest.fn();
    const off = port.onChanged(callback);
    await settle();
    expect(excel.handlers).toHaveLength(1);

    await excel.fireChanged(PROJECTS, "E6");
    jest.advanceTimersByTime(500);
    await excel.fireChanged(PROJECTS, "E7");
    jest.advanceTimersByTime(500);
    await excel.fireChanged(PROJECTS, "E8");
    expect(callback).not.toHaveBeenCalled();
    jest.advanceTimersByTime(800);
    expect(callback).toHaveBeenCalledTimes(1);

    off();
    await settle();
    expect(excel.handlers).toHaveLength(0);
  });

  test("unsubscribing cancels a pending callback, also before the subscription was registered", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const port = createExcelPort({ host: excel.host(), today });
    const callback = jest.fn();
    const early = port.onChanged(callback);
    early(); // before Excel answered
    await settle();
    expect(excel.handlers).toHaveLength(0);

    const off = port.onChanged(callback);
    await settle();
    await excel.fireChanged(PROJECTS, "E6");
    off();
    jest.advanceTimersByTime(5_000);
    expect(callback).not.toHaveBeenCalled();
  });

  test("without workbook change events (before ExcelApi 1.9) it subscribes to nothing", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    excel.apiVersion = "1.8";
    const off = createExcelPort({ host: excel.host(), today }).onChanged(jest.fn());
    await settle();
    expect(excel.handlers).toHaveLength(0);
    expect(excel.syncs).toBe(0);
    off();
  });
});
