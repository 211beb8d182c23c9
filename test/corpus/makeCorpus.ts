/**
 * The hostile corpus: broken, disguised, huge and malicious workbooks, generated into a folder at
 * test time (nothing is committed). Realistic ledgers come from the sample's grids, written either
 * by ExcelJS (as Excel-like tools write them) or by hand (bookParts below), where a test needs
 * control over every byte: part order, missing attributes, forged zip sizes, a million rows.
 *
 * Every file is small on disk (the largest is the million-row sheet, ~26 MB); the bombs inflate
 * to gigabytes but are built from one deflate chunk repeated, never by deflating gigabytes.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { dayFromDate, serialFromDay } from "../../src/core/day";
import { cellAddress, columnLetter, isCellError, type CellValue, type DateSystem } from "../../src/core/sheet";
import { sampleSheets, type SampleSheet } from "../sample/sampleLedger";
import { workbookOf } from "../sample/writeSample";
import { ZipWriter } from "./zipWriter";

export interface CorpusFile {
  /** The file's name in the corpus folder. */
  readonly name: string;
  readonly path: string;
  /** What is hostile about it, in a few words. */
  readonly what: string;
  /** Big or a bomb: run only as a child process, under the watchdog. */
  readonly heavy: boolean;
}

export interface CorpusOptions {
  /** Only the files whose names pass. */
  readonly only?: (name: string) => boolean;
  /** Also the slow files left out of `npm test` (see `optional` below). */
  readonly full?: boolean;
}

/** Data rows of the million-row ledger. */
export const MILLION = 1_000_000;
/** What the honest zip bomb inflates to. */
const BOMB_BYTES = 2 * 1024 ** 3;
/** Rows of the ledger whose Chinese text crosses the reader's chunk boundaries. */
export const CJK_ROWS = 5000;
/** Rows of the 16,384-column sheet below its header. */
export const WIDE_ROWS = 300;
/** The size of each hostile cell of the 10 MB file. */
const BIG_CELL = 10 * 1024 ** 2;
/** Signed projects without dates, two error findings each. */
export const MANY_FINDINGS_ROWS = 100_000;
/** A date serial far past any calendar (a Date of it is invalid). */
export const HUGE_SERIAL = 1e15;
/** The corpus file names holding control characters (ESC, a line break): they reach stderr escaped. */
export const CONTROL_NAME = "控制字符\u001b[2J\n台账.xlsx";
export const CONTROL_NAME_BROKEN = "损坏\u001b[31m\n文件.xlsx";
/** What the control-character file writes into its sheet name and duplicated project name. */
export const CONTROL_SHEET = "项目\u009b2J台账\u202e";
export const CONTROL_PROJECT = "高端医疗\u009b31m器械\n产业化\u202e项目\u007f";

// ---------------------------------------------------------------------------------------------
// Hand-written .xlsx parts

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

interface HandSheet {
  readonly name: string;
  /** The worksheet XML, whole or in chunks (a generator for the million rows). */
  readonly xml: string | (() => Iterable<string>);
}

interface HandBook {
  readonly sheets: readonly HandSheet[];
  readonly sharedStrings?: readonly string[];
  readonly date1904?: boolean;
  /** Zip order: the workbook parts first (as Excel writes them) or last, after the sheets. */
  readonly partsLast?: boolean;
}

/** Style 1 is a date (numFmtId 14), for serial dates. */
const STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `</styleSheet>`;

interface Part {
  readonly name: string;
  readonly data: string | (() => Iterable<string>);
}

/** The parts of a book in zip order. */
function bookParts(book: HandBook): Part[] {
  const n = book.sheets.length;
  const strings = book.sharedStrings;
  const types =
    XML_HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    book.sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    (strings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : "") +
    `</Types>`;
  const rootRels = XML_HEAD + `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook =
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${book.date1904 ? ' date1904="1"' : ""}/><sheets>` +
    book.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    `</sheets></workbook>`;
  const rels =
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL_NS}">` +
    book.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
    `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    (strings ? `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : "") +
    `</Relationships>`;
  const workbookParts: Part[] = [
    { name: "xl/workbook.xml", data: workbook },
    { name: "xl/_rels/workbook.xml.rels", data: rels },
    { name: "xl/styles.xml", data: STYLES },
    ...(strings ? [{ name: "xl/sharedStrings.xml", data: sharedStringsXml(strings) }] : []),
  ];
  const sheets: Part[] = book.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml }));
  const head: Part[] = [
    { name: "[Content_Types].xml", data: types },
    { name: "_rels/.rels", data: rootRels },
  ];
  return book.partsLast ? [...head, ...sheets, ...workbookParts] : [...head, ...workbookParts, ...sheets];
}

async function writeHandBook(file: string, book: HandBook): Promise<string> {
  const zip = new ZipWriter(file);
  for (const part of bookParts(book)) {
    if (typeof part.data === "string") zip.add(part.name, part.data);
    else await zip.addStream(part.name, part.data());
  }
  return zip.finish();
}

/** The parts of a small book (no streamed sheet) as bytes, to write them again differently. */
function handPartsOf(book: HandBook): { name: string; data: Buffer }[] {
  return bookParts(book).map((p) => {
    if (typeof p.data !== "string") throw new Error(`${p.name} is streamed`);
    return { name: p.name, data: Buffer.from(p.data, "utf8") };
  });
}

function sharedStringsXml(strings: readonly string[]): string {
  return XML_HEAD + `<sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">` + strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("") + `</sst>`;
}

interface SheetXmlOptions {
  readonly dateSystem?: DateSystem;
  /** Shared strings table to put text in (else inline strings). */
  readonly strings?: string[];
  readonly merges?: readonly string[];
  /** Leave out the r attributes of rows and cells (allowed by the format, written by some tools). */
  readonly noRefs?: boolean;
  /** Text inserted before <sheetData> (a DOCTYPE goes before the root instead). */
  readonly prolog?: string;
}

