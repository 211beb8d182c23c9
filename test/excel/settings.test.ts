/** The 台账设置 sheet: written and read back through the core's own reader and writer. */
import { parseIsoDay } from "../../src/core/day";
import { SETTINGS_SHEET, type SettingsOverrides } from "../../src/core/settings";
import { createExcelPort } from "../../src/excel/excelPort";
import { WorkbookError } from "../../src/host/port";
import { getWorkbookSettings, resetWorkbookSettings } from "../../src/functions/runtimeState";
import { sampleSheets } from "../sample/sampleLedger";
import { cellOf, FakeExcel, FakeOfficeError, formatCell } from "./fakeExcel";
import { TODAY } from "./workbooks";

const today = () => TODAY;
const day = (iso: string) => parseIsoDay(iso)!;

const FULL: SettingsOverrides = {
  unitName: "岱岳区经济开发区",
  unitKind: "park",
  asOf: day("2022-09-15"),
  windowStart: day("2022-08-01"),
  windowEnd: day("2022-09-30"),
  planDeadline: day("2022-09-15"),
  dueSoonDays: 10,
  projectPoints: 2.5,
  fairBonus: 1,
  tripPoints: 0.5,
  annualTask: 120000,
};

function withoutSettingsSheet(): FakeExcel {
  return FakeExcel.fromSheets(sampleSheets().filter((s) => s.name !== SETTINGS_SHEET));
}

beforeEach(() => resetWorkbookSettings());

