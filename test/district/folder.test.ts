/**
 * Folder runs as a new user tries them (issue 14): every file of a folder is either checked or
 * listed with its reason; the tool's own outputs are recognised by their content; a unit sent twice
 * is one row; a workbook without a ledger is no unit; --out and --highlight never replace a
 * ledger or a file this tool did not write; temporary files are never opened through a planted
 * link. Each case asserts the bulletin's rows and the exit code.
 */
import { createHash } from "crypto";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli, tempDir } from "../cli/helpers";
import { workbookOf } from "../sample/writeSample";
import { sampleSheets, type SampleSheet } from "../sample/sampleLedger";
import { department, multiUnit, setting, townSheets } from "./fixtures";
import { editZip, readBook, sheetValues } from "./zipEdit";

let root: string;
let cleanup: () => void;
beforeAll(() => {
  const t = tempDir();
  root = t.dir;
  cleanup = t.cleanup;
});
afterAll(() => cleanup());

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

async function write(file: string, sheets: readonly SampleSheet[], modified?: string): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const wb = workbookOf(sheets);
  if (modified) wb.modified = new Date(modified);
  await wb.xlsx.writeFile(file);
  return file;
}

function town(name: string, asOf = "2022-09-30"): SampleSheet[] {
  return townSheets(name, (_p, sheets) => setting(sheets, "统计截止日", d(asOf)));
}

/**
 * 汇总's unit rows as [单位, 来源文件], and the lines below the table from the note on reading it
 * (the line before it, the district's key starts, is keyStarts.test.ts's).
 */
async function summary(file: string): Promise<{ units: [unknown, unknown][]; notes: string[] }> {
  const ws = (await readBook(file)).getWorksheet("汇总")!;
  const header = (ws.getRow(3).values as unknown[]).slice(1);
  const source = header.indexOf("来源文件") + 1;
  const units: [unknown, unknown][] = [];
  let r = 4;
  for (; ws.getRow(r).getCell(2).value; r++) units.push([ws.getRow(r).getCell(2).value, ws.getRow(r).getCell(source).value]);
  const notes: string[] = [];
  for (; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(1).value;
    if (typeof v === "string") notes.push(v);
  }
  expect(notes[0]).toMatch(/^区级重点项目开工（全区目标，不计入各单位得分）：/);
  expect(notes[1]).toMatch(/^说明：/);
  return { units, notes: notes.slice(1) };
}

const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
const LEGACY = "这是旧版 Excel（.xls）或 WPS 表格（.et）格式，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查";
const CSV = "这是文本文件（可能是改了扩展名的 CSV），不是 .xlsx 工作簿，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查";
const COUNTED = "已跳过 1 个隐藏文件或文件夹（名称以“.”开头）、1 个 Excel/WPS 锁定文件（名称以“~$”开头，打开文件时自动生成）";

