/**
 * The district's half-monthly bulletin (半月通报), shaped from check results: one row per unit,
 * the rank by 得分 − 扣分, the signed projects overdue or missing their planned start, and how a
 * target reads in a cell. Pure: the command line renders it into a workbook.
 */
import { round, TARGET_THRESHOLDS, TARGETS_BY_KIND } from "./assess";
import type { DistrictKeyStarts } from "./keyStarts";
import type { Day } from "./day";
import type { Finding, Lang, RuleId } from "./findings";
import { UNIT_KIND_LABELS, type Bilingual } from "./labels";
import { ruleTitle as catalogTitle } from "./rules/catalog";
import { MARK_STYLES, type MarkStyle } from "./marks/mark";
import { TARGET_IDS, type CheckResult, type ProjectAssessment, type StartStatus, type TargetId, type TargetResult } from "./result";
import { compact } from "./text";
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
  /** 区级重点 projects started in the window: the unit's share of the district's goal (null: not assessed). */
  readonly keyStarts: number | null;
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
      keyStarts: u.keyStarts,
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
      keyStarts: r.keyStarts,
    },
  ];
}

/** A project as the bulletin keeps it: its unit as the district writes it, and its identity across periods. */
export interface BulletinProject extends ProjectAssessment {
  readonly key: string;
}

/** A finding with the unit it belongs to ("" for a sheet of several units' own findings) and its identity across periods. */
export interface BulletinFinding extends Finding {
  readonly unit: string;
  readonly key: string;
}

/**
 * Everything one checked file gives the bulletin, each row under the unit the district knows it by.
 *
 * Identities, for comparing one bulletin with the last (rows move between periods: units insert,
 * sort and delete rows, so a row number identifies nothing):
 *  - a project is its unit and its name (spaces and full-width forms folded); the n-th project of
 *    the same name in a unit is told apart by n. Not the sheet: a unit may move a project to
 *    another sheet (签约 → 开工) and it is the same project.
 *  - a finding is its unit, sheet, rule and field, and the content it is about: on a projects
 *    ledger the project's name, elsewhere the offending cell's own text when the rule quotes it
 *    (an unreadable date "2022.13.01"), the ledger a workbook lacks, the columns a sheet lacks;
 *    findings equal in all of that are told apart by their order. Not the whole row's content: fixing one cell of a row would make every other finding
 *    on it look fixed and new at once. Values that change with the period (the as-of date quoted
 *    by 逾期未开工, a row number quoted by 项目重复) are left out.
 */
export function bulletinRows(file: string, r: CheckResult, alias: UnitAlias = same): { units: BulletinUnit[]; projects: BulletinProject[]; findings: BulletinFinding[] } {
  const units = bulletinUnits(file, r, alias);
  const fileUnit = units.length === 1 ? units[0].unit : "";
  const unitOf = (unit: string | undefined) => (r.units ? (unit !== undefined ? alias(unit) : "") : fileUnit);

  const projectKeys = new Numbering();
  const projectAt = new Map<string, BulletinProject>();
  const projects = r.projects.map((p): BulletinProject => {
    const unit = unitOf(p.unit);
    const project = { ...p, unit, key: projectKeys.key([unit, compact(p.name)]) };
    projectAt.set(place(p.sheet, p.row), project);
    return project;
  });

  const findingKeys = new Numbering();
  const findings = r.findings.map((f): BulletinFinding => {
    const unit = unitOf(f.unit);
    const project = f.row !== null ? projectAt.get(place(f.sheet, f.row)) : undefined;
    const subject = project ? `项目:${compact(project.name)}` : CONTENT_PARAMS.filter((k) => f.params[k] !== undefined).map((k) => `${k}=${compact(String(f.params[k]))}`).join(",");
    return { ...f, unit, key: findingKeys.key([unit, f.sheet, f.rule, f.field ?? "", subject]) };
  });
  return { units, projects, findings };
}

