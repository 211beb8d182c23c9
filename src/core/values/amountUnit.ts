import { compact } from "../text";
import type { AmountUnit } from "./types";

/** How many 万元 one of the unit is. */
export const WAN_PER_UNIT: Readonly<Record<AmountUnit, number>> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };

/**
 * A unit word as headers and units lines write it: 万元, 亿元, 元 (also 万, 亿, and 单位：万元).
 * Returns null for anything else, foreign currencies included.
 */
export function parseAmountUnit(text: string): AmountUnit | null {
  const s = compact(text).replace(/^(金额)?单位[:：]?/, "").replace(/人民币|RMB/gi, "");
  if (s === "万元" || s === "万") return "万元";
  if (s === "亿元" || s === "亿") return "亿元";
  if (s === "元") return "元";
  return null;
}