describe("台账设置", () => {
  test("write then read gives back every setting; the sheet is created with its 项目 | 值 header", async () => {
    const excel = withoutSettingsSheet();
    const port = createExcelPort({ host: excel.host(), today });
    expect(await port.loadSettings()).toEqual({});
    await port.saveSettings(FULL);
    const sheet = excel.sheet(SETTINGS_SHEET);
    expect([cellOf(sheet, 1, 1).value, cellOf(sheet, 1, 2).value]).toEqual(["项目", "值"]);
    expect(await port.loadSettings()).toEqual(FULL);
    // and a fresh session reads the same from the saved file
    expect(await createExcelPort({ host: excel.reopen().host(), today }).loadSettings()).toEqual(FULL);
  });

  test("values are stored as text: dates stay 2022-09-15, numbers stay as typed, = is never a formula", async () => {
    const excel = withoutSettingsSheet();
    const port = createExcelPort({ host: excel.host(), today });
    await port.saveSettings({ ...FULL, unitName: "=HYPERLINK(\"http://example.invalid\",\"点击\")" });
    const sheet = excel.sheet(SETTINGS_SHEET);
    const cells = Object.values(sheet.cells);
    expect(cells.every((c) => c.formula === undefined && typeof c.value === "string" && c.numberFormat === "@")).toBe(true);
    const shown = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [cellOf(sheet, i + 1, 1).value, cellOf(sheet, i + 1, 2).value]));
    expect(shown["统计截止日"]).toBe("2022-09-15");
    expect(shown["每个签约项目分值"]).toBe("2.5");
    expect(shown["单位名称"]).toBe('=HYPERLINK("http://example.invalid","点击")');
    expect((await port.loadSettings()).unitName).toBe('=HYPERLINK("http://example.invalid","点击")');
  });

  test("saving recalculates and hands the settings to the functions' runtime, with the date system", async () => {
    const excel = withoutSettingsSheet();
    excel.state.dateSystem = 1904;
    const port = createExcelPort({ host: excel.host(), today });
    await port.saveSettings(FULL);
    expect(excel.state.calculations).toEqual(["Full"]);
    expect(getWorkbookSettings().overrides).toEqual(FULL);
    expect(getWorkbookSettings().dateSystem).toBe(1904);
  });

  test("loading hands the sheet's settings to the functions' runtime", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const loaded = await createExcelPort({ host: excel.host(), today }).loadSettings();
    expect(loaded).toEqual({ unitName: "财源街道", unitKind: "town", asOf: day("2022-09-30") });
    expect(getWorkbookSettings().overrides).toEqual(loaded);
  });

  test("loading recalculates only when the settings differ from what the functions had", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const port = createExcelPort({ host: excel.host(), today });
    await port.loadSettings(); // the functions had none yet: Excel recalculates them with the sheet's
    expect(excel.state.calculations).toEqual(["Full"]);
    const syncs = excel.syncs;
    await port.loadSettings(); // the pane opened again on the same settings: no recalculation
    expect(excel.state.calculations).toEqual(["Full"]);
    expect(excel.syncs - syncs).toBe(2);

    // 统计截止日 edited by hand in the sheet (row 4): the next load recalculates
    formatCell(excel.sheet(SETTINGS_SHEET), 4, 2, { value: "2022-09-10" });
    await port.loadSettings();
    expect(excel.state.calculations).toEqual(["Full", "Full"]);
    expect(getWorkbookSettings().overrides.asOf).toBe(day("2022-09-10"));

    // a workbook without settings, in a fresh runtime: nothing changed, nothing to recalculate
    resetWorkbookSettings();
    const plain = withoutSettingsSheet();
    expect(await createExcelPort({ host: plain.host(), today }).loadSettings()).toEqual({});
    expect(plain.state.calculations).toEqual([]);
  });

  test("a failed recalculation after loading leaves the functions' settings as they were", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    excel.failWhen = (op) => (op.name === "application.calculate" ? new FakeOfficeError("GeneralException", "boom") : null);
    const error = (await createExcelPort({ host: excel.host(), today })
      .loadSettings()
      .catch((e: unknown) => e)) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toMatch(/^读取台账设置失败：/);
    expect(getWorkbookSettings().overrides).toEqual({});
  });

  test("rewriting an existing sheet replaces the settings, keeps the user's notes and formats, and the check follows", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const sheet = excel.sheet(SETTINGS_SHEET);
    // a note row of the user's, and a bold key column
    sheet.cells["6,1"] = { ...cellOf(sheet, 6, 1), value: "备注" };
    sheet.cells["6,2"] = { ...cellOf(sheet, 6, 2), value: "由经发办填写" };
    sheet.cells["2,1"] = { ...cellOf(sheet, 2, 1), fontBold: true };
    const port = createExcelPort({ host: excel.host(), today });
    const before = await port.check();
    expect(before.projects.find((p) => p.row === 9)?.status).toBe("overdue");

    // an earlier as-of date: 计划开工 2022-09-15 of row 9 is then still ahead
    const changed = { ...(await port.loadSettings()), asOf: day("2022-09-10"), dueSoonDays: 7 };
    await port.saveSettings(changed);
    expect(await port.loadSettings()).toEqual(changed);
    const rowsWith = (text: string) => Object.entries(sheet.cells).filter(([, c]) => c.value === text).map(([k]) => Number(k.split(",")[0]));
    expect([cellOf(sheet, 1, 1).value, cellOf(sheet, 1, 2).value]).toEqual(["项目", "值"]);
    expect(rowsWith("统计截止日")).toHaveLength(1);
    const [noteRow] = rowsWith("备注");
    expect(cellOf(sheet, noteRow, 2).value).toBe("由经发办填写");
    expect(cellOf(sheet, 2, 1).fontBold).toBe(true);

    const after = await port.check();
    expect(after.settings.asOf).toBe(day("2022-09-10"));
    expect(after.projects.find((p) => p.row === 9)?.status).toBe("due-soon");
  });

  test("removing a setting removes its row, so the default applies again", async () => {
    const excel = withoutSettingsSheet();
    const port = createExcelPort({ host: excel.host(), today });
    await port.saveSettings(FULL);
    const { annualTask: _dropped, ...rest } = FULL;
    await port.saveSettings(rest);
    expect(await port.loadSettings()).toEqual(rest);
  });

  test("a failed save restores the functions' settings and says so in Chinese", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const port = createExcelPort({ host: excel.host(), today });
    const loaded = await port.loadSettings();
    excel.failWhen = (op) => (op.name === "application.calculate" ? new FakeOfficeError("GeneralException", "boom") : null);
    const error = (await port.saveSettings({ ...loaded, dueSoonDays: 3 }).catch((e: unknown) => e)) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toMatch(/^保存台账设置失败：/);
    expect(getWorkbookSettings().overrides).toEqual(loaded);
  });

  test("a protected 台账设置 cannot be written: a WorkbookError", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    excel.sheet(SETTINGS_SHEET).protected = true;
    const before = JSON.stringify(excel.state);
    const error = (await createExcelPort({ host: excel.host(), today })
      .saveSettings(FULL)
      .catch((e: unknown) => e)) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toContain("没有修改此工作簿的权限");
    expect(JSON.stringify(excel.state)).toBe(before);
    // the functions keep what the sheet still says
    expect(getWorkbookSettings().overrides).toEqual({ unitName: "财源街道", unitKind: "town", asOf: day("2022-09-30") });
  });
});
