/** The workbook's package (an OPC zip): its parts by name, their relationships, content types. */
import * as path from "path";
import { FileProblemError, type FileProblem } from "../messages";
import { sniffFile } from "../sniff";
import { decodePart, detectEncoding } from "../xmlPart";
import { entryStream, type ZipEntry } from "../zip";
import { attributes, escapeXml, insertionPoint, localAttribute, localName, rootPrefix, startTags, tags, unescapeXml, type Tag } from "./xml";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  namespace: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
} as const;

export const CONTENT_TYPE = {
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export class Package {
  readonly byName: ReadonlyMap<string, ZipEntry>;

  private constructor(
    readonly path: string,
    readonly entries: readonly ZipEntry[],
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  /** Opens (read-only) a file the sniff accepts; otherwise throws the sniff's FileProblem. */
  static open(filePath: string): Package {
    const sniffed = sniffFile(filePath);
    if ("problem" in sniffed) throw new FileProblemError(sniffed.problem as FileProblem);
    return new Package(filePath, sniffed.entries);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** A part's XML as UTF-8 bytes: a UTF-16 part is re-encoded (and its declaration says so), as the copy writes UTF-8. */
  async read(name: string): Promise<Buffer> {
    const entry = this.byName.get(name);
    if (!entry) throw new FileProblemError({ kind: "corrupt", detail: `${name} missing` });
    const chunks: Buffer[] = [];
    for await (const chunk of entryStream(this.path, entry)) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    if (detectEncoding(bytes) === "utf-8") return bytes;
    return Buffer.from(decodePart(bytes).replace(/^(<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["'])[^"']{0,40}(["'])/, "$1UTF-8$2"), "utf8");
  }

  async text(name: string): Promise<string> {
    return (await this.read(name)).toString("utf8");
  }

  /** A part name not yet taken: xl/comments1.xml, xl/comments2.xml, … */
  freeName(pattern: (n: number) => string, taken: ReadonlySet<string>): string {
    for (let n = 1; ; n++) {
      const name = pattern(n);
      if (!this.byName.has(name) && !taken.has(name)) return name;
    }
  }
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function parseRels(xml: string): Relationship[] {
  return startTags(xml, rootPrefix(xml, "Relationships"), "Relationship").map((tag) => {
    const a = attributes(tag);
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External" };
  });
}

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPartOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute from the root. */
export function targetPart(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(source), target));
}

export function relativeTarget(source: string, part: string): string {
  return path.posix.relative(path.posix.dirname(source), part);
}

/** An Id not used in the rels part (rId1, rId2, …). */
export function freeRelId(rels: readonly Relationship[]): string {
  const ids = new Set(rels.map((r) => r.id));
  for (let n = rels.length + 1; ; n++) if (!ids.has(`rId${n}`)) return `rId${n}`;
}

export function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
}

/** Adds relationships before the root's end tag (a self-closed root is opened first). */
export function addRels(xml: string, rels: readonly { id: string; type: string; target: string }[]): string {
  const p = rootPrefix(xml, "Relationships");
  const add = rels.map((r) => `<${p}Relationship Id="${escapeXml(r.id)}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join("");
  const end = xml.lastIndexOf(`</${p}Relationships>`);
  if (end >= 0) return xml.slice(0, end) + add + xml.slice(end);
  for (const t of tags(xml)) {
    if (t.closing || t.name !== `${p}Relationships`) continue;
    if (!t.selfClosing) break;
    return xml.slice(0, t.start) + xml.slice(t.start, t.end - 2).trimEnd() + `>${add}</${p}Relationships>` + xml.slice(t.end);
  }
  throw new FileProblemError({ kind: "corrupt", detail: "relationships part without <Relationships>" });
}

/** Each worksheet's name and part, in tab order, from xl/workbook.xml and its rels. */
export function worksheetParts(workbookXml: string, workbookPart: string, rels: readonly Relationship[]): Map<string, string> {
  const out = new Map<string, string>();
  const byId = new Map(rels.map((r) => [r.id, r]));
  for (const tag of startTags(workbookXml, rootPrefix(workbookXml, "workbook"), "sheet")) {
    const a = attributes(tag);
    const rel = byId.get(localAttribute(a, "id") ?? "");
    const name = a.get("name");
    if (rel && name !== undefined && rel.type === REL.worksheet) out.set(name, targetPart(workbookPart, rel.target));
  }
  return out;
}

/** Adds Default / Override entries to [Content_Types].xml unless an equal one is there. */
export function addContentTypes(xml: string, defaults: readonly { extension: string; type: string }[], overrides: readonly { part: string; type: string }[]): string {
  const p = rootPrefix(xml, "Types");
  const haveDefault = new Set(startTags(xml, p, "Default").map((t) => (attributes(t).get("Extension") ?? "").toLowerCase()));
  const haveOverride = new Set(startTags(xml, p, "Override").map((t) => unescapeXml(attributes(t).get("PartName") ?? "")));
  let add = "";
  for (const d of defaults) if (!haveDefault.has(d.extension.toLowerCase())) add += `<${p}Default Extension="${d.extension}" ContentType="${d.type}"/>`;
  for (const o of overrides) if (!haveOverride.has(`/${o.part}`)) add += `<${p}Override PartName="/${escapeXml(o.part)}" ContentType="${o.type}"/>`;
  if (!add) return xml;
  const end = xml.lastIndexOf(`</${p}Types>`);
  if (end < 0) throw new FileProblemError({ kind: "corrupt", detail: "[Content_Types].xml" });
  return xml.slice(0, end) + add + xml.slice(end);
}

/** CT_Workbook: what comes after <definedNames>. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/**
 * workbook.xml with a workbook-level defined name `name` referring to `formula` (without "="): an
 * earlier one of that name (a copy of a copy) is replaced, every other name kept as written.
 */
export function withDefinedName(xml: string, name: string, formula: string): string {
  const p = rootPrefix(xml, "workbook");
  const element = `<${p}definedName name="${escapeXml(name)}">${escapeXml(formula)}</${p}definedName>`;
  // One pass over the tags (xml.ts): the <definedNames> block, and in it each workbook-level name of ours.
  let open: Tag | null = null;
  let close: Tag | null = null;
  let ours: Tag | null = null;
  const drop: [number, number][] = [];
  for (const t of tags(xml)) {
    const local = localName(t.name);
    if (!open) {
      if (!t.closing && local === "definedNames") {
        open = t;
        if (t.selfClosing) break;
      }
      continue;
    }
    if (t.closing && local === "definedNames") {
      close = t;
      break;
    }
    if (local !== "definedName") continue;
    if (t.closing) {
      if (ours) drop.push([ours.start, t.end]);
      ours = null;
      continue;
    }
    const own = attributes(xml.slice(t.start, t.end));
    if ((own.get("name") ?? "").toLowerCase() !== name.toLowerCase() || own.has("localSheetId")) continue;
    if (t.selfClosing) drop.push([t.start, t.end]);
    else ours = t;
  }
  const block = `<${p}definedNames>${element}</${p}definedNames>`;
  if (!open) {
    const at = insertionPoint(xml, 0, p, AFTER_DEFINED_NAMES, "workbook");
    return xml.slice(0, at) + block + xml.slice(at);
  }
  if (open.selfClosing) return xml.slice(0, open.start) + block + xml.slice(open.end);
  if (!close) throw new FileProblemError({ kind: "corrupt", detail: "xl/workbook.xml" });
  let kept = "";
  let at = open.end;
  for (const [from, to] of drop) {
    kept += xml.slice(at, from);
    at = to;
  }
  return xml.slice(0, open.end) + kept + xml.slice(at, close.start) + element + xml.slice(close.start);
}
