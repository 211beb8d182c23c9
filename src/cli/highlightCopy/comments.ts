/**
 * Notes (legacy comments) on the findings' cells: the comments part holds the text, a VML drawing
 * holds each note's box. A sheet that already has notes keeps them: ours are added to its parts,
 * and on a cell that already has a note our text is appended to it.
 */
import type { Note } from "./plan";
import { MAIN_NS } from "./package";
import { FileProblemError } from "../messages";
import { attributes, escapeXml, rootPrefix, tags, unescapeXml, withAttribute, type Tag } from "./xml";

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
 * no note yet (they need a box in the VML drawing; the others have one). The part is read in one
 * pass over its tags (xml.ts) and edited at the places found.
 */
export function mergeComments(xml: string, notes: ReadonlyMap<string, Note>): { xml: string; fresh: Map<string, Note> } {
  const p = rootPrefix(xml, "comments");
  const name = (local: string) => p + local;
  let rootOpen: Tag | null = null;
  let rootClose: Tag | null = null;
  let authorsOpen: Tag | null = null;
  let authorsClose: Tag | null = null;
  let listOpen: Tag | null = null;
  let listClose: Tag | null = null;
  let authorStart = -1;
  const authors: string[] = [];
  /** The comment being read: its cell, until the end of its text is found. */
  let comment: string | null = null;
  const textEnds: { ref: string; at: number }[] = [];
  for (const t of tags(xml)) {
    if (!rootOpen) {
      if (!t.closing && t.name === name("comments")) rootOpen = t;
      continue;
    }
    if (t.name === name("authors")) {
      if (t.closing) authorsClose ??= t;
      else authorsOpen ??= t;
    } else if (t.name === name("author") && authorsOpen && !authorsClose) {
      if (!t.closing && !t.selfClosing) authorStart = t.end;
      else if (!t.closing) authors.push("");
      else if (authorStart >= 0) {
        authors.push(unescapeXml(xml.slice(authorStart, t.start)));
        authorStart = -1;
      }
    } else if (t.name === name("commentList")) {
      if (t.closing) listClose = t;
      else listOpen ??= t;
    } else if (t.name === name("comment")) {
      comment = t.closing || t.selfClosing ? null : (attributes(xml.slice(t.start, t.end)).get("ref") ?? "");
    } else if (t.closing && t.name === name("text") && comment !== null) {
      textEnds.push({ ref: comment, at: t.start });
      comment = null;
    } else if (t.closing && t.name === name("comments")) rootClose = t;
  }
  if (!rootOpen) throw new FileProblemError({ kind: "corrupt", detail: "comments part without <comments>" });

  const edits: { at: number; end: number; text: string }[] = [];
  // Our author: found, or appended to <authors>.
  let authorId = authors.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    const ours = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    if (authorsOpen?.selfClosing) edits.push({ at: authorsOpen.start, end: authorsOpen.end, text: `<${p}authors>${ours}</${p}authors>` });
    else if (authorsOpen && authorsClose) edits.push({ at: authorsClose.start, end: authorsClose.start, text: ours });
    else edits.push({ at: rootOpen.end, end: rootOpen.end, text: `<${p}authors>${ours}</${p}authors>` });
  }

  const fresh = new Map(notes);
  // Notes on cells that already have one: our runs go at the end of that note's text.
  for (const { ref, at } of textEnds) {
    const note = fresh.get(ref);
    if (!note) continue;
    fresh.delete(ref);
    edits.push({ at, end: at, text: runs(p, note, true) });
  }
  const added = [...fresh].map(([ref, n]) => commentXml(p, ref, authorId, n)).join("");
  if (listOpen?.selfClosing) edits.push({ at: listOpen.start, end: listOpen.end, text: `<${p}commentList>${added}</${p}commentList>` });
  else if (listOpen && listClose) edits.push({ at: listClose.start, end: listClose.start, text: added });
  else if (rootClose) edits.push({ at: rootClose.start, end: rootClose.start, text: `<${p}commentList>${added}</${p}commentList>` });
  else throw new FileProblemError({ kind: "corrupt", detail: "comments part without </comments>" });
  return { xml: applyEdits(xml, edits), fresh };
}

/** Replacements of [at, end) by text, at places that do not overlap, applied in one pass. */
function applyEdits(xml: string, edits: readonly { at: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  let out = "";
  let from = 0;
  for (const e of sorted) {
    out += xml.slice(from, e.at) + e.text;
    from = e.end;
  }
  return out + xml.slice(from);
}

/** The shape blocks (of 1024 ids) a VML drawing claims: <o:idmap data="1,3"/>, and the blocks of its shapes' ids. */
export function vmlBlocks(vml: string): number[] {
  const out: number[] = [];
  for (const t of tags(vml)) {
    if (t.closing || t.name !== "o:idmap") continue;
    for (const n of (attributes(vml.slice(t.start, t.end)).get("data") ?? "").split(/[\s,]+/)) if (/^\d{1,9}$/.test(n)) out.push(Number(n));
  }
  for (const id of shapeIdsIn(vml)) out.push(Math.floor(id / 1024));
  return out;
}

/** The numbers of the shape ids in a drawing (_x0000_s1025). */
function shapeIdsIn(vml: string): number[] {
  return [...vml.matchAll(/_x0000_s(\d{1,9})/g)].map((m) => Number(m[1]));
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
  const used = new Set(shapeIdsIn(vml));
  let idmap: Tag | undefined;
  let root: Tag | undefined;
  for (const t of tags(vml)) {
    if (t.closing) continue;
    if (!root && t.name === "xml") root = t;
    if (!idmap && t.name === "o:idmap") idmap = t;
  }
  const idmapTag = idmap ? vml.slice(idmap.start, idmap.end) : "";
  const blocks = idmap ? (attributes(idmapTag).get("data") ?? "").split(/[\s,]+/).filter((s) => /^\d{1,9}$/.test(s)).map(Number) : [];
  let ids = shapeIds(notes.size, blocks, used);
  const added: number[] = [];
  while (ids.length < notes.size) {
    added.push(spare());
    ids = shapeIds(notes.size, [...blocks, ...added], used);
  }
  if (added.length > 0) {
    const data = [...blocks, ...added].join(",");
    if (idmap) vml = vml.slice(0, idmap.start) + withAttribute(idmapTag, (n) => n === "data", data) + vml.slice(idmap.end);
    else if (root) vml = vml.slice(0, root.end) + `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>` + vml.slice(root.end);
  }
  const z = used.size;
  const shapes = (vml.includes('id="_x0000_t202"') ? "" : SHAPE_TYPE) + [...notes.values()].map((n, i) => shapeXml(ids[i], n, z + i + 1)).join("\n");
  const end = vml.lastIndexOf("</xml>");
  if (end < 0) throw new Error("VML drawing without </xml>");
  return vml.slice(0, end) + shapes + "\n" + vml.slice(end);
}
