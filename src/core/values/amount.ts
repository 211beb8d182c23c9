/**
 * Amounts (总投资, 到位资金 …), always returned in 万元. A number is in its column's unit; text may
 * carry its own unit (1.2亿, 3000000元), a mark that it is approximate (约5000万, 5000万左右) or
 * another currency (500万美元), which is kept in that currency and never converted.
 */
import { compact } from "../text";
import type { CellValue } from "../sheet";
import { WAN_PER_UNIT } from "./amountUnit";
import { blankOrError, classify, invalid, ok } from "./cell";
import type { Amount, AmountUnit, Parsed } from "./types";

export function parseAmount(v: CellValue, unit: AmountUnit = "万元"): Parsed<Amount> {
  const cell = classify(v);
  const early = blankOrError(cell, v);
  if (early) return early;
  // A unit that is not one of ours (a caller's bug) must not turn every amount into NaN.
  const wanPerUnit = WAN_PER_UNIT[unit] ?? 1;
  if (cell.kind === "number") return amountOf(cell.value * wanPerUnit, false, null, v);
  if (cell.kind !== "text") return invalid("unreadable", v);
  const read = readAmountText(compact(cell.value), wanPerUnit);
  return read ? amountOf(read.wan, read.approximate, read.currency, v) : invalid("unreadable", v);
}

/**
 * 10^12 万元 is some eighty times China's yearly GDP: a figure beyond it is a typo or a hostile
 * cell, and a sum of a few such figures overflows every total and target to Infinity.
 */
export const MAX_AMOUNT_WAN = 1e12;

function amountOf(wan: number, approximate: boolean, currency: string | null, v: unknown): Parsed<Amount> {
  if (!Number.isFinite(wan) || wan > MAX_AMOUNT_WAN) return invalid("unreadable", v);
  if (wan < 0) return invalid("negative", v);
  return ok({ wan: roundNoise(wan) + 0, approximate, currency }); // + 0 turns -0 into 0
}

/** 1.2 × 10000 is 12000.000000000002 in floating point; six decimals of 万元 is far below a 元. */
function roundNoise(x: number): number {
  return Math.abs(x) < 1e15 ? Math.round(x * 1e6) / 1e6 : x;
}

/** Marks of an approximate figure, before the number, between it and its unit, or at the end. */
const APPROX_BEFORE = /^(?:大约|约|近|超过|超|逾)/;
const APPROX_INSIDE = /[余多]/g;
const APPROX_AFTER = /(?:左右|以上)$/;
/** RMB said explicitly is no different from no currency at all. */
const RMB = /人民币|rmb|cny|[¥￥]/gi;
/** A thousands separator: a comma followed by exactly three digits. */
const THOUSANDS = /(\d)[,，](?=\d{3}(?!\d))/g;

/** Other currencies: the words written after the figure, and the signs and codes written before it. */
const CURRENCIES: readonly { readonly name: string; readonly after: RegExp; readonly before: RegExp }[] = [
  { name: "港元", after: /(?:港元|港币|hkd|hk\$)$/i, before: /^(?:hk\$|hkd)/i },
  { name: "美元", after: /(?:美元|美金|usd|us\$)$/i, before: /^(?:us\$|usd|\$)/i },
  { name: "欧元", after: /(?:欧元|eur|€)$/i, before: /^(?:€|eur)/i },
  { name: "日元", after: /(?:日元|jpy)$/i, before: /^jpy/i },
  { name: "英镑", after: /(?:英镑|gbp|£)$/i, before: /^(?:£|gbp)/i },
];

/** What a magnitude word before the currency (or before 元) multiplies the figure by, in 万. */
const WAN_PER_MAGNITUDE: Readonly<Record<string, number>> = { 亿: 1e4, 千万: 1e3, 百万: 100, 万: 1, "": 1e-4 };
const FIGURE = /^(-?(?:\d+(?:\.\d+)?|\.\d+))(亿|千万|百万|万)?(元)?$/;

interface AmountText {
  readonly wan: number;
  readonly approximate: boolean;
  readonly currency: string | null;
}

/** Reads compacted text; null when it is not a single figure with an optional unit. */
function readAmountText(text: string, wanPerUnit: number): AmountText | null {
  const plain = text.replace(THOUSANDS, "$1").replace(RMB, "").replace(/\u2212/g, "-");
  // Approximate marks may sit outside a currency (约$500万, 500万美元左右) or inside it ($约500万).
  const outer = stripApproximate(plain);
  const currency = CURRENCIES.find((c) => c.before.test(outer.rest) || c.after.test(outer.rest)) ?? null;
  const inner = stripApproximate(currency ? outer.rest.replace(currency.before, "").replace(currency.after, "") : outer.rest);

  const m = FIGURE.exec(inner.rest);
  if (!m) return null;
  const [, figure, magnitude = "", yuan] = m;
  if (currency && yuan) return null; // 500万美元元 is not a thing
  // A currency word is a unit in itself (500美元 is 500 dollars), so is 元; a bare figure is in the column's unit.
  const explicit = magnitude !== "" || yuan !== undefined || currency !== null;
  const factor = explicit ? WAN_PER_MAGNITUDE[magnitude] : wanPerUnit;
  return { wan: Number(figure) * factor, approximate: outer.approximate || inner.approximate, currency: currency?.name ?? null };
}

function stripApproximate(s: string): { readonly rest: string; readonly approximate: boolean } {
  const rest = s.replace(APPROX_BEFORE, "").replace(APPROX_AFTER, "").replace(APPROX_INSIDE, "");
  return { rest, approximate: rest !== s };
}
