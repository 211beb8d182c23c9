/** Rules on one project row: sign and start dates, stages, funds, the fair flag. */
import { isoDay } from "../day";
import type { DateField, ParsedRow } from "../row";
import { startStatus } from "../startStatus";
import type { Stage } from "../values/types";
import { NO_PARAMS, projectRowRule } from "./rule";

const SIGNED_OR_LATER: readonly Stage[] = ["signed", "started", "completed"];
const BEFORE_START: readonly Stage[] = ["planned", "negotiating", "signed"];
const BEFORE_SIGNING: readonly Stage[] = ["planned", "negotiating"];

/** Whether the cell holds a date, readable or not (an unreadable one is invalid-date's to report). */
const has = (r: ParsedRow, field: DateField) => r.values[field] !== undefined || r.unreadable.has(field);
const day = (r: ParsedRow, field: DateField) => isoDay(r.values[field]!);
/** The stage as the ledger writes it. */
const stageText = (r: ParsedRow) => r.values.stage ?? r.stage!;

/** What the start-date rules show: the planned start, and the as-of date or the warning window. */
type Planned = { readonly planned: string };

export const missingSignDate = projectRowRule({
  id: "missing-sign-date",
  severity: "error",
  title: { zh: "缺签约日期", en: "missing sign date" },
  description: {
    zh: "项目状态为签约、开工或竣工，或标为投洽会签约，却没有签约日期。签约日期决定项目何时计入签约和考核。",
    en: "A project whose stage is signed, started or completed, or that is flagged as signed at the fair, has no sign date. The sign date decides when it counts as signed.",
  },
  fix: { zh: "按合同填写签约日期；如果其实尚未签约，把项目状态改为在谈或策划。", en: "Write the sign date from the contract; if it is not signed yet, set its stage to 在谈 or 策划." },
  message: {
    zh: () => "已签约、开工、竣工或投洽会签约的项目缺签约日期",
    en: () => "signed, started, completed or fair-signed project without a sign date",
  },
  reads: ["stage", "fairSigned", "signDate"],
  check: (r) =>
    ((r.stage && SIGNED_OR_LATER.includes(r.stage)) || r.values.fairSigned) && !has(r, "signDate") ? { field: "signDate", params: NO_PARAMS } : null,
});

export const missingPlannedStart = projectRowRule({
  id: "missing-planned-start",
  severity: "error",
  title: { zh: "缺计划开工日期", en: "missing planned start" },
  description: {
    zh: "已签约未开工的项目没有计划开工日期，无法判断是否按期开工。",
    en: "A signed project that has not started has no planned start date, so whether it starts on time cannot be told.",
  },
  fix: { zh: "按合同或协议约定填写计划开工日期。", en: "Write the planned start date agreed in the contract." },
  message: {
    zh: () => "已签约项目缺计划开工日期",
    en: () => "signed project without a planned start date",
  },
  reads: ["stage", "plannedStart", "actualStart"],
  check: (r, ctx) => (startStatus(r, ctx) === "missing-planned" ? { field: "plannedStart", params: NO_PARAMS } : null),
});

export const overdueStart = projectRowRule({
  id: "overdue-start",
  severity: "error",
  title: { zh: "逾期未开工", en: "overdue start" },
  description: {
    zh: "已签约项目的计划开工日期已过统计截止日，仍没有实际开工日期。考核时按未按期开工减半扣分。",
    en: "A signed project's planned start is before the as-of date and it has no actual start. The assessment deducts half a project's points for it.",
  },
  fix: { zh: "已开工的，填写实际开工日期并把状态改为开工；未开工的，督促推进，或按程序调整计划开工日期。", en: "If it has started, write the actual start and set the stage to 开工; if not, push it on or revise the planned start through the proper channel." },
  message: {
    zh: (p: Planned & { readonly asOf: string }) => `计划开工日期 ${p.planned} 已过（统计截止日 ${p.asOf}），项目仍未开工`,
    en: (p) => `planned start ${p.planned} has passed (as of ${p.asOf}) and the project has not started`,
  },
  reads: ["stage", "plannedStart", "actualStart"],
  check: (r, ctx) =>
    startStatus(r, ctx) === "overdue" ? { field: "plannedStart", params: { planned: day(r, "plannedStart"), asOf: isoDay(ctx.asOf) } } : null,
});

