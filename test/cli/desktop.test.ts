/**
 * zsledger.exe for people who do not type commands: a workbook or a folder dropped on it, or a
 * double-click. Windows starts the executable with the dropped paths as its only arguments; here
 * the compiled command (dist/cli/main.js) is started the same way, with ZSLEDGER_DESKTOP=1 standing
 * for "the standalone executable on Windows", and a key sent on stdin.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { isDesktopStart } from "../../src/cli/desktop";
import { tempDir } from "./helpers";

const ROOT = path.join(__dirname, "../..");
const MAIN = path.join(ROOT, "dist/cli/main.js");
const SAMPLE = path.join(ROOT, "assets/sample-ledger.xlsx");
const PROMPT = "按任意键关闭窗口…";

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  const build = spawnSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, encoding: "utf8" });
  expect(build.status).toBe(0);
});
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Starts the command as a drop of `args`, in `cwd`, and presses a key. */
function drop(args: string[], cwd = dir) {
  return spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: "utf8", input: "\n", env: { ...process.env, ZSLEDGER_DESKTOP: "1" } });
}

/** What the plain command line prints for the same check (the saved report must be exactly that). */
function plain(args: string[], cwd: string) {
  return spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, ZSLEDGER_DESKTOP: "" } });
}

/** A saved report as a Windows editor gets it, and as text. */
function savedReport(file: string): string {
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text).not.toMatch(/[^\r]\n/);
  return text.replace(/\r\n/g, "\n");
}

function localDay(d: Date): string {
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
}

describe("when the desktop behaviour applies", () => {
  const where = (platform: string, sea: boolean, env: NodeJS.ProcessEnv = {}) => ({ platform, sea, env });

  test("the executable on Windows, started with paths or nothing", () => {
    expect(isDesktopStart([], where("win32", true))).toBe(true);
    expect(isDesktopStart(["C:\\台账\\财源街道.xlsx"], where("win32", true))).toBe(true);
    expect(isDesktopStart(["D:\\各单位台账", "E:\\x.xlsx"], where("win32", true))).toBe(true);
  });

  test("a typed command or flag stays the command line, on Windows too", () => {
    expect(isDesktopStart(["check", "台账.xlsx"], where("win32", true))).toBe(false);
    expect(isDesktopStart(["report", "台账", "--out", "通报.xlsx"], where("win32", true))).toBe(false);
    expect(isDesktopStart(["--help"], where("win32", true))).toBe(false);
    expect(isDesktopStart(["-V"], where("win32", true))).toBe(false);
  });

  test("never for node itself or off Windows, unless ZSLEDGER_DESKTOP=1", () => {
    expect(isDesktopStart([], where("win32", false))).toBe(false);
    expect(isDesktopStart([], where("linux", true))).toBe(false);
    expect(isDesktopStart(["a.xlsx"], where("darwin", true))).toBe(false);
    expect(isDesktopStart(["a.xlsx"], where("linux", false, { ZSLEDGER_DESKTOP: "1" }))).toBe(true);
    expect(isDesktopStart(["a.xlsx"], where("linux", false, { ZSLEDGER_DESKTOP: "0" }))).toBe(false);
  });
});

test("a double-click (no argument): the Chinese usage, then the prompt; nothing written", () => {
  const r = drop([]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^招商台账助手 zsledger/);
  expect(r.stdout).toContain("拖到 zsledger.exe 的图标上");
  expect(r.stdout).toContain("zsledger.exe --help");
  expect(r.stdout.trimEnd().split("\n").slice(-2)).toEqual([PROMPT, "Press any key to close this window…"]);
  expect(fs.readdirSync(dir)).toEqual([]);
});

test("a workbook dropped: its report saved beside it, the same text the command prints, and shown", () => {
  fs.copyFileSync(SAMPLE, path.join(dir, "财源街道台账.xlsx"));
  const r = drop([path.join(dir, "财源街道台账.xlsx")], ROOT);
  const expected = plain(["check", "财源街道台账.xlsx"], dir);
  expect(expected.status).toBe(1);
  // The same exit code as the command: the sample has error findings.
  expect(r.status).toBe(1);
  const saved = path.join(dir, "财源街道台账-检查报告.txt");
  expect(savedReport(saved)).toBe(expected.stdout);
  expect(r.stdout).toContain(expected.stdout);
  expect(r.stdout).toContain(`检查报告已保存：${saved}`);
  expect(r.stdout.trimEnd()).toMatch(/按任意键关闭窗口…\nPress any key to close this window…$/);
  expect(fs.readdirSync(dir).sort()).toEqual(["财源街道台账-检查报告.txt", "财源街道台账.xlsx"].sort());
});

test("nothing the tool did not write is replaced: a taken name gets (2), then (3)", () => {
  fs.copyFileSync(SAMPLE, path.join(dir, "台账.xlsx"));
  const mine = path.join(dir, "台账-检查报告.txt");
  fs.writeFileSync(mine, "单位自己的文件，不能被覆盖");
  fs.writeFileSync(path.join(dir, "台账-检查报告 (2).txt"), "也是用户的");
  const r = drop(["台账.xlsx"]);
  expect(r.status).toBe(1);
  expect(fs.readFileSync(mine, "utf8")).toBe("单位自己的文件，不能被覆盖");
  expect(fs.readFileSync(path.join(dir, "台账-检查报告 (2).txt"), "utf8")).toBe("也是用户的");
  expect(savedReport(path.join(dir, "台账-检查报告 (3).txt"))).toMatch(/^招商台账检查报告：台账\.xlsx\n/);
  // Dropped again: a fourth name, the third report untouched.
  const before = fs.readFileSync(path.join(dir, "台账-检查报告 (3).txt"));
  drop(["台账.xlsx"]);
  expect(fs.readFileSync(path.join(dir, "台账-检查报告 (3).txt"))).toEqual(before);
  expect(fs.existsSync(path.join(dir, "台账-检查报告 (4).txt"))).toBe(true);
});

