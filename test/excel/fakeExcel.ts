/**
 * A small fake of just the Excel JavaScript API the adapter uses, with Excel's semantics where they
 * matter to it:
 *  - every method call, property write and load is queued and runs only on context.sync(), in
 *    order; each is counted as one proxy operation;
 *  - reading a property that was not loaded and synced throws, as Excel does; a *OrNullObject
 *    result tells isNullObject only after the sync; calling a method on a null object fails;
 *  - a failing operation rejects the sync and drops the rest of the batch, but what ran before it
 *    stays applied (Office.js batches are not transactional);
 *  - conditional formats live per sheet in priority order: add() puts a new one at the top,
 *    getItemAt() and delete() work on the current order; protected sheets refuse writes;
 *  - values written to a cell are parsed like typed input unless the cell's format is text ("@"):
 *    "=…" becomes a formula, "2022-09-30" a date serial, "2" a number;
 *  - a request reading more cells than `payloadCellLimit` fails (or gives values null), like Excel
 *    on the web's 5 MB cap; getRanges refuses address lists above 8,000 characters; merged areas
 *    above 512 fail.
 * The document state is plain data: `reopen()` round-trips it through JSON, as a save and reopen
 * would, and gives a fresh Excel over it.
 */
import { dayFromYMD, serialFromDay } from "../../src/core/day";
import { cellAddress, type CellValue, type MergeArea } from "../../src/core/sheet";
import type { ExcelHost } from "../../src/excel/host";
import { parseAreas } from "../../src/host/areas";
import type { EngineBook, StoredFormat } from "../host/formulaEngine";
import { insertBlankRows, shiftRows } from "../host/insertRows";
import { officeGrid, type SampleSheet } from "../sample/sampleLedger";

// ---------------------------------------------------------------------------------------------
// Document state

type Edge = "top" | "bottom" | "left" | "right";
const EDGES: readonly Edge[] = ["top", "bottom", "left", "right"];

interface BorderState {
  style: string;
  color: string;
}

export interface CellState {
  value: string | number | boolean;
  /** Set when the cell holds a formula; `value` is then its cached result. */
  formula?: string;
  numberFormat: string;
  fill: string | null;
  fontColor: string;
  fontBold: boolean;
  borders: Record<Edge, BorderState | null>;
}

export interface CfFormatState {
  fill: string | null;
  fontColor: string | null;
  borders: Record<Edge, BorderState | null>;
}

export interface CfState {
  type: string;
  /** The rule: a custom formula, or a cell-value rule's formula1. */
  formula: string | null;
  operator?: string;
  areas: MergeArea[];
  format: CfFormatState;
}

