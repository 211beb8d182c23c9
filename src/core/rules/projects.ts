/** Rules on one project row: sign and start dates, stages, funds, the fair flag. */
import type { Finding, MessageParams } from "../findings";
import type { FieldId, Ledger } from "../ledger";
import { columnOf } from "../ledger";
import type { ParsedRow } from "../read";
import { cellAddress } from "../sheet";
import { startStatus, type StatusContext } from "../startStatus";
import { isoDay } from "../day";
import type { Stage } from "../values/types";
import { defineRule, finding, type RuleDef } from "./rule";

type Hit = { readonly field: FieldId; readonly params?: MessageParams };

interface RowRule extends RuleDef {
  check(r: ParsedRow, ctx: StatusContext): Hit | readonly Hit[] | null;
}

function rowRule(def: RuleDef, check: RowRule["check"]): RowRule {
  return { ...def, check };
}

const SIGNED_OR_LATER: readonly Stage[] = ["signed", "started", "completed"];
const BEFORE_START: readonly Stage[] = ["planned", "negotiating", "signed"];
const BEFORE_SIGNING: readonly Stage[] = ["planned", "negotiating"];

const has = (r: ParsedRow, field: FieldId) => r.dates[field] !== undefined || r.unreadable.has(field);
const day = (r: ParsedRow, field: FieldId) => isoDay(r.dates[field]!);

export const missingSignDate = rowRule(
  defineRule(
    "missing-sign-date",
    "error",
    () => "已签约、开工、竣工或投洽会签约的项目缺签约日期",
    () => "signed, started, completed or fair-signed project without a sign date",
  ),
  (r) => ((r.stage && SIGNED_OR_LATER.includes(r.stage)) || r.flags.fairSigned) && !has(r, "signDate") ? { field: "signDate" } : null,
);

export const missingPlannedStart = rowRule(
  defineRule("missing-planned-start", "error", () => "已签约项目缺计划开工日期", () => "signed project without a planned start date"),
  (r, ctx) => (startStatus(r, ctx) === "missing-planned" ? { field: "plannedStart" } : null),
);

export const overdueStart = rowRule(
  defineRule(
    "overdue-start",
    "error",
    (p) => `计划开工日期 ${p.planned} 已过（统计截止日 ${p.asOf}），项目仍未开工`,
    (p) => `planned start ${p.planned} has passed (as of ${p.asOf}) and the project has not started`,
  ),
  (r, ctx) =>
    startStatus(r, ctx) === "overdue" ? { field: "plannedStart", params: { planned: day(r, "plannedStart"), asOf: isoDay(ctx.asOf) } } : null,
);

export const startDueSoon = rowRule(
  defineRule(
    "start-due-soon",
    "warning",
    (p) => `计划开工日期 ${p.planned} 临近（${p.days} 天内），项目尚未开工`,
    (p) => `planned start ${p.planned} is near (within ${p.days} days) and the project has not started`,
  ),
  (r, ctx) =>
    startStatus(r, ctx) === "due-soon" ? { field: "plannedStart", params: { planned: day(r, "plannedStart"), days: ctx.dueSoonDays } } : null,
);

export const missingActualStart = rowRule(
  defineRule("missing-actual-start", "error", () => "已开工或竣工项目缺实际开工日期", () => "started or completed project without an actual start date"),
  (r) => ((r.stage === "started" || r.stage === "completed") && !has(r, "actualStart") ? { field: "actualStart" } : null),
);

export const startBeforeSign = rowRule(
  defineRule(
    "start-before-sign",
    "error",
    (p) => `实际开工日期 ${p.actual} 早于签约日期 ${p.signed}`,
    (p) => `actual start ${p.actual} is before the sign date ${p.signed}`,
  ),
  (r) => {
    const { actualStart, signDate } = r.dates;
    return actualStart !== undefined && signDate !== undefined && actualStart < signDate
      ? { field: "actualStart", params: { actual: day(r, "actualStart"), signed: day(r, "signDate") } }
      : null;
  },
);

