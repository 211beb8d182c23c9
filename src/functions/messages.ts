/** What the ZS functions say when they cannot answer, Chinese first. */
import type { Bilingual } from "../core/labels";
import { TARGET_LABELS, UNIT_KIND_LABELS } from "../core/labels";
import { TARGET_IDS, type TargetId } from "../core/result";
import type { UnitKind } from "../core/values/types";

/** The argument names of the functions, as the zh-CN metadata names them. */
export const ARGUMENT_LABELS = {
  target: { zh: "目标", en: "target" },
  table: { zh: "台账区域", en: "table" },
  unitKind: { zh: "单位类型", en: "unitKind" },
  asOf: { zh: "统计截止日", en: "asOf" },
  unit: { zh: "单位", en: "unit" },
  projectPoints: { zh: "签约项目分值", en: "projectPoints" },
  tripPoints: { zh: "外出分值", en: "tripPoints" },
  fairBonus: { zh: "投洽会加分", en: "fairBonus" },
  stage: { zh: "项目状态", en: "stage" },
  plannedStart: { zh: "计划开工日期", en: "plannedStart" },
  actualStart: { zh: "实际开工日期", en: "actualStart" },
  soonDays: { zh: "临近天数", en: "soonDays" },
  fairStartDeadline: { zh: "投洽会项目开工时限", en: "fairStartDeadline" },
  value: { zh: "金额", en: "value" },
} as const satisfies Record<string, Bilingual>;

export type ArgumentName = keyof typeof ARGUMENT_LABELS;

const targetList = (lang: "zh" | "en") => TARGET_IDS.map((id) => (lang === "zh" ? TARGET_LABELS[id].zh : id)).join(lang === "zh" ? "、" : ", ");

export const MESSAGES = {
  notATable: (): Bilingual => ({
    zh: "“台账区域”应为单元格区域，例如 财源街道!A1:P40",
    en: "table must be a cell range, e.g. Sheet1!A1:P40",
  }),
  noLedger: (): Bilingual => ({
    zh: "区域中找不到台账表头（如“项目名称”“项目状态”“总投资”，或“日期”“带队领导”）：请选中含表头行的整个台账",
    en: "no ledger header found in the range (such as 项目名称, 项目状态, 总投资, or 日期, 带队领导): select the whole ledger including its header rows",
  }),
  unknownTarget: (text: string): Bilingual => ({
    zh: `未知的目标“${text}”，应为：${targetList("zh")}`,
    en: `unknown target "${text}"; use one of: ${targetList("en")}`,
  }),
  targetNotApplicable: (id: TargetId, kind: UnitKind): Bilingual => ({
    zh: `${UNIT_KIND_LABELS[kind].zh}不考核“${TARGET_LABELS[id].zh}”`,
    en: `a ${UNIT_KIND_LABELS[kind].en} is not assessed on ${TARGET_LABELS[id].en}`,
  }),
  targetNotAssessed: (id: TargetId): Bilingual =>
    id === "annual-task"
      ? {
          zh: "无法评估“全年任务”：须在台账设置中填写全年任务（万元），且区域中有到位资金列",
          en: "the annual task cannot be assessed: set 全年任务 (万元) in 台账设置, and include the funds-in-place column",
        }
      : {
          zh: `无法评估“${TARGET_LABELS[id].zh}”：区域中缺少它所需的台账或列`,
          en: `${TARGET_LABELS[id].en} cannot be assessed: the range lacks the ledger or column it counts`,
        },
  unknownUnitKind: (text: string): Bilingual => ({
    zh: `无法识别的单位类型“${text}”，应为 街道、园区、区直部门 或 指挥部`,
    en: `unknown unit kind "${text}"; use town, park, department or hq (街道, 园区, 区直部门, 指挥部)`,
  }),
  unitNotFound: (text: string, units: readonly string[]): Bilingual => ({
    zh: `区域中没有单位“${text}”（区域中的单位：${units.join("、")}）；若该单位在此台账中确无记录，请同时给出单位类型（unitKind）`,
    en: `no unit "${text}" in the range (its units: ${units.join(", ")}); if the unit truly has no row in this ledger, give its unitKind too`,
  }),
  otherUnit: (text: string, unitName: string): Bilingual => ({
    zh: `这是“${unitName}”的台账，不是“${text}”的`,
    en: `this is the ledger of ${unitName}, not of ${text}`,
  }),
  badDate: (arg: ArgumentName, text: string): Bilingual => ({
    zh: `无法识别的日期“${text}”（参数“${ARGUMENT_LABELS[arg].zh}”）`,
    en: `cannot read the date "${text}" (argument ${ARGUMENT_LABELS[arg].en})`,
  }),
  /** A setting given as an argument that the core's setting reader refuses, with what it must be. */
  badSetting: (arg: ArgumentName, text: string, expected: Bilingual): Bilingual => ({
    zh: `参数“${ARGUMENT_LABELS[arg].zh}”的值“${text}”无法识别，应为${expected.zh}`,
    en: `argument ${ARGUMENT_LABELS[arg].en} expects ${expected.en}, not "${text}"`,
  }),
  asOfRequired: (): Bilingual => ({
    zh: "缺少统计截止日：请传入参数“统计截止日”（如 TODAY() 或 DATE(2022,9,30)），或在台账设置中填写统计截止日。函数只在参数变化时重算，不会按“今天”自动更新",
    en: "no as-of date: pass the asOf argument (e.g. TODAY() or DATE(2022,9,30)) or set 统计截止日 in 台账设置; functions recalculate only when their arguments change, so they do not follow today by themselves",
  }),
  badAmount: (text: string): Bilingual => ({
    zh: `无法识别的金额“${text}”`,
    en: `cannot read the amount "${text}"`,
  }),
  negativeAmount: (text: string): Bilingual => ({
    zh: `金额“${text}”为负数`,
    en: `the amount "${text}" is negative`,
  }),
  foreignAmount: (text: string, currency: string): Bilingual => ({
    zh: `“${text}”是${currency}金额，不换算为万元`,
    en: `"${text}" is in ${currency}; foreign amounts are not converted to 万元`,
  }),
  blankAmount: (): Bilingual => ({ zh: "金额为空", en: "the amount is blank" }),
  badAmountUnit: (text: string): Bilingual => ({
    zh: `无法识别的金额单位“${text}”，应为 元、万元 或 亿元`,
    en: `unknown amount unit "${text}"; use 元, 万元 or 亿元`,
  }),
  unknownStage: (text: string): Bilingual => ({
    zh: `无法识别的项目状态“${text}”（应为 策划、在谈、签约、开工、竣工、终止 等）`,
    en: `unknown stage "${text}" (use 策划, 在谈, 签约, 开工, 竣工, 终止 …)`,
  }),
  noProjects: (): Bilingual => ({
    zh: "区域中没有项目台账，无法计算得分",
    en: "the range holds no projects ledger to score",
  }),
  noPenaltyLedger: (): Bilingual => ({
    zh: "区域中既没有项目台账，也没有外出招商台账，无法计算扣分",
    en: "the range holds neither a projects ledger nor a trips ledger to deduct from",
  }),
};
