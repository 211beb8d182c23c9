/**
 * The WorkbookPort over Office.js: each call is one Excel.run, and every failure leaves as a
 * WorkbookError (Chinese, then English). The port remembers the sheet list of its last read so
 * that the next check or highlight asks for the sheets' sizes or marks in its first round trip.
 *
 * Round trips per call (context.sync), independent of rows and findings:
 *   check      2 (the port's first: 3) + one per further 5 MB value request
 *   highlight  2 (read, write), clear 2 (each 3 before the port's first check)
 *   load settings 2, save settings 3, select 1
 */
import { checkWorkbook } from "../core/check";
import type { DateSystem } from "../core/sheet";
import { subscribeChanges, DEFAULT_DEBOUNCE_MS } from "./changes";
import { toWorkbookError, unsupported, type Action } from "./errors";
import { applyHighlight, clearHighlight } from "./highlight";
import { API, officeHost, type ExcelHost } from "./host";
import { selectCell } from "./navigate";
import type { WorkbookPort } from "./port";
import { DEFAULT_CELL_BUDGET, readWorkbook } from "./readWorkbook";
import { loadSettingsSheet, saveSettingsSheet } from "./settingsSheet";

export interface ExcelPortOptions {
  /** Office.js itself unless a test passes a fake. */
  readonly host?: ExcelHost;
  /** Forces the date system instead of probing it (see queueDateSystemProbe). */
  readonly dateSystem?: DateSystem;
  /** Cells per value request (see readWorkbook). */
  readonly cellBudget?: number;
  readonly debounceMs?: number;
  /** Today for an as-of date nobody set; tests pin it. */
  readonly today?: () => Date;
}

export function createExcelPort(options: ExcelPortOptions = {}): WorkbookPort {
  const host = options.host ?? officeHost();
  let sheetNames: readonly string[] = [];

  const attempt = async <T>(action: Action, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      throw toWorkbookError(e, action);
    }
  };

  return {
    check: (overrides) =>
      attempt("check", async () => {
        const read = await host.run((context) =>
          readWorkbook(context, host, {
            knownSheets: sheetNames,
            cellBudget: options.cellBudget ?? DEFAULT_CELL_BUDGET,
            dateSystem: options.dateSystem,
          }),
        );
        sheetNames = read.sheetNames;
        return checkWorkbook(read.input, { overrides, dateSystem: read.dateSystem, today: options.today?.() });
      }),

    highlight: (result) =>
      attempt("highlight", async () => {
        if (!host.supports(API.conditionalFormats)) throw unsupported("highlight", API.conditionalFormats);
        sheetNames = await host.run((context) => applyHighlight(context, host, result, sheetNames));
      }),

    clear: () =>
      attempt("clear", async () => {
        if (!host.supports(API.conditionalFormats)) throw unsupported("clear", API.conditionalFormats);
        sheetNames = await host.run((context) => clearHighlight(context, sheetNames));
      }),

    select: (sheet, cell) => attempt("select", () => host.run((context) => selectCell(context, sheet, cell))),

    loadSettings: () => attempt("loadSettings", () => host.run((context) => loadSettingsSheet(context, host, options.dateSystem))),

    saveSettings: (settings) =>
      attempt("saveSettings", () => host.run((context) => saveSettingsSheet(context, host, settings, options.dateSystem))),

    onChanged: (callback) => subscribeChanges(host, callback, options.debounceMs ?? DEFAULT_DEBOUNCE_MS),
  };
}
