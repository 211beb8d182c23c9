/**
 * 已核实: findings a unit has checked and accepts, listed in its workbook's 台账核实 sheet. A
 * verified finding is reported apart (acknowledgement), not counted among the open ones, not
 * marked; the assessment does not change; a changed cell behind it brings it back.
 */
import { checkWorkbook, WorkbookCheck } from "../../src/core/check";
import type { CheckResult } from "../../src/core/result";
import type { CellValue } from "../../src/core/sheet";
import { gridRows } from "../../src/core/sheet";
import { d, SETTINGS_AS_OF, workbook, type GridSheet } from "./workbook";

const HEADER = ["序号", "项目名称", "总投资", "项目状态", "投洽会签约", "签约日期", "计划开工日期", "实际开工日期", "到位资金", "重点在谈", "专家论证"];
const rows = (overdueStage = "签约"): CellValue[][] => [
  ["财源街道招商引资项目台账"],
  HEADER,
  [1, "宝盛广场", 50000, "开工", "是", d("2022-08-10"), d("2022-09-01"), d("2022-08-25"), 8000],
  // overdue-start G4: waits on a land approval (the unit accepts it)
  [2, "食品加工厂", 9000, overdueStage, "否", d("2022-07-01"), d("2022-09-15"), "", ""],
  // overdue-start G5: stays open
  [3, "光伏发电", 25000, "签约", "否", d("2022-07-01"), d("2022-09-10"), "", ""],
  // invalid-amount C6
  [4, "现代物流园", "待定", "在谈", "", "", "", "", ""],
];
const ledger = (grid = rows()): GridSheet => ({ name: "项目台账", grid });
const HEAD = ["规则", "工作表", "行键", "理由", "核实人", "日期"];
const sheetOf = (...entries: CellValue[][]): GridSheet => ({ name: "台账核实", grid: [HEAD, ...entries] });
const check = (...sheets: GridSheet[]) => checkWorkbook(workbook([...sheets, SETTINGS_AS_OF("2022-09-30")]));

const plain = check(ledger());
const keyOf = (r: CheckResult, rule: string, cell: string) => r.findings.find((f) => f.rule === rule && f.cell === cell)!.rowKey!;
const overdueKey = keyOf(plain, "overdue-start", "G4");
const verifiedOverdue = (key = overdueKey) => sheetOf(["overdue-start", "项目台账", key, "等待土地审批，预计10月开工", "王敏", "2022-09-28"]);

