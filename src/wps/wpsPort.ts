/**
 * The WorkbookPort over WPS表格's object model. Each call runs synchronously inside WPS (the
 * promise is for the pane, which awaits every host alike), and every failure leaves as a
 * WorkbookError, Chinese first.
 */
import { checkWorkbook } from "../core/check";
import type { CheckResult } from "../core/result";
import type { SettingsOverrides } from "../core/settings";
import type { Action } from "../host/actions";
import type { WorkbookPort } from "../host/port";
import { DEFAULT_DEBOUNCE_MS, subscribeChanges, subscribeSettingsChanges } from "./changes";
import { toWorkbookError } from "./errors";
import { clearMarks, writeMarks } from "./highlight";
import { wpsApplication, type WpsApplication } from "./objectModel";
import { readWorkbook, type WpsRead } from "./readWorkbook";
import { loadSettingsSheet, saveSettingsSheet } from "./settingsSheet";
import { appendVerification } from "./verificationSheet";
import { findHidden, revealCell, selectCell } from "./navigate";
import { activeWorkbook } from "./sheets";
import { writeSummary } from "./summary";

export interface WpsPortOptions {
  /** window.Application unless a test passes a fake. */
  readonly app?: () => WpsApplication;
  readonly debounceMs?: number;
  /** Today for an as-of date nobody set; tests pin it. */
  readonly today?: () => Date;
}

export function createWpsPort(options: WpsPortOptions = {}): WorkbookPort {
  const app = options.app ?? wpsApplication;

  const attempt = async <T>(action: Action, work: (app: WpsApplication) => T): Promise<T> => {
    try {
      return work(app());
    } catch (e) {
      throw toWorkbookError(e, action);
    }
  };

  const checkOf = (read: WpsRead, overrides: SettingsOverrides | undefined): CheckResult =>
    checkWorkbook(read.input, { overrides, dateSystem: read.dateSystem, today: options.today?.() });

  const highlight = (a: WpsApplication, result: CheckResult, read: WpsRead | null): void => {
    const book = activeWorkbook(a, "highlight");
    const spans = read?.spans ?? readWorkbook(a).spans;
    writeMarks(a, book, result.marks, spans);
  };

  return {
    check: (overrides) => attempt("check", (a) => checkOf(readWorkbook(a), overrides)),

    checkAndHighlight: (overrides) =>
      attempt("highlight", (a) => {
        const read = readWorkbook(a);
        const result = checkOf(read, overrides);
        highlight(a, result, read);
        return result;
      }),

    highlight: (result) => attempt("highlight", (a) => highlight(a, result, null)),

    clear: () => attempt("clear", (a) => clearMarks(activeWorkbook(a, "clear"))),

    select: (sheet, cell) => attempt("select", (a) => selectCell(activeWorkbook(a, "select"), sheet, cell)),

    hiddenPlaces: (places) => attempt("select", (a) => findHidden(activeWorkbook(a, "select"), places)),

    reveal: (sheet, cell) => attempt("select", (a) => revealCell(activeWorkbook(a, "select"), sheet, cell)),

    loadSettings: () => attempt("loadSettings", (a) => loadSettingsSheet(a)),

    writeSummary: (result) => attempt("summary", (a) => writeSummary(a, result)),

    saveSettings: (settings) => attempt("saveSettings", (a) => saveSettingsSheet(a, settings)),

    verify: (verification) => attempt("verify", (a) => appendVerification(a, verification, options.today?.())),

    onChanged: (callback) => {
      try {
        return subscribeChanges(app(), callback, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
      } catch {
        return () => undefined; // outside WPS: no events, the pane checks on demand
      }
    },

    watchSettings: () => {
      // A failed reload is no one's to see: the functions keep the settings last published.
      const reload = () => void attempt("loadSettings", (a) => loadSettingsSheet(a)).catch(() => undefined);
      try {
        return subscribeSettingsChanges(app(), reload, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
      } catch {
        return () => undefined; // outside WPS: nothing to follow
      }
    },
  };
}
