/**
 * The one entry point: a workbook in, { ledgers, findings, assessment } out.
 * Rows are pushed as they arrive, so a streamed file is never held whole.
 */
import type { DateSystem, SheetMeta, SheetRow, WorkbookInput } from "./sheet";
import type { SettingsOverrides } from "./settings";
import type { CheckResult } from "./result";

export interface CheckOptions {
  /** File name or workbook title: a hint for the unit's kind and name. */
  readonly name?: string;
  readonly dateSystem?: DateSystem;
  /** Wins over the workbook's 台账设置 sheet, which wins over the defaults. */
  readonly overrides?: SettingsOverrides;
  /** Today, for an as-of date nobody set (tests pin it). */
  readonly today?: Date;
}

export interface SheetSink {
  push(row: SheetRow): void;
  end(): void;
}

/** Push interface, for streamed sources: beginSheet, push every row, end; then finish. */
export class WorkbookCheck {
  constructor(_options: CheckOptions = {}) {
    throw new Error("WorkbookCheck: under construction");
  }
  beginSheet(_meta: SheetMeta): SheetSink {
    throw new Error("under construction");
  }
  finish(): CheckResult {
    throw new Error("under construction");
  }
}

/** For sources that hold the whole workbook (Office.js, tests). */
export function checkWorkbook(input: WorkbookInput, options: CheckOptions = {}): CheckResult {
  const check = new WorkbookCheck({ name: input.name, dateSystem: input.dateSystem, ...options });
  for (const sheet of input.sheets) {
    const sink = check.beginSheet(sheet);
    for (const row of sheet.rows) sink.push(row);
    sink.end();
  }
  return check.finish();
}