export interface SheetState {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** Sparse: "row,column" (1-based) → cell; absent cells are blank with default formatting. */
  cells: Record<string, CellState>;
  /** Priority order: index 0 is the top. */
  cfs: CfState[];
  merges: MergeArea[];
  /** Hidden rows and columns, 1-based (absent: none). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

/** A workbook-level defined name. */
interface NameState {
  name: string;
  /** With "=", as Office.js gives NamedItem.formula. */
  formula: string;
}

export interface DocState {
  name: string;
  dateSystem: 1900 | 1904;
  sheets: SheetState[];
  /** Workbook-level defined names (absent in documents made before names were modelled). */
  names?: NameState[];
  activeSheet: string;
  selection: { sheet: string; address: string } | null;
  calculations: string[];
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const WHOLE: MergeArea = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };

function blankCell(): CellState {
  return {
    value: "",
    numberFormat: "General",
    fill: null,
    fontColor: "#000000",
    fontBold: false,
    borders: { top: null, bottom: null, left: null, right: null },
  };
}

export function blankCfFormat(): CfFormatState {
  return { fill: null, fontColor: null, borders: { top: null, bottom: null, left: null, right: null } };
}

const key = (row: number, column: number) => `${row},${column}`;

export function cellOf(sheet: SheetState, row: number, column: number): CellState {
  return sheet.cells[key(row, column)] ?? blankCell();
}

function editCell(sheet: SheetState, row: number, column: number, edit: (c: CellState) => void): void {
  const k = key(row, column);
  const cell = sheet.cells[k] ?? blankCell();
  edit(cell);
  sheet.cells[k] = cell;
}

function intersects(a: MergeArea, b: MergeArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function forEachCell(area: MergeArea, f: (row: number, column: number) => void): void {
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) f(r, c);
}

function cellCount(a: MergeArea): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

/** A sheet's cells as Office.js shows `values`: errors as their text, blanks as "". */
function shownValue(cell: CellState): string | number | boolean {
  return cell.value;
}

function usedArea(sheet: SheetState, valuesOnly: boolean): MergeArea | null {
  let area: MergeArea | null = null;
  const d = blankCell();
  for (const [k, cell] of Object.entries(sheet.cells)) {
    const hasValue = cell.value !== "" || cell.formula !== undefined;
    const hasFormat =
      cell.numberFormat !== d.numberFormat || cell.fill !== null || cell.fontColor !== d.fontColor || cell.fontBold || EDGES.some((e) => cell.borders[e]);
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const [row, column] = k.split(",").map(Number);
    area = area
      ? { top: Math.min(area.top, row), left: Math.min(area.left, column), bottom: Math.max(area.bottom, row), right: Math.max(area.right, column) }
      : { top: row, left: column, bottom: row, right: column };
  }
  return area;
}

/** What typing `input` into a cell of format `numberFormat` stores. */
function typed(input: unknown, numberFormat: string): { value: string | number | boolean; formula?: string; numberFormat: string } {
  if (typeof input === "number" || typeof input === "boolean") return { value: input, numberFormat };
  const s = input === null || input === undefined ? "" : String(input);
  if (numberFormat === "@") return { value: s, numberFormat };
  if (s.startsWith("=")) return { value: "#CALC!", formula: s, numberFormat };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) {
    const day = dayFromYMD(+iso[1], +iso[2], +iso[3]);
    if (day !== null) return { value: serialFromDay(day, 1900), numberFormat: numberFormat === "General" ? "yyyy-mm-dd" : numberFormat };
  }
  if (s.trim() !== "" && Number.isFinite(Number(s))) return { value: Number(s), numberFormat };
  return { value: s, numberFormat };
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

function a1(area: MergeArea): string {
  const start = cellAddress(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? start : `${start}:${cellAddress(area.bottom, area.right)}`;
}

// ---------------------------------------------------------------------------------------------
// Errors

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const notLoaded = (prop: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

// ---------------------------------------------------------------------------------------------
// The fake Excel: documents, contexts, counters

export interface OpInfo {
  readonly name: string;
  readonly sheet?: string;
}

export class FakeExcel {
  syncs = 0;
  ops = 0;
  /** Highest ExcelApi version supported. */
  apiVersion = "1.17";
  /** Cells a single request may read (values and formulas); Infinity: no cap. */
  payloadCellLimit = Infinity;
  /** How an oversized read fails: an error (the documented way) or values null (what some builds do). */
  oversize: "throw" | "null" = "throw";
  /** Called before a sync's operations run, with the 1-based sync number: tests change the document here. */
  beforeSync: ((n: number) => void) | null = null;
  /** Makes an operation fail as it runs. */
  failWhen: ((op: OpInfo) => FakeOfficeError | null) | null = null;
  readonly handlers: ((args: unknown) => Promise<unknown>)[] = [];
  /** worksheet.onChanged handlers, by the sheet they follow (a sheet keeps them when renamed, as Excel's do). */
  readonly sheetHandlers = new Map<SheetState, ((args: unknown) => Promise<unknown>)[]>();
  /** worksheets.onAdded handlers. */
  readonly addedHandlers: ((args: unknown) => Promise<unknown>)[] = [];
  /** Operation names in the order they ran, for tests that look at what was done. */
  readonly log: string[] = [];

  constructor(public state: DocState) {}

  static fromSheets(sheets: readonly SampleSheet[], name = "财源街道招商引资台账.xlsx"): FakeExcel {
    const doc: DocState = { name, dateSystem: 1900, sheets: [], activeSheet: sheets[0]?.name ?? "", selection: null, calculations: [] };
    for (const s of sheets) doc.sheets.push(sheetFromGrid(s.name, s.grid, s.merges));
    return new FakeExcel(doc);
  }

  sheet(name: string): SheetState {
    const s = this.state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** A fresh Excel over the same document, saved and reopened: nothing survives but plain data. */
  reopen(): FakeExcel {
    const fresh = new FakeExcel(JSON.parse(JSON.stringify(this.state)) as DocState);
    fresh.apiVersion = this.apiVersion;
    return fresh;
  }

  supports(version: string): boolean {
    const [aMajor, aMinor] = this.apiVersion.split(".").map(Number);
    const [bMajor, bMinor] = version.split(".").map(Number);
    return aMajor > bMajor || (aMajor === bMajor && aMinor >= bMinor);
  }

  host(): ExcelHost {
    return {
      run: async (batch) => {
        const context = new FakeContext(this);
        const result = await batch(context as unknown as Excel.RequestContext);
        if (context.pending() > 0) throw new Error(`fake: ${context.pending()} queued operations were never synced`);
        return result;
      },
      runIn: async (context, batch) => batch(context),
      supports: (v) => this.supports(v),
    };
  }

  /** Fires workbook.worksheets.onChanged, and the edited sheet's own onChanged, as Excel would after an edit. */
  async fireChanged(sheet: string, address: string): Promise<void> {
    const args = { worksheetId: sheet, address, changeType: "RangeEdited", source: "Local" };
    for (const h of [...this.handlers]) await h(args);
    for (const h of [...(this.sheetHandlers.get(this.sheet(sheet)) ?? [])]) await h(args);
  }

  /** worksheet.onChanged handlers in all. */
  sheetSubscribers(): number {
    return [...this.sheetHandlers.values()].reduce((n, hs) => n + hs.length, 0);
  }
}

function sheetFromGrid(name: string, grid: readonly (readonly CellValue[])[], merges: readonly MergeArea[]): SheetState {
  const sheet: SheetState = { name, visibility: "Visible", protected: false, cells: {}, cfs: [], merges: [...merges] };
  const shown = officeGrid(grid);
  shown.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === "") return;
      const original = grid[i][j];
      editCell(sheet, i + 1, j + 1, (c) => {
        c.value = v;
        if (original instanceof Date) c.numberFormat = "yyyy/m/d";
      });
    }),
  );
  return sheet;
}

type Op = { info: OpInfo; run: () => void };

export class FakeContext {
  private queue: Op[] = [];
  private cellsRead = 0;
  private readonly valueLoads: RangeProxy[] = [];
  readonly workbook: WorkbookProxy;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  pending(): number {
    return this.queue.length;
  }

  enqueue(info: OpInfo, run: () => void): void {
    this.excel.ops++;
    this.queue.push({ info, run });
  }

