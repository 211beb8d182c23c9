/** The text report of the sample, in Chinese and in English, and the copy of it in the README. */
import * as fs from "fs";
import * as path from "path";
import { SAMPLE_PLANTED } from "../sample/sampleLedger";
import { runCli } from "./helpers";

test("the Chinese report: header, findings by sheet with cells, targets, SCORE and PENALTY", async () => {
  const { code, stdout, stderr } = await runCli(["check"]);
  expect(code).toBe(1);
  expect(stderr).toBe("");
  const lines = stdout.split("\n");
  expect(lines.slice(0, 4)).toEqual([
    "招商台账检查报告：assets/sample-ledger.xlsx",
    "单位：财源街道（街道/镇）",
    "统计截止日：2022-09-30　活动期间：2022-08-01 至 2022-09-30",
    "台账：项目台账「项目台账」（表头第 3–4 行，数据 25 行）",
  ]);
  expect(stdout).toContain("问题：错误 10 个，警告 11 个");
  expect(stdout).toContain("【项目台账】 错误 10 个，警告 11 个");

  // Each planted finding is one line under its sheet: cell, severity, message, rule id.
  const sheetStart = lines.indexOf("【项目台账】 错误 10 个，警告 11 个");
  const targetsStart = lines.indexOf("【目标任务】");
  expect(sheetStart).toBeGreaterThan(0);
  expect(targetsStart).toBeGreaterThan(sheetStart);
  const findingLines = lines.slice(sheetStart + 1, targetsStart).filter((l) => l.trim() !== "");
  expect(findingLines).toHaveLength(SAMPLE_PLANTED.length);
  for (const p of SAMPLE_PLANTED) {
    expect(findingLines.some((l) => l.trimStart().startsWith(p.cell + " ") && l.endsWith(`(${p.rule})`))).toBe(true);
  }
  expect(findingLines).toContain("  J9    错误  计划开工日期 2022-09-15 已过（统计截止日 2022-09-30），项目仍未开工  (overdue-start)");

  const targetLines = lines.slice(targetsStart + 1, lines.indexOf("", targetsStart));
  expect(targetLines).toHaveLength(10);
  expect(targetLines).toContain("  重点在谈        未达标  完成 3，要求 4，差 1");
  expect(targetLines).toContain("  新开工          达标    完成 5，要求 3");
  expect(targetLines).toContain("  全年任务        未评估");
  expect(stdout).toMatch(/\n得分 SCORE：6\n扣分 PENALTY：7\n$/);
});

test("--lang en: the same report in English", async () => {
  const { code, stdout } = await runCli(["check", "--lang", "en"]);
  expect(code).toBe(1);
  expect(stdout).toMatch(/^zsledger check report: assets\/sample-ledger\.xlsx\nUnit: 财源街道 \(town\)\nAs of 2022-09-30; campaign window 2022-08-01 to 2022-09-30\n/);
  expect(stdout).toContain("Findings: 10 errors, 11 warnings");
  expect(stdout).toContain("  J9    error    planned start 2022-09-15 has passed (as of 2022-09-30) and the project has not started  (overdue-start)");
  expect(stdout).toContain("[Targets]");
  expect(stdout).toContain("  key negotiations          not met  3 of 4, 1 short");
  expect(stdout).toContain("  annual task               not assessed");
  expect(stdout).toMatch(/\nSCORE: 6\nPENALTY: 7\n$/);
  expect(stdout).not.toContain("错误");
});

test("--lang en in JSON: the messages change, the contract does not", async () => {
  const zh = JSON.parse((await runCli(["check", "--format", "json"])).stdout);
  const en = JSON.parse((await runCli(["check", "--format", "json", "--lang", "en"])).stdout);
  const strip = (r: typeof zh) => r.files[0].findings.map(({ message: _m, ...rest }: Record<string, unknown>) => rest);
  expect(strip(en)).toEqual(strip(zh));
  expect(en.files[0].findings.find((f: { cell: string }) => f.cell === "E17").message).toBe('investment "待定" is not an amount');
});

test("the README shows the sample's current report", async () => {
  const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
  expect(readme.startsWith("# zsledger 招商台账助手\n\n```sh\nnpm ci && npm run check\nnpm test\n```\n")).toBe(true);
  const { stdout } = await runCli(["check", "--exit-zero"]);
  expect(readme).toContain("```\n" + stdout + "```\n");
});
