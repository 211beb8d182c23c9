/**
 * The marker of the tool's own outputs (src/cli/ownOutput.ts) on a workbook that already has
 * custom document properties (a prefixed part, related by an absolute target): the user's
 * properties are kept, ours added once and replaced on a copy of a copy, and any changed part
 * makes the file "changed since" (it is then a unit's ledger, and not replaced without --force).
 */
import * as fs from "fs";
import * as path from "path";
import { markOwnOutput, probePackage, replaceable } from "../../src/cli/ownOutput";
import { writeZip, type OutEntry } from "../../src/cli/zipWrite";
import { tempDir } from "../cli/helpers";
import { entriesOf, partText } from "./zipEdit";

const CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const PARTS: { name: string; data: Buffer }[] = [
  {
    name: "[Content_Types].xml",
    data: Buffer.from(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/docProps/custom.xml" ContentType="${CT_CUSTOM}"/></Types>`,
    ),
  },
  {
    name: "_rels/.rels",
    data: Buffer.from(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="/docProps/custom.xml"/></Relationships>`,
    ),
  },
  { name: "xl/workbook.xml", data: Buffer.from(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`) },
  {
    name: "docProps/custom.xml",
    data: Buffer.from(
      `<op:Properties xmlns:op="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:t="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
        `<op:property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="审核人"><t:lpwstr>王敏 &amp; 张伟</t:lpwstr></op:property></op:Properties>`,
    ),
  },
];

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const dataOf = (entries: readonly OutEntry[], name: string) => {
  const e = entries.find((x) => ("copy" in x ? x.copy.name : x.name) === name)!;
  if ("copy" in e) throw new Error("a copy");
  return e.data.toString("utf8");
};
const noRead = async () => {
  throw new Error("no copies here");
};

test("the user's custom properties are kept and ours follow them; the package is recognised, as written", async () => {
  const marked = await markOwnOutput(PARTS, "highlighted-copy", noRead);
  expect(dataOf(marked, "_rels/.rels")).toBe(PARTS[1].data.toString());
  expect(dataOf(marked, "[Content_Types].xml")).toBe(PARTS[0].data.toString());
  const custom = dataOf(marked, "docProps/custom.xml");
  expect(custom).toMatch(
    /^<op:Properties [^>]*><op:property [^>]*pid="5" name="审核人"><t:lpwstr>王敏 &amp; 张伟<\/t:lpwstr><\/op:property><op:property [^>]*pid="6" name="zsledger-output"><vt:lpwstr [^>]*>highlighted-copy<\/vt:lpwstr><\/op:property><op:property [^>]*pid="7" name="zsledger-fingerprint"><vt:lpwstr [^>]*>[0-9a-f]{32}<\/vt:lpwstr><\/op:property><\/op:Properties>$/,
  );
  const file = path.join(dir, "标记.xlsx");
  writeZip(file, null, marked);
  expect(await probePackage(file, entriesOf(file))).toEqual({ own: { kind: "highlighted-copy", untouched: true, legacy: false }, savedAt: null });
  expect(await replaceable(file, "highlighted-copy")).toBe(true);
  expect(await replaceable(file, "bulletin")).toBe(false);

  // Marked again (a copy of a copy): ours replaced, not repeated.
  const again = await markOwnOutput(marked, "bulletin", noRead);
  const twice = dataOf(again, "docProps/custom.xml");
  expect(twice.match(/name="zsledger-output"/g)).toHaveLength(1);
  expect(twice).toContain(">bulletin</vt:lpwstr>");
  expect(twice).toContain('name="审核人"');
});

test("one changed part: still marked, no longer as written", async () => {
  const marked = await markOwnOutput(PARTS, "highlighted-copy", noRead);
  const edited = marked.map((e) => ("name" in e && e.name === "xl/workbook.xml" ? { name: e.name, data: Buffer.from(`${e.data.toString()}<!-- saved -->`) } : e));
  const file = path.join(dir, "改过.xlsx");
  writeZip(file, null, edited);
  expect((await probePackage(file, entriesOf(file))).own).toEqual({ kind: "highlighted-copy", untouched: false, legacy: false });
  expect(await replaceable(file, "highlighted-copy")).toBe(false);
  expect(await partText(file, "docProps/custom.xml")).toContain("审核人");
});

test("a workbook without custom properties gets the part, its relationship and its content type", async () => {
  const bare = PARTS.filter((e) => "name" in e && e.name !== "docProps/custom.xml").map((e) =>
    "name" in e && e.name === "_rels/.rels" ? { name: e.name, data: Buffer.from(e.data.toString().replace(/<Relationship Id="rId9"[^>]*\/>/, "")) } : e,
  );
  const marked = await markOwnOutput(
    bare.map((e) => ("name" in e && e.name === "[Content_Types].xml" ? { name: e.name, data: Buffer.from(e.data.toString().replace(/<Override[^>]*\/>/, "")) } : e)),
    "bulletin",
    noRead,
  );
  expect(dataOf(marked, "_rels/.rels")).toContain(`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>`);
  expect(dataOf(marked, "[Content_Types].xml")).toContain(`<Override PartName="/docProps/custom.xml" ContentType="${CT_CUSTOM}"/>`);
  const file = path.join(dir, "通报.xlsx");
  writeZip(file, null, marked);
  expect((await probePackage(file, entriesOf(file))).own).toEqual({ kind: "bulletin", untouched: true, legacy: false });
});

test("replaceable: nothing there yes; a folder, a link, a file of the user's no", async () => {
  expect(await replaceable(path.join(dir, "没有.xlsx"), "bulletin")).toBe(true);
  fs.mkdirSync(path.join(dir, "文件夹.xlsx"));
  expect(await replaceable(path.join(dir, "文件夹.xlsx"), "bulletin")).toBe(false);
  writeZip(path.join(dir, "用户的.xlsx"), null, PARTS);
  expect(await replaceable(path.join(dir, "用户的.xlsx"), "bulletin")).toBe(false);
  fs.symlinkSync(path.join(dir, "标记.xlsx"), path.join(dir, "链接.xlsx"));
  expect(await replaceable(path.join(dir, "链接.xlsx"), "highlighted-copy")).toBe(false);
});
