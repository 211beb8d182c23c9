/** Rules on one cell's value: blanks where a value is required, unreadable or guessed values. */
import { isoDay } from "../day";
import { fieldsOfType, ROW_REQUIRED } from "../row";
import { isBlank } from "../sheet";
import { displayValue } from "../text";
import type { DateGuess, InvalidReason } from "../values/types";
import { NO_PARAMS, valueRule } from "./rule";

const GUESS_ZH: Record<DateGuess, string> = {
  "no-day": "缺少日，按当月最后一天计",
  "no-year": "缺少年份，按统计截止日所在年计",
  range: "为日期区间，按起始日计",
  time: "含时刻，已忽略时刻",
};
const GUESS_EN: Record<DateGuess, string> = {
  "no-day": "has no day; read as the month's last day",
  "no-year": "has no year; read in the as-of year",
  range: "is a range; read as its first day",
  time: "has a time of day, which was dropped",
};

const CURRENCY_EN: Readonly<Record<string, string>> = { 美元: "US dollars", 欧元: "euros", 港元: "Hong Kong dollars", 日元: "yen", 英镑: "pounds" };

/** The cell as written, quoted in a message. */
type Quoted = { readonly value: string };
type Unreadable = Quoted & { readonly reason: InvalidReason };

const REQUIRED = [...new Set(Object.values(ROW_REQUIRED).flat())];
const AMOUNTS = fieldsOfType("amount");
const DATES = fieldsOfType("date");

export const missingValue = valueRule("required", {
  id: "missing-value",
  severity: "error",
  reads: REQUIRED,
  check: (raw) => (isBlank(raw) ? { params: NO_PARAMS } : null),
  message: {
    zh: (_p, field) => `必填项“${field}”为空`,
    en: (_p, field) => `required field "${field}" is blank`,
  },
  zh: { title: "必填项为空", description: "数据行的必填项没有填写：项目台账的项目名称、总投资、项目状态，外出和例会记录的日期，客商邀请的企业名称。缺了这些，这一行无法统计。", fix: "在该单元格补填内容；如果这一行不是数据（如说明文字），请删除或移到表格下方。" },
  en: { title: "missing value", description: "A data row leaves a required field blank: a project's name, investment or stage, a trip's or meeting's date, an invitation's company. Without it the row cannot be counted.", fix: "Fill in the cell; if the row is not data (a note, say), delete it or move it below the table." },
});

export const invalidAmount = valueRule("amount", {
  id: "invalid-amount",
  severity: "error",
  reads: AMOUNTS,
  check: (p) => (p.status === "invalid" ? { params: { value: p.text, reason: p.reason } } : null),
  message: {
    zh: (p: Unreadable, field: string) => (p.reason === "negative" ? `${field}“${p.value}”为负数` : `${field}“${p.value}”无法识别为金额`),
    en: (p, field) => (p.reason === "negative" ? `${field} "${p.value}" is negative` : `${field} "${p.value}" is not an amount`),
  },
  zh: { title: "金额无法识别", description: "金额单元格的内容读不出一个数，或者是负数（如“待定”“五千万”“-300”）。这样的金额不计入合计和考核。", fix: "填写阿拉伯数字金额，如 12000 或 1.2亿；单位默认是表头或“单位：万元”行所写的单位。" },
  en: { title: "invalid amount", description: "An amount cell holds no readable figure, or a negative one (待定, 五千万, -300). Such an amount is left out of totals and targets.", fix: "Write the amount in figures, e.g. 12000 or 1.2亿; its unit is the header's, or the units line's (单位：万元)." },
});

export const approximateAmount = valueRule("amount", {
  id: "approximate-amount",
  severity: "warning",
  reads: AMOUNTS,
  check: (p, raw) => (p.status === "ok" && p.value.approximate && !p.value.currency ? { params: { value: displayValue(raw) } } : null),
  message: {
    zh: (p: Quoted, field: string) => `${field}“${p.value}”为约数，请填写确数`,
    en: (p, field) => `${field} "${p.value}" is approximate; give the exact figure`,
  },
  zh: { title: "金额为约数", description: "金额写成了约数（如“约5000万”“5000万左右”）。按写出的数计入考核，但应核实确切数字。", fix: "改为确切金额，去掉“约”“左右”“余”等字。" },
  en: { title: "approximate amount", description: "An amount is written as approximate (约5000万, 5000万左右). It counts at its value, but the exact figure should be confirmed.", fix: "Write the exact figure, without 约, 左右 or 余." },
});

