/**
 * The standalone executables of the release (built once by `npm run release`, test/release/ci.sh).
 *
 * Linux: run as a unit's PC would, with no Node anywhere — an empty PATH, the executable by its
 * absolute path — it gives the same bytes and exit codes as `node dist/cli/main.js` for the
 * sample, a wrong argument, a folder and the bulletin. Windows (not runnable here): a PE image for
 * x64 carrying Node's single-executable resource, the same blob as the Linux one, the fuse flipped.
 */
import { spawnSync, type SpawnSyncReturns } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findResource, isSigned, peHeaders } from "../../scripts/release/pe";
import { ROOT, RELEASE, deliverable, releaseRecord, sha256, zipContent, zipItems } from "./release";

const record = releaseRecord();
const LINUX = path.join(RELEASE, deliverable("linux-x64").executable!);
const WINDOWS = path.join(RELEASE, deliverable("win-x64").executable!);
const MAIN = path.join(ROOT, "dist/cli/main.js");
const SAMPLE = path.join(ROOT, "assets/sample-ledger.xlsx");
const FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-exe-"));
  // Two units' folders, as a district collects them.
  for (const side of ["exe", "node"]) {
    fs.mkdirSync(path.join(dir, side, "台账", "街道"), { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(dir, side, "台账", "街道", "财源街道.xlsx"));
    fs.copyFileSync(SAMPLE, path.join(dir, side, "台账", "省庄镇.xlsx"));
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The executable with no Node to find: an empty PATH and nothing else in its environment. */
function exe(args: string[], cwd = path.join(dir, "exe"), env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<Buffer> {
  return spawnSync(LINUX, args, { cwd, env: { PATH: "", ...env }, input: "" });
}

/** The same command through Node and the compiled JavaScript. */
function node(args: string[], cwd = path.join(dir, "node")): SpawnSyncReturns<Buffer> {
  return spawnSync(process.execPath, [MAIN, ...args], { cwd, env: { PATH: process.env.PATH }, input: "" });
}

function same(args: string[]) {
  const a = exe(args);
  const b = node(args);
  expect(a.error).toBeUndefined();
  return { exe: a, node: b };
}

/**
 * The workbook both sides wrote under `name`: the same parts in the same order, each inflated alike,
 * except `skip` (ExcelJS stamps docProps/core.xml with the time of writing, and the own-output
 * fingerprint in docProps/custom.xml digests every other part, core.xml included).
 */
async function expectSameParts(name: string, skip: readonly string[]): Promise<void> {
  const made = path.join(dir, "exe", name);
  const reference = path.join(dir, "node", name);
  const a = zipItems(made);
  const b = zipItems(reference);
  expect(a.map((i) => i.entry.name)).toEqual(b.map((i) => i.entry.name));
  for (let i = 0; i < a.length; i++) {
    if (skip.includes(a[i].entry.name)) continue;
    expect([a[i].entry.name, sha256(await zipContent(made, a[i].entry))]).toEqual([b[i].entry.name, sha256(await zipContent(reference, b[i].entry))]);
  }
}

describe("the Linux executable, with an empty PATH, against node dist/cli/main.js", () => {
  test("is run by its absolute path and finds no node on PATH", () => {
    expect(path.isAbsolute(LINUX)).toBe(true);
    expect(spawnSync("sh", ["-c", "command -v node"], { env: { PATH: "" } }).status).not.toBe(0);
  });

  test("the sample with --exit-zero: the same report, byte for byte, exit 0", () => {
    const r = same(["check", "--exit-zero"]);
    expect(r.exe.status).toBe(0);
    expect(r.node.status).toBe(0);
    expect(r.exe.stdout.toString("utf8")).toMatch(/^招商台账检查报告：assets\/sample-ledger\.xlsx\n/);
    expect(r.exe.stdout.equals(r.node.stdout)).toBe(true);
    expect(r.exe.stderr.equals(r.node.stderr)).toBe(true);
  });

  test("the sample without --exit-zero: the same report, exit 1 (it has error findings)", () => {
    const r = same(["check"]);
    expect([r.exe.status, r.node.status]).toEqual([1, 1]);
    expect(r.exe.stdout.equals(r.node.stdout)).toBe(true);
  });

  test("a file by its absolute path, JSON in English: the same bytes", () => {
    const r = same(["check", SAMPLE, "--format", "json", "--lang", "en", "--as-of", "2022-09-30"]);
    expect([r.exe.status, r.node.status]).toEqual([1, 1]);
    expect(JSON.parse(r.exe.stdout.toString("utf8")).files[0].file).toBe(SAMPLE);
    expect(r.exe.stdout.equals(r.node.stdout)).toBe(true);
  });

  test.each([[["check", "--as-of", "2022-13-45"]], [["check", "--bogus"]], [["report", "台账"]], [["frobnicate"]]])(
    "a bad argument %j: exit 2 and the same one line",
    (args) => {
      const r = same(args);
      expect([r.exe.status, r.node.status]).toEqual([2, 2]);
      expect(r.exe.stderr.toString("utf8")).toMatch(/^zsledger: [^\n]+\n$/);
      expect(r.exe.stderr.equals(r.node.stderr)).toBe(true);
      expect(r.exe.stdout.equals(r.node.stdout)).toBe(true);
    },
  );

  test("--version and --help: the same text", () => {
    for (const args of [["--version"], ["--help"], ["check", "--help"], ["report", "--help", "--lang", "en"]]) {
      const r = same(args);
      expect([r.exe.status, r.node.status]).toEqual([0, 0]);
      expect(r.exe.stdout.equals(r.node.stdout)).toBe(true);
    }
    expect(exe(["--version"]).stdout.toString("utf8").trim()).toBe(record.version);
  });

  test("a folder: the same reports and count line", () => {
    const r = same(["check", "台账"]);
    expect([r.exe.status, r.node.status]).toEqual([1, 1]);
    expect(r.exe.stdout.equals(r.node.stdout)).toBe(true);
    expect(r.exe.stderr.toString("utf8")).toContain("zsledger: 共检查 2 个文件，全部读取成功");
    expect(r.exe.stderr.equals(r.node.stderr)).toBe(true);
  });

  test("a folder's bulletin: written, the same exit code and words, the same sheets", async () => {
    const r = same(["report", "台账", "--out", "通报.xlsx", "--as-of", "2022-09-30"]);
    expect([r.exe.status, r.node.status]).toEqual([0, 0]);
    expect(r.exe.stdout.equals(r.node.stdout)).toBe(true);
    expect(r.exe.stderr.equals(r.node.stderr)).toBe(true);
    await expectSameParts("通报.xlsx", ["docProps/core.xml", "docProps/custom.xml"]);
    expect(zipItems(path.join(dir, "exe", "通报.xlsx")).map((i) => i.entry.name)).toContain("xl/worksheets/sheet1.xml");
  });

  test("--highlight: the marked copy of one file, alike part for part", async () => {
    const r = same(["check", "台账/省庄镇.xlsx", "--highlight", "省庄镇-标记.xlsx", "--exit-zero"]);
    expect([r.exe.status, r.node.status]).toEqual([0, 0]);
    expect(r.exe.stderr.equals(r.node.stderr)).toBe(true);
    await expectSameParts("省庄镇-标记.xlsx", []);
  });

  test("a drop (ZSLEDGER_DESKTOP=1): the report saved beside the workbook, the window's prompt", () => {
    const drop = path.join(dir, "drop");
    fs.mkdirSync(drop);
    fs.copyFileSync(SAMPLE, path.join(drop, "财源街道.xlsx"));
    const r = exe([path.join(drop, "财源街道.xlsx")], dir, { ZSLEDGER_DESKTOP: "1" });
    expect(r.status).toBe(1);
    expect(r.stdout.toString("utf8")).toContain("按任意键关闭窗口…");
    const saved = fs.readFileSync(path.join(drop, "财源街道-检查报告.txt"), "utf8");
    expect(saved.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n")).toBe(node(["check", "财源街道.xlsx"], drop).stdout.toString("utf8"));
  });
});

describe("the Windows executable", () => {
  const image = fs.readFileSync(WINDOWS);

  test("is a PE32+ image for x64", () => {
    const h = peHeaders(image);
    expect(h.machine).toBe(0x8664);
    expect(h.magic).toBe(0x20b);
    expect(h.sections.map((s) => s.name)).toContain(".rsrc");
  });

  test("carries the single-executable blob as RCDATA NODE_SEA_BLOB: the release's blob, the same the Linux one runs", () => {
    const blob = findResource(image, "NODE_SEA_BLOB");
    expect(blob).not.toBeNull();
    // Node's SEA blob begins with its magic number.
    expect(blob!.readUInt32LE(0)).toBe(0x143da20);
    expect(sha256(blob!)).toBe(record.seaBlobSha256);
    expect(blob!.includes(Buffer.from(`zsledger ${record.version} — standalone command line`))).toBe(true);
    expect(fs.readFileSync(LINUX).includes(blob!)).toBe(true);
  });

  test("has the fuse flipped (the binary looks for the blob), like the Linux one", () => {
    for (const file of [image, fs.readFileSync(LINUX)]) {
      expect(file.includes(Buffer.from(`${FUSE}:1`))).toBe(true);
      expect(file.includes(Buffer.from(`${FUSE}:0`))).toBe(false);
    }
  });

  test("carries no signature that its new contents would break (node.exe's was removed)", () => {
    expect(isSigned(image)).toBe(false);
  });

  test("was made from the Node that built the blob: the release's Node version", () => {
    expect(record.node).toBe(process.version);
    // node.exe names its version in its resources' version block (UTF-16).
    expect(image.includes(Buffer.from(record.node.slice(1), "utf16le"))).toBe(true);
  });
});
