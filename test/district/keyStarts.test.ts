/**
 * Issue 17, item 2: 重点项目开工 over a folder run. Three towns with 4, 3 and 2 区级重点 projects
 * started inside the window (each with one more started outside it), a fourth whose ledger has no
 * 区级重点 column (not assessed, not 0), and an older ledger of one of them sent again: the district
 * total is 9 against the goal of 10 in the JSON of `check` and in the bulletin's 汇总; the goal is a
 * setting of the district config; --previous shows the change of the total, and still compares with
 * a bulletin written before the count existed.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { runCli, tempDir } from "../cli/helpers";
import { KEY_STARTS_UNITS, writeKeyStartsDistrict } from "./fixtures";
import { editZip, partText, readBook, sheetValues } from "./zipEdit";

interface JsonFile {
  file: string;
  keyStarts: number | null;
  targets: { id: string }[];
}
interface JsonReport {
  files: JsonFile[];
  keyStarts?: { actual: number | null; required: number; met: boolean | null; gap: number | null; units: { unit: string; file: string; keyStarts: number | null }[] };
}

let dir: string;
let cleanup: () => void;
let older: string;
let json: JsonReport;
let bulletin: ExcelJS.Workbook;
let reportRun: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  ({ older } = await writeKeyStartsDistrict(dir));
  json = JSON.parse((await runCli(["check", "台账", "--format", "json"], { cwd: dir })).stdout);
  reportRun = await runCli(["report", "台账", "--out", "通报.xlsx"], { cwd: dir });
  bulletin = await readBook(path.join(dir, "通报.xlsx"));
});
afterAll(() => cleanup());

const file = (name: string) => path.join("台账", name);

/** The cells of a row under the given headers of 汇总's header row 3. */
function summaryRow(ws: ExcelJS.Worksheet, unit: string, headers: readonly string[]): unknown[] {
  const names = (ws.getRow(3).values as unknown[]).slice(1);
  const rows = sheetValues(ws);
  const row = rows.findIndex((r, i) => i > 2 && r?.[names.indexOf("单位")] === unit);
  if (row < 0) throw new Error(`no row for ${unit}`);
  return headers.map((h) => rows[row][names.indexOf(h)] ?? null);
}

function texts(ws: ExcelJS.Worksheet): string[] {
  return sheetValues(ws).map((r) => r?.[0]).filter((v): v is string => typeof v === "string");
}

describe("check 台账 --format json", () => {
  test("each file carries its own count: 4, 3, 2, the older 岱庙街道 ledger 1, and null for the ledger without a 区级重点 column", () => {
    const byFile = Object.fromEntries(json.files.map((f) => [f.file, f.keyStarts]));
    expect(byFile).toEqual({
      [file(KEY_STARTS_UNITS.岱庙街道.file)]: 4,
      [file(KEY_STARTS_UNITS.泰前街道.file)]: 3,
      [file(KEY_STARTS_UNITS.上高街道.file)]: 2,
      [file("财源街道招商引资台账.xlsx")]: null,
      [older]: 1,
    });
    // No target of any unit: the targets are the town's usual ten.
    for (const f of json.files) expect(f.targets.map((t) => t.id)).not.toContain("key-starts");
  });

  test("the district total: 9 against 10, one short; each unit once (岱庙街道 from its newer ledger), 财源街道 not assessed", () => {
    expect(json.keyStarts).toMatchObject({ actual: 9, required: 10, met: false, gap: 1 });
    const units = [...json.keyStarts!.units].sort((a, b) => a.unit.localeCompare(b.unit, "zh-CN"));
    expect(units).toEqual(
      [
        { unit: "岱庙街道", file: file(KEY_STARTS_UNITS.岱庙街道.file), keyStarts: 4 },
        { unit: "泰前街道", file: file(KEY_STARTS_UNITS.泰前街道.file), keyStarts: 3 },
        { unit: "上高街道", file: file(KEY_STARTS_UNITS.上高街道.file), keyStarts: 2 },
        { unit: "财源街道", file: file("财源街道招商引资台账.xlsx"), keyStarts: null },
      ].sort((a, b) => a.unit.localeCompare(b.unit, "zh-CN")),
    );
    expect(Object.keys(json)).toEqual(["asOf", "files", "keyStarts"]);
  });

  test("one file named alone is no district: no total, only the file's count", async () => {
    const one = JSON.parse((await runCli(["check", file(KEY_STARTS_UNITS.泰前街道.file), "--format", "json"], { cwd: dir })).stdout);
    expect(Object.keys(one)).toEqual(["asOf", "files"]);
    expect(one.files[0].keyStarts).toBe(3);
  });
});