/** One cell's XML; null for a blank. */
function cellXml(ref: string | null, v: CellValue, o: SheetXmlOptions): string | null {
  const r = ref === null ? "" : ` r="${ref}"`;
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string") {
    if (o.strings) {
      let i = o.strings.indexOf(v);
      if (i < 0) i = o.strings.push(v) - 1;
      return `<c${r} t="s"><v>${i}</v></c>`;
    }
    return `<c${r} t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
  }
  if (typeof v === "number") return `<c${r}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c${r} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c${r} s="1"><v>${serialFromDay(dayFromDate(v)!, o.dateSystem ?? 1900)}</v></c>`;
  if (isCellError(v)) return `<c${r} t="e"><v>${esc(v.error)}</v></c>`;
  return null;
}

function rowXml(rowNumber: number, values: readonly CellValue[], o: SheetXmlOptions): string {
  const cells = values.map((v, c) => cellXml(o.noRefs ? null : cellAddress(rowNumber, c + 1), v, o)).filter((x) => x !== null);
  // Without refs, a blank cell must still hold its place: an empty <c/> does.
  const body = o.noRefs ? values.map((v) => cellXml(null, v, o) ?? "<c/>").join("") : cells.join("");
  return `<row${o.noRefs ? "" : ` r="${rowNumber}"`}>${body}</row>`;
}

function sheetXml(grid: readonly (readonly CellValue[])[], o: SheetXmlOptions = {}): string {
  const rows = grid.map((values, i) => rowXml(i + 1, values, o)).join("");
  const merges = o.merges?.length ? `<mergeCells count="${o.merges.length}">${o.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  return XML_HEAD + (o.prolog ?? "") + `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

const mergeRef = (m: { top: number; left: number; bottom: number; right: number }) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`;

/** The sample, hand-written: every sheet with its merges, text as shared strings or inline. */
function handSample(o: { sheets?: SampleSheet[]; shared?: boolean; dateSystem?: DateSystem; merges?: (s: SampleSheet) => string[] } = {}): HandBook {
  const strings: string[] | undefined = o.shared ? [] : undefined;
  const sheets = (o.sheets ?? sampleSheets()).map((s) => ({
    name: s.name,
    xml: sheetXml(s.grid, { strings, dateSystem: o.dateSystem, merges: o.merges ? o.merges(s) : s.merges.map(mergeRef) }),
  }));
  return { sheets, sharedStrings: strings, date1904: o.dateSystem === 1904 };
}

// ---------------------------------------------------------------------------------------------
// OLE compound files (old .xls, WPS .et, encrypted .xlsx)

/**
 * A compound file's header sector and a directory sector naming its streams: enough for any tool
 * that sniffs (ours, `file`, Excel's own open dialog) to see what it is. The streams' sectors hold
 * pseudo-random bytes.
 */
function oleFile(streams: readonly string[], bodyBytes: number, seed: number): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3 (512-byte sectors)
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(0, 48); // first directory sector
  header.writeUInt32LE(0x1000, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  for (let i = 76; i < 512; i += 4) header.writeUInt32LE(0xffffffff, i);
  const names = ["Root Entry", ...streams];
  const dir = Buffer.alloc(128 * Math.ceil(names.length / 4) * 4);
  names.forEach((name, i) => {
    const at = i * 128;
    const utf16 = Buffer.from(name + "\0", "utf16le");
    utf16.copy(dir, at, 0, Math.min(64, utf16.length));
    dir.writeUInt16LE(Math.min(64, utf16.length), at + 64);
    dir.writeUInt8(i === 0 ? 5 : 2, at + 66); // root storage, then streams
  });
  return Buffer.concat([header, dir, pseudoRandom(bodyBytes, seed)]);
}

/** Deterministic bytes (a xorshift generator): the corpus is the same on every run. */
function pseudoRandom(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

// ---------------------------------------------------------------------------------------------
// Big sheets, generated as XML chunks

const QUIET_STAGES = ["策划", "在谈", "洽谈中", "储备"];
const SIGNED_STAGES = ["签约", "已签约", "签约未开工", "拟开工"];

/**
 * A projects ledger of MILLION rows: title, header, then rows of planned and negotiating projects
 * (no finding each), or, with signed stages, rows that each carry two errors (no sign date, no
 * planned start): two million findings.
 */
function millionRowsXml(stages: readonly string[], rows = MILLION): () => Iterable<string> {
  return () => millionRows(stages, rows);
}

function* millionRows(stages: readonly string[], rows: number): Iterable<string> {
  yield XML_HEAD + `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>`;
  yield `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`;
  yield `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c></row>`;
  let chunk = "";
  for (let i = 1; i <= rows; i++) {
    const r = i + 2;
    chunk += `<row r="${r}"><c r="A${r}"><v>${i}</v></c><c r="B${r}" t="inlineStr"><is><t>项目${i}</t></is></c><c r="C${r}"><v>${1000 + (i % 9000)}</v></c><c r="D${r}" t="inlineStr"><is><t>${stages[i % stages.length]}</t></is></c></row>`;
    if (i % 5000 === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk + `</sheetData></worksheet>`;
}
const MILLION_STRINGS = ["财源街道招商引资项目台账（单位：万元）", "序号", "项目名称", "总投资", "项目状态"];

/** A header across all 16,384 columns (A … XFD) and WIDE_ROWS rows with cells at both ends. */
function wideSheetXml(): string {
  const last = 16_384;
  const header: string[] = [];
  const named = ["序号", "项目名称", "总投资", "项目状态", "签约日期"];
  for (let c = 1; c <= last; c++) {
    const text = c <= named.length ? named[c - 1] : `备注${c}`;
    header.push(`<c r="${columnLetter(c)}1" t="inlineStr"><is><t>${text}</t></is></c>`);
  }
  const rows = [`<row r="1">${header.join("")}</row>`];
  for (let i = 1; i <= WIDE_ROWS; i++) {
    const r = i + 1;
    rows.push(
      `<row r="${r}"><c r="A${r}"><v>${i}</v></c><c r="B${r}" t="inlineStr"><is><t>宽表项目${i}</t></is></c><c r="C${r}"><v>${i * 10}</v></c>` +
        `<c r="D${r}" t="inlineStr"><is><t>策划</t></is></c><c r="XFD${r}" t="inlineStr"><is><t>最后一列${i}</t></is></c></row>`,
    );
  }
  return XML_HEAD + `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:XFD${WIDE_ROWS + 1}"/><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

// ---------------------------------------------------------------------------------------------
// Grids derived from the sample

const PROJECTS = 0;

/** The sample's projects grid with every data cell (rows 6–31, not the header) replaced. */
function withProjectData(replace: (v: CellValue, row: number, column: number) => CellValue): SampleSheet[] {
  const sheets = sampleSheets();
  const g = sheets[PROJECTS].grid;
  for (let r = 5; r <= 30; r++) if (typeof g[r][0] === "number") g[r] = g[r].map((v, c) => replace(v, r + 1, c + 1));
  return sheets;
}

async function writeExcelJs(file: string, wb: ExcelJS.Workbook): Promise<string> {
  await wb.xlsx.writeFile(file);
  return file;
}

// ---------------------------------------------------------------------------------------------
// The corpus

type Maker = (file: string) => Promise<unknown> | unknown;

interface Spec {
  readonly name: string;
  readonly what: string;
  readonly heavy?: boolean;
  /** Too slow for every CI run: made only with `full` (ZSLEDGER_CORPUS_FULL=1). */
  readonly optional?: boolean;
  readonly make: Maker;
}

const SPECS: readonly Spec[] = [
  { name: "sample.xlsx", what: "the bundled sample, intact (the baseline)", make: (f) => writeExcelJs(f, workbookOf(sampleSheets())) },
  { name: "zero-bytes.xlsx", what: "zero bytes", make: (f) => fs.writeFileSync(f, "") },
  { name: "random-bytes.xlsx", what: "64 KB of random bytes", make: (f) => fs.writeFileSync(f, pseudoRandom(64 * 1024, 7)) },
  {
    name: "truncated.xlsx",
    what: "the sample cut at 60% (an interrupted download)",
    make: async (f) => {
      const full = await workbookOf(sampleSheets()).xlsx.writeBuffer();
      fs.writeFileSync(f, Buffer.from(full).subarray(0, Math.floor(full.byteLength * 0.6)));
    },
  },
  {
    name: "truncated-end.xlsx",
    what: "the sample without its last 10 bytes (end of central directory cut)",
    make: async (f) => {
      const full = Buffer.from(await workbookOf(sampleSheets()).xlsx.writeBuffer());
      fs.writeFileSync(f, full.subarray(0, full.length - 10));
    },
  },
  { name: "old-binary.xls", what: "an Excel 97–2003 .xls (OLE compound file with a Workbook stream)", make: (f) => fs.writeFileSync(f, oleFile(["Workbook", "\u0005SummaryInformation"], 8192, 11)) },
  { name: "legacy-renamed.xlsx", what: "an old .xls renamed .xlsx", make: (f) => fs.writeFileSync(f, oleFile(["Workbook"], 4096, 12)) },
  { name: "wps.et", what: "a WPS 表格 .et workbook (OLE compound file)", make: (f) => fs.writeFileSync(f, oleFile(["WpsBook", "Workbook", "\u0005DocumentSummaryInformation"], 8192, 13)) },
  {
    name: "password.xlsx",
    what: "a password-protected .xlsx (OLE with EncryptionInfo and EncryptedPackage)",
    make: (f) => fs.writeFileSync(f, oleFile(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"], 16384, 14)),
  },
  {
    name: "csv-renamed.xlsx",
    what: "a UTF-8 CSV with Chinese headers, renamed .xlsx",
    make: (f) => fs.writeFileSync(f, "\uFEFF序号,项目名称,总投资,项目状态,签约日期\r\n1,冷链物流配送中心项目,12000,签约,2022-08-12\r\n2,数字经济产业园项目,8000,签约,2022.7.18\r\n"),
  },
  {
    name: "utf16-text.xlsx",
    what: "Excel's 'Unicode text' export (UTF-16 with BOM), renamed .xlsx",
    make: (f) => fs.writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("序号\t项目名称\t总投资\r\n1\t冷链物流配送中心项目\t12000\r\n", "utf16le")])),
  },
  {
    name: "html-table.xlsx",
    what: "an HTML table saved as .xlsx (what many systems export as 'Excel')",
    make: (f) => fs.writeFileSync(f, `<html><head><meta charset="utf-8"></head><body><table><tr><td>项目名称</td><td>总投资</td><td>项目状态</td></tr><tr><td>冷链物流配送中心项目</td><td>12000</td><td>签约</td></tr></table></body></html>`),
  },
  {
    name: "spreadsheetml-2003.xlsx",
    what: "an XML Spreadsheet 2003 file renamed .xlsx",
    make: (f) =>
      fs.writeFileSync(
        f,
        `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="项目台账" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Table><Row><Cell><Data ss:Type="String">项目名称</Data></Cell></Row></Table></Worksheet></Workbook>`,
      ),
  },
  { name: "folder.xlsx", what: "a directory named .xlsx", make: (f) => fs.mkdirSync(f) },
  {
    name: "docx-renamed.xlsx",
    what: "a Word document (zip without xl/workbook.xml) renamed .xlsx",
    make: (f) =>
      new ZipWriter(f)
        .add("[Content_Types].xml", XML_HEAD + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
        .add("word/document.xml", XML_HEAD + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>招商引资台账</w:t></w:r></w:p></w:body></w:document>`)
        .finish(),
  },
  {
    name: "zip-encrypted.xlsx",
    what: "an .xlsx whose zip entries carry the traditional-encryption flag",
    make: (f) => {
      // Flag bit 0 on every entry: a zip tool asks for a password before it gives any byte.
      const zip = new ZipWriter(f);
      for (const e of handPartsOf(handSample())) zip.add(e.name, e.data, { flags: 1 });
      zip.finish();
    },
  },
  {
    name: "bzip2-entries.xlsx",
    what: "an .xlsx whose sheet says compression method 12 (bzip2), which no spreadsheet writes",
    make: (f) => {
      const zip = new ZipWriter(f);
      for (const e of handPartsOf(handSample())) zip.add(e.name, e.data, e.name === "xl/worksheets/sheet1.xml" ? { method: 0 } : {});
      zip.finish();
      setMethod(f, "xl/worksheets/sheet1.xml", 12);
    },
  },
  {
    name: "broken-xml.xlsx",
    what: "a sheet whose XML stops in the middle of a tag",
    make: (f) =>
      writeHandBook(f, {
        sheets: [{ name: "项目台账", xml: XML_HEAD + `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><t>总投` }],
      }),
  },
  {
    name: "broken-deflate.xlsx",
    what: "a sheet entry whose deflate data is garbage",
    make: (f) => {
      const zip = new ZipWriter(f);
      for (const e of handPartsOf(handSample())) {
        // Stored garbage, then called deflated: the reader inflates noise.
        if (e.name === "xl/worksheets/sheet1.xml") zip.add(e.name, pseudoRandom(4096, 21), { method: 0, declareUnpacked: 20000 });
        else zip.add(e.name, e.data);
      }
      zip.finish();
      setMethod(f, "xl/worksheets/sheet1.xml", 8);
    },
  },
  {
    name: "missing-sheet-part.xlsx",
    what: "a workbook naming a sheet whose part is not in the zip",
    make: (f) => {
      const zip = new ZipWriter(f);
      for (const e of handPartsOf(handSample())) if (e.name !== "xl/worksheets/sheet2.xml") zip.add(e.name, e.data);
      zip.finish();
    },
  },
  {
    name: "zip-bomb.xlsx",
    what: `a sheet inflating to ${BOMB_BYTES / 1024 ** 3} GB from ~2 MB, sizes declared honestly`,
    heavy: true,
    make: (f) => bomb(f, {}),
  },
  {
    name: "zip-bomb-forged.xlsx",
    what: `the same bomb, its directory claiming 1 MB (caught while inflating)`,
    heavy: true,
    make: (f) => bomb(f, { declareUnpacked: 1024 ** 2 }),
  },
  {
    name: "zip-bomb-zip64.xlsx",
    what: "a zip64 directory declaring 5 TB for one sheet",
    heavy: true,
    make: (f) => bomb(f, { declareUnpacked: 5 * 1024 ** 4, times: 8 }),
  },
  {
    name: "too-large.xlsx",
    what: "1.2 GB declared at a normal compression ratio (embedded media)",
    heavy: true,
    make: (f) => {
      const zip = new ZipWriter(f);
      for (const e of handPartsOf(handSample())) zip.add(e.name, e.data);
      zip.add("xl/media/image1.png", pseudoRandom(5 * 1024 ** 2, 31), { declareUnpacked: 1.2e9 });
      zip.finish();
    },
  },
  {
    name: "million-rows.xlsx",
    what: `a projects ledger of ${MILLION.toLocaleString("en-US")} data rows`,
    heavy: true,
    make: (f) => writeHandBook(f, { sheets: [{ name: "项目台账", xml: millionRowsXml(QUIET_STAGES) }], sharedStrings: MILLION_STRINGS }),
  },
  {
    name: "million-error-rows.xlsx",
    what: `${MILLION.toLocaleString("en-US")} signed projects without dates: two million error findings`,
    heavy: true,
    optional: true,
    make: (f) => writeHandBook(f, { sheets: [{ name: "项目台账", xml: millionRowsXml(SIGNED_STAGES) }], sharedStrings: MILLION_STRINGS }),
  },
  {
    name: "cjk-chunk-boundaries.xlsx",
    what: `${CJK_ROWS} rows of Chinese text: inline in ~700 KB of sheet XML, shared in ~100 KB of strings (characters split between inflated chunks)`,
    make: (f) => {
      const strings: string[] = [];
      const grid: CellValue[][] = [["序号", "项目名称", "总投资", "项目状态", "投资方"]];
      for (let i = 1; i <= CJK_ROWS; i++) grid.push([i, `第${i}号项目`, `${1000 + i}万元`, i % 2 ? "策划" : "洽谈中", `泰安市第${i}招商引资有限公司`]);
      // Amounts in the shared strings (a garbled 万 is an invalid amount), stages inline in the sheet.
      const xml = sheetXml(grid, { strings }).replace(/<c r="(D\d+)" t="s"><v>(\d+)<\/v><\/c>/g, (_m, ref: string, i: string) => `<c r="${ref}" t="inlineStr"><is><t>${strings[Number(i)]}</t></is></c>`);
      return writeHandBook(f, { sheets: [{ name: "项目台账", xml }], sharedStrings: strings });
    },
  },
  { name: "columns-16384.xlsx", what: `a header across all 16,384 columns (A–XFD), ${WIDE_ROWS} rows reaching XFD`, make: (f) => writeHandBook(f, { sheets: [{ name: "项目台账", xml: wideSheetXml() }] }) },
  {
    name: "merged-chaos.xlsx",
    what: "10,000 merged areas: overlapping, reversed, whole-sheet (A1:XFD1048576), beyond the grid",
    make: (f) =>
      writeHandBook(
        f,
        handSample({
          merges: (s) => {
            const chaos = ["A1:XFD1048576", "B3:A1", "C3:C3", "ZZ9:A1", "A3:P33", "J3:K4", "A1048576:XFD1048576"];
            for (let i = 0; i < 10_000 / 5; i++) chaos.push(`${columnLetter((i % 16) + 1)}${(i % 40) + 1}:${columnLetter((i % 16) + 2)}${(i % 40) + 2}`);
            return [...s.merges.map(mergeRef), ...chaos];
          },
        }),
      ),
  },
  {
    name: "all-errors.xlsx",
    what: "every data cell of the ledgers an error value (#REF!, #N/A, #DIV/0! …), and a sheet of nothing but errors",
    make: (f) => {
      const errors = ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"];
      const sheets = withProjectData((_v, r, c) => ({ error: errors[(r + c) % errors.length] }));
      sheets.push({ name: "错误值", grid: Array.from({ length: 20 }, (_r, i) => Array.from({ length: 12 }, (_c, j) => ({ error: errors[(i + j) % errors.length] }))), merges: [] });
      return writeHandBook(f, handSample({ sheets }));
    },
  },
  {
    name: "formulas-no-cache.xlsx",
    what: "amounts and dates as formulas never calculated (no cached values), cached errors and strings",
    make: (f) => {
      const wb = workbookOf(sampleSheets());
      const ws = wb.getWorksheet("项目台账")!;
      for (let r = 6; r <= 31; r++) {
        const e = ws.getCell(r, 5);
        if (e.value !== null && typeof e.value === "number") e.value = { formula: `${e.value}*1` } as ExcelJS.CellFormulaValue;
      }
      ws.getCell(32, 5).value = { formula: "SUM(E6:E31)" } as ExcelJS.CellFormulaValue;
      ws.getCell(32, 12).value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      ws.getCell(9, 10).value = { formula: 'TEXT("2022-09-15","yyyy-mm-dd")', result: "2022-09-15" } as ExcelJS.CellFormulaValue;
      ws.getCell(11, 10).value = { formula: "DATE(2022,12,31)" } as ExcelJS.CellFormulaValue;
      return writeExcelJs(f, wb);
    },
  },
  {
    name: "rich-text.xlsx",
    what: "headers, names and stages as rich text (runs in several fonts)",
    make: (f) => {
      const wb = workbookOf(sampleSheets());
      const ws = wb.getWorksheet("项目台账")!;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && cell.value.length >= 2) {
            const s = cell.value;
            cell.value = { richText: [{ text: s.slice(0, 1), font: { bold: true, color: { argb: "FFC00000" } } }, { text: s.slice(1), font: { italic: true } }] };
          }
        }),
      );
      return writeExcelJs(f, wb);
    },
  },
  {
    name: "hyperlinks.xlsx",
    what: "project names and investors as hyperlinks (web, mailto, in-workbook)",
    make: (f) => {
      const wb = workbookOf(sampleSheets());
      const ws = wb.getWorksheet("项目台账")!;
      for (let r = 6; r <= 31; r++) {
        const name = ws.getCell(r, 2);
        if (typeof name.value === "string") name.value = { text: name.value, hyperlink: `https://example.invalid/project/${r}` };
        const investor = ws.getCell(r, 3);
        if (typeof investor.value === "string") investor.value = { text: investor.value, hyperlink: r % 2 ? "mailto:zs@example.invalid" : "#'外出招商'!A1" };
      }
      return writeExcelJs(f, wb);
    },
  },
  {
    name: "proto-headers.xlsx",
    what: "headers and values named __proto__, constructor, toString, hasOwnProperty; a sheet named __proto__",
    make: (f) =>
      writeHandBook(f, {
        sheets: [
          {
            name: "__proto__",
            xml: sheetXml([
              ["__proto__", "项目名称", "constructor", "总投资", "toString", "项目状态", "hasOwnProperty", "valueOf", "prototype"],
              ["__proto__", "__proto__", "constructor", 100, "toString", "策划", "x", "y", "z"],
              [1, "constructor", { error: "#N/A" }, "__proto__", "valueOf", "签约", null, null, null],
              [2, "toString", null, 200, null, "constructor", null, null, null],
            ]),
          },
          { name: "台账设置", xml: sheetXml([["项目", "值"], ["__proto__", "街道"], ["constructor", "园区"], ["单位类型", "__proto__"], ["统计截止日", "2022-09-30"]]) },
        ],
      }),
  },
  {
    name: "cell-10mb.xlsx",
    what: "three 10 MB cells: a title of spaces and colons, nested brackets in the header row, a note of text",
    // A child process: a reader gone quadratic on such a cell hangs, and only the watchdog can stop it.
    heavy: true,
    make: (f) => {
      const sheets = sampleSheets();
      const g = sheets[PROJECTS].grid;
      g[0][0] = "财源街道" + " ".repeat(BIG_CELL / 2) + "单位:" + "  :".repeat(BIG_CELL / 6) + "台账";
      g[2][15] = "(".repeat(BIG_CELL / 2) + "备注" + ")".repeat(BIG_CELL / 2);
      g[12][15] = "项目说明：".repeat(BIG_CELL / 5 / 3);
      return writeHandBook(f, handSample({ sheets, shared: true }));
    },
  },
  {
    name: "hidden.xlsx",
    what: "hidden and very hidden sheets, hidden rows inside the ledger",
    make: (f) => {
      const wb = workbookOf(sampleSheets());
      wb.getWorksheet("例会记录")!.state = "hidden";
      wb.getWorksheet("外出招商")!.state = "veryHidden";
      const ws = wb.getWorksheet("项目台账")!;
      for (let r = 6; r <= 12; r++) ws.getRow(r).hidden = true;
      ws.getColumn(5).hidden = true;
      return writeExcelJs(f, wb);
    },
  },
  {
    name: "sheet-names.xlsx",
    what: "sheet names with emoji, Arabic and Hebrew (right-to-left), a right-to-left override mark",
    make: (f) => {
      const sheets = sampleSheets();
      const names = ["📊项目台账🚀", "外出招商✈️", "客商邀请\u202Eمشروع", "例会记录 פרויקט", "台账设置"];
      sheets.forEach((s, i) => (s.name = names[i]));
      return writeHandBook(f, handSample({ sheets }));
    },
  },
  { name: "date-1904.xlsx", what: "the sample in the 1904 date system (old Mac Excel)", make: (f) => writeHandBook(f, handSample({ dateSystem: 1904 })) },
  {
    name: "empty-workbook.xlsx",
    what: "a workbook of one empty sheet",
    make: (f) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Sheet1");
      return writeExcelJs(f, wb);
    },
  },
  { name: "no-sheets.xlsx", what: "a workbook part listing no sheets at all", make: (f) => writeHandBook(f, { sheets: [] }) },
  {
    name: "settings-only.xlsx",
    what: "only a 台账设置 sheet, no ledger",
    make: (f) => writeHandBook(f, { sheets: [{ name: "台账设置", xml: sheetXml([["项目", "值"], ["单位名称", "财源街道"], ["单位类型", "街道"], ["统计截止日", "2022-09-30"]]) }] }),
  },
  {
    name: "shared-strings-last.xlsx",
    what: "sharedStrings.xml, styles and the workbook part stored after the sheets",
    make: (f) => writeHandBook(f, { ...handSample({ shared: true }), partsLast: true }),
  },
  {
    name: "no-cell-refs.xlsx",
    what: "rows and cells without r attributes (valid OOXML, written by some tools)",
    make: (f) => writeHandBook(f, { sheets: sampleSheets().map((s) => ({ name: s.name, xml: sheetXml(s.grid, { noRefs: true }) })) }),
  },
  {
    name: "xxe.xlsx",
    what: "a sheet with a DOCTYPE: an external entity (file:///etc/passwd) and nested entity expansion",
    make: (f) => {
      const laughs = ['<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'];
      for (let i = 1; i <= 9; i++) laughs.push(`<!ENTITY ${String.fromCharCode(97 + i)} "${`&${String.fromCharCode(96 + i)};`.repeat(10)}">`);
      const prolog = `<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">${laughs.join("")}]>`;
      const grid: CellValue[][] = [
        ["项目名称", "总投资", "项目状态"],
        ["&xxe;", 100, "策划"],
        ["&j;", 200, "策划"],
      ];
      // The entity references must reach the XML as references, not escaped text.
      const xml = sheetXml(grid, { prolog }).replace("&amp;xxe;", "&xxe;").replace("&amp;j;", "&j;");
      return writeHandBook(f, { sheets: [{ name: "项目台账", xml }] });
    },
  },
  {
    name: "huge-row-numbers.xlsx",
    what: "rows numbered 1, 2, 1,048,576 and 99,999,999 (beyond Excel's grid; a signed project there has findings)",
    make: (f) => {
      const row = (r: number, values: CellValue[]) => rowXml(r, values, {});
      const xml =
        XML_HEAD +
        `<worksheet xmlns="${MAIN_NS}"><sheetData>${row(1, ["项目名称", "总投资", "项目状态"])}${row(2, ["冷链物流配送中心项目", 12000, "策划"])}` +
        `${row(1_048_576, ["最后一行项目", 100, "在谈"])}${row(99_999_999, ["越界项目", 1, "签约"])}</sheetData></worksheet>`;
      return writeHandBook(f, { sheets: [{ name: "项目台账", xml }] });
    },
  },
  // ── Issue 14: hostile parts ───────────────────────────────────────────────────────────────
  {
    name: "shared-strings-empty-runs.xlsx",
    what: "~64 KB whose shared strings inflate to 60 MB of empty rich-text runs (<r/>: ExcelJS kept 1.3 GB of run objects)",
    heavy: true,
    make: (f) =>
      withPart(f, handSample({ shared: true }), "xl/sharedStrings.xml", (xml) => [
        { data: xml.slice(0, xml.lastIndexOf("</sst>")) + "<si>" },
        { data: megabyteOf("<r/>"), times: 60 },
        { data: "</si></sst>" },
      ]),
  },
  {
    name: "styles-bloat.xlsx",
    what: "a ~95 KB styles part inflating to ~24 MB: 10 MB of fonts and 175,000 cell formats (ExcelJS kept 2.4 GB)",
    heavy: true,
    make: (f) => withPart(f, handSample(), "xl/styles.xml", () => {
      const [beforeFonts, afterFont] = splitAt(STYLES, "</fonts>");
      const [beforeXfsEnd, rest] = splitAt(afterFont, "</cellXfs>");
      return [
        { data: beforeFonts },
        { data: megabyteOf('<font><b/><i/><sz val="11"/><color rgb="FF000000"/><name val="宋体"/><family val="2"/></font>'), times: 10 },
        { data: beforeXfsEnd },
        { data: megabyteOf('<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'), times: 14 },
        { data: rest },
      ];
    }),
  },
  {
    name: "diluted-bomb.xlsx",
    what: "~5 MB: 3 MB of stored random padding keep the archive's ratio (~170:1) under the bomb threshold while the shared strings inflate to 900 MB (~390:1)",
    heavy: true,
    make: (f) =>
      withPart(
        f,
        handSample({ shared: true }),
        "xl/sharedStrings.xml",
        (xml) => [{ data: xml.slice(0, xml.lastIndexOf("</sst>")) }, { data: megabyteOf("<si><t>招商引资</t></si>"), times: 900 }, { data: "</sst>" }],
        (zip) => zip.add("xl/media/image1.png", pseudoRandom(3 * 1024 ** 2, 41), { method: 0 }),
      ),
  },
  {
    name: "many-findings.xlsx",
    what: `${MANY_FINDINGS_ROWS.toLocaleString("en-US")} signed projects without dates: ${(2 * MANY_FINDINGS_ROWS).toLocaleString("en-US")} error findings for the text report`,
    heavy: true,
    make: (f) => writeHandBook(f, { sheets: [{ name: "项目台账", xml: millionRowsXml(SIGNED_STAGES, MANY_FINDINGS_ROWS) }], sharedStrings: MILLION_STRINGS }),
  },
  {
    name: "namespace-prefix.xlsx",
    what: "every part written with a namespace prefix (<x:worksheet>, <x:sst>, <pr:Relationships>), as some exporters do",
    make: (f) => {
      const zip = new ZipWriter(f);
      for (const e of handPartsOf(handSample({ shared: true }))) zip.add(e.name, e.name === "[Content_Types].xml" ? e.data : prefixed(e.data.toString("utf8")));
      zip.finish();
    },
  },
  {
    name: "utf16-parts.xlsx",
    what: "every XML part in UTF-16 with a byte order mark (one big-endian), as the XML spec allows",
    make: (f) => {
      const zip = new ZipWriter(f);
      for (const e of handPartsOf(handSample({ shared: true }))) zip.add(e.name, utf16(e.data.toString("utf8"), e.name === "xl/worksheets/sheet2.xml" ? "be" : "le"));
      zip.finish();
    },
  },
  {
    name: "crc-mismatch.xlsx",
    what: "a stored sheet whose bytes were changed after its CRC-32 was written (150000 became 150001)",
    make: (f) => {
      const zip = new ZipWriter(f);
      for (const e of handPartsOf(handSample())) zip.add(e.name, e.data, e.name === "xl/worksheets/sheet1.xml" ? { method: 0 } : {});
      zip.finish();
      const b = fs.readFileSync(f);
      const at = b.indexOf("<v>150000</v>");
      if (at < 0) throw new Error("crc-mismatch: value not found");
      b.write("<v>150001</v>", at);
      fs.writeFileSync(f, b);
    },
  },
  {
    name: "directory-points-elsewhere.xlsx",
    what: "the directory's record of sheet2.xml points at sheet1.xml's data (read as sheet2 without a word before)",
    make: (f) => {
      const zip = new ZipWriter(f);
      for (const e of handPartsOf(handSample())) zip.add(e.name, e.data);
      zip.finish();
      const b = fs.readFileSync(f);
      const records = centralRecords(b);
      const [one, two] = [records.get("xl/worksheets/sheet1.xml")!, records.get("xl/worksheets/sheet2.xml")!];
      // Sizes, CRC and offset of sheet1: the record is consistent, only it names another entry.
      b.copy(b, two + 16, one + 16, one + 28);
      b.writeUInt32LE(b.readUInt32LE(one + 42), two + 42);
      fs.writeFileSync(f, b);
    },
  },
  {
    name: "date-serial-1e15.xlsx",
    what: "a date-formatted cell holding the serial 1e15 (past any calendar) as a signed project's 签约日期",
    make: (f) => {
      const book = handSample();
      const sheet = book.sheets[0];
      const xml = (sheet.xml as string).replace(/<c r="I8" s="1"><v>[^<]*<\/v><\/c>/, `<c r="I8" s="1"><v>${HUGE_SERIAL}</v></c>`);
      if (xml === sheet.xml) throw new Error("date-serial-1e15: I8 not found");
      return writeHandBook(f, { ...book, sheets: [{ ...sheet, xml }, ...book.sheets.slice(1)] });
    },
  },
  {
    name: "bogus-dimension.xlsx",
    what: "a <dimension> naming columns past XFD and rows past 1,048,576 (ZZZZZ1:ZZZZZZ99999999)",
    make: (f) => {
      const book = handSample();
      const sheet = book.sheets[0];
      const xml = (sheet.xml as string).replace("<sheetData>", '<dimension ref="ZZZZZ1:ZZZZZZ99999999"/><sheetData>');
      return writeHandBook(f, { ...book, sheets: [{ ...sheet, xml }, ...book.sheets.slice(1)] });
    },
  },
  { name: "fifo.xlsx", what: "a named pipe (FIFO) named .xlsx: opening it would wait for a writer forever", make: (f) => execFileSync("mkfifo", [f]) },
  { name: "device.xlsx", what: "a link to /dev/zero (a character device: endless zeros, size 0)", make: (f) => fs.symlinkSync("/dev/zero", f) },
  {
    name: CONTROL_NAME,
    what: "ESC and a line break in the file name; C1 controls (U+009B is CSI), DEL, a bidi override and a line break in a sheet name and a project name",
    make: (f) => {
      const sheets = sampleSheets();
      sheets[PROJECTS].name = CONTROL_SHEET;
      // Rows 11 and 27 hold the same project: its name is quoted in the duplicate-project message.
      sheets[PROJECTS].grid[10][1] = CONTROL_PROJECT;
      sheets[PROJECTS].grid[26][1] = CONTROL_PROJECT;
      return writeHandBook(f, handSample({ sheets }));
    },
  },
  { name: CONTROL_NAME_BROKEN, what: "random bytes under a file name with ESC and a line break", make: (f) => fs.writeFileSync(f, pseudoRandom(4096, 43)) },
];

