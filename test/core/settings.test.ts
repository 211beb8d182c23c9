/**
 * The 台账设置 sheet read through the core's one settings reader: every setting under every name
 * the README and DOMAIN.md give it, unknown keys and unreadable values as findings at their cells
 * (the default used instead, and named), a window that ends before it starts, and the 列名对照
 * section left to the header matching.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check";
import type { Finding } from "../../src/core/findings";
import type { CheckResult } from "../../src/core/result";
import { findingMessage } from "../../src/core/rules/catalog";
import { resolveSettings, type SettingKey } from "../../src/core/settings";
import { nearestSettingName, SETTING_KEYS, SETTING_NAMES, settingKeyOf } from "../../src/core/settingsNames";
import { parseSetting } from "../../src/core/settingsParse";
import type { CellValue } from "../../src/core/sheet";
import { BAD, day, GOOD } from "./settingCases";
import { d, workbook, type GridSheet } from "./workbook";

const TODAY = new Date(2022, 9, 1);

/** A 台账设置 sheet: its header, then one row per entry. */
const settingsSheet = (rows: CellValue[][]): GridSheet => ({ name: "台账设置", grid: [["项目", "值"], ...rows] });

const MEETINGS: GridSheet = {
  name: "例会记录",
  grid: [["日期", "地点", "内容", "记录人"], ...["2022-08-01", "2022-08-08", "2022-08-15", "2022-08-22", "2022-08-29", "2022-09-05", "2022-09-13", "2022-09-19"].map((iso) => [d(iso), "会议室", "调度", "王敏"])],
};

function check(rows: CellValue[][], sheets: GridSheet[] = [], overrides = {}): CheckResult {
  return checkWorkbook(workbook([...sheets, settingsSheet(rows)]), { today: TODAY, overrides });
}

const on = (r: CheckResult, rule: Finding["rule"]) => r.findings.filter((f) => f.rule === rule);
const placed = (r: CheckResult) => r.findings.filter((f) => f.rule.endsWith("-setting")).map((f) => `${f.rule}@${f.sheet}!${f.cell}`);

