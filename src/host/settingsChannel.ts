/**
 * How the ZS functions learn the workbook's 台账设置 in WPS. In Excel the pane and the functions
 * share one page; in WPS the functions run in the add-in's main page (index.html, where the ribbon's
 * callbacks live) and the pane is another page. WPS gives an add-in's pages one PluginStorage to
 * share: the pane (and the main page, when a workbook opens) put the settings there as JSON, and
 * each function call takes them from there into the functions' runtime state before it computes.
 */
import type { ColumnName } from "../core/recognize/columnNames";
import type { SettingsOverrides } from "../core/settings";
import type { DateSystem } from "../core/sheet";
import { getWorkbookSettings, setWorkbookSettings } from "./runtimeState";

/**
 * The little of a key-value store shared by an add-in's pages that this needs (WPS's
 * Application.PluginStorage has it).
 */
export interface SharedStore {
  setItem(key: string, value: string | number | boolean): void;
  getItem(key: string): string | null | undefined;
}

const SETTINGS_KEY = "zsledger.workbookSettings";

interface Published {
  readonly overrides: SettingsOverrides;
  readonly dateSystem: DateSystem;
  /** Absent when the sheet has no 列名对照. */
  readonly columnNames?: readonly ColumnName[];
}

/** The same settings give the same text, whatever order their keys were set in. */
function serialise(overrides: SettingsOverrides, dateSystem: DateSystem, columnNames: readonly ColumnName[]): string {
  const set = Object.entries(overrides).filter(([, v]) => v !== undefined);
  // No settings in a 1900 workbook is what the functions assume before anything is published.
  if (set.length === 0 && dateSystem !== 1904 && columnNames.length === 0) return "";
  const sorted = Object.fromEntries(set.sort(([a], [b]) => (a < b ? -1 : 1)));
  const names = columnNames.map(({ field, header }) => ({ field, header }));
  return JSON.stringify({ overrides: sorted, dateSystem, ...(names.length > 0 ? { columnNames: names } : {}) } satisfies Published);
}

/** What the pane last published ("" when nothing). */
export function publishedText(storage: SharedStore): string {
  return storage.getItem(SETTINGS_KEY) ?? "";
}

/** Publishes the settings; returns whether they differ from what was there (the caller then recalculates). */
export function publishSettings(storage: SharedStore, overrides: SettingsOverrides, dateSystem: DateSystem, columnNames: readonly ColumnName[] = []): boolean {
  const text = serialise(overrides, dateSystem, columnNames);
  if (text === publishedText(storage)) return false;
  storage.setItem(SETTINGS_KEY, text);
  return true;
}

/** Puts back what `publishedText` gave before a failed write. */
export function restorePublished(storage: SharedStore, text: string): void {
  storage.setItem(SETTINGS_KEY, text);
}

/**
 * Whether a ZS function has run in the functions' runtime (the add-in's main page), for the pages
 * that publish settings: a recalculation is worth asking for only then (see runtimeState's
 * functionsHaveRun). The main page clears it when it starts, since a new main page is a new runtime.
 */
const RAN_KEY = "zsledger.functionsRan";

/** One read per call; a write only the first time. */
export function noteFunctionsRan(storage: SharedStore | undefined): void {
  if (storage && !functionsRan(storage)) storage.setItem(RAN_KEY, "1");
}

export function functionsRan(storage: SharedStore): boolean {
  return storage.getItem(RAN_KEY) === "1";
}

/** A new functions' runtime: no ZS function has run in it yet. */
export function clearFunctionsRan(storage: SharedStore): void {
  storage.setItem(RAN_KEY, "");
}

/** The text last taken in, and the runtime state's version it gave (a reset of the runtime makes it stale). */
let adopted: { text: string; version: number } | null = null;

/**
 * The functions' side: takes the published settings into the runtime state when they changed since
 * the last call (one getItem per call; the text is parsed only when it changed). Unreadable text
 * leaves the runtime as it was.
 */
export function adoptPublishedSettings(storage: SharedStore | undefined): void {
  const text = storage ? publishedText(storage) : "";
  if (adopted && adopted.text === text && adopted.version === getWorkbookSettings().version) return;
  try {
    const published: Published = text === "" ? { overrides: {}, dateSystem: 1900 } : (JSON.parse(text) as Published);
    setWorkbookSettings(published.overrides ?? {}, published.dateSystem === 1904 ? 1904 : 1900, columnNamesOf(published.columnNames));
  } catch {
    // not ours to report from inside a formula: the functions keep the settings they had
  }
  adopted = { text, version: getWorkbookSettings().version };
}

/** The published 列名对照, kept only where it has the shape the pane writes. */
function columnNamesOf(raw: unknown): ColumnName[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((n): n is ColumnName => typeof n === "object" && n !== null && typeof n.field === "string" && typeof n.header === "string");
}