describe("every file of the folder is checked or listed with its reason", () => {
  let dir: string;
  let run: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    dir = path.join(root, "格式");
    await write(path.join(dir, "街道", "财源街道招商引资台账.xlsx"), town("财源街道"));
    // A macro-enabled workbook is an .xlsx with macros: read like one.
    await write(path.join(dir, "街道", "岱庙街道招商引资台账.xlsm"), town("岱庙街道"));
    fs.writeFileSync(path.join(dir, "省庄镇招商引资台账.xls"), OLE);
    fs.writeFileSync(path.join(dir, "天平街道招商引资台账.et"), OLE);
    fs.writeFileSync(path.join(dir, "数据.csv"), "单位,项目名称\n财源街道,数字经济产业园项目\n");
    fs.writeFileSync(path.join(dir, "说明.docx"), "not a ledger");
    fs.writeFileSync(path.join(dir, ".DS_Store"), "");
    fs.writeFileSync(path.join(dir, "街道", "~$财源街道招商引资台账.xlsx"), Buffer.from("王敏", "utf16le"));
    // A pipe named like a workbook: opening it would wait forever for a writer.
    execFileSync("mkfifo", [path.join(dir, "管道.xlsx")]);
    fs.mkdirSync(path.join(root, "别处"), { recursive: true });
    fs.symlinkSync(path.join(root, "别处"), path.join(dir, "链接"));
    // Run from a sibling folder: the bulletin names files below the folder, never ../格式/….
    fs.mkdirSync(path.join(root, "工作"), { recursive: true });
    run = await runCli(["report", path.join("..", "格式"), "--out", "通报.xlsx"], { cwd: path.join(root, "工作") });
  });

  test("exit 1: three spreadsheets cannot be read; stderr says so for every file", () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("已写入通报 通报.xlsx：2 个单位，3 个文件无法读取（列在“汇总”表下方）\n");
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      `zsledger: 无法检查 ../格式/省庄镇招商引资台账.xls：${LEGACY}`,
      `zsledger: 无法检查 ../格式/数据.csv：${CSV}`,
      `zsledger: 无法检查 ../格式/天平街道招商引资台账.et：${LEGACY}`,
      "zsledger: 未检查 ../格式/管道.xlsx：不是普通文件（管道、设备等），不打开",
      "zsledger: 未检查 ../格式/链接：这是指向文件夹的链接，不跟随",
      "zsledger: 未检查 ../格式/说明.docx：不是表格文件",
      `zsledger: ${COUNTED}`,
      "zsledger: 共检查 5 个文件，其中 3 个无法读取（已跳过）",
    ]);
  });

  test("the bulletin: the .xlsx and the .xlsm are units (named below the folder); the rest is listed", async () => {
    const { units, notes } = await summary(path.join(root, "工作", "通报.xlsx"));
    expect(units).toEqual([
      ["财源街道", "街道/财源街道招商引资台账.xlsx"],
      ["岱庙街道", "街道/岱庙街道招商引资台账.xlsm"],
    ]);
    expect(notes.slice(1)).toEqual([
      "无法读取的文件（3 个，未计入本通报）：",
      `省庄镇招商引资台账.xls：${LEGACY}`,
      `数据.csv：${CSV}`,
      `天平街道招商引资台账.et：${LEGACY}`,
      "未检查的文件（5 个）：",
      "管道.xlsx：不是普通文件（管道、设备等），不打开",
      "链接：这是指向文件夹的链接，不跟随",
      "说明.docx：不是表格文件",
      `另${COUNTED}。`,
    ]);
  });

  test("check on the same folder: the same files, the JSON lists what it did not check", async () => {
    const r = await runCli(["check", "格式", "--format", "json"], { cwd: root });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { files: { file: string }[]; skipped: { file: string; reason: string }[] };
    // zh-CN name order: 街 (jiē) < 省 (shěng) < 数 (shù) < 天 (tiān).
    expect(json.files.map((f) => f.file)).toEqual(["格式/街道/财源街道招商引资台账.xlsx", "格式/街道/岱庙街道招商引资台账.xlsm", "格式/省庄镇招商引资台账.xls", "格式/数据.csv", "格式/天平街道招商引资台账.et"]);
    expect(json.skipped).toEqual([
      { file: "格式/管道.xlsx", reason: "不是普通文件（管道、设备等），不打开" },
      { file: "格式/链接", reason: "这是指向文件夹的链接，不跟随" },
      { file: "格式/说明.docx", reason: "不是表格文件" },
    ]);
  });
});

