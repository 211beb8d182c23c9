/**
 * `zsledger check FILE --highlight OUT.xlsx`: the input is byte-identical afterwards; the copy
 * carries the marks (conditional formats in the marks' colours) exactly on the status rows and
 * the error cells, and a note exactly on each finding's cell; everything else of the workbook —
 * the user's own fills, notes, conditional formats, validations, links, the 台账设置 sheet — is
 * unchanged, every untouched zip entry byte for byte.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { AS_OF_NAME } from "../../src/core/marks/asOf";
import { MARK_STYLES, STATUS_MARK } from "../../src/core/marks/mark";
import { parseAreas } from "../../src/host/areas";
import { serialFromDay, dayFromDate } from "../../src/core/day";
import { engineBook, storedFormats, type CellState, type DocState, type SheetState } from "../excel/fakeExcel";
import { formulaEngine, shownCells, shownRows } from "../host/formulaEngine";
import { sniffFile } from "../../src/cli/sniff";
import { entryDataOffset, entryStream, readAt, type ZipEntry } from "../../src/cli/zip";
import { oneLine, runCli, tempDir } from "../cli/helpers";
import { SAMPLE_PLANTED, sampleSheets } from "../sample/sampleLedger";
import { workbookOf } from "../sample/writeSample";
import { FORMULA_NAME } from "./fixtures";

/** A sheet's marks of one kind, anchored as Excel reads a cfRule (at its first area's top-left cell). */
const marksOf = (sheet: SheetState, kind: string) => storedFormats(sheet).filter((f) => f.formula.includes(`"zsledger-mark:${kind}:`));

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

const USER_FILL = "FF00B0F0";
const USER_NOTE = "请核实签约文本（王敏）";
const USER_NOTE_ON_FINDING = "已催办，企业称10月开工";

/**
 * The sample as a clerk has dressed it further: a fill of her own, notes (one on a cell the check
 * flags), a conditional format of her own on the projects sheet and on the trips sheet, a data
 * validation, a hyperlink, and a project named "=1+1".
 */
async function userWorkbook(file: string): Promise<void> {
  const sheets = sampleSheets();
  sheets[0].grid[7][1] = FORMULA_NAME;
  const wb = workbookOf(sheets);
  const projects = wb.getWorksheet("项目台账")!;
  projects.getCell("C7").fill = { type: "pattern", pattern: "solid", fgColor: { argb: USER_FILL } };
  projects.getCell("P6").note = USER_NOTE;
  projects.getCell("J9").note = USER_NOTE_ON_FINDING;
  projects.addConditionalFormatting({
    ref: "L6:L31",
    rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["10000"], priority: 1, style: { font: { color: { argb: "FF006100" }, bold: true } } }],
  });
  (projects as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add("F6:F31", {
    type: "list",
    allowBlank: true,
    formulae: ['"策划,在谈,签约,开工,竣工,终止"'],
  });
  projects.getCell("P7").value = { text: "一期厂房已开工", hyperlink: "https://example.com/project/2" };
  const trips = wb.getWorksheet("外出招商")!;
  trips.getCell("F3").note = "联系人：华南智能制造 李总";
  trips.addConditionalFormatting({
    ref: "A3:A10",
    rules: [{ type: "expression", formulae: ['$C3="党工委书记"'], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFE2EFDA" } } } }],
  });
  await wb.xlsx.writeFile(file);
}

/** What ExcelJS reads of a sheet's conditional formats (its typings only describe adding them). */
interface ConditionalFormat {
  ref: string;
  rules: { type: string; formulae?: string[]; style: ExcelJS.Style }[];
}

function conditionalFormats(ws: ExcelJS.Worksheet): ConditionalFormat[] {
  return (ws as unknown as { conditionalFormattings: ConditionalFormat[] }).conditionalFormattings;
}

function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

function entries(file: string): ZipEntry[] {
  const s = sniffFile(file);
  if ("problem" in s) throw new Error(s.problem.kind);
  return [...s.entries];
}

function packed(file: string, e: ZipEntry): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    return readAt(fd, entryDataOffset(fd, e), e.packed);
  } finally {
    fs.closeSync(fd);
  }
}

