/**
 * Streams an .xlsx into the core: each worksheet's rows are pushed to WorkbookCheck as ExcelJS
 * parses them, so a large file is never held whole.
 *
 * The parts are taken from the zip by name (zip.ts) and handed to ExcelJS's own parsers: first
 * the workbook's relationships, the workbook (sheet names, states, the 1904 flag), shared strings
 * and styles; then each worksheet, in tab order, through ExcelJS's WorksheetReader. ExcelJS's
 * WorkbookReader is used only as the holder of those parsed parts, never for its unzipping.
 */
import { Transform, pipeline, type Readable, type TransformCallback } from "stream";
import WorksheetReader from "exceljs/lib/stream/xlsx/worksheet-reader";
import { WorkbookCheck } from "../core/check";
import { ColumnNamesReader, type ColumnName } from "../core/recognize/columnNames";
import { isSettingsSheet } from "../core/recognize/settingsSheet";
import type { SheetRow } from "../core/sheet";
import type { CheckResult } from "../core/result";
import type { SettingsOverrides } from "../core/settings";
import type { DateSystem } from "../core/sheet";
import { rowValues } from "./cellValue";
import { FileProblemError } from "./messages";
import { entryStream, type ZipEntry } from "./zip";

export interface ReadOptions {
  /** The name the core sees (a file name hints at the unit's kind and name). */
  readonly name: string;
  readonly overrides?: SettingsOverrides;
  readonly today?: Date;
  /** Settings of a unit by its name (the district config's entry for it): see CheckOptions. */
  readonly unitOverrides?: (unit: string) => SettingsOverrides | undefined;
  /** The district config's 列名对照. */
  readonly columnNames?: readonly ColumnName[];
}

export interface ReadResult {
  readonly result: CheckResult;
  readonly dateSystem: DateSystem;
}

interface Relationship {
  readonly Id: string;
  readonly Type: string;
  readonly Target: string;
}

interface SheetModel {
  readonly id: number;
  readonly name: string;
  readonly rId: string;
  readonly state?: string;
}

/**
 * What ExcelJS's WorkbookReader holds once its part parsers have run, and those parsers. The 1904
 * flag is not where the typings put it: the parsed <workbookPr> keeps it in `properties.model`.
 */
interface ReaderInternals {
  readonly options: unknown;
  workbookRels?: Relationship[];
  model?: { sheets?: SheetModel[] };
  properties?: { model?: { date1904?: boolean } };
  sharedStrings?: unknown[];
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
}

/**
 * ExcelJS's streaming WorkbookReader, loaded alone: `import "exceljs"` also loads its writers, CSV
 * and zip libraries, a tenth of a second of every run spent on nothing a check uses. The module
 * name is a literal so that the standalone executable's bundler (scripts/release) finds it; its
 * declaration (exceljs-internals.d.ts) says nothing of its shape, which ReaderInternals gives.
 */
type WorkbookReaderClass = new (input: string, options: Record<string, string>) => ReaderInternals;
let workbookReader: Promise<WorkbookReaderClass> | undefined;

function loadWorkbookReader(): Promise<WorkbookReaderClass> {
  workbookReader ??= import("exceljs/lib/stream/xlsx/workbook-reader").then((m: { default: unknown }) => m.default as WorkbookReaderClass);
  return workbookReader;
}

const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const WORKBOOK = "xl/workbook.xml";
const REL_TYPE = /\/(worksheet|sharedStrings|styles)$/;

