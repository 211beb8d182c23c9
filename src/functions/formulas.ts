/**
 * What the ZS functions compute, synchronously: Excel-shaped arguments in, the core's answer out.
 * functions.ts loads this module lazily, so the engine stays out of the task pane's first download.
 */
import { today as todayOf, yearOf } from "../core/day";
import { STATUS_LABELS } from "../core/labels";
import type { CheckResult, TargetId, TargetResult } from "../core/result";
import { resolveSettings, type SettingsOverrides } from "../core/settings";
import { startStatus as statusOf, statusRow } from "../core/startStatus";
import { displayValue } from "../core/text";
import { parseAmount } from "../core/values/amount";
import type { UnitKind } from "../core/values/types";
import { inferUnitKind } from "../core/values/unitKind";
import {
  readAmountUnit,
  readDate,
  readNumber,
  readStage,
  readTable,
  readTarget,
  readUnitKind,
  readUnitName,
} from "./arguments";
import { fail } from "./errors";
import { MESSAGES } from "./messages";
import { getWorkbookSettings } from "../host/runtimeState";
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
  const { overrides, dateSystem } = getWorkbookSettings();
  const now = todayOf();
  const asked: SettingsOverrides = {};
  const asOfDay = readDate(asOf, "asOf", dateSystem, yearOf(now));
  if (asOfDay !== undefined) asked.asOf = asOfDay;
  const days = readNumber(soonDays, "soonDays");
  if (days !== undefined) asked.dueSoonDays = days;
  const settings = resolveSettings([asked, overrides], now);
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

/** Reads the arguments, checks the range (cached) and picks the unit asked about. */
function assess(q: TableQuestion): Scope {
  const table = readTable(q.table);
  const state = getWorkbookSettings();
  // Arguments win over the workbook's 台账设置 as the pane loaded it, which wins over the defaults.
  const overrides: SettingsOverrides = { ...state.overrides };
  const kind = readUnitKind(q.unitKind);
  if (kind) overrides.unitKind = kind;
  const asOf = readDate(q.asOf, "asOf", state.dateSystem, yearOf(todayOf()));
  if (asOf !== undefined) overrides.asOf = asOf;
  for (const arg of ["projectPoints", "tripPoints", "fairBonus"] as const) {
    const n = readNumber(q[arg], arg);
    if (n !== undefined) overrides[arg] = n;
  }
  const unit = readUnitName(q.unit);

  const options = { overrides, dateSystem: state.dateSystem, columnNames: state.columnNames };
  let result = checkTable(table, options);
  if (result.ledgers.length === 0) fail("invalid", MESSAGES.noLedger());
  if (unit === undefined) return { kind: result.unitKind, targets: result.targets, score: result.score, penalty: result.penalty, result };

  if (result.units) {
    const found = result.units.find((u) => u.unit === unit);
    if (!found) return fail("unavailable", MESSAGES.unitNotFound(unit, result.units.map((u) => u.unit)));
    return { kind: found.unitKind, targets: found.targets, score: found.score, penalty: found.penalty, result };
  }
  // A single unit's range, named by the caller: the name may say the unit's kind where the range does not
  // (a range without its title row); the core decides whether it does, as it would for a file name.
  const named = inferUnitKind(unit);
  if (named !== null && named !== result.unitKind && overrides.unitKind === undefined) result = checkTable(table, { ...options, name: unit });
  return { kind: result.unitKind, targets: result.targets, score: result.score, penalty: result.penalty, result };
}