describe("the tool's own outputs are recognised by their content, whatever their names", () => {
  let dir: string;
  let run: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    dir = path.join(root, "本期");
    const caiyuan = await write(path.join(dir, "街道", "财源街道招商引资台账.xlsx"), town("财源街道"));
    await write(path.join(dir, "街道", "岱庙街道招商引资台账.xlsx"), town("岱庙街道"));
    // Last period's bulletin, renamed; and one written by the version before the marker.
    await runCli(["report", "街道", "--out", "0915.xlsx"], { cwd: dir });
    const old = new ExcelJS.Workbook();
    old.creator = "zsledger 招商台账助手";
    old.title = "全区招商引资集中攻坚活动半月通报（截至2022年9月15日）";
    old.addWorksheet("汇总").getCell("A1").value = old.title;
    await old.xlsx.writeFile(path.join(dir, "旧通报.xlsx"));
    // A highlighted copy as written; and another the unit edited and saved (its parts changed, the marker kept).
    fs.mkdirSync(path.join(dir, "标记"));
    await runCli(["check", caiyuan, "--highlight", path.join(dir, "标记", "财源街道-副本.xlsx")], { cwd: dir });
    await editZip(path.join(dir, "标记", "财源街道-副本.xlsx"), path.join(dir, "财源街道（修改后）.xlsx"), async (name, text) =>
      name === "docProps/app.xml" ? `${await text()}<!-- saved again -->` : undefined,
    );
    // Both the unit's ledger and its edited copy record the same save time: the files' times decide.
    fs.utimesSync(caiyuan, new Date("2022-09-29T02:00:00Z"), new Date("2022-09-29T02:00:00Z"));
    fs.utimesSync(path.join(dir, "财源街道（修改后）.xlsx"), new Date("2022-09-30T03:30:00Z"), new Date("2022-09-30T03:30:00Z"));
    run = await runCli(["report", "本期", "--out", "0930.xlsx"], { cwd: root });
  });

  test("exit 0; the bulletins and the unchanged copy are left out, saying so; the edited copy is the unit's ledger", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("已写入通报 0930.xlsx：2 个单位\n");
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      "zsledger: 未检查 本期/0915.xlsx：这是本工具生成的通报，不是台账",
      "zsledger: 未检查 本期/标记/财源街道-副本.xlsx：这是本工具生成的标记副本（生成后未改动），不是报送的台账",
      "zsledger: 未检查 本期/旧通报.xlsx：这是本工具生成的通报，不是台账",
      "zsledger: 共检查 3 个文件，全部读取成功",
      "zsledger: 单位“财源街道”重复报送：采用较新的 财源街道（修改后）.xlsx（文件修改时间 2022-09-30 11:30 晚于 2022-09-29 10:00），未采用 街道/财源街道招商引资台账.xlsx",
    ]);
  });

  test("the bulletin: one row per unit, no phantom unit from the bulletins", async () => {
    const { units, notes } = await summary(path.join(root, "0930.xlsx"));
    expect(units).toEqual([
      ["财源街道", "财源街道（修改后）.xlsx"],
      ["岱庙街道", "街道/岱庙街道招商引资台账.xlsx"],
    ]);
    expect(notes.slice(1)).toEqual([
      "重复报送（1 个单位，各取较新的一份）：",
      "财源街道：采用 财源街道（修改后）.xlsx（文件修改时间 2022-09-30 11:30 晚于 2022-09-29 10:00），未采用 街道/财源街道招商引资台账.xlsx",
      "未检查的文件（3 个）：",
      "0915.xlsx：这是本工具生成的通报，不是台账",
      "标记/财源街道-副本.xlsx：这是本工具生成的标记副本（生成后未改动），不是报送的台账",
      "旧通报.xlsx：这是本工具生成的通报，不是台账",
    ]);
  });

  test("a folder holding only the tool's outputs: nothing to report, exit 2", async () => {
    fs.mkdirSync(path.join(root, "只有通报"));
    fs.copyFileSync(path.join(dir, "0915.xlsx"), path.join(root, "只有通报", "通报.xlsx"));
    const r = await runCli(["report", "只有通报", "--out", "空.xlsx"], { cwd: root });
    expect(r).toEqual({ code: 2, stdout: "", stderr: "zsledger: 未检查 只有通报/通报.xlsx：这是本工具生成的通报，不是台账\nzsledger: 没有可检查的台账文件\n" });
    expect(fs.existsSync(path.join(root, "空.xlsx"))).toBe(false);
  });

  test("check leaves them out of a folder too, but checks one named on the command line", async () => {
    const r = await runCli(["check", "本期", "--format", "json"], { cwd: root });
    const json = JSON.parse(r.stdout) as { files: { file: string }[]; skipped: { file: string; reason: string }[] };
    expect(json.files.map((f) => f.file)).toEqual(["本期/财源街道（修改后）.xlsx", "本期/街道/财源街道招商引资台账.xlsx", "本期/街道/岱庙街道招商引资台账.xlsx"]);
    expect(json.skipped.map((s) => s.file)).toEqual(["本期/0915.xlsx", "本期/标记/财源街道-副本.xlsx", "本期/旧通报.xlsx"]);
    const named = JSON.parse((await runCli(["check", path.join("本期", "标记", "财源街道-副本.xlsx"), "--format", "json"], { cwd: root })).stdout);
    expect(named.files[0].findings.length).toBeGreaterThan(10);
  });
});

