import fc from "fast-check";
import * as values from "../../../src/core/values";
import type { CellValue } from "../../../src/core/sheet";

/** Every parser of the index, applied to one cell. */
const PARSERS: [string, (v: CellValue) => unknown][] = [
  ["parseAmount", (v) => values.parseAmount(v)],
  ["parseAmount 亿元", (v) => values.parseAmount(v, "亿元")],
  ["parseDate", (v) => values.parseDate(v, { defaultYear: 2022 })],
  ["parseDate 1904", (v) => values.parseDate(v, { defaultYear: 2022, dateSystem: 1904 })],
  ["parseSettingDate", (v) => values.parseSettingDate(v)],
  ["parseFlag", (v) => values.parseFlag(v)],
  ["parseStage", (v) => values.parseStage(v)],
  ["parseRole", (v) => values.parseRole(v)],
  ["roleFromTitle", (v) => values.roleFromTitle(v)],
  ["parseUnitKind", (v) => values.parseUnitKind(v)],
  ["inferUnitKind", (v) => values.inferUnitKind(v as string)],
  ["parseCategory", (v) => values.parseCategory(v)],
  ["parseCount", (v) => values.parseCount(v)],
];

/** Things no cell should hold, but a careless caller might pass. */
const hostile: unknown[] = [
  Object.create(null),
  new Proxy({}, { get: () => { throw new Error("get"); }, getPrototypeOf: () => { throw new Error("proto"); } }),
  { error: 42 },
  { toString: () => { throw new Error("toString"); } },
  Symbol("s"),
  10n,
  () => 1,
  [1, 2],
  new Date(NaN),
  -0,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  "x".repeat(1_000_000),
  "1".repeat(1_000_000),
  "2022-08-15-".repeat(10_000),
];

describe("the values index", () => {
  it("re-exports the parsers, the unit table and the vocabularies", () => {
    expect(values.WAN_PER_UNIT.亿元).toBe(10000);
    expect(values.parseAmountUnit("亿元")).toBe("亿元");
    expect(values.STAGE_LABELS_ZH.signed).toBe("签约");
    expect(values.STAGE_WORDS.stopped).toContain("中止");
  });

  it.each(PARSERS)("%s never throws", (_, parse) => {
    for (const v of hostile) expect(() => parse(v as CellValue)).not.toThrow();
    fc.assert(fc.property(fc.anything(), (v) => void parse(v as CellValue)));
  });
});
