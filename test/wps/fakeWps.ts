/**
 * A small fake of just the WPS表格 object model the adapter uses (src/wps/objectModel.ts), with the
 * VBA model's semantics where they matter to it:
 *  - everything is synchronous; collections are 1-based (`Worksheets.Item(1)`), by name too;
 *    an index or name that is not there throws, as VBA's "subscript out of range" does;
 *  - `Value2` of one cell is its value, of more cells rows of columns; blank cells read as
 *    undefined (VBA's Empty); dates are serial numbers; writing parses like typed input unless the
 *    cell's format is text ("@"): "=…" becomes a formula, "2022-09-30" a date, "2" a number;
 *  - `UsedRange` covers cells with values and with formatting, and is A1 on a blank sheet;
 *  - `MergeCells` is true, false or null (some cells merged); `MergeArea` the top-left cell's area;
 *  - conditional formats live per sheet in priority order; a range's `FormatConditions` are those
 *    that touch it, `Cells.FormatConditions` all of the sheet's; `Add(type, , formula1)` records the
 *    active cell at that moment (VBA reads a relative reference in the formula relative to it); a
 *    format's borders are indexed by xlTop, xlBottom, xlLeft, xlRight only; colours are BGR numbers;
 *  - `Range(address)` takes at most 255 characters; `Select` works on the active sheet only;
 *  - `Workbook.Names` holds workbook-level names (`Add(name, refersTo)` replaces one of the same
 *    name, `RefersTo` reads and writes the formula with its "="); `EntireRow`/`EntireColumn` of a
 *    range have `Hidden` (true, false, or null when some are); `Worksheet.Visible` shows or hides;
 *  - a protected sheet refuses writes to cells and conditional formats; `ClearContents` keeps a
 *    cell's formatting and note, `Clear` removes everything;
 *  - `ApiEvent` keeps listeners by event name; `PluginStorage` is shared by every page of the add-in
 *    for the session (not saved with the document).
 * The document is plain data: `reopen()` round-trips it through JSON, as a save and reopen would.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- the model's objects are literals with getters over this fake's state */
import { dayFromYMD, serialFromDay } from "../../src/core/day";
import { cellAddress, type MergeArea } from "../../src/core/sheet";
import { parseAreas } from "../../src/host/areas";
import type {
  WpsApiEvent,
  WpsApplication,
  WpsBorder,
  WpsFormatCondition,
  WpsFormatConditions,
  WpsName,
  WpsNames,
  WpsPluginStorage,
  WpsRange,
  WpsSheets,
  WpsTaskPane,
  WpsValue,
  WpsWorkbook,
  WpsWorksheet,
} from "../../src/wps/objectModel";
import type { EngineBook } from "../host/formulaEngine";
import { insertBlankRows, shiftRows } from "../host/insertRows";
import { officeGrid, type SampleSheet } from "../sample/sampleLedger";

// ---------------------------------------------------------------------------------------------
// Document state

type Edge = "top" | "bottom" | "left" | "right";
const EDGE_OF: Readonly<Record<number, Edge>> = { [-4160]: "top", [-4107]: "bottom", [-4131]: "left", [-4152]: "right" };

export interface CellState {
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
  fontBold: boolean;
  fill: number | null;
  /** A note (批注) on the cell. */
  note?: string;
}

export interface CfState {
  type: number;
  formula: string;
  areas: MergeArea[];
  fill: number | null;
  fontColor: number | null;
  borders: Record<Edge, { lineStyle: number; color: number } | null>;
  /** The active cell when the format was added: what a relative reference in `formula` is relative to. */
  anchor: { sheet: string; row: number; column: number } | null;
}

