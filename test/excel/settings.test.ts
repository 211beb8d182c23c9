/**
 * The 台账设置 sheet where Office.js has its own ways: round trips, requirement sets. What every
 * host does with the sheet (write and read back, values as text, notes kept, recalculation only
 * after a ZS function has run, following hand edits, failures) is in the shared suite,
 * test/host/portSuite.ts.
 */
import { createExcelPort } from "../../src/excel/excelPort";
import { startStatus } from "../../src/functions/formulas";
import { resetWorkbookSettings } from "../../src/host/runtimeState";
import { sampleSheets } from "../sample/sampleLedger";
import { FakeExcel, formatCell } from "./fakeExcel";
import { TODAY } from "./workbooks";

const today = () => TODAY;

beforeEach(() => resetWorkbookSettings());

test("a runtime start and an unchanged reload cost two round trips and no recalculation; a change after a ZS function ran, one Full recalculation", async () => {
  const excel = FakeExcel.fromSheets(sampleSheets());
  const port = createExcelPort({ host: excel.host(), today });
  let syncs = excel.syncs;
  const loaded = await port.loadSettings();
  expect(excel.syncs - syncs).toBe(2);
  expect(excel.state.calculations).toEqual([]);
  startStatus("签约", "", "", "2022-09-30"); // a ZS formula calculates
  syncs = excel.syncs;
  await port.loadSettings();
  expect(excel.syncs - syncs).toBe(2);
  expect(excel.state.calculations).toEqual([]);
  syncs = excel.syncs;
  await port.saveSettings({ ...loaded, dueSoonDays: 7 });
  expect(excel.syncs - syncs).toBe(3);
  expect(excel.state.calculations).toEqual(["Full"]);
});

describe("following 台账设置 (worksheet.onChanged, ExcelApi 1.7)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const drain = async () => {
    for (let i = 0; i < 60; i++) await Promise.resolve();
  };

  test("subscribes to the settings sheet alone and to sheets added, in three round trips; unsubscribing removes both", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const syncs = excel.syncs;
    const off = createExcelPort({ host: excel.host(), today, debounceMs: 800 }).watchSettings();
    await drain();
    expect(excel.syncs - syncs).toBe(3);
    expect([excel.sheetSubscribers(), excel.addedHandlers.length, excel.handlers.length]).toEqual([1, 1, 0]);
    expect([...excel.sheetHandlers.keys()].map((s) => s.name)).toEqual(["台账设置"]);
    off();
    await drain();
    expect([excel.sheetSubscribers(), excel.addedHandlers.length]).toEqual([0, 0]);
  });

  test("before ExcelApi 1.7 nothing is followed and nothing fails: the pane's loads and saves still hand the settings over", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    excel.apiVersion = "1.6";
    const off = createExcelPort({ host: excel.host(), today }).watchSettings();
    await drain();
    expect([excel.syncs, excel.sheetSubscribers(), excel.addedHandlers.length]).toEqual([0, 0, 0]);
    off();
  });

  test("an edit reloads the settings in two round trips, after the pause only", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const off = createExcelPort({ host: excel.host(), today, debounceMs: 800 }).watchSettings();
    await drain();
    const syncs = excel.syncs;
    formatCell(excel.sheet("台账设置"), 4, 2, { value: "2022-09-10" });
    await excel.fireChanged("台账设置", "B4");
    jest.advanceTimersByTime(799);
    await drain();
    expect(excel.syncs).toBe(syncs);
    jest.advanceTimersByTime(1);
    await drain();
    expect(excel.syncs - syncs).toBe(2);
    off();
  });
});
