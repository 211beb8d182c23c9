/**
 * The tool's own outputs — the bulletin and the highlighted copy — carry a marker in their content,
 * so that a folder run recognises them wherever they lie and under any name, and an output path
 * is only replaced without --force when it holds one of them, untouched.
 *
 * The marker is two custom document properties (docProps/custom.xml, the part Excel shows under
 * 文件 → 属性 → 自定义 and keeps on every save, as WPS and LibreOffice do):
 *   zsledger-output       "bulletin" or "highlighted-copy"
 *   zsledger-fingerprint  a digest of every other part's name, CRC-32 and size, as written
 * Why a property and not the marks' formulas or a sheet: it is found by reading one small part
 * (no sheet is inflated), and it is independent of how marks look. Why the fingerprint: a unit
 * may fix its ledger inside the highlighted copy and send that file back; once saved by Excel or
 * WPS its parts no longer match, and it is checked as the ledger it has become. The digest is made
 * from the zip directory alone, so checking it inflates nothing.
 *
 * Bulletins written before the marker existed are recognised by the author and title ExcelJS
 * wrote into docProps/core.xml.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import { addContentTypes, addRels, freeRelId, parseRels, targetPart } from "./highlightCopy/package";
import { attributes, escapeXml, rootPrefix, unescapeXml } from "./highlightCopy/xml";
import { FileProblemError } from "./messages";
import { sniffFile } from "./sniff";
import { crc32, entryStream, type ZipEntry } from "./zip";
import type { OutEntry } from "./zipWrite";

export type OutputKind = "bulletin" | "highlighted-copy";

export interface OwnOutput {
  readonly kind: OutputKind;
  /** Every part as this tool wrote it (the fingerprint matches). */
  readonly untouched: boolean;
  /** A bulletin from before the marker: recognised by its author and title, no embedded data. */
  readonly legacy: boolean;
}

/** What a workbook's package says of itself, read from its small property parts. */
export interface PackageFacts {
  readonly own: OwnOutput | null;
  /** When it was last saved, as it records itself (docProps/core.xml, dcterms:modified), ms since 1970. */
  readonly savedAt: number | null;
}

/** The author every bulletin records (docProps/core.xml's dc:creator). */
export const CREATOR = "zsledger 招商台账助手";
/** What every bulletin's title says after the district's name (workbook.ts builds it). */
export const BULLETIN_TITLE_WORDS = "招商引资集中攻坚活动半月通报";

const OUTPUT_PROPERTY = "zsledger-output";
const FINGERPRINT_PROPERTY = "zsledger-fingerprint";
const KINDS: readonly OutputKind[] = ["bulletin", "highlighted-copy"];

const ROOT_RELS = "_rels/.rels";
const CONTENT_TYPES = "[Content_Types].xml";
const REL_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
const REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
const CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const NS_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
const NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
/** The format id every user-defined property carries (MS-OSHARED). */
const FMTID_USER = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
/** Property parts are a few KB; a larger one is read as having no marker rather than inflated. */
const PROBE_LIMIT = 256 * 1024;

/** Reads the marker and the saved time; any damage reads as "nothing known" (the check itself then says what is wrong). */
export async function probePackage(filePath: string, entries: readonly ZipEntry[]): Promise<PackageFacts> {
  try {
    const byName = new Map(entries.map((e) => [e.name, e]));
    const small = (name: string) => smallText(filePath, byName.get(name));
    const rels = parseRels((await small(ROOT_RELS)) ?? "");
    const partOf = (type: string, fallback: string) => {
      const rel = rels.find((r) => r.type === type && !r.external);
      return rel ? rootTarget(rel.target) : fallback;
    };
    const customPart = partOf(REL_CUSTOM, "docProps/custom.xml");
    const core = coreProperties((await small(partOf(REL_CORE, "docProps/core.xml"))) ?? "");
    const props = customProperties((await small(customPart)) ?? "");
    const kind = KINDS.find((k) => k === props.get(OUTPUT_PROPERTY));
    let own: OwnOutput | null = null;
    if (kind) own = { kind, untouched: props.get(FINGERPRINT_PROPERTY) === fingerprint(entries, customPart), legacy: false };
    else if (core.creator === CREATOR && core.title.includes(BULLETIN_TITLE_WORDS)) own = { kind: "bulletin", untouched: false, legacy: true };
    return { own, savedAt: core.modified };
  } catch {
    return { own: null, savedAt: null };
  }
}

