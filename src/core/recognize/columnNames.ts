/**
 * 列名对照: a unit's (or the district's) own header words for the fields, read before any header is
 * matched. In the 台账设置 sheet it is a section below the settings: a row whose first cell is
 * 列名对照 (its second cell may hold a caption), then one row per column, the field word then the
 * unit's header word (recognize/settingsSheet.ts reads the rows, settingsParse.ts the section):
 *
 *   列名对照       | 本单位表头
 *   计划开工日期   | 拟开工时间
 *   签约日期       | 合同签订日期
 *
 * The district's config says the same as `"columnNames": {"计划开工日期": "拟开工时间"}`. A field
 * word is any word that names the field (its label, a header synonym, its id): 日期 names the
 * trips' and the meetings' date alike. A header the unit names wins over every synonym and pattern.
 */
import { FIELD_LABELS } from "../labels";
import { HEADER_SYNONYMS, NO_NAMED_COLUMNS, normalizeHeader, type NamedColumns } from "../headers";
import { LEDGER_KINDS, type FieldId, type LedgerKind, type SettingsEntry } from "../ledger";
import { isColumnNamesSection } from "../settingsNames";
import { isBlank, type SheetRow } from "../sheet";
import { compact, displayValue } from "../text";
import { nearest } from "./near";
import { settingsSheetEntries } from "./settingsSheet";

/** One mapping as written: a field word and the unit's header word. */
export interface ColumnName {
  readonly field: string;
  readonly header: string;
}

/** A row of the section, where its field word is (1-based; the header is right of it). `header` is "" when the row has none. */
export interface ColumnNameRow extends ColumnName {
  readonly row: number;
  readonly column: number;
}

/** Why a mapping is not used. */
export type ColumnNameProblem =
  /** Its field word names no field: `nearest` is the field word closest to it. */
  | { readonly reason: "unknown-field"; readonly nearest: string }
  | { readonly reason: "no-header" }
  /** An earlier mapping gave the same header to another field: `other` is its field word. */
  | { readonly reason: "taken"; readonly other: string };

/** The section's rows among a 台账设置 sheet's entries (recognize/settingsSheet.ts): those after its 列名对照 row. */
export function columnNamesOfEntries(entries: readonly SettingsEntry[]): ColumnNameRow[] {
  const at = entries.findIndex(([key]) => isColumnNamesSection(key));
  if (at < 0) return [];
  return entries.slice(at + 1).map(([field, value, row, column]) => ({
    field,
    header: isBlank(value) ? "" : displayValue(value).trim(),
    row,
    column: column - 1,
  }));
}

/** The section of a 台账设置 sheet's rows, as the recognizer reads them: for a source that reads it ahead of the ledgers. */
export function sheetColumnNames(rows: Iterable<SheetRow>): ColumnNameRow[] {
  return columnNamesOfEntries(settingsSheetEntries(rows));
}

type FieldsByKind = Partial<Record<LedgerKind, FieldId>>;

/** Every word that names a field, per kind: normalised word → field. Synonyms first, then labels, then ids. */
const FIELD_WORDS: Readonly<Record<LedgerKind, ReadonlyMap<string, FieldId>>> = Object.fromEntries(
  LEDGER_KINDS.map((kind) => {
    const words = new Map<string, FieldId>();
    const fields = Object.keys(HEADER_SYNONYMS[kind]) as FieldId[];
    const add = (word: string, field: FieldId) => {
      const { key } = normalizeHeader(word);
      if (!words.has(key)) words.set(key, field);
    };
    for (const f of fields) for (const w of (HEADER_SYNONYMS[kind] as Record<string, readonly string[]>)[f]) add(w, f);
    for (const f of fields) {
      add(FIELD_LABELS[f].zh, f);
      add(FIELD_LABELS[f].en, f);
      add(f, f);
    }
    return [kind, words];
  }),
) as unknown as Record<LedgerKind, ReadonlyMap<string, FieldId>>;

/** The fields a field word names, per ledger kind; empty when it names none. */
function fieldsOfWord(word: string): FieldsByKind {
  const { key } = normalizeHeader(word);
  const out: FieldsByKind = {};
  for (const kind of LEDGER_KINDS) {
    const field = FIELD_WORDS[kind].get(key);
    if (field) out[kind] = field;
  }
  return out;
}

/** The Chinese field words a person would write (labels and Chinese synonyms), for "did you mean". */
const CHINESE_FIELD_WORDS: readonly string[] = [
  ...new Set(
    LEDGER_KINDS.flatMap((kind) =>
      Object.entries(HEADER_SYNONYMS[kind] as Record<string, readonly string[]>).flatMap(([f, words]) => [FIELD_LABELS[f as FieldId].zh, ...words]),
    ).filter((w) => /[\u4e00-\u9fff]/.test(w)),
  ),
];

/**
 * What is wrong with each mapping (null: used), in order: an earlier mapping of the same header to
 * another field keeps it. The same mapping given twice (by the config and the sheet) is no problem.
 */
export function columnNameProblems(names: readonly ColumnName[]): (ColumnNameProblem | null)[] {
  const taken = new Map<string, { fields: FieldsByKind; word: string }>();
  return names.map(({ field, header }): ColumnNameProblem | null => {
    const fields = fieldsOfWord(field);
    if (Object.keys(fields).length === 0) return { reason: "unknown-field", nearest: nearest(compact(field), CHINESE_FIELD_WORDS) };
    const { key } = normalizeHeader(header);
    if (key === "") return { reason: "no-header" };
    const earlier = taken.get(key);
    if (earlier) {
      const clash = LEDGER_KINDS.some((k) => earlier.fields[k] !== undefined && fields[k] !== undefined && earlier.fields[k] !== fields[k]);
      return clash ? { reason: "taken", other: earlier.word } : null;
    }
    taken.set(key, { fields, word: field });
    return null;
  });
}

/** The lookup recognition uses: each usable mapping's header key → its field, per ledger kind. */
export function namedColumnsOf(names: readonly ColumnName[]): NamedColumns {
  if (names.length === 0) return NO_NAMED_COLUMNS;
  const problems = columnNameProblems(names);
  const maps = Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, new Map<string, FieldId>()])) as Record<LedgerKind, Map<string, FieldId>>;
  names.forEach(({ field, header }, i) => {
    if (problems[i]) return;
    const { key } = normalizeHeader(header);
    for (const [kind, f] of Object.entries(fieldsOfWord(field)) as [LedgerKind, FieldId][]) if (!maps[kind].has(key)) maps[kind].set(key, f);
  });
  return maps;
}
