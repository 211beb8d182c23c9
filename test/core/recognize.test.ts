import { HEADER_SYNONYMS } from "../../src/core/headers";
import type { FieldId, Ledger, LedgerKind, RecognizedSheet } from "../../src/core/ledger";
import { LEDGER_KINDS } from "../../src/core/ledger";
import { unitNameOfTitle } from "../../src/core/recognize/heading";
import { SheetRecognizer, recognizeSheet } from "../../src/core/recognize/sheet";
import type { CellValue, MergeArea, SheetRow } from "../../src/core/sheet";
import { gridRows } from "../../src/core/sheet";

type Grid = CellValue[][];

function recognize(name: string, grid: Grid, merges?: MergeArea[], firstRow = 1): RecognizedSheet {
  return recognizeSheet({ name, merges, rows: gridRows(grid, firstRow) });
}

function ledgerOf(result: RecognizedSheet): Ledger {
  if (result.type !== "ledger") throw new Error(`not a ledger: ${JSON.stringify(result)}`);
  return result.ledger;
}

function ledger(name: string, grid: Grid, merges?: MergeArea[]): Ledger {
  return ledgerOf(recognize(name, grid, merges));
}

/** field → 1-based column, in column order. */
function fieldColumns(l: Ledger): [FieldId, number][] {
  return l.columns.map((c) => [c.field, c.column]);
}

const _ = null;
const area = (top: number, left: number, bottom: number, right: number): MergeArea => ({ top, left, bottom, right });

/**
 * A town's projects ledger as towns keep them: merged title, units line, two-level header with
 * vertically merged cells, section rows, 小计/合计, blank pre-numbered template rows, a footer.
 */
const TOWN_LEDGER: Grid = [
  /* 1 */ ["财源街道招商引资项目台账", _, _, _, _, _, _, _, _],
  /* 2 */ [_, _, _, _, _, _, _, _, "单位：万元"],
  /* 3 */ ["序号", "项目名称", "投资方", "总投资(亿元)", "项目状态", "开工情况", _, "到位资金", "备注"],
  /* 4 */ [_, _, _, _, _, "计划开工时间", "实际开工时间", _, _],
  /* 5 */ ["一、签约项目", _, _, _, _, _, _, _, _],
  /* 6 */ [1, "新能源电池项目", "某某集团", 2.5, "已签约", "2022-10-15", _, 500, _],
  /* 7 */ [2, "智能制造产业园", "某科技公司", 12, "已开工", "2022-08-01", "2022-08-20", 3000, "投洽会签约"],
  /* 8 */ [_, "小计", _, 14.5, _, _, _, 3500, _],
  /* 9 */ ["二、在谈项目", _, _, _, _, _, _, _, _],
  /* 10 */ [3, "冷链物流中心", "某物流公司", 1.2, "在谈", _, _, _, _],
  /* 11 */ [4, _, _, _, _, _, _, _, _],
  /* 12 */ [5, "", " ", _, _, _, _, _, _],
  /* 13 */ [_, "小计", _, 1.2, _, _, _, _, _],
  /* 14 */ ["合计", _, _, 15.7, _, _, _, 3500, _],
  /* 15 */ ["填报人：张三    联系电话：13800000000", _, _, _, _, _, _, _, _],
  /* 16 */ [6, "页脚下的项目", "某公司", 1, "在谈", _, _, _, _],
];
const TOWN_MERGES = [
  area(1, 1, 1, 9),
  area(3, 1, 4, 1),
  area(3, 2, 4, 2),
  area(3, 3, 4, 3),
  area(3, 4, 4, 4),
  area(3, 5, 4, 5),
  area(3, 6, 3, 7),
  area(3, 8, 4, 8),
  area(3, 9, 4, 9),
  area(14, 1, 14, 3),
  area(15, 1, 15, 9),
];