/**
 * The entries with the marker added: the custom properties part created (or, when the workbook
 * has one, our two properties replaced in it, the user's own kept), related from _rels/.rels and
 * typed in [Content_Types].xml. `read` gives a copied entry's content.
 */
export async function markOwnOutput(entries: readonly OutEntry[], kind: OutputKind, read: (e: ZipEntry) => Promise<Buffer>): Promise<OutEntry[]> {
  const list = [...entries];
  const at = (name: string) => list.findIndex((e) => nameOf(e) === name);
  const text = async (i: number) => {
    const e = list[i];
    return ("copy" in e ? await read(e.copy) : e.data).toString("utf8");
  };
  const relsAt = at(ROOT_RELS);
  const typesAt = at(CONTENT_TYPES);
  if (relsAt < 0 || typesAt < 0) throw new FileProblemError({ kind: "corrupt", detail: relsAt < 0 ? ROOT_RELS : CONTENT_TYPES });

  const relsXml = await text(relsAt);
  const rels = parseRels(relsXml);
  const rel = rels.find((r) => r.type === REL_CUSTOM && !r.external);
  let part: string;
  if (rel) part = rootTarget(rel.target);
  else {
    part = "docProps/custom.xml";
    for (let n = 1; at(part) >= 0; n++) part = `docProps/custom${n}.xml`;
    list[relsAt] = { name: ROOT_RELS, data: Buffer.from(addRels(relsXml, [{ id: freeRelId(rels), type: REL_CUSTOM, target: part }]), "utf8") };
  }
  list[typesAt] = { name: CONTENT_TYPES, data: Buffer.from(addContentTypes(await text(typesAt), [], [{ part, type: CT_CUSTOM }]), "utf8") };

  const partAt = at(part);
  const existing = partAt >= 0 ? await text(partAt) : null;
  const digest = fingerprint(
    list.map((e) => ("copy" in e ? e.copy : { name: e.name, crc32: crc32(e.data), unpacked: e.data.length })),
    part,
  );
  const xml = withProperties(existing, [
    [OUTPUT_PROPERTY, kind],
    [FINGERPRINT_PROPERTY, digest],
  ]);
  const marked: OutEntry = { name: part, data: Buffer.from(xml, "utf8") };
  if (partAt >= 0) list[partAt] = marked;
  else list.push(marked);
  return list;
}

function nameOf(e: OutEntry): string {
  return "copy" in e ? e.copy.name : e.name;
}

