/**
 * What the ZS functions compute, synchronously: Excel-shaped arguments in, the core's answer out.
 * functions.ts loads this module lazily, so the engine stays out of the task pane's first download.
 */
import type { Day } from "../core/day";
import { today as todayOf, yearOf } from "../core/day";
import { STATUS_LABELS } from "../core/labels";
import type { CheckResult, TargetId, TargetResult } from "../core/result";
import { resolveSettings, type SettingsOverrides } from "../core/settings";
import { startStatus as statusOf, statusRow } from "../core/startStatus";
import { displayValue } from "../core/text";
import { parseAmount } from "../core/values/amount";
import type { UnitKind } from "../core/values/types";
import { inferUnitKind } from "../core/values/unitKind";
import { readAmountUnit, readDate, readSetting, readStage, readTable, readTarget, readUnitKind, readUnitName } from "./arguments";
import { fail } from "./errors";
import { MESSAGES } from "./messages";
import { getWorkbookSettings, noteFunctionRan, type WorkbookSettings } from "../host/runtimeState";
import { checkTable } from "./tableCache";

/** What a ledger range is asked with: every argument optional but the table. */
interface TableQuestion {
  readonly table: unknown;
  readonly unitKind?: unknown;
  readonly asOf?: unknown;
  readonly unit?: unknown;
  readonly projectPoints?: unknown;
  readonly tripPoints?: unknown;
  readonly fairBonus?: unknown;
  /** 投洽会项目开工时限: TARGETMET and TARGETGAP take it, the only functions whose answer it changes (fair-signing). */
  readonly fairStartDeadline?: unknown;
}

/** The part of a result a question is about: the whole range, or one unit of a multi-unit range. */
interface Scope {
  readonly kind: UnitKind;
  readonly targets: readonly TargetResult[];
  readonly score: number;
  readonly penalty: number;
  readonly result: CheckResult;
}

export function targetMet(target: unknown, q: TableQuestion): boolean {
  return targetOf(target, q).met as boolean;
}

export function targetGap(target: unknown, q: TableQuestion): number {
  return targetOf(target, q).gap as number;
}

export function penalty(q: TableQuestion): number {
  const scope = assess(q);
  if (!scope.result.ledgers.some((l) => l.kind === "projects" || l.kind === "trips")) fail("unavailable", MESSAGES.noPenaltyLedger());
  return scope.penalty;
}

export function score(q: TableQuestion): number {
  const scope = assess(q);
  if (!scope.result.ledgers.some((l) => l.kind === "projects")) fail("unavailable", MESSAGES.noProjects());
  return scope.score;
}

export function startStatus(stage: unknown, plannedStart: unknown, actualStart: unknown, asOf?: unknown, soonDays?: unknown): string {
  const state = ranWith();
  const { overrides, dateSystem } = state;
  const asked: SettingsOverrides = { asOf: asOfOf(asOf, state) };
  const days = readSetting("dueSoonDays", soonDays, "soonDays");
  if (days !== undefined) asked.dueSoonDays = days;
  const settings = resolveSettings([asked, overrides], todayOf());
  const row = statusRow({
    stage: readStage(stage),
    plannedStart: readDate(plannedStart, "plannedStart", dateSystem, yearOf(settings.asOf)),
    actualStart: readDate(actualStart, "actualStart", dateSystem, yearOf(settings.asOf)),
  });
  const status = statusOf(row, settings);
  // A cell value, not a message: the same words whatever the reader's language, so formulas can compare them.
  return status ? STATUS_LABELS[status].zh : "";
}

export function amount(value: unknown, unit?: unknown): number {
  const parsed = parseAmount(value as Parameters<typeof parseAmount>[0], readAmountUnit(unit));
  const text = displayValue(value).trim();
  if (parsed.status === "blank") return fail("unavailable", MESSAGES.blankAmount());
  if (parsed.status === "invalid") return fail("invalid", parsed.reason === "negative" ? MESSAGES.negativeAmount(text) : MESSAGES.badAmount(text));
  if (parsed.value.currency) return fail("invalid", MESSAGES.foreignAmount(text, parsed.value.currency));
  return parsed.value.wan;
}

function targetOf(target: unknown, q: TableQuestion): TargetResult {
  const id: TargetId = readTarget(target);
  const scope = assess(q);
  const found = scope.targets.find((t) => t.id === id);
  if (!found) return fail("unavailable", MESSAGES.targetNotApplicable(id, scope.kind));
  if (found.met === null) return fail("unavailable", MESSAGES.targetNotAssessed(id));
  return found;
}

/** The workbook's settings for a call that reads them; the call is noted, so that a settings change recalculates. */
function ranWith(): WorkbookSettings {
  noteFunctionRan();
  return getWorkbookSettings();
}

/**
 * The as-of date: the argument, else 台账设置's 统计截止日. Never today by default: Excel recalculates
 * a function only when its arguments change, so an answer for "today" would stay the answer for
 * the day it was computed. A date is required instead, e.g. TODAY() as the argument.
 */
function asOfOf(arg: unknown, state: WorkbookSettings): Day {
  return readSetting("asOf", arg, "asOf", state.dateSystem) ?? state.overrides.asOf ?? fail("invalid", MESSAGES.asOfRequired());
}

/** Reads the arguments, checks the range (cached) and picks the unit asked about. */
function assess(q: TableQuestion): Scope {
  const table = readTable(q.table);
  const state = ranWith();
  // Arguments win over the workbook's 台账设置 as the pane loaded it, which wins over the defaults.
  const overrides: SettingsOverrides = { ...state.overrides };
  const kind = readUnitKind(q.unitKind);
  if (kind) overrides.unitKind = kind;
  overrides.asOf = asOfOf(q.asOf, state);
  for (const arg of ["projectPoints", "tripPoints", "fairBonus"] as const) {
    const n = readSetting(arg, q[arg], arg);
    if (n !== undefined) overrides[arg] = n;
  }
  const deadline = readSetting("fairStartDeadline", q.fairStartDeadline, "fairStartDeadline", state.dateSystem);
  if (deadline !== undefined) overrides.fairStartDeadline = deadline;
  const unit = readUnitName(q.unit);

  const options = { overrides, dateSystem: state.dateSystem, columnNames: state.columnNames };
  let result = checkTable(table, options);
  if (result.ledgers.length === 0) fail("invalid", MESSAGES.noLedger());
  if (unit === undefined) return { kind: result.unitKind, targets: result.targets, score: result.score, penalty: result.penalty, result };

  if (result.units) {
    let found = result.units.find((u) => u.unit === unit);
    // A unit this ledger has no row of (岱岳镇 made no trip yet) is a unit with nothing in it, as the
    // pane counts it — but only when the caller gave its kind, as the summary sheet always does: a
    // name asked without one is more likely a typo, and a typo must not read as "no rows".
    if (!found && kind !== undefined) {
      result = checkTable(table, { ...options, units: [unit] });
      found = result.units?.find((u) => u.unit === unit);
    }
    if (!found) return fail("unavailable", MESSAGES.unitNotFound(unit, (result.units ?? []).map((u) => u.unit)));
    return { kind: found.unitKind, targets: found.targets, score: found.score, penalty: found.penalty, result };
  }
  // A single unit's range, named by the caller: the name may say the unit's kind where the range does not
  // (a range without its title row); the core decides whether it does, as it would for a file name.
  const named = inferUnitKind(unit);
  if (named !== null && named !== result.unitKind && overrides.unitKind === undefined) result = checkTable(table, { ...options, name: unit });
  return { kind: result.unitKind, targets: result.targets, score: result.score, penalty: result.penalty, result };
}
