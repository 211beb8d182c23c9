/**
 * The district's half-monthly bulletin (半月通报), shaped from check results: one row per unit,
 * the rank by 得分 − 扣分, the signed projects overdue or missing their planned start, and how a
 * target reads in a cell. Pure: the command line renders it into a workbook.
 */
import { round } from "./assess";
import type { Day } from "./day";
import type { Lang } from "./findings";
import type { MarkStyle } from "./marks";
import { MARK_STYLES } from "./marks";
import { TARGET_IDS, type CheckResult, type ProjectAssessment, type StartStatus, type TargetId, type TargetResult } from "./result";
import type { UnitKind } from "./values/types";

/** One unit as the bulletin shows it. */
export interface BulletinUnit {
  readonly unit: string;
  readonly unitKind: UnitKind;
  /** The file the unit's figures come from. */
  readonly file: string;
  readonly targets: readonly TargetResult[];
  readonly score: number;
  readonly penalty: number;
  readonly errors: number;
  readonly warnings: number;
}

/** A unit's name as the district writes it (aliases resolved); the identity when there are none. */
export type UnitAlias = (name: string) => string;

const same: UnitAlias = (name) => name;

/**
 * The units of one checked file: one per value of a 单位 column when a sheet holds several,
 * otherwise the workbook's unit (its name, else the file's name).
 */
export function bulletinUnits(file: string, r: CheckResult, alias: UnitAlias = same): BulletinUnit[] {
  if (r.units) {
    return r.units.map((u) => ({
      unit: alias(u.unit),
      unitKind: u.unitKind,
      file,
      targets: u.targets,
      score: u.score,
      penalty: u.penalty,
      errors: u.errors,
      warnings: u.warnings,
    }));
  }
  return [
    {
      unit: alias(r.unitName) || fileStem(file),
      unitKind: r.unitKind,
      file,
      targets: r.targets,
      score: r.score,
      penalty: r.penalty,
      errors: r.errors,
      warnings: r.warnings,
    },
  ];
}

function fileStem(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.xlsx$/i, "");
}

/** The statuses the bulletin's 逾期未开工 sheet lists: signed, and past or without a planned start. */
const OVERDUE_STATUSES: readonly StartStatus[] = ["overdue", "missing-planned"];

export function overdueProjects(r: CheckResult): ProjectAssessment[] {
  return r.projects.filter((p) => p.status !== null && OVERDUE_STATUSES.includes(p.status));
}

/** How many days an overdue project is past its planned start on `asOf` (逾期天数); null when it is not overdue. */
export function daysOverdue(p: Pick<ProjectAssessment, "status" | "plannedStart">, asOf: Day): number | null {
  return p.status === "overdue" && p.plannedStart !== null ? asOf - p.plannedStart : null;
}

export interface Ranked<T> {
  readonly item: T;
  /** 得分 − 扣分. */
  readonly net: number;
  /** 1 for the highest net; equal nets share a rank and the next rank skips (1, 2, 2, 4). */
  readonly rank: number;
}

/** Items ordered by 得分 − 扣分, highest first; equal nets keep their given order and share a rank. */
export function rankByNet<T extends { readonly score: number; readonly penalty: number }>(items: readonly T[]): Ranked<T>[] {
  const withNet = items.map((item, i) => ({ item, i, net: round(item.score - item.penalty) }));
  withNet.sort((a, b) => b.net - a.net || a.i - b.i);
  const ranked: Ranked<T>[] = [];
  withNet.forEach(({ item, net }, position) => {
    const previous = ranked[position - 1];
    ranked.push({ item, net, rank: previous && previous.net === net ? previous.rank : position + 1 });
  });
  return ranked;
}

/** The targets any of the units is assessed on or reports, in the catalog's order: the bulletin's columns. */
export function targetColumns(units: readonly BulletinUnit[]): TargetId[] {
  const present = new Set(units.flatMap((u) => u.targets.map((t) => t.id)));
  return TARGET_IDS.filter((id) => present.has(id));
}

const MET_MARK = "✓";
const NOT_MET_MARK = "✗";

const NOT_ASSESSED: Readonly<Record<Lang, string>> = { zh: "未评估", en: "n/a" };

/**
 * How a target reads in a cell: "2/2 ✓" met, "1/3 ✗" not met, 未评估 when its ledger or column is
 * missing, "" when the unit's kind is not assessed on it.
 */
export function targetText(t: TargetResult | undefined, lang: Lang = "zh"): string {
  if (!t) return "";
  if (t.met === null) return NOT_ASSESSED[lang];
  return `${figure(t.actual)}/${figure(t.required)} ${t.met ? MET_MARK : NOT_MET_MARK}`;
}

/** Whole numbers as they are; amounts (全年任务, 万元) to at most two decimals. */
function figure(n: number | null): string {
  if (n === null) return "—";
  return String(Math.round(n * 100) / 100);
}

/**
 * Colours of a target's cell: not met in the highlight's light red (MARK_STYLES), met in Excel's
 * matching preset "green fill with dark green text", so the two read as one palette.
 */
export const TARGET_STYLES: Readonly<Record<"met" | "not-met", MarkStyle>> = {
  met: { fill: "#C6EFCE", font: "#006100" },
  "not-met": MARK_STYLES["start-alert"],
};
