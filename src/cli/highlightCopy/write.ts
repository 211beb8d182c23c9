/**
 * `zsledger check FILE --highlight OUT.xlsx`: a copy of the workbook with the highlight written
 * into the package directly. Every zip entry is copied byte for byte except the parts the marks
 * need: the marked sheets (conditional formats, a legacyDrawing reference), styles.xml (the marks'
 * dxfs), the sheets' comments, VML drawings and rels, and [Content_Types].xml. Nothing goes
 * through a spreadsheet library's read-then-write round trip, which drops what it does not model
 * (charts, pivot tables, slicers, x14 conditional formats, …).
 *
 * The input is only ever opened for reading. The copy is written to a temporary file beside OUT
 * and renamed over it when complete, so OUT is never left half-written.
 */
import type { Lang } from "../../core/findings";
import { AS_OF_NAME, asOfFormula } from "../../core/marks/asOf";
import { markFormats, MAX_AREA_LIST_CHARS } from "../../core/marks/formats";
import type { MarkKind } from "../../core/marks/mark";
import type { CheckResult } from "../../core/result";
import { MAX_COLUMN, MAX_ROW } from "../../core/sheet";
import { markOwnOutput } from "../ownOutput";
import { writeAtomically } from "../safeWrite";
import { writeZip, type OutEntry } from "../zipWrite";
import { AFTER_CONDITIONAL, addDxfs, conditionalXml, nextPriority } from "./conditional";
import { appendVml, blocksFor, mergeComments, newComments, newVml, vmlBlocks } from "./comments";
import {
  CONTENT_TYPE,
  Package,
  REL,
  addContentTypes,
  addRels,
  emptyRels,
  freeRelId,
  parseRels,
  relativeTarget,
  relsPartOf,
  targetPart,
  withDefinedName,
  worksheetParts,
  type Relationship,
} from "./package";
import { planCopy, type SheetMarks } from "./plan";
import { attributes, insertionPoint, localAttribute, localName, prefixOf, tags, withAttribute, type Tag } from "./xml";

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";

/** CT_Worksheet: what comes after <legacyDrawing>. */
const AFTER_LEGACY_DRAWING = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst", "mc:AlternateContent"];

export interface CopyStats {
  /** Rows and cells marked. */
  readonly marks: number;
  /** Cells given a note. */
  readonly notes: number;
}

