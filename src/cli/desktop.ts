/**
 * zsledger.exe for people who do not type commands. On Windows a workbook or a folder dragged onto
 * the executable starts it with the dropped paths as its only arguments, and a double-click starts
 * it with none; either way Windows closes the console window the moment the program ends. So here:
 * each dropped workbook is checked and its report saved next to it; a dropped folder is checked
 * and its report and bulletin saved next to the folder; with nothing dropped a short usage text is
 * shown; and the window then waits for a key.
 *
 * The work is the command line's own (run(): the same checks, words and exit codes); this module
 * only chooses names that are free, writes the files and talks to the window. It never replaces a
 * file: a name already taken gets " (2)", " (3)" … instead.
 */
import * as fs from "fs";
import * as path from "path";
import type { Text } from "./messages";
import type { RunIO, Writable } from "./io";
import { run } from "./run";

export interface DesktopIO {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Where the closing key press comes from (the console; a pipe or nothing in tests). */
  readonly stdin: KeySource;
  /** Relative paths are read from here (default: the process's working directory). */
  readonly cwd?: string;
  /** Today: the date in a bulletin's file name, and the check's default as-of date (tests pin it). */
  readonly today?: Date;
}

interface KeySource {
  readonly isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
  once(event: "data" | "end" | "error", listener: () => void): unknown;
  removeAllListeners(event: "data" | "end" | "error"): unknown;
  resume(): unknown;
  pause(): unknown;
  destroy?(): unknown;
}

/** The first arguments that mean someone typed a command: such a run is the plain command line. */
const COMMANDS = new Set(["check", "report"]);

/** Set to 1 to get this behaviour from `node dist/cli/main.js` (how the tests reach it on any system). */
const DESKTOP_ENV = "ZSLEDGER_DESKTOP";

/**
 * Whether a start looks like a drop or a double-click: the standalone executable on Windows (or
 * ZSLEDGER_DESKTOP=1) whose arguments are no command and no flag. `zsledger.exe check …` typed in
 * a console stays the command line, with every flag of the README.
 */
export function isDesktopStart(argv: readonly string[], where: { platform: string; sea: boolean; env: NodeJS.ProcessEnv }): boolean {
  const chosen = where.env[DESKTOP_ENV] === "1" || (where.platform === "win32" && where.sea);
  if (!chosen) return false;
  return argv.length === 0 || !(COMMANDS.has(argv[0]) || argv[0].startsWith("-"));
}

/** Whether this process is a single-executable application (Node's `sea` module, Node 20.12+). */
export function runningAsSea(): boolean {
  try {
    // Required here, not imported: a Node without the module still runs the plain command line.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sea = require("node:sea") as Partial<typeof import("node:sea")>;
    return typeof sea.isSea === "function" && sea.isSea();
  } catch {
    return false;
  }
}

/** What a double-click shows; the standalone executables' README.txt opens with it too (scripts/release). */
const DESKTOP_USAGE: Text = {
  zh: [
    "招商台账助手 zsledger — 检查招商引资台账",
    "",
    "用法：把台账工作簿（.xlsx）或装有各单位台账的文件夹拖到 zsledger.exe 的图标上。",
    "  · 拖入一个工作簿：检查它，在它旁边保存“<文件名>-检查报告.txt”。",
    "  · 拖入一个文件夹：检查其中（含子文件夹）所有 .xlsx，在文件夹旁边保存",
    "    “<文件夹名>-检查报告.txt”和半月通报“<文件夹名>-通报YYYYMMDD.xlsx”。",
    "  已有的文件不会被覆盖：同名时加 (2)、(3)……",
    "",
    "在命令提示符或 PowerShell 中可使用全部选项，例如：",
    "  zsledger.exe check 台账.xlsx --as-of 2022-09-30",
    "  zsledger.exe report 台账文件夹 --out 通报.xlsx",
    "  zsledger.exe --help",
  ].join("\n"),
  en: [
    "zsledger checks investment-campaign ledgers. Drag a workbook (.xlsx) or a folder of ledgers onto",
    "zsledger.exe: the report (and, for a folder, the bulletin) is saved next to it, never over an",
    "existing file. In a console, `zsledger.exe --help` lists every command and flag.",
  ].join("\n"),
};