async function text(file: string, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of entryStream(file, entries(file).find((e) => e.name === name)!)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function cellKey(address: string): string {
  const [a] = parseAreas(address);
  return `${a.top},${a.left}`;
}

/**
 * The copy as the formula engine's document: each cell's value as a spreadsheet holds it (a date
 * cell as its serial), each conditional format with its areas in sqref order, the defined names.
 */
async function documentOf(book: ExcelJS.Workbook, file: string): Promise<DocState> {
  const blank = (): CellState => ({ value: "", numberFormat: "General", fill: null, fontColor: "#000000", fontBold: false, borders: { top: null, bottom: null, left: null, right: null } });
  const sheets = book.worksheets.map((ws) => {
    const cells: Record<string, CellState> = {};
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value as unknown;
        const value = v instanceof Date ? serialFromDay(dayFromDate(v)!) : typeof v === "object" && v !== null ? String((v as { text?: string }).text ?? "") : (v as string | number | boolean);
        cells[`${r},${c}`] = { ...blank(), value };
      }),
    );
    const cfs = conditionalFormats(ws).map((cf) => ({
      type: "Custom",
      formula: String(cf.rules[0].formulae?.[0] ?? ""),
      areas: parseAreas(cf.ref.replace(/ /g, ",")),
      format: { fill: null, fontColor: null, borders: { top: null, bottom: null, left: null, right: null } },
    }));
    return { name: ws.name, visibility: "Visible" as const, protected: false, cells, cfs, merges: [] };
  });
  const workbookXml = await text(file, "xl/workbook.xml");
  const names = [...workbookXml.matchAll(/<definedName name="([^"]+)"[^>]*>([^<]*)<\/definedName>/g)].map((m) => ({
    name: m[1],
    formula: "=" + m[2].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"),
  }));
  return { name: path.basename(file), dateSystem: 1900, sheets, names, activeSheet: sheets[0].name, selection: null, calculations: [] };
}