  /** Counts cells a load reads, for the payload cap. */
  reading(cells: number, range: RangeProxy): void {
    this.cellsRead += cells;
    this.valueLoads.push(range);
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    excel.syncs++;
    const batch = this.queue;
    this.queue = [];
    this.cellsRead = 0;
    this.valueLoads.length = 0;
    await Promise.resolve();
    excel.beforeSync?.(excel.syncs);
    for (const op of batch) {
      const injected = excel.failWhen?.(op.info);
      if (injected) throw injected;
      excel.log.push(op.info.name);
      op.run();
    }
    if (this.cellsRead > excel.payloadCellLimit) {
      if (excel.oversize === "throw") {
        for (const r of this.valueLoads) r.forget("values");
        throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
      }
      for (const r of this.valueLoads) r.nullValues();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Proxies

type Resolver<T> = () => T | null;

function paths(spec: unknown): string[] {
  if (spec === undefined) return [];
  if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => paths(s));
  throw new Error("fake: only string and array load specs are supported");
}

abstract class BaseProxy<T> {
  private loaded = new Map<string, unknown>();
  private nullKnown: boolean | undefined;
  private readonly navs = new Map<string, BaseProxy<unknown>>();

  constructor(
    protected readonly ctx: FakeContext,
    protected readonly resolver: Resolver<T>,
  ) {}

  get context(): FakeContext {
    return this.ctx;
  }

  /** Resolves at run time; a method or write on a null object fails. */
  protected target(): T {
    const t = this.resolver();
    if (t === null) throw new FakeOfficeError("InvalidOperation", "The object is a null object.");
    return t;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw notLoaded("isNullObject");
    return this.nullKnown;
  }

  /** Marks the null-ness known (after the sync that created the object or loaded it). */
  protected noteNull(isNull: boolean): void {
    this.nullKnown = isNull;
  }

  forget(prop: string): void {
    this.loaded.delete(prop);
  }

  protected set(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  protected nav<P extends BaseProxy<unknown>>(name: string, make: () => P): P {
    let p = this.navs.get(name) as P | undefined;
    if (!p) {
      p = make();
      this.navs.set(name, p);
    }
    return p;
  }

  /** The value of a scalar property of a resolved target; undefined: no such scalar. */
  protected abstract scalar(prop: string, t: T): unknown;
  /** A navigation property by name, for dotted load paths. */
  protected navigation(_name: string): BaseProxy<unknown> | undefined {
    return undefined;
  }

  load(spec?: unknown): this {
    const list = paths(spec);
    this.ctx.enqueue({ name: `${this.constructor.name}.load` }, () => this.loadNow(list));
    return this;
  }

  /** Runs a load: scalars are copied, dotted paths go to navigation properties. */
  loadNow(list: readonly string[]): void {
    const t = this.resolver();
    this.nullKnown = t === null;
    if (t === null) return;
    for (const path of list) {
      const [head, ...rest] = path.split("/");
      if (rest.length > 0) {
        const child = this.navigation(head);
        if (!child) throw new FakeOfficeError("InvalidArgument", `fake: no navigation property ${head} on ${this.constructor.name}`);
        child.loadNow([rest.join("/")]);
        continue;
      }
      const value = this.scalar(head, t);
      if (value === undefined) {
        const child = this.navigation(head);
        if (child) {
          child.loadNow([]);
          continue;
        }
        throw new FakeOfficeError("InvalidArgument", `fake: cannot load ${head} on ${this.constructor.name}`);
      }
      this.loaded.set(head, value);
    }
  }
}

/** An object a method created: the method runs as a queued operation, and its result is kept. */
function created<T>(ctx: FakeContext, info: OpInfo, compute: () => T | null, onDone?: (t: T | null) => void): Resolver<T> {
  let done = false;
  let value: T | null = null;
  ctx.enqueue(info, () => {
    value = compute();
    done = true;
    onDone?.(value);
  });
  return () => {
    if (!done) throw new Error(`fake: ${info.name} result used before its sync`);
    return value;
  };
}

function liveSheet(ctx: FakeContext, sheet: SheetState): SheetState {
  if (!ctx.excel.state.sheets.includes(sheet)) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
  return sheet;
}

function assertWritable(sheet: SheetState): void {
  if (sheet.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
}

// --- workbook ---------------------------------------------------------------------------------

class WorkbookProxy extends BaseProxy<DocState> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.state);
  }
  protected scalar(prop: string, t: DocState): unknown {
    return prop === "name" ? t.name : undefined;
  }
  get name(): string {
    return this.get("name");
  }
  get worksheets(): WorksheetCollectionProxy {
    return this.nav("worksheets", () => new WorksheetCollectionProxy(this.ctx));
  }
  get functions(): FunctionsProxy {
    return this.nav("functions", () => new FunctionsProxy(this.ctx));
  }
  get application(): ApplicationProxy {
    return this.nav("application", () => new ApplicationProxy(this.ctx));
  }
  get names(): NamedItemCollectionProxy {
    return this.nav("names", () => new NamedItemCollectionProxy(this.ctx));
  }
}

// --- defined names (ExcelApi 1.4; NamedItem.formula 1.7) ----------------------------------------

function namesOf(doc: DocState): NameState[] {
  return (doc.names ??= []);
}

class NamedItemCollectionProxy extends BaseProxy<DocState> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.state);
  }
  protected scalar(): unknown {
    return undefined;
  }
  private find(name: string): NameState | null {
    return namesOf(this.ctx.excel.state).find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    const ctx = this.ctx;
    const proxy: NamedItemProxy = new NamedItemProxy(
      ctx,
      created(ctx, { name: "names.getItemOrNullObject" }, () => this.find(name), (t) => proxy.markNull(t === null)),
    );
    return proxy;
  }
  getItem(name: string): NamedItemProxy {
    const ctx = this.ctx;
    return new NamedItemProxy(
      ctx,
      created(ctx, { name: "names.getItem" }, () => {
        const n = this.find(name);
        if (!n) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
        return n;
      }),
    );
  }
  add(name: string, reference: string): NamedItemProxy {
    const ctx = this.ctx;
    return new NamedItemProxy(
      ctx,
      created(ctx, { name: "names.add" }, () => {
        if (!ctx.excel.supports("1.4")) throw new FakeOfficeError("ApiNotFound", "needs ExcelApi 1.4");
        if (this.find(name)) throw new FakeOfficeError("ItemAlreadyExists", "A name with this name exists.");
        const n: NameState = { name, formula: reference.startsWith("=") ? reference : `=${reference}` };
        namesOf(ctx.excel.state).push(n);
        return n;
      }),
    );
  }
}

