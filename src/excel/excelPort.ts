/**
 * The WorkbookPort over Office.js: each call is one Excel.run, and every failure leaves as a
 * WorkbookError (Chinese, then English). The port remembers the sheet list of its last read so
 * that the next check or highlight asks for the sheets' sizes or marks in its first round trip,
 * and the size of that read, so that check-and-highlight knows whether the values fit one request.
 *
 * Round trips per call (context.sync), independent of rows and findings:
 *   check      2 (the port's first: 3) + one per further 5 MB value request
 *   highlight  2 (read, write), clear 2 (each 3 before the port's first check)
 *   check and highlight  2 (the port's first: 3): values, marks and protection in one read, then
 *              the write. A workbook above one value request: extents and marks first, then one
 *              per value request, then the write (the first time also the list, and the direct
 *              read Excel refused).
 *   write summary 2 (read: sheets, name, ledgers' extents; write)
 *   verify     2 (3 when the sheet exists: its used range)
 *   load settings 2 (3 when they changed and a ZS function has run: the recalculation), save settings 3, select 1, reveal 1
 *   following 台账设置: 2 to subscribe (3 once the sheet exists), then a load of the settings per pause in its edits
 *   hidden places 2 (the sheets' visibility, then the rows' and columns' flags; 1 when all are on hidden sheets)
 */
import { checkWorkbook } from "../core/check";
import type { SettingsOverrides } from "../core/settings";
import type { DateSystem } from "../core/sheet";
import { subscribeChanges, subscribeSettingsChanges, DEFAULT_DEBOUNCE_MS } from "./changes";
import { toWorkbookError, unsupported, type Action } from "./errors";
import type { NameState } from "../host/marks";
import { applyHighlight, clearHighlight, queueMarkState, queueNameState, writeHighlight } from "./highlight";
import { API, officeHost, type ExcelHost } from "./host";
import { findHidden, revealCell, selectCell } from "./navigate";
import type { WorkbookPort } from "../host/port";
import { DEFAULT_CELL_BUDGET, readWorkbook, type WorkbookRead } from "./readWorkbook";
import { loadSettingsSheet, saveSettingsSheet } from "./settingsSheet";
import { writeSummary } from "./summary";
import { appendVerification } from "./verificationSheet";

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
  const cellBudget = options.cellBudget ?? DEFAULT_CELL_BUDGET;
  let sheetNames: readonly string[] = [];
  /** Cells the last read found; undefined before the first. */
  let lastCells: number | undefined;

  const attempt = async <T>(action: Action, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      throw toWorkbookError(e, action);
    }
  };

  const loadSettings = () => attempt("loadSettings", () => host.run((context) => loadSettingsSheet(context, host, options.dateSystem)));

  const checkOf = (read: WorkbookRead<unknown>, overrides: SettingsOverrides | undefined) => {
    sheetNames = read.sheetNames;
    lastCells = read.cells;
    return checkWorkbook(read.input, { overrides, dateSystem: read.dateSystem, today: options.today?.() });
  };

  return {
    check: (overrides) =>
      attempt("check", async () => {
        const read = await host.run((context) => readWorkbook(context, host, { knownSheets: sheetNames, cellBudget, dateSystem: options.dateSystem }));
        return checkOf(read, overrides);
      }),

    checkAndHighlight: (overrides) =>
      attempt("highlight", async () => {
        if (!host.supports(API.conditionalFormats)) throw unsupported("highlight", API.conditionalFormats);
        return host.run(async (context) => {
          // Each sheet's marks and protection are read with its values, in this Excel.run: what the
          // write deletes was just seen to be ours, and a protected sheet stops it before it starts.
          // The as-of name comes along with every sheet's probe; the last one queued is the one read.
          let name: () => NameState = () => ({ exists: false, formula: null });
          const read = await readWorkbook(context, host, {
            knownSheets: sheetNames,
            cellBudget,
            dateSystem: options.dateSystem,
            direct: lastCells === undefined || lastCells <= cellBudget,
            alongside: (sheet, used) => {
              name = queueNameState(context, host);
              return queueMarkState(context, sheet, used);
            },
          });
          const result = checkOf(read, overrides);
          await writeHighlight(context, host, result, { sheets: read.alongside, name: name() });
          return result;
        });
      }),

    highlight: (result) =>
      attempt("highlight", async () => {
        if (!host.supports(API.conditionalFormats)) throw unsupported("highlight", API.conditionalFormats);
        sheetNames = await host.run((context) => applyHighlight(context, host, result, sheetNames));
      }),

    clear: () =>
      attempt("clear", async () => {
        if (!host.supports(API.conditionalFormats)) throw unsupported("clear", API.conditionalFormats);
        sheetNames = await host.run((context) => clearHighlight(context, host, sheetNames));
      }),

    select: (sheet, cell) => attempt("select", () => host.run((context) => selectCell(context, sheet, cell))),

    hiddenPlaces: (places) => attempt("select", () => host.run((context) => findHidden(context, places))),

    reveal: (sheet, cell) => attempt("select", () => host.run((context) => revealCell(context, sheet, cell))),

    loadSettings,

    saveSettings: (settings) =>
      attempt("saveSettings", () => host.run((context) => saveSettingsSheet(context, host, settings, options.dateSystem))),

    writeSummary: (result) =>
      attempt("summary", async () => {
        if (!host.supports(API.names)) throw unsupported("summary", API.names);
        return host.run((context) => writeSummary(context, result));
      }),
    verify: (verification) => attempt("verify", () => host.run((context) => appendVerification(context, host, verification, options.today?.()))),

    onChanged: (callback) => subscribeChanges(host, callback, options.debounceMs ?? DEFAULT_DEBOUNCE_MS),

    // A failed reload is no one's to see: the functions keep the settings they had, and the pane reports its own failures.
    watchSettings: () => subscribeSettingsChanges(host, () => void loadSettings().catch(() => undefined), options.debounceMs ?? DEFAULT_DEBOUNCE_MS),
  };
}