export const startDueSoon = projectRowRule({
  id: "start-due-soon",
  severity: "warning",
  title: { zh: "临近开工时限", en: "start due soon" },
  description: {
    zh: "已签约项目的计划开工日期就在眼前（默认统计截止日后 14 天内），还没有开工。",
    en: "A signed project's planned start is close (within 14 days of the as-of date by default) and it has not started.",
  },
  fix: { zh: "提前协调，确保按期开工；开工后及时填写实际开工日期。", en: "Make sure it starts on time; once it starts, write its actual start date." },
  message: {
    zh: (p: Planned & { readonly days: number }) => `计划开工日期 ${p.planned} 临近（${p.days} 天内），项目尚未开工`,
    en: (p) => `planned start ${p.planned} is near (within ${p.days} days) and the project has not started`,
  },
  reads: ["stage", "plannedStart", "actualStart"],
  check: (r, ctx) =>
    startStatus(r, ctx) === "due-soon" ? { field: "plannedStart", params: { planned: day(r, "plannedStart"), days: ctx.dueSoonDays } } : null,
});

export const missingActualStart = projectRowRule({
  id: "missing-actual-start",
  severity: "error",
  title: { zh: "缺实际开工日期", en: "missing actual start" },
  description: {
    zh: "项目状态为开工或竣工，却没有实际开工日期，新开工目标和按期开工的计分都无法判断。",
    en: "A project whose stage is started or completed has no actual start date, so neither the new-starts target nor its on-time score can be judged.",
  },
  fix: { zh: "填写实际开工日期；如果其实没有开工，改正项目状态。", en: "Write the actual start date; if it has not started, correct its stage." },
  message: {
    zh: () => "已开工或竣工项目缺实际开工日期",
    en: () => "started or completed project without an actual start date",
  },
  reads: ["stage", "actualStart"],
  check: (r) => ((r.stage === "started" || r.stage === "completed") && !has(r, "actualStart") ? { field: "actualStart", params: NO_PARAMS } : null),
});

export const startBeforeSign = projectRowRule({
  id: "start-before-sign",
  severity: "error",
  title: { zh: "开工早于签约", en: "start before signing" },
  description: {
    zh: "实际开工日期早于签约日期，两个日期至少有一个填错了。",
    en: "The actual start is earlier than the sign date: at least one of the two dates is wrong.",
  },
  fix: { zh: "对照合同和开工资料核对两个日期。", en: "Check both dates against the contract and the start records." },
  message: {
    zh: (p: { readonly actual: string; readonly signed: string }) => `实际开工日期 ${p.actual} 早于签约日期 ${p.signed}`,
    en: (p) => `actual start ${p.actual} is before the sign date ${p.signed}`,
  },
  reads: ["signDate", "actualStart"],
  check: (r) => {
    const { actualStart, signDate } = r.values;
    return actualStart !== undefined && signDate !== undefined && actualStart < signDate
      ? { field: "actualStart", params: { actual: day(r, "actualStart"), signed: day(r, "signDate") } }
      : null;
  },
});

export const stageNotUpdated = projectRowRule({
  id: "stage-not-updated",
  severity: "warning",
  title: { zh: "项目状态未更新", en: "stage not updated" },
  description: {
    zh: "已经填了实际开工日期，项目状态却还是策划、在谈或签约。",
    en: "A project has an actual start date while its stage is still planned, negotiating or signed.",
  },
  fix: { zh: "把项目状态改为开工（已竣工的改为竣工）。", en: "Set its stage to 开工 (竣工 if it is completed)." },
  message: {
    zh: (p: { readonly actual: string; readonly stage: string }) => `已有实际开工日期 ${p.actual}，项目状态仍为“${p.stage}”，请更新`,
    en: (p) => `has an actual start ${p.actual} but its stage is still "${p.stage}"; please update it`,
  },
  reads: ["stage", "actualStart"],
  check: (r) =>
    r.values.actualStart !== undefined && r.stage && BEFORE_START.includes(r.stage)
      ? { field: "stage", params: { actual: day(r, "actualStart"), stage: stageText(r) } }
      : null,
});