export interface SheetState {
  name: string;
  visible: number;
  protected: boolean;
  cells: Record<string, CellState>;
  cfs: CfState[];
  merges: MergeArea[];
  /** The sheet's selection and active cell (A1 addresses). */
  selection: string;
  activeCell: string;
  /** Hidden rows and columns, 1-based (absent: none). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

/** A workbook-level defined name. */
interface NameState {
  name: string;
  /** With "=". */
  refersTo: string;
}

export interface DocState {
  name: string;
  date1904: boolean;
  sheets: SheetState[];
  activeSheet: string;
  /** Workbook-level defined names (absent in documents made before names were modelled). */
  names?: NameState[];
}

const MAX_ADDRESS = 255;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const key = (row: number, column: number) => `${row},${column}`;

function blankCell(): CellState {
  return { value: "", numberFormat: "General", fontBold: false, fill: null };
}

function cellOf(sheet: SheetState, row: number, column: number): CellState {
  return sheet.cells[key(row, column)] ?? blankCell();
}

function isEmpty(c: CellState): boolean {
  return c.value === "" && c.formula === undefined && c.numberFormat === "General" && !c.fontBold && c.fill === null && c.note === undefined;
}

function editCell(sheet: SheetState, row: number, column: number, edit: (c: CellState) => void): void {
  const cell = { ...cellOf(sheet, row, column) };
  edit(cell);
  if (isEmpty(cell)) delete sheet.cells[key(row, column)];
  else sheet.cells[key(row, column)] = cell;
}

function intersects(a: MergeArea, b: MergeArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function contains(outer: MergeArea, inner: MergeArea): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

/** What typing `input` into a cell of format `numberFormat` stores. */
function typed(input: unknown, numberFormat: string): { value: string | number | boolean; formula?: string } {
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const s = input === null || input === undefined ? "" : String(input);
  if (numberFormat === "@") return { value: s };
  if (s.startsWith("=")) return { value: "#CALC!", formula: s };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) {
    const day = dayFromYMD(+iso[1], +iso[2], +iso[3]);
    if (day !== null) return { value: serialFromDay(day, 1900) };
  }
  if (s.trim() !== "" && Number.isFinite(Number(s))) return { value: Number(s) };
  return { value: s };
}

export class FakeWpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Error";
  }
}

// ---------------------------------------------------------------------------------------------
// The fake application

export class FakeWps {
  /** Object-model calls made, by name ("FormatConditions.Add", "Range.Value2=", …). */
  readonly calls: string[] = [];
  /** Makes a call fail as it runs. */
  failWhen: ((call: string) => Error | null) | null = null;
  readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  readonly storage = new Map<string, string>();
  readonly taskPanes: { url: string; visible: boolean }[] = [];
  readonly dialogs: string[] = [];
  calculations = 0;
  /** No workbook open (WPS's start page). */
  closed = false;

  constructor(public state: DocState) {}

  static fromSheets(sheets: readonly SampleSheet[], name = "财源街道招商引资台账.xlsx"): FakeWps {
    const doc: DocState = { name, date1904: false, sheets: sheets.map((s) => sheetFromGrid(s)), activeSheet: sheets[0]?.name ?? "" };
    return new FakeWps(doc);
  }