describe("every setting under every name", () => {
  const cases = SETTING_KEYS.flatMap((key) => {
    const good = GOOD.find((g) => g.key === key)!;
    const { zh, en, flag } = SETTING_NAMES[key];
    return [...zh, ...en, flag].map((name) => [key, name, good.written, good.value] as const);
  });

  test.each(cases)("%s as %j", (key, name, written, value) => {
    const r = check([[name, written]]);
    expect(placed(r)).toEqual([]);
    expect(r.settings[key]).toEqual(value);
  });

  test("the README's and DOMAIN.md's names are among them (issue 11: 主要负责人每次外出分值, 新策划项目截止日)", () => {
    const expected: [string, SettingKey][] = [
      ["主要负责人每次外出分值", "tripPoints"], ["每次外出分值", "tripPoints"], ["外出分值", "tripPoints"],
      ["新策划项目截止日", "planDeadline"], ["策划截止日", "planDeadline"], ["每个签约项目分值", "projectPoints"],
      ["签约项目分值", "projectPoints"], ["投洽会签约加分", "fairBonus"], ["投洽会加分", "fairBonus"], ["临近开工天数", "dueSoonDays"],
      ["临近天数", "dueSoonDays"], ["临近开工", "dueSoonDays"], ["单位类型", "unitKind"], ["单位名称", "unitName"], ["统计截止日", "asOf"],
      ["活动开始", "windowStart"], ["活动结束", "windowEnd"], ["全年任务", "annualTask"], ["投洽会项目开工时限", "fairStartDeadline"],
    ];
    for (const [name, key] of expected) expect([name, settingKeyOf(name)]).toEqual([name, key]);
  });

  test("a key is read the way people write it: brackets, a colon, full-width forms, spaces, case, flags", () => {
    for (const [written, key] of [
      ["全年任务（万元）", "annualTask"], ["每个签约项目分值（B）", "projectPoints"], ["统计截止日：", "asOf"], ["统计 截止日", "asOf"],
      ["ＡｓＯｆ", "asOf"], ["trip_points", "tripPoints"], ["--trip-points", "tripPoints"], ["TRIPPOINTS", "tripPoints"],
      ["Due-soon days", "dueSoonDays"], ["Points per principal's trip (P)", "tripPoints"],
    ] as const) {
      expect([written, settingKeyOf(written)]).toEqual([written, key]);
    }
    expect(settingKeyOf("统计截止")).toBeNull();
    expect(settingKeyOf("开工时限")).toBeNull();
  });

  test("the README's 台账设置 table lists every name the core accepts, and the core accepts every name it lists", () => {
    const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## 台账设置 Settings"), readme.indexOf("## 样例台账"));
    const rows = section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| 设置"));
    expect(rows).toHaveLength(SETTING_KEYS.length);
    const listed = rows.map((row) => {
      const [, , names, flag] = row.split("|").map((c) => c.trim());
      return { names: names.split(/[、；]/).map((n) => n.trim()), flag: flag.replace(/`/g, "") };
    });
    SETTING_KEYS.forEach((key, i) => {
      const { zh, en, flag } = SETTING_NAMES[key];
      expect([key, listed[i].names.sort()]).toEqual([key, [...zh, ...en].sort()]);
      expect(listed[i].flag).toBe(flag);
      for (const name of listed[i].names) expect([name, settingKeyOf(name)]).toEqual([name, key]);
    });
  });

  test("no two settings share a name", () => {
    const names = SETTING_KEYS.flatMap((key) => [...SETTING_NAMES[key].zh, ...SETTING_NAMES[key].en, SETTING_NAMES[key].flag].map((n) => [n, key] as const));
    for (const [name, key] of names) expect([name, settingKeyOf(name)]).toEqual([name, key]);
  });
});

describe("unknown-setting", () => {
  test("at the key's cell, naming the key and the nearest accepted name; the row sets nothing", () => {
    const r = check([["统计截止日", "2022-09-30"], ["主要负责人外出分值", 3], ["策划截至日", "2022-09-05"]]);
    expect(placed(r)).toEqual(["unknown-setting@台账设置!A3", "unknown-setting@台账设置!A4"]);
    const [trips, plan] = on(r, "unknown-setting");
    expect(trips).toMatchObject({ row: 3, column: 1, field: null, severity: "warning", params: { key: "主要负责人外出分值", nearest: "主要负责人每次外出分值" } });
    expect(findingMessage(plan, "zh")).toBe("“策划截至日”不是可识别的设置项，未采用；最接近的设置项是“策划截止日”");
    expect(findingMessage(plan, "en")).toBe('"策划截至日" names no setting and is not used; the nearest setting is "策划截止日"');
    expect([r.settings.tripPoints, r.settings.planDeadline]).toEqual([1, day("2022-09-15")]);
  });

  test("an English key is matched against the English names too", () => {
    expect(nearestSettingName("tripPoint")).toBe("tripPoints");
    expect(nearestSettingName("asof date")).toBe("As-of date");
  });

  test("notes are not settings and raise nothing; a key without a value is no setting at all", () => {
    const r = check([["备注", "由经发办填写"], ["说明", "每半月更新"], ["填表说明", "金额单位万元"], ["以下由区经合局填写"]]);
    expect(placed(r)).toEqual([]);
  });

  test("the settings stop at the 列名对照 section: below it, a word is a column's, and a settings word there is said, not read", () => {
    const r = check([
      ["单位类型", "园区"],
      ["列名对照"],
      ["计划开工日期", "拟开工时间"],
      ["单位", "责任科室"], // 单位 would name the unit's name above the section
      ["总投资", "投资额（万元）"],
      ["临近开工天数", "两周"], // a settings word: still the section's, not a setting, and no column's
    ]);
    expect(placed(r)).toEqual(["unknown-setting@台账设置!A7"]);
    expect(findingMessage(r.findings.find((f) => f.rule === "unknown-setting")!, "zh")).toMatch(/^列名对照中的“临近开工天数”不是台账的列名，这一行未采用；最接近的列名是“.+”$/);
    expect([r.settings.unitKind, r.unitName, r.settings.dueSoonDays]).toEqual(["park", "测试", 14]);
  });
});

describe("invalid-setting", () => {
  test.each(BAD)("$key $written: at the value's cell, the default used and named", ({ key, written }) => {
    const name = SETTING_NAMES[key].zh[0];
    const r = check([[name, written]]);
    expect(placed(r)).toEqual(["invalid-setting@台账设置!B2"]);
    const f = on(r, "invalid-setting")[0];
    expect(f).toMatchObject({ row: 2, column: 2, severity: "warning", params: { key: name, value: String(written) } });
    // The setting is what it is without the row.
    const without = check([]);
    expect(r.settings[key]).toEqual(without.settings[key]);
    expect(findingMessage(f, "zh")).toContain(`设置项“${name}”的值“${written}”无法采用（应为`);
  });

  test("the message names the default that applies: a number, a date of the as-of year, no annual task, the inferred kind", () => {
    const r = check([["统计截止日", "2022-09-30"], ["临近开工天数", 3.5], ["策划截止日", "尽快"], ["全年任务", "约5000万"], ["单位类型", "学校"]]);
    const messages = on(r, "invalid-setting").map((f) => findingMessage(f, "zh"));
    expect(messages).toEqual([
      "设置项“临近开工天数”的值“3.5”无法采用（应为不小于 0 的整数天数，如 14），按默认值 14 处理",
      "设置项“策划截止日”的值“尽快”无法采用（应为完整的日期，如 2022-09-30），按默认值 2022-09-15 处理",
      "设置项“全年任务”的值“约5000万”无法采用（应为大于 0 的人民币金额（默认万元），如 50000 或 5亿，不能是约数），按不设全年任务（该目标不评估）处理",
      "设置项“单位类型”的值“学校”无法采用（应为街道、园区、区直部门或指挥部（或 town、park、department、hq）），按由工作簿推断的单位类型“街道/镇”处理",
    ]);
    expect(findingMessage(on(r, "invalid-setting")[0], "en")).toBe(
      'the setting "临近开工天数" has a value "3.5" that cannot be used (expected a whole number of days of at least 0, such as 14); the default 14 is used instead',
    );
  });

  test("a flag's value for the same setting is what applies, and the message says so", () => {
    const r = check([["临近开工天数", 3.5]], [], { dueSoonDays: 5 });
    expect(findingMessage(on(r, "invalid-setting")[0], "zh")).toContain("按命令行或函数参数给出的值 5 处理");
    expect(r.settings.dueSoonDays).toBe(5);
  });
});

describe("a campaign window that ends before it starts", () => {
  test("given whole in 台账设置: invalid-setting at 活动结束's cell, and the default window (weekly-meetings is not 0 of 0)", () => {
    const r = check([["统计截止日", "2022-09-30"], ["活动开始", "2022-09-30"], ["活动结束", "2022-08-01"]], [MEETINGS]);
    expect(placed(r)).toEqual(["invalid-setting@台账设置!B4"]);
    expect(findingMessage(on(r, "invalid-setting")[0], "zh")).toBe(
      "设置项“活动结束”的值“2022-08-01”无法采用（应为不早于活动开始 2022-09-30 的日期），按默认活动期间 2022-08-01 至 2022-09-30 处理",
    );
    expect([r.settings.windowStart, r.settings.windowEnd]).toEqual([day("2022-08-01"), day("2022-09-30")]);
    expect(r.targets.find((t) => t.id === "weekly-meetings")).toMatchObject({ met: true, actual: 8, required: 8 });
  });

  test("a start alone after the default end: at 活动开始's cell", () => {
    const r = check([["统计截止日", "2022-09-30"], ["活动开始", "2022-10-15"]]);
    expect(placed(r)).toEqual(["invalid-setting@台账设置!B3"]);
    expect(on(r, "invalid-setting")[0].params.expected).toBe("不晚于活动结束 2022-09-30 的日期");
    expect(r.settings.windowStart).toBe(day("2022-08-01"));
  });

  test("the sheet's end against a flag's start: the flag wins, the sheet's end is set aside at its cell", () => {
    const r = check([["统计截止日", "2022-09-30"], ["活动结束", "2022-08-20"]], [], { windowStart: day("2022-09-01") });
    expect(placed(r)).toEqual(["invalid-setting@台账设置!B3"]);
    expect([r.settings.windowStart, r.settings.windowEnd]).toEqual([day("2022-09-01"), day("2022-09-30")]);
    expect(findingMessage(on(r, "invalid-setting")[0], "zh")).toContain("按默认活动期间 2022-09-01 至 2022-09-30 处理");
  });

  test("a window the flags alone put out of order (an end before the default start): a workbook-level finding, the default window", () => {
    const r = check([["统计截止日", "2022-09-30"]], [], { windowEnd: day("2022-07-15") });
    expect(on(r, "invalid-setting")).toEqual([
      expect.objectContaining({ sheet: "", cell: "", row: null, column: null, params: expect.objectContaining({ key: "活动结束", value: "2022-07-15" }) }),
    ]);
    expect([r.settings.windowStart, r.settings.windowEnd]).toEqual([day("2022-08-01"), day("2022-09-30")]);
  });

  test("a window in order, the start equal to the end, raises nothing", () => {
    const r = check([["活动开始", "2022-09-01"], ["活动结束", "2022-09-01"]]);
    expect(placed(r)).toEqual([]);
  });
});

describe("the one reader", () => {
  test.each(GOOD)("$key $written reads as $value", ({ key, written, value }) => {
    expect(parseSetting(key, written)).toEqual({ status: "ok", value });
  });

  test.each(BAD)("$key $written is refused, saying what it must be", ({ key, written }) => {
    expect(parseSetting(key, written)).toMatchObject({ status: "invalid" });
  });

  test("a date cell and a serial of either date system are dates; blank is no value", () => {
    expect(parseSetting("asOf", d("2022-09-30"))).toEqual({ status: "ok", value: day("2022-09-30") });
    expect(parseSetting("asOf", 44834)).toEqual({ status: "ok", value: day("2022-09-30") });
    expect(parseSetting("asOf", 44834 - 1462, 1904)).toEqual({ status: "ok", value: day("2022-09-30") });
    expect(parseSetting("dueSoonDays", "  ")).toEqual({ status: "blank" });
  });

  test("the fair projects' deadline defaults to 1 March after the as-of year", () => {
    expect(resolveSettings([{ asOf: day("2022-09-30") }], 0).fairStartDeadline).toBe(day("2023-03-01"));
    expect(resolveSettings([{ asOf: day("2023-01-10") }], 0).fairStartDeadline).toBe(day("2024-03-01"));
  });
});