/** A root relationship's target as a part name ("/docProps/custom.xml" or "docProps/custom.xml"). */
function rootTarget(target: string): string {
  return targetPart("", target).replace(/^\.\//, "");
}

/** Every part but the custom properties part (which holds the digest), by name, CRC-32 and size. */
function fingerprint(entries: readonly { readonly name: string; readonly crc32: number; readonly unpacked: number }[], except: string): string {
  const lines = entries
    .filter((e) => e.name !== except)
    .map((e) => `${e.name}\t${(e.crc32 >>> 0).toString(16)}\t${e.unpacked}`)
    .sort();
  return createHash("sha256").update(lines.join("\n"), "utf8").digest("hex").slice(0, 32);
}

async function smallText(filePath: string, entry: ZipEntry | undefined): Promise<string | null> {
  if (!entry || entry.unpacked > PROBE_LIMIT || entry.encrypted) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of entryStream(filePath, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** One XML tag as a linear scan finds it: start, end or empty, with its local name and where it lies. */
interface Tag {
  readonly local: string;
  readonly attrs: string;
  readonly start: number;
  readonly end: number;
  readonly closing: boolean;
  readonly empty: boolean;
}

/** The tags of a small XML part, left to right; each step moves past a '>', so the scan is linear. */
function* tags(xml: string): Generator<Tag> {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return;
    const gt = xml.indexOf(">", lt);
    if (gt < 0) return;
    const body = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (body.startsWith("?") || body.startsWith("!")) continue;
    const closing = body.startsWith("/");
    const name = /^\/?([\w.:-]+)/.exec(body)?.[1] ?? "";
    yield {
      local: name.slice(name.indexOf(":") + 1),
      attrs: body.slice(name.length + (closing ? 1 : 0)),
      start: lt,
      end: gt + 1,
      closing,
      empty: body.endsWith("/"),
    };
  }
}

/** The text between a tag and the next one. */
function textAfter(xml: string, tag: Tag): string {
  const next = xml.indexOf("<", tag.end);
  return unescapeXml(xml.slice(tag.end, next < 0 ? xml.length : next));
}

/** docProps/core.xml: author, title and last-saved time. */
function coreProperties(xml: string): { creator: string; title: string; modified: number | null } {
  let creator = "";
  let title = "";
  let modified: number | null = null;
  for (const tag of tags(xml)) {
    if (tag.closing || tag.empty) continue;
    if (tag.local === "creator") creator = textAfter(xml, tag).trim();
    else if (tag.local === "title") title = textAfter(xml, tag).trim();
    else if (tag.local === "modified") {
      const ms = Date.parse(textAfter(xml, tag).trim());
      modified = Number.isFinite(ms) ? ms : null;
    }
  }
  return { creator, title, modified };
}

/** The user-defined properties' names and (text) values. */
function customProperties(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | null = null;
  for (const tag of tags(xml)) {
    if (tag.local === "property") current = tag.closing || tag.empty ? null : (attributes(tag.attrs).get("name") ?? null);
    else if (current !== null && !tag.closing && !tag.empty && !out.has(current)) out.set(current, textAfter(xml, tag));
  }
  return out;
}

/** A custom properties part with `props` set: a new part, or the workbook's own with ours replaced and the rest kept. */
function withProperties(existing: string | null, props: readonly (readonly [string, string])[]): string {
  const element = (p: string, pid: number, name: string, value: string) =>
    `<${p}property fmtid="${FMTID_USER}" pid="${pid}" name="${escapeXml(name)}"><vt:lpwstr xmlns:vt="${NS_VT}">${escapeXml(value)}</vt:lpwstr></${p}property>`;
  if (existing === null || !/<([\w.-]+:)?Properties[\s/>]/.test(existing)) {
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${NS_CUSTOM}" xmlns:vt="${NS_VT}">` +
      props.map(([name, value], i) => element("", i + 2, name, value)).join("") +
      `</Properties>`
    );
  }
  const p = rootPrefix(existing, "Properties");
  // Cut our earlier properties out (a copy made from a copy), keep every other one as written.
  const ours = new Set(props.map(([name]) => name));
  let xml = "";
  let from = 0;
  let cutFrom = -1;
  let maxPid = 1;
  for (const tag of tags(existing)) {
    if (tag.local !== "property") continue;
    if (!tag.closing) {
      const a = attributes(tag.attrs);
      maxPid = Math.max(maxPid, Number(a.get("pid")) || 0);
      if (ours.has(a.get("name") ?? "")) {
        if (tag.empty) {
          xml += existing.slice(from, tag.start);
          from = tag.end;
        } else cutFrom = tag.start;
      }
    } else if (cutFrom >= 0) {
      xml += existing.slice(from, cutFrom);
      from = tag.end;
      cutFrom = -1;
    }
  }
  xml += existing.slice(from);
  const end = xml.lastIndexOf(`</${p}Properties>`);
  const added = props.map(([name, value], i) => element(p, maxPid + 1 + i, name, value)).join("");
  if (end >= 0) return xml.slice(0, end) + added + xml.slice(end);
  // A self-closed root: open it.
  return xml.replace(new RegExp(`<${p}Properties([^>]*)/>`), `<${p}Properties$1>${added}</${p}Properties>`);
}


/**
 * Whether a file may be written at `out` without --force: nothing is there, or this tool's own
 * output of that kind as it wrote it (a bulletin from before the marker counts: its author and
 * title say this tool wrote it). A link, a folder, a file the user made or changed: not without --force.
 */
export async function replaceable(out: string, kind: OutputKind): Promise<boolean> {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(out);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT";
  }
  if (!stat.isFile()) return false;
  const sniffed = sniffFile(out);
  if ("problem" in sniffed) return false;
  const { own } = await probePackage(out, sniffed.entries);
  return own !== null && own.kind === kind && (own.untouched || own.legacy);
}