describe("a town's projects ledger", () => {
  const expectTownLedger = (l: Ledger): void => {
    expect(l.sheet).toBe("项目台账");
    expect(l.kind).toBe("projects");
    expect(l.headerRows).toEqual([3, 4]);
    expect(l.columns).toEqual([
      { field: "name", column: 2, header: "项目名称", unit: null },
      { field: "investor", column: 3, header: "投资方", unit: null },
      { field: "investment", column: 4, header: "总投资(亿元)", unit: "亿元" },
      { field: "stage", column: 5, header: "项目状态", unit: null },
      { field: "plannedStart", column: 6, header: "开工情况/计划开工时间", unit: null },
      { field: "actualStart", column: 7, header: "开工情况/实际开工时间", unit: null },
      { field: "fundsInPlace", column: 8, header: "到位资金", unit: null },
      { field: "notes", column: 9, header: "备注", unit: null },
    ]);
    expect(l.duplicateColumns).toEqual([]);
    expect(l.title).toBe("财源街道招商引资项目台账");
    expect(l.sheetUnit).toBe("万元");
    expect(l.unitName).toBe("财源街道");
    expect(l.records).toEqual([
      {
        row: 6,
        cells: { name: "新能源电池项目", investor: "某某集团", investment: 2.5, stage: "已签约", plannedStart: "2022-10-15", fundsInPlace: 500 },
        unit: null,
      },
      {
        row: 7,
        cells: {
          name: "智能制造产业园", investor: "某科技公司", investment: 12, stage: "已开工", plannedStart: "2022-08-01",
          actualStart: "2022-08-20", fundsInPlace: 3000, notes: "投洽会签约",
        },
        unit: null,
      },
      { row: 10, cells: { name: "冷链物流中心", investor: "某物流公司", investment: 1.2, stage: "在谈" }, unit: null },
    ]);
    expect(l.totals).toEqual([
      { row: 8, kind: "subtotal", cells: { name: "小计", investment: 14.5, fundsInPlace: 3500 }, from: 0, to: 2 },
      { row: 13, kind: "subtotal", cells: { name: "小计", investment: 1.2 }, from: 2, to: 3 },
      { row: 14, kind: "total", cells: { investment: 15.7, fundsInPlace: 3500 }, from: 0, to: 3 },
    ]);
  };

  it("is read with its merged areas known", () => {
    expectTownLedger(ledger("项目台账", TOWN_LEDGER, TOWN_MERGES));
  });

  it("is read the same from a stream that lost the merges (a group label followed by blanks)", () => {
    expectTownLedger(ledger("项目台账", TOWN_LEDGER));
  });

  it("is read the same when rows arrive one by one with the empty ones omitted", () => {
    const recognizer = new SheetRecognizer({ name: "项目台账" });
    for (const row of gridRows(TOWN_LEDGER)) if (row.values.some((v) => v !== null)) recognizer.push(row);
    expectTownLedger(ledgerOf(recognizer.finish()));
  });
});

