/**
 * Targets, outcomes, SCORE and PENALTY of one unit, from its typed rows (DOMAIN.md's targets
 * and scoring). A target is not assessed (all nulls) when the workbook lacks its ledger or the
 * ledger lacks the column it counts.
 */
import type { Day } from "./day";
import { mondayOf } from "./day";
import { LEDGER_KINDS, type FieldId, type LedgerKind } from "./ledger";
import { tripRole, type AmountField, type ParsedRow } from "./row";
import type { ProjectAssessment, TargetId, TargetResult } from "./result";
import type { Settings } from "./settings";
import { countKeyStarts } from "./keyStarts";
import { isSigned, outcomeOf, outcomePoints, startStatus, STATUS_FIELDS } from "./startStatus";
import type { InviteeCategory, UnitKind } from "./values/types";

/** The thresholds of the plan (目标任务), kept in one table so a district can tune them. */
export const TARGET_THRESHOLDS = {
  fairSigningCount: 2,
  fairSigningMinWan: 10_000,
  fairSigningBigCount: 1,
  fairSigningBigMinWan: 100_000,
  newStartsCount: 3,
  newStartsBigCount: 1,
  newStartsBigMinWan: 5_000,
  keyNegotiations: 4,
  plannedProjects: 2,
  tripsMain: { town: 3, park: 3, department: 2, hq: 0 } as Readonly<Record<UnitKind, number>>,
  tripsDeputy: 4,
  invitations: 5,
  noBlank: 1,
  promotionsPerProject: 2,
  expertReview: 3,
  annualTaskShare: 0.8,
} as const;

/** Which targets each kind of unit is assessed on, in the order they are shown. */
export const TARGETS_BY_KIND: Readonly<Record<UnitKind, readonly TargetId[]>> = {
  town: ["fair-signing", "new-starts", "key-negotiations", "planned-projects", "trips-main", "trips-deputy", "invitations", "expert-review", "weekly-meetings", "annual-task"],
  park: ["fair-signing", "new-starts", "key-negotiations", "planned-projects", "trips-main", "trips-deputy", "invitations", "expert-review", "weekly-meetings", "annual-task"],
  department: ["trips-main", "no-blank", "owner-promotions", "weekly-meetings", "annual-task"],
  hq: ["weekly-meetings", "annual-task"],
};

const TOP_CATEGORIES: ReadonlySet<InviteeCategory> = new Set(["fortune500", "china500", "industryTop100", "listed"]);

/** A unit's rows by ledger kind, and which ledgers and columns the workbook has at all. */
export interface UnitRows {
  readonly unit: string;
  readonly kind: UnitKind;
  readonly rows: Readonly<Record<LedgerKind, readonly ParsedRow[]>>;
  /** Ledger kinds present in the workbook, each with the fields its columns name. */
  readonly present: ReadonlyMap<LedgerKind, ReadonlySet<FieldId>>;
}

export interface UnitOutcome {
  readonly targets: TargetResult[];
  readonly score: number;
  readonly penalty: number;
  readonly projects: ProjectAssessment[];
  /** 区级重点 projects started in the window (keyStarts.ts): the unit's share of the district's goal, no target of its own; null when not assessed. */
  readonly keyStarts: number | null;
}

type Tally = { actual: number; required: number; gap: number };

interface TargetDef {
  readonly ledger: LedgerKind;
  /** Columns it counts: all of `all`, and one of `any` when given. */
  readonly all?: readonly FieldId[];
  readonly any?: readonly FieldId[];
  readonly tally: (rows: readonly ParsedRow[], ctx: TallyContext) => Tally | null;
}

interface TallyContext {
  readonly settings: Settings;
  readonly kind: UnitKind;
  readonly present: ReadonlySet<FieldId>;
  /** Inside the campaign window and on or before the as-of date. */
  readonly counts: (d: Day | undefined) => boolean;
}

const T = TARGET_THRESHOLDS;

/** One threshold: how many qualify, how many are required, how many are missing. */
function atLeast(actual: number, required: number): Tally {
  return { actual, required, gap: Math.max(0, required - actual) };
}

/** A two-part target: the gap is the larger shortfall (a big one also counts among the others). */
function twoPart(count: number, required: number, big: number, bigRequired: number): Tally {
  return { actual: count, required, gap: Math.max(0, required - count, bigRequired - big) };
}

const rmbWan = (r: ParsedRow, field: AmountField): number | null => {
  const a = r.values[field];
  return a && !a.currency ? a.wan : null;
};

