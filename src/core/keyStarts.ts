/**
 * 重点项目开工 (`key-starts`): the plan's district-wide commitment that 10 区级重点 signed
 * projects start during the campaign (攻坚活动期间有10个重点签约项目要开工建设). Each unit's count
 * is part of its assessment; the district adds them up against its goal (a setting of the
 * district config). It is not a target of any unit and changes no score.
 */
import type { Day } from "./day";
import type { FieldId } from "./ledger";
import type { ParsedRow } from "./row";

/** The district's goal when its config sets none: the plan's ten. */
export const KEY_STARTS_GOAL = 10;

/** The columns a unit's count needs: without either, the unit's count is not assessed (null), never 0. */
const NEEDS: readonly FieldId[] = ["keySigned", "actualStart"];

/**
 * A unit's key starts: its projects flagged 区级重点 whose actual start `counts` (inside the
 * campaign window and on or before the as-of date). Null when the workbook has no projects ledger
 * or the ledger lacks the 区级重点 or the actual-start column.
 */
export function countKeyStarts(rows: readonly ParsedRow[], present: ReadonlySet<FieldId> | undefined, counts: (d: Day | undefined) => boolean): number | null {
  if (!present || !NEEDS.every((f) => present.has(f))) return null;
  return rows.filter((r) => r.values.keySigned === true && counts(r.values.actualStart)).length;
}

/** The district's figure: the units' counts added up against the goal. */
export interface DistrictKeyStarts {
  /** The sum over the units assessed; null when no unit could be assessed. */
  readonly actual: number | null;
  readonly required: number;
  /** Null when no unit could be assessed. */
  readonly met: boolean | null;
  readonly gap: number | null;
  /** How many units were counted, and how many could not be (a ledger without 区级重点 or 实际开工 column). */
  readonly assessed: number;
  readonly notAssessed: number;
}

/** The units' counts (null: not assessed) against the goal. */
export function districtKeyStarts(counts: readonly (number | null)[], goal: number = KEY_STARTS_GOAL): DistrictKeyStarts {
  const assessed = counts.filter((n): n is number => n !== null);
  const notAssessed = counts.length - assessed.length;
  if (assessed.length === 0) return { actual: null, required: goal, met: null, gap: null, assessed: 0, notAssessed };
  const actual = assessed.reduce((s, n) => s + n, 0);
  return { actual, required: goal, met: actual >= goal, gap: Math.max(0, goal - actual), assessed: assessed.length, notAssessed };
}

/** A workbook's count over its units: the sum of those assessed, null when none is. */
export function sumKeyStarts(counts: readonly (number | null)[]): number | null {
  return districtKeyStarts(counts).actual;
}
