/**
 * The first step of every value parse: what kind of thing a cell holds. Cells come from Office.js,
 * ExcelJS and hand-written tests, so anything may arrive; classifying never throws.
 */
import { displayValue } from "../text";
import { isCellError, type CellValue } from "../sheet";
import type { InvalidReason, Parsed } from "./types";

export type Cell =
  | { readonly kind: "blank" }
  | { readonly kind: "error" }
  /** Any number, NaN and ±Infinity included: each parser decides what it accepts. */
  | { readonly kind: "number"; readonly value: number }
  /** Text that is not blank, as given (not trimmed). */
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "date"; readonly value: Date }
  /** Anything a cell should not hold (plain objects, arrays, symbols …). */
  | { readonly kind: "other" };

const BLANK_CELL: Cell = { kind: "blank" };
const OTHER_CELL: Cell = { kind: "other" };

export function classify(v: CellValue | unknown): Cell {
  if (v === null || v === undefined) return BLANK_CELL;
  switch (typeof v) {
    case "number":
      return { kind: "number", value: v };
    case "string":
      return v.trim() === "" ? BLANK_CELL : { kind: "text", value: v };
    case "boolean":
      return { kind: "boolean", value: v };
    case "object":
      return classifyObject(v);
    default:
      return OTHER_CELL;
  }
}

/** Dates and error values; a hostile object (a throwing getter, a proxy) is just "other". */
function classifyObject(v: object): Cell {
  try {
    // toString rather than instanceof, so that a Date from another realm (an iframe) still counts.
    if (Object.prototype.toString.call(v) === "[object Date]") return { kind: "date", value: v as Date };
    if (isCellError(v)) return { kind: "error" };
  } catch {
    // fall through
  }
  return OTHER_CELL;
}

export const BLANK: Parsed<never> = { status: "blank" };

export function ok<T, G extends string = never>(value: T, guess?: G): Parsed<T, G> {
  return guess === undefined ? { status: "ok", value } : { status: "ok", value, guess };
}

export function invalid(reason: InvalidReason, v: unknown): Parsed<never> {
  return { status: "invalid", reason, text: safeDisplay(v) };
}

/** The result every parser gives a blank or an Excel error; null when the cell holds something to read. */
export function blankOrError(cell: Cell, v: unknown): Parsed<never> | null {
  if (cell.kind === "blank") return BLANK;
  if (cell.kind === "error") return invalid("error-value", v);
  return null;
}

function safeDisplay(v: unknown): string {
  try {
    return displayValue(v);
  } catch {
    return "";
  }
}