  sheet(name: string): SheetState {
    const s = this.state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** A fresh WPS over the same document, saved and reopened: the add-in's storage is gone too. */
  reopen(): FakeWps {
    return new FakeWps(JSON.parse(JSON.stringify(this.state)) as DocState);
  }

  /** The object an add-in page sees as window.Application. */
  application(): WpsApplication {
    const fake = this;
    const storage: WpsPluginStorage = {
      setItem: (k, v) => void (fake.call("PluginStorage.setItem"), fake.storage.set(k, String(v))),
      getItem: (k) => fake.storage.get(k) ?? null,
    };
    const events: WpsApiEvent = {
      AddApiEventListener(name, callback) {
        fake.call("ApiEvent.AddApiEventListener");
        fake.listeners.set(name, [...(fake.listeners.get(name) ?? []), callback]);
      },
      RemoveApiEventListener(name, callback) {
        fake.call("ApiEvent.RemoveApiEventListener");
        fake.listeners.set(name, (fake.listeners.get(name) ?? []).filter((f) => f !== callback));
      },
    };
    return {
      get ActiveWorkbook() {
        return fake.closed ? null : fake.workbook();
      },
      get ActiveSheet() {
        return fake.closed ? null : fake.worksheet(fake.state.activeSheet);
      },
      get ActiveCell() {
        if (fake.closed) return null;
        const s = fake.sheet(fake.state.activeSheet);
        return fake.range(s.name, parseAreas(s.activeCell));
      },
      get Selection() {
        if (fake.closed) return null;
        const s = fake.sheet(fake.state.activeSheet);
        return fake.range(s.name, parseAreas(s.selection));
      },
      Calculate() {
        fake.call("Application.Calculate");
        fake.calculations++;
      },
      ApiEvent: events,
      PluginStorage: storage,
      CreateTaskPane(url) {
        fake.call("Application.CreateTaskPane");
        const pane = { url, visible: false };
        fake.taskPanes.push(pane);
        return fake.taskPane(fake.taskPanes.length);
      },
      GetTaskPane(id) {
        return fake.taskPanes[id - 1] ? fake.taskPane(id) : null;
      },
      ShowDialog(url) {
        fake.call("Application.ShowDialog");
        fake.dialogs.push(url);
      },
    };
  }

  /** Fires SheetChange as WPS does after an edit. */
  fireSheetChange(sheet: string, address: string): void {
    for (const f of [...(this.listeners.get("SheetChange") ?? [])]) f(this.worksheet(sheet), this.range(sheet, parseAreas(address)));
  }

  /** One object-model call: counted, and failed when a test says so. */
  call(name: string): void {
    const injected = this.failWhen?.(name);
    if (injected) throw injected;
    this.calls.push(name);
  }

  private taskPane(id: number): WpsTaskPane {
    const pane = this.taskPanes[id - 1];
    return {
      ID: id,
      get Visible() {
        return pane.visible;
      },
      set Visible(v: boolean) {
        pane.visible = v;
      },
      Navigate: (url: string) => void (pane.url = url),
    };
  }

  private workbook(): WpsWorkbook {
    const fake = this;
    const sheets: WpsSheets = {
      get Count() {
        return fake.state.sheets.length;
      },
      Item(index) {
        fake.call("Worksheets.Item");
        const s = typeof index === "number" ? fake.state.sheets[index - 1] : fake.state.sheets.find((x) => x.name === index);
        if (!s || (typeof index === "number" && index < 1)) throw new FakeWpsError("下标越界 (subscript out of range)");
        return fake.worksheet(s.name);
      },
      Add(before, after) {
        fake.call("Worksheets.Add");
        let n = fake.state.sheets.length + 1;
        while (fake.state.sheets.some((s) => s.name === `Sheet${n}`)) n++;
        const sheet = sheetFromGrid({ name: `Sheet${n}`, grid: [], merges: [] });
        const at = after ? fake.index(after.Name) + 1 : before ? fake.index(before.Name) : fake.index(fake.state.activeSheet);
        fake.state.sheets.splice(at, 0, sheet);
        fake.state.activeSheet = sheet.name;
        return fake.worksheet(sheet.name);
      },
    };
    return {
      get Name() {
        return fake.state.name;
      },
      get Date1904() {
        return fake.state.date1904;
      },
      Worksheets: sheets,
      get Names() {
        return fake.names();
      },
    };
  }

  private names(): WpsNames {
    const fake = this;
    const list = () => (fake.state.names ??= []);
    const nameObject = (state: NameState): WpsName => ({
      get Name() {
        return state.name;
      },
      get RefersTo() {
        return state.refersTo;
      },
      set RefersTo(v: string) {
        fake.call("Name.RefersTo=");
        state.refersTo = v.startsWith("=") ? v : `=${v}`;
      },
      Delete() {
        fake.call("Name.Delete");
        const i = list().indexOf(state);
        if (i < 0) throw new FakeWpsError("对象已被删除 (the name was deleted)");
        list().splice(i, 1);
      },
    });
    return {
      get Count() {
        return list().length;
      },
      Item(index) {
        const n = list()[index - 1];
        if (!n || index < 1) throw new FakeWpsError("下标越界 (subscript out of range)");
        return nameObject(n);
      },
      Add(name, refersTo) {
        fake.call("Names.Add");
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new FakeWpsError(`名称无效: ${name}`);
        const formula = refersTo.startsWith("=") ? refersTo : `=${refersTo}`;
        const same = list().find((n) => n.name.toLowerCase() === name.toLowerCase());
        if (same) same.refersTo = formula;
        else list().push({ name, refersTo: formula });
        return nameObject(same ?? list()[list().length - 1]);
      },
    };
  }

  private index(name: string): number {
    return this.state.sheets.findIndex((s) => s.name === name);
  }

  /** A worksheet object; it follows its sheet by identity, so a rename keeps it working and a deletion breaks it. */
  worksheet(name: string): WpsWorksheet {
    const fake = this;
    const state = this.sheet(name);
    const live = (): SheetState => {
      if (!fake.state.sheets.includes(state)) throw new FakeWpsError("对象已被删除 (the worksheet was deleted)");
      return state;
    };
    return {
      get Name() {
        return live().name;
      },
      set Name(v: string) {
        fake.call("Worksheet.Name=");
        if (fake.state.sheets.some((s) => s !== state && s.name === v)) throw new FakeWpsError("工作表名称重复");
        if (fake.state.activeSheet === state.name) fake.state.activeSheet = v;
        live().name = v;
      },
      get Visible() {
        return live().visible;
      },
      set Visible(v: number | boolean) {
        fake.call("Worksheet.Visible=");
        live().visible = typeof v === "boolean" ? (v ? -1 : 0) : v;
      },
      get ProtectContents() {
        return live().protected;
      },
      get UsedRange() {
        fake.call("Worksheet.UsedRange");
        return fake.range(live().name, [usedArea(live())]);
      },
      get Cells() {
        return fake.range(live().name, [{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }]);
      },
      Range(address) {
        fake.call("Worksheet.Range");
        if (address.length > MAX_ADDRESS) throw new FakeWpsError("Range 的地址超过 255 个字符");
        const areas = parseAreas(address);
        if (areas.length === 0 || areas.length !== address.split(",").length) throw new FakeWpsError(`无效的引用: ${address}`);
        return fake.range(live().name, areas);
      },
      Activate() {
        fake.call("Worksheet.Activate");
        fake.state.activeSheet = live().name;
      },
    };
  }

  /** A range object over areas of a sheet (the first area is the one most properties describe). */
  range(sheetName: string, areas: MergeArea[]): WpsRange {
    const fake = this;
    const state = this.sheet(sheetName);
    const first = areas[0];
    const live = (): SheetState => {
      if (!fake.state.sheets.includes(state)) throw new FakeWpsError("对象已被删除 (the worksheet was deleted)");
      return state;
    };
    const writable = (): SheetState => {
      const s = live();
      if (s.protected) throw new FakeWpsError("您试图更改的单元格或图表受保护 (the sheet is protected)");
      return s;
    };
    const cellsOfFirst = (f: (row: number, column: number) => void) => {
      for (let r = first.top; r <= first.bottom; r++) for (let c = first.left; c <= first.right; c++) f(r, c);
    };
    const grid = (read: (c: CellState) => WpsValue): WpsValue | WpsValue[][] => {
      const s = live();
      if (first.top === first.bottom && first.left === first.right) return read(cellOf(s, first.top, first.left));
      const rows: WpsValue[][] = [];
      for (let r = first.top; r <= first.bottom; r++) {
        const row: WpsValue[] = [];
        for (let c = first.left; c <= first.right; c++) row.push(read(cellOf(s, r, c)));
        rows.push(row);
      }
      return rows;
    };
    const write = (input: unknown, asFormula: boolean) => {
      const s = writable();
      cellsOfFirst((r, c) => {
        const v = Array.isArray(input) ? (input[r - first.top] as unknown[] | undefined)?.[c - first.left] : input;
        editCell(s, r, c, (cell) => {
          const t = typed(v, asFormula && typeof v === "string" && v.startsWith("=") ? "General" : cell.numberFormat);
          cell.value = t.value;
          if (t.formula === undefined) delete cell.formula;
          else cell.formula = t.formula;
        });
      });
    };
    const mergeOf = (row: number, column: number): MergeArea | null => live().merges.find((m) => contains(m, { top: row, left: column, bottom: row, right: column })) ?? null;
    const formats = (): WpsFormatConditions => fake.formatConditions(state, areas);
    return {
      get Value2() {
        return grid((c) => (c.value === "" && c.formula === undefined ? undefined : c.value));
      },
      set Value2(v) {
        fake.call("Range.Value2=");
        write(v, false);
      },
      get Formula() {
        return grid((c) => c.formula ?? c.value);
      },
      set Formula(v) {
        fake.call("Range.Formula=");
        write(v, true);
      },
      get NumberFormat() {
        return cellOf(live(), first.top, first.left).numberFormat;
      },
      set NumberFormat(v: unknown) {
        fake.call("Range.NumberFormat=");
        const s = writable();
        cellsOfFirst((r, c) => editCell(s, r, c, (cell) => (cell.numberFormat = String(v))));
      },
      Row: first.top,
      Column: first.left,
      Rows: { Count: first.bottom - first.top + 1 },
      Columns: { Count: first.right - first.left + 1 },
      get MergeCells() {
        fake.call("Range.MergeCells");
        let merged = 0;
        cellsOfFirst((r, c) => void (mergeOf(r, c) && merged++));
        const cells = (first.bottom - first.top + 1) * (first.right - first.left + 1);
        return merged === 0 ? false : merged === cells ? true : null;
      },
      get MergeArea() {
        fake.call("Range.MergeArea");
        return fake.range(sheetName, [mergeOf(first.top, first.left) ?? { top: first.top, left: first.left, bottom: first.top, right: first.left }]);
      },
      get FormatConditions() {
        return formats();
      },
      get Worksheet() {
        return fake.worksheet(live().name);
      },
      get EntireRow() {
        return fake.range(sheetName, [{ top: first.top, left: 1, bottom: first.bottom, right: MAX_COLUMNS }]);
      },
      get EntireColumn() {
        return fake.range(sheetName, [{ top: 1, left: first.left, bottom: MAX_ROWS, right: first.right }]);
      },
      get Hidden() {
        const [list, from, to] = hiddenLines(live(), first);
        const n = list.filter((h) => h >= from && h <= to).length;
        return n === 0 ? false : n === to - from + 1 ? true : null;
      },
      set Hidden(v: boolean | null) {
        fake.call("Range.Hidden=");
        const s = writable();
        const [list, from, to] = hiddenLines(s, first);
        const rest = list.filter((h) => h < from || h > to);
        if (v) for (let h = from; h <= to; h++) rest.push(h);
        rest.sort((a, b) => a - b);
        if (first.left === 1 && first.right === MAX_COLUMNS) s.hiddenRows = rest;
        else s.hiddenColumns = rest;
      },
      Select() {
        fake.call("Range.Select");
        const s = live();
        if (fake.state.activeSheet !== s.name) throw new FakeWpsError("Range 类的 Select 方法无效 (the sheet is not active)");
        s.selection = areas.map(a1).join(",");
        s.activeCell = cellAddress(first.top, first.left);
      },
      Activate() {
        fake.call("Range.Activate");
        const s = live();
        if (fake.state.activeSheet !== s.name) throw new FakeWpsError("Range 类的 Activate 方法无效 (the sheet is not active)");
        const inSelection = parseAreas(s.selection).some((a) => contains(a, { top: first.top, left: first.left, bottom: first.top, right: first.left }));
        if (!inSelection) s.selection = cellAddress(first.top, first.left);
        s.activeCell = cellAddress(first.top, first.left);
      },
      ClearContents() {
        fake.call("Range.ClearContents");
        const s = writable();
        cellsOfFirst((r, c) =>
          editCell(s, r, c, (cell) => {
            cell.value = "";
            delete cell.formula;
          }),
        );
      },
    };
  }

  private formatConditions(state: SheetState, areas: MergeArea[]): WpsFormatConditions {
    const fake = this;
    const touching = () => state.cfs.filter((cf) => cf.areas.some((a) => areas.some((b) => intersects(a, b))));
    return {
      get Count() {
        return touching().length;
      },
      Item(index) {
        fake.call("FormatConditions.Item");
        const cf = touching()[index - 1];
        if (!cf || index < 1) throw new FakeWpsError("下标越界 (subscript out of range)");
        return fake.formatCondition(state, cf);
      },
      Add(type, _operator, formula1) {
        fake.call("FormatConditions.Add");
        if (state.protected) throw new FakeWpsError("您试图更改的单元格或图表受保护 (the sheet is protected)");
        if (type !== 2 || typeof formula1 !== "string" || !formula1.startsWith("=")) throw new FakeWpsError("fake: only expression rules with a formula are supported");
        const active = fake.sheet(fake.state.activeSheet);
        const [cell] = parseAreas(active.activeCell);
        const cf: CfState = {
          type,
          formula: formula1,
          areas: areas.map((a) => ({ ...a })),
          fill: null,
          fontColor: null,
          borders: { top: null, bottom: null, left: null, right: null },
          anchor: { sheet: active.name, row: cell.top, column: cell.left },
        };
        state.cfs.push(cf);
        return fake.formatCondition(state, cf);
      },
    };
  }

  private formatCondition(state: SheetState, cf: CfState): WpsFormatCondition {
    const fake = this;
    const edit = (name: string, f: () => void) => {
      fake.call(name);
      if (state.protected) throw new FakeWpsError("您试图更改的单元格或图表受保护 (the sheet is protected)");
      f();
    };
    const border = (edge: Edge): WpsBorder => ({
      get LineStyle() {
        return cf.borders[edge]?.lineStyle ?? -4142;
      },
      set LineStyle(v: number) {
        edit("Border.LineStyle=", () => (cf.borders[edge] = { lineStyle: v, color: cf.borders[edge]?.color ?? 0 }));
      },
      get Color() {
        return cf.borders[edge]?.color ?? 0;
      },
      set Color(v: number) {
        edit("Border.Color=", () => (cf.borders[edge] = { lineStyle: cf.borders[edge]?.lineStyle ?? 1, color: v }));
      },
    });
    return {
      Type: cf.type,
      Formula1: cf.formula,
      Interior: {
        get Color() {
          return cf.fill ?? 0xffffff;
        },
        set Color(v: number) {
          edit("Interior.Color=", () => (cf.fill = v));
        },
      },
      Font: {
        get Color() {
          return cf.fontColor ?? 0;
        },
        set Color(v: number) {
          edit("Font.Color=", () => (cf.fontColor = v));
        },
      },
      Borders: {
        Item(index: number) {
          const edge = EDGE_OF[index];
          if (!edge) throw new FakeWpsError(`fake: a conditional format's border is xlTop, xlBottom, xlLeft or xlRight, not ${index}`);
          return border(edge);
        },
      },
      Delete() {
        edit("FormatCondition.Delete", () => {
          const i = state.cfs.indexOf(cf);
          if (i < 0) throw new FakeWpsError("对象已被删除 (the format was deleted)");
          state.cfs.splice(i, 1);
        });
      },
    };
  }
}

/** The hidden rows (of whole rows) or columns (of whole columns) a range's Hidden reads, and its span of them; other ranges have none (VBA refuses them). */
function hiddenLines(sheet: SheetState, area: MergeArea): [number[], number, number] {
  if (area.left === 1 && area.right === MAX_COLUMNS) return [sheet.hiddenRows ?? [], area.top, area.bottom];
  if (area.top === 1 && area.bottom === MAX_ROWS) return [sheet.hiddenColumns ?? [], area.left, area.right];
  throw new FakeWpsError("不能设置类 Range 的 Hidden 属性 (Hidden needs whole rows or columns)");
}

function a1(area: MergeArea): string {
  const start = cellAddress(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? start : `${start}:${cellAddress(area.bottom, area.right)}`;
}

function usedArea(sheet: SheetState): MergeArea {
  let area: MergeArea | null = null;
  for (const k of Object.keys(sheet.cells)) {
    const [row, column] = k.split(",").map(Number);
    area = area
      ? { top: Math.min(area.top, row), left: Math.min(area.left, column), bottom: Math.max(area.bottom, row), right: Math.max(area.right, column) }
      : { top: row, left: column, bottom: row, right: column };
  }
  return area ?? { top: 1, left: 1, bottom: 1, right: 1 };
}

function sheetFromGrid(s: SampleSheet): SheetState {
  const sheet: SheetState = { name: s.name, visible: -1, protected: false, cells: {}, cfs: [], merges: [...s.merges], selection: "A1", activeCell: "A1" };
  officeGrid(s.grid).forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === "") return;
      editCell(sheet, i + 1, j + 1, (c) => {
        c.value = v;
        if (s.grid[i][j] instanceof Date) c.numberFormat = "yyyy/m/d";
      });
    }),
  );
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// Test helpers on documents

