/**
 * The header search: every row of the window read as a one-row and as a two-level header, for
 * every ledger kind; the reading that names the most fields wins (DOMAIN.md's tie-breaks).
 */
import type { FieldId, LedgerColumn, LedgerKind } from "../ledger";
import { LEDGER_KINDS } from "../ledger";
import { matchHeader, meetsRequirement, normalizeHeader, NO_NAMED_COLUMNS, qualifiedKey, type NamedColumns } from "../headers";
import type { CellValue, MergeArea, SheetMeta, SheetRow } from "../sheet";
import { isBlank, isCellError } from "../sheet";
import { compact, displayValue } from "../text";
import type { AmountUnit } from "../values/types";

/** How many rows, from the first non-blank one, may hold the header (its upper row). */
export const HEADER_WINDOW = 15;

/** A header cell: its text as shown, and the key synonyms are compared with. */
interface HeaderCell {
  readonly text: string;
  readonly key: string;
  readonly unit: AmountUnit | null;
  /** The key with a bracketed qualifier in front (开工时间（计划） → 计划开工时间), tried before the key. */
  readonly qualified: string | null;
}

/** One column as a header reading sees it, before a kind is chosen: the keys to try, in order. */
interface HeaderColumn {
  /** 1-based. */
  readonly column: number;
  readonly header: string;
  readonly keys: readonly string[];
  readonly unit: AmountUnit | null;
}

/** A header cell that names no field: kept to say which headers come close to a missing column. */
interface UnmappedHeader {
  readonly column: number;
  readonly header: string;
  /** Its keys, as matching saw them. */
  readonly keys: readonly string[];
}

interface ColumnMapping {
  readonly columns: LedgerColumn[];
  readonly duplicates: LedgerColumn[];
  readonly fields: Set<FieldId>;
  readonly unmapped: UnmappedHeader[];
}

/** A reading of the header as a ledger of one kind: its rows, and what each column names. */
export interface Header {
  readonly kind: LedgerKind;
  readonly rows: readonly number[];
  readonly mapping: ColumnMapping;
  /** Lower-row cells that only name a unit. */
  readonly unitCells: number;
}

const LINE_BREAKS = /[\r\n]+/;

/**
 * A cell's text without the line breaks that only wrap it: 计划开工\n时间 shows as 计划开工时间.
 * Split and trimmed, not /\s*[\r\n]+\s*\/g, which takes quadratic time on a long run of spaces.
 */
export function shownText(v: CellValue): string {
  const text = displayValue(v);
  return LINE_BREAKS.test(text) ? text.split(LINE_BREAKS).map((part) => part.trim()).join("") : text.trim();
}

function headerCellOf(v: CellValue): HeaderCell | null {
  if (isBlank(v) || isCellError(v)) return null;
  const text = shownText(v);
  const { key, unit } = normalizeHeader(text);
  return { text, key, unit, qualified: qualifiedKey(text, key) };
}

/**
 * Tries every row of the window as a one-row header and, with the row below it, as a two-level
 * header, for every kind. The reading that names the most fields among those meeting their kind's
 * requirement wins; on a tie, the kind the sheet name suggests, then the reading with a row of
 * units under the header ((亿元) under 总投资), then the one-row reading (a title merged over the
 * header must not become its upper level), then the earlier row, then kind order.
 */
export function findHeader(rows: readonly SheetRow[], meta: SheetMeta, named: NamedColumns = NO_NAMED_COLUMNS): Header | null {
  if (rows.length === 0) return null;
  const cells = rows.map((r) => r.values.map(headerCellOf));
  const lastCandidate = rows[0].row + HEADER_WINDOW - 1;
  const hint = kindHintOf(meta.name);
  let best: Header | null = null;
  for (let i = 0; i < rows.length && rows[i].row <= lastCandidate; i++) {
    if (cells[i].every((c) => c === null)) continue;
    const upperRow = rows[i].row;
    const readings = [{ rows: [upperRow], header: oneRowHeader(cells[i]), unitCells: 0 }];
    if (rows[i + 1]?.row === upperRow + 1) {
      const lower = cells[i + 1];
      readings.push({
        rows: [upperRow, upperRow + 1],
        header: twoRowHeader(cells[i], lower, upperRow, meta.merges ?? []),
        unitCells: lower.filter((c) => c?.key === "" && c.unit !== null).length,
      });
    }
    for (const reading of readings) {
      for (const kind of LEDGER_KINDS) {
        const mapping = mapColumns(kind, reading.header, named);
        if (!meetsRequirement(kind, mapping.fields)) continue;
        const candidate: Header = { kind, mapping, rows: reading.rows, unitCells: reading.unitCells };
        if (!best || isBetterHeader(candidate, best, hint)) best = candidate;
      }
    }
  }
  return best;
}

/** Candidates arrive by row, one-row reading first, then kind order: the first one found wins a full tie. */
function isBetterHeader(a: Header, b: Header, hint: LedgerKind | null): boolean {
  const named = a.mapping.columns.length - b.mapping.columns.length;
  if (named !== 0) return named > 0;
  if ((a.kind === hint) !== (b.kind === hint)) return a.kind === hint;
  if (a.unitCells !== b.unitCells) return a.unitCells > b.unitCells;
  return a.rows.length < b.rows.length;
}