describe("header cells", () => {
  it("reads 计划/实际 under a 开工时间 group", () => {
    const l = ledger("项目", [
      ["项目名称", "项目状态", "开工时间", _],
      [_, _, "计划", "实际"],
      ["甲项目", "签约", "2022-09-01", _],
    ]);
    expect(l.headerRows).toEqual([1, 2]);
    expect(l.columns.slice(2)).toEqual([
      { field: "plannedStart", column: 3, header: "开工时间/计划", unit: null },
      { field: "actualStart", column: 4, header: "开工时间/实际", unit: null },
    ]);
    expect(l.records).toEqual([{ row: 3, cells: { name: "甲项目", stage: "签约", plannedStart: "2022-09-01" }, unit: null }]);
  });

  it("reads 开工时间 as the actual start, never the planned one", () => {
    const l = ledger("项目", [["项目名称", "项目状态", "开工时间"], ["甲项目", "已开工", "2022-08-20"]]);
    expect(l.headerRows).toEqual([1]);
    expect(fieldColumns(l)).toEqual([["name", 1], ["stage", 2], ["actualStart", 3]]);
  });

  it("reads line-broken, full-width, spaced and bracketed headers", () => {
    const l = ledger("项目", [
      ["项目\n名称", "签约总投资额[亿元]", "项 目 状 态", "计划开工\n时间", "到位资金（万元）", "ＳＩＧＮ　ＤＡＴＥ"],
      ["甲项目", 1.5, "签约", "2022-09-01", 800, "2022-08-01"],
    ]);
    expect(l.columns).toEqual([
      { field: "name", column: 1, header: "项目名称", unit: null },
      { field: "investment", column: 2, header: "签约总投资额[亿元]", unit: "亿元" },
      { field: "stage", column: 3, header: "项 目 状 态", unit: null },
      { field: "plannedStart", column: 4, header: "计划开工时间", unit: null },
      { field: "fundsInPlace", column: 5, header: "到位资金（万元）", unit: "万元" },
      { field: "signDate", column: 6, header: "ＳＩＧＮ　ＤＡＴＥ", unit: null },
    ]);
  });

  it("takes a column's unit from either header level", () => {
    const l = ledger("项目", [
      ["项目名称", "项目状态", "投资情况（亿元）", _, "签约日期"],
      [_, _, "总投资", "到位资金（万元）", _],
      ["甲项目", "签约", 2, 300, "2022-08-08"],
    ]);
    expect(l.columns.filter((c) => c.unit)).toEqual([
      { field: "investment", column: 3, header: "投资情况（亿元）/总投资", unit: "亿元" },
      { field: "fundsInPlace", column: 4, header: "投资情况（亿元）/到位资金（万元）", unit: "万元" },
    ]);
  });

  it("takes a unit written in the row under the header", () => {
    const l = ledger("项目", [
      ["项目名称", "项目状态", "总投资", "到位资金"],
      [_, _, "（亿元）", "（万元）"],
      ["甲项目", "签约", 2, 300],
    ]);
    expect(l.headerRows).toEqual([1, 2]);
    expect(l.columns.slice(2)).toEqual([
      { field: "investment", column: 3, header: "总投资/（亿元）", unit: "亿元" },
      { field: "fundsInPlace", column: 4, header: "到位资金/（万元）", unit: "万元" },
    ]);
  });

  it("reads English headers", () => {
    const l = ledger("Projects", [
      ["No.", "Unit", "Project name", "Investor", "Investment (亿元)", "Stage", "Sign date", "Planned start", "Actual start", "Funds in place", "Notes"],
      [1, "Caiyuan", "Battery plant", "ACME", 2, "signed", "2022-08-01", "2022-10-01", _, 100, _],
    ]);
    expect(l.kind).toBe("projects");
    expect(fieldColumns(l)).toEqual([
      ["unit", 2], ["name", 3], ["investor", 4], ["investment", 5], ["stage", 6], ["signDate", 7],
      ["plannedStart", 8], ["actualStart", 9], ["fundsInPlace", 10], ["notes", 11],
    ]);
    expect(l.columns[3].unit).toBe("亿元");
    expect(l.records[0].unit).toBe("Caiyuan");
  });

  it("reads the first of two columns naming the same field and reports the other", () => {
    const l = ledger("项目", [
      ["项目名称", "总投资", "项目状态", "协议投资额（亿元）", "项目"],
      ["甲项目", 5000, "在谈", 0.5, "甲"],
    ]);
    expect(fieldColumns(l)).toEqual([["name", 1], ["investment", 2], ["stage", 3]]);
    expect(l.duplicateColumns).toEqual([
      { field: "investment", column: 4, header: "协议投资额（亿元）", unit: "亿元" },
      { field: "name", column: 5, header: "项目", unit: null },
    ]);
    expect(l.records[0].cells).toEqual({ name: "甲项目", investment: 5000, stage: "在谈" });
  });

  it("finds a header as low as row 12", () => {
    const notes: Grid = Array.from({ length: 10 }, (_row, i) => [`说明文字第${i + 1}行`]);
    const l = ledger("项目台账", [
      ["2022年财源街道招商引资项目台账"],
      ...notes,
      ["序号", "项目名称", "总投资", "项目状态"],
      [1, "甲项目", 1000, "在谈"],
      [2, "乙项目", 2000, "签约"],
    ]);
    expect(l.headerRows).toEqual([12]);
    expect(l.records.map((r) => r.row)).toEqual([13, 14]);
    expect(l.title).toBe("2022年财源街道招商引资项目台账");
    expect(l.unitName).toBe("财源街道");
  });

  it("looks no further than the 15 rows from the first non-blank one, and the row below them", () => {
    const filler: Grid = Array.from({ length: 15 }, (_row, i) => [`第${i + 1}行`]);
    expect(ledgerOf(recognize("项目台账", [...filler, ["项目名称", "总投资", "项目状态"]])).headerRows).toEqual([15, 16]);
    filler.push(["第16行"]);
    const result = recognize("项目台账", [...filler, ["项目名称", "总投资", "项目状态"], ["甲项目", 1, "在谈"]]);
    expect(result.type).toBe("none");
  });

  it("counts the window from the first non-blank row", () => {
    const result = recognize("项目台账", [["项目名称", "总投资", "项目状态"], ["甲项目", 1, "在谈"]], undefined, 40);
    expect(ledgerOf(result).headerRows).toEqual([40]);
    expect(ledgerOf(result).records.map((r) => r.row)).toEqual([41]);
  });

  it("does not take a title followed by blanks for the upper level of a one-row header", () => {
    const l = ledger("项目台账", [
      ["财源街道招商引资项目台账", _, _],
      ["项目名称", "总投资", "项目状态"],
      ["甲项目", 1000, "在谈"],
    ], [area(1, 1, 1, 3)]);
    expect(l.headerRows).toEqual([2]);
    expect(l.columns.map((c) => c.header)).toEqual(["项目名称", "总投资", "项目状态"]);
  });
});

