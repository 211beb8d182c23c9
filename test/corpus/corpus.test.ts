/**
 * The hostile corpus (makeCorpus.ts) through `zsledger check`: for every file, either a correct
 * report (exit 0 or 1, JSON of the contract's shape) or exit 2 with exactly one line on stderr
 * saying what is wrong and what to do — never a stack trace, never an unhandled rejection.
 *
 * Small files run in-process (run()); the million rows and the bombs run as child processes of
 * the built CLI (dist/cli/main.js, rebuilt incrementally first) with --max-old-space-size=2048
 * and a watchdog that kills a run past 120 s or 2 GB of memory: limits, not timing assertions.
 *
 *   ZSLEDGER_CORPUS_MEASURE=1  runs every file as a child process and prints its time and peak memory
 *   ZSLEDGER_CORPUS_FULL=1     adds the slow files left out of CI (two million findings)
 */
import { execFile, spawn } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RULE_IDS } from "../../src/core/rules/catalog";
import { terminalText } from "../../src/cli/terminal";
import { SAMPLE_PLANTED } from "../sample/sampleLedger";
import { runCli } from "../cli/helpers";
import {
  CJK_ROWS,
  CONTROL_NAME,
  CONTROL_NAME_BROKEN,
  CONTROL_PROJECT,
  CONTROL_SHEET,
  HUGE_SERIAL,
  MANY_FINDINGS_ROWS,
  MILLION,
  WIDE_ROWS,
  makeCorpus,
  writeUnitSample,
  type CorpusFile,
} from "./makeCorpus";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "main.js");
const TODAY = new Date(2022, 9, 1);
const MEASURE_ALL = process.env.ZSLEDGER_CORPUS_MEASURE === "1";
const FULL = process.env.ZSLEDGER_CORPUS_FULL === "1";

/** The watchdog's limits. */
const KILL_AFTER_MS = 120_000;
const MEMORY_LIMIT_MB = 2048;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the CLI answered for one file. */
interface Answer {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the child process; null in-process. */
  peakMb: number | null;
  killed: string | null;
}

// ---------------------------------------------------------------------------------------------
// What each file must get

type Expectation =
  /** Exit 2 and one line matching this (the zh message). */
  | { readonly refuse: RegExp }
  /** A report; `check` looks at the file's JSON entry. */
  | { readonly report: (file: Json) => void };

const PROJECTS = "项目台账";
const SAMPLE_LEDGERS = [
  [PROJECTS, "projects", 25],
  ["外出招商", "trips", 8],
  ["客商邀请", "invitations", 6],
  ["例会记录", "meetings", 9],
];
const planted = (rename: (sheet: string) => string = (s) => s) => SAMPLE_PLANTED.map((p) => `${rename(p.sheet)}!${p.cell} ${p.rule}`).sort();
const found = (file: Json) => file.findings.filter((f: Json) => f.sheet !== "").map((f: Json) => `${f.sheet}!${f.cell} ${f.rule}`).sort();
const ledgersOf = (file: Json) => file.ledgers.map((l: Json) => [l.sheet, l.kind, l.dataRows]);

/** The sample's answer, whatever dress the file wears. */
function isSample(rename?: (sheet: string) => string) {
  return (file: Json) => {
    expect(found(file)).toEqual(planted(rename));
    expect(ledgersOf(file)).toEqual(SAMPLE_LEDGERS.map(([s, k, n]) => [rename ? rename(s as string) : s, k, n]));
  };
}

const noLedger = (file: Json) => {
  expect(file.ledgers).toEqual([]);
  // A workbook without ledgers is told which ones it lacks, and nothing else.
  expect(file.findings.map((f: Json) => f.rule)).toEqual(file.findings.map(() => "missing-ledger"));
  expect(file.findings.length).toBeGreaterThan(0);
};

const DAMAGED = /文件已损坏.*另存为 \.xlsx/;