/** The note's text, however ExcelJS gives it (plain or rich). */
function noteText(cell: ExcelJS.Cell): string | null {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return null;
  if (typeof n === "string") return n;
  return ((n as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
}

describe("a dressed-up ledger", () => {
  let input: string;
  let out: string;
  let before: string;
  let run: { code: number; stdout: string; stderr: string };
  let json: { files: { findings: { sheet: string; cell: string; row: number; rule: string; severity: string; message: string }[] }[] };

  beforeAll(async () => {
    input = path.join(dir, "财源街道招商引资台账.xlsx");
    out = path.join(dir, "财源街道-标记.xlsx");
    await userWorkbook(input);
    before = sha256(input);
    fs.chmodSync(input, 0o444);
    run = await runCli(["check", path.basename(input), "--highlight", path.basename(out)], { cwd: dir });
    json = JSON.parse((await runCli(["check", path.basename(input), "--format", "json"], { cwd: dir })).stdout);
  });

  test("the input is byte-identical afterwards (and was never opened for writing: it is read-only)", () => {
    expect(sha256(input)).toBe(before);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^招商台账检查报告：财源街道招商引资台账\.xlsx\n/);
    expect(oneLine(run.stderr)).toBe("zsledger: 已写入标记副本 财源街道-标记.xlsx：标记 13 处，批注 21 条");
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("every zip entry the marks do not need is copied byte for byte", () => {
    const was = new Map(entries(input).map((e) => [e.name, e]));
    const now = new Map(entries(out).map((e) => [e.name, e]));
    // The marks' parts, the as-of name in workbook.xml, and the marker that says this is a highlighted copy (ownOutput.ts): a custom properties part, related from _rels/.rels.
    const changed = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"];
    expect([...now.keys()].sort()).toEqual([...was.keys(), "docProps/custom.xml"].sort());
    for (const [name, e] of was) {
      if (changed.includes(name)) continue;
      const c = now.get(name)!;
      expect({ name, crc: c.crc32, method: c.method, size: c.unpacked }).toEqual({ name, crc: e.crc32, method: e.method, size: e.unpacked });
      expect(packed(out, c).equals(packed(input, e))).toBe(true);
    }
    // The untouched sheets include the trips sheet with the user's note and conditional format, and 台账设置.
    expect(was.has("xl/worksheets/sheet2.xml") && was.has("xl/worksheets/sheet5.xml")).toBe(true);
  });

  test("the marks, evaluated by a formula engine on the copy's values, show exactly on the status rows and the error cells, in the marks' colours", async () => {
    const book = await readBook(out);
    const doc = await documentOf(book, out);
    const engine = formulaEngine(engineBook(() => doc), new Date(2030, 0, 1)); // the as-of comes from 台账设置, not today
    const projects = doc.sheets.find((x) => x.name === "项目台账")!;
    const ours = (kind: string) => (formula: string) => formula.includes(`"zsledger-mark:${kind}:`);
    const planted = (...rules: string[]) => SAMPLE_PLANTED.filter((p) => rules.includes(p.rule)).map((p) => Number(p.cell.slice(1)));
    expect(shownRows(engine, projects.name, marksOf(projects, "start-alert"))).toEqual(planted("missing-planned-start", "overdue-start"));
    expect(shownRows(engine, projects.name, marksOf(projects, "start-soon"))).toEqual(planted("start-due-soon"));
    const errorCells = json.files[0].findings.filter((f) => f.severity === "error").map((f) => cellKey(f.cell));
    expect(shownCells(engine, projects.name, marksOf(projects, "error-cell"))).toEqual([...new Set(errorCells)].sort());
    // the as-of in the workbook-level name, referring to 台账设置's cell
    expect(doc.names).toEqual([{ name: AS_OF_NAME, formula: expect.stringContaining("'台账设置'!$B$") }]);

    const cfs = conditionalFormats(book.getWorksheet("项目台账")!);
    const style = (kind: string) => cfs.find((cf) => ours(kind)(String(cf.rules[0].formulae?.[0] ?? "")))!.rules[0].style;
    expect((style("start-alert").fill as ExcelJS.FillPattern).bgColor?.argb).toBe("FF" + MARK_STYLES["start-alert"].fill!.slice(1));
    expect(style("start-alert").font.color?.argb).toBe("FF" + MARK_STYLES["start-alert"].font.slice(1));
    expect((style("start-soon").fill as ExcelJS.FillPattern).bgColor?.argb).toBe("FF" + MARK_STYLES["start-soon"].fill!.slice(1));
    expect(style("error-cell").border.left?.color?.argb).toBe("FF" + MARK_STYLES["error-cell"].border!.slice(1));
    expect(style("error-cell").fill ?? null).toBeNull();
    expect(STATUS_MARK.overdue).toBe("start-alert");
  });

  test("after an edit in the copy, its marks follow the cells with no tool running", async () => {
    const book = await readBook(out);
    const doc = await documentOf(book, out);
    const engine = formulaEngine(engineBook(() => doc), new Date(2030, 0, 1));
    const projects = doc.sheets.find((x) => x.name === "项目台账")!;
    projects.cells["8,10"] = { ...projects.cells["9,10"], value: serialFromDay(Date.UTC(2023, 2, 1) / 86_400_000) }; // J8 filled, months ahead
    projects.cells["24,6"] = { ...projects.cells["24,6"], value: "签约" }; // row 24 signed, no planned start
    expect(shownRows(engine, projects.name, marksOf(projects, "start-alert"))).toEqual([9, 24]);
  });

  test("notes exactly on the findings' cells, each carrying its messages; the user's notes kept (merged where they share a cell)", async () => {
    const wb = await readBook(out);
    const ws = wb.getWorksheet("项目台账")!;
    const findings = json.files[0].findings;
    const expected = new Map<string, string[]>();
    for (const f of findings) if (f.cell) expected.set(f.cell, [...(expected.get(f.cell) ?? []), f.message]);
    const seen = new Map<string, string>();
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const t = noteText(cell);
        if (t !== null) seen.set(cell.address, t);
      }),
    );
    expect([...seen.keys()].sort()).toEqual([...new Set([...expected.keys(), "P6", "J9"])].sort());
    for (const [cell, messages] of expected) {
      expect(seen.get(cell)).toContain("招商台账助手：");
      for (const m of messages) expect(seen.get(cell)).toContain(m);
    }
    expect(seen.get("P6")).toBe(USER_NOTE);
    expect(seen.get("J9")!.startsWith(USER_NOTE_ON_FINDING)).toBe(true);
    expect(seen.get("J9")).toContain("计划开工日期 2022-09-15 已过");
    expect(noteText(wb.getWorksheet("外出招商")!.getCell("F3"))).toBe("联系人：华南智能制造 李总");
  });

  test("every cell's value and style, and the user's own conditional formats, validations and links, are as they were", async () => {
    const [a, b] = [await readBook(input), await readBook(out)];
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const wa of a.worksheets) {
      const wb_ = b.getWorksheet(wa.name)!;
      wa.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const { value, style } = wb_.getCell(cell.address);
          expect({ at: `${wa.name}!${cell.address}`, value, style }).toEqual({ at: `${wa.name}!${cell.address}`, value: cell.value, style: cell.style });
        }),
      );
      const theirs = conditionalFormats(wb_).filter((cf) => !JSON.stringify(cf).includes("zsledger-mark:"));
      expect(theirs).toEqual(conditionalFormats(wa));
      if (wa.name === "项目台账" || wa.name === "外出招商") expect(theirs).toHaveLength(1);
      expect(wb_.model.merges).toEqual(wa.model.merges);
    }
    const projects = b.getWorksheet("项目台账")!;
    expect((projects.getCell("C7").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(USER_FILL);
    expect(projects.getCell("F10").dataValidation).toMatchObject({ type: "list", formulae: ['"策划,在谈,签约,开工,竣工,终止"'] });
    expect(projects.getCell("P7").value).toEqual({ text: "一期厂房已开工", hyperlink: "https://example.com/project/2" });
    expect(projects.getCell("B8").value).toBe(FORMULA_NAME);
    expect(projects.getCell("B8").type).toBe(ExcelJS.ValueType.String);
  });

  test("the sheet's elements stay in schema order", async () => {
    const xml = await text(out, "xl/worksheets/sheet1.xml");
    const tail = xml.slice(xml.indexOf("</sheetData>"));
    const order = [...tail.matchAll(/<(\w+)[\s/>]/g)].map((m) => m[1]).filter((n) => ["mergeCells", "conditionalFormatting", "dataValidations", "hyperlinks", "pageMargins", "pageSetup", "legacyDrawing", "tableParts", "extLst"].includes(n));
    const collapsed = order.filter((n, i) => n !== order[i - 1]);
    expect(collapsed).toEqual(["mergeCells", "conditionalFormatting", "dataValidations", "hyperlinks", "pageMargins", "pageSetup", "legacyDrawing"]);
    expect(tail.match(/<legacyDrawing /g)).toHaveLength(1);
  });

  test("the copy checks exactly like the input", async () => {
    const copy = JSON.parse((await runCli(["check", path.basename(out), "--format", "json"], { cwd: dir })).stdout);
    const { file: _a, ...was } = json.files[0] as unknown as Record<string, unknown>;
    const { file: _b, ...now } = copy.files[0];
    expect(now).toEqual(was);
  });
});

