/**
 * 生成汇总表 on every host's fake (called from portSuite): the sheet of live ZS formulas the port
 * writes, each formula evaluated by a formula engine whose ZS functions are the real ones
 * (src/functions/formulas.ts) called with the ranges the formula references, read from the fake's
 * cells. The figures must equal the pane's own (port.check) for the sample and a three-unit sheet.
 */
import { TARGET_LABELS } from "../../src/core/labels";
import type { CheckResult, TargetResult } from "../../src/core/result";
import { SUMMARY_NAME } from "../../src/core/summary";
import * as zs from "../../src/functions/formulas";
import { clearTableCache } from "../../src/functions/tableCache";
import { WorkbookError } from "../../src/host/port";
import { sampleSheets, type SampleSheet } from "../sample/sampleLedger";
import { formulaEngine, type EngineFunction, type FormulaEngine } from "./formulaEngine";
import type { Host, HostBook } from "./portSuite";
import { TODAY } from "./portSuite";

const SUMMARY = "汇总";
const HEADER_ROW = 4;
const FIRST_UNIT_ROW = 5;

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const _ = null;

/** A projects sheet and a trips sheet kept by the district for three units, each with a 单位 column. */
export function threeUnitSheets(): SampleSheet[] {
  // prettier-ignore
  const projects: SampleSheet = {
    name: "项目台账 (全区)",
    grid: [
      ["全区招商引资项目台账", _, _, _, _, _, _, _, _],
      ["单位", "项目名称", "总投资", "项目状态", "投洽会签约", "签约日期", "计划开工日期", "实际开工日期", "重点在谈"],
      ["财源街道", "宝盛广场", 150000, "开工", "是", d("2022-08-10"), d("2022-09-01"), d("2022-08-25"), "否"],
      ["财源街道", "泰豪商品城", 20000, "签约", "是", d("2022-09-10"), d("2022-12-01"), _, "否"],
      ["财源街道", "数字经济产业园", 8000, "开工", "否", d("2022-07-01"), d("2022-08-15"), d("2022-08-20"), "否"],
      ["省庄镇", "非晶合金变压器", 8000, "签约", "否", d("2022-06-01"), d("2022-09-01"), _, "否"],
      ["省庄镇", "喀斯特景区", 12000, "开工", "是", d("2022-08-01"), d("2022-08-10"), d("2022-08-20"), "否"],
      ["省庄镇", "新材料产业园", 60000, "在谈", "否", _, _, _, "是"],
      ["岱岳镇", "智慧农业示范园", 6000, "签约", "否", d("2022-09-01"), d("2022-10-20"), _, "是"],
      ["岱岳镇", "化工新材料", 30000, "终止", "否", d("2022-05-10"), d("2022-08-01"), _, "否"],
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 9 }],
  };
  // prettier-ignore
  const trips: SampleSheet = {
    name: "外出招商",
    grid: [
      ["单位", "日期", "带队领导", "职务", "目的地"],
      ["财源街道", d("2022-08-09"), "王建国", "党工委书记", "上海"],
      ["财源街道", d("2022-09-06"), "陈志刚", "办事处主任", "北京"],
      ["财源街道", d("2022-09-13"), "王建国", "党工委书记", "杭州"],
      ["省庄镇", d("2022-08-16"), "刘洋", "党委书记", "苏州"],
      ["岱岳镇", d("2022-08-23"), "孙丽", "副镇长", "深圳"],
    ],
    merges: [],
  };
  const settings: SampleSheet = {
    name: "台账设置",
    grid: [
      ["项目", "值"],
      ["单位类型", "镇"],
      ["统计截止日", d("2022-09-30")],
    ],
    merges: [],
  };
  return [projects, trips, settings];
}

/** The engine's arguments as the functions get them from Excel: a value, or undefined for an omitted one. */
const arg = (a: { value: unknown; omitted?: boolean } | undefined) => (a === undefined || a.omitted ? undefined : a.value);

