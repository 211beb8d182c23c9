/**
 * The 台账设置 sheet, read and written through the core's own reader and writer
 * (recognizeSheet / settingsFromEntries / settingsToEntries, by way of src/host/settingsSheet), so the pane, the command line and
 * the ZS functions agree on every key word and value form.
 */
import { isFormulaLike } from "../core/safeText";
import { SETTINGS_SHEET, type SettingsOverrides } from "../core/settings";
import { areaAddress, type CellValue, type DateSystem } from "../core/sheet";
import { keptRows, settingsOf, settingsRows, settingsSheetName } from "../host/settingsSheet";
import { functionsHaveRun, getWorkbookSettings, setWorkbookSettings } from "../host/runtimeState";
import { API, type ExcelHost } from "./host";
import { queueDateSystemProbe } from "./readWorkbook";

interface UsedBlock {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
  readonly values: CellValue[][];
  readonly formulas: CellValue[][];
}

async function readSheet(
  context: Excel.RequestContext,
  host: ExcelHost,
  knownDateSystem?: DateSystem,
): Promise<{ name: string | null; dateSystem: DateSystem; block: UsedBlock | null }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const dateSystem = queueDateSystemProbe(context, host, knownDateSystem);
  await context.sync();
  const name = settingsSheetName(worksheets.items.map((ws) => ws.name));
  if (!name) return { name, dateSystem: dateSystem(), block: null };
  const sheet = worksheets.getItem(name);
  const used = host.supports(API.nullObjects) ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange(true);
  used.load("values,formulas,rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  const block =
    host.supports(API.nullObjects) && used.isNullObject
      ? null
      : {
          top: used.rowIndex + 1,
          left: used.columnIndex + 1,
          rows: used.rowCount,
          columns: used.columnCount,
          values: used.values as CellValue[][],
          formulas: used.formulas as CellValue[][],
        };
  return { name, dateSystem: dateSystem(), block };
}

/**
 * The workbook's 台账设置 as overrides ({} without the sheet). The functions' runtime learns them
 * too, and when they differ from what it had (the sheet edited by hand, or the first load in a
 * workbook with settings) and a ZS function has run in this runtime, Excel recalculates so that
 * the ZS formulas use them. An unchanged reload costs nothing, and neither does a runtime start:
 * no ZS function has run yet, and the first to run reads the settings as loaded. If the
 * recalculation fails, the runtime keeps what it had, as after a failed save.
 */
export async function loadSettingsSheet(
  context: Excel.RequestContext,
  host: ExcelHost,
  knownDateSystem?: DateSystem,
): Promise<SettingsOverrides> {
  const { name, dateSystem, block } = await readSheet(context, host, knownDateSystem);
  const { overrides, columnNames } = name && block ? settingsOf(name, block.values, block.top, block.left, dateSystem) : { overrides: {}, columnNames: [] };
  const before = getWorkbookSettings();
  if (setWorkbookSettings(overrides, dateSystem, columnNames) && functionsHaveRun()) {
    context.workbook.application.calculate("Full");
    try {
      await context.sync();
    } catch (e) {
      setWorkbookSettings(before.overrides, before.dateSystem, before.columnNames);
      throw e;
    }
  }
  return overrides;
}

/**
 * Writes `settings` as the sheet's 项目 | 值 rows from A1 (creating 台账设置 when absent), as text
 * (number format "@", so 2022-09-30 stays the text every reader parses, and a value starting with
 * = + - @ is never taken for a formula). Rows the core does not read as settings (notes) are kept,
 * below the settings, formulas included. Formats are left alone. Then the functions' runtime gets
 * the new settings and, when they changed and a ZS function has run, Excel recalculates, in the
 * same round trip as the write.
 */
export async function saveSettingsSheet(
  context: Excel.RequestContext,
  host: ExcelHost,
  settings: SettingsOverrides,
  knownDateSystem?: DateSystem,
): Promise<void> {
  const { name, dateSystem, block } = await readSheet(context, host, knownDateSystem);
  // The 列名对照 rows are kept below the settings, so the functions keep them too.
  const { overrides: before, columnNames } = name && block ? settingsOf(name, block.values, block.top, block.left, dateSystem) : { overrides: {}, columnNames: [] };

  const rows = settingsRows(settings);
  const kept = block ? keptRows(block.values, block.formulas) : [];

  const worksheets = context.workbook.worksheets;
  const sheet = name ? worksheets.getItem(name) : worksheets.add(SETTINGS_SHEET);
  if (block) {
    sheet.getRange(areaAddress({ top: block.top, left: block.left, bottom: block.top + block.rows - 1, right: block.left + block.columns - 1 })).clear("Contents");
  }
  const settingsRange = sheet.getRange(areaAddress({ top: 1, left: 1, bottom: rows.length, right: 2 }));
  settingsRange.numberFormat = rows.map(() => ["@", "@"]);
  settingsRange.values = rows;
  if (block && kept.length > 0) {
    const top = rows.length + 1;
    sheet.getRange(areaAddress({ top, left: block.left, bottom: rows.length + kept.length, right: block.left + block.columns - 1 })).formulas =
      kept.map((k) => k.formulas) as (string | number | boolean)[][];
    // A note typed as text that starts with = would turn into a formula where the move lands it in a
    // General cell: such constants (their formula is their own text) go back as text, cell by cell.
    kept.forEach((k, i) =>
      k.values.forEach((v, j) => {
        if (typeof v !== "string" || v !== k.formulas[j] || !isFormulaLike(v)) return;
        const cell = sheet.getRange(areaAddress({ top: top + i, left: block.left + j, bottom: top + i, right: block.left + j }));
        cell.numberFormat = [["@"]];
        cell.values = [[v]];
      }),
    );
  }
  // The recalculation runs while this batch is applied: the functions must already see the new settings.
  if (setWorkbookSettings(settings, dateSystem, columnNames) && functionsHaveRun()) context.workbook.application.calculate("Full");
  try {
    await context.sync();
  } catch (e) {
    setWorkbookSettings(before, dateSystem, columnNames);
    throw e;
  }
}
