import fc from "fast-check";
import { parseAmount } from "../../../src/core/values/amount";
import type { Amount, AmountUnit } from "../../../src/core/values/types";
import type { CellValue } from "../../../src/core/sheet";

const rmb = (wan: number, approximate = false): Amount => ({ wan, approximate, currency: null });

describe("parseAmount", () => {
  it.each<[CellValue, number]>([
    [12000, 12000],
    [0, 0],
    [12000.5, 12000.5],
    ["12000", 12000],
    ["12,000", 12000],
    ["12，000", 12000],
    ["1,200,000元", 120],
    ["１２０００", 12000],
    ["１２，０００万元", 12000],
    [" 12 000 ", 12000],
    ["1.2亿", 12000],
    ["1.2亿元", 12000],
    ["0.3亿", 3000],
    ["1.2千万", 1200],
    ["1.2千万元", 1200],
    ["12000万", 12000],
    ["12000万元", 12000],
    ["3000000元", 300],
    ["5000.5万元", 5000.5],
    [".5亿", 5000],
    ["人民币5000万元", 5000],
    ["￥5000万", 5000],
  ])("reads %p as %p 万元", (v, wan) => {
    expect(parseAmount(v)).toEqual({ status: "ok", value: rmb(wan) });
  });

  it("gives exact results without float noise", () => {
    const parsed = parseAmount("1.2亿");
    expect(parsed.status === "ok" && parsed.value.wan).toBe(12000);
    const tiny = parseAmount("0.1万元");
    expect(tiny.status === "ok" && tiny.value.wan).toBe(0.1);
    const yuan = parseAmount(0.3, "元");
    expect(yuan.status === "ok" && yuan.value.wan).toBe(0.00003);
  });

  it.each<[CellValue, AmountUnit, number]>([
    [1.5, "亿元", 15000],
    ["1.5", "亿元", 15000],
    [3000000, "元", 300],
    ["3000000", "元", 300],
    [5000, "万元", 5000],
    // A unit in the cell overrides the column's unit.
    ["5000万", "亿元", 5000],
    ["3000000元", "亿元", 300],
    ["1.2亿", "元", 12000],
  ])("reads %p in a %s column as %p 万元", (v, unit, wan) => {
    expect(parseAmount(v, unit)).toEqual({ status: "ok", value: rmb(wan) });
  });

  it.each<[CellValue, number]>([
    ["约5000万", 5000],
    ["大约5000万元", 5000],
    ["近1亿", 10000],
    ["5000万左右", 5000],
    ["5000左右", 5000],
    ["5000余万元", 5000],
    ["1亿多", 10000],
    ["3000多万元", 3000],
    ["5000万元以上", 5000],
    ["超1亿元", 10000],
  ])("reads %p as approximately %p 万元", (v, wan) => {
    expect(parseAmount(v)).toEqual({ status: "ok", value: rmb(wan, true) });
  });

  it.each<[CellValue, number, string, boolean?]>([
    ["500万美元", 500, "美元"],
    ["5000000美元", 500, "美元"],
    ["1亿美元", 10000, "美元"],
    ["500万欧元", 500, "欧元"],
    ["500万港元", 500, "港元"],
    ["500万港币", 500, "港元"],
    ["500万日元", 500, "日元"],
    ["500万英镑", 500, "英镑"],
    ["USD 500万", 500, "美元"],
    ["500万USD", 500, "美元"],
    ["US$500万", 500, "美元"],
    ["$500万", 500, "美元"],
    ["$5,000,000", 500, "美元"],
    ["€500万", 500, "欧元"],
    ["HK$500万", 500, "港元"],
    ["约500万美元", 500, "美元", true],
    ["500万美元左右", 500, "美元", true],
  ])("reads %p as %p 万 %s, not converted", (v, wan, currency, approximate = false) => {
    expect(parseAmount(v)).toEqual({ status: "ok", value: { wan, approximate, currency } });
  });

  it("keeps a foreign amount in its currency whatever the column's unit", () => {
    expect(parseAmount("500万美元", "亿元")).toEqual({ status: "ok", value: { wan: 500, approximate: false, currency: "美元" } });
  });

  it.each<[CellValue, string]>([
    [-5, "-5"],
    ["-5", "-5"],
    ["-5000万", "-5000万"],
    ["－５", "－５"],
    [-1.5, "-1.5"],
  ])("rejects the negative %p", (v, text) => {
    expect(parseAmount(v)).toEqual({ status: "invalid", reason: "negative", text });
  });

  it.each<[CellValue, string]>([
    ["待定", "待定"],
    ["五千万", "五千万"],
    ["万元", "万元"],
    ["约", "约"],
    ["1,2", "1,2"],
    ["5000万（一期2000万）", "5000万（一期2000万）"],
    ["500万美元元", "500万美元元"],
    ["1.2.3", "1.2.3"],
    [true, "true"],
    [false, "false"],
    [new Date(Date.UTC(2022, 7, 15)), "2022-08-15"],
    [NaN, "NaN"],
    [Infinity, "Infinity"],
  ])("cannot read %p", (v, text) => {
    expect(parseAmount(v)).toEqual({ status: "invalid", reason: "unreadable", text });
  });

  it("cannot read a figure too large for a number", () => {
    const huge = "9".repeat(400);
    expect(parseAmount(huge)).toEqual({ status: "invalid", reason: "unreadable", text: huge });
  });

  it.each<CellValue>([{ error: "#REF!" }, { error: "#N/A" }])("reports the error value %p", (v) => {
    expect(parseAmount(v)).toEqual({ status: "invalid", reason: "error-value", text: (v as { error: string }).error });
  });

  it.each<CellValue>([null, undefined, "", "   ", "\u3000"])("reads %p as blank", (v) => {
    expect(parseAmount(v)).toEqual({ status: "blank" });
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom<AmountUnit>("元", "万元", "亿元"), (v, unit) => {
        const parsed = parseAmount(v as CellValue, unit);
        expect(["ok", "blank", "invalid"]).toContain(parsed.status);
      }),
    );
    const hostile = new Proxy({}, { get() { throw new Error("boom"); }, getPrototypeOf() { throw new Error("boom"); } });
    expect(parseAmount(hostile as unknown as CellValue).status).toBe("invalid");
    expect(parseAmount(Object.create(null) as CellValue).status).toBe("invalid");
    expect(parseAmount(12, "美元" as AmountUnit)).toEqual({ status: "ok", value: rmb(12) });
  });
});