/**
 * The message values that are content of the ledger (the offending text, the missing ledger or
 * columns, a repeated header, a 合计 row's label) and so identify a finding; the others (as-of
 * dates, day counts, row numbers, sums) change with the period or with rows moving.
 */
const CONTENT_PARAMS = ["value", "ledgerKind", "fields", "header", "label", "name"] as const;

function place(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}

/** Keys made of parts, the n-th repeat of the same parts numbered n (the first is 1). */
class Numbering {
  private readonly seen = new Map<string, number>();
  key(parts: readonly string[]): string {
    const base = JSON.stringify(parts);
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return `${base}#${n}`;
  }
}

/**
 * A rule's title, as the bulletin's 规则 column shows it. The one place the bulletin reads rule
 * labels from: point it elsewhere when the labels move.
 */
export function ruleTitle(rule: RuleId, lang: Lang = "zh"): string {
  return catalogTitle(rule, lang);
}

const T = TARGET_THRESHOLDS;

/** An amount in 万元 as a requirement says it: 1亿元, 10亿元, 5000万元. */
function wanText(wan: number, lang: Lang): string {
  if (lang === "en") return `RMB ${wan / 100} million`;
  return wan >= 10_000 && wan % 10_000 === 0 ? `${wan / 10_000}亿元` : `${wan}万元`;
}

/**
 * What each target requires, worded from TARGET_THRESHOLDS (the figures are never written twice).
 * A per-kind figure (主要负责人外出) is given by targetRequiredOf.
 */
export function targetRequirement(id: TargetId): Bilingual {
  switch (id) {
    case "fair-signing":
      return {
        zh: `投洽会签约项目中 ${wanText(T.fairSigningMinWan, "zh")}以上的不少于 ${T.fairSigningCount} 个，其中 ${wanText(T.fairSigningBigMinWan, "zh")}以上的不少于 ${T.fairSigningBigCount} 个`,
        en: `at least ${T.fairSigningCount} projects of ${wanText(T.fairSigningMinWan, "en")} or more signed at the fair, ${T.fairSigningBigCount} of them ${wanText(T.fairSigningBigMinWan, "en")} or more`,
      };
    case "new-starts":
      return {
        zh: `活动期间实际开工项目不少于 ${T.newStartsCount} 个，其中 ${wanText(T.newStartsBigMinWan, "zh")}以上的不少于 ${T.newStartsBigCount} 个`,
        en: `at least ${T.newStartsCount} projects started in the campaign window, ${T.newStartsBigCount} of them ${wanText(T.newStartsBigMinWan, "en")} or more`,
      };
    case "key-negotiations":
      return { zh: `重点在谈项目不少于 ${T.keyNegotiations} 个`, en: `at least ${T.keyNegotiations} key projects under negotiation` };
    case "planned-projects":
      return { zh: `活动开始至策划截止日新策划项目不少于 ${T.plannedProjects} 个`, en: `at least ${T.plannedProjects} projects newly planned between the window's start and the planning deadline` };
    case "trips-main":
      return { zh: "活动期间主要负责人带队外出招商次数（按单位类型，见右）", en: "trips led by the principal in the campaign window (by kind of unit, right)" };
    case "trips-deputy":
      return { zh: `活动期间分工负责人带队外出招商不少于 ${T.tripsDeputy} 次`, en: `at least ${T.tripsDeputy} trips led by deputies in the campaign window` };
    case "invitations":
      return {
        zh: `邀请世界500强、中国500强、行业百强或上市公司一把手不少于 ${T.invitations} 人`,
        en: `at least ${T.invitations} heads of Fortune 500, China 500, industry top-100 or listed companies invited`,
      };
    case "no-blank":
      return { zh: `签约、开工或竣工项目不少于 ${T.noBlank} 个（杜绝空白）`, en: `at least ${T.noBlank} project signed, started or completed (no blank unit)` };
    case "owner-promotions":
      return { zh: `包保的每个策划项目外出推介不少于 ${T.promotionsPerProject} 次`, en: `every planned project it owns promoted on at least ${T.promotionsPerProject} trips` };
    case "expert-review":
      return { zh: `经专家论证的项目不少于 ${T.expertReview} 个`, en: `at least ${T.expertReview} projects reviewed by experts` };
    case "weekly-meetings":
      return { zh: "活动期间每个完整的自然周（周一至周日）至少召开 1 次调度例会", en: "a meeting in every whole Monday–Sunday week of the campaign window" };
    case "annual-task":
      return {
        zh: `到位资金达到全年任务的 ${Math.round(T.annualTaskShare * 100)}%（仅对设置了全年任务的单位评估）`,
        en: `funds in place of at least ${Math.round(T.annualTaskShare * 100)}% of the annual task (assessed only where the annual task is set)`,
      };
  }
}

