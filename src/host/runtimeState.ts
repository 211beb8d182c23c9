/**
 * What the task pane knows of the open workbook that the ZS functions cannot see from their
 * arguments: its 台账设置 sheet (its settings and its 列名对照) and its date system. The pane and the functions share one
 * JavaScript runtime, so the host adapter that loads the settings sets this once it has read the
 * workbook, and again whenever the settings change (and then asks for a recalculation, when a ZS
 * function has run). It lives in src/host because both sides need it and neither adapter may
 * import the other.
 */
import type { ColumnName } from "../core/recognize/columnNames";
import type { SettingsOverrides } from "../core/settings";
import type { DateSystem } from "../core/sheet";

export interface WorkbookSettings {
  /** The workbook's 台账设置 sheet as the pane loaded it; empty until then. */
  readonly overrides: Readonly<SettingsOverrides>;
  /** 1900 unless the pane found the workbook uses the 1904 date system. */
  readonly dateSystem: DateSystem;
  /** The 台账设置 sheet's 列名对照: the unit's own header words, which a range argument cannot show. */
  readonly columnNames: readonly ColumnName[];
  /** Bumped on every change, so cached results keyed on it are never stale. */
  readonly version: number;
}

/**
 * Kept on the global object rather than in a module variable: the pane's and the functions'
 * bundles must agree on it even if a build ever gives each entry its own copy of this module.
 */
const KEY = Symbol.for("zsledger.workbookSettings");
type Holder = { [KEY]?: WorkbookSettings };

const INITIAL: WorkbookSettings = { overrides: {}, dateSystem: 1900, columnNames: [], version: 0 };

/**
 * Hands the functions the workbook's settings; returns whether they differ from what the runtime
 * had (the caller then asks Excel to recalculate, which a mere reload must not cost).
 */
export function setWorkbookSettings(overrides: SettingsOverrides, dateSystem: DateSystem, columnNames: readonly ColumnName[] = []): boolean {
  const holder = globalThis as Holder;
  const current = getWorkbookSettings();
  const system: DateSystem = dateSystem === 1904 ? 1904 : 1900;
  if (system === current.dateSystem && sameOverrides(overrides, current.overrides) && sameColumnNames(columnNames, current.columnNames)) return false;
  const names = Object.freeze(columnNames.map(({ field, header }) => Object.freeze({ field, header })));
  holder[KEY] = { overrides: Object.freeze({ ...overrides }), dateSystem: system, columnNames: names, version: current.version + 1 };
  return true;
}

function sameColumnNames(a: readonly ColumnName[], b: readonly ColumnName[]): boolean {
  return a.length === b.length && a.every((n, i) => n.field === b[i].field && n.header === b[i].header);
}

/** Equal setting by setting; a key set to undefined is a key not set. Settings are numbers and strings. */
function sameOverrides(a: Readonly<SettingsOverrides>, b: Readonly<SettingsOverrides>): boolean {
  const set = (o: Readonly<SettingsOverrides>) => Object.entries(o).filter(([, v]) => v !== undefined);
  const left = set(a);
  return left.length === set(b).length && left.every(([k, v]) => (b as Record<string, unknown>)[k] === v);
}

export function getWorkbookSettings(): WorkbookSettings {
  return (globalThis as Holder)[KEY] ?? INITIAL;
}

/** Back to nothing loaded (tests; a workbook closed in a runtime that stays alive): no settings, no ZS function run. */
export function resetWorkbookSettings(): void {
  const holder = globalThis as Holder;
  holder[KEY] = { ...INITIAL, version: (holder[KEY]?.version ?? 0) + 1 };
  (globalThis as RanHolder)[RAN] = false;
}

/**
 * Whether a ZS function that reads the settings has run in this runtime. Excel recalculates a
 * custom function when its arguments change, not when a workbook opens (only volatile ones are),
 * so a runtime in which none has run has no ZS result to refresh: a settings change there costs
 * no recalculation, and the first ZS call reads the settings as they are.
 */
const RAN = Symbol.for("zsledger.functionsRan");
type RanHolder = { [RAN]?: boolean };

export function noteFunctionRan(): void {
  (globalThis as RanHolder)[RAN] = true;
}

export function functionsHaveRun(): boolean {
  return (globalThis as RanHolder)[RAN] === true;
}
