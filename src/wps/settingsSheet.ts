/**
 * The 台账设置 sheet in WPS: read and written with the rows of src/host/settingsSheet.ts (the core's
 * reader and writer), values as text (NumberFormat "@"), the user's note rows kept below the
 * settings with their formulas, their formatting untouched. After a change the settings are
 * published to the functions (settingsChannel.ts) and WPS recalculates.
 */
import { isFormulaLike } from "../core/safeText";
import { SETTINGS_SHEET, type SettingsOverrides } from "../core/settings";
import { areaAddress, type DateSystem } from "../core/sheet";
import type { ColumnName } from "../core/recognize/columnNames";
import { keptRows, settingsOf, settingsRows, settingsSheetName } from "../host/settingsSheet";
import { sheetProtected } from "../host/actions";
import type { WpsApplication, WpsValue, WpsWorkbook, WpsWorksheet } from "./objectModel";
import { functionsRan, publishedText, publishSettings, restorePublished } from "../host/settingsChannel";
import { activeWorkbook, extentOf, gridOf, isProtected, worksheetsOf, type Extent } from "./sheets";

interface SettingsSheet {
  readonly ws: WpsWorksheet | null;
  readonly dateSystem: DateSystem;
  readonly overrides: SettingsOverrides;
  readonly columnNames: readonly ColumnName[];
  readonly block: (Extent & { values: ReturnType<typeof gridOf>; formulas: ReturnType<typeof gridOf> }) | null;
}

function readSettingsSheet(book: WpsWorkbook): SettingsSheet {
  const dateSystem: DateSystem = book.Date1904 ? 1904 : 1900;
  const sheets = worksheetsOf(book);
  const name = settingsSheetName(sheets.map((ws) => ws.Name));
  const ws = sheets.find((s) => s.Name === name) ?? null;
  if (!ws || !name) return { ws: null, dateSystem, overrides: {}, columnNames: [], block: null };
  const used = ws.UsedRange;
  const extent = extentOf(used);
  const values = gridOf(used.Value2);
  const block = { ...extent, values, formulas: gridOf(used.Formula) };
  return { ws, dateSystem, ...settingsOf(name, values, extent.top, extent.left, dateSystem), block };
}

/**
 * The workbook's 台账设置 as overrides ({} without the sheet); the functions get them, and WPS
 * recalculates when they changed and a ZS function has run (none has at a start: nothing to refresh).
 */
export function loadSettingsSheet(app: WpsApplication): SettingsOverrides {
  const { dateSystem, overrides, columnNames } = readSettingsSheet(activeWorkbook(app, "loadSettings"));
  const before = publishedText(app.PluginStorage);
  if (publishSettings(app.PluginStorage, overrides, dateSystem, columnNames) && functionsRan(app.PluginStorage)) {
    try {
      app.Calculate();
    } catch (e) {
      restorePublished(app.PluginStorage, before);
      throw e;
    }
  }
  return overrides;
}

/**
 * Writes `settings` as the sheet's 项目 | 值 rows from A1 (creating 台账设置 when absent), as text,
 * so a value starting with = + - @ is never taken for a formula; rows the core does not read as
 * settings (notes) are kept below them. Refused before writing when the sheet is protected.
 */
export function saveSettingsSheet(app: WpsApplication, settings: SettingsOverrides): void {
  const book = activeWorkbook(app, "saveSettings");
  const { ws: found, dateSystem, overrides: current, columnNames, block } = readSettingsSheet(book);
  if (found && isProtected(found)) {
    // Nothing is written; the functions go on with what the sheet still says.
    if (publishSettings(app.PluginStorage, current, dateSystem, columnNames) && functionsRan(app.PluginStorage)) app.Calculate();
    throw sheetProtected("saveSettings", found.Name);
  }
  const rows = settingsRows(settings);
  const kept = block ? keptRows(block.values, block.formulas) : [];
  const before = publishedText(app.PluginStorage);

  let ws = found;
  if (!ws) {
    const sheets = book.Worksheets;
    ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = SETTINGS_SHEET;
  }
  if (block) ws.Range(areaAddress({ top: block.top, left: block.left, bottom: block.top + block.rows - 1, right: block.left + block.columns - 1 })).ClearContents();
  const target = ws.Range(areaAddress({ top: 1, left: 1, bottom: rows.length, right: 2 }));
  target.NumberFormat = "@";
  target.Value2 = rows;
  if (block && kept.length > 0) {
    const top = rows.length + 1;
    const width = block.columns;
    ws.Range(areaAddress({ top, left: block.left, bottom: top + kept.length - 1, right: block.left + width - 1 })).Formula = kept.map((k) => k.formulas) as WpsValue[][];
    // A note typed as text that starts with = would turn into a formula where the move lands it
    // in a General cell: such constants (their formula is their own text) go back as text.
    kept.forEach((k, i) =>
      k.values.forEach((v, j) => {
        if (typeof v !== "string" || v !== k.formulas[j] || !isFormulaLike(v)) return;
        const cell = ws!.Range(areaAddress({ top: top + i, left: block.left + j, bottom: top + i, right: block.left + j }));
        cell.NumberFormat = "@";
        cell.Value2 = v;
      }),
    );
  }
  // The 列名对照 rows are kept below the settings, so the functions keep them too.
  if (!publishSettings(app.PluginStorage, settings, dateSystem, columnNames) || !functionsRan(app.PluginStorage)) return;
  try {
    app.Calculate();
  } catch (e) {
    restorePublished(app.PluginStorage, before);
    throw e;
  }
}