/** Text repeated to about one megabyte (a repeatable deflate segment). */
function megabyteOf(unit: string): Buffer {
  const one = Buffer.from(unit, "utf8");
  return Buffer.from(unit.repeat(Math.max(1, Math.floor(1024 ** 2 / one.length))), "utf8");
}

function splitAt(s: string, marker: string): [string, string] {
  const at = s.indexOf(marker);
  if (at < 0) throw new Error(`${marker} not found`);
  return [s.slice(0, at), s.slice(at)];
}

/** A hand-written book whose part `name` is made of deflate segments (repeated ones inflate far); `more` adds entries. */
function withPart(
  file: string,
  book: HandBook,
  name: string,
  segments: (xml: string) => { data: string | Buffer; times?: number }[],
  more?: (zip: ZipWriter) => void,
): string {
  const zip = new ZipWriter(file);
  for (const e of handPartsOf(book)) {
    if (e.name === name) zip.addSegments(name, segments(e.data.toString("utf8")));
    else zip.add(e.name, e.data);
  }
  more?.(zip);
  return zip.finish();
}

/**
 * A part with its root's namespace declared under a prefix, which every element of it then takes
 * (attributes keep theirs): <worksheet xmlns="…main"><sheetData> → <x:worksheet xmlns:x="…main"><x:sheetData>.
 */
