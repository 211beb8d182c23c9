/** Rules on one project row: sign and start dates, stages, funds, the fair flag. */
import { fairProjectCounts, TARGET_THRESHOLDS } from "../assess";
import { isoDay } from "../day";
import type { DateField, ParsedRow } from "../row";
import { SETTING_DEFAULTS } from "../settings";
import { startStatus, STATUS_FIELDS } from "../startStatus";
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
  reads: ["stage", "fairSigned", "signDate"],
  check: (r) =>
    ((r.stage && SIGNED_OR_LATER.includes(r.stage)) || r.values.fairSigned) && !has(r, "signDate") ? { field: "signDate", params: NO_PARAMS } : null,
  message: {
    zh: () => "已签约、开工、竣工或投洽会签约的项目缺签约日期",
    en: () => "signed, started, completed or fair-signed project without a sign date",
  },
  zh: { title: "缺签约日期", description: "项目状态为签约、开工或竣工，或标为投洽会签约，却没有签约日期。签约日期决定项目何时计入签约和考核。", fix: "按合同填写签约日期；如果其实尚未签约，把项目状态改为在谈或策划。" },
  en: { title: "missing sign date", description: "A project whose stage is signed, started or completed, or that is flagged as signed at the fair, has no sign date. The sign date decides when it counts as signed.", fix: "Write the sign date from the contract; if it is not signed yet, set its stage to 在谈 or 策划." },
});

export const missingPlannedStart = projectRowRule({
  id: "missing-planned-start",
  severity: "error",
  reads: STATUS_FIELDS,
  check: (r, ctx) => (startStatus(r, ctx) === "missing-planned" ? { field: "plannedStart", params: NO_PARAMS } : null),
  message: {
    zh: () => "已签约项目缺计划开工日期",
    en: () => "signed project without a planned start date",
  },
  zh: { title: "缺计划开工日期", description: "已签约未开工的项目没有计划开工日期，无法判断是否按期开工。", fix: "按合同或协议约定填写计划开工日期。" },
  en: { title: "missing planned start", description: "A signed project that has not started has no planned start date, so whether it starts on time cannot be told.", fix: "Write the planned start date agreed in the contract." },
});

export const overdueStart = projectRowRule({
  id: "overdue-start",
  severity: "error",
  reads: STATUS_FIELDS,
  check: (r, ctx) =>
    startStatus(r, ctx) === "overdue" ? { field: "plannedStart", params: { planned: day(r, "plannedStart"), asOf: isoDay(ctx.asOf) } } : null,
  message: {
    zh: (p: Planned & { readonly asOf: string }) => `计划开工日期 ${p.planned} 已过（统计截止日 ${p.asOf}），项目仍未开工`,
    en: (p) => `planned start ${p.planned} has passed (as of ${p.asOf}) and the project has not started`,
  },
  zh: { title: "逾期未开工", description: "已签约项目的计划开工日期已过统计截止日，仍没有实际开工日期。考核时按未按期开工减半扣分。", fix: "已开工的，填写实际开工日期并把状态改为开工；未开工的，督促推进，或按程序调整计划开工日期。" },
  en: { title: "overdue start", description: "A signed project's planned start is before the as-of date and it has no actual start. The assessment deducts half a project's points for it.", fix: "If it has started, write the actual start and set the stage to 开工; if not, push it on or revise the planned start through the proper channel." },
});

