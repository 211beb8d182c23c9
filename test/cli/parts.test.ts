/**
 * Reading parts bounded and decoded (issue 14): the streaming tokenizer and the shared strings and
 * styles read through it, chunk boundaries anywhere; encodings and namespace prefixes; the limits
 * on what is kept; the container checks per entry; control characters on the terminal.
 */
import * as fs from "fs";
import * as path from "path";
import { Readable } from "stream";
import { DEFAULT_LIMITS, type Limits } from "../../src/cli/limits";
import { FileProblemError } from "../../src/cli/messages";
import { readSharedStrings, readStyles } from "../../src/cli/sharedParts";
import { lineSafe, outputSafe, terminalJson, terminalText } from "../../src/cli/terminal";
import { xmlPart } from "../../src/cli/xmlPart";
import { ZipWriter } from "../corpus/zipWriter";
import { WORKBOOK_XML, oneLine, rels, runCli, storedZip, tempDir } from "./helpers";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Bytes as a stream of chunks of `size` bytes (1: every character split from the next). */
function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

async function strings(xml: string | Buffer, size = 1 << 20, limits: Limits = DEFAULT_LIMITS): Promise<(string | null)[]> {
  const bytes = typeof xml === "string" ? Buffer.from(xml, "utf8") : xml;
  return readSharedStrings(xmlPart("xl/sharedStrings.xml", chunked(bytes, size)), "xl/sharedStrings.xml", limits);
}

async function problemOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FileProblemError) return e.problem;
    throw e;
  }
  throw new Error("no problem raised");
}

const SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<sst xmlns="${MAIN}" count="7" uniqueCount="7">` +
  "<si><t>项目名称</t></si>" +
  // Rich text: the runs' text joined; the phonetic guide (rPh) is not what the cell shows.
  '<si><r><rPr><b/><sz val="11"/></rPr><t>签约</t></r><r><t xml:space="preserve"> 日期</t></r><rPh sb="0" eb="2"><t>チェック</t></rPh></si>' +
  "<si><t>R&amp;D &lt;研发&gt; &#x4E2D;&#22269;</t></si>" +
  "<!-- a comment with <si><t>no string</t></si> inside -->" +
  "<si><t><![CDATA[<总投资> & 万元]]></t></si>" +
  "<si><t/></si>" +
  "<si></si>" +
  '<si><r><t></t></r><r/><r/><r/></si>' +
  "</sst>";
const SST_READ = ["项目名称", "签约 日期", "R&D <研发> 中国", "<总投资> & 万元", "", null, ""];

describe("shared strings", () => {
  test("text of <t>, runs joined, phonetic guides left out, entities and CDATA decoded, comments skipped", async () => {
    expect(await strings(SST)).toEqual(SST_READ);
  });

  test.each([1, 2, 3, 5, 7, 64])("the same whatever the chunks (%i bytes each): a character, an entity or a tag split between two", async (size) => {
    expect(await strings(SST, size)).toEqual(SST_READ);
  });

  test("prefixed (<x:sst>, <x:si>), and in UTF-16 big and little endian: the same strings", async () => {
    const prefixed = SST.replace(` xmlns="${MAIN}"`, ` xmlns:x="${MAIN}"`).replace(/<(\/?)(sst|si|t|r|rPr|b|sz|rPh)(?=[\s/>])/g, "<$1x:$2");
    expect(prefixed).toContain("<x:si><x:r><x:rPr><x:b/>");
    expect(await strings(prefixed, 3)).toEqual(SST_READ);
    const le = Buffer.from("\uFEFF" + SST.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le");
    expect(await strings(le, 3)).toEqual(SST_READ);
    expect(await strings(Buffer.from(le).swap16(), 5)).toEqual(SST_READ);
  });

  test("more strings than the limit, or more characters: refused with the part named, not kept", async () => {
    expect(await problemOf(strings(SST, 1 << 20, { ...DEFAULT_LIMITS, maxSharedStrings: 6 }))).toEqual({ kind: "part-limit", part: "xl/sharedStrings.xml", what: "shared-strings", limit: 6 });
    expect(await problemOf(strings(SST, 7, { ...DEFAULT_LIMITS, maxSharedStringChars: 20 }))).toEqual({ kind: "part-limit", part: "xl/sharedStrings.xml", what: "shared-string-chars", limit: 20 });
    // At the limit exactly, everything is read.
    expect(await strings(SST, 1 << 20, { ...DEFAULT_LIMITS, maxSharedStrings: 7 })).toEqual(SST_READ);
  });

  test("a part cut short (its root never closed) is damage", async () => {
    expect(await problemOf(strings(SST.slice(0, SST.indexOf("<si><t/>"))))).toEqual({ kind: "corrupt", detail: "xl/sharedStrings.xml: incomplete XML" });
  });
});

const STYLES =
  `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
  '<numFmt numFmtId="177" formatCode="0.00\\ &quot;万元&quot;"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/></font></fonts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf fontId="0" numFmtId="14"/><xf numFmtId="176"/>\n<xf\tnumFmtId="177"/></cellXfs></styleSheet>';