describe("every header word", () => {
  /** Columns that meet each kind's requirement, after the word under test. */
  const FILLERS: Record<LedgerKind, string[]> = {
    projects: ["项目名称", "项目状态", "总投资"],
    trips: ["出发日期", "带队领导"],
    invitations: ["企业名称", "企业类别"],
    meetings: ["召开时间", "调度事项"],
  };
  const SHEET_NAMES: Record<LedgerKind, string> = {
    projects: "项目台账", trips: "外出招商台账", invitations: "客商邀请台账", meetings: "例会记录",
  };
  const cases = LEDGER_KINDS.flatMap((kind) =>
    Object.entries(HEADER_SYNONYMS[kind]).flatMap(([field, words]) =>
      (words as readonly string[]).map((word) => [kind, field, word] as const),
    ),
  );

  it.each(cases)("%s: %s ← %s", (kind, field, word) => {
    const l = ledger(SHEET_NAMES[kind], [[word, ...FILLERS[kind]], ["x", "y", "z", "w"]]);
    expect(l.kind).toBe(kind);
    expect(l.headerRows).toEqual([1]);
    expect(l.columns[0]).toEqual({ field, column: 1, header: word, unit: null });
  });
});

describe("rows after the header", () => {
  const HEADER = ["序号", "项目名称", "总投资", "项目状态"];

  it("tells data, sections, totals, template rows and footers apart", () => {
    const l = ledger("项目", [
      HEADER,
      ["（一）在谈项目"], // numbered, in the 序号 column
      [1, "甲项目", 100, "在谈"],
      [_, "只有名称的项目"], // a lone unnumbered text in the name column is data
      [_, "1、编号的分组"], // numbered: a section even in the name column
      [_, _, 300],
      [_, _, _, _, "旁注"], // beside the ledger: nothing recognised
      ["2"],
      ["合 计", _, 400],
      ["说明书生产线项目", "说明书生产线项目", 10, "在谈"],
      ["注：本表金额单位为万元"],
      [9, "注脚之后", 1, "在谈"],
    ]);
    expect(l.records.map((r) => [r.row, r.cells])).toEqual([
      [3, { name: "甲项目", investment: 100, stage: "在谈" }],
      [4, { name: "只有名称的项目" }],
      [6, { investment: 300 }],
      [10, { name: "说明书生产线项目", investment: 10, stage: "在谈" }],
    ]);
    expect(l.totals).toEqual([{ row: 9, kind: "total", cells: { investment: 400 }, from: 0, to: 3 }]);
  });

  it.each(["填报人：张三", "制表人：李四", "审核人：王五", "负责人：赵六", "联系电话：0538-1234567", "注:金额含外资", "说明：", "备注：无", "填报人 张三   联系电话 138"])(
    "ends the ledger at a footer %s",
    (footer) => {
      const l = ledger("项目", [HEADER, [1, "甲项目", 1, "在谈"], [footer], [2, "乙项目", 2, "在谈"]]);
      expect(l.records.map((r) => r.row)).toEqual([2]);
    },
  );

  it("reads 总计 as a total and finds the label among the first cells", () => {
    const l = ledger("项目", [
      ["序号", "单位", "项目名称", "总投资", "项目状态"],
      [1, "财源街道", "甲", 1, "在谈"],
      [2, _, "乙", 2, "在谈"],
      [_, "财源街道", "小计", 3],
      [3, "园区", "丙", 4, "签约"],
      [_, "园区", "小计", 4],
      [_, _, "总计", 7],
    ]);
    expect(l.totals.map((t) => [t.row, t.kind, t.from, t.to])).toEqual([
      [4, "subtotal", 0, 2],
      [6, "subtotal", 2, 3],
      [7, "total", 0, 3],
    ]);
    expect(l.records.map((r) => r.unit)).toEqual(["财源街道", "财源街道", "园区"]);
  });

  it("lets each 合计 add up the rows since the previous one", () => {
    const l = ledger("项目", [HEADER, [1, "甲", 1, "在谈"], ["合计", _, 1], [2, "乙", 2, "在谈"], [3, "丙", 3, "在谈"], ["合计", _, 5]]);
    expect(l.totals.map((t) => [t.row, t.from, t.to])).toEqual([[3, 0, 1], [6, 1, 3]]);
  });

  it("lets a 合计 right under the header add up the rows below it", () => {
    const l = ledger("项目", [
      HEADER,
      ["合计", _, 3],
      ["一、在谈"],
      [1, "甲", 1, "在谈"],
      ["小计", _, 1],
      ["二、签约"],
      [2, "乙", 2, "签约"],
      ["小计", _, 2],
    ]);
    expect(l.totals.map((t) => [t.row, t.kind, t.from, t.to])).toEqual([
      [2, "total", 0, 2],
      [5, "subtotal", 0, 1],
      [8, "subtotal", 1, 2],
    ]);
  });

  it("fills the 单位 column down, merged or blank, and trims it", () => {
    const l = ledger("项目", [
      ["单位", "项目名称", "总投资", "项目状态"],
      ["财源 街道", "甲", 1, "在谈"],
      [_, "乙", 2, "签约"],
      ["", "丙", 3, "签约"],
      ["  工业园区\n", "丁", 4, "在谈"],
      [_, "戊", 5, "在谈"],
      ["开发区"], // a unit label alone on its row names the unit below
      [_, "己", 6, "在谈"],
    ], [area(2, 1, 4, 1)]);
    expect(l.records.map((r) => [r.row, r.unit])).toEqual([
      [2, "财源街道"], [3, "财源街道"], [4, "财源街道"], [5, "工业园区"], [6, "工业园区"], [8, "开发区"],
    ]);
    expect(l.records[0].cells).toEqual({ unit: "财源 街道", name: "甲", investment: 1, stage: "在谈" });
  });

  it("keeps raw values, whatever their type", () => {
    const when = new Date(Date.UTC(2022, 7, 15));
    const l = ledger("项目", [["项目名称", "总投资", "项目状态", "签约日期"], ["甲", "1.2亿", { error: "#N/A" }, when]]);
    expect(l.records[0].cells).toEqual({ name: "甲", investment: "1.2亿", stage: { error: "#N/A" }, signDate: when });
  });

  it("keeps row numbers that skip", () => {
    const rows: SheetRow[] = [
      { row: 2, values: ["项目名称", "总投资", "项目状态"] },
      { row: 5, values: ["甲", 1, "在谈"] },
      { row: 9, values: ["乙", 2, "签约"] },
      ...Array.from({ length: 30 }, (_row, i): SheetRow => ({ row: 20 + 3 * i, values: [`项目${i}`, i, "在谈"] })),
    ];
    const l = ledgerOf(recognizeSheet({ name: "项目", rows }));
    expect(l.headerRows).toEqual([2]);
    expect(l.records.map((r) => r.row)).toEqual([5, 9, ...Array.from({ length: 30 }, (_row, i) => 20 + 3 * i)]);
  });

  it("does not join header rows that are not adjacent", () => {
    const rows: SheetRow[] = [
      { row: 1, values: ["项目名称", "项目状态", "开工时间", _] },
      { row: 3, values: [_, _, "计划", "实际"] },
      { row: 4, values: ["甲", "签约", "2022-09-01"] },
    ];
    const l = ledgerOf(recognizeSheet({ name: "项目", rows }));
    expect(l.headerRows).toEqual([1]);
    expect(fieldColumns(l)).toEqual([["name", 1], ["stage", 2], ["actualStart", 3]]);
  });

  it("reads a long sheet as it streams", () => {
    const recognizer = new SheetRecognizer({ name: "项目台账" });
    recognizer.push({ row: 1, values: ["项目名称", "总投资", "项目状态"] });
    for (let r = 2; r <= 10001; r++) recognizer.push({ row: r, values: [`项目${r}`, r, "在谈"] });
    const l = ledgerOf(recognizer.finish());
    expect(l.records).toHaveLength(10000);
    expect(l.records[9999]).toEqual({ row: 10001, cells: { name: "项目10001", investment: 10001, stage: "在谈" }, unit: null });
  });
});

