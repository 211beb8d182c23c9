/**
 * @jest-environment jsdom
 *
 * The WPS add-in's main page (src/wps/main.ts) is the ZS functions' runtime: on start it clears the
 * note that a ZS function ran (a new runtime has run none), publishes the open workbook's 台账设置,
 * and follows the sheet's hand edits, recalculating only once a ZS function has run here.
 */
import { getWorkbookSettings, resetWorkbookSettings } from "../../src/host/runtimeState";
import { adoptPublishedSettings } from "../../src/host/settingsChannel";
import { sampleSheets } from "../sample/sampleLedger";
import { editCellState, FakeWps } from "./fakeWps";

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

beforeEach(() => {
  resetWorkbookSettings();
  jest.useFakeTimers();
});
afterEach(() => {
  jest.useRealTimers();
  delete (globalThis as { Application?: unknown }).Application;
});

test("a start clears the ran note and publishes without recalculating; hand edits follow, recalculating once a function has run", async () => {
  const wps = FakeWps.fromSheets(sampleSheets());
  const app = wps.application();
  app.PluginStorage.setItem("zsledger.functionsRan", "1"); // left by the runtime before
  (globalThis as { Application?: unknown }).Application = app;
  await jest.isolateModulesAsync(async () => {
    await import("../../src/wps/main");
  });
  expect(wps.calculations).toBe(0);
  adoptPublishedSettings(app.PluginStorage);
  expect(getWorkbookSettings().overrides.asOf).toBe(day("2022-09-30"));

  editCellState(wps.sheet("台账设置"), 4, 2, { value: "2022-09-10" });
  wps.fireSheetChange("台账设置", "B4");
  jest.advanceTimersByTime(800);
  adoptPublishedSettings(app.PluginStorage);
  expect(getWorkbookSettings().overrides.asOf).toBe(day("2022-09-10"));
  expect(wps.calculations).toBe(0);

  await jest.isolateModulesAsync(async () => {
    // A ZS function computes on this page.
    const { STARTSTATUS } = await import("../../src/functions/wps");
    STARTSTATUS("签约", "", "", "2022-09-30");
  });
  editCellState(wps.sheet("台账设置"), 4, 2, { value: "2022-09-20" });
  wps.fireSheetChange("台账设置", "B4");
  jest.advanceTimersByTime(800);
  expect(wps.calculations).toBe(1);
  wps.fireSheetChange("项目台账", "E6"); // not the settings: nothing published, nothing recalculated
  jest.advanceTimersByTime(800);
  expect(wps.calculations).toBe(1);
});