const WORDS = {
  checking: (what: string): Text => ({ zh: `正在检查 ${what} …`, en: `Checking ${what} …` }),
  reportSaved: (file: string): Text => ({ zh: `检查报告已保存：${file}`, en: `Report saved: ${file}` }),
  cannotSave: (file: string, code: string): Text => ({
    zh: `无法保存 ${file}（${code}），请确认该文件夹可以写入`,
    en: `cannot save ${file} (${code}); check that the folder is writable`,
  }),
  noFreeName: (file: string): Text => ({ zh: `${file} 及其 (2)…(999) 均已存在，未保存`, en: `${file} and (2)…(999) all exist; nothing saved` }),
  pressAnyKey: { zh: "按任意键关闭窗口…", en: "Press any key to close this window…" },
  reportFolder: "检查报告",
  bulletinStem: "通报",
  folderFallback: "台账",
} as const;

/** Both languages, Chinese first, as this window has no --lang. */
function both(text: Text): string {
  return `${text.zh}\n${text.en}`;
}

export async function desktop(argv: readonly string[], io: DesktopIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let code = 0;
  if (argv.length === 0) {
    io.stdout.write(`${DESKTOP_USAGE.zh}\n\n${DESKTOP_USAGE.en}\n\n`);
  } else {
    for (const input of argv) {
      const full = path.resolve(cwd, input);
      const one = isDirectory(full) ? await dropFolder(full, io) : await dropFile(full, io);
      code = Math.max(code, one);
      io.stdout.write("\n");
    }
  }
  io.stdout.write(`${both(WORDS.pressAnyKey)}\n`);
  await anyKey(io.stdin);
  return code;
}

/** A workbook: its report on the screen and in `<name>-检查报告.txt` beside it. */
async function dropFile(full: string, io: DesktopIO): Promise<number> {
  const dir = path.dirname(full);
  const name = path.basename(full);
  io.stdout.write(`${WORDS.checking(shown(full)).zh}\n\n`);
  const checked = await capture(["check", name], dir, io, true);
  // Exit 2: nothing could be read; the one line on the screen says why, and there is nothing to save.
  if (checked.code === 2) return 2;
  const saved = saveText(dir, `${stem(name)}-${WORDS.reportFolder}`, reportFile(checked), io);
  return saved ? checked.code : 2;
}

/** A folder: every workbook below it checked, the report and the bulletin saved beside the folder. */
async function dropFolder(full: string, io: DesktopIO): Promise<number> {
  const parent = path.dirname(full);
  // A drive's root has no name of its own, and no folder beside it: its outputs go into it.
  const name = path.basename(full);
  const input = name === "" ? full : name;
  const label = name === "" ? WORDS.folderFallback : name;
  io.stdout.write(`${WORDS.checking(shown(full)).zh}\n`);
  const checked = await capture(["check", input], parent, io, false);
  if (checked.code === 2) return 2;
  if (!saveText(parent, `${label}-${WORDS.reportFolder}`, reportFile(checked), io)) return 2;

  const bulletin = reserve(parent, `${label}-${WORDS.bulletinStem}${yyyymmdd(io.today ?? new Date())}`, ".xlsx", io);
  if (bulletin === null) return 2;
  // --force: the file at `bulletin` is the empty one reserve() just created, ours to replace.
  const reported = await capture(["report", input, "--out", bulletin, "--force"], parent, io, true);
  // The name was reserved by an empty file of ours: take it back when no bulletin was written.
  if (reported.code === 2) fs.rmSync(bulletin, { force: true });
  return Math.max(checked.code, reported.code);
}

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one command of the command line in `cwd`. Its lines go to the window as they come (stdout
 * only when `echoStdout`: a folder's report is long, and it is in the file); the progress bar, drawn
 * when the window is a terminal, is shown but kept out of what is saved.
 */
async function capture(argv: string[], cwd: string, io: DesktopIO, echoStdout: boolean): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const runIO: RunIO = {
    cwd,
    today: io.today,
    stdout: {
      write: (s: string) => {
        stdout += s;
        if (echoStdout) io.stdout.write(s);
      },
    },
    stderr: {
      isTTY: io.stderr.isTTY,
      columns: io.stderr.columns,
      write: (s: string) => {
        if (!s.startsWith("\r")) stderr += s;
        io.stderr.write(s);
      },
    },
  };
  const code = await run(argv, runIO);
  return { code, stdout, stderr };
}