describe("report 台账: the bulletin's 汇总", () => {
  test("the run writes the bulletin; the older 岱庙街道 ledger is a duplicate, not a fifth unit", () => {
    expect(reportRun.code).toBe(0);
    expect(reportRun.stdout).toBe("已写入通报 通报.xlsx：4 个单位\n");
  });

  test("the title line gives the district's total against the goal", () => {
    const ws = bulletin.getWorksheet("汇总")!;
    expect(ws.getCell("A2").value).toBe("活动期间：2022年8月1日至2022年9月30日　统计截止日：2022年9月30日　参评单位 4 个　区级重点项目开工 9/10");
  });

  test("each unit's count in its own column, 未评估 for the ledger without the column; scores as without the column", () => {
    const ws = bulletin.getWorksheet("汇总")!;
    const headers = ["单位", "区级重点项目开工", "得分", "扣分"];
    expect(["岱庙街道", "泰前街道", "上高街道", "财源街道"].map((u) => summaryRow(ws, u, headers))).toEqual([
      ["岱庙街道", 4, 6, 7],
      ["泰前街道", 3, 6, 7],
      ["上高街道", 2, 6, 7],
      ["财源街道", "未评估", 6, 7],
    ]);
  });

  test("below the table: the total, the goal, the gap, and the unit not assessed by name", () => {
    expect(texts(bulletin.getWorksheet("汇总")!)).toContain(
      "区级重点项目开工（全区目标，不计入各单位得分）：全区 9 个，目标 10 个，尚差 1 个。未评估的单位 1 个（台账缺少“区级重点”或“实际开工日期”列，不计入合计）：财源街道。",
    );
  });

  test("说明 says what the goal asks, with the goal of the run", () => {
    expect(texts(bulletin.getWorksheet("说明")!)).toContain(
      "区级重点项目开工：活动期间全区区级重点签约项目开工不少于 10 个（全区目标：各单位台账中“区级重点”为“是”、实际开工日期在活动期间内且不晚于统计截止日的项目合计，不是单位考核指标，不计入得分）。",
    );
  });

  test("the embedded data carries the total and each unit's count", async () => {
    const data = await partText(path.join(dir, "通报.xlsx"), "customXml/item1.xml");
    expect(data).toContain('"keyStarts":{"actual":9,"required":10,"met":false,"gap":1,"assessed":3,"notAssessed":1}');
    expect(data).toMatch(/"unit":"财源街道",[^{}]*"targets":\[[^\]]*\],"keyStarts":null/);
  });
});