const EXPECTED: Readonly<Record<string, Expectation>> = {
  "sample.xlsx": { report: isSample() },
  "zero-bytes.xlsx": { refuse: /文件是空的（0 字节）.*重新获取/ },
  "random-bytes.xlsx": { refuse: /不是 Excel 工作簿.*另存为 \.xlsx/ },
  "truncated.xlsx": { refuse: /文件不完整.*重新获取/ },
  "truncated-end.xlsx": { refuse: /文件不完整.*重新获取/ },
  "old-binary.xls": { refuse: /旧版 Excel（\.xls）或 WPS 表格（\.et）.*另存为 \.xlsx/ },
  "legacy-renamed.xlsx": { refuse: /旧版 Excel（\.xls）或 WPS 表格（\.et）.*另存为 \.xlsx/ },
  "wps.et": { refuse: /旧版 Excel（\.xls）或 WPS 表格（\.et）.*另存为 \.xlsx/ },
  "password.xlsx": { refuse: /密码.*取消密码.*另存为 \.xlsx/ },
  "csv-renamed.xlsx": { refuse: /CSV.*另存为 \.xlsx/ },
  "utf16-text.xlsx": { refuse: /不是 Excel 工作簿.*另存为 \.xlsx/ },
  "html-table.xlsx": { refuse: /网页或 XML.*另存为 \.xlsx/ },
  "spreadsheetml-2003.xlsx": { refuse: /网页或 XML.*另存为 \.xlsx/ },
  "folder.xlsx": { refuse: /文件夹.*没有找到 \.xlsx/ },
  "docx-renamed.xlsx": { refuse: /不是 Excel 工作簿（缺少 xl\/workbook\.xml）/ },
  "zip-encrypted.xlsx": { refuse: /已加密.*另存为 \.xlsx/ },
  "bzip2-entries.xlsx": { refuse: DAMAGED },
  "broken-xml.xlsx": { refuse: DAMAGED },
  "broken-deflate.xlsx": { refuse: DAMAGED },
  "missing-sheet-part.xlsx": { refuse: DAMAGED },
  // Refused from the directory's sizes, before a byte is inflated.
  "zip-bomb.xlsx": { refuse: /疑似压缩炸弹，已拒绝读取/ },
  "zip-bomb-zip64.xlsx": { refuse: /疑似压缩炸弹，已拒绝读取/ },
  // The directory lies: caught by the size guard while inflating, at the declared size.
  "zip-bomb-forged.xlsx": { refuse: /超过其声明的大小，疑似压缩炸弹，已停止读取/ },
  "too-large.xlsx": { refuse: /超过 1\.0 GB 的上限.*拆分台账/ },
  "million-rows.xlsx": {
    report: (file) => {
      expect(ledgersOf(file)).toEqual([[PROJECTS, "projects", MILLION]]);
      expect(file.errors).toBe(0);
    },
  },
  "million-error-rows.xlsx": {
    report: (file) => {
      expect(ledgersOf(file)).toEqual([[PROJECTS, "projects", MILLION]]);
      expect(file.errors).toBe(2 * MILLION);
    },
  },
  "cjk-chunk-boundaries.xlsx": {
    report: (file) => {
      // A garbled 万 or 策划 would be an invalid amount or an unknown stage.
      expect(ledgersOf(file)).toEqual([[PROJECTS, "projects", CJK_ROWS]]);
      expect(file.findings.filter((f: Json) => f.severity === "error")).toEqual([]);
    },
  },
  "columns-16384.xlsx": {
    report: (file) => {
      expect(ledgersOf(file)).toEqual([[PROJECTS, "projects", WIDE_ROWS]]);
      expect(file.errors).toBe(0);
    },
  },
  "merged-chaos.xlsx": { report: isSample() },
  "all-errors.xlsx": {
    report: (file) => {
      // The headers still name the ledgers; every value is an error, and each one is reported.
      expect(file.ledgers.map((l: Json) => l.sheet)).toEqual(SAMPLE_LEDGERS.map(([s]) => s));
      const rules = new Set(found(file).map((f: string) => f.split(" ")[1]));
      for (const rule of ["invalid-amount", "invalid-date", "unknown-stage", "invalid-flag"]) expect(rules).toContain(rule);
      expect(found(file)).toContain(`${PROJECTS}!E7 invalid-amount`);
    },
  },
  "formulas-no-cache.xlsx": {
    report: (file) => {
      const f = found(file);
      // A formula never calculated is a blank: 总投资 missing; its cached string result is read.
      expect(f).toContain(`${PROJECTS}!E7 missing-value`);
      expect(f).toContain(`${PROJECTS}!J9 overdue-start`);
      expect(f).toContain(`${PROJECTS}!J11 missing-planned-start`);
    },
  },
  "rich-text.xlsx": { report: isSample() },
  "hyperlinks.xlsx": { report: isSample() },
  "proto-headers.xlsx": {
    report: (file) => {
      expect(ledgersOf(file)).toEqual([["__proto__", "projects", 3]]);
      expect(found(file)).toEqual(expect.arrayContaining(["__proto__!F4 unknown-stage", "__proto__!D3 invalid-amount"]));
    },
  },
  "cell-10mb.xlsx": { report: isSample() },
  // Hidden sheets and rows are data like any other.
  "hidden.xlsx": { report: isSample() },
  "sheet-names.xlsx": {
    report: isSample((s) => ({ 项目台账: "📊项目台账🚀", 外出招商: "外出招商✈️", 客商邀请: "客商邀请\u202Eمشروع", 例会记录: "例会记录 פרויקט" })[s] ?? s),
  },
  "date-1904.xlsx": { report: isSample() },
  "empty-workbook.xlsx": { report: noLedger },
  "no-sheets.xlsx": { report: noLedger },
  "settings-only.xlsx": { report: noLedger },
  "shared-strings-last.xlsx": { report: isSample() },
  "no-cell-refs.xlsx": { refuse: DAMAGED },
  "xxe.xlsx": { refuse: DAMAGED },
  "huge-row-numbers.xlsx": {
    report: (file) => {
      expect(ledgersOf(file)).toEqual([[PROJECTS, "projects", 3]]);
      expect(found(file)).toEqual([`${PROJECTS}!A99999999 missing-planned-start`, `${PROJECTS}!A99999999 missing-sign-date`]);
    },
  },
  // Issue 14: memory bounded part by part (and measured below, under the watchdog).
  "shared-strings-empty-runs.xlsx": { report: isSample() },
  "styles-bloat.xlsx": { report: isSample() },
  // The archive's ratio is diluted under the bomb threshold: the part's own declared size refuses it.
  "diluted-bomb.xlsx": { refuse: /文件异常：xl\/sharedStrings\.xml 解压后超过 512 MB，超过上限，未能读取/ },
  "many-findings.xlsx": {
    report: (file) => {
      expect(ledgersOf(file)).toEqual([[PROJECTS, "projects", MANY_FINDINGS_ROWS]]);
      expect(file.errors).toBe(2 * MANY_FINDINGS_ROWS);
    },
  },
  // Issue 14: answers that used to be silently wrong.
  "namespace-prefix.xlsx": { report: isSample() },
  "utf16-parts.xlsx": { report: isSample() },
  "crc-mismatch.xlsx": { refuse: /文件已损坏，无法读取（xl\/worksheets\/sheet1\.xml: CRC-32 mismatch）/ },
  "directory-points-elsewhere.xlsx": { refuse: /文件已损坏，无法读取（xl\/worksheets\/sheet2\.xml: overlapping entries）/ },
  "date-serial-1e15.xlsx": {
    report: (file) => {
      // I8 held the sign date of row 8: now it holds the serial, shown as written.
      expect(found(file)).toEqual([...planted(), `${PROJECTS}!I8 invalid-date`].sort());
      const i8 = file.findings.find((f: Json) => f.cell === "I8");
      expect(i8.message).toBe(`签约日期“${String(HUGE_SERIAL)}”无法识别为日期`);
    },
  },
  "bogus-dimension.xlsx": { report: isSample() },
  "fifo.xlsx": { refuse: /这不是普通文件，而是命名管道（FIFO），不能作为台账读取/ },
  "device.xlsx": { refuse: /这不是普通文件，而是字符设备，不能作为台账读取/ },
  [CONTROL_NAME]: {
    report: (file) => {
      isSample((s) => (s === PROJECTS ? CONTROL_SHEET : s))(file);
      // The data keeps every character (JSON escapes them); only the bytes on the terminal are escaped.
      const duplicate = file.findings.find((f: Json) => f.rule === "duplicate-project");
      expect(duplicate.message).toContain(CONTROL_PROJECT);
    },
  },
  [CONTROL_NAME_BROKEN]: { refuse: /不是 Excel 工作簿/ },
};

