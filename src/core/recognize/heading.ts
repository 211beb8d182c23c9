/** Above the header: the title, the units line (单位：万元) and the reporting unit (填报单位). */
import { dropBracketedParts, normalizeHeader } from "../headers";
import type { SheetRow } from "../sheet";
import { isBlank, isCellError } from "../sheet";
import { compact, displayValue, foldWidth } from "../text";
import { parseAmountUnit } from "../values/amountUnit";
import type { AmountUnit } from "../values/types";
import { shownText } from "./header";

/** How many non-blank rows a sheet that is no ledger reports as its titles. */
const TITLE_ROWS = 5;
const DEFAULT_SHEET_UNIT: AmountUnit = "万元";

export interface Heading {
  readonly title: string | null;
  readonly sheetUnit: AmountUnit;
  readonly unitName: string | null;
}

/** Labels whose value names the amount unit of the sheet (单位：万元). */
const AMOUNT_UNIT_LABELS: ReadonlySet<string> = new Set(["单位", "金额单位", "计量单位", "货币单位"]);
/** Labels whose value names the reporting unit (填报单位：财源街道); so does 单位 with a value that is no amount unit. */
const UNIT_NAME_LABELS: ReadonlySet<string> = new Set(["填报单位", "报送单位", "所属单位", "责任单位", "单位名称", "单位"]);
/** Labels a heading line may run together without spaces (填报单位：财源街道单位：万元). */
const HEADING_LABELS =
  /(填报单位|报送单位|所属单位|责任单位|单位名称|金额单位|计量单位|货币单位|单位|填报日期|填报时间|统计截止日期|统计截止日|截止日期|日期|填报人|联系电话|制表人|审核人)(?=:)/g;
/**
 * A bracketed part, unwrapped when it holds a label, as in 财源街道招商引资项目台账（单位：万元）.
 * The colon is looked for in the replacer: /[(…]([^…]*:[^…]*)[)…]/ backtracks quadratically.
 */
const BRACKETED_PART = /[([【〔]([^()[\]【】〔〕]*)[)\]】〕]/g;
const unwrapLabelled = (part: string, inside: string): string => (inside.includes(":") ? ` ${inside} ` : part);

/** `a : b` → `a:b`, in linear time (/\s*:\s*\/g is quadratic on a long run of spaces). */
function tightenColons(s: string): string {
  if (!s.includes(":")) return s;
  const parts = s.split(":");
  const last = parts.length - 1;
  return parts.map((p, i) => (i === 0 ? p.trimEnd() : i === last ? p.trimStart() : p.trim())).join(":");
}

interface HeadingText {
  /** The parts that are no `label: value`. */
  readonly plain: string[];
  readonly labels: [string, string][];
}

function parseHeadingText(text: string): HeadingText {
  const spaced = tightenColons(foldWidth(text).replace(BRACKETED_PART, unwrapLabelled)).replace(HEADING_LABELS, " $1");
  const plain: string[] = [];
  const labels: [string, string][] = [];
  for (const part of spaced.split(/\s+/)) {
    if (part === "") continue;
    const colon = part.indexOf(":");
    if (colon < 0) plain.push(part);
    else labels.push([normalizeHeader(part.slice(0, colon)).key, part.slice(colon + 1)]);
  }
  return { plain, labels };
}

/**
 * Reads the rows above the header: the title is the first text that is no `label: value`; a
 * units line sets the sheet's amount unit; 填报单位 names the unit, else the title does.
 */
export function readHeading(rows: readonly SheetRow[]): Heading {
  let title: string | null = null;
  const found: { sheetUnit: AmountUnit | null; unitName: string | null } = { sheetUnit: null, unitName: null };
  const label = (name: string, value: string): void => {
    const amountUnit = AMOUNT_UNIT_LABELS.has(name) ? parseAmountUnit(value) : null;
    if (amountUnit) found.sheetUnit ??= amountUnit;
    else if (UNIT_NAME_LABELS.has(name) && value !== "") found.unitName ??= compact(value);
  };
  for (const row of rows) {
    // A label whose value is in the next cell (填报单位： | 财源街道).
    let pending: string | null = null;
    for (const v of row.values) {
      if (typeof v !== "string" || isBlank(v)) continue;
      const { plain, labels } = parseHeadingText(v);
      let valueOfPending = false;
      if (pending !== null && plain.length > 0) {
        label(pending, plain.shift()!);
        pending = null;
        valueOfPending = true;
      }
      // A cell that is all title is kept as shown; otherwise only its parts that are no label.
      if (title === null && plain.length > 0) title = labels.length === 0 && !valueOfPending ? shownText(v) : plain.join(" ");
      for (const [name, value] of labels) label(name, value);
      const last = labels[labels.length - 1];
      if (last && last[1] === "") pending = last[0];
    }
  }
  return {
    title,
    sheetUnit: found.sheetUnit ?? DEFAULT_SHEET_UNIT,
    unitName: found.unitName ?? unitNameOfTitle(title),
  };
}

/** The title must end like a ledger's (…台账, …记录) to name a unit at all. */
const TITLE_END = /(台账|记录|清单|一览表|统计表|明细表|汇总表)$/;
/** Words between the unit and the title's end: 财源街道[招商引资][项目]台账. */
const TITLE_WORDS = /(招商引资|招商|集中攻坚活动|集中攻坚|攻坚|活动|签约|项目|外出|客商|邀请|例会|调度会|调度|会议|工作|\d{4}年度?)$/;
const LEADING_YEAR = /^\d{4}年度?/;

/** 2022年财源街道招商引资项目台账 → 财源街道. */
export function unitNameOfTitle(title: string | null): string | null {
  if (title === null) return null;
  let name = dropBracketedParts(compact(title));
  if (!TITLE_END.test(name)) return null;
  name = name.replace(TITLE_END, "");
  for (let before = ""; before !== name; ) {
    before = name;
    name = name.replace(TITLE_WORDS, "");
  }
  name = name.replace(LEADING_YEAR, "");
  return name === "" ? null : name;
}

/** What a sheet that is no ledger shows first: its first non-blank rows' texts. */
export function leadingTexts(rows: readonly SheetRow[]): string[] {
  const texts: string[] = [];
  for (const row of rows) {
    const text = row.values
      .filter((v) => !isBlank(v) && !isCellError(v))
      .map((v) => displayValue(v).trim())
      .join(" ");
    if (text !== "") texts.push(text);
    if (texts.length === TITLE_ROWS) break;
  }
  return texts;
}
