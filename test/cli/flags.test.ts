/**
 * Flags win over the workbook's 台账设置 (统计截止日 2022-09-30 in the sample), which wins over the
 * defaults; wrong arguments exit 2 with one line in the user's language.
 */
import { oneLine, runCli } from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function sampleJson(...flags: string[]): Promise<{ code: number; file: Json; asOf: string }> {
  const out = await runCli(["check", "--format", "json", ...flags]);
  const report = JSON.parse(out.stdout);
  return { code: out.code, file: report.files[0], asOf: report.asOf };
}

const ruleAt = (file: Json, cell: string) => file.findings.filter((f: Json) => f.cell === cell).map((f: Json) => f.rule);
const target = (file: Json, id: string) => file.targets.find((t: Json) => t.id === id);

test("--as-of wins over 统计截止日: J9 (planned 2022-09-15) is due soon on 2022-09-10, overdue on 2022-09-30", async () => {
  const sheet = await sampleJson();
  expect(ruleAt(sheet.file, "J9")).toEqual(["overdue-start"]);
  const flag = await sampleJson("--as-of", "2022-09-10");
  expect(flag.asOf).toBe("2022-09-10");
  expect(ruleAt(flag.file, "J9")).toEqual(["start-due-soon"]);
  // J10 (planned 2022-10-10) is a month away from 2022-09-10: pending, no finding.
  expect(ruleAt(flag.file, "J10")).toEqual([]);
});

test("--due-soon-days 0: a start 10 days away is no longer due soon", async () => {
  const { file } = await sampleJson("--due-soon-days", "0");
  expect(ruleAt(file, "J10")).toEqual([]);
  expect(file.warnings).toBe(10);
});

test("--project-points, --trip-points and --fair-bonus change SCORE and PENALTY", async () => {
  // B = 4: on-time 3×4, late 3×(4/2), not-started −4/2, not-implementable −2×4, fair bonus 2×1 → 10;
  // penalty 2 + 8 + one missing principal trip 2×1 → 12.
  const b = await sampleJson("--project-points", "4");
  expect([b.file.score, b.file.penalty]).toEqual([10, 12]);
  // P = 3: the missing principal trip costs 2×3.
  const p = await sampleJson("--trip-points", "3");
  expect(p.file.penalty).toBe(1 + 4 + 6);
  const f = await sampleJson("--fair-bonus", "0");
  expect(f.file.score).toBe(4);
});

test("--annual-task assesses 全年任务 against 80% of the task, in 万元 or 亿", async () => {
  // Funds in place add up to 32800 万元.
  const wan = await sampleJson("--annual-task", "50000");
  expect(target(wan.file, "annual-task")).toEqual({ id: "annual-task", met: false, actual: 32800, required: 40000, gap: 7200 });
  const yi = await sampleJson("--annual-task", "4亿");
  expect(target(yi.file, "annual-task")).toEqual({ id: "annual-task", met: true, actual: 32800, required: 32000, gap: 0 });
});

test("--window-start/--window-end move the campaign window", async () => {
  // With the window in September only, the 8-01 … 8-29 meetings and the 8-09 principal trip fall out.
  const { file } = await sampleJson("--window-start", "2022-09-01", "--window-end", "2022-09-30");
  expect(target(file, "weekly-meetings")).toMatchObject({ met: true, actual: 3, required: 3 });
  expect(target(file, "trips-main")).toMatchObject({ met: false, actual: 1, gap: 2 });
});

test("--unit-kind, by id or Chinese word, wins over 单位类型", async () => {
  const park = await sampleJson("--unit-kind", "园区");
  expect(park.file.unitKind).toBe("park");
  const dept = await sampleJson("--unit-kind", "department");
  expect(dept.file.unitKind).toBe("department");
  expect(dept.file.targets.map((t: Json) => t.id)).toEqual(["trips-main", "no-blank", "owner-promotions", "weekly-meetings", "annual-task"]);
  // A department needs 2 principal trips: the sample's 2 meet it.
  expect(target(dept.file, "trips-main")).toMatchObject({ met: true, required: 2 });
});

test("--as-of takes every full date form 台账设置 takes", async () => {
  for (const written of ["2022/9/10", "2022年9月10日", "20220910"]) expect((await sampleJson("--as-of", written)).asOf).toBe("2022-09-10");
});

