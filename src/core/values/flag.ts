/** Yes/no cells (重点在谈, 投洽会签约, 专家论证, 是否确认参会 …). */
import type { CellValue } from "../sheet";
import type { Parsed } from "./types";
import { vocabulary } from "./vocabulary";

/** The words of a flag; the first of each is how the template and the guide write it. */
export const FLAG_WORDS: Readonly<Record<"yes" | "no", readonly string[]>> = {
  // Booleans and the numbers 1/0 are read as they print ("true", "1"), so they are words here too.
  yes: ["是", "√", "✓", "✔", "☑", "y", "yes", "1", "true", "有", "已"],
  no: ["否", "×", "✗", "✘", "☒", "n", "no", "0", "false", "无", "未"],
};

const FLAGS = vocabulary(FLAG_WORDS);

/** A flag; blank stays blank (callers read it as no), anything else is unreadable. */
export function parseFlag(v: CellValue): Parsed<boolean> {
  const parsed = FLAGS.parse(v);
  return parsed.status === "ok" ? { status: "ok", value: parsed.value === "yes" } : parsed;
}