describe("a unit sent twice is one row: the newer file, the other listed under 重复报送", () => {
  let run: { code: number; stdout: string; stderr: string };
  let out: string;
  beforeAll(async () => {
    const dir = path.join(root, "重复");
    // By the as-of date the ledger states.
    await write(path.join(dir, "财源街道招商引资台账.xlsx"), town("财源街道", "2022-09-15"));
    await write(path.join(dir, "财源街道招商引资台账(0930).xlsx"), town("财源街道"));
    // By the save time the workbook records (the files' own times say the opposite).
    const older = await write(path.join(dir, "岱庙街道招商引资台账(改).xlsx"), town("岱庙街道"), "2022-09-28T01:00:00Z");
    const newer = await write(path.join(dir, "岱庙街道招商引资台账.xlsx"), town("岱庙街道"), "2022-09-30T08:00:00Z");
    fs.utimesSync(older, new Date("2022-10-02T00:00:00Z"), new Date("2022-10-02T00:00:00Z"));
    fs.utimesSync(newer, new Date("2022-10-01T00:00:00Z"), new Date("2022-10-01T00:00:00Z"));
    // A unit both in a summary sheet of several units and in its own, newer, file.
    await write(path.join(dir, "区直部门汇总台账.xlsx"), multiUnit());
    const own = department().map((s) => ({ ...s, grid: s.grid.map((row) => row.map((v) => (typeof v === "string" ? v.replace(/区商务局/g, "区工信局") : v))) }));
    await write(path.join(dir, "区工信局招商台账.xlsx"), own, "2022-09-30T09:00:00Z");
    out = path.join(root, "重复通报.xlsx");
    run = await runCli(["report", "重复", "--out", out], { cwd: root });
  });

  test("exit 0; stderr names each kept file and why it is the newer", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`已写入通报 ${out}：5 个单位\n`);
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      "zsledger: 共检查 6 个文件，全部读取成功",
      "zsledger: 单位“财源街道”重复报送：采用较新的 财源街道招商引资台账(0930).xlsx（统计截止日 2022-09-30 晚于 2022-09-15），未采用 财源街道招商引资台账.xlsx",
      "zsledger: 单位“岱庙街道”重复报送：采用较新的 岱庙街道招商引资台账.xlsx（工作簿记录的保存时间 2022-09-30 16:00，晚于 2022-09-28 09:00），未采用 岱庙街道招商引资台账(改).xlsx",
      "zsledger: 单位“区工信局”重复报送：采用较新的 区工信局招商台账.xlsx（工作簿记录的保存时间 2022-09-30 17:00，晚于 2022-09-30 16:00），未采用 区直部门汇总台账.xlsx",
    ]);
  });

  test("汇总: each unit once, from the kept file; 逾期未开工 and 问题清单 carry none of the other file's rows", async () => {
    const { units, notes } = await summary(out);
    expect(units.map(([unit, file]) => `${unit} ${file}`).sort()).toEqual(
      [
        "区发改局 区直部门汇总台账.xlsx",
        "区工信局 区工信局招商台账.xlsx",
        "区文旅局 区直部门汇总台账.xlsx",
        "岱庙街道 岱庙街道招商引资台账.xlsx",
        "财源街道 财源街道招商引资台账(0930).xlsx",
      ].sort(),
    );
    expect(notes).toContain("重复报送（3 个单位，各取较新的一份）：");
    const wb = await readBook(out);
    const sources = (sheet: string, unitCol: number, sourceCol: number) =>
      sheetValues(wb.getWorksheet(sheet)!).slice(2).filter((r) => r && r[unitCol - 1] === "区工信局").map((r) => String(r[sourceCol - 1]));
    // The summary sheet's 智能制造产业园项目 (overdue) is 区工信局's no more: its own file's projects are.
    expect(sources("逾期未开工", 2, 10).length).toBeGreaterThan(0);
    for (const s of sources("逾期未开工", 2, 10)) expect(s).toMatch(/^区工信局招商台账\.xlsx \//);
    expect(sources("问题清单", 2, 3).length).toBeGreaterThan(0);
    for (const s of sources("问题清单", 2, 3)) expect(s).toBe("区工信局招商台账.xlsx");
    expect(JSON.stringify(sheetValues(wb.getWorksheet("逾期未开工")!))).not.toContain("智能制造产业园项目");
  });
});

