/// <reference types="wps-jsapi" />
/**
 * The part of WPS表格's object model (WPS加载项 JSAPI) this add-in uses, and where to find it.
 *
 * WPS gives an add-in's pages `window.Application`, a synchronous mirror of Excel's VBA model:
 * collections are 1-based (`Worksheets.Item(1)`), `Range.Value2` is the cells' values (a 2-D array,
 * rows of columns, for more than one cell; dates as serial numbers), conditional formats are added
 * by type and formula (`FormatConditions.Add(xlExpression, , Formula1)`). Older samples reach it
 * through `wps.EtApplication()`.
 *
 * The interfaces below restate the members this add-in calls rather than use wps-jsapi's as they
 * are: its declarations are generated from the COM type library, so a method that returns an object
 * is declared `void` with the result as an "RHS" parameter (`Range(Cell1, Cell2, RHS): void`) and
 * many properties carry the wrong type (`Range.Value2: number`, `Worksheet.UsedRange: number`). The
 * member names are checked against wps-jsapi below, so a misspelt member fails type checking; the
 * shapes are the VBA model's, which WPS documents as the one it mirrors (docs/wps.md says which
 * behaviours are documented and which are assumed).
 */

/** One cell's value as Value2 gives it; blanks may come as undefined, null or "" (all read as blank). */
export type WpsValue = string | number | boolean | null | undefined;

interface WpsCount {
  readonly Count: number;
}

export interface WpsRange {
  /** A single cell's value, or rows of columns for a larger range. Writing a 2-D array fills the range. */
  Value2: WpsValue | WpsValue[][];
  /** A cell's formula ("=…"), or its constant as text; rows of columns for a larger range. */
  Formula: WpsValue | WpsValue[][];
  /** "@" is text: what is typed or written stays as written. */
  NumberFormat: unknown;
  /** 1-based row and column of the range's top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: WpsCount;
  readonly Columns: WpsCount;
  /** True when every cell is in a merged area, false when none is, null when some are (VBA's Null). */
  readonly MergeCells: boolean | null;
  /** The merged area of the range's top-left cell (the cell itself when it is not merged). */
  readonly MergeArea: WpsRange;
  readonly FormatConditions: WpsFormatConditions;
  readonly Worksheet: WpsWorksheet;
  /** The whole rows and the whole columns of the range. */
  readonly EntireRow: WpsRange;
  readonly EntireColumn: WpsRange;
  /** Of whole rows or columns: whether they are hidden (VBA's Null when some are). Writable. */
  Hidden: boolean | null;
  Select(): unknown;
  Activate(): unknown;
  ClearContents(): unknown;
}

interface WpsInterior {
  /** BGR as VBA has it: red + green × 256 + blue × 65536. */
  Color: number;
}

interface WpsFont {
  Color: number;
}

export interface WpsBorder {
  LineStyle: number;
  Color: number;
}

interface WpsBorders {
  Item(index: number): WpsBorder;
}

export interface WpsFormatCondition {
  readonly Type: number;
  /** The rule's formula with its "=", for an expression rule. */
  readonly Formula1: string;
  readonly Interior: WpsInterior;
  readonly Font: WpsFont;
  readonly Borders: WpsBorders;
  Delete(): unknown;
}

export interface WpsFormatConditions {
  readonly Count: number;
  /** 1-based. */
  Item(index: number): WpsFormatCondition;
  Add(type: number, operator?: unknown, formula1?: string): WpsFormatCondition;
}

export interface WpsWorksheet {
  Name: string;
  /** xlSheetVisible (-1), xlSheetHidden (0), xlSheetVeryHidden (2). */
  Visible: number | boolean;
  /** Whether the sheet's cells are protected (VBA gives a Boolean; the typings a number). */
  readonly ProtectContents: boolean | number;
  readonly UsedRange: WpsRange;
  readonly Cells: WpsRange;
  /** A range by A1 address, "B3", "A5:P7" or a comma list of areas "A5:P7,E15:E17". */
  Range(address: string): WpsRange;
  Activate(): unknown;
}

export interface WpsSheets {
  readonly Count: number;
  /** 1-based, or by name. */
  Item(index: number | string): WpsWorksheet;
  /** A new worksheet; with `after`, placed after that sheet. */
  Add(before?: WpsWorksheet, after?: WpsWorksheet): WpsWorksheet;
}

/** A defined name. */
export interface WpsName {
  /** Its name; a sheet-level name reads "Sheet1!name". */
  readonly Name: string;
  /** What it refers to, as a formula with "=". Writable. */
  RefersTo: string;
  Delete(): unknown;
}

export interface WpsNames {
  readonly Count: number;
  /** 1-based. */
  Item(index: number): WpsName;
  /** A workbook-level name referring to `refersTo` ("=…"). */
  Add(name: string, refersTo: string): WpsName;
}

export interface WpsWorkbook {
  readonly Name: string;
  /** Whether the workbook counts dates from 1904 (VBA gives a Boolean; the typings a number). */
  readonly Date1904: boolean | number;
  readonly Worksheets: WpsSheets;
  /** The workbook's defined names. */
  readonly Names: WpsNames;
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  Navigate(url: string): unknown;
}

