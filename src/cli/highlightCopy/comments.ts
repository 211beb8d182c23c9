/**
 * Notes (legacy comments) on the findings' cells: the comments part holds the text, a VML drawing
 * holds each note's box. A sheet that already has notes keeps them: ours are added to its parts,
 * and on a cell that already has a note our text is appended to it.
 */
import type { Note } from "./plan";
import { MAIN_NS } from "./package";
import { attributes, escapeXml, rootPrefix, unescapeXml } from "./xml";

const NOTE_AUTHOR = "招商台账助手";

/** Our text as rich-text runs: the author line in bold, then one line per finding (Excel's own note layout). */
function runs(p: string, note: Note, leadingBreak: boolean): string {
  const font = `<${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="宋体"/><${p}charset val="134"/>`;
  const head = `${leadingBreak ? "\n\n" : ""}${NOTE_AUTHOR}：`;
  return (
    `<${p}r><${p}rPr><${p}b/>${font}</${p}rPr><${p}t xml:space="preserve">${escapeXml(head)}</${p}t></${p}r>` +
    `<${p}r><${p}rPr>${font}</${p}rPr><${p}t xml:space="preserve">${escapeXml("\n" + note.lines.join("\n"))}</${p}t></${p}r>`
  );
}

function commentXml(p: string, ref: string, authorId: number, note: Note): string {
  return `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${runs(p, note, false)}</${p}text></${p}comment>`;
}

/** A new comments part holding our notes only. */
export function newComments(notes: ReadonlyMap<string, Note>): string {
  const list = [...notes].map(([ref, n]) => commentXml("", ref, 0, n)).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<comments xmlns="${MAIN_NS}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${list}</commentList></comments>`
  );
}

/**
 * Our notes merged into an existing comments part. Returns the part and the notes on cells that had
 * no note yet (they need a box in the VML drawing; the others have one).
 */
export function mergeComments(xml: string, notes: ReadonlyMap<string, Note>): { xml: string; fresh: Map<string, Note> } {
  const p = rootPrefix(xml, "comments");
  // Our author: found, or appended to <authors>.
  const authorsMatch = new RegExp(`<${p}authors(?:\\s[^>]*)?>([\\s\\S]*?)</${p}authors>|<${p}authors(?:\\s[^>]*)?/>`).exec(xml);
  const authors = authorsMatch?.[1] ? [...authorsMatch[1].matchAll(new RegExp(`<${p}author(?:\\s[^>]*)?>([\\s\\S]*?)</${p}author>|<${p}author(?:\\s[^>]*)?/>`, "g"))].map((m) => unescapeXml(m[1] ?? "")) : [];
  let authorId = authors.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    const ours = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    if (authorsMatch) {
      const block = authorsMatch[0].endsWith("/>") ? `<${p}authors>${ours}</${p}authors>` : authorsMatch[0].replace(new RegExp(`</${p}authors>$`), `${ours}</${p}authors>`);
      xml = xml.slice(0, authorsMatch.index) + block + xml.slice(authorsMatch.index + authorsMatch[0].length);
    } else {
      xml = xml.replace(new RegExp(`(<${p}comments(?:\\s[^>]*)?>)`), `$1<${p}authors>${ours}</${p}authors>`);
    }
  }

  const fresh = new Map(notes);
  // Notes on cells that already have one: our runs go at the end of that note's text.
  xml = xml.replace(new RegExp(`(<${p}comment\\s[^>]*>)([\\s\\S]*?)(</${p}text>)`, "g"), (whole, open: string, body: string, close: string) => {
    const ref = attributes(open).get("ref") ?? "";
    const note = fresh.get(ref);
    if (!note) return whole;
    fresh.delete(ref);
    return open + body + runs(p, note, true) + close;
  });
  const added = [...fresh].map(([ref, n]) => commentXml(p, ref, authorId, n)).join("");
  const endList = xml.lastIndexOf(`</${p}commentList>`);
  if (endList >= 0) xml = xml.slice(0, endList) + added + xml.slice(endList);
  else if (new RegExp(`<${p}commentList\\s*/>`).test(xml)) xml = xml.replace(new RegExp(`<${p}commentList\\s*/>`), `<${p}commentList>${added}</${p}commentList>`);
  else xml = xml.replace(new RegExp(`</${p}comments>\\s*$`), `<${p}commentList>${added}</${p}commentList></${p}comments>`);
  return { xml, fresh };
}

