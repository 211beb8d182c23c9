/**
 * `zsledger check DIR...`: every .xlsx below the folders, one JSON entry per file exactly as a
 * single check gives it; an unreadable file is reported and the rest goes on; lock files and
 * hidden folders are skipped; progress on a terminal, a count line always.
 */
import * as fs from "fs";
import * as path from "path";
import { runCli } from "../cli/helpers";
import { run } from "../../src/cli/run";
import { useDistrict } from "./fixtures";

const district = useDistrict();

interface Report {
  asOf: string;
  files: ({ file: string; error: string } | { file: string; findings: unknown[]; errors: number; units?: unknown[] })[];
}

test("a folder: every ledger below it in name order, the broken one reported, lock files and hidden folders skipped", async () => {
  const { code, stdout, stderr } = await runCli(["check", "台账", "--format", "json"], { cwd: district().dir });
  expect(code).toBe(1);
  const report = JSON.parse(stdout) as Report;
  const f = district().files;
  // zh-CN collation: 部门 (bù) < 街道 (jiē) < 天平 (tiān) < 园区 (yuán); names inside a folder likewise.
  expect(report.files.map((x) => x.file)).toEqual([f.department, f.multi, f.caiyuan, f.daimiao, f.shengzhuang, f.broken, f.park]);
  for (const skipped of district().skipped) expect(report.files.map((x) => x.file)).not.toContain(skipped);

  const broken = report.files.find((x) => x.file === f.broken)!;
  expect(Object.keys(broken)).toEqual(["file", "error"]);
  expect((broken as { error: string }).error).toMatch(/^文件不完整/);

  const lines = stderr.split("\n").filter(Boolean);
  expect(lines).toEqual([
    `zsledger: 无法检查 ${f.broken}：${(broken as { error: string }).error}`,
    "zsledger: 未检查 台账/街道/说明.docx：不是表格文件",
    "zsledger: 已跳过 1 个隐藏文件或文件夹（名称以“.”开头）、1 个 Excel/WPS 锁定文件（名称以“~$”开头，打开文件时自动生成）",
    "zsledger: 共检查 7 个文件，其中 1 个无法读取（已跳过）",
  ]);
  expect(stderr).not.toContain("\r");
  // The JSON lists what was not checked, with the reason.
  expect((JSON.parse(stdout) as { skipped: unknown }).skipped).toEqual([{ file: "台账/街道/说明.docx", reason: "不是表格文件" }]);
});

test("each file's entry in a batch is exactly what checking that file alone gives", async () => {
  const batch = JSON.parse((await runCli(["check", "台账", "--format", "json"], { cwd: district().dir })).stdout) as Report;
  for (const file of Object.values(district().files)) {
    const alone = JSON.parse((await runCli(["check", file, "--format", "json"], { cwd: district().dir })).stdout) as Report;
    expect(batch.files.find((x) => x.file === file)).toEqual(alone.files[0]);
  }
  expect(batch.asOf).toBe("2022-09-30");
});

test("folders and files mixed; a file named twice (or inside a folder also given) is checked once", async () => {
  const { code, stdout } = await runCli(["check", district().files.park, "台账/园区", path.join("台账", "园区", "..", "园区"), "--format", "json"], { cwd: district().dir });
  expect(code).toBe(1);
  expect((JSON.parse(stdout) as Report).files.map((x) => x.file)).toEqual([district().files.park]);
});

test("the text report of a folder: one report per readable file", async () => {
  const { stdout } = await runCli(["check", "台账"], { cwd: district().dir });
  expect(stdout.match(/^招商台账检查报告：/gm)).toHaveLength(6);
  expect(stdout).toContain(`招商台账检查报告：${district().files.shengzhuang}`);
});

test("a folder without ledgers: exit 2 with one line", async () => {
  fs.mkdirSync(path.join(district().dir, "空文件夹", "子目录"), { recursive: true });
  const { code, stdout, stderr } = await runCli(["check", "空文件夹"], { cwd: district().dir });
  expect(code).toBe(2);
  expect(stdout).toBe("");
  expect(stderr).toBe("zsledger: 文件夹 空文件夹 中没有找到 .xlsx 台账文件\n");
});

test("only unreadable files in the folder: exit 2", async () => {
  const only = path.join(district().dir, "只有坏文件");
  fs.mkdirSync(only);
  fs.copyFileSync(path.join(district().dir, district().files.broken), path.join(only, "坏.xlsx"));
  const { code, stdout } = await runCli(["check", "只有坏文件", "--format", "json"], { cwd: district().dir });
  expect(code).toBe(2);
  expect(JSON.parse(stdout).files).toEqual([{ file: path.join("只有坏文件", "坏.xlsx"), error: expect.stringMatching(/^文件不完整/) }]);
});

test("on a terminal, a progress bar on stderr, redrawn in place and cleared at the end", async () => {
  let stderr = "";
  let stdout = "";
  const code = await run(["check", "台账", "--format", "json", "--lang", "en"], {
    cwd: district().dir,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: true, columns: 100 },
  });
  expect(code).toBe(1);
  const frames = stderr.split("\r\x1b[K").filter(Boolean);
  // One frame per file as it starts (the last frames name the last file), then the bar is wiped.
  expect(frames.filter((s) => s.startsWith("checking "))).toHaveLength(7);
  expect(frames[0]).toMatch(/^checking 0\/7 \[░{24}\] 台账\/部门\/区商务局招商台账\.xlsx$/);
  expect(frames.find((s) => s.startsWith("checking 6/7"))).toMatch(/\[█{21}░{3}\] 台账\/园区\/泰山高新区招商引资台账\.xlsx$/);
  for (const frame of frames.filter((s) => s.startsWith("checking "))) expect(frame.length).toBeLessThanOrEqual(99);
  // After the bar: the unreadable file and the count, on lines of their own.
  expect(stderr.endsWith(frames[frames.length - 1])).toBe(true);
  expect(frames[frames.length - 1]).toMatch(
    /^zsledger: cannot check 台账\/天平街道招商引资台账\.xlsx: .*\nzsledger: not checked: 台账\/街道\/说明\.docx: not a spreadsheet\nzsledger: skipped 1 hidden file or folder \(names starting with "\."\) and 1 Excel\/WPS lock file \(names starting with "~\$", made while a file is open\)\nzsledger: 7 files checked, 1 could not be read \(skipped\)\n$/,
  );
  expect(JSON.parse(stdout).files).toHaveLength(7);
});