/** Sets a cell directly in the document (what the user did by hand). */
export function editCellState(sheet: SheetState, row: number, column: number, edit: Partial<CellState>): void {
  editCell(sheet, row, column, (c) => Object.assign(c, edit));
}

export function cellState(sheet: SheetState, row: number, column: number): CellState {
  return cellOf(sheet, row, column);
}

/** Adds a user's own conditional format. */
export function addUserCf(sheet: SheetState, cf: Partial<CfState> & { formula: string; areas: MergeArea[] }): void {
  sheet.cfs.push({ type: 2, fill: null, fontColor: null, borders: { top: null, bottom: null, left: null, right: null }, anchor: null, ...cf });
}

/** Everything a user could see of a document, as plain data for deep comparison. */
export function visibleState(doc: DocState): unknown {
  return JSON.parse(
    JSON.stringify({
      sheets: doc.sheets.map((s) => ({
        name: s.name,
        visible: s.visible,
        protected: s.protected,
        cells: Object.fromEntries(Object.entries(s.cells).sort(([a], [b]) => (a < b ? -1 : 1))),
        cfs: s.cfs,
        merges: s.merges,
        hiddenRows: s.hiddenRows ?? [],
        hiddenColumns: s.hiddenColumns ?? [],
      })),
      names: doc.names ?? [],
    }),
  );
}

/**
 * Inserts `count` blank rows before row `at`, as WPS does: cells, merged areas, hidden rows and
 * conditional formats below move down; a format whose areas span the insertion grows; references
 * in its formula to the moved rows move with them, and so does the cell it was anchored at.
 */
export function insertRows(sheet: SheetState, at: number, count = 1): void {
  const moved = insertBlankRows(sheet, at, count);
  for (const cf of sheet.cfs) {
    cf.formula = shiftRows(cf.formula, moved);
    if (cf.anchor && cf.anchor.sheet === sheet.name) cf.anchor = { ...cf.anchor, row: moved(cf.anchor.row) };
  }
}

/** The document as the formula engine reads it (a blank cell is ""). */
export function engineBook(doc: () => DocState): EngineBook {
  return {
    value: (sheet, row, column) => {
      const s = doc().sheets.find((x) => x.name === sheet);
      return s ? cellOf(s, row, column).value : "";
    },
    names: () => (doc().names ?? []).map((n) => ({ name: n.name, formula: n.refersTo })),
  };
}
