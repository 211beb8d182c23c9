/**
 * A finding's row key (行键), which ties a 台账核实 row to the content behind the finding:
 * `<the row's identity>#<8 hex digits>`, e.g. `城东物流园项目#1f03a9c2`. The identity (the project's
 * name, an invitation's company, a trip's leader, a meeting's topic; else 第N行) lets a person
 * recognise the row; the digest covers every identity field the row fills (a trip's leader and its
 * region, so that two trips of one leader differ) and the cells the finding's rule `reads` (a value
 * rule's own cell), so that changing any of them makes the key differ and the finding return. Rows
 * alike in all of these still share a key: verify/apply numbers the repeats (`~2`, `~3` …).
 *
 * Cells are digested as every surface reads them alike: a date cell by its day (Office.js gives a
 * serial, ExcelJS a Date), numbers to 12 significant digits, every error value alike (the
 * streaming reader loses an error's text), text exactly.
 */
import { dayFromSerial } from "../day";
import type { Finding } from "../findings";
import type { FieldId } from "../ledger";
import { cellNumber } from "../marks/formulaText";
import { valueTypeOf, type ParsedRow } from "../row";
import { RULES } from "../rules/catalog";
import { isBlank, isCellError, type CellValue, type DateSystem } from "../sheet";
import { compact } from "../text";
import { isVerifiable } from "./sheet";

/** Fields that name a row for a person, in the order they are tried. */
const IDENTITY_FIELDS: readonly FieldId[] = ["name", "company", "leader", "topic", "invitee", "region", "location"];
/** The smallest yyyyMM number the core reads as a date written in digits (values/date.ts). */
const YYYYMM_FROM = 190001;
/** The identity's length in the key, in characters (code points); the digest covers all of it. */
const SHOWN = 24;

/** The key of a finding on `row`, or undefined when its rule is not verifiable. */
export function rowKeyOf(f: Finding, row: ParsedRow, dateSystem: DateSystem): string | undefined {
  if (!isVerifiable(f.rule)) return undefined;
  const def = RULES[f.rule];
  const fields: readonly FieldId[] = def.scope === "value" ? (f.field ? [f.field] : []) : def.reads;
  const identities = identitiesOf(row);
  const identity = identities.length > 0 ? identities[0][1] : `第${row.row}行`;
  const parts = [identity, def.scope === "value" ? (f.field ?? "") : ""];
  for (const field of fields) parts.push(canonical(cellOf(row, field), field, dateSystem));
  // The other identity fields after the rest, so that a row with one (a project's name) keeps the key it had before they counted.
  for (const [field, value] of identities.slice(1)) parts.push(`\u0002${field}=${value}`);
  return `${firstCodePoints(identity, SHOWN)}#${fnv1a(parts.join("\u0001"))}`;
}

/** The identity fields the row fills, in IDENTITY_FIELDS order, compacted. */
function identitiesOf(row: ParsedRow): [FieldId, string][] {
  const values = row.values as Partial<Record<FieldId, unknown>>;
  const out: [FieldId, string][] = [];
  for (const field of IDENTITY_FIELDS) {
    const v = values[field];
    if (typeof v === "string" && v.trim() !== "") out.push([field, compact(v)]);
  }
  return out;
}

/** The first `n` characters of `s` by code point: a CJK Ext-B name (𠮷) is never cut inside its surrogate pair. */
function firstCodePoints(s: string, n: number): string {
  let end = 0;
  for (let count = 0; count < n && end < s.length; count++) {
    const high = s.charCodeAt(end);
    const low = s.charCodeAt(end + 1); // NaN past the end
    end += high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
  }
  return s.slice(0, end);
}

/** The cell as read: the raw cell where the row kept it (the cells rules read, the cells of findings), else the value read from it. */
function cellOf(row: ParsedRow, field: FieldId): unknown {
  if (row.raw && field in row.raw) return row.raw[field];
  return (row.values as Partial<Record<FieldId, unknown>>)[field];
}

function canonical(v: unknown, field: FieldId, dateSystem: DateSystem): string {
  if (v === null || v === undefined || (typeof v === "string" && isBlank(v))) return "";
  if (typeof v === "string") return `s${v}`;
  if (typeof v === "boolean") return v ? "b1" : "b0";
  if (isCellError(v as CellValue)) return "e";
  if (typeof v === "number" || v instanceof Date) {
    // A date cell is a serial in Office.js and a Date in ExcelJS: both as the serial number.
    const n = cellNumber(v, dateSystem);
    if (n === null) return "e";
    // A date cell by its day; a yyyymmdd or yyyyMM number (far above any serial of our years) as written, in either date system.
    if (valueTypeOf(field) === "date" && !(typeof v === "number" && v >= YYYYMM_FROM)) return `d${dayFromSerial(n, dateSystem)}`;
    return `n${Number(n.toPrecision(12))}`;
  }
  // A value read from a cell (an amount, a flag): what it holds.
  return `v${JSON.stringify(v)}`;
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