export interface WpsPluginStorage {
  setItem(key: string, value: string | number | boolean): void;
  getItem(key: string): string | null | undefined;
}

/** Application events; the callback gets the event's arguments (for SheetChange: the sheet and the range). */
export interface WpsApiEvent {
  AddApiEventListener(name: string, callback: (...args: unknown[]) => void): unknown;
  RemoveApiEventListener(name: string, callback?: (...args: unknown[]) => void): unknown;
}

export interface WpsApplication {
  /** null when no workbook is open. */
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveSheet: WpsWorksheet | null;
  readonly ActiveCell: WpsRange | null;
  readonly Selection: WpsRange | null;
  /** Recalculates the open workbooks, the add-in's own functions included. */
  Calculate(): unknown;
  readonly ApiEvent: WpsApiEvent;
  readonly PluginStorage: WpsPluginStorage;
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null | undefined;
  ShowDialog(url: string, title?: string, width?: number, height?: number, modal?: boolean): unknown;
}

// ------------------------------------------------------------------------------------------------
// The member names above, checked against wps-jsapi's declarations.

type Members<T, K extends keyof T> = K;
type _CheckedMembers =
  | Members<Et.EtRange, "Value2" | "Formula" | "NumberFormat" | "Row" | "Column" | "Rows" | "Columns" | "MergeCells" | "MergeArea">
  | Members<Et.EtRange, "FormatConditions" | "Worksheet" | "Select" | "Activate" | "ClearContents" | "EntireRow" | "EntireColumn" | "Hidden">
  | Members<Et.EtInterior, "Color">
  | Members<Et.EtFont, "Color">
  | Members<Et.EtBorder, "LineStyle" | "Color">
  | Members<Et.EtBorders, "Item">
  | Members<Et.EtFormatCondition, "Type" | "Formula1" | "Interior" | "Font" | "Borders" | "Delete">
  | Members<Et.EtFormatConditions, "Count" | "Item" | "Add">
  | Members<Et.EtWorksheet, "Name" | "Visible" | "ProtectContents" | "UsedRange" | "Cells" | "Range" | "Activate">
  | Members<Et.EtSheets, "Count" | "Item" | "Add">
  | Members<Et.EtWorkbook, "Name" | "Date1904" | "Worksheets" | "Names">
  | Members<Et.EtNames, "Count" | "Item" | "Add">
  | Members<Et.EtName, "Name" | "RefersTo" | "Delete">
  | Members<Et.EtApplication, "ActiveWorkbook" | "ActiveSheet" | "ActiveCell" | "Selection" | "Calculate">
  | Members<wps.CustomTaskpane, "ID" | "Visible" | "Navigate">
  | Members<typeof wps.PluginStorage, "setItem" | "getItem">
  | Members<typeof wps.ApiEvent, "AddApiEventListener" | "RemoveApiEventListener">
  | Members<typeof wps, "CreateTaskPane" | "GetTaskPane" | "ShowDialog">;

// Enumerations: wps-jsapi declares them in an ambient namespace (no object at run time), so the
// values are restated here, each typed as its enum member so that a wrong number fails type checking.

export const XL = {
  /** XlFormatConditionType.xlExpression: a rule given by a formula. */
  expression: 2 as Et.EtXlFormatConditionType.xlExpression,
  /** XlSheetVisibility.xlSheetVisible. */
  sheetVisible: -1 as Et.EtXlSheetVisibility.xlSheetVisible,
  /** XlLineStyle.xlContinuous. */
  continuous: 1 as Et.EtXlLineStyle.xlContinuous,
  /** A conditional format's borders are indexed by xlTop, xlBottom, xlLeft, xlRight (not xlEdge…). */
  top: -4160 as Et.EtConstants.xlTop,
  bottom: -4107 as Et.EtConstants.xlBottom,
  left: -4131 as Et.EtConstants.xlLeft,
  right: -4152 as Et.EtConstants.xlRight,
} as const;

/** "#RRGGBB" as VBA's BGR colour number. */
export function bgr(hex: string): number {
  const n = Number.parseInt(hex.replace(/^#/, ""), 16);
  return ((n >> 16) & 0xff) + (n & 0xff00) + ((n & 0xff) << 16);
}

export class NotInWpsError extends Error {
  constructor() {
    super("The WPS object model (window.Application) is not available");
    this.name = "NotInWpsError";
  }
}

type WpsGlobals = { Application?: WpsApplication; wps?: { EtApplication?: () => WpsApplication } };

/** The spreadsheet application of this page, or NotInWpsError outside WPS表格. */
export function wpsApplication(): WpsApplication {
  const g = globalThis as unknown as WpsGlobals;
  const app = g.Application ?? (typeof g.wps?.EtApplication === "function" ? g.wps.EtApplication() : undefined);
  if (!app || typeof app !== "object") throw new NotInWpsError();
  return app;
}
