/** The little of fast-formula-parser (no typings of its own) the tests use. */
declare module "fast-formula-parser" {
  interface CellRef {
    sheet: string;
    row: number;
    col: number;
  }
  interface RangeRef {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  interface Options {
    functions?: Record<string, (...args: unknown[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
    onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null;
  }
  export const FormulaError: { readonly NA: unknown; readonly VALUE: unknown; readonly REF: unknown; readonly DIV0: unknown };
  export default class FormulaParser {
    constructor(options?: Options);
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): unknown;
  }
}
