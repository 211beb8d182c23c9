/** The summary sheet's plan (core/summary.ts): names, references, the cells and formats it plans. */
import { checkWorkbook } from "../../src/core/check";
import { parseSetting } from "../../src/core/settingsParse";
import {
  ledgerRange,
  newSummarySheetName,
  numberFormatRuns,
  sheetRef,
  summaryNameFormula,
  summaryPlan,
  summarySheetOf,
  type SummaryCell,
} from "../../src/core/summary";
import { parseTargetId } from "../../src/core/values/target";
import { TARGET_LABELS } from "../../src/core/labels";
import { TARGET_IDS } from "../../src/core/result";
import { MAX_ROW } from "../../src/core/sheet";
import { parseUnitKind, unitKindWord } from "../../src/core/values/unitKind";
import { sampleWorkbook } from "../sample/sampleLedger";

const SAMPLE_EXTENTS = [
  { sheet: "项目台账", lastRow: 33, lastColumn: 16 },
  { sheet: "外出招商", lastRow: 10, lastColumn: 6 },
  { sheet: "客商邀请", lastRow: 8, lastColumn: 5 },
  { sheet: "例会记录", lastRow: 11, lastColumn: 4 },
];

const text = (c: SummaryCell | undefined) => (c && "text" in c ? c.text : null);
const formula = (c: SummaryCell | undefined) => (c && "formula" in c ? c.formula : null);

describe("sheet names in formulas", () => {
  test("are always quoted, a quote inside doubled", () => {
    expect(sheetRef("台账 (1)")).toBe("'台账 (1)'!");
    expect(sheetRef("Bob's")).toBe("'Bob''s'!");
    expect(ledgerRange({ sheet: "Bob's", lastRow: 40, lastColumn: 28 })).toBe("'Bob''s'!$A$1:$AB$1040");
  });

  test("the headroom stops at the sheet's last row (a stray formatted cell far down in WPS's UsedRange)", () => {
    expect(ledgerRange({ sheet: "外出招商", lastRow: MAX_ROW - 10, lastColumn: 6 })).toBe(`'外出招商'!$A$1:$F$${MAX_ROW}`);
    expect(ledgerRange({ sheet: "外出招商", lastRow: MAX_ROW - 1000, lastColumn: 6 })).toBe(`'外出招商'!$A$1:$F$${MAX_ROW}`);
    expect(ledgerRange({ sheet: "外出招商", lastRow: MAX_ROW - 1001, lastColumn: 6 })).toBe(`'外出招商'!$A$1:$F$${MAX_ROW - 1}`);
  });

  test("our sheet is found again by the name's formula, also renamed or quoted with a doubled quote; #REF! or a missing sheet is none", () => {
    expect(summarySheetOf(summaryNameFormula("汇总"), ["项目台账", "汇总"])).toBe("汇总");
    expect(summarySheetOf(summaryNameFormula("Bob's 汇总"), ["Bob's 汇总"])).toBe("Bob's 汇总");
    expect(summarySheetOf("=二季度汇总!$A$1", ["二季度汇总"])).toBe("二季度汇总");
    expect(summarySheetOf("=#REF!$A$1", ["汇总"])).toBeNull();
    expect(summarySheetOf("='汇总'!$A$1", ["项目台账"])).toBeNull();
    expect(summarySheetOf(null, ["汇总"])).toBeNull();
  });

  test("a new sheet takes 汇总, else the first free 汇总(n)", () => {
    expect(newSummarySheetName(["项目台账"])).toBe("汇总");
    expect(newSummarySheetName(["汇总"])).toBe("汇总(2)");
    expect(newSummarySheetName(["汇总", "汇总(2)", "汇总(4)"])).toBe("汇总(3)");
  });
});

