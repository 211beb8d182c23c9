/**
 * Every user-facing word of the domain in both languages, Chinese first. Surfaces take their
 * labels from here so that the pane, the functions and the command line say the same thing.
 */
import type { FieldId, LedgerKind } from "./ledger";
import type { Acknowledgement, Lang, Severity } from "./findings";
import type { Outcome, StartStatus, TargetId } from "./result";
import type { UnitKind } from "./values/types";

export type Bilingual = { readonly zh: string; readonly en: string };

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, Bilingual>> = {
  town: { zh: "街道/镇", en: "town" },
  park: { zh: "园区", en: "park" },
  department: { zh: "区直部门", en: "department" },
  hq: { zh: "指挥部", en: "command office" },
};

export const LEDGER_LABELS: Readonly<Record<LedgerKind, Bilingual>> = {
  projects: { zh: "项目台账", en: "projects ledger" },
  trips: { zh: "外出招商台账", en: "trips ledger" },
  invitations: { zh: "客商邀请台账", en: "invitations ledger" },
  meetings: { zh: "例会记录", en: "meetings ledger" },
};

export const SEVERITY_LABELS: Readonly<Record<Severity, Bilingual>> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
};

export const TARGET_LABELS: Readonly<Record<TargetId, Bilingual>> = {
  "fair-signing": { zh: "投洽会签约", en: "fair signings" },
  "new-starts": { zh: "新开工", en: "new starts" },
  "key-negotiations": { zh: "重点在谈", en: "key negotiations" },
  "planned-projects": { zh: "新策划", en: "newly planned projects" },
  "trips-main": { zh: "主要负责人外出", en: "principal's trips" },
  "trips-deputy": { zh: "分工负责人外出", en: "deputies' trips" },
  invitations: { zh: "客商邀请", en: "invited business leaders" },
  "no-blank": { zh: "杜绝空白", en: "no blank unit" },
  "owner-promotions": { zh: "包保推介", en: "owner promotions" },
  "expert-review": { zh: "专家论证", en: "expert reviews" },
  "weekly-meetings": { zh: "每周例会", en: "weekly meetings" },
  "annual-task": { zh: "全年任务", en: "annual task" },
};

/** 重点项目开工 (`key-starts`): the district's count of 区级重点 projects started in the campaign, not a unit's target. */
export const KEY_STARTS_LABEL: Bilingual = { zh: "区级重点项目开工", en: "key projects started" };

export const STATUS_LABELS: Readonly<Record<StartStatus, Bilingual>> = {
  "missing-planned": { zh: "缺计划开工日期", en: "no planned start" },
  overdue: { zh: "逾期未开工", en: "overdue" },
  "due-soon": { zh: "临近开工时限", en: "start due soon" },
  pending: { zh: "待开工", en: "pending" },
  started: { zh: "已开工", en: "started" },
};

export const OUTCOME_LABELS: Readonly<Record<Outcome, Bilingual>> = {
  "on-time": { zh: "按期开工", en: "started on time" },
  late: { zh: "延期开工", en: "started late" },
  pending: { zh: "未到开工时限", en: "not yet due" },
  "not-started": { zh: "未按期开工", en: "not started" },
  "not-implementable": { zh: "不能实施", en: "cannot be carried out" },
  undetermined: { zh: "无法判定", en: "undetermined" },
};

export const FIELD_LABELS: Readonly<Record<FieldId, Bilingual>> = {
  unit: { zh: "单位", en: "unit" },
  name: { zh: "项目名称", en: "project name" },
  investor: { zh: "投资方", en: "investor" },
  industry: { zh: "产业类别", en: "industry" },
  investment: { zh: "总投资", en: "investment" },
  stage: { zh: "项目状态", en: "stage" },
  keyNegotiation: { zh: "重点在谈", en: "key negotiation" },
  keySigned: { zh: "区级重点", en: "key signed project" },
  fairSigned: { zh: "投洽会签约", en: "signed at the fair" },
  planDate: { zh: "策划日期", en: "planning date" },
  signDate: { zh: "签约日期", en: "sign date" },
  plannedStart: { zh: "计划开工日期", en: "planned start" },
  actualStart: { zh: "实际开工日期", en: "actual start" },
  fundsInPlace: { zh: "到位资金", en: "funds in place" },
  owner: { zh: "包保责任人", en: "owner" },
  promotions: { zh: "外出推介次数", en: "promotions" },
  expertReviewed: { zh: "专家论证", en: "expert review" },
  progress: { zh: "形象进度", en: "progress" },
  notes: { zh: "备注", en: "notes" },
  date: { zh: "日期", en: "date" },
  endDate: { zh: "结束时间", en: "end date" },
  leader: { zh: "带队人", en: "leader" },
  role: { zh: "职务类别", en: "role" },
  title: { zh: "职务", en: "title" },
  region: { zh: "目的地", en: "destination" },
  companies: { zh: "拜访企业", en: "companies visited" },
  outcome: { zh: "成效", en: "outcome" },
  company: { zh: "企业名称", en: "company" },
  category: { zh: "企业类别", en: "category" },
  invitee: { zh: "邀请对象", en: "invitee" },
  confirmed: { zh: "是否确认参会", en: "confirmed" },
  location: { zh: "地点", en: "location" },
  topic: { zh: "内容", en: "topic" },
  recorder: { zh: "记录人", en: "recorder" },
};

/**
 * The language to speak for Office's UI language tag (Office.context.displayLanguage, e.g. "zh-CN",
 * "en-US"): English when it is English, Chinese otherwise, since the product's users are Chinese.
 * The pane and the ZS functions both decide by it.
 */
export function langOf(displayLanguage: string | undefined): Lang {
  return /^en(?![a-z])/i.test(displayLanguage ?? "") ? "en" : "zh";
}

/**
 * A verification's reason with who and when, as every surface writes it: 等待土地审批（王敏，2022-09-28）
 * in Chinese, "waiting for the land approval (王敏, 2022-09-28)" in English; the reason alone when neither is written.
 */
export function acknowledgementText(a: Acknowledgement, lang: Lang): string {
  const who = [a.by, a.date].filter(Boolean);
  if (who.length === 0) return a.reason;
  return lang === "zh" ? `${a.reason}（${who.join("，")}）` : `${a.reason} (${who.join(", ")})`;
}