/** Control characters a terminal obeys (line feeds apart): none may reach stdout or stderr raw. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

// ---------------------------------------------------------------------------------------------
// Running the CLI

/** The contract's fields (issue 2), as test/cli/sample.test.ts pins them. */
const FILE_KEYS = ["file", "unitKind", "ledgers", "findings", "errors", "warnings", "targets", "score", "penalty"];
const FINDING_KEYS = ["sheet", "cell", "row", "field", "rule", "severity", "message"];

function expectAnswer(name: string, a: Answer, expected: Expectation): void {
  expect({ name, killed: a.killed }).toEqual({ name, killed: null });
  // Never a stack trace or a crash report, on either stream.
  for (const out of [a.stdout, a.stderr]) {
    expect(out).not.toMatch(/^\s+at .+/m);
    expect(out).not.toMatch(/UnhandledPromiseRejection|unhandled|FATAL ERROR|heap out of memory/i);
    expect({ name, raw: RAW_CONTROL.exec(out)?.[0] }).toEqual({ name, raw: undefined });
  }
  if ("refuse" in expected) {
    expect({ name, code: a.code }).toEqual({ name, code: 2 });
    const lines = a.stderr.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^zsledger: /);
    expect(lines[0]).toMatch(expected.refuse);
    // In JSON mode the file's entry carries the same sentence.
    if (a.stdout.trim() !== "") {
      const entry = JSON.parse(a.stdout).files[0];
      expect(Object.keys(entry)).toEqual(["file", "error"]);
      expect(lines[0]).toContain(entry.error);
    }
    return;
  }
  expect({ name, stderr: a.stderr }).toEqual({ name, stderr: "" });
  const report = JSON.parse(a.stdout);
  expect(Object.keys(report)).toEqual(["asOf", "files"]);
  const file = report.files[0];
  expect(Object.keys(file)).toEqual(expect.arrayContaining(FILE_KEYS));
  expect(a.code).toBe(file.errors > 0 ? 1 : 0);
  expect(file.errors + file.warnings).toBe(file.findings.length);
  for (const f of file.findings) {
    expect(Object.keys(f)).toEqual(expect.arrayContaining(FINDING_KEYS));
    expect(RULE_IDS).toContain(f.rule);
    if (f.row === null) expect(f.cell).toBe("");
    else expect(f.cell).toMatch(new RegExp(`^[A-Z]{1,3}${f.row}$`));
    expect(f.message).not.toBe("");
  }
  expected.report(file);
}