export const stageNotUpdated = rowRule(
  defineRule(
    "stage-not-updated",
    "warning",
    (p) => `已有实际开工日期 ${p.actual}，项目状态仍为“${p.stage}”，请更新`,
    (p) => `has an actual start ${p.actual} but its stage is still "${p.stage}"; please update it`,
  ),
  (r) =>
    r.dates.actualStart !== undefined && r.stage && BEFORE_START.includes(r.stage)
      ? { field: "stage", params: { actual: day(r, "actualStart"), stage: r.text.stage ?? r.stage } }
      : null,
);

export const futureDate = rowRule(
  defineRule(
    "future-date",
    "warning",
    (p, field) => `${field} ${p.date} 晚于统计截止日 ${p.asOf}`,
    (p, field) => `${field} ${p.date} is after the as-of date ${p.asOf}`,
  ),
  (r, ctx) => {
    const after = (f: "signDate" | "actualStart") => r.dates[f] !== undefined && r.dates[f]! > ctx.asOf;
    // Nearly every row has neither: answered without building the list.
    if (!after("signDate") && !after("actualStart")) return null;
    return (["signDate", "actualStart"] as const).filter(after).map((f) => ({ field: f, params: { date: day(r, f), asOf: isoDay(ctx.asOf) } }));
  },
);

export const fundsExceedInvestment = rowRule(
  defineRule(
    "funds-exceed-investment",
    "warning",
    (p) => `到位资金 ${p.funds} 万元大于总投资 ${p.investment} 万元`,
    (p) => `funds in place ${p.funds} (10k yuan) exceed the investment ${p.investment}`,
  ),
  (r) => {
    const funds = r.amounts.fundsInPlace;
    const inv = r.amounts.investment;
    if (!funds || !inv || funds.currency || inv.currency || funds.wan <= inv.wan) return null;
    return { field: "fundsInPlace", params: { funds: funds.wan, investment: inv.wan } };
  },
);

export const fairSignedNotSigned = rowRule(
  defineRule(
    "fair-signed-not-signed",
    "error",
    (p) => `标为投洽会签约，但项目状态为“${p.stage}”（未签约）`,
    (p) => `flagged as signed at the fair while its stage is "${p.stage}" (not signed)`,
  ),
  (r) =>
    r.flags.fairSigned && r.stage && BEFORE_SIGNING.includes(r.stage)
      ? { field: "fairSigned", params: { stage: r.text.stage ?? r.stage } }
      : null,
);

export const PROJECT_ROW_RULES: readonly RowRule[] = [
  missingSignDate,
  missingPlannedStart,
  overdueStart,
  startDueSoon,
  missingActualStart,
  startBeforeSign,
  stageNotUpdated,
  futureDate,
  fundsExceedInvestment,
  fairSignedNotSigned,
];

/** Every row rule over every project row; a finding sits on its field's cell, else the row's name cell. */
export function projectRowFindings(ledger: Ledger, rows: readonly ParsedRow[], ctx: StatusContext, multiUnit: boolean): Finding[] {
  const fallback = (columnOf(ledger, "name") ?? ledger.columns[0]).column;
  const out: Finding[] = [];
  for (const r of rows) {
    for (const rule of PROJECT_ROW_RULES) {
      const hits = rule.check(r, ctx);
      if (!hits) continue;
      for (const hit of Array.isArray(hits) ? (hits as readonly Hit[]) : [hits as Hit]) {
        const column = columnOf(ledger, hit.field)?.column ?? fallback;
        out.push(
          finding(
            rule,
            { sheet: ledger.sheet, cell: cellAddress(r.row, column), row: r.row, column, field: hit.field, unit: multiUnit ? r.unit : undefined },
            hit.params,
          ),
        );
      }
    }
  }
  return out;
}
