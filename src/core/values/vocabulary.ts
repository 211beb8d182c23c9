/**
 * Closed vocabularies (flags, stages, roles, categories, unit kinds): a cell is normalised the
 * way a person reads it — full width folded, spaces dropped, case ignored — and looked up whole.
 */
import { compact, lowerCase } from "../text";
import type { CellValue } from "../sheet";
import { blankOrError, classify, invalid, ok } from "./cell";
import type { Parsed } from "./types";

export function normalizeWord(s: string): string {
  return lowerCase(compact(s));
}

export interface Vocabulary<T extends string> {
  /** The id a word names, or null. */
  lookup(word: string): T | null;
  /** A cell read as one whole word of the vocabulary; numbers and booleans are read as they print. */
  parse(v: CellValue): Parsed<T>;
}

export function vocabulary<T extends string>(table: Readonly<Record<T, readonly string[]>>): Vocabulary<T> {
  const ids = new Map<string, T>();
  for (const id of Object.keys(table) as T[]) {
    for (const word of table[id]) ids.set(normalizeWord(word), id);
  }
  const lookup = (word: string): T | null => ids.get(normalizeWord(word)) ?? null;
  return {
    lookup,
    parse(v) {
      const cell = classify(v);
      const early = blankOrError(cell, v);
      if (early) return early;
      const word = cell.kind === "text" ? cell.value : cell.kind === "number" || cell.kind === "boolean" ? String(cell.value) : null;
      const id = word === null ? null : lookup(word);
      return id === null ? invalid("unreadable", v) : ok(id);
    },
  };
}