class NamedItemProxy extends BaseProxy<NameState> {
  markNull(isNull: boolean): void {
    this.noteNull(isNull);
  }
  protected scalar(prop: string, t: NameState): unknown {
    if (prop === "name") return t.name;
    if (prop === "formula") {
      if (!this.ctx.excel.supports("1.7")) throw new FakeOfficeError("ApiNotFound", "NamedItem.formula needs ExcelApi 1.7");
      return t.formula;
    }
    return undefined;
  }
  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  set formula(v: string) {
    this.ctx.enqueue({ name: "namedItem.formula=" }, () => {
      if (!this.ctx.excel.supports("1.7")) throw new FakeOfficeError("ApiNotFound", "NamedItem.formula needs ExcelApi 1.7");
      this.target().formula = v.startsWith("=") ? v : `=${v}`;
    });
  }
  delete(): void {
    this.ctx.enqueue({ name: "namedItem.delete" }, () => {
      const t = this.target();
      const list = namesOf(this.ctx.excel.state);
      list.splice(list.indexOf(t), 1);
    });
  }
}

class FunctionsProxy extends BaseProxy<DocState> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.state);
  }
  protected scalar(): unknown {
    return undefined;
  }
  date(year: number, month: number, day: number): FunctionResultProxy {
    const ctx = this.ctx;
    return new FunctionResultProxy(
      ctx,
      created(ctx, { name: "functions.date" }, () => {
        const d = dayFromYMD(year, month, day);
        if (d === null) return { value: null, error: "#NUM!" };
        return { value: serialFromDay(d, ctx.excel.state.dateSystem), error: null };
      }),
    );
  }
}

class FunctionResultProxy extends BaseProxy<{ value: number | null; error: string | null }> {
  protected scalar(prop: string, t: { value: number | null; error: string | null }): unknown {
    if (prop === "value") return t.value;
    if (prop === "error") return t.error;
    return undefined;
  }
  get value(): number {
    return this.get("value");
  }
  get error(): string | null {
    return this.get("error");
  }
}

class ApplicationProxy extends BaseProxy<DocState> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.state);
  }
  protected scalar(): unknown {
    return undefined;
  }
  calculate(type: string): void {
    this.ctx.enqueue({ name: "application.calculate" }, () => this.ctx.excel.state.calculations.push(type));
  }
}

// --- worksheets -------------------------------------------------------------------------------