async function inProcess(file: CorpusFile, args: string[] = ["--format", "json"]): Promise<Answer> {
  const started = Date.now();
  const out = await runCli(["check", ...args, file.path], { today: TODAY });
  return { ...out, ms: Date.now() - started, peakMb: null, killed: null };
}

/**
 * A child process of the built CLI under the watchdog. A preload writes the child's peak memory
 * (resourceUsage().maxRSS) when it exits; the watchdog reads /proc while it runs (Linux).
 */
function child(file: CorpusFile, preload: string, args: string[] = ["--format", "json"]): Promise<Answer> {
  return command(["check", ...args, file.path], `${file.path}.measure.json`, preload);
}

/** Any command of the built CLI under the watchdog, with more environment variables. */
function command(argv: string[], measure: string, preload: string, env: Record<string, string> = {}): Promise<Answer> {
  fs.rmSync(measure, { force: true });
  const started = Date.now();
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [`--max-old-space-size=${MEMORY_LIMIT_MB}`, "-r", preload, CLI, ...argv], {
      env: { ...process.env, ...env, ZSLEDGER_MEASURE_OUT: measure },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    proc.stdout.on("data", (b: Buffer) => stdout.push(b));
    proc.stderr.on("data", (b: Buffer) => stderr.push(b));
    let killed: string | null = null;
    const kill = (why: string) => {
      if (killed) return;
      killed = why;
      proc.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill(`still running after ${KILL_AFTER_MS / 1000} s`), KILL_AFTER_MS);
    const watchdog = setInterval(() => {
      const rssMb = residentMb(proc.pid);
      if (rssMb !== null && rssMb > MEMORY_LIMIT_MB) kill(`over ${MEMORY_LIMIT_MB} MB of memory (${Math.round(rssMb)} MB)`);
    }, 200);
    proc.on("close", (code) => {
      clearTimeout(timer);
      clearInterval(watchdog);
      let peakMb: number | null = null;
      try {
        peakMb = (JSON.parse(fs.readFileSync(measure, "utf8")) as { maxRSS: number }).maxRSS / 1024;
      } catch {
        // killed before it could say
      }
      resolve({ code, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8"), ms: Date.now() - started, peakMb, killed });
    });
  });
}

function residentMb(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

const PRELOAD = `const fs = require("fs");
process.on("exit", () => {
  try { fs.writeFileSync(process.env.ZSLEDGER_MEASURE_OUT, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })); } catch {}
});
`;

/** dist/cli is compiled from src (tsc is incremental: quick when nothing changed). */
function buildCli(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")], { cwd: ROOT }, (error, stdout) => {
      // Type errors elsewhere still emit JavaScript; only a missing CLI stops the heavy runs.
      if (!fs.existsSync(CLI)) reject(new Error(`no ${CLI} after tsc: ${error?.message ?? ""} ${stdout}`));
      else resolve();
    });
  });
}

