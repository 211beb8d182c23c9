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
import parseSax from "exceljs/lib/utils/parse-sax";
import NumFmtXform from "exceljs/lib/xlsx/xform/style/numfmt-xform";
import type { Limits } from "./limits";
import { FileProblemError, type PartLimit } from "./messages";

type SaxEvent =
  | { readonly eventType: "opentag"; readonly value: { readonly name: string; readonly attributes: Record<string, string> } }
  | { readonly eventType: "closetag"; readonly value: { readonly name: string } }
  | { readonly eventType: "text"; readonly value: string };

function events(part: AsyncIterable<unknown>): AsyncIterable<SaxEvent[]> {
  return parseSax(part) as AsyncIterable<SaxEvent[]>;
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
  let current: string | null = null;
  let inString = false;
  let inText = false;
  /** Inside <rPh> (phonetic guide) or <phoneticPr>: not part of what the cell shows. */
  let phonetic = 0;
  for await (const batch of events(part)) {
    for (const e of batch) {
      if (e.eventType === "text") {
        if (inText && phonetic === 0) {
          chars += e.value.length;
          if (chars > limits.maxSharedStringChars) throw overLimit(name, "shared-string-chars", limits.maxSharedStringChars);
          current = current === null ? e.value : current + e.value;
        }
        continue;
      }
      const tag = e.value.name;
      const open = e.eventType === "opentag";
      if (tag === "si") {
        if (open) {
          inString = true;
          current = null;
        } else {
          if (strings.length >= limits.maxSharedStrings) throw overLimit(name, "shared-strings", limits.maxSharedStrings);
          // A long string built from many runs is a rope of pieces: flattened once, when kept.
          strings.push(current === null ? null : flat(current));
          inString = false;
          current = null;
        }
      } else if (tag === "t") {
        inText = open && inString;
        if (inText && current === null && phonetic === 0) current = "";
      } else if (tag === "rPh" || tag === "phoneticPr") {
        phonetic += open ? 1 : -1;
      }
    }
  }
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
  for await (const batch of events(part)) {
    for (const e of batch) {
      if (e.eventType === "text") continue;
      const tag = e.value.name;
      const open = e.eventType === "opentag";
      if (tag === "cellXfs") inCellXfs = open;
      else if (tag === "numFmts") inNumFmts = open;
      else if (open && tag === "xf" && inCellXfs) {
        if (formatOf.length >= limits.maxCellFormats) throw overLimit(name, "cell-formats", limits.maxCellFormats);
        formatOf.push(parseInt((e.value as { attributes: Record<string, string> }).attributes.numFmtId ?? "0", 10) || 0);
      } else if (open && tag === "numFmt" && inNumFmts) {
        const a = (e.value as { attributes: Record<string, string> }).attributes;
        const code = a.formatCode ?? "";
        if (code.length > MAX_FORMAT_CODE) throw new FileProblemError({ kind: "corrupt", detail: `${name}: a number format of ${code.length} characters` });
        if (custom.size >= limits.maxNumberFormats) throw overLimit(name, "number-formats", limits.maxNumberFormats);
        // Backslash escapes taken off, as ExcelJS does before it looks for date characters.
        custom.set(parseInt(a.numFmtId ?? "", 10), code.replace(/\\(.)/g, "$1"));
      }
    }
  }
  return styleLookup(Int32Array.from(formatOf), custom);
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
