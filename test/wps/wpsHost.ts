/** The shared port suite's view of the WPS fake (test/host/portSuite.ts), and the formatted sample in WPS. */
import { dayFromSerial, serialFromDay } from "../../src/core/day";
import { getWorkbookSettings } from "../../src/host/runtimeState";
import { isMarkFormula } from "../../src/host/marks";
import { adoptPublishedSettings } from "../../src/host/settingsChannel";
import { STARTSTATUS } from "../../src/functions/wps";
import { createWpsPort } from "../../src/wps/wpsPort";
import type { Edge, Host, HostBook, MarkView } from "../host/portSuite";
import { PROJECTS, TODAY } from "../host/portSuite";
import { sampleSheets } from "../sample/sampleLedger";
import { addUserCf, cellState, editCellState, engineBook, FakeWps, FakeWpsError, insertRows, visibleState } from "./fakeWps";

const today = () => TODAY;

/** VBA's BGR colour number as #RRGGBB. */
function hexOf(bgr: number | null): string | null {
  if (bgr === null) return null;
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).toUpperCase().padStart(6, "0")}`;
}

/** The sample with a unit's own formatting, notes and conditional formats (see Host.formattedSample). */
export function formattedWpsSample(): FakeWps {
  const wps = FakeWps.fromSheets(sampleSheets());
  const projects = wps.sheet(PROJECTS);
  for (let c = 1; c <= 16; c++) editCellState(projects, 3, c, { fontBold: true, fill: 0xf2e1d9 });
  for (let r = 6; r <= 31; r++) editCellState(projects, r, 5, { numberFormat: "#,##0" });
  editCellState(projects, 9, 10, { note: "已电话催办，企业称10月开工" });
  editCellState(projects, 15, 5, { note: "待核实" });
  addUserCf(projects, { type: 1, formula: "=100000", areas: [{ top: 6, left: 5, bottom: 31, right: 5 }], fontColor: 0xa03070 });
  addUserCf(projects, { formula: '=$F6="终止"', areas: [{ top: 6, left: 1, bottom: 31, right: 16 }], fill: 0xd9d9d9 });
  addUserCf(wps.sheet("外出招商"), { formula: "=$A3>=DATE(2022,8,1)", areas: [{ top: 3, left: 1, bottom: 10, right: 1 }], fontColor: 0x375623 });
  return wps;
}

/** The object-model calls that write our conditional formats or the as-of name, as the suite names them. */
const WRITE_NAMES: Readonly<Record<string, string>> = {
  "FormatConditions.Add": "add",
  "FormatCondition.Delete": "delete",
  "Interior.Color=": "style",
  "Font.Color=": "style",
  "Border.LineStyle=": "style",
  "Border.Color=": "style",
  "Names.Add": "name",
  "Name.RefersTo=": "name",
  "Name.Delete": "name",
};

export function wpsBook(wps: FakeWps): HostBook {
  const app = wps.application();
  const failAfter = (name: string, n: number) => {
    let seen = 0;
    wps.failWhen = (call) => (call === name && ++seen === n ? new FakeWpsError("发生了内部错误") : null);
  };
  const cells = () => wps.state.sheets.map((s) => ({ name: s.name, cells: Object.fromEntries(Object.entries(s.cells).sort(([a], [b]) => (a < b ? -1 : 1))) }));
  return {
    port: (options) => createWpsPort({ app: () => app, today, debounceMs: options?.debounceMs }),
    reopen: () => wpsBook(wps.reopen()),
    marks: (sheet): MarkView[] =>
      wps
        .sheet(sheet)
        .cfs.filter((cf) => isMarkFormula(cf.formula))
        .map((cf) => {
          const border = (e: Edge) => {
            const b = cf.borders[e];
            return b && b.lineStyle === 1 ? { style: "Continuous" as const, color: hexOf(b.color)! } : null;
          };
          return {
            formula: cf.formula,
            areas: cf.areas,
            // docs/wps.md: relative to the active cell when the format was added.
            anchor: cf.anchor ? { row: cf.anchor.row, column: cf.anchor.column } : { row: cf.areas[0].top, column: cf.areas[0].left },
            fill: hexOf(cf.fill),
            font: hexOf(cf.fontColor),
            borders: { top: border("top"), bottom: border("bottom"), left: border("left"), right: border("right") },
          };
        }),
    engineBook: () => engineBook(() => wps.state),
    addFormat: (sheet, formula, areas) => addUserCf(wps.sheet(sheet), { formula, areas, anchor: { sheet, row: areas[0].top, column: areas[0].left } }),
    insertRows: (sheet, at, count) => insertRows(wps.sheet(sheet), at, count),
    markWrites: () => wps.calls.flatMap((call) => (WRITE_NAMES[call] ? [WRITE_NAMES[call]] : [])),
    hide: (sheet, what) => {
      const s = wps.sheet(sheet);
      if (what.rows) s.hiddenRows = [...what.rows];
      if (what.columns) s.hiddenColumns = [...what.columns];
      if (what.sheet) s.visible = 0;
    },
    hidden: (sheet) => {
      const s = wps.sheet(sheet);
      return { sheet: s.visible !== -1, rows: s.hiddenRows ?? [], columns: s.hiddenColumns ?? [] };
    },
    userFormats: (sheet) => JSON.parse(JSON.stringify(wps.sheet(sheet).cfs.filter((cf) => !isMarkFormula(cf.formula)))),
    visible: () => visibleState(wps.state),
    cells,
    cell: (sheet, row, column) => {
      const c = cellState(wps.sheet(sheet), row, column);
      return { value: c.value, formula: c.formula !== undefined, text: c.numberFormat === "@", bold: c.fontBold };
    },
    formulaText: (sheet, row, column) => cellState(wps.sheet(sheet), row, column).formula ?? null,
    sheetNames: () => wps.state.sheets.map((s) => s.name),
    definedNames: () => (wps.state.names ?? []).map((n) => ({ name: n.name, formula: n.refersTo })),
    edit: (sheet, row, column, value, format) =>
      editCellState(wps.sheet(sheet), row, column, {
        value: value ?? "",
        ...(format?.bold ? { fontBold: true } : {}),
        ...(format?.date ? { numberFormat: "yyyy/m/d" } : {}),
      }),
    usedCells: (sheet) =>
      Object.entries(wps.sheet(sheet).cells)
        .filter(([, c]) => c.value !== "" || c.formula !== undefined)
        .map(([k, c]) => {
          const [row, column] = k.split(",").map(Number);
          return { row, column, value: c.value, formula: c.formula !== undefined, text: c.numberFormat === "@" };
        }),
    protect: (sheet) => void (wps.sheet(sheet).protected = true),
    deleteSheet: (name) => {
      wps.state.sheets = wps.state.sheets.filter((s) => s.name !== name);
      if (wps.state.activeSheet === name) wps.state.activeSheet = wps.state.sheets[0]?.name ?? "";
    },
    addSheets: (sheets) => void wps.state.sheets.push(...FakeWps.fromSheets(sheets).state.sheets),
    use1904: () => {
      wps.state.date1904 = true;
      for (const s of wps.state.sheets) {
        for (const cell of Object.values(s.cells)) {
          if (cell.numberFormat.includes("yyyy") && typeof cell.value === "number") cell.value = serialFromDay(dayFromSerial(cell.value, 1900), 1904);
        }
      }
    },
    setActiveSheet: (name) => void (wps.state.activeSheet = name),
    activeSheet: () => wps.state.activeSheet,
    selection: () => ({ sheet: wps.state.activeSheet, address: wps.sheet(wps.state.activeSheet).selection }),
    fireChanged: async (sheet, address) => wps.fireSheetChange(sheet, address),
    subscribers: () => wps.listeners.get("SheetChange")?.length ?? 0,
    settingsSubscribers: () => wps.listeners.get("SheetChange")?.length ?? 0,
    calculations: () => wps.calculations,
    functionSettings: () => {
      // What a ZS function does first in WPS: take the published settings into its runtime.
      adoptPublishedSettings(app.PluginStorage);
      return getWorkbookSettings();
    },
    functionRan: () => {
      // The functions run on the add-in's main page, where window.Application is WPS's.
      const globals = globalThis as { Application?: unknown };
      const before = globals.Application;
      globals.Application = app;
      try {
        STARTSTATUS("签约", "", "", "2022-09-30");
      } finally {
        globals.Application = before;
      }
    },
    failAdd: (n) => failAfter("FormatConditions.Add", n),
    failStyle: () => failAfter("Font.Color=", 1),
    failCalculate: () => failAfter("Application.Calculate", 1),
  };
}

export const WPS_HOST: Host = {
  name: "WPS (JSAPI)",
  fromSheets: (sheets) => wpsBook(FakeWps.fromSheets(sheets)),
  formattedSample: () => wpsBook(formattedWpsSample()),
};