// ---------------------------------------------------------------------------------------------

let dir: string;
let preload: string;
let corpus: CorpusFile[] = [];
const answers = new Map<string, Answer>();
const rejections: unknown[] = [];
const onRejection = (e: unknown) => rejections.push(e);

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-corpus-"));
  preload = path.join(dir, "measure-preload.js");
  fs.writeFileSync(preload, PRELOAD);
  const files = path.join(dir, "files");
  fs.mkdirSync(files);
  [corpus] = await Promise.all([makeCorpus(files, { full: FULL }), buildCli()]);
}, 300_000);

afterAll(() => {
  process.off("unhandledRejection", onRejection);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  const rows = [...answers].map(([name, a]) => {
    const line = a.stderr.split("\n").find((l) => l !== "")?.replace(/^zsledger: 无法检查 [^：]+：/, "") ?? "(report)";
    const mem = a.killed ? "killed" : a.peakMb === null ? "in-process" : `${Math.round(a.peakMb)} MB`;
    return `${name.padEnd(26)} exit ${a.code}  ${String(a.ms).padStart(6)} ms  ${mem.padStart(10)}  ${line}`;
  });
  if (rows.length > 0) process.stdout.write(`\nzsledger corpus answers:\n${rows.join("\n")}\n`);
});

test("the corpus has at least 25 files, each with an expected answer", () => {
  expect(corpus.length).toBeGreaterThanOrEqual(25);
  const names = corpus.map((f) => f.name);
  for (const name of names) expect(Object.keys(EXPECTED)).toContain(name);
  // Every expectation has its file (the optional ones only in a full run).
  for (const name of Object.keys(EXPECTED)) if (name !== "million-error-rows.xlsx" || FULL) expect(names).toContain(name);
});

describe("in-process: a correct report, or exit 2 with one line that says what to do", () => {
  const light = () => corpus.filter((f) => !f.heavy);
  // The list is known only after beforeAll: one test walks it, naming each file in its failures.
  test("every small file, in JSON and in text", async () => {
    expect(light().length).toBeGreaterThan(0);
    for (const file of light()) {
      const answer = MEASURE_ALL ? await child(file, preload) : await inProcess(file);
      answers.set(file.name, answer);
      expectAnswer(file.name, answer, EXPECTED[file.name]);
      // The text report, in English: the same exit code; a refusal is the same one line.
      const text = await inProcess(file, ["--lang", "en"]);
      expect({ name: file.name, code: text.code }).toEqual({ name: file.name, code: answer.code });
      if ("refuse" in EXPECTED[file.name]) {
        expect(text.stdout).toBe("");
        expect(text.stderr.split("\n").filter((l) => l !== "")).toHaveLength(1);
        expect(text.stderr).toMatch(/^zsledger: /);
      } else {
        expect(text.stdout).toContain(terminalText(file.name));
        expect(text.stderr).toBe("");
      }
      expect({ name: file.name, raw: RAW_CONTROL.exec(text.stdout + text.stderr)?.[0] }).toEqual({ name: file.name, raw: undefined });
    }
    expect(rejections).toEqual([]);
  }, 300_000);

  test("headers and values named __proto__ or constructor leave Object.prototype alone", async () => {
    const file = corpus.find((f) => f.name === "proto-headers.xlsx")!;
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    await inProcess(file);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).projects).toBeUndefined();
  });

  test("an external entity is never read: nothing of /etc/passwd reaches the output", async () => {
    const a = await inProcess(corpus.find((f) => f.name === "xxe.xlsx")!);
    expect(a.stdout + a.stderr).not.toMatch(/root:|nologin|哈哈哈哈哈哈哈哈哈哈哈哈/);
  });
});