describe("the plan for the sample", () => {
  const result = checkWorkbook(sampleWorkbook("office"), { today: new Date(2022, 9, 1) });
  const plan = summaryPlan(result, SAMPLE_EXTENTS);
  const header = plan.cells[3].map(text);
  const row = plan.cells[4];

  test("one unit row; a met and a gap column per assessed target, then 得分 and 扣分", () => {
    expect(plan.cells).toHaveLength(5);
    expect(header.slice(0, 4)).toEqual(["单位", "单位类型", "投洽会签约·达标", "投洽会签约·还差"]);
    expect(header.slice(-2)).toEqual(["得分", "扣分"]);
    // town, no 全年任务 set: nine targets
    expect(header).toHaveLength(2 + 2 * 9 + 2);
    expect(text(row[0])).toBe("财源街道");
    expect(parseSetting("unitKind", text(row[1])!)).toEqual({ status: "ok", value: "town" });
  });

  test("each target is asked of the ledger it counts from; the as-of cell is 台账设置's cell", () => {
    const at = (label: string) => formula(row[header.indexOf(label)]);
    expect(at("主要负责人外出·达标")).toBe(`=ZS.TARGETMET("主要负责人外出",'外出招商'!$A$1:$F$1010,$B5,$B$2)`);
    expect(at("客商邀请·还差")).toBe(`=ZS.TARGETGAP("客商邀请",'客商邀请'!$A$1:$E$1008,$B5,$B$2)`);
    expect(at("每周例会·达标")).toBe(`=ZS.TARGETMET("每周例会",'例会记录'!$A$1:$D$1011,$B5,$B$2)`);
    expect(at("得分")).toBe("=ZS.SCORE('项目台账'!$A$1:$P$1033,$B$2)");
    expect(formula(plan.cells[1][1])).toBe("=IF(ISNUMBER('台账设置'!$B$4),INT('台账设置'!$B$4),IFERROR(DATEVALUE('台账设置'!$B$4),TODAY()))");
    expect(plan.numberFormats[1][1]).toBe("yyyy-mm-dd");
  });

  test("a ledger the check read but the summary cannot (its sheet gone since) reads 未评估, also in 扣分: never the projects' deductions alone", () => {
    const without = summaryPlan(result, SAMPLE_EXTENTS.filter((e) => e.sheet !== "外出招商"));
    const cells = without.cells[4];
    expect(text(cells[header.indexOf("主要负责人外出·达标")])).toBe("未评估");
    expect(text(cells[header.indexOf("扣分")])).toBe("未评估");
    expect(formula(cells[header.indexOf("得分")])).toBe("=ZS.SCORE('项目台账'!$A$1:$P$1033,$B$2)");
    const noProjects = summaryPlan(result, SAMPLE_EXTENTS.filter((e) => e.sheet !== "项目台账")).cells[4];
    expect(text(noProjects[header.indexOf("扣分")])).toBe("未评估");
  });

  test("a workbook without a trips ledger: 扣分 is the projects' deductions alone, as the pane counts them", () => {
    const input = sampleWorkbook("office");
    const noTrips = checkWorkbook({ ...input, sheets: [...input.sheets].filter((s) => s.name !== "外出招商") }, { today: new Date(2022, 9, 1) });
    const plan = summaryPlan(noTrips, SAMPLE_EXTENTS);
    const cells = plan.cells[4];
    expect(formula(cells[plan.cells[3].map(text).indexOf("扣分")])).toBe("=ZS.PENALTY('项目台账'!$A$1:$P$1033,$B5,$B$2)");
  });

  test("a kind kept on two sheets is not summed from one of them: its cells say 多张台账 (the pane counts both)", () => {
    const input = sampleWorkbook("office");
    // a sheet's rows are read once: the copy takes its rows from a workbook of its own
    const trips = [...sampleWorkbook("office").sheets].find((s) => s.name === "外出招商")!;
    const twice = { ...input, sheets: [...input.sheets, { ...trips, name: "外出招商(二季度)" }] };
    const both = checkWorkbook(twice, { today: new Date(2022, 9, 1) });
    expect(both.ledgers.filter((l) => l.kind === "trips")).toHaveLength(2);
    const cells = summaryPlan(both, [...SAMPLE_EXTENTS, { sheet: "外出招商(二季度)", lastRow: 10, lastColumn: 6 }]).cells[4];
    expect(text(cells[header.indexOf("主要负责人外出·达标")])).toBe("多张台账，请合并后汇总");
    expect(text(cells[header.indexOf("扣分")])).toBe("多张台账，请合并后汇总");
    // also when the projects ledger's sheet is gone too: 多张台账 is the cause to put right
    const gone = summaryPlan(both, [...SAMPLE_EXTENTS.filter((e) => e.sheet !== "项目台账"), { sheet: "外出招商(二季度)", lastRow: 10, lastColumn: 6 }]).cells[4];
    expect(text(gone[header.indexOf("扣分")])).toBe("多张台账，请合并后汇总");
    // the projects ledger is still one sheet: its figures stay live formulas
    expect(formula(cells[header.indexOf("得分")])).toBe("=ZS.SCORE('项目台账'!$A$1:$P$1033,$B$2)");
    expect(formula(cells[header.indexOf("投洽会签约·达标")])).toMatch(/^=ZS\.TARGETMET\("投洽会签约",'项目台账'!/);
  });

  test("text is formatted as text and formulas are not; green and red formats on each met column", () => {
    plan.cells.forEach((r, i) => r.forEach((c, j) => expect(plan.numberFormats[i][j]).toBe(c && "text" in c ? "@" : i === 1 && j === 1 ? "yyyy-mm-dd" : "General")));
    expect(plan.formats).toHaveLength(18);
    expect(plan.formats[0]).toEqual({ area: { top: 5, left: 3, bottom: 5, right: 3 }, condition: "C5=TRUE", fill: "#C6EFCE", font: "#006100" });
    expect(plan.formats[1]).toMatchObject({ condition: "C5=FALSE", fill: "#FFC7CE" });
    const runs = numberFormatRuns(plan);
    expect(runs.filter((r) => r.area.top === 4)).toEqual([{ area: { top: 4, left: 1, bottom: 4, right: 22 }, format: "@" }]);
  });

  test("a unit's kind is written as a word the functions read back as that kind; a town as its name says it", () => {
    for (const kind of ["town", "park", "department", "hq"] as const) expect(parseUnitKind(unitKindWord(kind))).toBe(kind);
    expect([unitKindWord("town", "省庄镇"), unitKindWord("town", "财源街道"), unitKindWord("park", "高新区产业园")]).toEqual(["镇", "街道", "园区"]);
    expect(unitKindWord("department", "区发改局")).toBe("区直部门");
  });

  test("every target's Chinese word reads back as that target", () => {
    for (const id of TARGET_IDS) expect(parseTargetId(TARGET_LABELS[id].zh)).toBe(id);
  });
});
