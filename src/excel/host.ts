/**
 * The little of Office.js the adapter needs from its surroundings: a way to run a batch, to run
 * one in an earlier context (removing an event handler needs the context that added it), and to
 * ask which ExcelApi requirement sets the host supports. Tests pass a fake; the pane gets the real
 * one from `officeHost()`.
 */

export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  runIn<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Whether ExcelApi `version` (e.g. "1.9") is supported. */
  supports(version: string): boolean;
}

/** The ExcelApi versions this adapter feature-detects, named by what they bring. */
export const API = {
  /** workbook.functions: the read-only date-system probe. */
  functions: "1.2",
  /** getUsedRangeOrNullObject, getItemOrNullObject. */
  nullObjects: "1.4",
  /** Conditional formats with a custom formula: the highlight. */
  conditionalFormats: "1.6",
  /** workbook.name: a hint for the unit's name. */
  workbookName: "1.7",
  /** worksheet.onChanged and worksheets.onAdded: following the 台账设置 sheet. */
  sheetEvents: "1.7",
  /** NamedItem.formula: the highlight's as-of name can be read back and rewritten. */
  names: "1.7",
  /** RangeAreas (getRanges) and worksheets.onChanged. */
  rangeAreas: "1.9",
  /** getMergedAreasOrNullObject. */
  mergedAreas: "1.13",
} as const;

export class NotInExcelError extends Error {
  constructor() {
    super("Office.js Excel API is not available");
    this.name = "NotInExcelError";
  }
}

export function officeHost(): ExcelHost {
  const excel = (): typeof Excel => {
    if (typeof Excel === "undefined" || typeof Excel.run !== "function") throw new NotInExcelError();
    return Excel;
  };
  return {
    run: async (batch) => excel().run(batch),
    runIn: async (context, batch) => excel().run(context, batch),
    supports(version) {
      try {
        return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
      } catch {
        return false;
      }
    },
  };
}