describe("styles: the number format of each cell format, nothing else", () => {
  test.each([1, 4, 1 << 20])("cellXfs, not cellStyleXfs; built-in and custom formats (chunks of %i bytes)", async (size) => {
    const styles = await readStyles(xmlPart("xl/styles.xml", chunked(Buffer.from(STYLES), size)), "xl/styles.xml", DEFAULT_LIMITS);
    expect([0, 1, 2, 3, 4].map((id) => styles.getStyleModel(id))).toEqual([{}, { numFmt: "mm-dd-yy" }, { numFmt: 'yyyy"年"m"月"d"日"' }, { numFmt: '0.00 "万元"' }, null]);
  });

  test("more cell formats or number formats than the limits: refused", async () => {
    const read = (limits: Limits) => readStyles(xmlPart("xl/styles.xml", chunked(Buffer.from(STYLES), 1 << 20)), "xl/styles.xml", limits);
    expect(await problemOf(read({ ...DEFAULT_LIMITS, maxCellFormats: 3 }))).toEqual({ kind: "part-limit", part: "xl/styles.xml", what: "cell-formats", limit: 3 });
    expect(await problemOf(read({ ...DEFAULT_LIMITS, maxNumberFormats: 1 }))).toEqual({ kind: "part-limit", part: "xl/styles.xml", what: "number-formats", limit: 1 });
  });
});