/**
 * What the district's 重点项目开工 asks, worded with its goal: a count over every unit, no target of
 * any unit and no part of a score.
 */
export function keyStartsRequirement(goal: number): Bilingual {
  return {
    zh: `活动期间全区区级重点签约项目开工不少于 ${goal} 个（全区目标：各单位台账中“区级重点”为“是”、实际开工日期在活动期间内且不晚于统计截止日的项目合计，不是单位考核指标，不计入得分）`,
    en: `at least ${goal} district key signed projects started in the campaign window, district-wide (the units' projects flagged 区级重点 with an actual start inside the window and on or before the as-of date, added up; no unit's target, no part of any score)`,
  };
}

/** A unit's key starts as its cell shows them: the count, or 未评估 when its ledger lacks the 区级重点 or 实际开工 column. */
export function keyStartsCell(n: number | null, lang: Lang = "zh"): number | string {
  return n ?? NOT_ASSESSED[lang];
}

/** The district's total against its goal, in words: 全区 9 个，目标 10 个，尚差 1 个. */
export function districtKeyStartsText(k: DistrictKeyStarts, lang: Lang = "zh"): string {
  if (k.actual === null) {
    return lang === "zh"
      ? `未评估（各单位台账均缺少“区级重点”或“实际开工日期”列），目标 ${k.required} 个`
      : `not assessed (no ledger has both a 区级重点 and an actual-start column); goal ${k.required}`;
  }
  if (lang === "en") return `${k.actual} district-wide, goal ${k.required}${k.met ? ", met" : `, ${k.gap} short`}`;
  return `全区 ${k.actual} 个，目标 ${k.required} 个，${k.met ? "已完成" : `尚差 ${k.gap} 个`}`;
}

/** Whether a kind of unit is assessed on a target, and its per-kind figure: "3 次", "考核", or "" (not assessed). */
export function targetRequiredOf(id: TargetId, kind: UnitKind, lang: Lang = "zh"): string {
  if (!TARGETS_BY_KIND[kind].includes(id)) return "";
  if (id === "trips-main") return lang === "zh" ? `不少于 ${T.tripsMain[kind]} 次` : `at least ${T.tripsMain[kind]}`;
  return lang === "zh" ? "考核" : "assessed";
}

/** The kinds of unit, in the order the bulletin's 说明 lists them. */
export const UNIT_KINDS_SHOWN: readonly UnitKind[] = Object.keys(UNIT_KIND_LABELS) as UnitKind[];

function fileStem(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.xlsx$/i, "");
}

/** The statuses the bulletin's 逾期未开工 sheet lists: signed, and past or without a planned start. */
const OVERDUE_STATUSES: readonly StartStatus[] = ["overdue", "missing-planned"];

/** Whether a project belongs on the 逾期未开工 sheet. */
export function isListedOverdue(p: Pick<ProjectAssessment, "status">): boolean {
  return p.status !== null && OVERDUE_STATUSES.includes(p.status);
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
