import { inferUnitKind, parseUnitKind } from "../../../src/core/values/unitKind";
import type { UnitKind } from "../../../src/core/values/types";
import type { CellValue } from "../../../src/core/sheet";

describe("parseUnitKind", () => {
  it.each<[CellValue, UnitKind]>([
    ["town", "town"],
    ["Town", "town"],
    ["PARK", "park"],
    ["department", "department"],
    ["HQ", "hq"],
    ["街道", "town"],
    ["镇", "town"],
    ["街道镇", "town"],
    ["乡", "town"],
    ["园区", "park"],
    ["工业园区", "park"],
    ["开发区", "park"],
    ["产业园", "park"],
    ["区直部门", "department"],
    ["部门", "department"],
    ["局", "department"],
    ["委", "department"],
    ["办", "department"],
    ["指挥部", "hq"],
    [" 街道 ", "town"],
  ])("reads %p as %s", (v, kind) => {
    expect(parseUnitKind(v)).toBe(kind);
  });

  it.each<CellValue>(["财源街道", "村", "city", "", null, 1, { error: "#REF!" }])("reads no kind from %p", (v) => {
    expect(parseUnitKind(v)).toBeNull();
  });
});

describe("inferUnitKind", () => {
  it.each<[string, UnitKind]>([
    ["财源街道招商引资项目台账", "town"],
    ["街道办事处", "town"],
    ["财源街道办事处", "town"],
    ["某某镇", "town"],
    ["某某乡人民政府", "town"],
    ["工业园区台账.xlsx", "park"],
    ["工业园区管委会", "park"],
    ["经济开发区", "park"],
    ["数字产业园", "park"],
    ["区发改局", "department"],
    ["区招商委", "department"],
    ["区政府办", "department"],
    ["区直部门汇总", "department"],
    ["区住房和城乡建设局", "department"],
    ["区乡村振兴局", "department"],
    ["项目建设指挥部", "hq"],
    ["园区建设指挥部", "hq"],
    ["ｘｘ街道台账", "town"],
  ])("finds the kind in %p: %s", (text, kind) => {
    expect(inferUnitKind(text)).toBe(kind);
  });

  it.each(["招商引资项目台账", "Sheet1", "", "乡村"])("finds no kind in %p", (text) => {
    expect(inferUnitKind(text)).toBeNull();
  });

  it("never throws on something that is not text", () => {
    expect(inferUnitKind(undefined as unknown as string)).toBeNull();
  });
});
