/**
 * The ZS custom functions for reviewers' summary sheets. custom-functions-metadata-plugin reads
 * the JSDoc below to write functions.json during the build (ids, matrix `table`, optional
 * arguments) and appends a `CustomFunctions.associate(id, fn)` call per function to this file.
 *
 * Each function loads the engine (formulas.ts) on first use, so this file — which the task pane's
 * page also loads, since both share one runtime — adds only a few KB to the pane's first download.
 */
import { customFunctionsRuntime, type CustomFunctionsRuntime } from "./errors";

/**
 * The appended associate calls resolve to this binding. Where Excel has no custom functions
 * (Excel 2016/2019 open the same page as a plain task pane) it is a stub, so they do nothing
 * instead of throwing a ReferenceError.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const CustomFunctions: CustomFunctionsRuntime = customFunctionsRuntime() ?? { associate: () => undefined };

const formulas = () => import(/* webpackChunkName: "formulas" */ "./formulas");

/**
 * Whether the unit meets a target of the campaign plan.
 * @customfunction TARGETMET
 * @param target Target id or its Chinese alias, e.g. "fair-signing" or "投洽会签约".
 * @param table The unit's ledger range, header rows included; title rows above may be included.
 * @param [unitKind] Unit kind: town, park, department, hq or 街道, 园区, 区直部门, 指挥部. Default: the workbook's 台账设置, else what the ledger says.
 * @param [asOf] As-of date (统计截止日), e.g. TODAY(). Default: the 台账设置 date; without one the date is required.
 * @param [unit] One unit of a range that holds several (its 单位 value). Default: the whole range. Given with unitKind, a unit with no row in the range is a unit with none in this ledger (no trip yet); without unitKind it is #N/A, as a typo may be.
 * @param [fairStartDeadline] Fair projects' start deadline (投洽会项目开工时限): a fair-signed project counts toward 投洽会签约 only if it starts before it. Default: the 台账设置 date, else 1 March of the year after the as-of date.
 * @returns TRUE when the target is met, FALSE when not.
 */
export async function targetMet(
  target: unknown,
  table: unknown[][],
  unitKind?: unknown,
  asOf?: unknown,
  unit?: unknown,
  fairStartDeadline?: unknown,
): Promise<boolean> {
  return (await formulas()).targetMet(target, { table, unitKind, asOf, unit, fairStartDeadline });
}

/**
 * How many qualifying projects, trips, guests or weeks the unit still needs for a target (0 when met).
 * @customfunction TARGETGAP
 * @param target Target id or its Chinese alias, e.g. "new-starts" or "新开工".
 * @param table The unit's ledger range, header rows included; title rows above may be included.
 * @param [unitKind] Unit kind: town, park, department, hq or 街道, 园区, 区直部门, 指挥部. Default: the workbook's 台账设置, else what the ledger says.
 * @param [asOf] As-of date (统计截止日), e.g. TODAY(). Default: the 台账设置 date; without one the date is required.
 * @param [unit] One unit of a range that holds several (its 单位 value). Default: the whole range. Given with unitKind, a unit with no row in the range is a unit with none in this ledger (no trip yet); without unitKind it is #N/A, as a typo may be.
 * @param [fairStartDeadline] Fair projects' start deadline (投洽会项目开工时限): a fair-signed project counts toward 投洽会签约 only if it starts before it. Default: the 台账设置 date, else 1 March of the year after the as-of date.
 * @returns The gap, 0 when the target is met.
 */
export async function targetGap(
  target: unknown,
  table: unknown[][],
  unitKind?: unknown,
  asOf?: unknown,
  unit?: unknown,
  fairStartDeadline?: unknown,
): Promise<number> {
  return (await formulas()).targetGap(target, { table, unitKind, asOf, unit, fairStartDeadline });
}

/**
 * Deductions of the strict assessment, as a positive number: a projects ledger gives its project deductions, a trips ledger its missing-trip deductions.
 * @customfunction PENALTY
 * @param table The unit's ledger range, header rows included; title rows above may be included.
 * @param [unitKind] Unit kind: town, park, department, hq or 街道, 园区, 区直部门, 指挥部. Default: the workbook's 台账设置, else what the ledger says.
 * @param [asOf] As-of date (统计截止日), e.g. TODAY(). Default: the 台账设置 date; without one the date is required.
 * @param [unit] One unit of a range that holds several (its 单位 value). Default: the whole range. Given with unitKind, a unit with no row in the range is a unit with none in this ledger (no trip yet); without unitKind it is #N/A, as a typo may be.
 * @param [projectPoints] B, points of one signed project. Default 2.
 * @param [tripPoints] P, points of one required trip of the principal. Default 1.
 * @returns The deductions, 0 or more.
 */
export async function penalty(
  table: unknown[][],
  unitKind?: unknown,
  asOf?: unknown,
  unit?: unknown,
  projectPoints?: unknown,
  tripPoints?: unknown,
): Promise<number> {
  return (await formulas()).penalty({ table, unitKind, asOf, unit, projectPoints, tripPoints });
}

/**
 * SCORE of a projects ledger: points of every signed project's outcome plus the fair bonus.
 * @customfunction SCORE
 * @param table The unit's projects ledger range, header rows included; title rows above may be included.
 * @param [asOf] As-of date (统计截止日), e.g. TODAY(). Default: the 台账设置 date; without one the date is required.
 * @param [unit] One unit of a range that holds several (its 单位 value). Default: the whole range.
 * @param [projectPoints] B, points of one signed project. Default 2.
 * @param [fairBonus] F, bonus of one project signed at the investment fair. Default 1.
 * @returns The score.
 */
export async function score(table: unknown[][], asOf?: unknown, unit?: unknown, projectPoints?: unknown, fairBonus?: unknown): Promise<number> {
  return (await formulas()).score({ table, asOf, unit, projectPoints, fairBonus });
}

/**
 * Start-date status of one project: 缺计划开工日期, 逾期未开工, 临近开工时限, 待开工, 已开工, or empty when not applicable.
 * @customfunction STARTSTATUS
 * @param stage The project's stage (项目状态), e.g. 签约.
 * @param plannedStart Planned start date (计划开工日期); may be blank.
 * @param actualStart Actual start date (实际开工日期); may be blank.
 * @param [asOf] As-of date (统计截止日), e.g. TODAY(). Default: the 台账设置 date; without one the date is required.
 * @param [soonDays] A planned start this many days after the as-of date or fewer is due soon. Default 14.
 * @returns The status label, or empty text.
 */
export async function startStatus(stage: unknown, plannedStart: unknown, actualStart: unknown, asOf?: unknown, soonDays?: unknown): Promise<string> {
  return (await formulas()).startStatus(stage, plannedStart, actualStart, asOf, soonDays);
}

/**
 * An amount in 万元, read as the ledger check reads it ("1.2亿" is 12000).
 * @customfunction AMOUNT
 * @param value The amount: a number or text such as 1.2亿, 12,000, 3000000元.
 * @param [unit] Unit of a plain number: 元, 万元 or 亿元. Default 万元.
 * @returns The amount in 万元.
 */
export async function amount(value: unknown, unit?: unknown): Promise<number> {
  return (await formulas()).amount(value, unit);
}
