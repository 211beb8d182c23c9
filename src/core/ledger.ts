/**
 * The ledger model: what recognition makes of a sheet. Only the cells of recognised columns are
 * kept, raw; they are parsed when the workbook's settings (as-of year, date system) are known.
 */
import type { CellValue } from "./sheet";
import type { AmountUnit } from "./values/types";

export type LedgerKind = "projects" | "trips" | "invitations" | "meetings";
export const LEDGER_KINDS: readonly LedgerKind[] = ["projects", "trips", "invitations", "meetings"];

type ProjectField =
  | "unit" | "name" | "investor" | "industry" | "investment" | "stage" | "keyNegotiation" | "keySigned"
  | "fairSigned" | "planDate" | "signDate" | "plannedStart" | "actualStart" | "fundsInPlace" | "owner"
  | "promotions" | "expertReviewed" | "progress" | "notes";
type TripField = "unit" | "date" | "endDate" | "leader" | "role" | "title" | "region" | "companies" | "outcome";
type InvitationField = "unit" | "company" | "category" | "invitee" | "title" | "confirmed";
type MeetingField = "unit" | "date" | "location" | "topic" | "recorder";
export type FieldId = ProjectField | TripField | InvitationField | MeetingField;
/** Each ledger kind's fields, for tables that hold something per field of every kind. */
export interface LedgerFields {
  readonly projects: ProjectField;
  readonly trips: TripField;
  readonly invitations: InvitationField;
  readonly meetings: MeetingField;
}

export interface LedgerColumn {
  readonly field: FieldId;
  /** 1-based column number. */
  readonly column: number;
  /** The header as shown; with two header rows "group/lower" (开工情况/计划开工时间). */
  readonly header: string;
  /** The unit the header names in brackets ([亿元], (万元)), if any. */
  readonly unit: AmountUnit | null;
}

export type Cells = Partial<Record<FieldId, CellValue>>;

/** One data row: its recognised cells and the unit it belongs to (单位, filled down). */
export interface LedgerRecord {
  readonly row: number;
  readonly cells: Cells;
  /** The 单位 value of this row, or of the nearest row above with one; null without a 单位 column. */
  readonly unit: string | null;
}

/** A 合计 or 小计 row, with the data rows it should add up (indexes into `records`, end exclusive). */
export interface TotalRow {
  readonly row: number;
  readonly kind: "total" | "subtotal";
  readonly cells: Cells;
  readonly from: number;
  readonly to: number;
}

export interface Ledger {
  readonly sheet: string;
  readonly kind: LedgerKind;
  /** 1-based header rows: one, or two for a two-level header. */
  readonly headerRows: readonly number[];
  /** The column read for each field (the first one, when two name the same field). */
  readonly columns: readonly LedgerColumn[];
  /** Columns ignored because an earlier one names the same field (`duplicate-column`). */
  readonly duplicateColumns: readonly LedgerColumn[];
  /** Header cells that name no field: `missing-column` names those close to a missing one. */
  readonly unmappedHeaders: readonly { readonly column: number; readonly header: string }[];
  /** The default unit of the sheet's amount columns: its units line (单位：亿元), else 万元. */
  readonly sheetUnit: AmountUnit;
  /** The title above the header (财源街道招商引资项目台账), if any. */
  readonly title: string | null;
  /** The unit named above the header (填报单位：财源街道) or in the title, if any. */
  readonly unitName: string | null;
  readonly records: readonly LedgerRecord[];
  readonly totals: readonly TotalRow[];
  /**
   * The first non-blank row after the last data row (a 合计, a footer, notes), or null when none
   * follows: the highlight's live marks reach below the data, but never into it.
   */
  readonly afterData?: number | null;
}

/** A 台账设置 row: its key as written, its value, and the value's 1-based row and column. */
export type SettingsEntry = readonly [key: string, value: CellValue, row: number, column: number];

/** What one sheet turned out to be. */
export type RecognizedSheet =
  | { readonly type: "ledger"; readonly ledger: Ledger }
  /** The 台账设置 sheet: its (项目, 值) pairs, raw. */
  | { readonly type: "settings"; readonly sheet: string; readonly entries: readonly SettingsEntry[] }
  /** Not a ledger; its text above any header is kept to infer the unit (titles, 填报单位). */
  | { readonly type: "none"; readonly sheet: string; readonly titles: readonly string[] };

export function columnOf(ledger: Ledger, field: FieldId): LedgerColumn | undefined {
  return ledger.columns.find((c) => c.field === field);
}