describe("the command on parts past the limits", () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  /** A workbook of one sheet that uses shared strings. */
  function book(file: string, sst: string): string {
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData></worksheet>`;
    const relsXml = rels("worksheets/sheet1.xml").replace(
      "</Relationships>",
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    const entries = [
      { name: "xl/workbook.xml", data: WORKBOOK_XML },
      { name: "xl/_rels/workbook.xml.rels", data: relsXml },
      { name: "xl/worksheets/sheet1.xml", data: sheet },
      { name: "xl/sharedStrings.xml", data: sst },
    ];
    fs.writeFileSync(file, storedZip(entries));
    return file;
  }

  test("more shared strings than the limit: one line naming the part and the limit, exit 2", async () => {
    const file = book(path.join(dir, "多字符串.xlsx"), SST);
    const { code, stdout, stderr } = await runCli(["check", file], { limits: { ...DEFAULT_LIMITS, maxSharedStrings: 5 } });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(oneLine(stderr)).toBe(
      `zsledger: 无法检查 ${file}：文件异常：xl/sharedStrings.xml 中的共享字符串超过 5 个，超过上限，未能读取；请删去无关工作表或拆分台账后再检查`,
    );
  });

  test("a part declaring more than its own limit is refused from the directory, in English too", async () => {
    const file = book(path.join(dir, "big-strings.xlsx"), SST);
    const { code, stderr } = await runCli(["check", file, "--lang", "en"], { limits: { ...DEFAULT_LIMITS, maxSharedStringsBytes: 100 } });
    expect(code).toBe(2);
    expect(oneLine(stderr)).toBe(`zsledger: cannot check ${file}: suspicious file: xl/sharedStrings.xml unpacks to more than 1 MB, over the limit; not read; remove unrelated sheets or split the ledger and check again`);
  });

  test("one entry at a bomb's ratio is refused by name though the archive's ratio is diluted below it", async () => {
    // Deflated, 200 KB of one letter packs some 500:1; 100 KB of stored padding brings the archive to ~3:1.
    const file = path.join(dir, "diluted.xlsx");
    const zip = new ZipWriter(file);
    for (const e of [{ name: "xl/workbook.xml", data: WORKBOOK_XML }, { name: "xl/_rels/workbook.xml.rels", data: rels("worksheets/sheet1.xml") }]) zip.add(e.name, e.data);
    zip.add("xl/worksheets/sheet1.xml", `<worksheet xmlns="${MAIN}"><sheetData>${" ".repeat(200_000)}</sheetData></worksheet>`);
    zip.add("xl/media/image1.png", Buffer.from(Array.from({ length: 100_000 }, (_v, i) => (i * 7919) % 251)), { method: 0 });
    zip.finish();
    const limits = { ...DEFAULT_LIMITS, bombMinBytes: 100_000, bombRatio: 50 };
    const { code, stderr } = await runCli(["check", file], { limits });
    expect(code).toBe(2);
    expect(oneLine(stderr)).toMatch(/：文件异常：其中 xl\/worksheets\/sheet1\.xml 声明解压后约 1 MB，压缩比 \d{3,4}:1，疑似压缩炸弹，已拒绝读取$/);
    // Under the default limits (64 MB, 500:1) the same file is read.
    expect((await runCli(["check", file])).code).toBe(0);
  });
});

describe("text on its way to a terminal", () => {
  test("C0 and C1 controls, DEL, bidi controls and line separators are shown, not obeyed", () => {
    expect(terminalText("a\u001b[2Jb\nc\r\td\u007f\u009b31m\u202eevil\u2066\u2028")).toBe("a\\x1B[2Jb\\nc\\r\\td\\x7F\\x9B31m\\u202Eevil\\u2066\\u2028");
    expect(terminalText("财源街道 项目台账 — 正常文字")).toBe("财源街道 项目台账 — 正常文字");
  });

  test("JSON keeps the data (escapes read back as the same characters) and its own line breaks", () => {
    const value = { file: "a\u009b\u202e\n.xlsx" };
    const json = terminalJson(value, 2);
    expect(json).toBe('{\n  "file": "a\\u009B\\u202E\\n.xlsx"\n}');
    expect(JSON.parse(json)).toEqual(value);
  });

  test("stderr: one line per write stays one line; the progress bar's redraw passes", () => {
    const out: string[] = [];
    const stream = lineSafe({ write: (s: string) => out.push(s), isTTY: true, columns: 100 });
    stream.write("zsledger: 无法检查 坏\u001b[31m\n文件.xlsx：…\n");
    stream.write("\r\u001b[K检查中 1/2 [██] 台账/\u009b.xlsx");
    expect(out).toEqual(["zsledger: 无法检查 坏\\x1B[31m\\n文件.xlsx：…\n", "\r\u001b[K检查中 1/2 [██] 台账/\\x9B.xlsx"]);
    expect([stream.isTTY, stream.columns]).toEqual([true, 100]);
  });

  test("stdout: its line breaks are its own, anything else is escaped", () => {
    const out: string[] = [];
    outputSafe({ write: (s: string) => out.push(s) }).write("一\n二\u001b[0m\t三\n");
    expect(out).toEqual(["一\n二\\x1B[0m\\t三\n"]);
  });

  test("a file name with ESC and a line break: the error is one line, escaped", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, "坏\u001b[31m\n文件.xlsx");
      fs.writeFileSync(file, "not a workbook at all, \u0001 with a control byte");
      const { code, stderr } = await runCli(["check", file]);
      expect(code).toBe(2);
      expect(oneLine(stderr)).toBe(`zsledger: 无法检查 ${terminalText(file)}：不是 Excel 工作簿（.xlsx），无法识别文件内容，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查`);
    } finally {
      cleanup();
    }
  });
});
