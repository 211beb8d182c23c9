import { parseFlag } from "../../../src/core/values/flag";
import type { CellValue } from "../../../src/core/sheet";

describe("parseFlag", () => {
  it.each<CellValue>(["是", "√", "✓", "✔", "Y", "y", "yes", "Yes", "YES", "ｙｅｓ", 1, "1", true, "TRUE", "true", "有", "已", " 是 "])(
    "reads %p as yes",
    (v) => {
      expect(parseFlag(v)).toEqual({ status: "ok", value: true });
    },
  );

  it.each<CellValue>(["否", "×", "✗", "✘", "N", "n", "no", "No", "NO", 0, "0", false, "FALSE", "false", "无", "未"])(
    "reads %p as no",
    (v) => {
      expect(parseFlag(v)).toEqual({ status: "ok", value: false });
    },
  );

  it.each<CellValue>([null, undefined, "", "  "])("reads %p as blank", (v) => {
    expect(parseFlag(v)).toEqual({ status: "blank" });
  });

  it.each<[CellValue, string]>([
    ["待定", "待定"],
    ["是否", "是否"],
    [2, "2"],
    [0.5, "0.5"],
    [NaN, "NaN"],
    ["yess", "yess"],
    [new Date(Date.UTC(2022, 7, 15)), "2022-08-15"],
  ])("cannot read %p", (v, text) => {
    expect(parseFlag(v)).toEqual({ status: "invalid", reason: "unreadable", text });
  });

  it("reports an error value", () => {
    expect(parseFlag({ error: "#N/A" })).toEqual({ status: "invalid", reason: "error-value", text: "#N/A" });
  });
});