const TARGETS: Readonly<Record<TargetId, TargetDef>> = {
  "fair-signing": {
    ledger: "projects",
    all: ["fairSigned"],
    any: ["plannedStart", "actualStart"],
    tally: (rows, ctx) => {
      const deadline = ctx.settings.fairStartDeadline;
      const signed = rows
        .filter((r) => r.values.fairSigned && isSigned(r) && r.stage !== "stopped" && fairProjectCounts(r, deadline))
        .map((r) => rmbWan(r, "investment") ?? 0);
      return twoPart(
        signed.filter((w) => w >= T.fairSigningMinWan).length,
        T.fairSigningCount,
        signed.filter((w) => w >= T.fairSigningBigMinWan).length,
        T.fairSigningBigCount,
      );
    },
  },
  "new-starts": {
    ledger: "projects",
    all: ["actualStart"],
    tally: (rows, ctx) => {
      const started = rows.filter((r) => ctx.counts(r.values.actualStart));
      const big = started.filter((r) => (rmbWan(r, "investment") ?? 0) >= T.newStartsBigMinWan).length;
      return twoPart(started.length, T.newStartsCount, big, T.newStartsBigCount);
    },
  },
  "key-negotiations": {
    ledger: "projects",
    all: ["keyNegotiation"],
    tally: (rows) => atLeast(rows.filter((r) => r.values.keyNegotiation).length, T.keyNegotiations),
  },
  "planned-projects": {
    ledger: "projects",
    all: ["stage"],
    tally: (rows, ctx) => {
      const { windowStart, planDeadline } = ctx.settings;
      const dated = ctx.present.has("planDate");
      const planned = rows.filter(
        (r) => r.stage === "planned" && (!dated || (ctx.counts(r.values.planDate) && r.values.planDate! >= windowStart && r.values.planDate! <= planDeadline)),
      );
      return atLeast(planned.length, T.plannedProjects);
    },
  },
  "trips-main": {
    ledger: "trips",
    all: ["date"],
    any: ["role", "title"],
    tally: (rows, ctx) => atLeast(rows.filter((r) => tripRole(r) === "principal" && ctx.counts(r.values.date)).length, T.tripsMain[ctx.kind]),
  },
  "trips-deputy": {
    ledger: "trips",
    all: ["date"],
    any: ["role", "title"],
    tally: (rows, ctx) => atLeast(rows.filter((r) => tripRole(r) === "deputy" && ctx.counts(r.values.date)).length, T.tripsDeputy),
  },
  invitations: {
    ledger: "invitations",
    all: ["category"],
    tally: (rows) => atLeast(rows.filter((r) => r.category && TOP_CATEGORIES.has(r.category)).length, T.invitations),
  },
  "no-blank": {
    ledger: "projects",
    tally: (rows) => atLeast(rows.filter((r) => isSigned(r) && r.stage !== "stopped").length, T.noBlank),
  },
  "owner-promotions": {
    ledger: "projects",
    all: ["promotions", "stage"],
    tally: (rows) => {
      const owned = rows.filter((r) => r.stage === "planned");
      const done = owned.filter((r) => (r.promotions ?? 0) >= T.promotionsPerProject).length;
      return atLeast(done, owned.length);
    },
  },
  "expert-review": {
    ledger: "projects",
    all: ["expertReviewed"],
    tally: (rows) => atLeast(rows.filter((r) => r.values.expertReviewed).length, T.expertReview),
  },
  "weekly-meetings": {
    ledger: "meetings",
    all: ["date"],
    tally: (rows, ctx) => {
      const weeks = weeksInside(ctx.settings.windowStart, Math.min(ctx.settings.windowEnd, ctx.settings.asOf));
      const held = new Set(rows.map((r) => r.values.date).filter((d): d is Day => d !== undefined).map(mondayOf));
      return atLeast(weeks.filter((monday) => held.has(monday)).length, weeks.length);
    },
  },
  "annual-task": {
    ledger: "projects",
    all: ["fundsInPlace"],
    tally: (rows, ctx) => {
      if (ctx.settings.annualTask === null) return null;
      const funds = rows.reduce((sum, r) => sum + (rmbWan(r, "fundsInPlace") ?? 0), 0);
      const required = round(ctx.settings.annualTask * T.annualTaskShare);
      const actual = round(funds);
      return { actual, required, gap: round(Math.max(0, required - actual)) };
    },
  },
};

/** A fair-signed project counts when its planned or actual start is before the fair projects' deadline (在明年3月份前开工). */
export function fairProjectCounts(r: ParsedRow, deadline: Day): boolean {
  const { plannedStart, actualStart } = r.values;
  return (plannedStart !== undefined && plannedStart < deadline) || (actualStart !== undefined && actualStart < deadline);
}

/** Mondays of the Monday–Sunday weeks lying wholly between `from` and `to`. */
export function weeksInside(from: Day, to: Day): Day[] {
  const weeks: Day[] = [];
  const first = mondayOf(from) === from ? from : mondayOf(from) + 7;
  for (let monday = first; monday + 6 <= to; monday += 7) weeks.push(monday);
  return weeks;
}