describe("child processes under the watchdog (120 s, 2 GB): the million rows and the bombs", () => {
  test("each answers within the limits, the bombs from the sizes alone", async () => {
    const heavy = corpus.filter((f) => f.heavy);
    expect(heavy.map((f) => f.name)).toEqual(expect.arrayContaining(["million-rows.xlsx", "zip-bomb.xlsx", "zip-bomb-forged.xlsx"]));
    // Every file is run (and measured) before the first failure is reported.
    const failures: unknown[] = [];
    for (const file of heavy) {
      const answer = await child(file, preload);
      answers.set(file.name, answer);
      try {
        expectAnswer(file.name, answer, EXPECTED[file.name]);
        // Refused before inflating: a bomb costs no more memory than starting the CLI does.
        if (file.name.startsWith("zip-bomb") || file.name === "too-large.xlsx" || file.name === "diluted-bomb.xlsx") {
          expect({ name: file.name, smallMemory: (answer.peakMb ?? 0) < 256 }).toEqual({ name: file.name, smallMemory: true });
        }
        // Issue 14: 60 MB of empty runs and a bloated styles part are read within 300 MB (they took 1.3 and 2.4 GB).
        if (file.name === "shared-strings-empty-runs.xlsx" || file.name === "styles-bloat.xlsx") {
          expect({ name: file.name, under300Mb: answer.peakMb !== null && answer.peakMb < 300 }).toEqual({ name: file.name, under300Mb: true });
        }
      } catch (e) {
        failures.push(e);
      }
    }
    if (failures.length > 0) throw failures[0];
  }, 15 * KILL_AFTER_MS);
});

