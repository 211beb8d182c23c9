/** Rules raised while reading a cell's value: blanks where a value is required, unreadable or guessed values. */
import { isoDay } from "../day";
import type { Finding } from "../findings";
import type { Amount, DateGuess, Parsed } from "../values/types";
import { defineRule, finding, type FindingPlace } from "./rule";

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

export const missingValue = defineRule(
  "missing-value",
  "error",
  (_p, field) => `必填项“${field}”为空`,
  (_p, field) => `required field "${field}" is blank`,
);
export const invalidAmount = defineRule(
  "invalid-amount",
  "error",
  (p, field) => (p.reason === "negative" ? `${field}“${p.value}”为负数` : `${field}“${p.value}”无法识别为金额`),
  (p, field) => (p.reason === "negative" ? `${field} "${p.value}" is negative` : `${field} "${p.value}" is not an amount`),
);
export const approximateAmount = defineRule(
  "approximate-amount",
  "warning",
  (p, field) => `${field}“${p.value}”为约数，请填写确数`,
  (p, field) => `${field} "${p.value}" is approximate; give the exact figure`,
);
export const foreignCurrency = defineRule(
  "foreign-currency",
  "warning",
  (p, field) => `${field}“${p.value}”为外币（${p.currency}），未折算，不计入考核`,
  (p, field) => `${field} "${p.value}" is in ${CURRENCY_EN[p.currency] ?? "a foreign currency"}; not converted and not counted`,
);
export const invalidDate = defineRule(
  "invalid-date",
  "error",
  (p, field) => (p.reason === "impossible-date" ? `${field}“${p.value}”不是有效日期` : `${field}“${p.value}”无法识别为日期`),
  (p, field) => (p.reason === "impossible-date" ? `${field} "${p.value}" is not a real date` : `${field} "${p.value}" is not a date`),
);
export const partialDate = defineRule(
  "partial-date",
  "warning",
  (p, field) => `${field}“${p.value}”${GUESS_ZH[p.guess as DateGuess]}（${p.read}），请核实`,
  (p, field) => `${field} "${p.value}" ${GUESS_EN[p.guess as DateGuess]} (${p.read}); please confirm`,
);
export const unknownStage = defineRule(
  "unknown-stage",
  "error",
  (p, field) => `${field}“${p.value}”不在规定范围（策划、在谈、签约、开工、竣工、终止）`,
  (p, field) => `${field} "${p.value}" is not a known stage (planned, negotiating, signed, started, completed, stopped)`,
);
export const invalidFlag = defineRule(
  "invalid-flag",
  "warning",
  (p, field) => `${field}“${p.value}”应填“是”或“否”，按“否”计`,
  (p, field) => `${field} "${p.value}" should be yes or no; read as no`,
);

export const VALUE_RULES = [missingValue, invalidAmount, approximateAmount, foreignCurrency, invalidDate, partialDate, unknownStage, invalidFlag];

/** The finding a parsed amount deserves, if any (blank is the caller's to judge). */
export function amountFinding(parsed: Parsed<Amount>, place: FindingPlace, shown: string): Finding | null {
  if (parsed.status === "invalid") return finding(invalidAmount, place, { value: parsed.text, reason: parsed.reason });
  if (parsed.status !== "ok") return null;
  if (parsed.value.currency) return finding(foreignCurrency, place, { value: shown, currency: parsed.value.currency });
  if (parsed.value.approximate) return finding(approximateAmount, place, { value: shown });
  return null;
}

export function dateFinding(parsed: Parsed<number, DateGuess>, place: FindingPlace, shown: string): Finding | null {
  if (parsed.status === "invalid") return finding(invalidDate, place, { value: parsed.text, reason: parsed.reason });
  if (parsed.status === "ok" && parsed.guess) return finding(partialDate, place, { value: shown, guess: parsed.guess, read: isoDay(parsed.value) });
  return null;
}