export const fairStartLate = projectRowRule({
  id: "fair-start-late",
  severity: "warning",
  reads: ["fairSigned", "investment", "plannedStart", "actualStart"],
  check: (r, ctx) => {
    const planned = r.values.plannedStart;
    const investment = r.values.investment;
    // DOMAIN.md's condition: a planned start on or after the deadline and no actual start before it.
    if (!r.values.fairSigned || planned === undefined || planned < ctx.fairStartDeadline || fairProjectCounts(r, ctx.fairStartDeadline)) return null;
    if (!investment || investment.currency || investment.wan < TARGET_THRESHOLDS.fairSigningMinWan) return null;
    return { field: "plannedStart", params: { planned: day(r, "plannedStart"), deadline: isoDay(ctx.fairStartDeadline) } };
  },
  message: {
    zh: (p: Planned & { readonly deadline: string }) => `投洽会签约项目计划开工日期 ${p.planned} 不早于投洽会项目开工时限 ${p.deadline}，须在此前开工，暂不计入投洽会签约目标`,
    en: (p) => `a fair-signed project planned to start ${p.planned}, not before the fair projects' deadline ${p.deadline}: it must start earlier, and does not count toward the fair-signing target`,
  },
  zh: { title: "投洽会项目开工晚于时限", description: "投洽会签约的亿元以上项目须在明年 3 月前开工（投洽会项目开工时限，默认统计截止日次年 3 月 1 日，可在台账设置中调整）；这个项目计划开工日期不早于时限，也没有在时限前实际开工，不计入投洽会签约目标（投洽会加分不变）。", fix: "协调项目提前到时限前开工并更新计划开工日期；已经开工的，填写实际开工日期。" },
  en: { title: "fair project starts late", description: "A project of 100 million yuan or more signed at the fair must start before March of the next year (the fair projects' start deadline, 1 March after the as-of year by default; a setting). This one is planned to start on or after it and has not started before it, so it does not count toward the fair-signing target (the fair bonus is unchanged).", fix: "Bring its start forward to before the deadline and update the planned start; if it has started, write its actual start date." },
});

export const startDueSoon = projectRowRule({
  id: "start-due-soon",
  severity: "warning",
  reads: STATUS_FIELDS,
  check: (r, ctx) =>
    startStatus(r, ctx) === "due-soon" ? { field: "plannedStart", params: { planned: day(r, "plannedStart"), days: ctx.dueSoonDays } } : null,
  message: {
    zh: (p: Planned & { readonly days: number }) => `计划开工日期 ${p.planned} 临近（${p.days} 天内），项目尚未开工`,
    en: (p) => `planned start ${p.planned} is near (within ${p.days} days) and the project has not started`,
  },
  zh: { title: "临近开工时限", description: `已签约项目的计划开工日期就在眼前（默认统计截止日后 ${SETTING_DEFAULTS.dueSoonDays} 天内，可在台账设置中调整），还没有开工。`, fix: "提前协调，确保按期开工；开工后及时填写实际开工日期。" },
  en: { title: "start due soon", description: `A signed project's planned start is close (within ${SETTING_DEFAULTS.dueSoonDays} days of the as-of date by default; a setting) and it has not started.`, fix: "Make sure it starts on time; once it starts, write its actual start date." },
});

export const missingActualStart = projectRowRule({
  id: "missing-actual-start",
  severity: "error",
  reads: ["stage", "actualStart"],
  check: (r) => ((r.stage === "started" || r.stage === "completed") && !has(r, "actualStart") ? { field: "actualStart", params: NO_PARAMS } : null),
  message: {
    zh: () => "已开工或竣工项目缺实际开工日期",
    en: () => "started or completed project without an actual start date",
  },
  zh: { title: "缺实际开工日期", description: "项目状态为开工或竣工，却没有实际开工日期，新开工目标和按期开工的计分都无法判断。", fix: "填写实际开工日期；如果其实没有开工，改正项目状态。" },
  en: { title: "missing actual start", description: "A project whose stage is started or completed has no actual start date, so neither the new-starts target nor its on-time score can be judged.", fix: "Write the actual start date; if it has not started, correct its stage." },
});

export const startBeforeSign = projectRowRule({
  id: "start-before-sign",
  severity: "error",
  reads: ["signDate", "actualStart"],
  check: (r) => {
    const { actualStart, signDate } = r.values;
    return actualStart !== undefined && signDate !== undefined && actualStart < signDate
      ? { field: "actualStart", params: { actual: day(r, "actualStart"), signed: day(r, "signDate") } }
      : null;
  },
  message: {
    zh: (p: { readonly actual: string; readonly signed: string }) => `实际开工日期 ${p.actual} 早于签约日期 ${p.signed}`,
    en: (p) => `actual start ${p.actual} is before the sign date ${p.signed}`,
  },
  zh: { title: "开工早于签约", description: "实际开工日期早于签约日期，两个日期至少有一个填错了。", fix: "对照合同和开工资料核对两个日期。" },
  en: { title: "start before signing", description: "The actual start is earlier than the sign date: at least one of the two dates is wrong.", fix: "Check both dates against the contract and the start records." },
});