export const futureDate = projectRowRule({
  id: "future-date",
  severity: "warning",
  title: { zh: "日期晚于截止日", en: "future date" },
  description: {
    zh: "签约日期或实际开工日期晚于统计截止日，像是把计划写成了已发生的事，或者日期填错。",
    en: "A sign date or actual start is after the as-of date: a plan written as done, or a wrong date.",
  },
  fix: { zh: "核对日期；尚未发生的签约或开工先不填，计划日期填在计划开工日期列。", en: "Check the date; leave a signing or start that has not happened blank, and put a plan in the planned start column." },
  message: {
    zh: (p: { readonly date: string; readonly asOf: string }, field: string) => `${field} ${p.date} 晚于统计截止日 ${p.asOf}`,
    en: (p, field) => `${field} ${p.date} is after the as-of date ${p.asOf}`,
  },
  reads: ["signDate", "actualStart"],
  check: (r, ctx) => {
    const after = (f: "signDate" | "actualStart") => r.values[f] !== undefined && r.values[f]! > ctx.asOf;
    // Nearly every row has neither: answered without building the list.
    if (!after("signDate") && !after("actualStart")) return null;
    return (["signDate", "actualStart"] as const).filter(after).map((f) => ({ field: f, params: { date: day(r, f), asOf: isoDay(ctx.asOf) } }));
  },
});

export const fundsExceedInvestment = projectRowRule({
  id: "funds-exceed-investment",
  severity: "warning",
  title: { zh: "到位资金超总投资", en: "funds exceed investment" },
  description: {
    zh: "到位资金大于项目总投资，通常是单位（万元、亿元）或数字填错。",
    en: "The funds in place exceed the project's investment: usually a wrong unit (万元, 亿元) or figure.",
  },
  fix: { zh: "核对两列的金额和单位。", en: "Check both amounts and their units." },
  message: {
    zh: (p: { readonly funds: number; readonly investment: number }) => `到位资金 ${p.funds} 万元大于总投资 ${p.investment} 万元`,
    en: (p) => `funds in place ${p.funds} (10k yuan) exceed the investment ${p.investment}`,
  },
  reads: ["fundsInPlace", "investment"],
  check: (r) => {
    const funds = r.values.fundsInPlace;
    const inv = r.values.investment;
    if (!funds || !inv || funds.currency || inv.currency || funds.wan <= inv.wan) return null;
    return { field: "fundsInPlace", params: { funds: funds.wan, investment: inv.wan } };
  },
});

export const fairSignedNotSigned = projectRowRule({
  id: "fair-signed-not-signed",
  severity: "error",
  title: { zh: "投洽会签约但未签约", en: "fair-signed but not signed" },
  description: {
    zh: "项目标为投洽会签约，项目状态却还是策划或在谈，二者矛盾。",
    en: "A project is flagged as signed at the fair while its stage is still planned or negotiating: the two contradict each other.",
  },
  fix: { zh: "已签约的，更新项目状态和签约日期；未签约的，把投洽会签约改为“否”。", en: "If it is signed, update its stage and sign date; if not, set 投洽会签约 to 否." },
  message: {
    zh: (p: { readonly stage: string }) => `标为投洽会签约，但项目状态为“${p.stage}”（未签约）`,
    en: (p) => `flagged as signed at the fair while its stage is "${p.stage}" (not signed)`,
  },
  reads: ["fairSigned", "stage"],
  check: (r) => (r.values.fairSigned && r.stage && BEFORE_SIGNING.includes(r.stage) ? { field: "fairSigned", params: { stage: stageText(r) } } : null),
});
