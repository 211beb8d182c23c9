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

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      case "amp":
        return "&";
      default:
        return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** The attributes of a start tag, by qualified name, values unescaped. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
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
  const re = new RegExp(`<${escapeRe(prefix)}${local}(?=[\\s/>])[^>]*>`, "g");
  return [...xml.matchAll(re)].map((m) => m[0]);
}

/** The root element's prefix with its colon ("" for the default namespace; "x:" for <x:worksheet>). */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}(?=[\\s/>])`).exec(xml);
  return m?.[1] ?? "";
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
  let best = -1;
  for (const local of following) {
    const re = new RegExp(`<${local.includes(":") ? escapeRe(local) : escapeRe(prefix) + local}(?=[\\s/>])`, "g");
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  if (best >= 0) return best;
  const end = xml.lastIndexOf(`</${prefix}${root}>`);
  if (end < 0) throw new Error(`</${prefix}${root}> not found`);
  return end;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Excel's colour attribute: ARGB, opaque. */
export function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}