describe("issue 14: one bad file is one line, in the command as shipped", () => {
  const corpusFile = (name: string) => corpus.find((f) => f.name === name)!;
  /** A folder of links to corpus files (a folder run follows links to files). */
  const folderOf = (name: string, files: Record<string, string>) => {
    const folder = path.join(dir, name);
    fs.mkdirSync(folder, { recursive: true });
    for (const [as, from] of Object.entries(files)) fs.symlinkSync(from, path.join(folder, as));
    return folder;
  };

  test("200,000 findings print in the text report", async () => {
    const file = corpusFile("many-findings.xlsx");
    const a = await child(file, preload, ["--as-of", "2022-09-30"]);
    answers.set("many-findings.xlsx (text)", a);
    expect({ killed: a.killed, code: a.code, stderr: a.stderr }).toEqual({ killed: null, code: 1, stderr: "" });
    const lines = a.stdout.split("\n");
    // "  A3       错误  已签约、开工、竣工或投洽会签约的项目缺签约日期  (missing-sign-date)"
    const findingLines = lines.filter((l) => /^ {2}[A-Z]+\d+ +错误 +.+ \((missing-sign-date|missing-planned-start)\)$/.test(l));
    expect(findingLines).toHaveLength(2 * MANY_FINDINGS_ROWS);
    expect(a.stdout).toMatch(new RegExp(`^问题：错误 ${2 * MANY_FINDINGS_ROWS} 个，警告 \\d+ 个$`, "m"));
  }, KILL_AFTER_MS + 10_000);

  test("report DIR: the diluted bomb is one line and listed in the bulletin of the two good ledgers", async () => {
    const town = path.join(dir, "省庄镇台账.xlsx");
    await writeUnitSample(town, "省庄镇");
    const folder = folderOf("report-diluted", { "财源街道.xlsx": corpusFile("sample.xlsx").path, "省庄镇.xlsx": town, "diluted-bomb.xlsx": corpusFile("diluted-bomb.xlsx").path });
    const out = path.join(dir, "通报-diluted.xlsx");
    const a = await command(["report", folder, "--out", out, "--as-of", "2022-09-30"], `${out}.measure.json`, preload);
    answers.set("report with diluted-bomb", a);
    expect({ killed: a.killed, code: a.code }).toEqual({ killed: null, code: 1 });
    const failed = a.stderr.split("\n").filter((l) => l.includes("无法检查"));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/diluted-bomb\.xlsx：文件异常：xl\/sharedStrings\.xml 解压后超过 512 MB/);
    const texts = await cellTexts(out);
    for (const unit of ["财源街道", "省庄镇"]) expect(texts.some((t) => t.includes(unit))).toBe(true);
    expect(texts.some((t) => t.includes("diluted-bomb.xlsx"))).toBe(true);
    expect(texts.some((t) => t.includes("xl/sharedStrings.xml 解压后超过 512 MB"))).toBe(true);
  }, KILL_AFTER_MS + 10_000);

  test("a file past the per-file time limit is one line; the files around it are checked", async () => {
    const folder = folderOf("limit-time", { "a.xlsx": corpusFile("sample.xlsx").path, "b.xlsx": corpusFile("million-rows.xlsx").path, "c.xlsx": corpusFile("sample.xlsx").path });
    const a = await command(["check", folder, "--format", "json"], path.join(dir, "limit-time.measure.json"), preload, { ZSLEDGER_FILE_SECONDS: "5" });
    answers.set("million-rows, 5 s per file", a);
    expectOneFileStopped(a, /b\.xlsx：读取超过 5 秒仍未完成，已停止/);
  }, KILL_AFTER_MS + 10_000);

  test("a file past the per-file memory limit is one line; the files around it are checked", async () => {
    const folder = folderOf("limit-memory", { "a.xlsx": corpusFile("sample.xlsx").path, "b.xlsx": corpusFile("many-findings.xlsx").path, "c.xlsx": corpusFile("sample.xlsx").path });
    const a = await command(["check", folder, "--format", "json"], path.join(dir, "limit-memory.measure.json"), preload, { ZSLEDGER_FILE_MEMORY_MB: "150" });
    answers.set("many-findings, 150 MB per file", a);
    expectOneFileStopped(a, /b\.xlsx：读取所需内存超过 150 MB 的上限，已停止/);
  }, KILL_AFTER_MS + 10_000);

  test.each([
    // Declares some 200 MB unpacked: read in a worker, terminated at the deadline.
    ["million-rows.xlsx", "5"],
    // Declares 20 MB: read in the command's thread; the command ends at the deadline, its read abandoned.
    ["many-findings.xlsx", "1"],
  ])("one file past the time limit (%s, %s s): one line, exit 2", async (name, seconds) => {
    const a = await command(["check", corpusFile(name).path], path.join(dir, `${name}-alone.measure.json`), preload, { ZSLEDGER_FILE_SECONDS: seconds });
    answers.set(`${name} alone, ${seconds} s`, a);
    expect({ killed: a.killed, code: a.code, stdout: a.stdout }).toEqual({ killed: null, code: 2, stdout: "" });
    expect(a.stderr).toBe(`zsledger: 无法检查 ${corpusFile(name).path}：读取超过 ${seconds} 秒仍未完成，已停止（文件可能异常或过大）；请删去无关工作表或拆分台账后再检查\n`);
  });

  test("a bad value of a per-file limit is one line, exit 2", async () => {
    const a = await command(["check", corpusFile("sample.xlsx").path], path.join(dir, "limit-bad.measure.json"), preload, { ZSLEDGER_FILE_SECONDS: "forever" });
    expect({ code: a.code, stdout: a.stdout }).toEqual({ code: 2, stdout: "" });
    expect(a.stderr).toBe("zsledger: 环境变量 ZSLEDGER_FILE_SECONDS 的值“forever”应为不小于 1 的整数\n");
  });
});

/** b.xlsx was stopped with one line; a.xlsx and c.xlsx (the sample) were checked as usual. */
function expectOneFileStopped(a: Answer, line: RegExp): void {
  expect({ killed: a.killed, code: a.code }).toEqual({ killed: null, code: 1 });
  const report = JSON.parse(a.stdout) as { files: Json[] };
  expect(report.files.map((f) => [path.basename(f.file), "error" in f ? "error" : f.errors])).toEqual([
    ["a.xlsx", 10],
    ["b.xlsx", "error"],
    ["c.xlsx", 10],
  ]);
  const lines = a.stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(line);
  expect(lines[1]).toBe("zsledger: 共检查 3 个文件，其中 1 个无法读取（已跳过）");
}

/** Every cell's text of a workbook (the bulletin), whatever its layout. */
async function cellTexts(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const texts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void texts.push(cell.text))));
  return texts;
}