/** The targets a unit of `kind` is assessed on (全年任务 only when the annual task is set). */
export function assessedTargets(kind: UnitKind, settings: Settings): TargetId[] {
  return TARGETS_BY_KIND[kind].filter((id) => id !== "annual-task" || settings.annualTask !== null);
}

/** The ledgers a unit of `kind` is assessed on: those its targets count. */
export function assessedLedgers(kind: UnitKind, settings: Settings): LedgerKind[] {
  const targets = assessedTargets(kind, settings);
  return LEDGER_KINDS.filter((ledger) => targets.some((id) => TARGETS[id].ledger === ledger));
}

/** The columns a target counts: its ledger, all of `all`, and one of `any` (when given). */
export function targetColumns(id: TargetId): { readonly ledger: LedgerKind; readonly all: readonly FieldId[]; readonly any: readonly FieldId[] } {
  const def = TARGETS[id];
  return { ledger: def.ledger, all: def.all ?? [], any: def.any ?? [] };
}

const NOT_ASSESSED = (id: TargetId): TargetResult => ({ id, met: null, actual: null, required: null, gap: null });

export function assessUnit(u: UnitRows, settings: Settings): UnitOutcome {
  const counts = (d: Day | undefined) => d !== undefined && d >= settings.windowStart && d <= settings.windowEnd && d <= settings.asOf;
  const targets = TARGETS_BY_KIND[u.kind].map((id): TargetResult => {
    const def = TARGETS[id];
    const present = u.present.get(def.ledger);
    const hasColumns = present && (def.all ?? []).every((f) => present.has(f)) && (!def.any || def.any.some((f) => present.has(f)));
    if (!present || !hasColumns) return NOT_ASSESSED(id);
    const tally = def.tally(u.rows[def.ledger], { settings, kind: u.kind, present, counts });
    return tally ? { id, met: tally.gap === 0, ...tally } : NOT_ASSESSED(id);
  });
  // Without the columns a start-date status reads, a status would be a guess (缺计划开工日期 on every signed row).
  const projectColumns = u.present.get("projects");
  const hasStatus = STATUS_FIELDS.every((f) => projectColumns?.has(f));
  const projects = u.rows.projects.map((r) => projectAssessment(r, settings, hasStatus));
  const keyStarts = countKeyStarts(u.rows.projects, projectColumns, counts);
  return { targets, projects, keyStarts, ...scoreAndPenalty(projects, u.rows.projects, targets, settings) };
}

function projectAssessment(r: ParsedRow, settings: Settings, hasStatus: boolean): ProjectAssessment {
  const outcome = outcomeOf(r, settings.asOf);
  return {
    sheet: r.sheet,
    row: r.row,
    unit: r.unit,
    name: r.values.name ?? "",
    status: hasStatus ? startStatus(r, settings) : null,
    outcome,
    points: outcomePoints(outcome, settings.projectPoints),
    investmentWan: rmbWan(r, "investment"),
    signDate: r.values.signDate ?? null,
    plannedStart: r.values.plannedStart ?? null,
    actualStart: r.values.actualStart ?? null,
    owner: r.values.owner ?? "",
  };
}

/** SCORE = outcome points + F per fair-signed project still on track; PENALTY = the deductions, positive. */
function scoreAndPenalty(projects: readonly ProjectAssessment[], rows: readonly ParsedRow[], targets: readonly TargetResult[], s: Settings) {
  const fairOnTrack = rows.filter((r) => r.values.fairSigned && (r.stage === "signed" || r.stage === "started" || r.stage === "completed")).length;
  const score = projects.reduce((sum, p) => sum + p.points, 0) + s.fairBonus * fairOnTrack;
  // The deductions are the outcomes' negative points (outcomePoints says how many), as positive numbers.
  const deducted = projects.reduce((sum, p) => sum + Math.max(0, -p.points), 0);
  const trips = targets.find((t) => t.id === "trips-main");
  const missingTrips = trips?.gap ?? 0;
  const penalty = deducted + missingTrips * 2 * s.tripPoints;
  return { score: round(score), penalty: round(penalty) };
}

/** Figures of the assessment (SCORE, PENALTY, amounts of a target) to four decimals: sums of halves and 万元 carry float noise. */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Several units' targets added up: sums of the assessed, met only when every assessed unit met it. */
export function sumTargets(perUnit: readonly (readonly TargetResult[])[]): TargetResult[] {
  const byId = new Map<TargetId, TargetResult[]>();
  for (const targets of perUnit) for (const t of targets) byId.set(t.id, [...(byId.get(t.id) ?? []), t]);
  return [...byId].map(([id, list]) => {
    const assessed = list.filter((t) => t.met !== null);
    if (assessed.length === 0) return NOT_ASSESSED(id);
    const add = (k: "actual" | "required" | "gap") => round(assessed.reduce((s, t) => s + (t[k] ?? 0), 0));
    return { id, met: assessed.every((t) => t.met), actual: add("actual"), required: add("required"), gap: add("gap") };
  });
}
