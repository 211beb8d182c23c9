/**
 * Conditional formats of a fake Excel document evaluated with a real formula engine
 * (fast-formula-parser, MIT, a dev dependency only): which cells a format shows on, given the
 * sheet's values as they are now.
 *
 * How a format is evaluated on a cell: its formula's relative references are anchored at the
 * top-left cell of its first area (what src/excel/highlight.ts assumes of Excel), so evaluating at
 * another cell shifts them by the offset; a TRUE result shows the format, anything else (FALSE, an
 * error) does not. Cells are given as Office.js gives `values` ("" for a blank cell). Defined names
 * are evaluated as formulas in the same engine; TODAY() is the day the test pins.
 *
 * The engine is not Excel in every corner (TRIM strips all white space, "=" on text is
 * case-sensitive, AND lets an error argument pass as TRUE, a blank cell fed as null has a LEN of
 * 15): the marks' formulas are written not to reach those corners (core/marks.ts), and
 * test/core/marksFormula.test.ts pins the engine's answers on every construct they use.
 */
import FormulaParser from "fast-formula-parser";
import { dayFromYMD, serialFromDay } from "../../src/core/day";
import type { MergeArea } from "../../src/core/sheet";
import { cellOf, shiftRows, type DocState, type SheetState } from "./fakeExcel";

const NAMES_SHEET = "\u0000names";

export interface FormulaEngine {
  /** A formula's value on `sheet` at row/column (1-based), its references as written. */
  evaluate(sheet: string, formula: string, row?: number, column?: number): unknown;
}

/** An engine over a document; `today` is what TODAY() returns. */
export function formulaEngine(doc: () => DocState, today: Date): FormulaEngine {
  const todaySerial = serialFromDay(dayFromYMD(today.getFullYear(), today.getMonth() + 1, today.getDate())!, 1900);
  const names = () => doc().names ?? [];
  // The engine's parser is not re-entrant: a defined name is evaluated by a parser of its own.
  const parsers: FormulaParser[] = [];
  const parserAt = (depth: number): FormulaParser => (parsers[depth] ??= makeParser(depth));
  const makeParser = (depth: number): FormulaParser => {
    const value = (sheet: string, row: number, column: number): unknown => {
      if (sheet === NAMES_SHEET) {
        if (depth > 8) return "#NAME?";
        return parserAt(depth + 1).parse(names()[row - 1].formula.replace(/^=/, ""), { sheet: "", row: 1, col: 1 });
      }
      const s = doc().sheets.find((x) => x.name === sheet);
      return s ? cellOf(s, row, column).value : "";
    };
    return new FormulaParser({
      functions: { TODAY: () => todaySerial },
      onCell: ({ sheet, row, col }) => value(sheet, row, col),
      onRange: ({ sheet, from, to }) => {
        const rows: unknown[][] = [];
        for (let r = from.row; r <= Math.min(to.row, from.row + 10_000); r++) {
          const line: unknown[] = [];
          for (let c = from.col; c <= Math.min(to.col, from.col + 200); c++) line.push(value(sheet, r, c));
          rows.push(line);
        }
        return rows;
      },
      onVariable: (name) => {
        const i = names().findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
        return i < 0 ? null : { sheet: NAMES_SHEET, row: i + 1, col: 1 };
      },
    });
  };
  const parser = parserAt(0);
  return {
    evaluate(sheet, formula, row = 1, column = 1) {
      try {
        return parser.parse(formula.replace(/^=/, ""), { sheet, row, col: column });
      } catch (e) {
        return e; // a formula the engine refuses shows nothing, as an error does in Excel
      }
    },
  };
}

/** Whether the format with this formula and areas shows on the cell at row/column (which must lie in one of its areas). */
export function formatShows(engine: FormulaEngine, sheet: string, formula: string, areas: readonly MergeArea[], row: number): boolean {
  const anchor = areas[0].top;
  return engine.evaluate(sheet, shiftRows(formula, (r) => r + (row - anchor)), row) === true;
}

/**
 * The rows of a sheet on which some conditional format whose formula passes `which` shows, per
 * format: evaluated once per row (the marks' references have absolute columns, so a row's cells agree).
 */
export function shownRows(engine: FormulaEngine, sheet: SheetState, which: (formula: string) => boolean): number[] {
  const rows = new Set<number>();
  for (const cf of sheet.cfs) {
    if (cf.type !== "Custom" || !cf.formula || !which(cf.formula)) continue;
    for (const a of cf.areas) for (let r = a.top; r <= a.bottom; r++) if (formatShows(engine, sheet.name, cf.formula, cf.areas, r)) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
}

/** The cells ("row,column") on which some format passing `which` shows. */
export function shownCells(engine: FormulaEngine, sheet: SheetState, which: (formula: string) => boolean): string[] {
  const cells = new Set<string>();
  for (const cf of sheet.cfs) {
    if (cf.type !== "Custom" || !cf.formula || !which(cf.formula)) continue;
    for (const a of cf.areas) {
      for (let r = a.top; r <= a.bottom; r++) {
        if (!formatShows(engine, sheet.name, cf.formula, cf.areas, r)) continue;
        for (let c = a.left; c <= a.right; c++) cells.add(`${r},${c}`);
      }
    }
  }
  return [...cells].sort();
}
