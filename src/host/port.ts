/**
 * What the task pane needs from a workbook, as one small interface: the pane's components
 * talk to this, so they can be tested with a fake and never touch a host's API themselves. Each
 * host implements it: Excel over Office.js (src/excel), WPS over its object model (src/wps).
 * This folder may import only src/core.
 */
import type { Finding } from "../core/findings";
import type { CheckResult } from "../core/result";
import type { SettingsOverrides } from "../core/settings";
import type { SummaryWrite } from "./summary";

export interface WorkbookPort {
  /** Reads every sheet in one batched read and runs the core check. */
  check(overrides?: SettingsOverrides): Promise<CheckResult>;
  /**
   * Marks start-date statuses and error cells of the result (the core's mark plan), writing only the
   * marks that differ from those already in the workbook: nothing at all when none differ.
   */
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
  /**
   * Which of these cells the user cannot see: on a hidden sheet, or in a hidden row or column
   * (keyed by placeKey). Places beyond the first HIDDEN_LOOKUP_LIMIT are not asked.
   */
  hiddenPlaces(places: readonly Place[]): Promise<ReadonlyMap<string, Hidden>>;
  /** Shows a cell the user cannot see (unhides its sheet, row and column), then selects it. */
  reveal(sheet: string, cell: string): Promise<void>;
  /** The workbook's 台账设置 sheet, as overrides (empty when the sheet is absent). */
  loadSettings(): Promise<SettingsOverrides>;
  /** Writes the 台账设置 sheet (creating it when absent), then asks the spreadsheet to recalculate the ZS functions. */
  saveSettings(settings: SettingsOverrides): Promise<void>;
  /**
   * Records that the unit has checked a finding and accepts it (已核实): appends a row to the
   * 台账核实 sheet (created, visible, when absent; host/verificationSheet lays it out), touching no
   * other sheet. The next check reports the finding apart, for as long as its row's cells hold.
   */
  verify(verification: VerificationInput): Promise<void>;
  /** Calls back (debounced) when cells change; returns an unsubscribe function. */
  onChanged(callback: () => void): () => void;
  /**
   * Follows the 台账设置 sheet for the ZS functions: once edits of it pause, loads the settings
   * again (loadSettings: the functions get them, and a recalculation follows when they changed and
   * a ZS function has run). Started once per runtime; returns an unsubscribe function.
   */
  watchSettings(): () => void;
  /**
   * Writes the 汇总 sheet of live ZS formulas for this result (core/summary.ts), or rewrites it in
   * place when the workbook holds ours (known by the defined name SUMMARY_NAME); a sheet of the
   * user's that bears the name is never touched, ours then gets the next free name (汇总(2), …).
   */
  writeSummary(result: CheckResult): Promise<SummaryWrite>;
}

/** A verification the pane asks a host to record. */
export interface VerificationInput {
  /** A finding with a row key (core/verify/rowKey). */
  readonly finding: Finding;
  /** Required: a verification says why. */
  readonly reason: string;
  /** 核实人; may be empty. */
  readonly by: string;
}

/** A cell of the workbook: a finding's sheet and A1 address. */
export interface Place {
  readonly sheet: string;
  readonly cell: string;
}

/** Why a place cannot be seen: the first of its sheet, its row, its column that is hidden. */
export type Hidden = "sheet" | "row" | "column";

/** How hiddenPlaces keys a place. */
export function placeKey(p: Place): string {
  return `${p.sheet}!${p.cell}`;
}

/** Distinct places hiddenPlaces asks about at most (the pane lists 50 findings per group at first). */
export const HIDDEN_LOOKUP_LIMIT = 2_000;

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
