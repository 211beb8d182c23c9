/**
 * Issue 17, item 2: 重点项目开工 — the district's ten 区级重点 signed projects that start during the
 * campaign. A unit's count is its projects flagged 区级重点 whose actual start lies inside the window
 * (both ends included) and on or before the as-of date; a ledger without the 区级重点 or the actual
 * start column is not assessed (null, not 0). The count is no target and changes no score.
 */
import { checkWorkbook } from "../../src/core/check";
import { districtKeyStarts, KEY_STARTS_GOAL } from "../../src/core/keyStarts";
import type { CheckResult } from "../../src/core/result";
import type { CellValue } from "../../src/core/sheet";
import { d, SETTINGS_AS_OF, workbook } from "./workbook";

const HEADER = ["项目名称", "总投资", "项目状态", "区级重点", "签约日期", "计划开工日期", "实际开工日期"];

/** A 2亿 区级重点 project of 岱庙街道 signed in July, started on `actual`. */
function keyProject(name: string, actual: CellValue, flag: CellValue = "是"): CellValue[] {
  return [name, "2亿", actual === "" ? "签约" : "开工", flag, d("2022-07-08"), d("2022-08-15"), actual];
}

function check(rows: CellValue[][], options: { asOf?: string; settings?: CellValue[][]; header?: string[] } = {}): CheckResult {
  const grid = [options.header ?? HEADER, ...rows];
  return checkWorkbook(workbook([{ name: "项目台账", grid }, SETTINGS_AS_OF(options.asOf ?? "2022-09-30", options.settings ?? [])], "岱庙街道招商引资台账.xlsx"), {
    today: new Date(2022, 9, 1),
  });
}

describe("the window's boundaries (default window 2022-08-01 – 2022-09-30)", () => {
  const cases: [string, string, string, boolean][] = [
    ["the window's first day", "2022-08-01", "2022-09-30", true],
    ["the day before the window", "2022-07-31", "2022-09-30", false],
    ["the window's last day", "2022-09-30", "2022-09-30", true],
    ["the day after the window", "2022-10-01", "2022-10-31", false],
    ["the as-of date, inside the window", "2022-09-15", "2022-09-15", true],
    ["a day after the as-of date, inside the window", "2022-09-16", "2022-09-15", false],
  ];
  test.each(cases)("an actual start on %s (%s, as of %s) counts: %s", (_, start, asOf, counts) => {
    const r = check([keyProject("泰山新材料产业园", d(start))], { asOf });
    expect(r.keyStarts).toBe(counts ? 1 : 0);
    expect(r.units).toBeNull();
  });
});

test("a window set in 台账设置 moves the boundaries: 2022-08-10 – 2022-09-20", () => {
  const rows = ["2022-08-09", "2022-08-10", "2022-09-20", "2022-09-21"].map((start, i) => keyProject(`重点项目${i + 1}`, d(start)));
  const r = check(rows, { settings: [["活动开始", "2022-08-10"], ["活动结束", "2022-09-20"]] });
  expect(r.keyStarts).toBe(2);
});

test("only 区级重点 projects count, and only once they have started; a text date reads as any date does", () => {
  const r = check([
    keyProject("高端装备制造基地", d("2022-08-20")),
    keyProject("文旅康养综合体", "2022.9.6"),
    keyProject("冷链物流中心", d("2022-08-25"), "否"),
    keyProject("数字经济产业园", d("2022-09-02"), ""),
    keyProject("新能源电池项目", ""),
    keyProject("医疗器械产业化项目", d("2021-11-20")),
  ]);
  expect(r.keyStarts).toBe(2);
  // Started projects of the window are counted by new-starts whether key or not: the two figures are distinct.
  expect(r.targets.find((t) => t.id === "new-starts")).toMatchObject({ actual: 4 });
});

