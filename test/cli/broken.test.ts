/**
 * Broken and hostile files: each is refused with exit 2 and one line saying what is wrong and
 * what to do — found from the container itself, before anything is inflated.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_LIMITS } from "../../src/cli/sniff";
import { WORKBOOK_XML, centralRecords, oneLine, rels, runCli, storedZip, tempDir } from "./helpers";

const SAMPLE = path.join(__dirname, "../../assets/sample-ledger.xlsx");
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SHEET1 = "xl/worksheets/sheet1.xml";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/** Bytes from a fixed seed: "random" content that is the same on every run. */
function noise(length: number, seed = 20220930): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  out[0] = 0x13; // neither PK nor D0 CF, and a control byte: not text either
  return out;
}

/** An OLE compound file's header followed by directory entries named in UTF-16, as Excel and WPS write them. */
function ole(...streams: string[]): Buffer {
  return Buffer.concat([OLE_MAGIC, Buffer.alloc(504), ...streams.map((s) => Buffer.concat([Buffer.from(s, "utf16le"), Buffer.alloc(128 - s.length * 2)]))]);
}

/** The sample with its sheet1 central-directory record changed in place. */
function forged(change: (zip: Buffer, record: number) => void): Buffer {
  const zip = Buffer.from(fs.readFileSync(SAMPLE));
  change(zip, centralRecords(zip).get(SHEET1)!);
  return zip;
}

const CASES: [string, () => Buffer, RegExp][] = [
  ["空文件.xlsx", () => Buffer.alloc(0), /文件是空的（0 字节）/],
  ["乱码.xlsx", () => noise(4096), /不是 Excel 工作簿（\.xlsx），无法识别文件内容，请在 Excel 或 WPS 中打开并另存为 \.xlsx/],
  ["旧版台账.xls", () => ole("Root Entry", "Workbook", "SummaryInformation"), /旧版 Excel（\.xls）或 WPS 表格（\.et）格式，请在 Excel 或 WPS 中打开并另存为 \.xlsx/],
  ["WPS台账.et", () => ole("Root Entry", "Workbook"), /旧版 Excel（\.xls）或 WPS 表格（\.et）格式/],
  ["加密台账.xlsx", () => ole("Root Entry", "EncryptionInfo", "EncryptedPackage"), /设置了打开密码（已加密），请在 Excel 或 WPS 中取消密码并另存为 \.xlsx/],
  ["导出.xlsx", () => Buffer.from("\uFEFF序号,项目名称,总投资\r\n1,智能制造项目,12000\r\n", "utf8"), /文本文件（可能是改了扩展名的 CSV）/],
  ["网页导出.xlsx", () => Buffer.from('<html><meta charset="utf-8"><table><tr><td>项目名称</td></tr></table></html>'), /网页或 XML 格式的表格/],
  ["截断.xlsx", () => fs.readFileSync(SAMPLE).subarray(0, 9000), /文件不完整（末尾缺失/],
  ["文档.xlsx", () => storedZip([{ name: "word/document.xml", data: "<w:document/>" }]), /不是 Excel 工作簿（缺少 xl\/workbook\.xml）/],
  // 3.75 GB declared for a sheet of 3 KB: refused from the directory alone.
  ["炸弹.xlsx", () => forged((zip, r) => zip.writeUInt32LE(0xf0000000, r + 24)), /疑似压缩炸弹，已拒绝读取/],
  // The directory declares 1 KB but the sheet inflates to 17 KB: reading stops at the lie.
  ["伪造大小.xlsx", () => forged((zip, r) => zip.writeUInt32LE(1000, r + 24)), /xl\/worksheets\/sheet1\.xml 解压后超过其声明的大小，疑似压缩炸弹/],
  ["压缩包加密.xlsx", () => forged((zip, r) => zip.writeUInt16LE(zip.readUInt16LE(r + 8) | 1, r + 8)), /压缩包内的文件已加密/],
  [
    "缺工作表.xlsx",
    () =>
      storedZip([
        { name: "xl/workbook.xml", data: WORKBOOK_XML },
        { name: "xl/_rels/workbook.xml.rels", data: rels("worksheets/sheet1.xml") },
      ]),
    /文件已损坏，无法读取（xl\/worksheets\/sheet1\.xml missing）/,
  ],
  [
    "损坏.xlsx",
    () =>
      forged((zip, r) => {
        // A deflate block of the reserved type 11: the inflater fails on its first byte.
        const local = zip.readUInt32LE(r + 42);
        zip[local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)] = 0xff;
      }),
    /文件已损坏，无法读取（.+），请在 Excel 或 WPS 中打开修复后另存为 \.xlsx/,
  ],
];

describe.each(CASES)("%s", (name, bytes, message) => {
  let file: string;
  beforeAll(() => {
    file = path.join(dir, name);
    fs.writeFileSync(file, bytes());
  });

  test("exit 2, nothing on stdout, one line on stderr", async () => {
    const { code, stdout, stderr } = await runCli(["check", file]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const line = oneLine(stderr);
    expect(line.startsWith(`zsledger: 无法检查 ${file}：`)).toBe(true);
    expect(line).toMatch(message);
  });

  test("JSON: {file, error} and the same line", async () => {
    const { code, stdout, stderr } = await runCli(["check", file, "--format", "json", "--as-of", "2022-09-30"]);
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report).toEqual({ asOf: "2022-09-30", files: [{ file, error: expect.stringMatching(message) }] });
    expect(oneLine(stderr)).toBe(`zsledger: 无法检查 ${file}：${report.files[0].error}`);
  });
});

test("too large: the declared unpacked size is over the limit", async () => {
  const { code, stderr } = await runCli(["check", SAMPLE], { limits: { ...DEFAULT_LIMITS, maxUnpackedBytes: 20_000 } });
  expect(code).toBe(2);
  expect(oneLine(stderr)).toMatch(/文件解压后约 1 MB，超过 1 MB 的上限，请删去无关工作表或拆分台账后再检查$/);
});

test("a folder without ledgers and a missing file", async () => {
  // A folder stands for the .xlsx files below it (test/district); one holding none is a usage error.
  const empty = path.join(dir, "空文件夹");
  fs.mkdirSync(empty);
  const folder = await runCli(["check", empty]);
  expect(folder.code).toBe(2);
  expect(oneLine(folder.stderr)).toBe(`zsledger: 文件夹 ${empty} 中没有找到 .xlsx 台账文件`);
  const missing = await runCli(["check", path.join(dir, "不存在.xlsx")]);
  expect(missing.code).toBe(2);
  expect(oneLine(missing.stderr)).toMatch(/找不到该文件，请检查路径$/);
});

test("in English with --lang en", async () => {
  const file = path.join(dir, "old-en.xls");
  fs.writeFileSync(file, ole("Root Entry", "Workbook"));
  const { code, stderr } = await runCli(["check", file, "--lang", "en"]);
  expect(code).toBe(2);
  expect(oneLine(stderr)).toBe(`zsledger: cannot check ${file}: this is an old Excel (.xls) or WPS (.et) workbook; open it in Excel or WPS, save it as .xlsx and check again`);
});

test("one broken file among good ones: the good are reported, exit 1", async () => {
  const file = path.join(dir, "另一个空文件.xlsx");
  fs.writeFileSync(file, "");
  const { code, stdout, stderr } = await runCli(["check", SAMPLE, file]);
  expect(code).toBe(1);
  expect(stdout).toMatch(/^招商台账检查报告：/);
  expect(oneLine(stderr)).toMatch(/文件是空的/);
});