export async function readWorkbookFile(filePath: string, entries: readonly ZipEntry[], options: ReadOptions): Promise<ReadResult> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const open = (name: string) => {
    const entry = byName.get(name);
    if (!entry) throw new FileProblemError({ kind: "corrupt", detail: `${name} missing` });
    return completeXml(name, entryStream(filePath, entry));
  };

  const WorkbookReader = await loadWorkbookReader();
  const reader = new WorkbookReader(filePath, {
    sharedStrings: "cache",
    // Styles tell date cells from numbers: with them, ExcelJS gives date cells as Date objects.
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });

  await reader._parseRels(open(WORKBOOK_RELS));
  await reader._parseWorkbook(open(WORKBOOK));
  const rels = reader.workbookRels ?? [];
  const partOf = (rel: Relationship) => partName(rel.Target);
  // A part the workbook names but the zip lacks is damage (open() says so), not something to skip.
  for (const rel of rels) {
    const kind = REL_TYPE.exec(rel.Type)?.[1];
    if (kind === "sharedStrings") for await (const _ of reader._parseSharedStrings(open(partOf(rel)))) void _;
    if (kind === "styles") await reader._parseStyles(open(partOf(rel)));
  }
  reader.sharedStrings ??= [];

  const dateSystem: DateSystem = reader.properties?.model?.date1904 ? 1904 : 1900;
  const worksheets = (reader.model?.sheets ?? []).flatMap((sheet) => {
    const rel = rels.find((r) => r.Id === sheet.rId);
    // Chart sheets and dialog sheets have no rows.
    return rel && REL_TYPE.exec(rel.Type)?.[1] === "worksheet" ? [{ sheet, part: partOf(rel) }] : [];
  });
  const rowsOf = async function* ({ sheet, part }: (typeof worksheets)[number]): AsyncGenerator<SheetRow> {
    const worksheet = new WorksheetReader({ workbook: reader, id: sheet.id, iterator: open(part), options: reader.options });
    worksheet.name = sheet.name;
    try {
      for await (const row of worksheet) yield { row: row.number, values: rowValues(row.values as unknown[]) };
    } catch (e) {
      // ExcelJS fails with a TypeError on XML it does not expect (a cell without its r attribute):
      // name the part, not ExcelJS's internals. XML syntax errors say where they are: keep them.
      if (e instanceof FileProblemError) throw e;
      const why = e instanceof TypeError || !(e instanceof Error) ? "" : `: ${e.message.split(/\r?\n/)[0]}`;
      throw new FileProblemError({ kind: "corrupt", detail: `${part}${why}` });
    }
  };

  // 列名对照 decides which columns a ledger's rows keep, so it must be known before the first
  // ledger streams by, wherever 台账设置 sits among the tabs: its part is read ahead, by name.
  const ahead: ColumnName[] = [];
  for (const w of worksheets) {
    if (!isSettingsSheet(w.sheet.name)) continue;
    const section = new ColumnNamesReader();
    for await (const row of rowsOf(w)) section.push(row);
    ahead.push(...section.rows);
  }

  const check = new WorkbookCheck({
    name: options.name,
    dateSystem,
    overrides: options.overrides,
    today: options.today,
    unitOverrides: options.unitOverrides,
    columnNames: [...(options.columnNames ?? []), ...ahead],
  });
  for (const w of worksheets) {
    const sink = check.beginSheet({ name: w.sheet.name, hidden: w.sheet.state === "hidden" || w.sheet.state === "veryHidden" });
    for await (const row of rowsOf(w)) sink.push(row);
    sink.end();
  }
  return { result: check.finish(), dateSystem };
}

/**
 * A part as ExcelJS's XML parser needs it:
 * - as whole strings: ExcelJS decodes every chunk on its own, which garbles a character split
 *   between two chunks (one in three boundaries of Chinese text, every 16 KB inflated: 签约 read
 *   as "��约"); a stream with an encoding decodes across chunks;
 * - checked for its end: the parser is never told that a part has ended, so a part cut short
 *   inside an intact zip (a broken writer) would read as fewer rows, or none, without a word. A
 *   complete part closes the element it opened first.
 */
function completeXml(name: string, source: Readable): Readable {
  let head = "";
  let tail = "";
  let total = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      if (head.length < 4096) head += chunk.toString("latin1", 0, 4096);
      tail = (tail + chunk.toString("latin1", Math.max(0, chunk.length - 256))).slice(-256);
      total += chunk.length;
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      // The first element: after the declaration, comments and a DOCTYPE (which start with <? and <!).
      const root = /<([A-Za-z_][\w.:-]*)/.exec(head)?.[1]?.replace(/\./g, "\\.");
      const closed =
        root !== undefined &&
        (new RegExp(`</${root}\\s*>\\s*$`).test(tail) || (total === head.length && new RegExp(`<${root}\\b[^<>]*/>\\s*$`).test(head)));
      done(closed ? null : new FileProblemError({ kind: "corrupt", detail: `${name}: incomplete XML` }));
    },
  });
  pipeline(source, guard, (e) => {
    if (e && !guard.destroyed) guard.destroy(e);
  });
  return guard.setEncoding("utf8");
}

/** A relationship target of the workbook as a zip entry name: relative to xl/, or absolute from the root. */
function partName(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}
