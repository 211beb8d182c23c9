/**
 * The highlighted copy on a package as Excel itself writes one, built by hand so that every byte
 * is known: a prefixed SpreadsheetML namespace (<x:worksheet>), a chart drawing, a table, x14
 * conditional formats in extLst, form controls in mc:AlternateContent, existing dxfs, notes and a
 * VML drawing, a pivot cache. The marks go where the schema puts them, priorities and ids follow
 * the workbook's own, and every other part is copied byte for byte.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check";
import { gridRows, type CellValue } from "../../src/core/sheet";
import { withDefinedName } from "../../src/cli/highlightCopy/package";
import { writeHighlightCopy } from "../../src/cli/highlightCopy/write";
import { sniffFile } from "../../src/cli/sniff";
import { entryDataOffset, entryStream, readAt, type ZipEntry } from "../../src/cli/zip";
import { storedZip, tempDir } from "../cli/helpers";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const SHEET =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<x:worksheet xmlns:x="${MAIN}" xmlns:rel="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" mc:Ignorable="x14ac">` +
  `<x:sheetPr><x:pageSetUpPr fitToPage="1"/></x:sheetPr><x:dimension ref="A1:F4"/>` +
  `<x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews><x:sheetFormatPr defaultRowHeight="14.4"/>` +
  `<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>项目名称</x:t></x:is></x:c></x:row></x:sheetData>` +
  `<x:mergeCells count="1"><x:mergeCell ref="A5:F5"/></x:mergeCells><x:phoneticPr fontId="1" type="noConversion"/>` +
  `<x:conditionalFormatting sqref="D2:D4"><x:cfRule type="cellIs" dxfId="0" priority="2" operator="greaterThan"><x:formula>10000</x:formula></x:cfRule></x:conditionalFormatting>` +
  `<x:dataValidations count="1"><x:dataValidation type="list" sqref="C2:C4"><x:formula1>"签约,开工"</x:formula1></x:dataValidation></x:dataValidations>` +
  `<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><x:pageSetup paperSize="9" orientation="landscape"/>` +
  `<x:drawing rel:id="rId1"/><x:legacyDrawing rel:id="rId3"/>` +
  `<mc:AlternateContent><mc:Choice Requires="x14"><x:controls><x:control shapeId="1026" rel:id="rId4" name="Check Box 2"/></x:controls></mc:Choice></mc:AlternateContent>` +
  `<x:tableParts count="1"><x:tablePart rel:id="rId2"/></x:tableParts>` +
  `<x:extLst><x:ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="dataBar" priority="7" id="{1}"/></x14:conditionalFormatting></x14:conditionalFormattings></x:ext></x:extLst>` +
  `</x:worksheet>`;

const SHEET_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/table" Target="../tables/table1.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
  `<Relationship Id="rId4" Type="${REL}/ctrlProp" Target="../ctrlProps/ctrlProp1.xml"/>` +
  `<Relationship Id="rId5" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`;

const COMMENTS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>王敏</author></authors>` +
  `<commentList><comment ref="F2" authorId="0"><text><r><t>已签约</t></r></text></comment></commentList></comments>`;

const VML =
  `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
  `<v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe"/>` +
  `<v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>5</x:Column></x:ClientData></v:shape>` +
  `<v:shape id="_x0000_s1026" type="#_x0000_t201"><x:ClientData ObjectType="Checkbox"/></v:shape></xml>`;

const OTHER_VML = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="2"/></o:shapelayout></xml>`;

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs>` +
  `<dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles count="0"/></styleSheet>`;

const PARTS: { name: string; data: string }[] = [
  {
    name: "[Content_Types].xml",
    data:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`,
  },
  { name: "_rels/.rels", data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
  {
    name: "xl/workbook.xml",
    data: `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="项目台账" sheetId="1" r:id="rId1"/><sheet name="透视" sheetId="2" r:id="rId2"/></sheets><pivotCaches><pivotCache cacheId="1" r:id="rId9"/></pivotCaches></workbook>`,
  },
  {
    name: "xl/_rels/workbook.xml.rels",
    data:
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId9" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
  },
  { name: "xl/styles.xml", data: STYLES },
  { name: "xl/worksheets/sheet1.xml", data: SHEET },
  { name: "xl/worksheets/_rels/sheet1.xml.rels", data: SHEET_RELS },
  { name: "xl/worksheets/sheet2.xml", data: `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData/></worksheet>` },
  { name: "xl/comments1.xml", data: COMMENTS },
  { name: "xl/drawings/vmlDrawing1.vml", data: VML },
  { name: "xl/drawings/vmlDrawing2.vml", data: OTHER_VML },
  { name: "xl/drawings/drawing1.xml", data: `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>` },
  { name: "xl/charts/chart1.xml", data: `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>` },
  { name: "xl/tables/table1.xml", data: `<table xmlns="${MAIN}" id="1" name="项目" ref="A1:F4"/>` },
  { name: "xl/ctrlProps/ctrlProp1.xml", data: `<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="CheckBox"/>` },
  { name: "xl/pivotCache/pivotCacheDefinition1.xml", data: `<pivotCacheDefinition xmlns="${MAIN}"/>` },
];

/** The engine's result for rows that stand for the sheet: row 3 signed without a planned start, row 4 overdue. */
function result() {
  const _ = null;
  const grid: CellValue[][] = [
    // 到位资金 and the town's target columns (G–J) are there so that no missing-column warning adds a note.
    ["项目名称", "总投资", "项目状态", "签约日期", "计划开工日期", "实际开工日期", "到位资金", "投洽会签约", "重点在谈", "专家论证"],
    ["甲项目", 5000, "开工", "2022-08-01", "2022-08-10", "2022-08-09"],
    ["乙项目", 8000, "签约", "2022-08-05", _, _],
    ["丙项目", "待定", "签约", "2022-07-05", "2022-09-01", _],
  ];
  return checkWorkbook({ name: "甲镇台账.xlsx", sheets: [{ name: "项目台账", rows: gridRows(grid) }] }, { overrides: { asOf: 19265 } });
}

