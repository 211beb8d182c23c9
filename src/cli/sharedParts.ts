/**
 * The two parts every sheet looks things up in, read into what the check needs and no more:
 * - the shared strings, as plain strings (a rich-text string is the text of its runs, as the cell
 *   shows it; phonetic runs are left out, as Excel does);
 * - the styles, as the number format of each cell format (a number in a date format is a date).
 *
 * ExcelJS's own readers keep a model of every run and every format (fonts, fills, borders): a
 * 64 KB workbook whose shared strings inflate to 60 MB of empty runs took 1.3 GB that way, a 95 KB
 * styles part 2.4 GB. Here each string costs its characters and each format four bytes, both
 * counted against the limits (limits.ts), and the parser streams.
 */
import NumFmtXform from "exceljs/lib/xlsx/xform/style/numfmt-xform";
import type { Limits } from "./limits";
import { FileProblemError, type PartLimit } from "./messages";
import { XmlTokenizer, attributeSpans, decodeXml, type TokenHandler } from "./xmlTokens";

/** Feeds a decoded part (xmlPart.ts) through the tokenizer; its errors are damage to the part. */
async function tokenize(part: AsyncIterable<unknown>, name: string, handler: TokenHandler): Promise<void> {
  const tokenizer = new XmlTokenizer(handler, name);
  try {
    for await (const chunk of part) tokenizer.feed(chunk as string);
    tokenizer.end();
  } catch (e) {
    if (e instanceof FileProblemError) throw e;
    throw new FileProblemError({ kind: "corrupt", detail: e instanceof Error ? e.message : String(e) });
  }
}

function overLimit(part: string, what: PartLimit, limit: number): FileProblemError {
  return new FileProblemError({ kind: "part-limit", part, what, limit });
}

/**
 * The shared strings in order. A string is the text of its <t> elements (directly in <si>, or in
 * its runs <r>); null when it has none, as ExcelJS gives it (a blank).
 */
export async function readSharedStrings(part: AsyncIterable<unknown>, name: string, limits: Limits): Promise<(string | null)[]> {
  const strings: (string | null)[] = [];
  let chars = 0;
  /** The string being read: its decoded text so far (null: no <t> yet). */
  let current: string | null = null;
  /** The raw text of the <t> being read (entities decoded when it closes: one may span two chunks). */
  let raw: string[] | null = null;
  let inString = false;
  /** Inside <rPh> (a phonetic guide): not part of what the cell shows. */
  let phonetic = 0;
  await tokenize(part, name, {
    open(qname) {
      const local = qname.slice(qname.indexOf(":") + 1);
      if (local === "si") {
        inString = true;
        current = null;
      } else if (local === "t" && inString && phonetic === 0) {
        raw = [];
        current ??= "";
      } else if (local === "rPh") phonetic++;
    },
    close(qname) {
      const local = qname.slice(qname.indexOf(":") + 1);
      if (local === "t" && raw) {
        const text = decodeXml(raw.length === 1 ? raw[0] : raw.join(""));
        current = current ? current + text : text;
        raw = null;
      } else if (local === "rPh") phonetic = Math.max(0, phonetic - 1);
      else if (local === "si" && inString) {
        if (strings.length >= limits.maxSharedStrings) throw overLimit(name, "shared-strings", limits.maxSharedStrings);
        strings.push(current === null ? null : flat(current));
        inString = false;
        current = null;
      }
    },
    text(s) {
      if (!raw) return;
      chars += s.length;
      if (chars > limits.maxSharedStringChars) throw overLimit(name, "shared-string-chars", limits.maxSharedStringChars);
      raw.push(s);
    },
  });
  return strings;
}

function flat(s: string): string {
  // Reading a character makes V8 flatten a concatenated string: what is kept is its characters, not one node per run.
  if (s.length > 0) void s.charCodeAt(0);
  return s;
}

/** What WorksheetReader asks of the styles: a cell format's model, whose `numFmt` tells dates from numbers. */
export interface StyleLookup {
  getStyleModel(id: number): { readonly numFmt?: string } | null;
}

/** Excel writes at most 255 characters of a custom number format; a longer one is no real workbook's. */
const MAX_FORMAT_CODE = 1024;

export async function readStyles(part: AsyncIterable<unknown>, name: string, limits: Limits): Promise<StyleLookup> {
  const formatOf: number[] = [];
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let inNumFmts = false;
  await tokenize(part, name, {
    open(qname, source, start, end) {
      const local = qname.slice(qname.indexOf(":") + 1);
      // A self-closed list is closed at once (close() follows).
      if (local === "cellXfs") inCellXfs = true;
      else if (local === "numFmts") inNumFmts = true;
      else if (local === "xf" && inCellXfs) {
        const text = source.slice(start, end);
        if (formatOf.length >= limits.maxCellFormats) throw overLimit(name, "cell-formats", limits.maxCellFormats);
        formatOf.push(parseInt(attribute(text, "numFmtId") ?? "0", 10) || 0);
      } else if (local === "numFmt" && inNumFmts) {
        const text = source.slice(start, end);
        const code = attribute(text, "formatCode") ?? "";
        if (code.length > MAX_FORMAT_CODE) throw new FileProblemError({ kind: "corrupt", detail: `${name}: a number format of ${code.length} characters` });
        if (custom.size >= limits.maxNumberFormats) throw overLimit(name, "number-formats", limits.maxNumberFormats);
        // Backslash escapes taken off, as ExcelJS does before it looks for date characters.
        custom.set(parseInt(attribute(text, "numFmtId") ?? "", 10), code.replace(/\\(.)/g, "$1"));
      }
    },
    close(qname) {
      const local = qname.slice(qname.indexOf(":") + 1);
      if (local === "cellXfs") inCellXfs = false;
      else if (local === "numFmts") inNumFmts = false;
    },
    text() {
      // Styles hold no text the check reads.
    },
  });
  return styleLookup(Int32Array.from(formatOf), custom);
}

/** One attribute of a start tag, decoded. */
function attribute(tag: string, name: string): string | undefined {
  const a = attributeSpans(tag).find((x) => x.name === name);
  return a ? decodeXml(tag.slice(a.valueStart, a.valueEnd)) : undefined;
}

/** The models, one per number format (a cell takes its format's model, as ExcelJS shares them by id). */
function styleLookup(formatOf: Int32Array, custom: ReadonlyMap<number, string>): StyleLookup {
  const models = new Map<number, { readonly numFmt?: string }>();
  return {
    getStyleModel(id: number) {
      if (!Number.isInteger(id) || id < 0 || id >= formatOf.length) return null;
      const numFmtId = formatOf[id];
      let model = models.get(numFmtId);
      if (!model) {
        const code = numFmtId ? (custom.get(numFmtId) ?? NumFmtXform.getDefaultFmtCode(numFmtId)) : undefined;
        model = code ? { numFmt: code } : {};
        models.set(numFmtId, model);
      }
      return model;
    },
  };
}
