/** The 台账设置 sheet: known by its name, read as (项目, 值) pairs. */
import type { SettingsEntry } from "../ledger";
import type { SheetRow } from "../sheet";
import { isBlank } from "../sheet";
import { isColumnNamesSection } from "../settingsNames";
import { compact, displayValue } from "../text";

export function isSettingsSheet(name: string): boolean {
  const key = compact(name).toLowerCase();
  return key === "台账设置" || key === "设置" || key === "settings";
}

/**
 * A row's (key, value, row, column): the first non-blank cell and the one right of it, with where
 * that value sits (an invalid-setting finding points at it; the highlight's as-of may refer to it).
 * The 项目 | 值 header and rows without a value set nothing, except the row that opens the 列名对照
 * section, which is kept so that readers know where the settings end.
 */
export function settingsEntry(row: SheetRow): SettingsEntry | null {
  const at = row.values.findIndex((v) => !isBlank(v));
  if (at < 0) return null;
  const key = compact(displayValue(row.values[at]));
  const value = row.values[at + 1] ?? null;
  if (isBlank(value) && !isColumnNamesSection(key)) return null;
  if (key === "项目" && compact(displayValue(value)) === "值") return null;
  return [key, value, row.row, at + 2];
}