describe("not assessed (null) rather than 0", () => {
  test("a ledger without the 区级重点 column", () => {
    const header = HEADER.filter((h) => h !== "区级重点");
    const r = check([["高端装备制造基地", "2亿", "开工", d("2022-07-08"), d("2022-08-15"), d("2022-08-20")]], { header });
    expect(r.keyStarts).toBeNull();
  });

  test("a ledger without the actual-start column", () => {
    const header = HEADER.filter((h) => h !== "实际开工日期");
    const r = check([["高端装备制造基地", "2亿", "开工", "是", d("2022-07-08"), d("2022-08-15")]], { header });
    expect(r.keyStarts).toBeNull();
  });

  test("a workbook without a projects ledger (a command office keeps only its meetings)", () => {
    const meetings = [["日期", "地点", "内容", "记录人"], [d("2022-08-01"), "指挥部会议室", "调度重点项目", "孙敏"]];
    const r = checkWorkbook(workbook([{ name: "例会记录", grid: meetings }, SETTINGS_AS_OF("2022-09-30", [["单位类型", "指挥部"]])], "项目指挥部台账.xlsx"), { today: new Date(2022, 9, 1) });
    expect(r.keyStarts).toBeNull();
  });

  test("a ledger with both columns and no key start is 0", () => {
    expect(check([keyProject("高端装备制造基地", "")]).keyStarts).toBe(0);
  });
});

test("several units in one sheet: each unit's count, the workbook's the sum", () => {
  const header = ["单位", ...HEADER];
  const rows: CellValue[][] = [
    ["区发改局", ...keyProject("新能源储能示范项目", d("2022-08-12"))],
    [null, ...keyProject("数字乡村服务平台项目", d("2022-09-28"))],
    ["区工信局", ...keyProject("智能制造产业园项目", "")],
    ["区文旅局", ...keyProject("泰山研学基地项目", d("2022-08-05"))],
    [null, ...keyProject("文旅综合体项目", d("2022-07-20"))],
  ];
  const r = check(rows, { header });
  expect(r.units!.map((u) => [u.unit, u.keyStarts])).toEqual([
    ["区发改局", 2],
    ["区工信局", 0],
    ["区文旅局", 1],
  ]);
  expect(r.keyStarts).toBe(3);
});

test("no target and no score: flagging a started project 区级重点 changes neither", () => {
  const flagged = check([keyProject("高端装备制造基地", d("2022-08-20")), keyProject("数字经济产业园", d("2022-09-10"))]);
  const plain = check([keyProject("高端装备制造基地", d("2022-08-20"), "否"), keyProject("数字经济产业园", d("2022-09-10"), "否")]);
  expect([flagged.keyStarts, plain.keyStarts]).toEqual([2, 0]);
  expect(flagged.targets).toEqual(plain.targets);
  expect([flagged.score, flagged.penalty]).toEqual([plain.score, plain.penalty]);
  expect(flagged.targets.map((t) => t.id)).not.toContain("key-starts");
});

describe("the district's total against its goal", () => {
  test("4 + 3 + 2 against the default 10: 9, one short; a unit not assessed adds nothing and is counted apart", () => {
    expect(districtKeyStarts([4, 3, 2, null])).toEqual({ actual: 9, required: KEY_STARTS_GOAL, met: false, gap: 1, assessed: 3, notAssessed: 1 });
    expect(KEY_STARTS_GOAL).toBe(10);
  });

  test("met exactly at the goal, and beyond it with no negative gap", () => {
    expect(districtKeyStarts([4, 3, 3])).toMatchObject({ actual: 10, met: true, gap: 0 });
    expect(districtKeyStarts([6, 6], 10)).toMatchObject({ actual: 12, met: true, gap: 0 });
    expect(districtKeyStarts([4, 3, 2], 9)).toMatchObject({ actual: 9, required: 9, met: true, gap: 0 });
  });

  test("no unit assessed: not assessed, not 0 of 10", () => {
    expect(districtKeyStarts([null, null])).toEqual({ actual: null, required: 10, met: null, gap: null, assessed: 0, notAssessed: 2 });
    expect(districtKeyStarts([])).toMatchObject({ actual: null, met: null });
  });
});