test("a folder dropped: report and bulletin beside the folder, nothing written inside it", async () => {
  const folder = path.join(dir, "九月台账");
  fs.mkdirSync(path.join(folder, "街道"), { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(folder, "街道", "财源街道.xlsx"));
  fs.writeFileSync(path.join(folder, "说明.txt"), "not a ledger");
  const before = fs.readdirSync(folder, { recursive: true }).sort();
  const dayBefore = localDay(new Date());
  const r = drop([folder], ROOT);
  const dayAfter = localDay(new Date());
  // The check's exit code (the sample has error findings); the bulletin was written (report's 0).
  expect(r.status).toBe(1);
  expect(fs.readdirSync(folder, { recursive: true }).sort()).toEqual(before);

  const expected = plain(["check", "九月台账"], dir);
  const report = savedReport(path.join(dir, "九月台账-检查报告.txt"));
  // The report, then the lines the command writes on stderr (the count line of a folder run).
  expect(report).toBe(`${expected.stdout.replace(/\n*$/, "\n")}\n${expected.stderr}`);
  expect(report).toContain("zsledger: 共检查 1 个文件，全部读取成功");

  const bulletins = fs.readdirSync(dir).filter((f) => /^九月台账-通报\d{8}\.xlsx$/.test(f));
  expect(bulletins).toHaveLength(1);
  expect([`九月台账-通报${dayBefore}.xlsx`, `九月台账-通报${dayAfter}.xlsx`]).toContain(bulletins[0]);
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, bulletins[0]));
  expect(wb.worksheets.map((s) => s.name)).toEqual(["汇总", "逾期未开工", "问题清单", "说明"]);
  expect(String(wb.worksheets[0].getCell("A1").value)).toContain("半月通报（截至2022年9月30日）");
  expect(r.stdout).toContain("已写入通报");
});

test("a folder whose bulletin name is taken: (2), the existing file untouched", () => {
  const folder = path.join(dir, "台账");
  fs.mkdirSync(folder);
  fs.copyFileSync(SAMPLE, path.join(folder, "财源街道.xlsx"));
  const today = localDay(new Date());
  const taken = path.join(dir, `台账-通报${today}.xlsx`);
  fs.writeFileSync(taken, "an older bulletin the district keeps");
  const r = drop(["台账"]);
  if (localDay(new Date()) !== today) return; // midnight passed during the run: the name differs anyway
  expect(r.status).toBe(1);
  expect(fs.readFileSync(taken, "utf8")).toBe("an older bulletin the district keeps");
  expect(
    fs
      .readFileSync(path.join(dir, `台账-通报${today} (2).xlsx`))
      .subarray(0, 2)
      .toString("latin1"),
  ).toBe("PK");
});

test("a file that cannot be checked: its one line, no report, exit 2, and the window still waits", () => {
  fs.writeFileSync(path.join(dir, "旧台账.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]));
  const r = drop(["旧台账.xls", "不存在.xlsx"]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("zsledger: 无法检查 旧台账.xls：");
  expect(r.stderr).toContain("zsledger: 无法检查 不存在.xlsx：");
  expect(r.stdout).toContain(PROMPT);
  expect(fs.readdirSync(dir)).toEqual(["旧台账.xls"]);
});

test("a folder without workbooks: said, nothing written", () => {
  fs.mkdirSync(path.join(dir, "空文件夹"));
  const r = drop(["空文件夹"]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^zsledger: .*空文件夹/m);
  expect(fs.readdirSync(dir)).toEqual(["空文件夹"]);
});

test("a hostile file name is shown escaped, not sent to the console as control characters", () => {
  const name = "台账\u001b[2J.xlsx";
  fs.copyFileSync(SAMPLE, path.join(dir, name));
  const r = drop([name]);
  expect(r.stdout).toContain("台账\\u{1b}[2J.xlsx");
  expect(fs.existsSync(path.join(dir, "台账\u001b[2J-检查报告.txt"))).toBe(true);
});

test("the window waits for the key: the process stays until stdin gives one", async () => {
  const child = spawn(process.execPath, [MAIN], { cwd: dir, env: { ...process.env, ZSLEDGER_DESKTOP: "1" }, stdio: ["pipe", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    let out = "";
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        if (out.includes("Press any key")) resolve();
      });
    });
    // Prompt shown: had the program not waited, it would be ending now. Give it the chance to.
    await new Promise((r) => setTimeout(r, 300));
    expect(child.exitCode).toBeNull();
    child.stdin.write("x");
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill();
  }
});

test("with ZSLEDGER_DESKTOP=1 a typed command is still the plain command line (no prompt, its exit code)", () => {
  const r = drop(["check", "--exit-zero"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^招商台账检查报告：assets\/sample-ledger\.xlsx\n/);
  expect(r.stdout).not.toContain(PROMPT);
});