function prefixed(xml: string): string {
  const prefix = xml.includes("<Relationships") ? "pr" : "x";
  return xml
    .replace(/ xmlns="([^"]*)"/, ` xmlns:${prefix}="$1"`)
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (_m, slash: string, name: string) => `<${slash}${prefix}:${name}`);
}

/** A part re-encoded as UTF-16 with its byte order mark, its declaration saying so. */
function utf16(xml: string, order: "le" | "be"): Buffer {
  const text = "\uFEFF" + xml.replace(/encoding="UTF-8"/, 'encoding="UTF-16"');
  const le = Buffer.from(text, "utf16le");
  return order === "le" ? le : le.swap16();
}

/** Where each entry's central directory record starts, by name. */
function centralRecords(zip: Buffer): Map<string, number> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(end + 16);
  const out = new Map<string, number>();
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = zip.readUInt16LE(p + 28);
    out.set(zip.toString("utf8", p + 46, p + 46 + nameLength), p);
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

/** The bomb: one sheet of `times` MB of spaces inside sheetData, each MB one repeated deflate chunk. */
function bomb(file: string, o: { declareUnpacked?: number; times?: number }): string {
  const zip = new ZipWriter(file);
  for (const e of handPartsOf(handSample())) if (e.name !== "xl/worksheets/sheet1.xml") zip.add(e.name, e.data);
  const times = o.times ?? BOMB_BYTES / 1024 ** 2;
  zip.addRepeated(
    "xl/worksheets/sheet1.xml",
    XML_HEAD + `<worksheet xmlns="${MAIN_NS}"><sheetData>`,
    Buffer.alloc(1024 ** 2, 0x20),
    times,
    `</sheetData></worksheet>`,
    { declareUnpacked: o.declareUnpacked },
  );
  return zip.finish();
}

