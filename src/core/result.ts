/** What a check returns: the one shape every surface renders. */
import type { Day } from "./day";
import type { Finding } from "./findings";
import type { LedgerKind } from "./ledger";
import type { MarkPlan } from "./marks/mark";
import type { Settings } from "./settings";
import type { UnitKind } from "./values/types";

export const TARGET_IDS = [
  "fair-signing",
  "new-starts",
  "key-negotiations",
  "planned-projects",
  "trips-main",
  "trips-deputy",
  "invitations",
  "no-blank",
  "owner-promotions",
  "expert-review",
  "weekly-meetings",
  "annual-task",
] as const;
export type TargetId = (typeof TARGET_IDS)[number];

/** One target of a unit. A target whose ledger or column is missing is not assessed: all nulls. */
export interface TargetResult {
  readonly id: TargetId;
  readonly met: boolean | null;
  readonly actual: number | null;
  readonly required: number | null;
  readonly gap: number | null;
}

export type StartStatus = "missing-planned" | "overdue" | "due-soon" | "pending" | "started";
export type Outcome = "on-time" | "late" | "pending" | "not-started" | "not-implementable" | "undetermined";

/** A project row as assessed: what the highlight and the bulletin show. */
export interface ProjectAssessment {
  readonly sheet: string;
  readonly row: number;
  readonly unit: string;
  readonly name: string;
  readonly status: StartStatus | null;
  /** Only signed projects have an outcome. */
  readonly outcome: Outcome | null;
  readonly points: number;
  readonly investmentWan: number | null;
  readonly signDate: Day | null;
  readonly plannedStart: Day | null;
  readonly actualStart: Day | null;
  readonly owner: string;
}

export interface UnitAssessment {
  readonly unit: string;
  readonly unitKind: UnitKind;
  readonly errors: number;
  readonly warnings: number;
  readonly targets: readonly TargetResult[];
  readonly score: number;
  readonly penalty: number;
  /** 区级重点 projects started in the campaign window (core/keyStarts.ts): a share of the district's goal, not a target; null when the ledger lacks the 区级重点 or 实际开工 column. */
  readonly keyStarts: number | null;
}

export interface LedgerSummary {
  readonly sheet: string;
  readonly kind: LedgerKind;
  readonly headerRows: readonly number[];
  readonly dataRows: number;
  /** Whether it has a 单位 column: in a workbook of several units, a ledger without one is all the workbook's own unit's. */
  readonly unitColumn: boolean;
}

/** What the 台账核实 sheet did: findings it verifies, and its rows that match no finding any more (their cells changed, or the problem was put right) or repeat an earlier row's finding. */
export interface VerificationSummary {
  readonly acknowledged: number;
  readonly stale: number;
}

export interface CheckResult {
  readonly settings: Settings;
  readonly unitKind: UnitKind;
  /** The unit's name: 台账设置, else a 填报单位 line or a title, else the workbook's name. */
  readonly unitName: string;
  readonly ledgers: readonly LedgerSummary[];
  /** Every finding; a verified one (已核实) carries its `acknowledgement`. */
  readonly findings: readonly Finding[];
  /** Open findings by severity: a verified finding is not counted. */
  readonly errors: number;
  readonly warnings: number;
  readonly verifications: VerificationSummary;
  /** Whole-workbook figures; with several units, the units added up. */
  readonly targets: readonly TargetResult[];
  readonly score: number;
  readonly penalty: number;
  /** 区级重点 projects started in the campaign window; with several units, the sum of those assessed; null when none is. */
  readonly keyStarts: number | null;
  /** Per unit, when a ledger has a 单位 column; otherwise null. */
  readonly units: readonly UnitAssessment[] | null;
  readonly projects: readonly ProjectAssessment[];
  /** What the highlight marks and by which formulas (core/marks): the pane in Excel and WPS and the highlighted copy render it. */
  readonly marks: MarkPlan;
}
