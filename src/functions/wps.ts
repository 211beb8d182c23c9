/**
 * The six ZS functions for WPS表格 (12.1.0.20540 and later), synchronous as WPS requires: each
 * takes the workbook's settings the pane published (settingsChannel.ts), reads its arguments as
 * WPS passes them and calls the same computation as Excel's functions (src/functions/formulas.ts),
 * so both give the same answers. No lazy import on this path: a WPS function must answer at once.
 *
 * How WPS passes a range argument is not documented: a 2-D array of values (as Excel does) or a
 * Range object. Both are accepted: a Range is read through Value2. A blank cell may come as
 * undefined or null (VBA's Empty): it is read as "", as Excel passes blanks.
 * A function that cannot answer throws its Error (#VALUE! or #N/A in its name, the reason in its
 * message); what WPS shows in the cell for it is not documented either (docs/wps.md).
 */
import type { CellValue } from "../core/sheet";
import { adoptPublishedSettings, noteFunctionsRan, type SharedStore } from "../host/settingsChannel";
import * as formulas from "./formulas";

/** A value WPS hands over: what a cell holds (blank as undefined or null, VBA's Empty), or a range's rows. */
type WpsValue = CellValue;

/** The namespace users type before each function: =ZS.TARGETMET(…). */
export const NAMESPACE = "ZS";

/** Rows of columns, blanks as "" (as Excel passes them); a single value is a 1 × 1 grid. */
function gridOf(value: unknown): CellValue[][] {
  const rows = Array.isArray(value) ? value : [[value]];
  return rows.map((row) => (Array.isArray(row) ? row : [row]).map((v: WpsValue) => (v === undefined || v === null ? "" : v)));
}

function isRange(v: unknown): v is { readonly Value2: unknown } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "Value2" in v;
}

/** A table argument as rows of columns, blanks as "". Anything else goes on as it is (the computation says what is wrong). */
export function tableArgument(v: unknown): unknown {
  if (isRange(v)) return gridOf(v.Value2);
  if (Array.isArray(v) && v.every(Array.isArray)) return gridOf(v);
  return v;
}

/** A single-value argument: a Range or a 2-D array gives its top-left value; a blank is omitted (null). */
export function valueArgument(v: unknown): unknown {
  let value = v;
  if (isRange(value)) value = value.Value2;
  while (Array.isArray(value)) value = value[0];
  return value === undefined ? null : value;
}

type Globals = { Application?: { readonly PluginStorage?: SharedStore }; wps?: { AddCustomFunction?: (ns: string, name: string, fn: (...args: never[]) => unknown) => void } };
const globals = () => globalThis as unknown as Globals;

/**
 * Before each call: the workbook's settings as the pane last published them; and a note for the
 * pages that publish settings that a ZS function has run here (a change then recalculates).
 */
function withSettings<T>(compute: () => T): T {
  const storage = globals().Application?.PluginStorage;
  adoptPublishedSettings(storage);
  noteFunctionsRan(storage);
  return compute();
}

const v = valueArgument;

export function TARGETMET(target: unknown, table: unknown, unitKind?: unknown, asOf?: unknown, unit?: unknown, fairStartDeadline?: unknown): boolean {
  return withSettings(() =>
    formulas.targetMet(v(target), { table: tableArgument(table), unitKind: v(unitKind), asOf: v(asOf), unit: v(unit), fairStartDeadline: v(fairStartDeadline) }),
  );
}

export function TARGETGAP(target: unknown, table: unknown, unitKind?: unknown, asOf?: unknown, unit?: unknown, fairStartDeadline?: unknown): number {
  return withSettings(() =>
    formulas.targetGap(v(target), { table: tableArgument(table), unitKind: v(unitKind), asOf: v(asOf), unit: v(unit), fairStartDeadline: v(fairStartDeadline) }),
  );
}

export function PENALTY(table: unknown, unitKind?: unknown, asOf?: unknown, unit?: unknown, projectPoints?: unknown, tripPoints?: unknown): number {
  return withSettings(() =>
    formulas.penalty({ table: tableArgument(table), unitKind: v(unitKind), asOf: v(asOf), unit: v(unit), projectPoints: v(projectPoints), tripPoints: v(tripPoints) }),
  );
}

export function SCORE(table: unknown, asOf?: unknown, unit?: unknown, projectPoints?: unknown, fairBonus?: unknown): number {
  return withSettings(() => formulas.score({ table: tableArgument(table), asOf: v(asOf), unit: v(unit), projectPoints: v(projectPoints), fairBonus: v(fairBonus) }));
}

export function STARTSTATUS(stage: unknown, plannedStart: unknown, actualStart: unknown, asOf?: unknown, soonDays?: unknown): string {
  return withSettings(() => formulas.startStatus(v(stage), v(plannedStart), v(actualStart), v(asOf), v(soonDays)));
}

/** Reads no setting: neither takes the published settings nor counts as a ZS call a settings change must refresh. */
export function AMOUNT(value: unknown, unit?: unknown): number {
  return formulas.amount(v(value), v(unit));
}

/** The six, by the names users type after ZS. (and functions.json lists). */
export const WPS_FUNCTIONS = { TARGETMET, TARGETGAP, PENALTY, SCORE, STARTSTATUS, AMOUNT } as const;

/**
 * Registers the functions with WPS (`wps.AddCustomFunction(namespace, name, fn)`, as wpsjs's own
 * build does beside functions.json). Returns how many were registered: 0 before WPS 12.1.0.20540.
 */
export function registerFunctions(): number {
  const add = globals().wps?.AddCustomFunction;
  if (typeof add !== "function") return 0;
  for (const [name, fn] of Object.entries(WPS_FUNCTIONS)) add(NAMESPACE, name, fn);
  return Object.keys(WPS_FUNCTIONS).length;
}

// Loaded on the WPS add-in's main page beside its ribbon callbacks (webpack.wps.js): the functions
// are there as soon as WPS has started the add-in.
registerFunctions();
