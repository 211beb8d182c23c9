/**
 * `--config district.json`: settings common to the district win over each workbook's 台账设置,
 * command-line flags win over the config; units get their kind and annual task by name (aliases
 * resolved); a bad config stops the run with one clear line.
 */
import * as fs from "fs";
import * as path from "path";
import { oneLine, runCli } from "../cli/helpers";
import { CONFIG, useDistrict } from "./fixtures";

const district = useDistrict();

interface Target {
  id: string;
  met: boolean | null;
  actual: number | null;
  required: number | null;
}
interface FileEntry {
  file: string;
  unitKind: string;
  targets: Target[];
  findings: { rule: string; message: string }[];
  score: number;
  penalty: number;
  units?: { unit: string; unitKind: string }[];
}

async function check(args: string[]): Promise<{ code: number; files: FileEntry[]; stderr: string }> {
  const r = await runCli(["check", ...args, "--format", "json"], { cwd: district().dir });
  return { code: r.code, files: r.stdout ? (JSON.parse(r.stdout).files as FileEntry[]) : [], stderr: r.stderr };
}

function writeConfig(name: string, content: unknown): string {
  fs.writeFileSync(path.join(district().dir, name), typeof content === "string" ? content : JSON.stringify(content));
  return name;
}

const annual = (f: FileEntry) => f.targets.find((t) => t.id === "annual-task")!;

test("the config's kind and annual task for a unit win over its 台账设置, found through an alias", async () => {
  // 省庄镇's 台账设置 says 单位名称 省庄镇人民政府, 单位类型 园区; the config: 省庄镇人民政府 → 省庄镇, a 街道 with 5亿.
  const without = (await check([district().files.shengzhuang])).files[0];
  expect(without.unitKind).toBe("park");
  expect(annual(without).met).toBeNull();

  const { files } = await check([district().files.shengzhuang, "--config", "district.json"]);
  expect(files[0].unitKind).toBe("town");
  expect(annual(files[0])).toMatchObject({ required: 40000, actual: 32800, met: false });
});

test("the config's common settings win over 台账设置, and flags win over the config", async () => {
  const config = writeConfig("later.json", { ...CONFIG, asOf: "2022-10-20", projectPoints: 4 });
  const viaConfig = await runCli(["check", district().files.caiyuan, "--config", config, "--format", "json"], { cwd: district().dir });
  const report = JSON.parse(viaConfig.stdout);
  expect(report.asOf).toBe("2022-10-20");
  // As of 10-20, the planned start of 2022-10-10 (row 10) has passed too.
  expect(report.files[0].findings.filter((f: { rule: string }) => f.rule === "overdue-start")).toHaveLength(2);
  expect(annual(report.files[0])).toMatchObject({ required: 48000 });

  const viaFlag = JSON.parse((await runCli(["check", district().files.caiyuan, "--config", config, "--as-of", "2022-09-30", "--annual-task", "1亿", "--format", "json"], { cwd: district().dir })).stdout);
  expect(viaFlag.asOf).toBe("2022-09-30");
  expect(viaFlag.files[0].findings.filter((f: { rule: string }) => f.rule === "overdue-start")).toHaveLength(1);
  expect(annual(viaFlag.files[0])).toMatchObject({ required: 8000 });
  // B = 4 from the config doubles the project points: on-time +4 ×3, late +2 ×3, not-started −2, not-implementable −8, fair +2.
  expect(viaFlag.files[0].score).toBe(12 + 6 - 2 - 8 + 2);
});

test("--unit-kind on the command line wins over the config's kind for the unit", async () => {
  const { files } = await check([district().files.shengzhuang, "--config", "district.json", "--unit-kind", "园区"]);
  expect(files[0].unitKind).toBe("park");
  expect(annual(files[0]).required).toBe(40000);
});

test("a sheet of several units keeps the kinds the engine infers per unit", async () => {
  const { files } = await check([district().files.multi, "--config", "district.json"]);
  expect(files[0].units!.map((u) => [u.unit, u.unitKind])).toEqual([
    ["区发改局", "department"],
    ["区工信局", "department"],
    ["区文旅局", "department"],
  ]);
});

describe("a bad config: exit 2 and one line that says what is wrong", () => {
  test.each([
    ["missing.json", null, /^zsledger: 无法读取配置文件 missing\.json（找不到文件 \/ no such file），请检查 --config 的路径$/],
    ["syntax.json", '{\n  "asOf": "2022-09-30",\n  "units": { "财源街道": { "kind": "街道" }, }\n}', /^zsledger: 配置文件 syntax\.json 不是有效的 JSON（第 3 行第 \d+ 列附近）/],
    ["array.json", "[1, 2]", /^zsledger: 配置文件 array\.json 中 顶层 \/ the top level 应为 JSON 对象/],
    ["typo.json", { asOff: "2022-09-30" }, /^zsledger: 配置文件 typo\.json 中有无法识别的项“asOff”，可用的项：district、asOf、/],
    ["unitname.json", { unitName: "财源街道" }, /^zsledger: 配置文件 unitname\.json 中有无法识别的项“unitName”/],
    ["twice.json", { asOf: "2022-09-30", 统计截止日: "2022-09-30" }, /^zsledger: 配置文件 twice\.json 中“asOf”和“统计截止日”是同一个设置项，请只写一个$/],
    ["date.json", { asOf: "2022-13-01" }, /^zsledger: date\.json: asOf 的值“2022-13-01”无法识别，应为完整的日期，如 2022-09-30$/],
    ["points.json", { projectPoints: -2 }, /^zsledger: points\.json: projectPoints 的值“-2”无法识别，应为不小于 0 的数，如 2 或 0\.5$/],
    ["kind.json", { units: { 财源街道: { kind: "村" } } }, /^zsledger: kind\.json: units\.财源街道\.kind 的值“村”无法识别/],
    ["unitkey.json", { units: { 财源街道: { task: 5 } } }, /^zsledger: 配置文件 unitkey\.json 中 units\.财源街道 有无法识别的项“task”，可用的项：kind、annualTask$/],
    ["task.json", { units: { 财源街道: { annualTask: "待定" } } }, /^zsledger: task\.json: units\.财源街道\.annualTask 的值“待定”无法识别，应为大于 0 的人民币金额/],
    ["alias.json", { aliases: { 财源街道办事处: "" } }, /^zsledger: 配置文件 alias\.json 中 aliases\.财源街道办事处 应为非空文字$/],
    ["loop.json", { aliases: { 甲: "乙", 乙: "甲" } }, /^zsledger: 配置文件 loop\.json 中 aliases 把“甲”映射到它自己或另一个别名/],
    ["window.json", { windowStart: "2022-10-01", windowEnd: "2022-08-01" }, /^zsledger: 活动开始日 2022-10-01 晚于活动结束日 2022-08-01，请检查 window\.json: windowStart \/ windowEnd$/],
  ])("%s", async (name, content, expected) => {
    if (content !== null) writeConfig(name, content);
    for (const command of [["check", "台账"], ["report", "台账", "--out", "通报.xlsx"]]) {
      const r = await runCli([...command, "--config", name], { cwd: district().dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(oneLine(r.stderr)).toMatch(expected);
    }
    expect(fs.existsSync(path.join(district().dir, "通报.xlsx"))).toBe(false);
  });

  test("in English with --lang en", async () => {
    writeConfig("typo-en.json", { units: { 财源街道: { kind: "村" } } });
    const r = await runCli(["check", "台账", "--config", "typo-en.json", "--lang", "en"], { cwd: district().dir });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe('zsledger: typo-en.json: units.财源街道.kind expects town, park, department or hq, got "村"');
  });
});
