/**
 * A part of the package as text for an XML parser (ExcelJS's, or ours in sharedParts.ts), from the
 * bytes zip.ts inflates and checks:
 * - decoded in its own encoding: UTF-8, or UTF-16 (little or big endian) with or without its byte
 *   order mark, as the XML spec lets a parser tell from the first bytes. Decoding runs across
 *   chunks: ExcelJS decodes every chunk on its own, which garbles a character split between two
 *   (one in three boundaries of Chinese text, every 16 KB inflated: 签约 read as "��约");
 * - with the root's namespace prefix taken off element names: some exporters write
 *   <x:worksheet xmlns:x="…/spreadsheetml/2006/main"><x:sheetData>…, which ExcelJS, matching names
 *   like "sheetData" literally, would read as an empty sheet;
 * - checked for its end: the parser is never told that a part has ended, so a part cut short
 *   inside an intact zip (a broken writer) would read as fewer rows, or none, without a word. A
 *   complete part closes the element it opened first.
 */
import { Transform, pipeline, type Readable, type TransformCallback } from "stream";
import { TextDecoder } from "util";
import { FileProblemError } from "./messages";

/** How far into a part its root start tag may be (after the declaration, comments and a DOCTYPE). */
const ROOT_SEARCH = 64 * 1024;
const TAIL = 256;

export function xmlPart(name: string, source: Readable): Readable {
  const text = new XmlText(name);
  pipeline(source, text, (e) => {
    if (e && !text.destroyed) text.destroy(e);
  });
  return text;
}

type Encoding = "utf-8" | "utf-16le" | "utf-16be";

/** The encoding from a part's first bytes (XML 1.0, appendix F): a byte order mark, or "<?" in UTF-16. */
export function detectEncoding(head: Buffer): Encoding {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head.length >= 4 && head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return "utf-16le";
  if (head.length >= 4 && head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return "utf-16be";
  return "utf-8";
}

/** A part's bytes decoded whole (the highlighted copy edits parts as UTF-8 text). */
export function decodePart(bytes: Buffer): string {
  return new TextDecoder(detectEncoding(bytes)).decode(bytes);
}

class XmlText extends Transform {
  private decoder: TextDecoder | null = null;
  /** Bytes held until the encoding can be told (fewer than 4 at the start). */
  private start = Buffer.alloc(0);
  /** Text held until the root start tag is complete (its prefix decides what to rewrite). */
  private head: string | null = "";
  /** Element-name prefixes to take off ("x:"), found on the root; none is the common case. */
  private prefixes: readonly string[] = [];
  /** Text held back because a prefix may continue in the next chunk ("<x" at a chunk's end). */
  private carry = "";
  private root: string | null = null;
  private rootSelfClosed = false;
  private tail = "";

  constructor(private readonly name: string) {
    super({ readableObjectMode: true });
  }

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.decoder) {
      this.start = Buffer.concat([this.start, chunk]);
      if (this.start.length < 4) return done();
      this.decoder = new TextDecoder(detectEncoding(this.start));
      chunk = this.start;
      this.start = Buffer.alloc(0);
    }
    this.text(this.decoder.decode(chunk, { stream: true }));
    done();
  }

  _flush(done: TransformCallback): void {
    if (!this.decoder) this.decoder = new TextDecoder(detectEncoding(this.start));
    this.text(this.decoder.decode(this.start.length > 0 ? this.start : undefined));
    if (this.head !== null) this.release(findRoot(this.head));
    this.emitText(this.carry);
    this.carry = "";
    done(this.complete() ? null : new FileProblemError({ kind: "corrupt", detail: `${this.name}: incomplete XML` }));
  }

  private text(s: string): void {
    if (this.head === null) {
      this.rewrite(s);
      return;
    }
    this.head += s;
    const root = findRoot(this.head);
    if (root !== "pending" || this.head.length >= ROOT_SEARCH) this.release(root);
  }

  /** The text held so far, once the root is known (or known to be missing). */
  private release(root: Root | null | "pending"): void {
    const head = this.head ?? "";
    this.head = null;
    if (root !== null && root !== "pending") {
      this.root = root.local;
      this.rootSelfClosed = root.selfClosed;
      this.prefixes = root.prefixes;
    }
    this.rewrite(head);
  }

  private rewrite(s: string): void {
    if (this.prefixes.length === 0) {
      this.emitText(s);
      return;
    }
    s = this.carry + s;
    // A "<" near the end may start a prefixed name that the next chunk completes.
    const lt = s.lastIndexOf("<");
    const keep = lt >= 0 && s.length - lt <= this.longestPrefix() + 1 ? lt : s.length;
    this.carry = s.slice(keep);
    this.emitText(stripPrefixes(s.slice(0, keep), this.prefixes));
  }

  private longestPrefix(): number {
    return Math.max(...this.prefixes.map((p) => p.length));
  }

  private emitText(s: string): void {
    if (s === "") return;
    this.tail = s.length >= TAIL ? s.slice(-TAIL) : (this.tail + s).slice(-TAIL);
    this.push(s);
  }

  /** The part ends by closing its root (or is nothing but the root, self-closed). */
  private complete(): boolean {
    if (this.root === null) return false;
    const tail = this.tail.replace(/\s+$/, "");
    return tail.endsWith(`</${this.root}>`) || new RegExp(`</${escapeRe(this.root)}\\s+>$`).test(tail) || (this.rootSelfClosed && tail.endsWith("/>"));
  }
}

