/** Counts such as 外出推介次数: a whole number of times, written as a number or as "2次". */
import { compact } from "../text";
import type { CellValue } from "../sheet";
import { blankOrError, classify, invalid, ok } from "./cell";
import type { Parsed } from "./types";

/** A number optionally followed by the measure word people add (2次, 3场). */
const COUNT_TEXT = /^(-?)(\d+)(?:次|个|场|人次)?$/;

export function parseCount(v: CellValue): Parsed<number> {
  const cell = classify(v);
  const early = blankOrError(cell, v);
  if (early) return early;
  if (cell.kind === "number") return countOf(cell.value, v);
  if (cell.kind !== "text") return invalid("unreadable", v);
  const m = COUNT_TEXT.exec(compact(cell.value));
  return m ? countOf(Number(m[1] + m[2]), v) : invalid("unreadable", v);
}

function countOf(n: number, v: unknown): Parsed<number> {
  if (!Number.isSafeInteger(n)) return invalid("unreadable", v);
  if (n < 0) return invalid("negative", v);
  return ok(n + 0); // + 0 turns -0 into 0
}