const KIND_HINTS: readonly (readonly [string, LedgerKind])[] = [
  ["外出", "trips"],
  ["邀请", "invitations"],
  ["客商", "invitations"],
  ["例会", "meetings"],
  ["调度", "meetings"],
  ["项目", "projects"],
];

/** The kind a sheet name suggests (外出招商 → trips), to break a tie between kinds. */
function kindHintOf(sheetName: string): LedgerKind | null {
  const name = compact(sheetName);
  return KIND_HINTS.find(([word]) => name.includes(word))?.[1] ?? null;
}

function oneRowHeader(cells: readonly (HeaderCell | null)[]): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  cells.forEach((cell, i) => {
    if (cell) columns.push({ column: i + 1, header: cell.text, keys: keysOf(cell), unit: cell.unit });
  });
  return columns;
}

/**
 * A two-level header. A lower cell names its column; where it is blank (序号 merged over both
 * rows) the upper one does; where it alone names nothing, group+lower or lower+group may
 * (计划 under 开工时间 → 计划开工时间). An upper label spanning several columns is only a group
 * label; one over a single column still names it when nothing else does.
 */
function twoRowHeader(
  upper: readonly (HeaderCell | null)[],
  lower: readonly (HeaderCell | null)[],
  upperRow: number,
  merges: readonly MergeArea[],
): HeaderColumn[] {
  const labels = upperLabels(upper, lower, upperRow, merges);
  const columns: HeaderColumn[] = [];
  const width = Math.max(labels.length, lower.length);
  for (let i = 0; i < width; i++) {
    const up = labels[i] ?? null;
    const low = lower[i] ?? null;
    // A lower cell that is only a unit, (亿元) under 总投资, adds the unit but names nothing.
    if (!low || low.key === "") {
      if (!up || !up.first) continue;
      const header = low ? `${up.cell.text}/${low.text}` : up.cell.text;
      columns.push({ column: i + 1, header, keys: keysOf(up.cell), unit: low?.unit ?? up.cell.unit });
      continue;
    }
    if (!up) {
      columns.push({ column: i + 1, header: low.text, keys: keysOf(low), unit: low.unit });
      continue;
    }
    const keys = [...keysOf(low), up.cell.key + low.key, low.key + up.cell.key];
    if (!up.group) keys.push(...keysOf(up.cell));
    columns.push({ column: i + 1, header: `${up.cell.text}/${low.text}`, keys, unit: low.unit ?? up.cell.unit });
  }
  return columns;
}

interface UpperLabel {
  readonly cell: HeaderCell;
  /** Spans several columns: a group label. */
  readonly group: boolean;
  /** The column the label is written in (the first of its group). */
  readonly first: boolean;
}

/** The upper label over each column: merged areas spread theirs across their columns. */
function upperLabels(
  upper: readonly (HeaderCell | null)[],
  lower: readonly (HeaderCell | null)[],
  upperRow: number,
  merges: readonly MergeArea[],
): (UpperLabel | null)[] {
  const labels: (UpperLabel | null)[] = upper.map((cell) => cell && { cell, group: false, first: true });
  const spread = (cell: HeaderCell, from: number, to: number): void => {
    for (let i = from; i <= to; i++) labels[i] = { cell, group: true, first: i === from };
  };
  for (const m of merges) {
    // Only an area within the upper row groups columns; one reaching the lower row is a single header.
    const cell = upper[m.left - 1];
    if (m.top === upperRow && m.bottom === upperRow && m.right > m.left && cell) spread(cell, m.left - 1, m.right - 1);
  }
  // Streamed sheets lose their merges: a label followed by blanks, over named lower cells, is a group too.
  for (let i = 0; i < upper.length; i++) {
    const cell = upper[i];
    if (!cell || labels[i]?.group || !lower[i]) continue;
    let end = i + 1;
    while (end < lower.length && !upper[end] && !labels[end] && lower[end]) end++;
    if (end > i + 1) spread(cell, i, end - 1);
    i = end - 1;
  }
  return labels;
}

/** A cell's keys: the qualified one first (开工时间（计划） is the planned start, not the actual one). */
function keysOf(cell: HeaderCell): string[] {
  return cell.qualified === null ? [cell.key] : [cell.qualified, cell.key];
}

/** What the columns name in a ledger of `kind`; a field named again goes to `duplicates`. */
function mapColumns(kind: LedgerKind, header: readonly HeaderColumn[], named: NamedColumns): ColumnMapping {
  const mapping: ColumnMapping = { columns: [], duplicates: [], fields: new Set(), unmapped: [] };
  for (const { column, header: text, keys, unit } of header) {
    const match = matchHeader(kind, keys, named);
    if (!match) {
      mapping.unmapped.push({ column, header: text, keys });
      continue;
    }
    const field = match.field;
    const ledgerColumn: LedgerColumn = { field, column, header: text, unit: match.unit ?? unit };
    if (mapping.fields.has(field)) mapping.duplicates.push(ledgerColumn);
    else {
      mapping.fields.add(field);
      mapping.columns.push(ledgerColumn);
    }
  }
  return mapping;
}