test("a ledger without notes: a comments part, a VML drawing and the sheet's relationship are added", async () => {
  const input = path.join(dir, "岱庙街道台账.xlsx");
  const out = path.join(dir, "岱庙街道台账-标记.xlsx");
  await workbookOf(sampleSheets()).xlsx.writeFile(input);
  const r = await runCli(["check", input, "--highlight", out, "--lang", "en", "--format", "json"]);
  expect(r.code).toBe(1);
  expect(oneLine(r.stderr)).toBe(`zsledger: wrote the highlighted copy ${out}: 13 marks, 21 notes`);
  const names = entries(out).map((e) => e.name);
  expect(names).toEqual(expect.arrayContaining(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/worksheets/_rels/sheet1.xml.rels"]));
  const types = await text(out, "[Content_Types].xml");
  expect(types).toContain('<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
  expect(types).toContain('<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>');
  const ws = (await readBook(out)).getWorksheet("项目台账")!;
  // --lang en: the notes are in English.
  expect(noteText(ws.getCell("J9"))).toBe("招商台账助手：\n[error] planned start 2022-09-15 has passed (as of 2022-09-30) and the project has not started（overdue-start）");
  expect(noteText(ws.getCell("B8"))).toBeNull();
});

test("a copy made with --as-of holds that day in its as-of name; a copy of a copy keeps one such name", async () => {
  const input = path.join(dir, "泰山区园区台账.xlsx");
  const first = path.join(dir, "泰山区园区台账-标记.xlsx");
  const second = path.join(dir, "泰山区园区台账-标记2.xlsx");
  await workbookOf(sampleSheets()).xlsx.writeFile(input);
  expect((await runCli(["check", input, "--highlight", first, "--as-of", "2022-09-20"])).code).toBe(1);
  expect(await text(first, "xl/workbook.xml")).toContain(`<definedName name="${AS_OF_NAME}">DATE(2022,9,20)</definedName>`);
  expect((await runCli(["check", first, "--highlight", second, "--as-of", "2022-09-25"])).code).toBe(1);
  const names = (await text(second, "xl/workbook.xml")).match(/<definedName name="zsledger_asof">[^<]*<\/definedName>/g);
  expect(names).toEqual([`<definedName name="${AS_OF_NAME}">DATE(2022,9,25)</definedName>`]);
});

describe("refusals: exit 2, one line, the input untouched", () => {
  let input: string;
  let hash: string;
  beforeAll(async () => {
    input = path.join(dir, "省庄镇台账.xlsx");
    await workbookOf(sampleSheets()).xlsx.writeFile(input);
    hash = sha256(input);
    fs.symlinkSync(input, path.join(dir, "链接.xlsx"));
  });
  afterEach(() => expect(sha256(input)).toBe(hash));

  test.each([
    [["省庄镇台账.xlsx", "--highlight", "省庄镇台账.xlsx"], "zsledger: --highlight 的输出文件 省庄镇台账.xlsx 就是输入文件本身；输入文件不会被改写，请另取一个文件名"],
    [["省庄镇台账.xlsx", "--highlight", "./sub/../省庄镇台账.xlsx"], "zsledger: --highlight 的输出文件 ./sub/../省庄镇台账.xlsx 就是输入文件本身；输入文件不会被改写，请另取一个文件名"],
    [["省庄镇台账.xlsx", "--highlight", "链接.xlsx"], "zsledger: --highlight 的输出文件 链接.xlsx 就是输入文件本身；输入文件不会被改写，请另取一个文件名"],
    [[".", "--highlight", "x.xlsx"], "zsledger: --highlight 只能用于单个台账文件：请给出一个 .xlsx 文件（不是文件夹）"],
    [["省庄镇台账.xlsx", "链接.xlsx", "--highlight", "x.xlsx"], "zsledger: --highlight 只能用于单个台账文件：请给出一个 .xlsx 文件（不是文件夹）"],
    [["省庄镇台账.xlsx", "--highlight", "x.pdf"], "zsledger: --highlight 的输出文件 x.pdf 应以 .xlsx 结尾"],
  ])("check %j", async (args, line) => {
    const r = await runCli(["check", ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(oneLine(r.stderr)).toBe(line);
  });

  test("an output folder that does not exist: the report is printed, then one line, exit 2", async () => {
    const r = await runCli(["check", "省庄镇台账.xlsx", "--highlight", path.join("没有", "x.xlsx")], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^招商台账检查报告/);
    expect(oneLine(r.stderr)).toMatch(/^zsledger: 无法写入 没有\/x\.xlsx（ENOENT），请检查文件夹是否存在/);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