const ZS_FUNCTIONS: Readonly<Record<string, EngineFunction>> = {
  "ZS.TARGETMET": (target, table, unitKind, asOf, unit) => zs.targetMet(arg(target), { table: arg(table), unitKind: arg(unitKind), asOf: arg(asOf), unit: arg(unit) }),
  "ZS.TARGETGAP": (target, table, unitKind, asOf, unit) => zs.targetGap(arg(target), { table: arg(table), unitKind: arg(unitKind), asOf: arg(asOf), unit: arg(unit) }),
  "ZS.SCORE": (table, asOf, unit) => zs.score({ table: arg(table), asOf: arg(asOf), unit: arg(unit) }),
  "ZS.PENALTY": (table, unitKind, asOf, unit) => zs.penalty({ table: arg(table), unitKind: arg(unitKind), asOf: arg(asOf), unit: arg(unit) }),
};

/** An engine over the fake's cells in which a referenced formula cell (the as-of cell) is evaluated too. */
export function zsEngine(book: HostBook, depth = 0): FormulaEngine {
  const base = book.engineBook();
  let inner: FormulaEngine | null = null;
  return formulaEngine(
    {
      names: base.names,
      value: (sheet, row, column) => {
        const formula = depth < 3 ? book.formulaText(sheet, row, column) : null;
        if (formula === null) return base.value(sheet, row, column);
        inner ??= zsEngine(book, depth + 1);
        return inner.evaluate(sheet, formula, row, column);
      },
    },
    TODAY,
    ZS_FUNCTIONS,
  );
}

/** Not assessed, as the sheet says it: a formula that fails (the ledger lacks the column), or 未评估 (the workbook lacks the ledger). */
const NOT_ASSESSED = "not assessed";

/** What a summary cell evaluates to. */
function evaluate(engine: FormulaEngine, book: HostBook, sheet: string, row: number, column: number): unknown {
  const formula = book.formulaText(sheet, row, column);
  if (formula === null) {
    const value = book.cell(sheet, row, column).value;
    return value === "未评估" ? NOT_ASSESSED : value;
  }
  const v = engine.evaluate(sheet, formula, row, column);
  return v instanceof Error || (typeof v === "object" && v !== null) ? NOT_ASSESSED : v;
}

/** The header row's labels by column. */
function headers(book: HostBook, sheet: string): string[] {
  const cells = book.usedCells(sheet).filter((c) => c.row === HEADER_ROW);
  return cells.sort((a, b) => a.column - b.column).map((c) => String(c.value));
}

/** One unit row as figures: each target's met and gap, SCORE, PENALTY, evaluated. */
export function evaluatedRow(book: HostBook, sheet: string, row: number, engine: FormulaEngine) {
  const names = headers(book, sheet);
  const at = (label: string) => evaluate(engine, book, sheet, row, names.indexOf(label) + 1);
  return {
    unit: book.cell(sheet, row, 1).value,
    targets: Object.fromEntries(
      Object.entries(TARGET_LABELS)
        .filter(([, l]) => names.includes(`${l.zh}·达标`))
        .map(([id, l]) => [id, { met: at(`${l.zh}·达标`), gap: at(`${l.zh}·还差`) }]),
    ),
    score: at("得分"),
    penalty: at("扣分"),
  };
}

/** The pane's figures in the same shape: a target not assessed is an error in a formula. */
export function paneRow(unit: string, targets: readonly TargetResult[], score: number, penalty: number, shown: readonly string[]) {
  return {
    unit,
    targets: Object.fromEntries(targets.filter((t) => shown.includes(t.id)).map((t) => [t.id, t.met === null ? { met: NOT_ASSESSED, gap: NOT_ASSESSED } : { met: t.met, gap: t.gap }])),
    score,
    penalty,
  };
}

