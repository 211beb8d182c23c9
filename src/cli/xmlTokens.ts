/**
 * A streaming XML tokenizer for the parts held whole (sharedParts.ts): start tags, end tags and
 * text, fed chunk by chunk. Each character is looked at a bounded number of times, whatever the
 * input: a construct split between chunks is resumed where its search stopped, never searched
 * again from its start, and pieces are joined once. Comments, processing instructions and the
 * DOCTYPE are skipped; CDATA is text. Entities are left to the reader of the text (decodeXml).
 *
 * It checks no more of well-formedness than it needs to find its way; what it does not understand
 * it steps over. That is enough for reading values: ExcelJS's SAX parser took seven seconds and
 * an event object per tag for the 15 million empty runs of a 60 MB shared strings part.
 */

export interface TokenHandler {
  /**
   * A start tag: its qualified name, and where its whole text is (source.slice(start, end), for
   * its attributes: sliced only by a reader that needs them). Self-closed tags are followed by close().
   */
  open(name: string, source: string, start: number, end: number): void;
  close(name: string): void;
  /** Character data as written (entities not decoded), or a CDATA section's content (`cdata`). */
  text(raw: string, cdata: boolean): void;
}

/** No real start tag of these parts comes near this; a longer one is damage, not something to hold. */
const MAX_TAG = 1024 * 1024;

type Pending =
  /** A start or end tag, its pieces so far and whether its end is inside a quoted value. */
  | { readonly kind: "tag"; pieces: string[]; length: number; quote: string | null }
  /** Something skipped until its terminator (a comment "-->", a PI "?>", a DOCTYPE ">"), or CDATA ("]]>", its content text). */
  | { readonly kind: "skip" | "cdata"; readonly terminator: string; held: string; depth: number }
  /** A "<" (or more) at a chunk's end: too little to tell what it starts. */
  | { readonly kind: "start"; held: string };

export class XmlTokenizer {
  private pending: Pending | null = null;

  constructor(
    private readonly handler: TokenHandler,
    private readonly part: string,
  ) {}

  feed(chunk: string): void {
    let i = 0;
    if (this.pending) {
      i = this.resume(chunk);
      if (i < 0) return;
    }
    this.scan(chunk, i);
  }

  /** The part has ended: a construct left open is damage. */
  end(): void {
    if (this.pending) throw new Error(`${this.part}: incomplete XML`);
  }

