import { parseCount } from "../../../src/core/values/count";
import type { CellValue } from "../../../src/core/sheet";
import type { InvalidReason } from "../../../src/core/values/types";

describe("parseCount", () => {
  it.each<[CellValue, number]>([
    [0, 0],
    [2, 2],
    [2.0, 2],
    ["2", 2],
    ["２", 2],
    ["２次", 2],
    ["2次", 2],
    ["2 次", 2],
    [" 3 ", 3],
    ["3场", 3],
    ["-0", 0],
  ])("reads %p as %p", (v, n) => {
    expect(parseCount(v)).toEqual({ status: "ok", value: n });
  });

  it.each<[CellValue, InvalidReason, string]>([
    [-1, "negative", "-1"],
    ["-2", "negative", "-2"],
    [1.5, "unreadable", "1.5"],
    ["1.5", "unreadable", "1.5"],
    ["两次", "unreadable", "两次"],
    ["若干", "unreadable", "若干"],
    ["2次以上", "unreadable", "2次以上"],
    [NaN, "unreadable", "NaN"],
    [Infinity, "unreadable", "Infinity"],
    [1e300, "unreadable", "1e+300"],
    ["9".repeat(30), "unreadable", "9".repeat(30)],
    [true, "unreadable", "true"],
    [{ error: "#DIV/0!" }, "error-value", "#DIV/0!"],
  ])("rejects %p as %s", (v, reason, text) => {
    expect(parseCount(v)).toEqual({ status: "invalid", reason, text });
  });

  it.each<CellValue>([null, undefined, "", " "])("reads %p as blank", (v) => {
    expect(parseCount(v)).toEqual({ status: "blank" });
  });
});