export const stageNotUpdated = projectRowRule({
  id: "stage-not-updated",
  severity: "warning",
  reads: ["stage", "actualStart"],
  check: (r) =>
    r.values.actualStart !== undefined && r.stage && BEFORE_START.includes(r.stage)
      ? { field: "stage", params: { actual: day(r, "actualStart"), stage: stageText(r) } }
      : null,
  message: {
    zh: (p: { readonly actual: string; readonly stage: string }) => `已有实际开工日期 ${p.actual}，项目状态仍为“${p.stage}”，请更新`,
    en: (p) => `has an actual start ${p.actual} but its stage is still "${p.stage}"; please update it`,
  },
  zh: { title: "项目状态未更新", description: "已经填了实际开工日期，项目状态却还是策划、在谈或签约。", fix: "把项目状态改为开工（已竣工的改为竣工）。" },
  en: { title: "stage not updated", description: "A project has an actual start date while its stage is still planned, negotiating or signed.", fix: "Set its stage to 开工 (竣工 if it is completed)." },
});

export const futureDate = projectRowRule({
  id: "future-date",
  severity: "warning",
  reads: ["signDate", "actualStart"],
  check: (r, ctx) => {
    const after = (f: "signDate" | "actualStart") => r.values[f] !== undefined && r.values[f]! > ctx.asOf;
    // Nearly every row has neither: answered without building the list.
    if (!after("signDate") && !after("actualStart")) return null;
    return (["signDate", "actualStart"] as const).filter(after).map((f) => ({ field: f, params: { date: day(r, f), asOf: isoDay(ctx.asOf) } }));
  },
  message: {
    zh: (p: { readonly date: string; readonly asOf: string }, field: string) => `${field} ${p.date} 晚于统计截止日 ${p.asOf}`,
    en: (p, field) => `${field} ${p.date} is after the as-of date ${p.asOf}`,
  },
  zh: { title: "日期晚于截止日", description: "签约日期或实际开工日期晚于统计截止日，像是把计划写成了已发生的事，或者日期填错。", fix: "核对日期；尚未发生的签约或开工先不填，计划日期填在计划开工日期列。" },
  en: { title: "future date", description: "A sign date or actual start is after the as-of date: a plan written as done, or a wrong date.", fix: "Check the date; leave a signing or start that has not happened blank, and put a plan in the planned start column." },
});

export const fundsExceedInvestment = projectRowRule({
  id: "funds-exceed-investment",
  severity: "warning",
  reads: ["fundsInPlace", "investment"],
  check: (r) => {
    const funds = r.values.fundsInPlace;
    const inv = r.values.investment;
    if (!funds || !inv || funds.currency || inv.currency || funds.wan <= inv.wan) return null;
    return { field: "fundsInPlace", params: { funds: funds.wan, investment: inv.wan } };
  },
  message: {
    zh: (p: { readonly funds: number; readonly investment: number }) => `到位资金 ${p.funds} 万元大于总投资 ${p.investment} 万元`,
    en: (p) => `funds in place ${p.funds} (10k yuan) exceed the investment ${p.investment}`,
  },
  zh: { title: "到位资金超总投资", description: "到位资金大于项目总投资，通常是单位（万元、亿元）或数字填错。", fix: "核对两列的金额和单位。" },
  en: { title: "funds exceed investment", description: "The funds in place exceed the project's investment: usually a wrong unit (万元, 亿元) or figure.", fix: "Check both amounts and their units." },
});

export const fairSignedNotSigned = projectRowRule({
  id: "fair-signed-not-signed",
  severity: "error",
  reads: ["fairSigned", "stage"],
  check: (r) => (r.values.fairSigned && r.stage && BEFORE_SIGNING.includes(r.stage) ? { field: "fairSigned", params: { stage: stageText(r) } } : null),
  message: {
    zh: (p: { readonly stage: string }) => `标为投洽会签约，但项目状态为“${p.stage}”（未签约）`,
    en: (p) => `flagged as signed at the fair while its stage is "${p.stage}" (not signed)`,
  },
  zh: { title: "投洽会签约但未签约", description: "项目标为投洽会签约，项目状态却还是策划或在谈，二者矛盾。", fix: "已签约的，更新项目状态和签约日期；未签约的，把投洽会签约改为“否”。" },
  en: { title: "fair-signed but not signed", description: "A project is flagged as signed at the fair while its stage is still planned or negotiating: the two contradict each other.", fix: "If it is signed, update its stage and sign date; if not, set 投洽会签约 to 否." },
});