/** Rewrites the compression method of an entry, in its local header and its central record. */
function setMethod(file: string, entry: string, method: number): void {
  const b = fs.readFileSync(file);
  const p = centralRecords(b).get(entry);
  if (p === undefined) throw new Error(`${entry} not in ${file}`);
  b.writeUInt16LE(method, p + 10);
  b.writeUInt16LE(method, b.readUInt32LE(p + 42) + 8);
  fs.writeFileSync(file, b);
}

/** Writes every corpus file into `dir` (which must exist and be empty) and lists them. */
export async function makeCorpus(dir: string, options: CorpusOptions = {}): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  for (const spec of SPECS) {
    if ((spec.optional && !options.full) || (options.only && !options.only(spec.name))) continue;
    const file = path.join(dir, spec.name);
    await spec.make(file);
    files.push({ name: spec.name, path: file, what: spec.what, heavy: spec.heavy ?? false });
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// Hostile parts for `--highlight` (issue 14): each makes pattern matching backtrack, `n` times

export type HighlightCase = "span" | "vml" | "comments";

const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

/**
 * The sample, its projects sheet made hostile to the highlighted copy, all of it valid XML where
 * the check reads it:
 * - span: no range in <dimension>, and comments full of "<dimension " before the rows and "<c "
 *   among them (a pattern searching tags from each "<" to the next ">" goes quadratic);
 * - vml: the sheet's note drawing holds a comment full of "<o:idmap " and "<xml ", and an entry no
 *   part relates to is nothing but unclosed "<o:idmap " (it used to be read anyway);
 * - comments: the sheet's comments part holds comments full of "<author " after its author and
 *   of "<comment " after its list (where no end tag follows for a lazy pattern to stop at).
 * The sheet has a note already (Q6), so the copy merges into its comments part and drawing.
 */
export function writeHighlightCase(file: string, kind: HighlightCase, n: number): string {
  const book = handSample();
  const parts = handPartsOf(book).map((p) => ({ ...p, data: p.data.toString("utf8") }));
  const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
  let xml = sheet.data.replace("</worksheet>", '<legacyDrawing r:id="rId1"/></worksheet>');
  if (kind === "span") {
    xml = xml
      .replace("<sheetData>", `<dimension ref="A1"/><!-- ${"<dimension ".repeat(n)} --><sheetData>`)
      .replace(/(<row r="6">)/, `<!-- ${"<c ".repeat(n)} -->$1`);
  }
  sheet.data = xml;
  const types = parts.find((p) => p.name === "[Content_Types].xml")!;
  types.data = types.data.replace(
    "</Types>",
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
  );
  const sheetRels =
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
    `<Relationship Id="rId2" Type="${REL_NS}/comments" Target="../comments1.xml"/></Relationships>`;
  const junk = (s: string) => (kind === "comments" ? `<!-- ${s.repeat(n)} -->` : "");
  const comments =
    XML_HEAD +
    `<comments xmlns="${MAIN_NS}"><authors><author>王敏</author>${junk("<author ")}</authors><commentList>` +
    `<comment ref="Q6" authorId="0"><text><r><t>原有批注：已核实</t></r></text></comment></commentList>${junk("<comment ")}</comments>`;
  const vml =
    `<xml ${VML_NS}>${kind === "vml" ? `<!-- ${"<o:idmap <xml ".repeat(n)} -->` : ""}` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
    `<v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>5</x:Row><x:Column>16</x:Column></x:ClientData></v:shape></xml>`;
  const zip = new ZipWriter(file);
  for (const p of parts) zip.add(p.name, p.data);
  zip.add("xl/worksheets/_rels/sheet1.xml.rels", sheetRels).add("xl/comments1.xml", comments).add("xl/drawings/vmlDrawing1.vml", vml);
  // Related from nowhere: Excel never loads it, and neither may the copy.
  if (kind === "vml") zip.add("xl/drawings/vmlDrawing9.vml", `<xml ${VML_NS}>${"<o:idmap ".repeat(n)}`);
  return zip.finish();
}

/** The sample as another unit's ledger: its name in the title and in 台账设置. */
export function writeUnitSample(file: string, unit: string): Promise<string> {
  const sheets = sampleSheets().map((sheet) => ({
    ...sheet,
    grid: sheet.grid.map((row) => row.map((v) => (typeof v === "string" ? v.replace(/财源街道/g, unit) : v))),
  }));
  return writeHandBook(file, handSample({ sheets }));
}