let dir: string;
let cleanup: () => void;
let input: string;
let out: string;
let was: Map<string, ZipEntry>;
let now: Map<string, ZipEntry>;

async function text(file: string, e: ZipEntry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of entryStream(file, e)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function raw(file: string, e: ZipEntry): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    return readAt(fd, entryDataOffset(fd, e), e.packed);
  } finally {
    fs.closeSync(fd);
  }
}

function directory(file: string): Map<string, ZipEntry> {
  const s = sniffFile(file);
  if ("problem" in s) throw new Error(s.problem.kind);
  return new Map(s.entries.map((e) => [e.name, e]));
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  input = path.join(dir, "甲镇台账.xlsx");
  out = path.join(dir, "甲镇台账-标记.xlsx");
  fs.writeFileSync(input, storedZip(PARTS));
  const r = result();
  expect(r.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(expect.arrayContaining(["E3 missing-planned-start", "E4 overdue-start", "B4 invalid-amount"]));
  await writeHighlightCopy(input, out, r, "zh");
  was = directory(input);
  now = directory(out);
});
afterAll(() => cleanup());

test("only the sheet, styles, comments, its VML drawing, the workbook's names and the content types change, and the marker is added; the rest is copied byte for byte", async () => {
  // The marker (ownOutput.ts): a custom properties part, related from _rels/.rels and typed in [Content_Types].xml.
  expect([...now.keys()]).toEqual([...was.keys(), "docProps/custom.xml"]);
  const changed = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"];
  for (const [name, e] of was) {
    const same = (await text(out, now.get(name)!)) === (await text(input, e));
    expect({ name, same }).toEqual({ name, same: !changed.includes(name) });
    if (!changed.includes(name)) expect(raw(out, now.get(name)!).equals(raw(input, e))).toBe(true);
  }
});