describe("a workbook with no ledger (a 工资表) is no unit, and counts as unreadable", () => {
  const payroll: SampleSheet[] = [
    {
      name: "工资表",
      grid: [
        ["2022年9月工资表", null, null, null, null],
        ["姓名", "岗位", "基本工资", "绩效工资", "实发工资"],
        ["王敏", "科员", 4200, 1800, 5600],
        ["张伟", "科长", 5200, 2300, 6900],
      ],
      merges: [{ top: 1, left: 1, bottom: 1, right: 5 }],
    },
  ];
  beforeAll(async () => {
    await write(path.join(root, "工资", "财源街道招商引资台账.xlsx"), sampleSheets());
    await write(path.join(root, "工资", "9月工资表.xlsx"), payroll);
    await write(path.join(root, "只有工资", "9月工资表.xlsx"), payroll);
  });

  test("report: listed as 未识别台账, not a row; exit 1", async () => {
    const r = await runCli(["report", "工资", "--out", "工资通报.xlsx"], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("已写入通报 工资通报.xlsx：1 个单位，1 个文件未识别台账（列在“汇总”表下方）\n");
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      "zsledger: 未识别台账 工资/9月工资表.xlsx：工作簿中没有找到项目台账、外出招商台账、客商邀请台账、例会记录，不作为单位的台账",
      "zsledger: 共检查 2 个文件，其中 1 个未识别台账（已跳过）",
    ]);
    const { units, notes } = await summary(path.join(root, "工资通报.xlsx"));
    expect(units).toEqual([["财源街道", "财源街道招商引资台账.xlsx"]]);
    expect(notes.slice(1, 3)).toEqual(["未识别台账的文件（1 个，未计入本通报）：", "9月工资表.xlsx：工作簿中没有找到项目台账、外出招商台账、客商邀请台账、例会记录，不作为单位的台账"]);
  });

  test("only a 工资表: no bulletin, exit 2", async () => {
    const r = await runCli(["report", "只有工资", "--out", "空通报.xlsx"], { cwd: root });
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(fs.existsSync(path.join(root, "空通报.xlsx"))).toBe(false);
  });

  test("check: in a folder it counts like an unreadable file (exit 1); named alone it is checked as before (exit 0)", async () => {
    const folder = await runCli(["check", "工资", "--exit-zero"], { cwd: root });
    expect(folder.stderr).toContain("zsledger: 未识别台账 工资/9月工资表.xlsx：");
    expect(folder.stderr).toContain("zsledger: 共检查 2 个文件，其中 1 个未识别台账（已跳过）\n");
    const strict = await runCli(["check", "只有工资"], { cwd: root });
    expect(strict.code).toBe(2);
    const alone = await runCli(["check", path.join("工资", "9月工资表.xlsx")], { cwd: root });
    expect(alone.code).toBe(0);
  });
});