  private scan(s: string, from: number): void {
    let i = from;
    while (i < s.length) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        this.handler.text(s.slice(i), false);
        return;
      }
      if (lt > i) this.handler.text(s.slice(i, lt), false);
      const next = this.construct(s, lt);
      if (next < 0) return;
      i = next;
    }
  }

  /** Reads the construct starting at s[lt] ("<"); the index past it, or -1 when it continues in the next chunk. */
  private construct(s: string, lt: number): number {
    const next = s.charCodeAt(lt + 1);
    if (next !== 0x21 /* ! */ && next !== 0x3f /* ? */ && lt + 1 < s.length) {
      // The common case, a tag whole in this chunk: no piece is copied.
      const gt = tagEnd(s, lt + 1);
      if (gt >= 0) {
        if (gt - lt > MAX_TAG) throw new Error(`${this.part}: a tag longer than ${MAX_TAG} characters`);
        this.emitTag(s, lt, gt + 1);
        return gt + 1;
      }
      return this.tag(s, lt, { kind: "tag", pieces: [], length: 0, quote: null });
    }
    // Enough characters to tell a comment ("<!--") and CDATA ("<![CDATA[") from the rest: held when the chunk ends first.
    const head = s.slice(lt, lt + 9);
    if (head.length < 9 && ("<!--".startsWith(head) || "<![CDATA[".startsWith(head))) {
      this.pending = { kind: "start", held: head };
      return -1;
    }
    if (head.startsWith("<!--")) return this.skip(s, lt + 4, { kind: "skip", terminator: "-->", held: "", depth: 0 });
    if (head.startsWith("<![CDATA[")) return this.skip(s, lt + 9, { kind: "cdata", terminator: "]]>", held: "", depth: 0 });
    if (head.startsWith("<?")) return this.skip(s, lt + 2, { kind: "skip", terminator: "?>", held: "", depth: 0 });
    return this.skip(s, lt + 2, { kind: "skip", terminator: ">", held: "", depth: 0 });
  }

  private resume(chunk: string): number {
    const p = this.pending!;
    this.pending = null;
    if (p.kind === "start") {
      // Put the held characters back in front of the chunk: at most eight of them.
      this.scan(p.held + chunk, 0);
      return -1;
    }
    if (p.kind === "tag") return this.tag(chunk, -1, p);
    return this.skip(chunk, 0, p);
  }

  /** A comment, PI, DOCTYPE or CDATA section from `from` to its terminator. */
  private skip(s: string, from: number, p: Extract<Pending, { kind: "skip" | "cdata" }>): number {
    // A terminator split between chunks: the held tail of the last chunk is searched with this one.
    const carried = p.held;
    const text = carried + s.slice(from);
    let end: number;
    if (p.terminator === ">") {
      // A DOCTYPE's internal subset holds ">" inside brackets.
      end = -1;
      for (let i = carried.length; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5b) p.depth++;
        else if (c === 0x5d) p.depth--;
        else if (c === 0x3e && p.depth <= 0) {
          end = i;
          break;
        }
      }
    } else end = text.indexOf(p.terminator, Math.max(0, carried.length - (p.terminator.length - 1)));
    if (end < 0) {
      const keep = p.terminator.length - 1;
      if (p.kind === "cdata" && text.length > keep) this.handler.text(text.slice(0, text.length - keep), true);
      p.held = text.slice(Math.max(0, text.length - keep));
      this.pending = p;
      return -1;
    }
    if (p.kind === "cdata" && end > 0) this.handler.text(text.slice(0, end), true);
    return from + (end - carried.length) + p.terminator.length;
  }

  /** A start or end tag from s[lt] ("<"; lt -1 when resumed) to its ">" outside quotes. */
  private tag(s: string, lt: number, p: Extract<Pending, { kind: "tag" }>): number {
    let i = lt < 0 ? 0 : lt + 1;
    let gt = -1;
    while (i < s.length) {
      if (p.quote !== null) {
        const close = s.indexOf(p.quote, i);
        if (close < 0) {
          i = s.length;
          break;
        }
        p.quote = null;
        i = close + 1;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 0x3e) {
        gt = i;
        break;
      }
      if (c === 0x22 || c === 0x27) p.quote = s[i];
      i++;
    }
    const start = lt < 0 ? 0 : lt;
    const piece = s.slice(start, gt < 0 ? s.length : gt + 1);
    p.pieces.push(piece);
    p.length += piece.length;
    if (p.length > MAX_TAG) throw new Error(`${this.part}: a tag longer than ${MAX_TAG} characters`);
    if (gt < 0) {
      this.pending = p;
      return -1;
    }
    const tag = p.pieces.length === 1 ? piece : p.pieces.join("");
    this.emitTag(tag, 0, tag.length);
    return gt + 1;
  }

  /** The tag s[start, end): its name, and whether it opens, closes or is both. */
  private emitTag(s: string, start: number, end: number): void {
    const closing = s.charCodeAt(start + 1) === 0x2f;
    const from = start + (closing ? 2 : 1);
    let e = from;
    while (e < end) {
      const c = s.charCodeAt(e);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e) break;
      e++;
    }
    const name = s.slice(from, e);
    if (closing) {
      this.handler.close(name);
      return;
    }
    this.handler.open(name, s, start, end);
    if (s.charCodeAt(end - 2) === 0x2f) this.handler.close(name);
  }
}

/** The index of the ">" that ends a tag whose name starts at `from`, outside quoted values; -1 when not in `s`. */
function tagEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3e) return i;
    if (c === 0x22 || c === 0x27) {
      const close = s.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** XML's five entities and character references decoded (others are left as written). */
export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(lt|gt|quot|apos|amp|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (m, e: string) => {
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
      default: {
        const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
    }
  });
}

/** An attribute of a start tag: its qualified name and where its (escaped) value lies in the tag. */
export interface AttributeSpan {
  readonly name: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** The attributes of a start tag in order, in one pass over the tag (junk between them is stepped over). */
export function attributeSpans(tag: string): AttributeSpan[] {
  const out: AttributeSpan[] = [];
  let i = tag.startsWith("<") ? nameEnd(tag, 1) : 0;
  while (i < tag.length) {
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < tag.length && !isSpace(tag.charCodeAt(i)) && tag[i] !== "=" && tag[i] !== ">" && tag[i] !== "/") i++;
    const name = tag.slice(nameStart, i);
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    if (tag[i] !== "=") {
      if (i === nameStart) i++;
      continue;
    }
    i++;
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = tag.indexOf(quote, i + 1);
    if (close < 0) break;
    if (name) out.push({ name, valueStart: i + 1, valueEnd: close });
    i = close + 1;
  }
  return out;
}

/** The attributes of a start tag, by qualified name, values unescaped. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of attributeSpans(tag)) out.set(a.name, decodeXml(tag.slice(a.valueStart, a.valueEnd)));
  return out;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function nameEnd(tag: string, from: number): number {
  let i = from;
  while (i < tag.length && !isSpace(tag.charCodeAt(i)) && tag[i] !== ">" && tag[i] !== "/") i++;
  return i;
}
