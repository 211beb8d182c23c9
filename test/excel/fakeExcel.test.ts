/**
 * The fake's own Excel semantics, which the other tests rely on. These tests break the Office.js
 * rules on purpose, to show that the fake refuses what Excel refuses.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read */
import { sampleSheets } from "../sample/sampleLedger";
import { FakeContext, FakeExcel, FakeOfficeError } from "./fakeExcel";

describe("the fake keeps Excel's discipline", () => {
  const context = (excel: FakeExcel) => new FakeContext(excel) as unknown as Excel.RequestContext;

  test("a property read before load and sync throws; after them it is there", async () => {
    const ctx = context(FakeExcel.fromSheets(sampleSheets()));
    const range = ctx.workbook.worksheets.getItem("项目台账").getRange("B6");
    expect(() => range.values).toThrow(/load method/);
    range.load("values");
    expect(() => range.values).toThrow(/load method/);
    await ctx.sync();
    expect(range.values).toEqual([["年产10万吨新型环保建材项目"]]);
    expect(() => range.address).toThrow(/load method/);
  });

  test("isNullObject is known only after the sync; methods on a null object fail", async () => {
    const ctx = context(FakeExcel.fromSheets(sampleSheets()));
    const missing = ctx.workbook.worksheets.getItemOrNullObject("没有这张表");
    expect(() => missing.isNullObject).toThrow();
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    missing.getRange("A1").load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("a failing operation rejects the sync, and what ran before it stays applied", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const ctx = context(excel);
    const sheet = ctx.workbook.worksheets.getItem("项目台账");
    sheet.getRange("P6").values = [["已改"]];
    ctx.workbook.worksheets.getItem("不存在").getRange("A1").values = [["x"]];
    sheet.getRange("P7").values = [["不会写入"]];
    await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    expect(excel.sheet("项目台账").cells["6,16"].value).toBe("已改");
    expect(excel.sheet("项目台账").cells["7,16"].value).toBe("一期厂房已开工");
  });
});