test("--fair-start-deadline: the sample's fair projects (actual starts 8-20 and 9-15) count only when they start before it", async () => {
  expect(target((await sampleJson()).file, "fair-signing")).toMatchObject({ met: true, actual: 2, gap: 0 });
  // 9-01: row 6 (actual 8-20) counts, row 7 (planned 9-10, actual 9-15) does not.
  const late = await sampleJson("--fair-start-deadline", "2022-09-01");
  expect(target(late.file, "fair-signing")).toMatchObject({ met: false, actual: 1, gap: 1 });
  expect(late.file.findings.filter((f: Json) => f.rule === "fair-start-late").map((f: Json) => f.cell)).toEqual(["J7"]);
});

test("--unit-name names the unit in the report", async () => {
  const { stdout } = await runCli(["check", "--unit-name", "财源街道办事处"]);
  expect(stdout.split("\n")[1]).toBe("单位：财源街道办事处（街道/镇）");
});

test("--exit-zero: exit 0 when the report was produced, even with error findings", async () => {
  expect((await runCli(["check", "--exit-zero"])).code).toBe(0);
  expect((await runCli(["check", "--exit-zero", "--as-of", "2022-02-30"])).code).toBe(2);
});

describe("wrong arguments: exit 2, one line on stderr, nothing on stdout", () => {
  const cases: [string[], RegExp][] = [
    [["check", "--as-of", "2022-02-30"], /^zsledger: --as-of 的值“2022-02-30”无法识别，应为完整的日期，如 2022-09-30$/],
    [["check", "--as-of", "2022年9月"], /^zsledger: --as-of 的值“2022年9月”无法识别，应为完整的日期/],
    [["check", "--window-start", "2022-10-01", "--window-end", "2022-09-30"], /活动开始日 2022-10-01 晚于活动结束日 2022-09-30/],
    [["check", "--unit-kind", "县"], /^zsledger: --unit-kind 的值“县”无法识别/],
    [["check", "--due-soon-days", "-3"], /--due-soon-days 的值“-3”无法识别，应为不小于 0 的整数天数/],
    [["check", "--due-soon-days", "2.5"], /--due-soon-days 的值“2.5”无法识别，应为不小于 0 的整数天数/],
    [["check", "--project-points", "两分"], /--project-points 的值“两分”无法识别，应为不小于 0 的数/],
    [["check", "--annual-task", "500万美元"], /--annual-task 的值“500万美元”无法识别，应为大于 0 的人民币金额/],
    [["check", "--fair-start-deadline", "明年3月"], /--fair-start-deadline 的值“明年3月”无法识别，应为完整的日期/],
    [["check", "--format", "xml"], /--format 的值“xml”无效，可选：text、json/],
    [["check", "--lang", "fr"], /--lang 的值“fr”无效，可选：zh、en/],
    [["check", "--as-of"], /^zsledger: 选项 --as-of 缺少取值$/],
    [["check", "--asof", "2022-09-30"], /^zsledger: 未知选项 --asof，运行 zsledger check --help 查看用法$/],
    [["chek"], /^zsledger: 未知命令 chek/],
    [[], /^zsledger: 缺少命令，用法：zsledger check/],
  ];
  test.each(cases)("%j", async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(oneLine(stderr)).toMatch(message);
  });

  test("in English with --lang en", async () => {
    const { code, stderr } = await runCli(["check", "--lang", "en", "--as-of", "yesterday"]);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toBe('zsledger: --as-of expects a full date such as 2022-09-30, got "yesterday"');
    expect(oneLine((await runCli(["check", "--bogus", "--lang=en"])).stderr)).toBe("zsledger: unknown option --bogus; run zsledger check --help for usage");
  });
});

test("--help prints the usage in Chinese and exits 0", async () => {
  const { code, stdout, stderr } = await runCli(["check", "--help"]);
  expect(code).toBe(0);
  expect(stderr).toBe("");
  expect(stdout).toMatch(/^用法： zsledger check \[options\] \[files\.\.\.\]/);
  for (const flag of ["--as-of", "--unit-kind", "--window-start", "--window-end", "--plan-deadline", "--fair-start-deadline", "--due-soon-days", "--project-points", "--fair-bonus", "--trip-points", "--annual-task", "--unit-name", "--format", "--lang", "--exit-zero"]) {
    expect(stdout).toContain(flag);
  }
  expect((await runCli(["check", "--help", "--lang", "en"])).stdout).toMatch(/^Usage: zsledger check/);
});
