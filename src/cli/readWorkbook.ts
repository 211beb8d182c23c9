/**
 * Streams an .xlsx into the core: each worksheet's rows are pushed to WorkbookCheck as ExcelJS
 * parses them, so a large file is never held whole.
 *
 * The parts are taken from the zip by name (zip.ts), decoded (xmlPart.ts) and parsed: first the
 * workbook's relationships and the workbook (sheet names, states, the 1904 flag) by ExcelJS's
 * parsers, the shared strings and styles by ours (sharedParts.ts, bounded); then each worksheet,
 * in tab order, through ExcelJS's WorksheetReader. ExcelJS's WorkbookReader is used only as the
 * holder of those parsed parts, never for its unzipping.
 */
import WorksheetReader from "exceljs/lib/stream/xlsx/worksheet-reader";
import excelUtils from "exceljs/lib/utils/utils";
import { WorkbookCheck } from "../core/check";
import { columnNamesOfEntries, type ColumnName } from "../core/recognize/columnNames";
import { isSettingsSheet, SettingsSheetReader } from "../core/recognize/settingsSheet";
import type { SheetRow } from "../core/sheet";
import type { CheckResult } from "../core/result";
import type { SettingsOverrides } from "../core/settings";
import type { DateSystem } from "../core/sheet";
import { rowValues } from "./cellValue";
import { DEFAULT_LIMITS, type Limits } from "./limits";
import { FileProblemError } from "./messages";
import { readSharedStrings, readStyles } from "./sharedParts";
import { xmlPart } from "./xmlPart";
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
  readonly limits?: Limits;
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
  styles?: unknown;
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
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

/**
 * Excel shows a date-formatted number beyond its calendar (negative, or past 9999-12-31) as ####,
 * and Office.js gives the number itself. ExcelJS would make it a Date, an invalid one past the
 * year 275760 (a serial of 1e15): the value reaches the core as that number instead, so that its
 * message can show what the cell holds.
 */
const LAST_SERIAL = 2958465;
const toDate = excelUtils.excelToDate;
excelUtils.excelToDate = ((serial: number, date1904?: boolean) =>
  serial >= 0 && serial <= LAST_SERIAL ? toDate(serial, date1904) : serial) as typeof excelUtils.excelToDate;

export async function readWorkbookFile(filePath: string, entries: readonly ZipEntry[], options: ReadOptions): Promise<ReadResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const byName = new Map(entries.map((e) => [e.name, e]));
  const open = (name: string, maxBytes?: number) => {
    const entry = byName.get(name);
    if (!entry) throw new FileProblemError({ kind: "corrupt", detail: `${name} missing` });
    if (maxBytes !== undefined && entry.unpacked > maxBytes) throw new FileProblemError({ kind: "part-limit", part: name, what: "bytes", limit: maxBytes });
    return xmlPart(name, entryStream(filePath, entry));
  };

  const WorkbookReader = await loadWorkbookReader();
  const reader = new WorkbookReader(filePath, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });

  await reader._parseRels(open(WORKBOOK_RELS, limits.maxModelPartBytes));
  await reader._parseWorkbook(open(WORKBOOK, limits.maxModelPartBytes));
  const rels = reader.workbookRels ?? [];
  const partOf = (rel: Relationship) => partName(rel.Target);
  // A part the workbook names but the zip lacks is damage (open() says so), not something to skip.
  // Styles tell date cells from numbers: with them, date cells come as Date objects.
  reader.styles = NO_STYLES;
  for (const rel of rels) {
    const kind = REL_TYPE.exec(rel.Type)?.[1];
    if (kind === "sharedStrings") reader.sharedStrings = await readSharedStrings(open(partOf(rel), limits.maxSharedStringsBytes), partOf(rel), limits);
    if (kind === "styles") reader.styles = await readStyles(open(partOf(rel), limits.maxStylesBytes), partOf(rel), limits);
  }
  reader.sharedStrings ??= [];

  const dateSystem: DateSystem = reader.properties?.model?.date1904 ? 1904 : 1900;
  const worksheets = (reader.model?.sheets ?? []).flatMap((sheet) => {
    const rel = rels.find((r) => r.Id === sheet.rId);
    // Chart sheets and dialog sheets have no rows.
    return rel && REL_TYPE.exec(rel.Type)?.[1] === "worksheet" ? [{ sheet, part: partOf(rel) }] : [];
  });
  // Rows are handed to `push` as ExcelJS gives them: wrapping them in a generator of our own cost
  // a promise and a turn of the event loop per row (a tenth of a 100k-row file's time, and its garbage).
  const eachRow = async ({ sheet, part }: (typeof worksheets)[number], push: (row: SheetRow) => void): Promise<void> => {
    const worksheet = new WorksheetReader({ workbook: reader, id: sheet.id, iterator: open(part), options: reader.options });
    worksheet.name = sheet.name;
    try {
      for await (const row of worksheet) push({ row: row.number, values: rowValues(row.values as unknown[]) });
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
  // The core's own reader of the sheet takes its rows; its section is what the core reads of them.
  const workbookColumnNames: ColumnName[] = [];
  for (const w of worksheets) {
    if (!isSettingsSheet(w.sheet.name)) continue;
    const settings = new SettingsSheetReader();
    await eachRow(w, (row) => settings.push(row));
    workbookColumnNames.push(...columnNamesOfEntries(settings.entries));
  }

  const check = new WorkbookCheck({
    name: options.name,
    dateSystem,
    overrides: options.overrides,
    today: options.today,
    unitOverrides: options.unitOverrides,
    columnNames: options.columnNames,
    workbookColumnNames,
  });
  for (const w of worksheets) {
    const sink = check.beginSheet({ name: w.sheet.name, hidden: w.sheet.state === "hidden" || w.sheet.state === "veryHidden" });
    await eachRow(w, (row) => sink.push(row));
    sink.end();
  }
  return { result: check.finish(), dateSystem };
}

/** A workbook without a styles part: no cell is a date by its format. */
const NO_STYLES = { getStyleModel: () => null };

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
