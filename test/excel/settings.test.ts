/**
 * The 台账设置 sheet where Office.js has its own ways: round trips. What every host does with the
 * sheet (write and read back, values as text, notes kept, recalculation, failures) is in the shared
 * suite, test/host/portSuite.ts.
 */
import { createExcelPort } from "../../src/excel/excelPort";
import { resetWorkbookSettings } from "../../src/host/runtimeState";
import { sampleSheets } from "../sample/sampleLedger";
import { FakeExcel } from "./fakeExcel";
import { TODAY } from "./workbooks";

const today = () => TODAY;

beforeEach(() => resetWorkbookSettings());

test("an unchanged reload of 台账设置 costs two round trips and no recalculation; a save three", async () => {
  const excel = FakeExcel.fromSheets(sampleSheets());
  const port = createExcelPort({ host: excel.host(), today });
  const loaded = await port.loadSettings();
  expect(excel.state.calculations).toEqual(["Full"]);
  let syncs = excel.syncs;
  await port.loadSettings();
  expect(excel.syncs - syncs).toBe(2);
  expect(excel.state.calculations).toEqual(["Full"]);
  syncs = excel.syncs;
  await port.saveSettings({ ...loaded, dueSoonDays: 7 });
  expect(excel.syncs - syncs).toBe(3);
  expect(excel.state.calculations).toEqual(["Full", "Full"]);
});