describe("the goal is a setting of the district config", () => {
  const config = (name: string, content: unknown) => {
    fs.writeFileSync(path.join(dir, name), JSON.stringify(content));
    return name;
  };

  test("keyStartsGoal 9: met in the JSON and the bulletin", async () => {
    const c = config("goal9.json", { district: "泰山区", keyStartsGoal: 9 });
    const r = JSON.parse((await runCli(["check", "台账", "--config", c, "--format", "json"], { cwd: dir })).stdout);
    expect(r.keyStarts).toMatchObject({ actual: 9, required: 9, met: true, gap: 0 });
    await runCli(["report", "台账", "--out", "通报9.xlsx", "--config", c], { cwd: dir });
    const ws = (await readBook(path.join(dir, "通报9.xlsx"))).getWorksheet("汇总")!;
    expect(ws.getCell("A2").value).toMatch(/\u3000区级重点项目开工 9\/9$/);
    expect(texts(ws)).toContain("区级重点项目开工（全区目标，不计入各单位得分）：全区 9 个，目标 9 个，已完成。未评估的单位 1 个（台账缺少“区级重点”或“实际开工日期”列，不计入合计）：财源街道。");
  });

  test("under its Chinese name too", async () => {
    const c = config("goal12.json", { 重点项目开工目标: 12 });
    const r = JSON.parse((await runCli(["check", "台账", "--config", c, "--format", "json"], { cwd: dir })).stdout);
    expect(r.keyStarts).toMatchObject({ actual: 9, required: 12, gap: 3 });
  });

  test("a bad goal, or the goal twice: one line, exit 2", async () => {
    for (const [name, content, line] of [
      ["goal0.json", { keyStartsGoal: 0 }, "zsledger: goal0.json: keyStartsGoal 的值“0”无法识别，应为不小于 1 的整数个数，如 10\n"],
      ["goalHalf.json", { keyStartsGoal: "9.5" }, "zsledger: goalHalf.json: keyStartsGoal 的值“9.5”无法识别，应为不小于 1 的整数个数，如 10\n"],
      ["goalTwice.json", { keyStartsGoal: 10, 重点项目开工目标: 8 }, "zsledger: 配置文件 goalTwice.json 中“keyStartsGoal”和“重点项目开工目标”是同一个设置项，请只写一个\n"],
    ] as const) {
      const r = await runCli(["check", "台账", "--config", config(name, content), "--format", "json"], { cwd: dir });
      expect(r).toEqual({ code: 2, stdout: "", stderr: line });
    }
  });
});

describe("--previous: the change of the total", () => {
  test("against the previous period (3 then): +6", async () => {
    const first = await runCli(["report", "上期", "--out", "上期通报.xlsx"], { cwd: dir });
    expect(first.code).toBe(0);
    const before = (await readBook(path.join(dir, "上期通报.xlsx"))).getWorksheet("汇总")!;
    expect(before.getCell("A2").value).toMatch(/\u3000区级重点项目开工 3\/10$/);

    const r = await runCli(["report", "台账", "--out", "本期通报.xlsx", "--previous", "上期通报.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    const wb = await readBook(path.join(dir, "本期通报.xlsx"));
    expect(texts(wb.getWorksheet("汇总")!)).toContain(
      "区级重点项目开工（全区目标，不计入各单位得分）：全区 9 个，目标 10 个，尚差 1 个；较上期 +6（上期 3 个）。未评估的单位 1 个（台账缺少“区级重点”或“实际开工日期”列，不计入合计）：财源街道。",
    );
    expect(texts(wb.getWorksheet("本期变化")!)[1]).toMatch(/\u3000区级重点项目开工 9 个，较上期 \+6（上期 3 个）$/);
  });

  test("a previous bulletin written before the count (its data without keyStarts) still compares, and says it has no such figure", async () => {
    await editZip(path.join(dir, "上期通报.xlsx"), path.join(dir, "旧上期通报.xlsx"), async (name, text) =>
      /^customXml\/item\d+\.xml$/.test(name) ? (await text()).replace(/,"keyStarts":(\{[^}]*\}|null|\d+)/g, "") : undefined,
    );
    expect(await partText(path.join(dir, "旧上期通报.xlsx"), "customXml/item1.xml")).not.toContain("keyStarts");
    const r = await runCli(["report", "台账", "--out", "本期通报2.xlsx", "--previous", "旧上期通报.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    const wb = await readBook(path.join(dir, "本期通报2.xlsx"));
    expect(texts(wb.getWorksheet("汇总")!)).toContain(
      "区级重点项目开工（全区目标，不计入各单位得分）：全区 9 个，目标 10 个，尚差 1 个；上期通报无此项数据，不作比较。未评估的单位 1 个（台账缺少“区级重点”或“实际开工日期”列，不计入合计）：财源街道。",
    );
    // The rest of the comparison is as with the full data.
    const full = await readBook(path.join(dir, "本期通报.xlsx"));
    expect(sheetValues(wb.getWorksheet("问题清单")!)).toEqual(sheetValues(full.getWorksheet("问题清单")!));
  });
});
