/**
 * 列名对照 through the command line: the workbook's own section, even when 台账设置 is the last tab of a
 * streamed file, and the district config's "columnNames"; a bad config entry stops the run in one line.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../../src/core/sheet";
import { d, oneLine, runCli, tempDir, writeWorkbook } from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/** 东城镇's projects ledger, its planned start headed 开工节点（计划）: a wording no synonym or pattern reads. */
const PROJECTS: CellValue[][] = [
  ["东城镇招商引资项目台账"],
  ["项目名称", "总投资", "项目状态", "签约日期", "开工节点", "实际开工日期", "到位资金", "投洽会签约", "重点在谈", "专家论证"],
  ["东城智能制造项目", 8000, "签约", d("2022-08-01"), d("2022-09-15"), null, 0, "否", "否", "否"],
  ["东城冷链物流项目", 15000, "签约", d("2022-09-01"), null, null, 0, "否", "否", "否"],
];

const settings = (extra: CellValue[][] = []) => ({ name: "台账设置", merges: [], grid: [["项目", "值"], ["统计截止日", "2022-09-30"], ...extra] });

async function check(file: string, ...args: string[]): Promise<{ code: number; report: Json; stderr: string }> {
  const r = await runCli(["check", file, "--format", "json", ...args], { cwd: dir });
  return { code: r.code, report: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

const onProjects = (report: Json) => report.files[0].findings.filter((f: Json) => f.sheet === "项目台账").map((f: Json) => `${f.rule}@${f.cell}`);

test("without a mapping, one missing-column names the close header and no row is said to lack a planned start", async () => {
  const file = await writeWorkbook(path.join(dir, "东城镇-无对照.xlsx"), [{ name: "项目台账", merges: [], grid: PROJECTS }, settings()]);
  const { report } = await check(file);
  expect(onProjects(report)).toEqual(["missing-column@A2"]);
  expect(report.files[0].findings[report.files[0].findings.length - 1].message).toContain("相近的表头：“开工节点”（E2）");
});

test("台账设置 as the last tab: its 列名对照 reaches the ledger streamed before it", async () => {
  const file = await writeWorkbook(path.join(dir, "东城镇-设置在后.xlsx"), [
    { name: "项目台账", merges: [], grid: PROJECTS },
    settings([["列名对照"], ["计划开工日期", "开工节点"]]),
  ]);
  const { report } = await check(file);
  expect(onProjects(report)).toEqual(["overdue-start@E3", "missing-planned-start@E4"]);
});

test("the district config's columnNames, a header or a list of them", async () => {
  const file = await writeWorkbook(path.join(dir, "东城镇-配置.xlsx"), [{ name: "项目台账", merges: [], grid: PROJECTS }, settings()]);
  fs.writeFileSync(path.join(dir, "district.json"), JSON.stringify({ columnNames: { 计划开工日期: ["拟开工节点", "开工节点"] } }));
  const { report } = await check(file, "--config", "district.json");
  expect(onProjects(report)).toEqual(["overdue-start@E3", "missing-planned-start@E4"]);
});

test.each([
  [{ columnNames: { 计划开工日其: "开工节点" } }, /columnNames\.计划开工日其.*不是台账的列名，最接近的列名是“计划开工日期”$/],
  [{ columnNames: { 计划开工日期: "" } }, /columnNames\.计划开工日期 应为本单位的表头文字/],
  [{ columnNames: { 计划开工日期: "开工节点", 实际开工日期: "开工节点" } }, /表头“开工节点”已对应“计划开工日期”/],
  [{ columnNames: ["计划开工日期"] }, /columnNames 应为 JSON 对象/],
])("a bad columnNames entry %j stops the run in one line", async (config, message) => {
  const file = await writeWorkbook(path.join(dir, "东城镇-坏配置.xlsx"), [{ name: "项目台账", merges: [], grid: PROJECTS }]);
  fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify(config));
  const { code, stderr } = await check(file, "--config", "bad.json");
  expect(code).toBe(2);
  expect(oneLine(stderr)).toMatch(message);
});