describe("above the header", () => {
  const BODY: Grid = [["项目名称", "总投资", "项目状态"], ["甲", 1, "在谈"]];

  it.each([
    [[["财源街道招商引资项目台账"], ["单位：万元"]], "财源街道招商引资项目台账", "万元", "财源街道"],
    [[["东城镇招商项目台账"], [_, _, "金额单位：亿元"]], "东城镇招商项目台账", "亿元", "东城镇"],
    [[["高新区招商引资台账"], ["填报单位：财源街道    单位：万元    填报日期：2022-09-30"]], "高新区招商引资台账", "万元", "财源街道"],
    [[["填报单位：财源街道单位：亿元填报日期：2022-09-30"]], null, "亿元", "财源街道"],
    [[["园区项目台账（单位：亿元）"]], "园区项目台账", "亿元", "园区"],
    [[["2022年经济开发区招商引资项目台账"], ["填报单位：", "经济开发区管委会", _, "单位:元"]], "2022年经济开发区招商引资项目台账", "元", "经济开发区管委会"],
    [[["单位：东城镇"]], null, "万元", "东城镇"],
    [[["所属单位：东城镇", "财源街道招商引资项目台账"]], "财源街道招商引资项目台账", "万元", "东城镇"],
    [[["项目清单"]], "项目清单", "万元", null],
    [[["项目一览"]], "项目一览", "万元", null],
    [[], null, "万元", null],
  ] as [Grid, string | null, string, string | null][])("%j", (above, title, sheetUnit, unitName) => {
    const l = ledger("项目台账", [...above, ...BODY]);
    expect([l.title, l.sheetUnit, l.unitName]).toEqual([title, sheetUnit, unitName]);
  });

  it.each([
    ["财源街道招商引资项目台账", "财源街道"],
    ["2022年财源街道招商引资项目台账", "财源街道"],
    ["财源街道2022年招商引资台账", "财源街道"],
    ["财源街道外出招商台账", "财源街道"],
    ["财源街道客商邀请台账", "财源街道"],
    ["区发改局招商引资例会记录", "区发改局"],
    ["东城镇 招商引资集中攻坚活动项目台账", "东城镇"],
    ["台账", null],
    ["招商引资项目情况", null],
  ])("names the unit of title %s", (title, unit) => {
    expect(unitNameOfTitle(title)).toBe(unit);
  });
});

