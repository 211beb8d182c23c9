import { attributeSpans, attributes, decodeXml } from "../xmlTokens";

export { attributeSpans, attributes, decodeXml as unescapeXml };

/**
 * The little XML handling the copy needs. The parts it changes are edited as text at schema-given
 * places (an element inserted before the first of the elements that must follow it), never parsed
 * and re-serialised: everything else in a part stays exactly as the workbook's author wrote it.
 */

/** Text as XML content or an attribute value; characters XML 1.0 forbids are dropped. */
export function escapeXml(s: string): string {
  return withoutForbidden(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** XML 1.0 allows no control characters besides tab and line breaks, nor U+FFFE and U+FFFF. */
function withoutForbidden(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if ((c >= 0x20 && c !== 0xfffe && c !== 0xffff) || c === 0x09 || c === 0x0a || c === 0x0d) out += ch;
  }
  return out;
}


/** The tag with the value of the first attribute `which` picks replaced (escaped here); unchanged when none. */
export function withAttribute(tag: string, which: (name: string) => boolean, value: string): string {
  const a = attributeSpans(tag).find((x) => which(x.name));
  return a ? tag.slice(0, a.valueStart) + escapeXml(value) + tag.slice(a.valueEnd) : tag;
}

/** An attribute by its local name, whatever its prefix (r:id, relationships:id). */
export function localAttribute(attrs: Map<string, string>, local: string, prefixed = true): string | undefined {
  for (const [name, value] of attrs) {
    const colon = name.indexOf(":");
    if (name.slice(colon + 1) === local && (colon >= 0) === prefixed && !name.startsWith("xmlns")) return value;
  }
  return undefined;
}

/** Every start tag of an element (by local name, in the given prefix), e.g. all <sheet …> of workbook.xml. */
export function startTags(xml: string, prefix: string, local: string): string[] {
  const name = prefix + local;
  const out: string[] = [];
  for (const t of tags(xml)) if (!t.closing && t.name === name) out.push(xml.slice(t.start, t.end));
  return out;
}

/** The root element's prefix with its colon ("" for the default namespace; "x:" for <x:worksheet>). */
export function rootPrefix(xml: string, local: string): string {
  for (const t of tags(xml)) {
    if (t.closing) continue;
    const colon = t.name.indexOf(":");
    if (t.name.slice(colon + 1) === local) return colon >= 0 ? t.name.slice(0, colon + 1) : "";
  }
  return "";
}

/**
 * A tag of a part: its place (from its "<" to past its ">"), qualified name, and kind. Comments,
 * processing instructions, CDATA sections and the DOCTYPE are not tags.
 */
export interface Tag {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
}

/**
 * Every start and end tag of `xml` (text, or UTF-8 bytes) from `from` on, in one pass: each
 * character is looked at a bounded number of times whatever the input, so that a part written to
 * make pattern matching backtrack (thousands of "<c " inside a comment, a tag that never closes)
 * costs what its length costs. Markup characters are ASCII, so bytes and text scan alike. The scan
 * stops at the first construct that does not end.
 */
export function* tags(xml: string | Buffer, from = 0): Generator<Tag> {
  const text = typeof xml === "string";
  const at = (i: number): number => (text ? (xml as string).charCodeAt(i) : (xml as Buffer)[i]);
  const find = (s: string, i: number): number => xml.indexOf(s, i);
  const slice = (a: number, b: number): string => (text ? (xml as string).slice(a, b) : (xml as Buffer).toString("utf8", a, b));
  let i = from;
  for (;;) {
    const lt = find("<", i);
    if (lt < 0) return;
    const next = at(lt + 1);
    let end: number;
    if (next === 0x21 /* ! */) {
      if (startsWith(xml, "<!--", lt)) end = endOf(find("-->", lt + 4), 3);
      else if (startsWith(xml, "<![CDATA[", lt)) end = endOf(find("]]>", lt + 9), 3);
      else end = doctypeEnd(at, xml.length, lt);
      if (end < 0) return;
      i = end;
      continue;
    }
    if (next === 0x3f /* ? */) {
      end = endOf(find("?>", lt + 2), 2);
      if (end < 0) return;
      i = end;
      continue;
    }
    const closing = next === 0x2f; /* / */
    const nameStart = lt + (closing ? 2 : 1);
    let p = nameStart;
    while (p < xml.length && !isSpace(at(p)) && at(p) !== 0x3e && at(p) !== 0x2f) p++;
    const name = slice(nameStart, p);
    // The tag ends at the first ">" outside quotes; a quoted value may hold ">".
    let gt = -1;
    while (p < xml.length) {
      const c = at(p);
      if (c === 0x3e) {
        gt = p;
        break;
      }
      if (c === 0x22 || c === 0x27) {
        const close = find(c === 0x22 ? '"' : "'", p + 1);
        if (close < 0) return;
        p = close + 1;
      } else p++;
    }
    if (gt < 0) return;
    yield { start: lt, end: gt + 1, name, closing, selfClosing: !closing && at(gt - 1) === 0x2f };
    i = gt + 1;
  }
}

function endOf(found: number, length: number): number {
  return found < 0 ? -1 : found + length;
}

function startsWith(xml: string | Buffer, s: string, at: number): boolean {
  return typeof xml === "string" ? xml.startsWith(s, at) : xml.toString("latin1", at, at + s.length) === s;
}

/** Past the ">" that ends a DOCTYPE, whose internal subset (in brackets) may hold ">". */
function doctypeEnd(at: (i: number) => number, length: number, from: number): number {
  let depth = 0;
  for (let i = from; i < length; i++) {
    const c = at(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
    else if (c === 0x3e && depth <= 0) return i + 1;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}


/** The local part of a qualified name (sheetData of x:sheetData). */
export function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

/** The prefix a namespace URI is declared with in `tag` (a root start tag), or null. */
export function prefixOf(tag: string, uri: string): string | null {
  for (const [name, value] of attributes(tag)) if (value === uri && name.startsWith("xmlns:")) return name.slice(6);
  return null;
}

/**
 * Where to insert an element that the schema puts before `following` (in order): at the first of
 * them found at or after `from`, else before the root's end tag.
 */
export function insertionPoint(xml: string, from: number, prefix: string, following: readonly string[], root: string): number {
  const names = new Set(following.map((local) => (local.includes(":") ? local : prefix + local)));
  let rootEnd = -1;
  for (const t of tags(xml, from)) {
    if (!t.closing && names.has(t.name)) return t.start;
    if (t.closing && t.name === prefix + root) rootEnd = t.start;
  }
  if (rootEnd < 0) throw new Error(`</${prefix}${root}> not found`);
  return rootEnd;
}

/** Excel's colour attribute: ARGB, opaque. */
export function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}