/**
 * The saved report: what the command printed, then its lines about unreadable files and counts.
 * With a byte-order mark and CRLF line ends, so that every Notepad (also Windows 7's) shows it.
 */
function reportFile(c: Captured): string {
  const text = c.stderr === "" ? c.stdout : `${c.stdout.replace(/\n*$/, "\n")}\n${c.stderr}`;
  return "\uFEFF" + text.replace(/\r?\n/g, "\r\n");
}

function saveText(dir: string, base: string, text: string, io: DesktopIO): string | null {
  const file = reserve(dir, base, ".txt", io);
  if (file === null) return null;
  try {
    fs.writeFileSync(file, text, "utf8");
  } catch (e) {
    fs.rmSync(file, { force: true });
    io.stderr.write(`zsledger: ${WORDS.cannotSave(shown(file), (e as NodeJS.ErrnoException).code ?? String(e)).zh}\n`);
    return null;
  }
  io.stdout.write(`${WORDS.reportSaved(shown(file)).zh}\n`);
  return file;
}

/**
 * A free name in `dir` — `base.ext`, else `base (2).ext`, `base (3).ext` … — taken by creating the
 * file empty and exclusively, so that nothing existing is ever written over, not even by a race.
 */
function reserve(dir: string, base: string, ext: string, io: DesktopIO): string | null {
  for (let n = 1; n <= 999; n++) {
    const file = path.join(dir, n === 1 ? `${base}${ext}` : `${base} (${n})${ext}`);
    try {
      fs.closeSync(fs.openSync(file, "wx"));
      return file;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST") continue;
      io.stderr.write(`zsledger: ${WORDS.cannotSave(shown(file), code ?? String(e)).zh}\n`);
      return null;
    }
  }
  io.stderr.write(`zsledger: ${WORDS.noFreeName(shown(path.join(dir, base + ext))).zh}\n`);
  return null;
}

/** Waits for one key in a console; for a pipe, for its first data or its end (never forever on a closed one). */
function anyKey(stdin: KeySource): Promise<void> {
  return new Promise((resolve) => {
    const raw = stdin.isTTY === true && typeof stdin.setRawMode === "function";
    const done = () => {
      stdin.removeAllListeners("data");
      stdin.removeAllListeners("end");
      stdin.removeAllListeners("error");
      if (raw) stdin.setRawMode!(false);
      stdin.pause();
      // A paused pipe still holds the process open; nothing reads stdin after this key.
      stdin.destroy?.();
      resolve();
    };
    if (raw) stdin.setRawMode!(true);
    stdin.once("data", done);
    stdin.once("end", done);
    stdin.once("error", done);
    stdin.resume();
  });
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A file name without its last extension (`台账.xlsx` → `台账`; `.xlsx` alone stays). */
function stem(name: string): string {
  const ext = path.extname(name);
  return ext && ext !== name ? name.slice(0, -ext.length) : name;
}

function yyyymmdd(d: Date): string {
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
}

/** A path as the window shows it: control characters (a hostile file name) written as \u{…}, never sent to the console. */
function shown(p: string): string {
  return [...p].map((c) => (isControl(c.codePointAt(0)!) ? `\\u{${c.codePointAt(0)!.toString(16)}}` : c)).join("");
}

/** C0 and C1 controls, and the bidirectional overrides that can make a name read as another. */
function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}