test("conditional formats after the user's (before dataValidations), priorities past every existing one (x14 too), dxfs appended", async () => {
  const sheet = await text(out, now.get("xl/worksheets/sheet1.xml")!);
  const before = SHEET.indexOf("<x:dataValidations");
  expect(sheet.slice(0, before)).toBe(SHEET.slice(0, before));
  const inserted = sheet.slice(before, sheet.length - (SHEET.length - before));
  expect(sheet.slice(before + inserted.length)).toBe(SHEET.slice(before));
  // Nothing but our formats, in the sheet's prefix, priorities 8, 9, … past the x14 rule's 7.
  const rule = /<x:conditionalFormatting sqref="([^"]+)"><x:cfRule type="expression" dxfId="(\d+)" priority="(\d+)"><x:formula>([^<]+)<\/x:formula><\/x:cfRule><\/x:conditionalFormatting>/g;
  const rules = [...inserted.matchAll(rule)];
  expect(rules.map((m) => m[0]).join("")).toBe(inserted);
  expect(rules.map((m) => Number(m[3]))).toEqual(rules.map((_, i) => 8 + i));
  const kindOf = (formula: string) => /zsledger-mark:([a-z-]+):/.exec(formula)![1];
  // Error cells first, so that their border and text colour show over a row's fill. The live
  // start-date marks lie over the data rows and the blank rows below (to 104); E4's planned start
  // is a text date, so its row and cell are held by guards; B4's 总投资 待定 by its own.
  expect(rules.map((m) => `${kindOf(m[4])} ${m[1]} dxf${m[2]}`)).toEqual([
    "error-cell E2:E104 dxf3",
    "error-cell B4 dxf3",
    "error-cell E4 dxf3",
    "start-alert A2:F104 dxf1",
    "start-soon A2:F104 dxf2",
    "start-alert A4:F4 dxf1",
  ]);
  const styles = await text(out, now.get("xl/styles.xml")!);
  expect(styles).toContain(
    `<dxfs count="4"><dxf><font><b/></font></dxf>` +
      `<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>` +
      `<dxf><font><color rgb="FF9C5700"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf>` +
      `<dxf><font><color rgb="FF9C0006"/></font><border><left style="thin"><color rgb="FFC00000"/></left><right style="thin"><color rgb="FFC00000"/></right><top style="thin"><color rgb="FFC00000"/></top><bottom style="thin"><color rgb="FFC00000"/></bottom></border></dxf></dxfs><tableStyles count="0"/>`,
  );
  // The as-of date the formulas compare with: the workbook-level name, every other name kept.
  const workbook = await text(out, now.get("xl/workbook.xml")!);
  expect(workbook).toMatch(/<\/sheets><definedNames><definedName name="zsledger_asof">[^<]+<\/definedName><\/definedNames><pivotCaches>/);
});

test("the as-of name replaces an earlier one of ours (a copy of a copy) and keeps every other name, a sheet's own of the same name too", () => {
  const names =
    `<x:definedNames><x:definedName name="_xlnm.Print_Area" localSheetId="0">项目台账!$A$1:$F$4</x:definedName>` +
    `<x:definedName name="zsledger_asof" localSheetId="0">1</x:definedName><x:definedName name="ZSLEDGER_ASOF">DATE(2022,9,25)</x:definedName>` +
    `<x:definedName name="目标"/></x:definedNames>`;
  const xml = `<x:workbook xmlns:x="${MAIN}"><x:sheets/>${names}<x:calcPr/></x:workbook>`;
  expect(withDefinedName(xml, "zsledger_asof", "TODAY()")).toBe(
    `<x:workbook xmlns:x="${MAIN}"><x:sheets/><x:definedNames><x:definedName name="_xlnm.Print_Area" localSheetId="0">项目台账!$A$1:$F$4</x:definedName>` +
      `<x:definedName name="zsledger_asof" localSheetId="0">1</x:definedName><x:definedName name="目标"/>` +
      `<x:definedName name="zsledger_asof">TODAY()</x:definedName></x:definedNames><x:calcPr/></x:workbook>`,
  );
  // an empty block, and none at all (before calcPr, as the schema orders them)
  expect(withDefinedName(`<workbook xmlns="${MAIN}"><sheets/><definedNames/></workbook>`, "zsledger_asof", "TODAY()")).toBe(
    `<workbook xmlns="${MAIN}"><sheets/><definedNames><definedName name="zsledger_asof">TODAY()</definedName></definedNames></workbook>`,
  );
  expect(withDefinedName(`<workbook xmlns="${MAIN}"><sheets/><calcPr/></workbook>`, "zsledger_asof", "A&B")).toBe(
    `<workbook xmlns="${MAIN}"><sheets/><definedNames><definedName name="zsledger_asof">A&amp;B</definedName></definedNames><calcPr/></workbook>`,
  );
});

