/**
 * A ledger's data row once read: each field's value in the type its column holds (DOMAIN.md,
 * "Values"), and what could not be read. What read.ts makes and the rules and the assessment use.
 */
import type { Day } from "./day";
import type { FieldId, LedgerKind } from "./ledger";
import type { CellValue } from "./sheet";
import { roleFromTitle } from "./values/role";
import type { Amount, InviteeCategory, Role, Stage } from "./values/types";

/** The kind of value a column holds; fields not listed are text. */
const VALUE_TYPES = {
  investment: "amount",
  fundsInPlace: "amount",
  planDate: "date",
  signDate: "date",
  plannedStart: "date",
  actualStart: "date",
  date: "date",
  endDate: "date",
  keyNegotiation: "flag",
  keySigned: "flag",
  fairSigned: "flag",
  expertReviewed: "flag",
  confirmed: "flag",
  stage: "stage",
  role: "role",
  category: "category",
  promotions: "count",
} as const satisfies Partial<Record<FieldId, string>>;

export type ValueType = (typeof VALUE_TYPES)[keyof typeof VALUE_TYPES];
type Typed = keyof typeof VALUE_TYPES;
/** The fields whose column holds values of type T. */
type FieldsOf<T extends ValueType> = { [F in Typed]: (typeof VALUE_TYPES)[F] extends T ? F : never }[Typed];
export type AmountField = FieldsOf<"amount">;
export type DateField = FieldsOf<"date">;
export type FlagField = FieldsOf<"flag">;

export function valueTypeOf(field: FieldId): ValueType | undefined {
  return (VALUE_TYPES as Partial<Record<FieldId, ValueType>>)[field];
}

export function fieldsOfType(type: ValueType): FieldId[] {
  return (Object.keys(VALUE_TYPES) as Typed[]).filter((f) => VALUE_TYPES[f] === type);
}

/**
 * A row's values by field: an amount, a day, a flag, or the text as shown (a stage's text too,
 * for messages; its reading is `ParsedRow.stage`). Role, category and count columns are read into
 * the row's own properties instead. Absent: blank, unreadable (see `unreadable`) or no column.
 */
export type RowValues = {
  [F in Exclude<FieldId, FieldsOf<"role" | "category" | "count">>]?: F extends AmountField ? Amount : F extends DateField ? Day : F extends FlagField ? boolean : string;
};

/** Fields a data row must fill (DOMAIN.md marks the projects' three; the others cannot be counted without theirs). */
export const ROW_REQUIRED: Readonly<Record<LedgerKind, readonly FieldId[]>> = {
  projects: ["name", "investment", "stage"],
  trips: ["date"],
  invitations: ["company"],
  meetings: ["date"],
};

/** One data row, typed. */
export interface ParsedRow {
  readonly sheet: string;
  readonly row: number;
  /** The row's 单位, or the workbook's unit when the ledger has no 单位 column. */
  readonly unit: string;
  readonly values: RowValues;
  readonly stage?: Stage;
  readonly role?: Role;
  readonly category?: InviteeCategory;
  readonly promotions?: number;
  /** Fields whose cell holds something that could not be read. */
  readonly unreadable: ReadonlySet<FieldId>;
  /**
   * Raw cells the highlight's guarded marks compare against (core/marks): on project rows the cells
   * the guarded rules read (KEPT_RAW_FIELDS), and on any row each cell that could not be read or
   * raised a value finding (its row key digests it, core/verify/rowKey); null when there is none.
   */
  readonly raw: Readonly<Partial<Record<FieldId, CellValue>>> | null;
}

/** A trip's role: its role column, else what its title says. */
export function tripRole(row: ParsedRow): Role | null {
  if (row.role) return row.role;
  return row.values.title ? roleFromTitle(row.values.title) : null;
}