describe("other ledger kinds", () => {
  it("reads a trips ledger", () => {
    const l = ledger("外出招商", [
      ["财源街道外出招商台账"],
      ["序号", "单位", "出发日期", "返回日期", "带队领导", "职务", "职务类别", "目的地", "拜访企业", "洽谈成果"],
      [1, "财源街道", "2022-08-10", "2022-08-12", "张三", "党工委书记", "主要负责人", "长三角", "某集团", "达成意向"],
      [2, _, 44795, _, "李四", "副主任", "分工负责人", "珠三角", _, _],
    ]);
    expect(l.kind).toBe("trips");
    expect(fieldColumns(l)).toEqual([
      ["unit", 2], ["date", 3], ["endDate", 4], ["leader", 5], ["title", 6], ["role", 7], ["region", 8], ["companies", 9], ["outcome", 10],
    ]);
    expect(l.records.map((r) => [r.row, r.unit])).toEqual([[3, "财源街道"], [4, "财源街道"]]);
    expect(l.records[1].cells).toEqual({ date: 44795, leader: "李四", title: "副主任", role: "分工负责人", region: "珠三角" });
    expect(l.unitName).toBe("财源街道");
  });

  it("reads an invitations ledger", () => {
    const l = ledger("客商邀请", [
      ["序号", "企业名称", "企业类别", "邀请对象", "职务", "是否确认参会"],
      [1, "某某集团", "世界500强", "王五", "董事长", "是"],
      [2, "某某股份", "上市公司", "赵六", "总经理", _],
    ]);
    expect(l.kind).toBe("invitations");
    expect(fieldColumns(l)).toEqual([["company", 2], ["category", 3], ["invitee", 4], ["title", 5], ["confirmed", 6]]);
    expect(l.records.map((r) => r.row)).toEqual([2, 3]);
  });

  it("reads a meetings ledger", () => {
    const l = ledger("例会记录", [
      ["财源街道招商引资例会记录"],
      ["序号", "召开时间", "地点", "调度事项", "记录人"],
      [1, "2022-08-01", "项目现场", "调度签约项目开工", "孙七"],
      [2, "2022-08-08", "会议室", "调度在谈项目", "孙七"],
    ]);
    expect(l.kind).toBe("meetings");
    expect(fieldColumns(l)).toEqual([["date", 2], ["location", 3], ["topic", 4], ["recorder", 5]]);
    expect(l.records.map((r) => r.row)).toEqual([3, 4]);
    expect(l.unitName).toBe("财源街道");
  });

  it("breaks a tie between kinds by the sheet name", () => {
    const grid: Grid = [["单位", "日期", "内容", "职务"], ["财源街道", "2022-08-01", "调度", "书记"]];
    expect(ledger("外出招商", grid).kind).toBe("trips");
    expect(ledger("例会记录", grid).kind).toBe("meetings");
    expect(ledger("调度会", grid).kind).toBe("meetings");
    expect(ledger("Sheet1", grid).kind).toBe("trips");
  });

  it("chooses the kind whose fields the header names most", () => {
    const grid: Grid = [["日期", "地点", "内容", "记录人", "职务"], ["2022-08-01", "会议室", "调度", "孙七", "书记"]];
    expect(ledger("外出招商", grid).kind).toBe("meetings");
  });
});