test("notes join the existing comments part and VML drawing: the user's note and form control kept, new shape ids in the drawing's own block", async () => {
  const comments = await text(out, now.get("xl/comments1.xml")!);
  expect(comments.startsWith(COMMENTS.slice(0, COMMENTS.indexOf("</authors>")))).toBe(true);
  expect(comments).toContain(`<authors><author>王敏</author><author>招商台账助手</author></authors>`);
  expect(comments).toContain(`<comment ref="F2" authorId="0"><text><r><t>已签约</t></r></text></comment>`);
  expect([...comments.matchAll(/<comment ref="(\w+)" authorId="1">/g)].map((m) => m[1])).toEqual(["E3", "B4", "E4"]);
  expect(comments).toMatch(/<comment ref="E4" authorId="1"><text><r><rPr><b\/>.*<t xml:space="preserve">招商台账助手：<\/t><\/r><r>.*<t xml:space="preserve">\n\[错误\] 计划开工日期 2022-09-01 已过/);

  const vml = await text(out, now.get("xl/drawings/vmlDrawing1.vml")!);
  expect(vml.startsWith(VML.slice(0, VML.indexOf("</xml>")))).toBe(true);
  expect([...vml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1025, 1026, 1027, 1028, 1029]);
  expect(vml).toContain('<v:shapetype id="_x0000_t202"');
  expect([...vml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map((m) => `${m[1]},${m[2]}`)).toEqual(["1,5", "2,4", "3,1", "3,4"]);
});

test("a sheet without notes gets a comments part, a VML drawing in an unclaimed block, and legacyDrawing before tableParts", async () => {
  const bare = path.join(dir, "无批注.xlsx");
  const copy = path.join(dir, "无批注-标记.xlsx");
  const sheet = SHEET.replace(`<x:legacyDrawing rel:id="rId3"/>`, "").replace(/<mc:AlternateContent>.*<\/mc:AlternateContent>/, "");
  const rels = SHEET_RELS.replace(/<Relationship Id="rId[345]"[^>]*>/g, "");
  fs.writeFileSync(
    bare,
    storedZip(
      PARTS.filter((p) => p.name !== "xl/comments1.xml" && p.name !== "xl/drawings/vmlDrawing1.vml").map((p) =>
        p.name === "xl/worksheets/sheet1.xml" ? { ...p, data: sheet } : p.name === "xl/worksheets/_rels/sheet1.xml.rels" ? { ...p, data: rels } : p,
      ),
    ),
  );
  await writeHighlightCopy(bare, copy, result(), "zh");
  const entries = directory(copy);
  expect([...entries.keys()].slice(-3)).toEqual(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "docProps/custom.xml"]);
  const xml = await text(copy, entries.get("xl/worksheets/sheet1.xml")!);
  expect(xml).toContain(`<x:drawing rel:id="rId1"/><x:legacyDrawing rel:id="rId4"/><x:tableParts count="1">`);
  const sheetRels = await text(copy, entries.get("xl/worksheets/_rels/sheet1.xml.rels")!);
  expect(sheetRels).toContain(`<Relationship Id="rId3" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId4" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`);
  // Block 2 belongs to the other sheet's drawing: the new drawing claims block 1.
  const vml = await text(copy, entries.get("xl/drawings/vmlDrawing1.vml")!);
  expect(vml).toContain(`<o:idmap v:ext="edit" data="1"/>`);
  expect([...vml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1025, 1026, 1027]);
  const types = await text(copy, entries.get("[Content_Types].xml")!);
  expect(types).toContain(
    `<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>` +
      `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`,
  );
  expect(types.match(/Extension="vml"/g)).toHaveLength(1);
});
