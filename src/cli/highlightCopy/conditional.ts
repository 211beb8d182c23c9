/**
 * The marks as conditional formats: one differential format (dxf) per mark kind appended to
 * styles.xml, and per sheet one <conditionalFormatting> per kind over all its areas. Conditional
 * formats lie over the cells' own formatting, so the user's fills, fonts and borders stay as they
 * are underneath, and deleting the formats brings the cells back exactly.
 */
import type { MarkFormat } from "../../core/marks/formats";
import { MARK_STYLES, type MarkKind, type MarkStyle } from "../../core/marks/mark";
import { cellAddress, type MergeArea } from "../../core/sheet";
import { argb, attributeSpans, escapeXml, insertionPoint, rootPrefix, startTags, tags, withAttribute, type Tag } from "./xml";

/** CT_Stylesheet: what comes after <dxfs>. */
const AFTER_DXFS = ["tableStyles", "colors", "extLst"];

/**
 * CT_Worksheet: what comes after <conditionalFormatting>. mc:AlternateContent wraps controls and
 * OLE objects, which come later still.
 */
export const AFTER_CONDITIONAL = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
  "mc:AlternateContent",
];

/** A dxf in CT_Dxf's order: font, fill, border. For a solid fill in a dxf, Excel reads bgColor. */
function dxfXml(p: string, style: MarkStyle): string {
  let xml = `<${p}dxf><${p}font><${p}color rgb="${argb(style.font)}"/></${p}font>`;
  if (style.fill) xml += `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(style.fill)}"/><${p}bgColor rgb="${argb(style.fill)}"/></${p}patternFill></${p}fill>`;
  if (style.border) {
    const edge = (side: string) => `<${p}${side} style="thin"><${p}color rgb="${argb(style.border!)}"/></${p}${side}>`;
    xml += `<${p}border>${edge("left")}${edge("right")}${edge("top")}${edge("bottom")}</${p}border>`;
  }
  return xml + `</${p}dxf>`;
}

/** styles.xml with one dxf per kind appended; and each kind's dxf id. */
export function addDxfs(styles: string, kinds: readonly MarkKind[]): { xml: string; dxfId: Map<MarkKind, number> } {
  const p = rootPrefix(styles, "styleSheet");
  const dxfId = new Map<MarkKind, number>();
  if (kinds.length === 0) return { xml: styles, dxfId };
  const open = firstTag(styles, `${p}dxfs`);
  if (!open) {
    kinds.forEach((k, i) => dxfId.set(k, i));
    const at = insertionPoint(styles, 0, p, AFTER_DXFS, "styleSheet");
    return { xml: styles.slice(0, at) + `<${p}dxfs count="${kinds.length}">${kinds.map((k) => dxfXml(p, MARK_STYLES[k])).join("")}</${p}dxfs>` + styles.slice(at), dxfId };
  }
  const closeTag = `</${p}dxfs>`;
  const close = open.selfClosing ? null : firstTag(styles, closeTag.slice(1, -1), open.end);
  if (!open.selfClosing && !close) throw new Error(`${closeTag} not found`);
  const end = close ? close.start : open.end;
  const existing = close ? startTags(styles.slice(open.end, end), p, "dxf").length : 0;
  kinds.forEach((k, i) => dxfId.set(k, existing + i));
  const count = existing + kinds.length;
  const added = kinds.map((k) => dxfXml(p, MARK_STYLES[k])).join("");
  const tag = styles.slice(open.start, open.end);
  const openTag = open.selfClosing ? tag.slice(0, -2).trimEnd() + ">" : tag;
  const hasCount = attributeSpans(openTag).some((a) => a.name === "count");
  const withCount = hasCount ? withAttribute(openTag, (n) => n === "count", String(count)) : openTag.replace(/>$/, ` count="${count}">`);
  if (!close) return { xml: styles.slice(0, open.start) + withCount + added + closeTag + styles.slice(open.end), dxfId };
  return { xml: styles.slice(0, open.start) + withCount + styles.slice(open.end, end) + added + styles.slice(end), dxfId };
}

/** The first tag of that qualified name (a closing one when `name` starts with "/") at or after `from`. */
function firstTag(xml: string, name: string, from = 0): Tag | undefined {
  const closing = name.startsWith("/");
  const wanted = closing ? name.slice(1) : name;
  for (const t of tags(xml, from)) if (t.closing === closing && t.name === wanted) return t;
  return undefined;
}

function sqref(areas: readonly MergeArea[]): string {
  return areas.map((a) => (a.top === a.bottom && a.left === a.right ? cellAddress(a.top, a.left) : `${cellAddress(a.top, a.left)}:${cellAddress(a.bottom, a.right)}`)).join(" ");
}

/**
 * The <conditionalFormatting> elements of one sheet, one per format, in the formats' area order (the
 * first area's top-left cell anchors the formula's relative references; see core/marks/formats.ts). Their
 * priorities follow the sheet's own (`firstPriority` is past the highest there), so the user's
 * conditional formats keep theirs.
 */
export function conditionalXml(p: string, formats: readonly MarkFormat[], dxfId: ReadonlyMap<MarkKind, number>, firstPriority: number): string {
  let xml = "";
  let priority = firstPriority;
  // Error cells first: where a cell is both, its border and text colour show over the row's fill.
  const order = (f: MarkFormat) => (f.kind === "error-cell" ? 0 : 1);
  for (const f of [...formats].sort((a, b) => order(a) - order(b))) {
    xml +=
      `<${p}conditionalFormatting sqref="${sqref(f.areas)}">` +
      `<${p}cfRule type="expression" dxfId="${dxfId.get(f.kind)}" priority="${priority++}"><${p}formula>${escapeXml(f.formula)}</${p}formula></${p}cfRule>` +
      `</${p}conditionalFormatting>`;
  }
  return xml;
}

/** One past the highest cfRule priority in the text (x14 rules in extLst share the numbering). */
export function nextPriority(xml: string): number {
  let max = 0;
  for (const m of xml.matchAll(/\bpriority="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}