/** The shape blocks (of 1024 ids) a VML drawing claims: <o:idmap data="1,3"/>. */
export function vmlBlocks(vml: string): number[] {
  const out: number[] = [];
  for (const m of vml.matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g)) for (const n of m[1].split(/[\s,]+/)) if (/^\d+$/.test(n)) out.push(Number(n));
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) out.push(Math.floor(Number(m[1]) / 1024));
  return out;
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** One note's box, hidden until the cell is pointed at (as Excel writes it); anchored right of the cell. */
function shapeXml(id: number, note: Note, z: number): string {
  const r = note.row - 1;
  const c = note.column - 1;
  const lines = note.lines.reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 24)), 1);
  const height = Math.min(400, 14 + lines * 12);
  const anchor = `${c + 1}, 15, ${Math.max(0, r - 1)}, 10, ${c + 5}, 15, ${Math.max(0, r - 1) + Math.ceil(height / 15)}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:${height}pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
  );
}

/** Ids for `n` new shapes in the given blocks, skipping ids already used. */
function shapeIds(n: number, blocks: readonly number[], used: ReadonlySet<number>): number[] {
  const ids: number[] = [];
  for (const b of blocks) {
    for (let id = b * 1024 + 1; id < (b + 1) * 1024 && ids.length < n; id++) if (!used.has(id)) ids.push(id);
  }
  return ids;
}

/** How many 1024-id blocks `n` shapes need. */
export function blocksFor(n: number): number {
  return Math.max(1, Math.ceil(n / 1023));
}

/** A new VML drawing with one box per note, its shape ids in the given (unclaimed) blocks. */
export function newVml(notes: ReadonlyMap<string, Note>, blocks: readonly number[]): string {
  const ids = shapeIds(notes.size, blocks, new Set());
  const shapes = [...notes.values()].map((n, i) => shapeXml(ids[i], n, i + 1)).join("\n");
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
    ` <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(",")}"/></o:shapelayout>\n` +
    ` ${SHAPE_TYPE}\n${shapes}\n</xml>`
  );
}

/**
 * Boxes for `notes` appended to an existing VML drawing. Ids go into the blocks it claims while
 * free ones remain; `spare` blocks (unclaimed anywhere) are added to its idmap when they run out.
 */
export function appendVml(vml: string, notes: ReadonlyMap<string, Note>, spare: () => number): string {
  if (notes.size === 0) return vml;
  const used = new Set([...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])));
  const idmap = /(<o:idmap\b[^>]*\bdata=")([^"]*)(")/.exec(vml);
  const blocks = idmap ? idmap[2].split(/[\s,]+/).filter((s) => /^\d+$/.test(s)).map(Number) : [];
  let ids = shapeIds(notes.size, blocks, used);
  const added: number[] = [];
  while (ids.length < notes.size) {
    added.push(spare());
    ids = shapeIds(notes.size, [...blocks, ...added], used);
  }
  if (added.length > 0) {
    const data = [...blocks, ...added].join(",");
    vml = idmap
      ? vml.slice(0, idmap.index) + idmap[1] + data + idmap[3] + vml.slice(idmap.index + idmap[0].length)
      : vml.replace(/(<xml\b[^>]*>)/, `$1<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>`);
  }
  const z = used.size;
  const shapes = (/id="_x0000_t202"/.test(vml) ? "" : SHAPE_TYPE) + [...notes.values()].map((n, i) => shapeXml(ids[i], n, z + i + 1)).join("\n");
  const end = vml.lastIndexOf("</xml>");
  if (end < 0) throw new Error("VML drawing without </xml>");
  return vml.slice(0, end) + shapes + "\n" + vml.slice(end);
}