/** Checks as the pane does (settings loaded first: the functions get them), then writes the summary. */
export async function summarize(book: HostBook): Promise<{ result: CheckResult; write: { sheet: string; created: boolean } }> {
  const port = book.port();
  await port.loadSettings();
  book.functionSettings(); // WPS: the functions' page takes what the pane published
  const result = await port.check();
  return { result, write: await port.writeSummary(result) };
}

export function summarySuite(host: Host): void {
  describe(`生成汇总表 in ${host.name}`, () => {
    beforeEach(() => clearTableCache());

    test("the sample: every formula, evaluated with the ranges it references, gives the pane's targets, SCORE and PENALTY", async () => {
      const book = host.fromSheets(sampleSheets());
      const { result, write } = await summarize(book);
      expect(write).toEqual({ sheet: SUMMARY, created: true });
      expect(book.definedNames()).toContainEqual({ name: SUMMARY_NAME, formula: "='汇总'!$A$1" });
      // The as-of cell takes 台账设置's 统计截止日 by reference; every formula passes it.
      expect(book.formulaText(SUMMARY, 2, 2)).toContain("'台账设置'!$B$4");
      const row = evaluatedRow(book, SUMMARY, FIRST_UNIT_ROW, zsEngine(book));
      const shown = Object.keys(row.targets);
      expect(shown).toEqual(result.targets.map((t) => t.id).filter((id) => id !== "annual-task"));
      expect(row).toEqual(paneRow("财源街道", result.targets, result.score, result.penalty, shown));
      // The sample's own figures (test/sample/sampleLedger.ts), so a flip on both sides is caught too.
      expect(row.score).toBe(6);
      expect(row.penalty).toBe(7);
      expect(row.targets["trips-main"]).toEqual({ met: false, gap: 1 });
      expect(row.targets["key-negotiations"]).toEqual({ met: false, gap: 1 });
      expect(row.targets["fair-signing"]).toEqual({ met: true, gap: 0 });
      // Ranges reach 1,000 rows below each ledger's last row, from A1, the sheet name quoted.
      expect(book.formulaText(SUMMARY, FIRST_UNIT_ROW, 3)).toBe(`=ZS.TARGETMET("投洽会签约",'项目台账'!$A$1:$P$1033,$B5,$B$2)`);
      expect(book.formulaText(SUMMARY, FIRST_UNIT_ROW, headers(book, SUMMARY).indexOf("扣分") + 1)).toBe(
        "=ZS.PENALTY('项目台账'!$A$1:$P$1033,$B5,$B$2)+ZS.PENALTY('外出招商'!$A$1:$F$1010,$B5,$B$2)",
      );
    });

    test("a three-unit sheet: one row per 单位, each formula naming its unit, equal to the pane's figures per unit", async () => {
      const book = host.fromSheets(threeUnitSheets());
      const { result } = await summarize(book);
      expect(result.units!.map((u) => u.unit)).toEqual(["财源街道", "省庄镇", "岱岳镇"]);
      const engine = zsEngine(book);
      const rows = result.units!.map((_u, i) => evaluatedRow(book, SUMMARY, FIRST_UNIT_ROW + i, engine));
      const shown = Object.keys(rows[0].targets);
      expect(rows).toEqual(result.units!.map((u) => paneRow(u.unit, u.targets, u.score, u.penalty, shown)));
      // Not all alike, so a row given another unit's figures would fail.
      expect(new Set(rows.map((r) => `${r.score}/${r.penalty}`)).size).toBe(3);
      expect(book.formulaText(SUMMARY, FIRST_UNIT_ROW + 2, headers(book, SUMMARY).indexOf("得分") + 1)).toBe("=ZS.SCORE('项目台账 (全区)'!$A$1:$I$1010,$B$2,$A7)");
      expect(book.cell(SUMMARY, FIRST_UNIT_ROW + 3, 1).value).toBe("");
    });

    test("a unit with no row in one ledger (岱岳镇 made no trip): its figures still equal the pane's, not an error", async () => {
      const sheets = threeUnitSheets();
      const trips = sheets.find((s) => s.name === "外出招商")!;
      trips.grid = trips.grid.filter((r) => r[0] !== "岱岳镇");
      const book = host.fromSheets(sheets);
      const { result } = await summarize(book);
      expect(result.units!.map((u) => u.unit)).toEqual(["财源街道", "省庄镇", "岱岳镇"]);
      const engine = zsEngine(book);
      const rows = result.units!.map((_u, i) => evaluatedRow(book, SUMMARY, FIRST_UNIT_ROW + i, engine));
      expect(rows).toEqual(result.units!.map((u) => paneRow(u.unit, u.targets, u.score, u.penalty, Object.keys(rows[0].targets))));
      // The pane's own figures for 岱岳镇: none of a town's three principal trips, 2P each, beside its projects' deductions.
      expect(rows[2].targets["trips-main"]).toEqual({ met: false, gap: 3 });
      expect(rows[2].penalty).toBe(10);
    });

    test("a trips ledger without a 单位 column beside a multi-unit projects ledger: its cells say so, never every trip for each unit", async () => {
      const sheets = threeUnitSheets();
      const trips = sheets.find((s) => s.name === "外出招商")!;
      trips.grid = trips.grid.map((r) => r.slice(1));
      const book = host.fromSheets(sheets);
      const { result } = await summarize(book);
      expect(result.ledgers.find((l) => l.kind === "trips")).toMatchObject({ unitColumn: false, dataRows: 5 });
      // The pane gives the unit-less trips to the workbook's own unit (the title's 全区), a unit of its own.
      expect(result.units!.map((u) => u.unit)).toEqual(["财源街道", "省庄镇", "岱岳镇", "全区"]);
      const names = headers(book, SUMMARY);
      const engine = zsEngine(book);
      result.units!.forEach((u, i) => {
        const row = FIRST_UNIT_ROW + i;
        expect(book.cell(SUMMARY, row, 1).value).toBe(u.unit);
        for (const label of ["主要负责人外出·达标", "主要负责人外出·还差", "扣分"]) {
          expect(book.cell(SUMMARY, row, names.indexOf(label) + 1).value).toBe("未评估：台账无单位列，不能分单位汇总");
        }
        // The projects ledger has its 单位 column: its figures stay live and equal the pane's (全区 has
        // no project row, and SCORE takes no kind to tell it from a typo: see the report).
        if (u.unit === "全区") return;
        const figures = evaluatedRow(book, SUMMARY, row, engine);
        expect(figures.score).toBe(u.score);
        expect(figures.targets["fair-signing"]).toEqual(paneRow(u.unit, u.targets, u.score, u.penalty, ["fair-signing"]).targets["fair-signing"]);
      });
    });

    test("running it twice leaves one sheet, rewritten in place, with its conditional formats not stacked", async () => {
      const book = host.fromSheets(sampleSheets());
      await summarize(book);
      const cells = JSON.stringify(book.usedCells(SUMMARY));
      const formats = book.userFormats(SUMMARY).length;
      expect(formats).toBe(2 * Object.keys(evaluatedRow(book, SUMMARY, FIRST_UNIT_ROW, zsEngine(book)).targets).length);
      const { write } = await summarize(book);
      expect(write).toEqual({ sheet: SUMMARY, created: false });
      expect(book.sheetNames().filter((s) => s.startsWith(SUMMARY))).toEqual([SUMMARY]);
      expect(JSON.stringify(book.usedCells(SUMMARY))).toBe(cells);
      expect(book.userFormats(SUMMARY)).toHaveLength(formats);
      expect(book.definedNames().filter((n) => n.name === SUMMARY_NAME)).toHaveLength(1);
    });

    test("a 汇总 the user made is left as it was; ours is 汇总(2), and stays 汇总(2) when run again", async () => {
      const book = host.fromSheets([...sampleSheets(), { name: SUMMARY, grid: [["区经合局手工汇总"], ["财源街道", 6]], merges: [] }]);
      const before = JSON.stringify(book.usedCells(SUMMARY));
      const first = await summarize(book);
      expect(first.write).toEqual({ sheet: "汇总(2)", created: true });
      const second = await summarize(book);
      expect(second.write).toEqual({ sheet: "汇总(2)", created: false });
      expect(JSON.stringify(book.usedCells(SUMMARY))).toBe(before);
      expect(book.sheetNames().filter((s) => s.startsWith(SUMMARY))).toEqual([SUMMARY, "汇总(2)"]);
      expect(evaluatedRow(book, "汇总(2)", FIRST_UNIT_ROW, zsEngine(book)).score).toBe(6);
    });

    test("our summary sheet protected: refused up-front with a message naming it, the sheet and the name as they were", async () => {
      const book = host.fromSheets(sampleSheets());
      await summarize(book);
      const cells = JSON.stringify(book.usedCells(SUMMARY));
      const names = book.definedNames();
      book.protect(SUMMARY);
      const error = await summarize(book).then(() => null, (e: unknown) => e as WorkbookError);
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error!.message).toBe("生成汇总表失败：没有修改此工作簿的权限（工作表“汇总”受保护）。请先在“审阅 → 撤销工作表保护”中取消保护。");
      expect(error!.messageEn).toContain('sheet "汇总" is protected');
      expect(JSON.stringify(book.usedCells(SUMMARY))).toBe(cells);
      expect(book.definedNames()).toEqual(names);
      expect(book.sheetNames().filter((s) => s.startsWith(SUMMARY))).toEqual([SUMMARY]);
    });

    test("a protected sheet of the user's named 汇总 is not ours: ours is 汇总(2), written", async () => {
      const book = host.fromSheets([...sampleSheets(), { name: SUMMARY, grid: [["区经合局手工汇总"]], merges: [] }]);
      book.protect(SUMMARY);
      const { write } = await summarize(book);
      expect(write).toEqual({ sheet: "汇总(2)", created: true });
    });

    test("a ledger row added below the last one (in the headroom) changes the figures, with no new run", async () => {
      const book = host.fromSheets(sampleSheets());
      await summarize(book);
      const before = evaluatedRow(book, SUMMARY, FIRST_UNIT_ROW, zsEngine(book));
      expect(before.targets["trips-main"]).toEqual({ met: false, gap: 1 });
      // One more trip of the principal, on the first row below the trips ledger (row 11).
      book.edit("外出招商", 11, 1, "2022-09-28", { date: true });
      book.edit("外出招商", 11, 2, "王建国");
      book.edit("外出招商", 11, 3, "党工委书记");
      book.edit("外出招商", 11, 4, "广州");
      clearTableCache();
      const after = evaluatedRow(book, SUMMARY, FIRST_UNIT_ROW, zsEngine(book));
      expect(after.targets["trips-main"]).toEqual({ met: true, gap: 0 });
      expect(after.penalty).toBe(before.penalty as number - 2);
      const checked = await book.port().check();
      expect(after).toEqual(paneRow("财源街道", checked.targets, checked.score, checked.penalty, Object.keys(after.targets)));
    });

    test("a unit's name that reads like a formula is written as text, never run", async () => {
      const sheets = sampleSheets();
      const settings = sheets.find((s) => s.name === "台账设置")!;
      settings.grid[1][1] = "=HYPERLINK(\"http://x\",\"财源街道\")";
      const book = host.fromSheets(sheets);
      const { result } = await summarize(book);
      expect(result.unitName).toBe("=HYPERLINK(\"http://x\",\"财源街道\")");
      expect(book.cell(SUMMARY, FIRST_UNIT_ROW, 1)).toMatchObject({ value: result.unitName, formula: false, text: true });
    });
  });
}
