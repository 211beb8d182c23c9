/** A finding: one problem at one place, keyed by a stable rule id of DOMAIN.md. */
import type { FieldId } from "./ledger";

export type Severity = "error" | "warning";
export type Lang = "zh" | "en";

/** The stable rule ids of DOMAIN.md's findings table; each has one definition in rules/catalog.ts. */
export type RuleId =
  | "missing-ledger"
  | "missing-column"
  | "unknown-setting"
  | "invalid-setting"
  | "duplicate-column"
  | "missing-value"
  | "invalid-amount"
  | "approximate-amount"
  | "foreign-currency"
  | "invalid-date"
  | "partial-date"
  | "unknown-stage"
  | "invalid-flag"
  | "missing-sign-date"
  | "missing-planned-start"
  | "overdue-start"
  | "fair-start-late"
  | "start-due-soon"
  | "missing-actual-start"
  | "start-before-sign"
  | "stage-not-updated"
  | "future-date"
  | "funds-exceed-investment"
  | "fair-signed-not-signed"
  | "duplicate-project"
  | "total-mismatch"
  | "invalid-verification";

/** Values a message template fills in; all already formatted for display. */
export type MessageParams = Readonly<Record<string, string | number>>;

export interface Finding {
  /** Sheet name; "" for a workbook-level finding (missing-ledger). */
  readonly sheet: string;
  /** A1 address of the offending cell (or the row's name cell); "" for a workbook-level finding. */
  readonly cell: string;
  /** 1-based row; null for a workbook-level finding. */
  readonly row: number | null;
  /** 1-based column; null for a workbook-level finding. */
  readonly column: number | null;
  readonly field: FieldId | null;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly params: MessageParams;
  /** The 单位 of the row, on sheets that hold several units. */
  readonly unit?: string;
  /**
   * The row's key for the 台账核实 sheet (core/verify/rowKey): its identity and a digest of the
   * cells the rule reads. Only on findings a unit may verify (a value or project-row rule's).
   */
  readonly rowKey?: string;
  /** Set when the 台账核实 sheet verifies this finding (已核实): it is reported apart and not marked. */
  readonly acknowledgement?: Acknowledgement;
}

/** A 台账核实 row that verifies a finding: why, by whom, when (ISO day, or "" when not written). */
export interface Acknowledgement {
  readonly reason: string;
  readonly by: string;
  readonly date: string;
}
