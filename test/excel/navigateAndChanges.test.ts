/**
 * Going to a finding's cell and following edits, where Office.js has its own ways: round trips,
 * and no workbook change event before ExcelApi 1.9. The behaviour every host shares is in
 * test/host/portSuite.ts.
 */
import { createExcelPort } from "../../src/excel/excelPort";
import { sampleSheets } from "../sample/sampleLedger";
import { FakeExcel } from "./fakeExcel";
import { TODAY } from "./workbooks";

const today = () => TODAY;

describe("select", () => {
  test("selecting a finding's cell is one round trip; a finding without a sheet is none", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const port = createExcelPort({ host: excel.host(), today });
    const result = await port.check();
    const finding = result.findings.find((f) => f.rule === "overdue-start")!;
    const before = excel.syncs;
    await port.select(finding.sheet, finding.cell);
    expect(excel.syncs - before).toBe(1);
    await port.select("", "");
    expect(excel.syncs - before).toBe(1);
  });
});

describe("onChanged", () => {
  test("without workbook change events (before ExcelApi 1.9) it subscribes to nothing", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    excel.apiVersion = "1.8";
    const off = createExcelPort({ host: excel.host(), today }).onChanged(jest.fn());
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(excel.handlers).toHaveLength(0);
    expect(excel.syncs).toBe(0);
    off();
  });
});
