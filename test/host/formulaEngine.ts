/**
 * Conditional formats evaluated with a real formula engine (fast-formula-parser, MIT, a dev
 * dependency only): on which cells a format shows, given the cells as they are now. Every host's
 * fake (test/excel/fakeExcel.ts, test/wps/fakeWps.ts) and the highlighted copy (test/district) are
 * evaluated here, each giving its cells, its defined names and, for each format, the cell its
 * relative references are relative to (its anchor: what each host is documented or assumed to do).
 *
 * How a format is evaluated on a cell: its formula's relative references (a row or column without
 * "$") are moved by the cell's offset from the anchor; a TRUE result shows the format, anything
 * else (FALSE, an error) does not. Defined names are evaluated as formulas in the same engine;
 * TODAY() is the day the test pins.
 *
 * The engine is not Excel in every corner (TRIM strips all white space, "=" on text is
 * case-sensitive, AND lets an error argument pass as TRUE, a blank cell fed as null has a LEN of
 * 15): the marks' formulas are written not to reach those corners (core/marks/formulaText.ts), and
 * test/core/marks.test.ts pins the engine's answers on every construct they use.
 */
import FormulaParser from "fast-formula-parser";
import { dayFromYMD, serialFromDay } from "../../src/core/day";
import type { MergeArea } from "../../src/core/sheet";

const NAMES_SHEET = "\u0000names";

/** What the engine reads of a document. */
export interface EngineBook {
  /** A cell's value as the spreadsheet holds it: a number (dates as serials), text, a boolean, "" when blank. */
  value(sheet: string, row: number, column: number): unknown;
  /** The workbook-level defined names, each formula with "=". */
  names(): readonly { readonly name: string; readonly formula: string }[];
}

/** A conditional format as a document holds it. */
export interface StoredFormat {
  /** With or without "=". */
  readonly formula: string;
  readonly areas: readonly MergeArea[];
  /** The cell its relative references are relative to. */
  readonly anchor: { readonly row: number; readonly column: number };
}

export interface FormulaEngine {
  /** A formula's value on `sheet` at row/column (1-based), its references as written. */
  evaluate(sheet: string, formula: string, row?: number, column?: number): unknown;
}

/** A function the engine is given besides its own (the ZS functions): each argument as the engine passes it, `{ value }` (a range's value is rows of columns). */
export type EngineFunction = (...args: { value: unknown; omitted?: boolean }[]) => unknown;

/** An engine over a document; `today` is what TODAY() returns; `functions` adds functions by name (ZS.SCORE). */
export function formulaEngine(book: EngineBook, today: Date, functions: Readonly<Record<string, EngineFunction>> = {}): FormulaEngine {
  const todaySerial = serialFromDay(dayFromYMD(today.getFullYear(), today.getMonth() + 1, today.getDate())!, 1900);
  // The engine's parser is not re-entrant: a defined name is evaluated by a parser of its own.
  const parsers: FormulaParser[] = [];
  const parserAt = (depth: number): FormulaParser => (parsers[depth] ??= makeParser(depth));
  const makeParser = (depth: number): FormulaParser => {
    const value = (sheet: string, row: number, column: number): unknown => {
      if (sheet === NAMES_SHEET) {
        if (depth > 8) return "#NAME?";
        return parserAt(depth + 1).parse(book.names()[row - 1].formula.replace(/^=/, ""), { sheet: "", row: 1, col: 1 });
      }
      return book.value(sheet, row, column);
    };
    return new FormulaParser({
      functions: { ...(functions as Record<string, (...args: unknown[]) => unknown>), TODAY: () => todaySerial },
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
        const i = book.names().findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
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
        return e; // a formula the engine refuses shows nothing, as an error does in a spreadsheet
      }
    },
  };
}

/** Column letters as a number: A → 1, AA → 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The A1 references of a formula (outside its string literals), their relative rows and columns moved by dRow and dColumn. */
function offsetReferences(formula: string, dRow: number, dColumn: number): string {
  const reference = /(^|[^A-Za-z0-9_.!$"])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(reference, (_m, pre: string, colAbs: string, col: string, rowAbs: string, row: string) => {
            const c = colAbs ? col : columnLetters(columnNumber(col) + dColumn);
            const r = rowAbs ? Number(row) : Number(row) + dRow;
            return `${pre}${colAbs}${c}${rowAbs}${r}`;
          }),
    )
    .join("");
}

/** Whether a format shows on the cell at row/column (which must lie in one of its areas). */
function formatShows(engine: FormulaEngine, sheet: string, format: StoredFormat, row: number, column: number): boolean {
  const moved = offsetReferences(format.formula.replace(/^=/, ""), row - format.anchor.row, column - format.anchor.column);
  return engine.evaluate(sheet, moved, row, column) === true;
}

/** The cells ("row,column", sorted) on which some of these formats shows. */
export function shownCells(engine: FormulaEngine, sheet: string, formats: readonly StoredFormat[]): string[] {
  const cells = new Set<string>();
  for (const f of formats) {
    for (const a of f.areas) {
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if (formatShows(engine, sheet, f, r, c)) cells.add(`${r},${c}`);
    }
  }
  return [...cells].sort();
}

/** The rows on which some of these formats shows on the areas' first column (the marks' rows agree across a row: their columns are absolute). */
export function shownRows(engine: FormulaEngine, sheet: string, formats: readonly StoredFormat[]): number[] {
  const rows = new Set<number>();
  for (const f of formats) for (const a of f.areas) for (let r = a.top; r <= a.bottom; r++) if (formatShows(engine, sheet, f, r, a.left)) rows.add(r);
  return [...rows].sort((a, b) => a - b);
}
