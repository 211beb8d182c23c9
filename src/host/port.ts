/**
 * What the task pane needs from a workbook, as one small interface: the pane's components
 * talk to this, so they can be tested with a fake and never touch a host's API themselves. Each
 * host implements it: Excel over Office.js (src/excel), WPS over its object model (src/wps).
 * This folder may import only src/core.
 */
import type { CheckResult } from "../core/result";
import type { SettingsOverrides } from "../core/settings";

export interface WorkbookPort {
  /** Reads every sheet in one batched read and runs the core check. */
  check(overrides?: SettingsOverrides): Promise<CheckResult>;
  /** Marks start-date statuses and error cells of the result; replaces an earlier highlight. */
  highlight(result: CheckResult): Promise<void>;
  /**
   * `check`, then `highlight` of its result, in one batch (one Excel.run) and fewer round trips: what the
   * Highlight button and the re-check after edits do. Returns the check's result.
   */
  checkAndHighlight(overrides?: SettingsOverrides): Promise<CheckResult>;
  /** Removes exactly what `highlight` added, also after the workbook was saved and reopened. */
  clear(): Promise<void>;
  /** Selects a cell, e.g. the cell of a finding. */
  select(sheet: string, cell: string): Promise<void>;
  /** The workbook's 台账设置 sheet, as overrides (empty when the sheet is absent). */
  loadSettings(): Promise<SettingsOverrides>;
  /** Writes the 台账设置 sheet (creating it when absent), then asks the spreadsheet to recalculate the ZS functions. */
  saveSettings(settings: SettingsOverrides): Promise<void>;
  /** Calls back (debounced) when cells change; returns an unsubscribe function. */
  onChanged(callback: () => void): () => void;
  /**
   * Follows the 台账设置 sheet for the ZS functions: once edits of it pause, loads the settings
   * again (loadSettings: the functions get them, and a recalculation follows when they changed and
   * a ZS function has run). Started once per runtime; returns an unsubscribe function.
   */
  watchSettings(): () => void;
}

/** A failure the pane shows as it is: the message is already in the user's language. */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}