describe("row keys", () => {
  it("name the row by its project and a digest of the cells the rule reads", () => {
    expect(overdueKey).toMatch(/^食品加工厂#[0-9a-f]{8}$/);
    expect(keyOf(plain, "invalid-amount", "C6")).toMatch(/^现代物流园#[0-9a-f]{8}$/);
    // Two rows, one rule: different keys.
    expect(keyOf(plain, "overdue-start", "G5")).not.toBe(overdueKey);
  });

  it("are the same for a date cell read as a serial (Office.js) and as a Date (ExcelJS)", () => {
    const serials = rows().map((r) => r.map((v) => (v instanceof Date ? v.getTime() / 86_400_000 + 25569 : v)));
    expect(keyOf(check(ledger(serials)), "overdue-start", "G4")).toBe(overdueKey);
  });

  it("change when a cell the rule reads changes, and not when another cell does", () => {
    const edited = rows();
    edited[3][8] = 100; // 到位资金: overdue-start does not read it
    expect(keyOf(check(ledger(edited)), "overdue-start", "G4")).toBe(overdueKey);
    edited[3][6] = d("2022-09-16"); // 计划开工日期: it does
    expect(keyOf(check(ledger(edited)), "overdue-start", "G4")).not.toBe(overdueKey);
  });

  it("are given only to findings of one row: not to a missing column or ledger, a duplicate or a setting", () => {
    const keyed = new Set(plain.findings.filter((f) => f.rowKey).map((f) => f.rule));
    const unkeyed = new Set(plain.findings.filter((f) => !f.rowKey).map((f) => f.rule));
    expect([...keyed].sort()).toEqual(["invalid-amount", "overdue-start"]);
    expect(unkeyed.has("missing-ledger")).toBe(true);
  });
});

describe("a verified finding", () => {
  const r = check(ledger(), verifiedOverdue());
  const verified = r.findings.find((f) => f.cell === "G4" && f.rule === "overdue-start")!;

  it("is reported with its reason, by whom and when", () => {
    expect(verified.acknowledgement).toEqual({ reason: "等待土地审批，预计10月开工", by: "王敏", date: "2022-09-28" });
    expect(r.findings.filter((f) => f.acknowledgement)).toHaveLength(1);
    expect(r.verifications).toEqual({ acknowledged: 1, stale: 0 });
  });

  it("is not counted among the open errors; the other overdue row still is", () => {
    expect(plain.errors - r.errors).toBe(1);
    expect(r.warnings).toBe(plain.warnings);
    expect(r.findings.find((f) => f.cell === "G5")!.acknowledgement).toBeUndefined();
  });

  it("does not change targets, score or penalty", () => {
    expect({ targets: r.targets, score: r.score, penalty: r.penalty, projects: r.projects }).toEqual({
      targets: plain.targets,
      score: plain.score,
      penalty: plain.penalty,
      projects: plain.projects,
    });
    expect(plain.penalty).toBeGreaterThan(0);
  });

  it("is left out of the highlight: its row is cut from the live mark, the open row stays in it", () => {
    const runs = (res: CheckResult) => res.marks.sheets[0].marks.filter((m) => m.kind === "start-alert" && m.live).flatMap((m) => m.runs);
    const covers = (res: CheckResult, row: number) => runs(res).some(([top, bottom]) => top <= row && row <= bottom);
    expect([covers(plain, 4), covers(plain, 5)]).toEqual([true, true]);
    expect([covers(r, 4), covers(r, 5)]).toEqual([false, true]);
    const errorCells = (res: CheckResult) =>
      res.marks.sheets[0].marks.filter((m) => m.kind === "error-cell").flatMap((m) => m.runs.filter(([top, bottom]) => top <= 4 && 4 <= bottom));
    expect(errorCells(plain).length).toBeGreaterThan(0);
    expect(errorCells(r)).toEqual([]);
  });

  it("returns when a cell behind it changes, and the verification is counted stale", () => {
    const edited = rows();
    edited[3][6] = d("2022-09-20");
    const again = check(ledger(edited), verifiedOverdue());
    const f = again.findings.find((x) => x.cell === "G4" && x.rule === "overdue-start")!;
    expect(f.acknowledgement).toBeUndefined();
    expect(again.errors).toBe(plain.errors);
    expect(again.verifications).toEqual({ acknowledged: 0, stale: 1 });
  });

  it("is matched whether 台账核实 comes before or after the ledger in a streamed read, by rule id or title", () => {
    const streamed = new WorkbookCheck({ name: "测试台账.xlsx" });
    for (const s of [sheetOf(["逾期未开工", " 项目台账 ", overdueKey, "等待土地审批", "", ""]), ledger(), SETTINGS_AS_OF("2022-09-30")]) {
      const sink = streamed.beginSheet({ name: s.name });
      for (const row of gridRows(s.grid)) sink.push(row);
      sink.end();
    }
    const res = streamed.finish();
    expect(res.findings.find((f) => f.cell === "G4")!.acknowledgement).toEqual({ reason: "等待土地审批", by: "", date: "" });
    expect(res.ledgers.map((l) => l.sheet)).toEqual(["项目台账"]);
  });

  it("verifies a value finding by its own cell: another bad amount on the row is another key", () => {
    const amountKey = keyOf(plain, "invalid-amount", "C6");
    const res = check(ledger(), sheetOf(["invalid-amount", "项目台账", amountKey, "投资额待董事会审定", "李强", 44834]));
    expect(res.findings.find((f) => f.cell === "C6")!.acknowledgement).toEqual({ reason: "投资额待董事会审定", by: "李强", date: "2022-09-30" });
    const edited = rows();
    edited[5][2] = "面议";
    expect(check(ledger(edited), sheetOf(["invalid-amount", "项目台账", amountKey, "投资额待董事会审定", "", ""])).findings.find((f) => f.cell === "C6")!.acknowledgement).toBeUndefined();
  });
});

describe("a 台账核实 sheet that cannot be used", () => {
  it("is a finding at each unusable row's cell, and the finding stays open", () => {
    const res = check(
      ledger(),
      sheetOf(
        ["overdue-start", "项目台账", overdueKey, "", "王敏", "2022-09-28"], // no reason: D2
        ["逾期开工", "项目台账", overdueKey, "等待审批", "", ""], // unknown rule: A3
        ["missing-column", "项目台账", overdueKey, "无此列", "", ""], // not verifiable: A4
        ["overdue-start", "项目台账", "", "等待审批", "", ""], // no key: C5
        ["overdue-start", "项目台账", overdueKey, "等待审批", "", "九月底"], // unreadable date: F6
      ),
    );
    const own = res.findings.filter((f) => f.sheet === "台账核实").map((f) => `${f.rule}@${f.cell}:${f.params.kind}`);
    expect(own).toEqual([
      "invalid-verification@D2:no-reason",
      "invalid-verification@A3:unknown-rule",
      "invalid-verification@A4:not-verifiable",
      "invalid-verification@C5:no-place",
      "invalid-verification@F6:invalid-date",
    ]);
    expect(res.findings.find((f) => f.cell === "G4")!.acknowledgement).toBeUndefined();
    expect(res.warnings).toBe(plain.warnings + 5);
    expect(res.ledgers.map((l) => l.sheet)).toEqual(["项目台账"]);
  });

  it("never throws on any cell: numbers, errors, booleans, dates, blanks and huge text", () => {
    const huge = "理".repeat(200_000);
    const odd: CellValue[][] = [
      [42, { error: "#REF!" }, true, d("2022-09-01"), null, undefined],
      [{ error: "#N/A" }, "项目台账", overdueKey, huge, huge, { error: "#VALUE!" }],
      ["overdue-start", 3.5, 7, 0, false, -1e308],
      [huge, huge, huge, huge, huge, huge],
      ["overdue-start", "项目台账", overdueKey, "理由", null, d("2022-09-28")],
      [],
    ];
    const res = check(ledger(), { name: "台账核实", grid: odd });
    expect(res.findings.filter((f) => f.sheet === "台账核实").map((f) => `${f.cell}:${f.params.kind}`)).toEqual([
      "A1:unknown-rule",
      "A2:unknown-rule",
      "F3:invalid-date",
      "A4:unknown-rule",
    ]);
    // The message quotes a cut of the huge text.
    expect(String(res.findings.find((f) => f.cell === "A4")!.params.value).length).toBeLessThan(50);
    expect(res.findings.find((f) => f.cell === "G4")!.acknowledgement?.reason).toBe("理由");
  });
});

describe("one key, one finding", () => {
  const TRIPS = (...extra: CellValue[][]): GridSheet => ({
    name: "外出招商",
    grid: [["日期", "带队领导", "职务", "目的地"], ["2022年9月", "王建国", "党工委书记", "上海"], ["2022年9月", "王建国", "党工委书记", "深圳"], ...extra],
  });
  const tripKeys = (r: CheckResult) => r.findings.filter((f) => f.sheet === "外出招商" && f.rowKey).map((f) => `${f.cell}:${f.rule}:${f.rowKey}`);

  it("two trips of one leader to two places: two keys, and verifying one leaves the other open", () => {
    const keys = tripKeys(check(TRIPS()));
    expect(keys).toHaveLength(2);
    const [a2, a3] = keys.map((k) => k.split(":"));
    expect(a2[0]).toBe("A2");
    expect(a2[2]).toMatch(/^王建国#[0-9a-f]{8}$/);
    expect(a3[2]).toMatch(/^王建国#[0-9a-f]{8}$/);
    expect(a3[2]).not.toBe(a2[2]);
    const r = check(TRIPS(), sheetOf([a2[1], "外出招商", a2[2], "只记得月份，出差单已遗失", "王敏", ""]));
    expect(r.verifications).toEqual({ acknowledged: 1, stale: 0 });
    expect(r.findings.find((f) => f.cell === "A3" && f.rule === a3[1])!.acknowledgement).toBeUndefined();
  });

  it("two identical overdue rows: the second is <key>~2; verifying the first leaves the second, and a third added later, open", () => {
    const twins = rows();
    twins.push([5, "食品加工厂", 9000, "签约", "否", d("2022-07-01"), d("2022-09-15"), "", ""]);
    const r = check(ledger(twins));
    const k4 = keyOf(r, "overdue-start", "G4");
    expect(k4).toBe(overdueKey);
    expect(keyOf(r, "overdue-start", "G7")).toBe(`${overdueKey}~2`);
    const one = check(ledger(twins), verifiedOverdue());
    expect(one.verifications).toEqual({ acknowledged: 1, stale: 0 });
    expect(one.findings.find((f) => f.cell === "G7" && f.rule === "overdue-start")!.acknowledgement).toBeUndefined();
    // The pane writes the suffixed key of the second: it verifies that one only.
    const both = check(ledger(twins), sheetOf(["overdue-start", "项目台账", overdueKey, "等待土地审批", "", ""], ["overdue-start", "项目台账", `${overdueKey}~2`, "同上", "", ""]));
    expect(both.verifications).toEqual({ acknowledged: 2, stale: 0 });
    const thrice = [...twins, [6, "食品加工厂", 9000, "签约", "否", d("2022-07-01"), d("2022-09-15"), "", ""]];
    const later = check(ledger(thrice), sheetOf(["overdue-start", "项目台账", overdueKey, "等待土地审批", "", ""], ["overdue-start", "项目台账", `${overdueKey}~2`, "同上", "", ""]));
    expect(keyOf(later, "overdue-start", "G8")).toBe(`${overdueKey}~3`);
    expect(later.findings.find((f) => f.cell === "G8" && f.rule === "overdue-start")!.acknowledgement).toBeUndefined();
    expect(later.verifications).toEqual({ acknowledged: 2, stale: 0 });
  });

  it("a second 台账核实 row for a finding already verified counts stale; the first one's reason stands", () => {
    const r = check(ledger(), sheetOf(["overdue-start", "项目台账", overdueKey, "等待土地审批", "王敏", ""], ["逾期未开工", "项目台账", overdueKey, "重复记录", "李强", ""]));
    expect(r.verifications).toEqual({ acknowledged: 1, stale: 1 });
    expect(r.findings.find((f) => f.cell === "G4" && f.rule === "overdue-start")!.acknowledgement!.reason).toBe("等待土地审批");
  });

  it("shows the first 24 characters of a name by code point: 𠮷 at the boundary is kept whole", () => {
    const name = `${"城".repeat(23)}𠮷家园项目`;
    const named = rows();
    named[3][1] = name;
    const key = keyOf(check(ledger(named)), "overdue-start", "G4");
    const shown = key.slice(0, key.indexOf("#"));
    expect(shown).toBe(`${"城".repeat(23)}𠮷`);
  });
});