class WorksheetCollectionProxy extends BaseProxy<SheetState[]> {
  private loadedItems: WorksheetProxy[] | null = null;

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.state.sheets);
  }
  protected scalar(): unknown {
    return undefined;
  }
  override loadNow(list: readonly string[]): void {
    const sheets = this.target();
    const itemPaths = list.map((p) => (p.startsWith("items/") ? p.slice(6) : p === "items" ? "name" : p));
    this.loadedItems = sheets.map((s) => {
      const item = new WorksheetProxy(this.ctx, () => s);
      item.loadNow(itemPaths);
      return item;
    });
  }
  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }
  getItem(name: string): WorksheetProxy {
    const ctx = this.ctx;
    return new WorksheetProxy(
      ctx,
      created(ctx, { name: "worksheets.getItem", sheet: name }, () => {
        const s = ctx.excel.state.sheets.find((x) => x.name === name);
        if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist.`);
        return s;
      }),
    );
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    const ctx = this.ctx;
    const proxy: WorksheetProxy = new WorksheetProxy(
      ctx,
      created(
        ctx,
        { name: "worksheets.getItemOrNullObject", sheet: name },
        () => ctx.excel.state.sheets.find((x) => x.name === name) ?? null,
        (t) => proxy.markNull(t === null),
      ),
    );
    return proxy;
  }
  add(name: string): WorksheetProxy {
    const ctx = this.ctx;
    return new WorksheetProxy(
      ctx,
      created(ctx, { name: "worksheets.add", sheet: name }, () => {
        if (ctx.excel.state.sheets.some((x) => x.name === name)) throw new FakeOfficeError("ItemAlreadyExists", "A sheet with this name exists.");
        const s: SheetState = { name, visibility: "Visible", protected: false, cells: {}, cfs: [], merges: [] };
        ctx.excel.state.sheets.push(s);
        // Excel raises onAdded once the batch has run, outside it.
        void Promise.resolve().then(async () => {
          for (const h of [...ctx.excel.addedHandlers]) await h({ worksheetId: name, source: "Local", type: "WorksheetAdded" });
        });
        return s;
      }),
    );
  }
  get onAdded(): { add(handler: (args: unknown) => Promise<unknown>): { context: FakeContext; remove(): void } } {
    return eventOf(this.ctx, "worksheets.onAdded", () => this.ctx.excel.addedHandlers);
  }
  get onChanged(): { add(handler: (args: unknown) => Promise<unknown>): { context: FakeContext; remove(): void } } {
    const ctx = this.ctx;
    return {
      add(handler) {
        ctx.enqueue({ name: "worksheets.onChanged.add" }, () => ctx.excel.handlers.push(handler));
        return {
          context: ctx,
          remove() {
            ctx.enqueue({ name: "worksheets.onChanged.remove" }, () => {
              const i = ctx.excel.handlers.indexOf(handler);
              if (i >= 0) ctx.excel.handlers.splice(i, 1);
            });
          },
        };
      },
    };
  }
}

/** An event's add/remove, queued like any operation; `list` is resolved when the operation runs. */
function eventOf(ctx: FakeContext, name: string, list: () => ((args: unknown) => Promise<unknown>)[]) {
  return {
    add(handler: (args: unknown) => Promise<unknown>) {
      ctx.enqueue({ name: `${name}.add` }, () => list().push(handler));
      return {
        context: ctx,
        remove() {
          ctx.enqueue({ name: `${name}.remove` }, () => {
            const handlers = list();
            const i = handlers.indexOf(handler);
            if (i >= 0) handlers.splice(i, 1);
          });
        },
      };
    },
  };
}

class WorksheetProxy extends BaseProxy<SheetState> {
  markNull(isNull: boolean): void {
    this.noteNull(isNull);
  }
  get onChanged(): { add(handler: (args: unknown) => Promise<unknown>): { context: FakeContext; remove(): void } } {
    return eventOf(this.ctx, "worksheet.onChanged", () => {
      const sheet = this.live();
      const handlers = this.ctx.excel.sheetHandlers.get(sheet) ?? [];
      this.ctx.excel.sheetHandlers.set(sheet, handlers);
      return handlers;
    });
  }
  protected scalar(prop: string, t: SheetState): unknown {
    if (prop === "name") return t.name;
    if (prop === "visibility") return t.visibility;
    return undefined;
  }
  protected override navigation(name: string): BaseProxy<unknown> | undefined {
    return name === "protection" ? (this.protection as BaseProxy<unknown>) : undefined;
  }
  private live(): SheetState {
    return liveSheet(this.ctx, this.target());
  }
  get name(): string {
    return this.get("name");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.ctx.enqueue({ name: "worksheet.visibility=" }, () => {
      this.live().visibility = v as SheetState["visibility"];
    });
  }
  get protection(): ProtectionProxy {
    return this.nav("protection", () => new ProtectionProxy(this.ctx, () => this.live()));
  }
  getRange(address?: string): RangeProxy {
    const ctx = this.ctx;
    return new RangeProxy(
      ctx,
      created(ctx, { name: "worksheet.getRange" }, () => {
        const sheet = this.live();
        if (address === undefined) return { sheet, area: WHOLE };
        const areas = parseAreas(address);
        if (areas.length !== 1 || address.includes(",")) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
        return { sheet, area: areas[0] };
      }),
    );
  }
  getRanges(address: string): RangeAreasProxy {
    const ctx = this.ctx;
    return new RangeAreasProxy(
      ctx,
      created(ctx, { name: "worksheet.getRanges" }, () => {
        if (!ctx.excel.supports("1.9")) throw new FakeOfficeError("ApiNotFound", "getRanges needs ExcelApi 1.9");
        const sheet = this.live();
        if (address.length > 8_000) throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        const areas = parseAreas(address);
        if (areas.length === 0) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
        return { sheet, areas };
      }),
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    const ctx = this.ctx;
    const proxy: RangeProxy = new RangeProxy(
      ctx,
      created(
        ctx,
        { name: "worksheet.getUsedRangeOrNullObject" },
        () => {
          if (!ctx.excel.supports("1.4")) throw new FakeOfficeError("ApiNotFound", "needs ExcelApi 1.4");
          const sheet = this.live();
          const area = usedArea(sheet, valuesOnly === true);
          return area ? { sheet, area } : null;
        },
        (t) => proxy.markNull(t === null),
      ),
    );
    return proxy;
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    const ctx = this.ctx;
    return new RangeProxy(
      ctx,
      created(ctx, { name: "worksheet.getUsedRange" }, () => {
        const sheet = this.live();
        // A blank sheet's used range is A1.
        return { sheet, area: usedArea(sheet, valuesOnly === true) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
      }),
    );
  }
  activate(): void {
    this.ctx.enqueue({ name: "worksheet.activate" }, () => {
      const s = this.live();
      this.ctx.excel.state.activeSheet = s.name;
    });
  }
}

class ProtectionProxy extends BaseProxy<SheetState> {
  protected scalar(prop: string, t: SheetState): unknown {
    return prop === "protected" ? t.protected : undefined;
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

// --- ranges -----------------------------------------------------------------------------------

interface RangeTarget {
  readonly sheet: SheetState;
  readonly area: MergeArea;
}

interface AreasTarget {
  readonly sheet: SheetState;
  readonly areas: readonly MergeArea[];
}

class RangeProxy extends BaseProxy<RangeTarget> {
  markNull(isNull: boolean): void {
    this.noteNull(isNull);
  }
  nullValues(): void {
    this.set("values", null);
  }
  private live(): RangeTarget {
    const t = this.target();
    liveSheet(this.ctx, t.sheet);
    return t;
  }
  protected scalar(prop: string, t: RangeTarget): unknown {
    const { sheet, area } = t;
    switch (prop) {
      case "address":
        return `${sheetPrefix(sheet.name)}${a1(area)}`;
      case "rowIndex":
        return area.top - 1;
      case "columnIndex":
        return area.left - 1;
      case "rowCount":
        return area.bottom - area.top + 1;
      case "columnCount":
        return area.right - area.left + 1;
      case "rowHidden":
      case "columnHidden": {
        const hidden = new Set(prop === "rowHidden" ? sheet.hiddenRows : sheet.hiddenColumns);
        const [from, to] = prop === "rowHidden" ? [area.top, area.bottom] : [area.left, area.right];
        let n = 0;
        for (const h of hidden) if (h >= from && h <= to) n++;
        return n === 0 ? false : n === to - from + 1 ? true : null;
      }
      case "values":
      case "formulas":
      case "numberFormat": {
        this.ctx.reading(cellCount(area), this);
        const rows: unknown[][] = [];
        for (let r = area.top; r <= area.bottom; r++) {
          const row: unknown[] = [];
          for (let c = area.left; c <= area.right; c++) {
            const cell = cellOf(sheet, r, c);
            row.push(prop === "values" ? shownValue(cell) : prop === "formulas" ? (cell.formula ?? cell.value) : cell.numberFormat);
          }
          rows.push(row);
        }
        return rows;
      }
      default:
        return undefined;
    }
  }
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  get rowHidden(): boolean {
    return this.get("rowHidden");
  }
  set rowHidden(v: boolean) {
    this.hide("rowHidden", v);
  }
  get columnHidden(): boolean {
    return this.get("columnHidden");
  }
  set columnHidden(v: boolean) {
    this.hide("columnHidden", v);
  }
  private hide(prop: "rowHidden" | "columnHidden", v: boolean): void {
    this.ctx.enqueue({ name: `range.${prop}=` }, () => {
      const { sheet, area } = this.live();
      const [from, to] = prop === "rowHidden" ? [area.top, area.bottom] : [area.left, area.right];
      const list = prop === "rowHidden" ? (sheet.hiddenRows ??= []) : (sheet.hiddenColumns ??= []);
      const rest = list.filter((h) => h < from || h > to);
      if (v) for (let h = from; h <= to; h++) rest.push(h);
      list.splice(0, list.length, ...rest.sort((a, b) => a - b));
    });
  }
  getEntireRow(): RangeProxy {
    return this.entire("range.getEntireRow", (a) => ({ top: a.top, bottom: a.bottom, left: 1, right: MAX_COLUMNS }));
  }
  getEntireColumn(): RangeProxy {
    return this.entire("range.getEntireColumn", (a) => ({ top: 1, bottom: MAX_ROWS, left: a.left, right: a.right }));
  }
  private entire(name: string, widen: (a: MergeArea) => MergeArea): RangeProxy {
    const ctx = this.ctx;
    return new RangeProxy(
      ctx,
      created(ctx, { name }, () => {
        const { sheet, area } = this.live();
        return { sheet, area: widen(area) };
      }),
    );
  }
  set values(grid: unknown[][]) {
    this.write("range.values=", grid, (cell, v) => Object.assign(cell, typed(v, cell.numberFormat)));
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.write("range.formulas=", grid, (cell, v) => {
      const t = typed(v, cell.numberFormat);
      delete cell.formula;
      Object.assign(cell, t);
    });
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.write("range.numberFormat=", grid, (cell, v) => {
      cell.numberFormat = String(v);
    });
  }
  private write(name: string, grid: unknown[][], apply: (cell: CellState, v: unknown) => void): void {
    this.ctx.enqueue({ name }, () => {
      const { sheet, area } = this.live();
      assertWritable(sheet);
      if (grid.length !== area.bottom - area.top + 1 || grid.some((r) => r.length !== area.right - area.left + 1)) {
        throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      forEachCell(area, (r, c) => editCell(sheet, r, c, (cell) => apply(cell, grid[r - area.top][c - area.left])));
    });
  }
  clear(what: string = "All"): void {
    this.ctx.enqueue({ name: "range.clear" }, () => {
      const { sheet, area } = this.live();
      assertWritable(sheet);
      // Only the cells the document holds: the whole sheet's range (getRange()) is 17 billion cells.
      const held = Object.keys(sheet.cells).map((k) => k.split(",").map(Number));
      for (const [r, c] of held) {
        if (r < area.top || r > area.bottom || c < area.left || c > area.right) continue;
        editCell(sheet, r, c, (cell) => {
          if (what === "All" || what === "Contents") {
            cell.value = "";
            delete cell.formula;
          }
          if (what === "All" || what === "Formats") Object.assign(cell, { ...blankCell(), value: cell.value, formula: cell.formula });
          if (cell.formula === undefined) delete cell.formula;
        });
      }
    });
  }
  select(): void {
    this.ctx.enqueue({ name: "range.select" }, () => {
      const { sheet, area } = this.live();
      this.ctx.excel.state.selection = { sheet: sheet.name, address: a1(area) };
    });
  }
  get format(): RangeFormatProxy {
    return this.nav("format", () => new RangeFormatProxy(this.ctx, () => {
      const t = this.live();
      return { sheet: t.sheet, areas: [t.area] };
    }));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.nav("conditionalFormats", () => new ConditionalFormatCollectionProxy(this.ctx, () => {
      const t = this.live();
      return { sheet: t.sheet, areas: [t.area] };
    }));
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    const ctx = this.ctx;
    const proxy: RangeAreasProxy = new RangeAreasProxy(
      ctx,
      created(
        ctx,
        { name: "range.getMergedAreasOrNullObject" },
        () => {
          if (!ctx.excel.supports("1.13")) throw new FakeOfficeError("ApiNotFound", "needs ExcelApi 1.13");
          const { sheet, area } = this.live();
          const inside = sheet.merges.filter((m) => intersects(m, area));
          if (inside.length > 512) throw new FakeOfficeError("GeneralException", "There are too many merged areas.");
          return inside.length > 0 ? { sheet, areas: inside } : null;
        },
        (t) => proxy.markNull(t === null),
      ),
    );
    return proxy;
  }
}

class RangeAreasProxy extends BaseProxy<AreasTarget> {
  markNull(isNull: boolean): void {
    this.noteNull(isNull);
  }
  private live(): AreasTarget {
    const t = this.target();
    liveSheet(this.ctx, t.sheet);
    return t;
  }
  protected scalar(prop: string, t: AreasTarget): unknown {
    if (prop === "address") return t.areas.map((a) => `${sheetPrefix(t.sheet.name)}${a1(a)}`).join(", ");
    if (prop === "areaCount") return t.areas.length;
    return undefined;
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get format(): RangeFormatProxy {
    return this.nav("format", () => new RangeFormatProxy(this.ctx, () => this.live()));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.nav("conditionalFormats", () => new ConditionalFormatCollectionProxy(this.ctx, () => this.live()));
  }
}

// --- direct formatting (what the highlight must NOT use; tests use it to break it on purpose) --

class RangeFormatProxy extends BaseProxy<AreasTarget> {
  protected scalar(): unknown {
    return undefined;
  }
  private edit(name: string, apply: (c: CellState) => void): void {
    this.ctx.enqueue({ name }, () => {
      const { sheet, areas } = this.target();
      liveSheet(this.ctx, sheet);
      assertWritable(sheet);
      for (const a of areas) forEachCell(a, (r, c) => editCell(sheet, r, c, apply));
    });
  }
  get fill(): { color: string } {
    const edit = (n: string, f: (c: CellState) => void) => this.edit(n, f);
    return {
      set color(v: string) {
        edit("format.fill.color=", (c) => (c.fill = v));
      },
      get color(): string {
        throw notLoaded("color");
      },
    };
  }
  get font(): { color: string; bold: boolean } {
    const edit = (n: string, f: (c: CellState) => void) => this.edit(n, f);
    return {
      set color(v: string) {
        edit("format.font.color=", (c) => (c.fontColor = v));
      },
      get color(): string {
        throw notLoaded("color");
      },
      set bold(v: boolean) {
        edit("format.font.bold=", (c) => (c.fontBold = v));
      },
      get bold(): boolean {
        throw notLoaded("bold");
      },
    };
  }
}

// --- conditional formats ----------------------------------------------------------------------

class ConditionalFormatCollectionProxy extends BaseProxy<AreasTarget> {
  private loadedItems: ConditionalFormatProxy[] | null = null;

  protected scalar(prop: string, t: AreasTarget): unknown {
    return prop === "count" ? this.itemsOf(t).length : undefined;
  }
  private itemsOf(t: AreasTarget): CfState[] {
    liveSheet(this.ctx, t.sheet);
    return t.sheet.cfs.filter((cf) => cf.areas.some((a) => t.areas.some((b) => intersects(a, b))));
  }
  override loadNow(list: readonly string[]): void {
    if (!this.ctx.excel.supports("1.6")) throw new FakeOfficeError("ApiNotFound", "needs ExcelApi 1.6");
    const t = this.target();
    const itemPaths = list.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    const own = list.filter((p) => !p.startsWith("items"));
    for (const p of own) this.set(p, this.scalar(p, t));
    this.loadedItems = this.itemsOf(t).map((cf) => {
      const item = new ConditionalFormatProxy(this.ctx, () => ({ sheet: t.sheet, cf }));
      item.loadNow(itemPaths);
      return item;
    });
  }
  get items(): ConditionalFormatProxy[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }
  get count(): number {
    return this.get("count");
  }
  add(type: string): ConditionalFormatProxy {
    const ctx = this.ctx;
    return new ConditionalFormatProxy(
      ctx,
      created(ctx, { name: "conditionalFormats.add" }, () => {
        if (!ctx.excel.supports("1.6")) throw new FakeOfficeError("ApiNotFound", "needs ExcelApi 1.6");
        const t = this.target();
        liveSheet(ctx, t.sheet);
        assertWritable(t.sheet);
        const cf: CfState = { type, formula: null, areas: t.areas.map((a) => ({ ...a })), format: blankCfFormat() };
        t.sheet.cfs.unshift(cf);
        return { sheet: t.sheet, cf };
      }),
    );
  }
  /** ExcelApi 1.6: deletes every conditional format that touches the range. */
  clearAll(): void {
    this.ctx.enqueue({ name: "conditionalFormats.clearAll" }, () => {
      if (!this.ctx.excel.supports("1.6")) throw new FakeOfficeError("ApiNotFound", "needs ExcelApi 1.6");
      const t = this.target();
      liveSheet(this.ctx, t.sheet);
      assertWritable(t.sheet);
      const gone = new Set(this.itemsOf(t));
      t.sheet.cfs = t.sheet.cfs.filter((cf) => !gone.has(cf));
    });
  }
    getItemAt(index: number): ConditionalFormatProxy {
    const ctx = this.ctx;
    return new ConditionalFormatProxy(
      ctx,
      created(ctx, { name: "conditionalFormats.getItemAt" }, () => {
        const t = this.target();
        const cf = this.itemsOf(t)[index];
        if (!cf) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
        return { sheet: t.sheet, cf };
      }),
    );
  }
}

interface CfTarget {
  readonly sheet: SheetState;
  readonly cf: CfState;
}

class ConditionalFormatProxy extends BaseProxy<CfTarget> {
  private live(): CfTarget {
    const t = this.target();
    liveSheet(this.ctx, t.sheet);
    if (!t.sheet.cfs.includes(t.cf)) throw new FakeOfficeError("ItemNotFound", "The conditional format was deleted.");
    return t;
  }
  protected scalar(prop: string, t: CfTarget): unknown {
    if (prop === "type") return t.cf.type;
    if (prop === "priority" || prop === "id") return t.sheet.cfs.indexOf(t.cf);
    return undefined;
  }
  protected override navigation(name: string): BaseProxy<unknown> | undefined {
    if (name === "custom") return this.custom as BaseProxy<unknown>;
    if (name === "customOrNullObject") return this.customOrNullObject as BaseProxy<unknown>;
    return undefined;
  }
  get type(): string {
    return this.get("type");
  }
  get custom(): CustomCfProxy {
    return this.nav("custom", () => new CustomCfProxy(this.ctx, () => {
      const t = this.live();
      if (t.cf.type !== "Custom") throw new FakeOfficeError("InvalidOperation", "The conditional format is not of type Custom.");
      return t;
    }));
  }
  get customOrNullObject(): CustomCfProxy {
    return this.nav("customOrNullObject", () => new CustomCfProxy(this.ctx, () => {
      const t = this.live();
      return t.cf.type === "Custom" ? t : null;
    }));
  }
  delete(): void {
    this.ctx.enqueue({ name: "conditionalFormat.delete" }, () => {
      const t = this.live();
      assertWritable(t.sheet);
      t.sheet.cfs.splice(t.sheet.cfs.indexOf(t.cf), 1);
    });
  }
}

class CustomCfProxy extends BaseProxy<CfTarget> {
  protected scalar(): unknown {
    return undefined;
  }
  protected override navigation(name: string): BaseProxy<unknown> | undefined {
    if (name === "rule") return this.rule as BaseProxy<unknown>;
    return undefined;
  }
  get rule(): CfRuleProxy {
    return this.nav("rule", () => new CfRuleProxy(this.ctx, () => this.resolver()));
  }
  get format(): CfFormatProxy {
    return this.nav("format", () => new CfFormatProxy(this.ctx, () => this.resolver()));
  }
}

class CfRuleProxy extends BaseProxy<CfTarget> {
  protected scalar(prop: string, t: CfTarget): unknown {
    return prop === "formula" ? t.cf.formula : undefined;
  }
  get formula(): string {
    return this.get("formula");
  }
  set formula(v: string) {
    this.ctx.enqueue({ name: "rule.formula=" }, () => {
      const t = this.target();
      assertWritable(t.sheet);
      t.cf.formula = v;
    });
  }
}

class CfFormatProxy extends BaseProxy<CfTarget> {
  protected scalar(): unknown {
    return undefined;
  }
  private edit(name: string, apply: (f: CfFormatState) => void): void {
    this.ctx.enqueue({ name }, () => {
      const t = this.target();
      assertWritable(t.sheet);
      apply(t.cf.format);
    });
  }
  get fill(): { color: string } {
    const edit = (n: string, f: (s: CfFormatState) => void) => this.edit(n, f);
    return {
      set color(v: string) {
        edit("cf.format.fill.color=", (s) => (s.fill = v));
      },
      get color(): string {
        throw notLoaded("color");
      },
    };
  }
  get font(): { color: string } {
    const edit = (n: string, f: (s: CfFormatState) => void) => this.edit(n, f);
    return {
      set color(v: string) {
        edit("cf.format.font.color=", (s) => (s.fontColor = v));
      },
      get color(): string {
        throw notLoaded("color");
      },
    };
  }
  get borders(): Record<Edge, { style: string; color: string }> & { getItem(edge: string): { style: string; color: string } } {
    const edit = (n: string, f: (s: CfFormatState) => void) => this.edit(n, f);
    const border = (edge: Edge) => ({
      set style(v: string) {
        edit(`cf.format.borders.${edge}.style=`, (s) => (s.borders[edge] = { style: v, color: s.borders[edge]?.color ?? "#000000" }));
      },
      get style(): string {
        throw notLoaded("style");
      },
      set color(v: string) {
        edit(`cf.format.borders.${edge}.color=`, (s) => (s.borders[edge] = { style: s.borders[edge]?.style ?? "Continuous", color: v }));
      },
      get color(): string {
        throw notLoaded("color");
      },
    });
    const byName: Record<string, Edge> = { EdgeTop: "top", EdgeBottom: "bottom", EdgeLeft: "left", EdgeRight: "right" };
    return { top: border("top"), bottom: border("bottom"), left: border("left"), right: border("right"), getItem: (e: string) => border(byName[e]) };
  }
}

// ---------------------------------------------------------------------------------------------
// Test helpers on documents

/** Adds a user's own conditional format (what a unit's staff may have set up themselves). */
export function addUserCf(sheet: SheetState, cf: Partial<CfState> & { areas: MergeArea[] }): void {
  sheet.cfs.push({ type: "CellValue", formula: null, format: blankCfFormat(), ...cf });
}

/** Sets a cell's own formatting directly in the document (what the user did by hand). */
export function formatCell(sheet: SheetState, row: number, column: number, edit: Partial<CellState>): void {
  editCell(sheet, row, column, (c) => Object.assign(c, edit));
}

/**
 * Inserts `count` blank rows before row `at`, as Excel does: cells, merged areas and conditional
 * formats below move down; a format whose areas span the insertion grows; references in its formula
 * to the moved rows move with them (its relative references stay anchored at its first area).
 */
export function insertRows(sheet: SheetState, at: number, count = 1): void {
  const moved = insertBlankRows(sheet, at, count);
  for (const cf of sheet.cfs) if (cf.formula) cf.formula = shiftRows(cf.formula, moved);
}

/** The document as the formula engine reads it. */
export function engineBook(doc: () => DocState): EngineBook {
  return {
    value: (sheet, row, column) => {
      const s = doc().sheets.find((x) => x.name === sheet);
      return s ? cellOf(s, row, column).value : "";
    },
    names: () => doc().names ?? [],
  };
}

/**
 * A sheet's custom-formula formats, each anchored at its first area's top-left cell: what
 * src/excel/highlight.ts assumes Office.js does with a format's relative references.
 */
export function storedFormats(sheet: SheetState): StoredFormat[] {
  return sheet.cfs.filter((cf) => cf.type === "Custom" && cf.formula).map((cf) => ({ formula: cf.formula!, areas: cf.areas, anchor: { row: cf.areas[0].top, column: cf.areas[0].left } }));
}

/** Everything a user could see of a document, as plain data for deep comparison. */
export function visibleState(doc: DocState): unknown {
  return JSON.parse(
    JSON.stringify({
      sheets: doc.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        cells: Object.fromEntries(Object.entries(s.cells).sort(([a], [b]) => (a < b ? -1 : 1))),
        cfs: s.cfs,
        merges: s.merges,
      })),
      names: doc.names ?? [],
    }),
  );
}
