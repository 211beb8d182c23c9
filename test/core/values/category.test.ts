import { parseCategory } from "../../../src/core/values/category";
import type { InviteeCategory } from "../../../src/core/values/types";
import type { CellValue } from "../../../src/core/sheet";

describe("parseCategory", () => {
  it.each<[string, InviteeCategory]>([
    ["世界500强", "fortune500"],
    ["财富500强", "fortune500"],
    ["世界五百强", "fortune500"],
    ["世界５００强", "fortune500"],
    ["中国500强", "china500"],
    ["中国五百强", "china500"],
    ["国内500强", "china500"],
    ["行业百强", "industryTop100"],
    ["行业100强", "industryTop100"],
    ["行业前100", "industryTop100"],
    ["上市公司", "listed"],
    ["上市企业", "listed"],
    ["其他", "other"],
    ["其它", "other"],
  ])("reads %p as %s", (word, category) => {
    expect(parseCategory(word)).toEqual({ status: "ok", value: category });
  });

  it.each<[CellValue, string]>([
    ["民营企业", "民营企业"],
    ["500强", "500强"],
    [500, "500"],
  ])("cannot read %p", (v, text) => {
    expect(parseCategory(v)).toEqual({ status: "invalid", reason: "unreadable", text });
  });

  it("reads blanks and error values", () => {
    expect(parseCategory("")).toEqual({ status: "blank" });
    expect(parseCategory({ error: "#N/A" })).toEqual({ status: "invalid", reason: "error-value", text: "#N/A" });
  });
});