interface Root {
  /** The root's name as the parser will see it (its prefix taken off when it is one of `prefixes`). */
  readonly local: string;
  readonly selfClosed: boolean;
  readonly prefixes: readonly string[];
}

/**
 * The root element of a part, from its start: null when there is none (not XML), "pending" when
 * its start tag is not complete yet. The prefixes to take off are those the root binds to its own
 * namespace (its own prefix, and any other declared for the same namespace).
 */
function findRoot(head: string): Root | null | "pending" {
  let at = 0;
  for (;;) {
    const lt = head.indexOf("<", at);
    if (lt < 0) return "pending";
    const next = head[lt + 1];
    if (next === undefined) return "pending";
    if (next === "?" || next === "!") {
      // The declaration, a comment, a DOCTYPE (whose internal subset may hold ">" inside brackets).
      const end = next === "!" && head.startsWith("<!--", lt) ? head.indexOf("-->", lt) : next === "!" && /^<!DOCTYPE/i.test(head.slice(lt, lt + 9)) ? doctypeEnd(head, lt) : head.indexOf(">", lt);
      if (end < 0) return "pending";
      at = end + 1;
      continue;
    }
    const gt = head.indexOf(">", lt);
    if (gt < 0) return "pending";
    const tag = head.slice(lt + 1, gt);
    const name = /^[^\s/>]+/.exec(tag)?.[0];
    if (!name) return null;
    const colon = name.indexOf(":");
    const rootPrefix = colon >= 0 ? name.slice(0, colon) : "";
    const declared = new Map<string, string>();
    for (const m of tag.matchAll(/\sxmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) declared.set(m[1] ?? "", m[2] ?? m[3] ?? "");
    const namespace = declared.get(rootPrefix);
    const prefixes = namespace === undefined ? [] : [...declared].filter(([p, uri]) => p !== "" && uri === namespace).map(([p]) => `${p}:`);
    const local = prefixes.includes(`${rootPrefix}:`) ? name.slice(colon + 1) : name;
    return { local, selfClosed: tag.endsWith("/"), prefixes };
  }
}

function doctypeEnd(head: string, from: number): number {
  let depth = 0;
  for (let i = from; i < head.length; i++) {
    const c = head[i];
    if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === ">" && depth <= 0) return i;
  }
  return -1;
}

/** "<x:row" → "<row", "</x:row>" → "</row>": element names only (a "<" in text is always escaped). */
function stripPrefixes(s: string, prefixes: readonly string[]): string {
  let out = s;
  for (const p of prefixes) out = out.split(`<${p}`).join("<").split(`</${p}`).join("</");
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
