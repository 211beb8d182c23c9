/**
 * The 台账设置 sheet as every host reads and rewrites it, through the core's own reader and writer
 * (recognizeSheet / readSettingsEntries / settingsToEntries), so the pane in Excel and in WPS, the
 * command line and the ZS functions agree on every key word and value form. Pure: each host's
 * adapter reads the cells and writes the rows these functions give.
 */
import type { ColumnName } from "../core/recognize/columnNames";
import { isSettingsSheet } from "../core/recognize/settingsSheet";
import { recognizeSheet } from "../core/recognize/sheet";
import { settingsToEntries, SETTINGS_SHEET, type SettingsOverrides } from "../core/settings";
import { isColumnNamesSection, settingKeyOf } from "../core/settingsNames";
import { readSettingsEntries } from "../core/settingsParse";
import { gridRows, isBlank, type CellValue, type DateSystem } from "../core/sheet";
import { displayValue } from "../core/text";

/** The header row the pane writes above the settings. */
const SETTINGS_HEADER: readonly [string, string] = ["项目", "值"];

/** The sheet the core reads settings from: 台账设置 itself if present, else another name the core accepts. */
export function settingsSheetName(names: readonly string[]): string | null {
  if (names.includes(SETTINGS_SHEET)) return SETTINGS_SHEET;
  return names.find(isSettingsSheet) ?? null;
}

/** The settings and the 列名对照 a sheet's values hold (none when the core does not read it as settings); `top`, `left` 1-based. */
export function settingsOf(
  name: string,
  grid: CellValue[][],
  top: number,
  left: number,
  dateSystem: DateSystem,
): { overrides: SettingsOverrides; columnNames: ColumnName[] } {
  const sheet = recognizeSheet({ name, rows: gridRows(grid, top, left) });
  if (sheet.type !== "settings") return { overrides: {}, columnNames: [] };
  const read = readSettingsEntries(sheet.entries, dateSystem);
  return { overrides: read.overrides, columnNames: read.columnNames.map(({ field, header }) => ({ field, header })) };
}

/** The rows to write from A1: the header, then one 项目 | 值 row per setting, values as text. */
export function settingsRows(settings: SettingsOverrides): string[][] {
  return [[...SETTINGS_HEADER], ...settingsToEntries(settings).map(([key, value]) => [key, String(value)])];
}

/** A row of the old sheet: its values, and its formulas (a constant's formula is its own text). */
export interface SheetRow {
  readonly values: CellValue[];
  readonly formulas: CellValue[];
}

/**
 * Rows of the old sheet that are neither our header nor a setting (as the core reads keys): notes
 * the user wrote, and the whole 列名对照 section (its field words are no settings, even 单位).
 */
export function keptRows(values: readonly CellValue[][], formulas: readonly CellValue[][]): SheetRow[] {
  const kept: SheetRow[] = [];
  let inColumnNames = false;
  values.forEach((row, i) => {
    const texts = row.filter((v) => !isBlank(v)).map((v) => displayValue(v).trim());
    if (texts.length === 0) return;
    inColumnNames ||= isColumnNamesSection(texts[0]);
    if (!inColumnNames) {
      if (texts.length === 2 && texts[0] === SETTINGS_HEADER[0] && texts[1] === SETTINGS_HEADER[1]) return;
      if (settingKeyOf(texts[0]) !== null) return;
    }
    kept.push({ values: row, formulas: formulas[i] });
  });
  return kept;
}
