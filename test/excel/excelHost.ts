/** The shared port suite's view of the Office.js fake (test/host/portSuite.ts). */
import { dayFromSerial, serialFromDay } from "../../src/core/day";
import { createExcelPort } from "../../src/excel/excelPort";
import { isMarkFormula } from "../../src/host/marks";
import { startStatus } from "../../src/functions/formulas";
import { getWorkbookSettings } from "../../src/host/runtimeState";
import type { Host, HostBook, MarkView } from "../host/portSuite";
import { TODAY } from "../host/portSuite";
import { blankCfFormat, cellOf, engineBook, FakeExcel, FakeOfficeError, formatCell, insertRows, visibleState } from "./fakeExcel";
import { formattedSample } from "./workbooks";

const today = () => TODAY;

/** The proxy operations that write our conditional formats or the as-of name, as the suite names them. */
const WRITE_NAMES: Readonly<Record<string, string>> = {
  "conditionalFormats.add": "add",
  "conditionalFormat.delete": "delete",
  "rule.formula=": "style",
  "names.add": "name",
  "namedItem.formula=": "name",
  "namedItem.delete": "name",
};

function book(excel: FakeExcel): HostBook {
  const failAfter = (name: string, n: number) => {
    let seen = 0;
    excel.failWhen = (op) => (op.name === name && ++seen === n ? new FakeOfficeError("GeneralException", "An internal error has occurred.") : null);
  };
  const cells = () => excel.state.sheets.map((s) => ({ name: s.name, cells: Object.fromEntries(Object.entries(s.cells).sort(([a], [b]) => (a < b ? -1 : 1))) }));
  return {
    port: (options) => createExcelPort({ host: excel.host(), today, debounceMs: options?.debounceMs }),
    reopen: () => book(excel.reopen()),
    marks: (sheet): MarkView[] =>
      excel
        .sheet(sheet)
        .cfs.filter((cf) => isMarkFormula(cf.formula))
        .map((cf) => ({
          formula: cf.formula ?? "",
          areas: cf.areas,
          // What src/excel/highlight.ts assumes of Office.js: relative to the first area's top-left cell.
          anchor: { row: cf.areas[0].top, column: cf.areas[0].left },
          fill: cf.format.fill,
          font: cf.format.fontColor,
          borders: {
            top: cf.format.borders.top && { style: "Continuous" as const, color: cf.format.borders.top.color },
            bottom: cf.format.borders.bottom && { style: "Continuous" as const, color: cf.format.borders.bottom.color },
            left: cf.format.borders.left && { style: "Continuous" as const, color: cf.format.borders.left.color },
            right: cf.format.borders.right && { style: "Continuous" as const, color: cf.format.borders.right.color },
          },
        })),
    engineBook: () => engineBook(() => excel.state),
    addFormat: (sheet, formula, areas) => void excel.sheet(sheet).cfs.push({ type: "Custom", formula, areas, format: blankCfFormat() }),
    insertRows: (sheet, at, count) => insertRows(excel.sheet(sheet), at, count),
    markWrites: () => excel.log.flatMap((op) => (WRITE_NAMES[op] ? [WRITE_NAMES[op]] : op.startsWith("cf.format.") ? ["style"] : [])),
    hide: (sheet, what) => {
      const s = excel.sheet(sheet);
      if (what.rows) s.hiddenRows = [...what.rows];
      if (what.columns) s.hiddenColumns = [...what.columns];
      if (what.sheet) s.visibility = "Hidden";
    },
    hidden: (sheet) => {
      const s = excel.sheet(sheet);
      return { sheet: s.visibility !== "Visible", rows: s.hiddenRows ?? [], columns: s.hiddenColumns ?? [] };
    },
    userFormats: (sheet) => JSON.parse(JSON.stringify(excel.sheet(sheet).cfs.filter((cf) => !isMarkFormula(cf.formula)))),
    visible: () => visibleState(excel.state),
    cells,
    cell: (sheet, row, column) => {
      const c = cellOf(excel.sheet(sheet), row, column);
      return { value: c.value, formula: c.formula !== undefined, text: c.numberFormat === "@", bold: c.fontBold };
    },
    formulaText: (sheet, row, column) => cellOf(excel.sheet(sheet), row, column).formula ?? null,
    sheetNames: () => excel.state.sheets.map((s) => s.name),
    definedNames: () => (excel.state.names ?? []).map((n) => ({ name: n.name, formula: n.formula })),
    edit: (sheet, row, column, value, format) =>
      formatCell(excel.sheet(sheet), row, column, {
        value: value ?? "",
        ...(format?.bold ? { fontBold: true } : {}),
        ...(format?.date ? { numberFormat: "yyyy/m/d" } : {}),
      }),
    usedCells: (sheet) =>
      Object.entries(excel.sheet(sheet).cells)
        .filter(([, c]) => c.value !== "" || c.formula !== undefined)
        .map(([k, c]) => {
          const [row, column] = k.split(",").map(Number);
          return { row, column, value: c.value, formula: c.formula !== undefined, text: c.numberFormat === "@" };
        }),
    protect: (sheet) => void (excel.sheet(sheet).protected = true),
    deleteSheet: (name) => void (excel.state.sheets = excel.state.sheets.filter((s) => s.name !== name)),
    addSheets: (sheets) => void excel.state.sheets.push(...FakeExcel.fromSheets(sheets).state.sheets),
    use1904: () => {
      excel.state.dateSystem = 1904;
      for (const s of excel.state.sheets) {
        for (const cell of Object.values(s.cells)) {
          if (cell.numberFormat.includes("yyyy") && typeof cell.value === "number") cell.value = serialFromDay(dayFromSerial(cell.value, 1900), 1904);
        }
      }
    },
    setActiveSheet: (name) => void (excel.state.activeSheet = name),
    activeSheet: () => excel.state.activeSheet,
    selection: () => excel.state.selection,
    fireChanged: (sheet, address) => excel.fireChanged(sheet, address),
    subscribers: () => excel.handlers.length,
    settingsSubscribers: () => excel.sheetSubscribers() + excel.addedHandlers.length,
    calculations: () => excel.state.calculations.length,
    functionSettings: () => getWorkbookSettings(),
    functionRan: () => void startStatus("签约", "", "", "2022-09-30"),
    failAdd: (n) => failAfter("conditionalFormats.add", n),
    failStyle: () => failAfter("cf.format.font.color=", 1),
    failCalculate: () => failAfter("application.calculate", 1),
  };
}

export const EXCEL_HOST: Host = {
  name: "Excel (Office.js)",
  fromSheets: (sheets) => book(FakeExcel.fromSheets(sheets)),
  formattedSample: () => book(formattedSample()),
};