export const foreignCurrency = valueRule("amount", {
  id: "foreign-currency",
  severity: "warning",
  reads: AMOUNTS,
  check: (p, raw) => (p.status === "ok" && p.value.currency ? { params: { value: displayValue(raw), currency: p.value.currency } } : null),
  message: {
    zh: (p: Quoted & { readonly currency: string }, field: string) => `${field}“${p.value}”为外币（${p.currency}），未折算，不计入考核`,
    en: (p, field) => `${field} "${p.value}" is in ${CURRENCY_EN[p.currency] ?? "a foreign currency"}; not converted and not counted`,
  },
  zh: { title: "外币金额", description: "金额是外币（如“500万美元”）。外币不折算，不计入以万元计的合计和考核门槛。", fix: "按签约时的汇率折算成人民币万元后填写，外币原文可写在备注中。" },
  en: { title: "foreign currency", description: "An amount is in another currency (500万美元). It is not converted and does not count toward totals or thresholds in 万元.", fix: "Convert it to 万元 at the rate of the signing and write that; keep the original in the notes." },
});

export const invalidDate = valueRule("date", {
  id: "invalid-date",
  severity: "error",
  reads: DATES,
  check: (p) => (p.status === "invalid" ? { params: { value: p.text, reason: p.reason } } : null),
  message: {
    zh: (p: Unreadable, field: string) => (p.reason === "impossible-date" ? `${field}“${p.value}”不是有效日期` : `${field}“${p.value}”无法识别为日期`),
    en: (p, field) => (p.reason === "impossible-date" ? `${field} "${p.value}" is not a real date` : `${field} "${p.value}" is not a date`),
  },
  zh: { title: "日期无法识别", description: "日期单元格读不出日期，或日期不存在（如“待定”“尽快”“2022-02-30”）。依赖这个日期的检查和考核都不作判断。", fix: "填写完整日期，如 2022-08-15 或 2022年8月15日；日期未定的留空。" },
  en: { title: "invalid date", description: "A date cell holds no readable date, or a day that does not exist (待定, 尽快, 2022-02-30). Checks and targets that need the date make no judgement.", fix: "Write a full date such as 2022-08-15 or 2022年8月15日; leave it blank while it is not known." },
});

export const partialDate = valueRule("date", {
  id: "partial-date",
  severity: "warning",
  reads: DATES,
  check: (p, raw) => (p.status === "ok" && p.guess ? { params: { value: displayValue(raw), guess: p.guess, read: isoDay(p.value) } } : null),
  message: {
    zh: (p: Quoted & { readonly guess: DateGuess; readonly read: string }, field: string) => `${field}“${p.value}”${GUESS_ZH[p.guess]}（${p.read}），请核实`,
    en: (p, field) => `${field} "${p.value}" ${GUESS_EN[p.guess]} (${p.read}); please confirm`,
  },
  zh: { title: "日期不完整", description: "日期要靠推断才能读出：只有年月（按当月最后一天）、没有年份（按统计截止日所在年）、是一个区间（按起始日）或带有时刻（忽略时刻）。", fix: "核实后改为完整的年月日，如 2022-09-30。" },
  en: { title: "partial date", description: "A date is read with a guess: a month without a day (its last day), no year (the as-of year), a range (its first day) or a time of day (dropped).", fix: "Check it and write the full date, e.g. 2022-09-30." },
});

export const unknownStage = valueRule("stage", {
  id: "unknown-stage",
  severity: "error",
  reads: ["stage"],
  check: (p) => (p.status === "invalid" ? { params: { value: p.text } } : null),
  message: {
    zh: (p: Quoted, field: string) => `${field}“${p.value}”不在规定范围（策划、在谈、签约、开工、竣工、终止）`,
    en: (p, field) => `${field} "${p.value}" is not a known stage (planned, negotiating, signed, started, completed, stopped)`,
  },
  zh: { title: "项目状态不规范", description: "项目状态不是规定的说法。状态决定项目是否算签约、开工，写法不规范的项目不参与这些判断。", fix: "改为策划、在谈、签约、开工、竣工、终止之一（已签约、在建、投产等常见说法也可识别）。" },
  en: { title: "unknown stage", description: "A project's stage is not one of the agreed words. The stage decides whether a project counts as signed or started; one that cannot be read takes part in neither.", fix: "Use one of 策划, 在谈, 签约, 开工, 竣工, 终止 (common variants such as 已签约, 在建, 投产 are read too)." },
});

export const invalidFlag = valueRule("flag", {
  id: "invalid-flag",
  severity: "warning",
  reads: fieldsOfType("flag"),
  check: (p) => (p.status === "invalid" ? { params: { value: p.text } } : null),
  message: {
    zh: (p: Quoted, field: string) => `${field}“${p.value}”应填“是”或“否”，按“否”计`,
    en: (p, field) => `${field} "${p.value}" should be yes or no; read as no`,
  },
  zh: { title: "是否项不规范", description: "“是否”类的列（重点在谈、投洽会签约、专家论证等）填了“是”“否”以外的内容，按“否”计。", fix: "填写“是”或“否”（√、×、Y、N 也可识别）。" },
  en: { title: "invalid flag", description: "A yes/no column (重点在谈, 投洽会签约, 专家论证 …) holds something other than yes or no; it is read as no.", fix: "Write 是 or 否 (√, ×, Y and N are read too)." },
});
