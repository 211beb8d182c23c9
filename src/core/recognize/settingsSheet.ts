/**
 * The 台账设置 sheet: known by its name, read as (项目, 值) pairs, then, below a row that says
 * 列名对照, as (field word, the unit's header) pairs. Every surface reads the sheet through
 * `SettingsSheetReader` (the recognizer, the command line reading it ahead of the ledgers, the
 * hosts' settings pane); settingsParse.ts's readSettingsEntries makes settings and header words
 * of its entries.
 */
import type { SettingsEntry } from "../ledger";
import type { SheetRow } from "../sheet";
import { isBlank } from "../sheet";
import { isColumnNamesSection } from "../settingsNames";
import { compact, displayValue } from "../text";

export function isSettingsSheet(name: string): boolean {
  const key = compact(name).toLowerCase();
  return key === "台账设置" || key === "设置" || key === "settings";
}

/** Takes the sheet's rows as they arrive and keeps its entries, in order. */
export class SettingsSheetReader {
  readonly entries: SettingsEntry[] = [];
  /** Whether the 列名对照 row has been met: every later row is a (field word, header) pair. */
  private inColumnNames = false;

  push(row: SheetRow): void {
    const entry = this.inColumnNames ? columnNameEntry(row) : settingsEntry(row);
    if (!entry) return;
    this.entries.push(entry);
    this.inColumnNames ||= isColumnNamesSection(entry[0]);
  }
}

/** The entries of a 台账设置 sheet's rows. */
export function settingsSheetEntries(rows: Iterable<SheetRow>): SettingsEntry[] {
  const reader = new SettingsSheetReader();
  for (const row of rows) reader.push(row);
  return reader.entries;
}

/**
 * A settings row's (key, value, row, column): the first non-blank cell and the one right of it,
 * with where that value sits (an invalid-setting finding points at it; the highlight's as-of may
 * refer to it). The 项目 | 值 header and rows without a value set nothing, except the row that
 * opens the 列名对照 section, which is kept so that readers know where the settings end.
 */
function settingsEntry(row: SheetRow): SettingsEntry | null {
  const at = row.values.findIndex((v) => !isBlank(v));
  if (at < 0) return null;
  const key = compact(displayValue(row.values[at]));
  const value = row.values[at + 1] ?? null;
  if (isBlank(value) && !isColumnNamesSection(key)) return null;
  if (key === "项目" && compact(displayValue(value)) === "值") return null;
  return [key, value, row.row, at + 2];
}

/** A 列名对照 row: like a setting's, but kept without a header too (an empty header is said, not dropped). */
function columnNameEntry(row: SheetRow): SettingsEntry | null {
  const at = row.values.findIndex((v) => !isBlank(v));
  if (at < 0) return null;
  return [compact(displayValue(row.values[at])), row.values[at + 1] ?? null, row.row, at + 2];
}