describe("sheets that are no ledger", () => {
  it("returns the texts of its first rows", () => {
    const result = recognize("Sheet1", [
      [_, _],
      ["财源街道招商引资工作情况", _],
      ["填报单位：财源街道", "日期：2022-09-30"],
      ["本月共接待客商12批次", 12],
      ["a"], ["b"], ["c"], ["d"],
    ]);
    expect(result).toEqual({
      type: "none",
      sheet: "Sheet1",
      titles: ["财源街道招商引资工作情况", "填报单位：财源街道 日期：2022-09-30", "本月共接待客商12批次 12", "a", "b"],
    });
  });

  it("is none without a kind's required columns", () => {
    expect(recognize("项目", [["项目名称", "投资方", "备注"], ["甲", "乙", _]]).type).toBe("none");
    expect(recognize("空表", []).type).toBe("none");
  });
});

describe("the settings sheet", () => {
  it("returns its (项目, 值) pairs with the value's row and column, and the row opening 列名对照", () => {
    const result = recognize("台账设置", [
      ["项目", "值"],
      ["单位类型", "街道"],
      [_, " 统计 截止日 ", 44834],
      ["活动开始", "2022-08-01"],
      ["每个签约项目分值", 2],
      ["单位名称", _],
      [],
      ["列名对照", _],
      ["计划开工日期", "拟开工时间"],
    ]);
    expect(result).toEqual({
      type: "settings",
      sheet: "台账设置",
      entries: [
        ["单位类型", "街道", 2, 2],
        ["统计截止日", 44834, 3, 3],
        ["活动开始", "2022-08-01", 4, 2],
        ["每个签约项目分值", 2, 5, 2],
        ["列名对照", null, 8, 2],
        ["计划开工日期", "拟开工时间", 9, 2],
      ],
    });
  });

  it.each(["台账设置", " 台账 设置 ", "设置", "Settings"])("is named %j", (name) => {
    expect(recognize(name, [["单位类型", "镇"]])).toEqual({ type: "settings", sheet: name, entries: [["单位类型", "镇", 1, 2]] });
  });
});