export async function writeHighlightCopy(input: string, out: string, result: CheckResult, lang: Lang): Promise<CopyStats> {
  const pkg = Package.open(input);
  const plans = planCopy(result, lang);
  const changed = new Map<string, Buffer>();
  const added = new Map<string, Buffer>();
  const taken = new Set<string>();

  const workbookRels = parseRels(await pkg.text(WORKBOOK_RELS));
  const sheets = worksheetParts(await pkg.text(WORKBOOK), WORKBOOK, workbookRels);
  let contentTypes = await pkg.text(CONTENT_TYPES);
  const newTypes: { part: string; type: string }[] = [];

  const kinds = markKinds(plans);
  const stylesRel = workbookRels.find((r) => r.type === REL.styles);
  let dxfId = new Map<MarkKind, number>();
  if (kinds.length > 0) {
    const stylesPart = stylesRel ? targetPart(WORKBOOK, stylesRel.target) : "xl/styles.xml";
    const styles = stylesRel && pkg.has(stylesPart) ? await pkg.text(stylesPart) : MINIMAL_STYLES;
    const withDxfs = addDxfs(styles, kinds);
    dxfId = withDxfs.dxfId;
    if (stylesRel && pkg.has(stylesPart)) changed.set(stylesPart, Buffer.from(withDxfs.xml, "utf8"));
    else {
      // A workbook without a styles part (rare generators): give it one, related from the workbook.
      added.set(stylesPart, Buffer.from(withDxfs.xml, "utf8"));
      changed.set(WORKBOOK_RELS, Buffer.from(addRels(await pkg.text(WORKBOOK_RELS), [{ id: freeRelId(workbookRels), type: REL.styles, target: relativeTarget(WORKBOOK, stylesPart) }]), "utf8"));
      newTypes.push({ part: stylesPart, type: CONTENT_TYPE.styles });
    }
  }

  // Shape ids of notes must be unique across the workbook's VML drawings: new ones take unclaimed blocks.
  const claimed = new Set<number>();
  for (const vml of await relatedDrawings(pkg, workbookRels)) for (const b of vmlBlocks(await pkg.text(vml))) claimed.add(b);
  const spare = () => {
    let b = 1;
    while (claimed.has(b)) b++;
    claimed.add(b);
    return b;
  };

  let marks = 0;
  let notes = 0;
  let usesVml = false;
  for (const [sheetName, plan] of plans) {
    const part = sheets.get(sheetName);
    if (!part || !pkg.has(part)) continue;
    marks += plan.count;
    notes += plan.notes.size;
    const relsPart = relsPartOf(part);
    const relsXml = pkg.has(relsPart) ? await pkg.text(relsPart) : null;
    const rels = relsXml ? parseRels(relsXml) : [];
    const sheet = await pkg.read(part);
    const edit = new SheetEdit(sheet);

    if (plan.marks) {
      // The formats the pane would write: the same formulas, the as-of in the same defined name.
      const formats = markFormats({ ...result.marks, sheets: [plan.marks] }, { span: () => edit.span(), asOfRef: AS_OF_NAME, maxAddressChars: MAX_AREA_LIST_CHARS });
      edit.insertConditional(conditionalXml(edit.prefix, formats, dxfId, nextPriority(edit.tail)));
    }

    if (plan.notes.size > 0) {
      usesVml = true;
      const newRels: { id: string; type: string; target: string }[] = [];
      const relIds = [...rels];
      const relate = (type: string, target: string) => {
        const id = freeRelId(relIds);
        relIds.push({ id, type, target, external: false });
        newRels.push({ id, type, target });
        return id;
      };

      const commentsRel = rels.find((r) => r.type === REL.comments && !r.external);
      let fresh = new Map(plan.notes);
      if (commentsRel && pkg.has(targetPart(part, commentsRel.target))) {
        const commentsPart = targetPart(part, commentsRel.target);
        const merged = mergeComments(await pkg.text(commentsPart), plan.notes);
        changed.set(commentsPart, Buffer.from(merged.xml, "utf8"));
        fresh = merged.fresh;
      } else {
        const commentsPart = pkg.freeName((n) => `xl/comments${n}.xml`, taken);
        taken.add(commentsPart);
        added.set(commentsPart, Buffer.from(newComments(plan.notes), "utf8"));
        newTypes.push({ part: commentsPart, type: CONTENT_TYPE.comments });
        relate(REL.comments, relativeTarget(part, commentsPart));
      }

      const drawingId = edit.legacyDrawingId();
      const vmlRel = drawingId ? rels.find((r) => r.id === drawingId && r.type === REL.vmlDrawing) : undefined;
      if (vmlRel && pkg.has(targetPart(part, vmlRel.target))) {
        const vmlPart = targetPart(part, vmlRel.target);
        changed.set(vmlPart, Buffer.from(appendVml(await pkg.text(vmlPart), fresh, spare), "utf8"));
      } else {
        const vmlPart = pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`, taken);
        taken.add(vmlPart);
        const blocks = Array.from({ length: blocksFor(plan.notes.size) }, spare);
        // Every note of the sheet needs a box here: an orphaned comments part had none.
        added.set(vmlPart, Buffer.from(newVml(plan.notes, blocks), "utf8"));
        const id = relate(REL.vmlDrawing, relativeTarget(part, vmlPart));
        if (drawingId) edit.replaceLegacyDrawingId(id);
        else edit.insertLegacyDrawing(id);
      }
      if (newRels.length > 0) {
        const xml = addRels(relsXml ?? emptyRels(), newRels);
        (relsXml ? changed : added).set(relsPart, Buffer.from(xml, "utf8"));
      }
    }
    changed.set(part, edit.result());
  }

  if (kinds.length > 0) changed.set(WORKBOOK, Buffer.from(withDefinedName(await pkg.text(WORKBOOK), AS_OF_NAME, asOfFormula(result.marks.asOf)), "utf8"));
  contentTypes = addContentTypes(contentTypes, usesVml ? [{ extension: "vml", type: CONTENT_TYPE.vml }] : [], newTypes);
  changed.set(CONTENT_TYPES, Buffer.from(contentTypes, "utf8"));

  const entries: OutEntry[] = pkg.entries.map((e) => {
    const data = changed.get(e.name);
    return data ? { name: e.name, data } : { copy: e };
  });
  for (const [name, data] of added) entries.push({ name, data });

  // Marked as this tool's output (so a folder run leaves it out), written via an exclusive temporary file.
  const marked = await markOwnOutput(entries, "highlighted-copy", (e) => pkg.read(e.name));
  await writeAtomically(out, (fd) => writeZip(fd, input, marked));
  return { marks, notes };
}

/**
 * The VML drawings the workbook's parts (its sheets, chart sheets, dialog sheets) relate to: the
 * ones Excel loads. Other .vml entries in the zip are never read (nor trusted to be small or sane).
 */
async function relatedDrawings(pkg: Package, workbookRels: readonly Relationship[]): Promise<Set<string>> {
  const drawings = new Set<string>();
  for (const rel of workbookRels) {
    if (rel.external) continue;
    const part = targetPart(WORKBOOK, rel.target);
    const relsPart = relsPartOf(part);
    if (!pkg.has(relsPart)) continue;
    for (const r of parseRels(await pkg.text(relsPart))) {
      const vml = targetPart(part, r.target);
      if (r.type === REL.vmlDrawing && !r.external && pkg.has(vml)) drawings.add(vml);
    }
  }
  return drawings;
}

function markKinds(plans: ReadonlyMap<string, SheetMarks>): MarkKind[] {
  const kinds = new Set<MarkKind>();
  for (const plan of plans.values()) for (const m of plan.marks?.marks ?? []) if (m.runs.length > 0) kinds.add(m.kind);
  return (["start-alert", "start-soon", "error-cell"] as const).filter((k) => kinds.has(k));
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * One worksheet part, edited where the schema says: the rows (<sheetData>, the bulk of the part)
 * are kept as bytes and never decoded; only the part before them and the small part after them
 * are edited as text. Found in one pass over its tags (xml.ts), never by a pattern that can
 * backtrack over the rows.
 */
class SheetEdit {
  readonly prefix: string;
  private readonly head: string;
  private readonly rows: Buffer;
  tail: string;
  private readonly rootTag: string;
  /** The used columns, from <dimension> when it gives a range, else from the cells' references. */
  private readonly columns: { left: number; right: number };

  constructor(xml: Buffer) {
    let root: Tag | null = null;
    let dimension: string | undefined;
    let open: Tag | null = null;
    let close: Tag | null = null;
    let right = 1;
    for (const t of tags(xml)) {
      if (!root) {
        if (t.closing) break;
        root = t;
        continue;
      }
      const local = localName(t.name);
      if (!open) {
        if (!t.closing && local === "dimension") dimension ??= attributes(xml.toString("utf8", t.start, t.end)).get("ref");
        if (!t.closing && local === "sheetData") {
          open = t;
          if (t.selfClosing) break;
          // With a range in <dimension>, the cells need not be looked at.
          if (dimension !== undefined && range(dimension)) right = 0;
        }
        continue;
      }
      if (t.closing && local === "sheetData") {
        close = t;
        break;
      }
      if (right > 0 && !t.closing && local === "c") {
        const column = cellColumn(attributes(xml.toString("utf8", t.start, t.end)).get("r"));
        if (column !== null) right = Math.max(right, column);
      }
    }
    if (!root || localName(root.name) !== "worksheet") throw new Error("not a worksheet");
    if (!open || (!open.selfClosing && !close)) throw new Error("worksheet without sheetData");
    const rowsEnd = close ? close.end : open.end;
    this.head = xml.toString("utf8", 0, open.start);
    this.rows = xml.subarray(open.start, rowsEnd);
    this.tail = xml.toString("utf8", rowsEnd);
    this.rootTag = xml.toString("utf8", root.start, root.end);
    const colon = root.name.indexOf(":");
    this.prefix = colon >= 0 ? root.name.slice(0, colon + 1) : "";
    const span = dimension !== undefined ? range(dimension) : null;
    this.columns = span ?? { left: 1, right: Math.min(MAX_COLUMN, Math.max(1, right)) };
  }

  /** The sheet's used columns, within the grid. */
  span(): { left: number; right: number } {
    return this.columns;
  }

  insertConditional(xml: string): void {
    if (!xml) return;
    const at = insertionPoint(this.tail, 0, this.prefix, AFTER_CONDITIONAL, "worksheet");
    this.tail = this.tail.slice(0, at) + xml + this.tail.slice(at);
  }

  legacyDrawingId(): string | undefined {
    const tag = this.legacyDrawingTag();
    return tag ? localAttribute(attributes(this.tail.slice(tag.start, tag.end)), "id") : undefined;
  }

  replaceLegacyDrawingId(id: string): void {
    const tag = this.legacyDrawingTag();
    if (!tag) return;
    const text = withAttribute(this.tail.slice(tag.start, tag.end), (name) => name.endsWith(":id") && !name.startsWith("xmlns"), id);
    this.tail = this.tail.slice(0, tag.start) + text + this.tail.slice(tag.end);
  }

  insertLegacyDrawing(id: string): void {
    const declared = prefixOf(this.rootTag, REL.namespace);
    const attr = declared ? `${declared}:id="${id}"` : `xmlns:r="${REL.namespace}" r:id="${id}"`;
    const at = insertionPoint(this.tail, 0, this.prefix, AFTER_LEGACY_DRAWING, "worksheet");
    this.tail = this.tail.slice(0, at) + `<${this.prefix}legacyDrawing ${attr}/>` + this.tail.slice(at);
  }

  result(): Buffer {
    return Buffer.concat([Buffer.from(this.head, "utf8"), this.rows, Buffer.from(this.tail, "utf8")]);
  }

  private legacyDrawingTag(): Tag | undefined {
    for (const t of tags(this.tail)) if (!t.closing && t.name === `${this.prefix}legacyDrawing`) return t;
    return undefined;
  }
}

/**
 * The columns of a range reference ("B2:K40"); null for a single cell, junk, or a range past the
 * grid (a bogus <dimension>: the cells themselves say then how wide the sheet is).
 */
function range(ref: string): { left: number; right: number } | null {
  const m = /^([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const [a, b] = [columnNumber(m[1]), columnNumber(m[3])];
  const rows = [Number(m[2]), Number(m[4])];
  if (Math.max(a, b) > MAX_COLUMN || Math.max(...rows) > MAX_ROW || Math.min(...rows) < 1) return null;
  return { left: Math.min(a, b), right: Math.max(a, b) };
}

function cellColumn(ref: string | undefined): number | null {
  const m = ref === undefined ? null : /^([A-Za-z]{1,16})\d/.exec(ref);
  return m ? clampColumn(columnNumber(m[1])) : null;
}

function clampColumn(n: number): number {
  return Math.min(MAX_COLUMN, Math.max(1, n));
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