describe("--out and --highlight never replace a ledger, or a file this tool did not write, without --force", () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(root, "输出");
    await write(path.join(dir, "台账", "城关镇.xlsx"), town("城关镇"));
    await write(path.join(dir, "台账", "财源街道.xlsx"), town("财源街道"));
    await write(path.join(dir, "别人的.xlsx"), town("别人"));
  });

  test("--out one of the ledgers being checked: exit 2, even with --force; the ledger is untouched", async () => {
    const ledger = path.join(dir, "台账", "城关镇.xlsx");
    const before = sha(ledger);
    for (const force of [[], ["--force"]]) {
      const r = await runCli(["report", "台账", "--out", path.join("台账", "城关镇.xlsx"), ...force], { cwd: dir });
      expect(r).toEqual({ code: 2, stdout: "", stderr: "zsledger: --out 的输出文件 台账/城关镇.xlsx 是要检查的台账之一，请另取一个文件名\n" });
    }
    expect(sha(ledger)).toBe(before);
  });

  test("--out over a file the tool did not write: exit 2 without --force; replaced with it; then replaced again freely", async () => {
    const other = path.join(dir, "别人的.xlsx");
    const before = sha(other);
    const refused = await runCli(["report", "台账", "--out", "别人的.xlsx"], { cwd: dir });
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr: "zsledger: --out 的输出文件 别人的.xlsx 已存在，且不是本工具生成的通报（或生成后已被修改），不会被替换；请另取一个文件名，或加 --force 替换它\n",
    });
    expect(sha(other)).toBe(before);
    expect(await runCli(["report", "台账", "--out", "别人的.xlsx", "--force"], { cwd: dir })).toMatchObject({ code: 0 });
    const { units } = await summary(other);
    expect(units.map(([u]) => u).sort()).toEqual(["城关镇", "财源街道"].sort());
    // Now it is this tool's bulletin, as written: the next run replaces it without --force.
    expect(await runCli(["report", "台账", "--out", "别人的.xlsx"], { cwd: dir })).toMatchObject({ code: 0 });
    // Someone edits and saves it: it is theirs again.
    await editZip(other, path.join(dir, "改过.xlsx"), async (name, text) => (name === "docProps/app.xml" ? `${await text()}<!-- saved -->` : undefined));
    fs.renameSync(path.join(dir, "改过.xlsx"), other);
    expect(await runCli(["report", "台账", "--out", "别人的.xlsx"], { cwd: dir })).toMatchObject({ code: 2 });
  });

  test("--highlight over a file the tool did not write: exit 2 before anything is printed; its own copy is replaced", async () => {
    const ledger = path.join("台账", "城关镇.xlsx");
    const other = path.join(dir, "别人的2.xlsx");
    fs.copyFileSync(path.join(dir, "台账", "财源街道.xlsx"), other);
    const before = sha(other);
    const refused = await runCli(["check", ledger, "--highlight", "别人的2.xlsx"], { cwd: dir });
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr: "zsledger: --highlight 的输出文件 别人的2.xlsx 已存在，且不是本工具生成的标记副本（或生成后已被修改），不会被替换；请另取一个文件名，或加 --force 替换它\n",
    });
    expect(sha(other)).toBe(before);
    expect((await runCli(["check", ledger, "--highlight", "别人的2.xlsx", "--force"], { cwd: dir })).code).toBe(1);
    expect(sha(other)).not.toBe(before);
    expect((await runCli(["check", ledger, "--highlight", "别人的2.xlsx"], { cwd: dir })).code).toBe(1);
  });
});

describe("temporary files: random names created exclusively beside the output, never a planted link", () => {
  let dir: string;
  let victim: string;
  beforeAll(async () => {
    dir = path.join(root, "链接");
    await write(path.join(dir, "台账", "财源街道.xlsx"), town("财源街道"));
    victim = path.join(root, "重要文件.txt");
    fs.writeFileSync(victim, "不能被改写");
  });
  const tmpFiles = () => fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"));

  test("links planted at the old predictable names are neither followed nor removed", async () => {
    const planted = [`.通报.xlsx.${process.pid}.tmp`, `.通报.xlsx.${process.pid}.raw.tmp`, `.标记.xlsx.${process.pid}.tmp`];
    for (const name of planted) fs.symlinkSync(victim, path.join(dir, name));
    expect((await runCli(["report", "台账", "--out", "通报.xlsx"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["check", path.join("台账", "财源街道.xlsx"), "--highlight", "标记.xlsx"], { cwd: dir })).code).toBe(1);
    expect(fs.readFileSync(victim, "utf8")).toBe("不能被改写");
    expect(fs.lstatSync(path.join(dir, "通报.xlsx")).isFile()).toBe(true);
    expect(tmpFiles().sort()).toEqual([...planted].sort());
    for (const name of planted) fs.rmSync(path.join(dir, name));
  });

  test("--out that is a link to another file: refused; with --force the link is replaced, its target untouched", async () => {
    fs.symlinkSync(victim, path.join(dir, "链接通报.xlsx"));
    expect((await runCli(["report", "台账", "--out", "链接通报.xlsx"], { cwd: dir })).code).toBe(2);
    expect((await runCli(["report", "台账", "--out", "链接通报.xlsx", "--force"], { cwd: dir })).code).toBe(0);
    expect(fs.readFileSync(victim, "utf8")).toBe("不能被改写");
    expect(fs.lstatSync(path.join(dir, "链接通报.xlsx")).isFile()).toBe(true);
    expect(tmpFiles()).toEqual([]);
  });
});

