/**
 * The 汇总 sheet the pane writes (生成汇总表): one row per unit the workbook holds, a met and a gap
 * column per target of the units' kinds, SCORE and PENALTY — every figure a live ZS formula over
 * the ledger its target counts from, so that the sheet stays true as the ledgers grow, with no
 * re-run. Pure: the hosts (src/excel/summary.ts, src/wps/summary.ts) write the cells and formats
 * this plan gives.
 *
 * References with headroom, not add-in-maintained names: each ledger is referenced as
 * '<sheet>'!$A$1:$<last used column>$<last used row + SUMMARY_HEADROOM>. A range keeps working with
 * the add-in closed, in WPS, and in a copy sent to the district; a defined name would have to be
 * re-pointed by the add-in whenever rows are added. The functions trim a range to its used part
 * before reading it (functions/arguments.ts readTable), so the blank headroom costs nothing. The
 * range starts at A1 (not at the header) so that the title and the units line (单位：万元) are read
 * exactly as the pane's check reads them.
 */
import { assessedTargets, targetColumns } from "./assess";
import type { LedgerKind } from "./ledger";
import { asOfFormula } from "./marks/asOf";
import { textLiteral } from "./marks/formulaText";
import type { CheckResult, TargetId } from "./result";
import { TARGET_IDS } from "./result";
import { TARGET_LABELS } from "./labels";
import { columnLetter, MAX_ROW, type MergeArea } from "./sheet";
import type { UnitKind } from "./values/types";
import { parseTargetId } from "./values/target";
import { unitKindWord } from "./values/unitKind";

/** The sheet's name, and the names of the next ones when a sheet of the user's holds it: 汇总(2), 汇总(3), … */
const SUMMARY_SHEET = "汇总";
/** The workbook-level defined name that marks our sheet: it refers to the sheet's A1 and follows a rename. */
export const SUMMARY_NAME = "zsledger_summary";
/** Blank rows each ledger's range reaches below its last used row, for the rows added later. */
const SUMMARY_HEADROOM = 1000;

/** A ledger sheet's used extent (1-based last row and column), as the host reads it. */
export interface LedgerExtent {
  readonly sheet: string;
  readonly lastRow: number;
  readonly lastColumn: number;
}

/** A cell of the plan: text (written as text, never a formula: core/safeText), one of our formulas, or blank. */
export type SummaryCell = { readonly text: string } | { readonly formula: string } | null;

/** A conditional format of the sheet: `condition` (no "="), relative to the top-left cell of `area`. */
interface SummaryFormat {
  readonly area: MergeArea;
  readonly condition: string;
  readonly fill: string;
  readonly font: string;
}

export interface SummaryPlan {
  /** Rows of cells from A1. */
  readonly cells: readonly (readonly SummaryCell[])[];
  /** Each cell's number format: "@" for text, DATE_FORMAT for the as-of cell, "General" otherwise. */
  readonly numberFormats: readonly (readonly string[])[];
  readonly formats: readonly SummaryFormat[];
}

const DATE_FORMAT = "yyyy-mm-dd";
/** Excel's own "good" and "bad" styles: green on green, red on red. */
const MET_STYLE = { fill: "#C6EFCE", font: "#006100" };
const NOT_MET_STYLE = { fill: "#FFC7CE", font: "#9C0006" };

/** Where things are: the as-of cell, the header row, the first unit row. */
const AS_OF_ROW = 2;
const AS_OF_CELL = `$B$${AS_OF_ROW}`;
/** The header is row 4 (after the title, the as-of line and a blank row); the units follow. */
const FIRST_UNIT_ROW = 5;
const NAME_COLUMN = "A";
const KIND_COLUMN = "B";

const TITLE = "招商引资目标汇总（招商台账助手生成；再次点击「生成汇总表」会重写本表，请勿在本表填写其他内容）";
const NOT_ASSESSED = "未评估";
const NOT_APPLICABLE = "不适用";
const SEVERAL_LEDGERS = "多张台账，请合并后汇总";
/**
 * A ledger without a 单位 column in a workbook of several units: the pane gives its rows to the
 * workbook's own unit, while a ZS function over it would count every row for each unit it is
 * asked about. No formula can agree with the pane, so its figures are not summed per unit.
 */
const NO_UNIT_COLUMN = "未评估：台账无单位列，不能分单位汇总";

/** A sheet's name in a formula: always quoted, a quote inside doubled ('台账 (1)'!, 'Bob''s'!). */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/** A ledger's range: from A1 to its last used column, SUMMARY_HEADROOM rows below its last used row. */
export function ledgerRange(extent: LedgerExtent): string {
  // Clamped to the sheet's last row: a stray formatted cell far down (WPS's UsedRange reaches it)
  // must not make $A$1:$P$1049000, which is no reference.
  const last = Math.min(MAX_ROW, Math.max(1, extent.lastRow) + SUMMARY_HEADROOM);
  return `${sheetRef(extent.sheet)}$A$1:$${columnLetter(Math.max(1, extent.lastColumn))}$${last}`;
}

/** The formula of SUMMARY_NAME for our sheet. */
export function summaryNameFormula(sheet: string): string {
  return `=${sheetRef(sheet)}$A$1`;
}

/** The sheet SUMMARY_NAME's formula points at, or null (no name, or #REF! once the sheet was deleted). */
export function summarySheetOf(formula: string | null, sheets: readonly string[]): string | null {
  const m = formula === null ? null : /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?A\$?1$/.exec(formula.trim());
  if (!m) return null;
  const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return sheets.find((s) => s.toLowerCase() === name.toLowerCase()) ?? null;
}

/** A name for a new summary sheet that no sheet has (sheet names compare without case): 汇总, else 汇总(2), 汇总(3), … */
export function newSummarySheetName(sheets: readonly string[]): string {
  const taken = new Set(sheets.map((s) => s.toLowerCase()));
  if (!taken.has(SUMMARY_SHEET)) return SUMMARY_SHEET;
  let n = 2;
  while (taken.has(`${SUMMARY_SHEET}(${n})`)) n++;
  return `${SUMMARY_SHEET}(${n})`;
}

/** One row of the sheet: a unit, its kind, and whether its name is passed to the functions (a multi-unit ledger). */
interface UnitRow {
  readonly name: string;
  readonly kind: UnitKind;
  readonly named: boolean;
}

/**
 * The ledger sheets the plan references, one per kind: the sheets whose extents a host reads. A
 * kind the workbook keeps on several sheets (签约项目 and 在谈项目 apart) is left out: a ZS
 * function reads one range, and a formula over the first sheet alone would give a figure the pane
 * does not; its cells say so instead (SEVERAL_LEDGERS).
 */
export function summaryLedgers(result: CheckResult): ReadonlyMap<LedgerKind, string> {
  const ledgers = new Map<LedgerKind, string>();
  for (const kind of new Set(result.ledgers.map((l) => l.kind))) {
    const sheets = result.ledgers.filter((l) => l.kind === kind);
    if (sheets.length === 1) ledgers.set(kind, sheets[0].sheet);
  }
  return ledgers;
}

/** What a cell says when its figure comes from a kind of ledger that is none, or several. */
function missingFigure(result: CheckResult, kind: LedgerKind): string {
  return result.ledgers.filter((l) => l.kind === kind).length > 1 ? SEVERAL_LEDGERS : NOT_ASSESSED;
}

/** The ledger kinds whose one sheet (`one`: summaryLedgers), in a workbook of several units, has no 单位 column (NO_UNIT_COLUMN). */
function withoutUnitColumn(result: CheckResult, one: ReadonlyMap<LedgerKind, string>): ReadonlySet<LedgerKind> {
  if (!result.units) return new Set();
  return new Set(result.ledgers.filter((l) => !l.unitColumn && one.get(l.kind) === l.sheet).map((l) => l.kind));
}

export function summaryPlan(result: CheckResult, extents: readonly LedgerExtent[]): SummaryPlan {
  const units: UnitRow[] = result.units
    ? result.units.map((u) => ({ name: u.unit, kind: u.unitKind, named: true }))
    : [{ name: result.unitName, kind: result.unitKind, named: false }];
  const targets = TARGET_IDS.filter((id) => units.some((u) => assessedTargets(u.kind, result.settings).includes(id)));
  const ranges = new Map<LedgerKind, string>();
  const one = summaryLedgers(result);
  const unitless = withoutUnitColumn(result, one);
  for (const [kind, sheet] of one) {
    const extent = extents.find((e) => e.sheet === sheet);
    if (extent && !unitless.has(kind)) ranges.set(kind, ledgerRange(extent));
  }

  const header: SummaryCell[] = [{ text: "单位" }, { text: "单位类型" }];
  for (const id of targets) header.push({ text: `${TARGET_LABELS[id].zh}·达标` }, { text: `${TARGET_LABELS[id].zh}·还差` });
  header.push({ text: "得分" }, { text: "扣分" });
  const width = header.length;
  const line = (cells: SummaryCell[]): SummaryCell[] => [...cells, ...Array<SummaryCell>(Math.max(0, width - cells.length)).fill(null)];

  const rows: SummaryCell[][] = [
    line([{ text: TITLE }]),
    line([{ text: "统计截止日" }, { formula: `=${asOfFormula(result.marks.asOf)}` }]),
    line([]),
    header,
    ...units.map((u, i) => unitRow(u, FIRST_UNIT_ROW + i, targets, { ranges, unitless }, result)),
  ];
  const numberFormats = rows.map((row, r) =>
    row.map((cell, c) => (r === AS_OF_ROW - 1 && c === 1 ? DATE_FORMAT : cell !== null && "text" in cell ? "@" : "General")),
  );

  const last = FIRST_UNIT_ROW + units.length - 1;
  const formats: SummaryFormat[] = targets.flatMap((_id, i) => {
    const column = 3 + 2 * i;
    const cell = `${columnLetter(column)}${FIRST_UNIT_ROW}`;
    const area = { top: FIRST_UNIT_ROW, left: column, bottom: last, right: column };
    return [
      { area, condition: `${cell}=TRUE`, ...MET_STYLE },
      { area, condition: `${cell}=FALSE`, ...NOT_MET_STYLE },
    ];
  });
  return { cells: rows, numberFormats, formats };
}

/** The word a target is asked by: its Chinese alias (as the README's examples), or its id should the alias not read back. */
function targetWord(id: TargetId): string {
  const zh = TARGET_LABELS[id].zh;
  return textLiteral(parseTargetId(zh) === id ? zh : id);
}

/** The ledgers' ranges, by kind, and the kinds whose ledger has no 单位 column in a workbook of several units. */
interface Ledgers {
  readonly ranges: ReadonlyMap<LedgerKind, string>;
  readonly unitless: ReadonlySet<LedgerKind>;
}

function unitRow(u: UnitRow, row: number, targets: readonly TargetId[], ledgers: Ledgers, result: CheckResult): SummaryCell[] {
  const { ranges, unitless } = ledgers;
  const kind = `$${KIND_COLUMN}${row}`;
  const unit = u.named ? `,$${NAME_COLUMN}${row}` : "";
  const assessed = assessedTargets(u.kind, result.settings);
  // What a cell says whose ledger has no range: none held, several, no 单位 column, or its sheet gone since the check.
  const missing = (k: LedgerKind): string => (unitless.has(k) ? NO_UNIT_COLUMN : missingFigure(result, k));
  const cells: SummaryCell[] = [{ text: u.name }, { text: unitKindWord(u.kind, u.name) }];
  for (const id of targets) {
    const ledger = targetColumns(id).ledger;
    const range = ranges.get(ledger);
    if (!assessed.includes(id)) cells.push({ text: NOT_APPLICABLE }, { text: NOT_APPLICABLE });
    else if (range === undefined) cells.push({ text: missing(ledger) }, { text: missing(ledger) });
    else {
      const args = `${targetWord(id)},${range},${kind},${AS_OF_CELL}${unit}`;
      cells.push({ formula: `=ZS.TARGETMET(${args})` }, { formula: `=ZS.TARGETGAP(${args})` });
    }
  }
  const projects = ranges.get("projects");
  cells.push(projects === undefined ? { text: missing("projects") } : { formula: `=ZS.SCORE(${projects},${AS_OF_CELL}${unit})` });
  // PENALTY counts the projects' deductions from the projects ledger and the missing trips' from the
  // trips ledger. A ledger the workbook holds but no range reads (several sheets, no 单位 column, its
  // sheet gone) would leave its deductions out of a sum shown as the whole: the cell says why instead.
  // A ledger the workbook lacks adds nothing, in the pane as here.
  const penaltyKinds = (["projects", "trips"] as const).filter((k) => result.ledgers.some((l) => l.kind === k));
  const reasons = penaltyKinds.filter((k) => !ranges.has(k)).map(missing);
  if (reasons.length > 0) cells.push({ text: reasons.includes(SEVERAL_LEDGERS) ? SEVERAL_LEDGERS : reasons[0] });
  else if (penaltyKinds.length === 0) cells.push({ text: NOT_ASSESSED });
  else cells.push({ formula: `=${penaltyKinds.map((k) => `ZS.PENALTY(${ranges.get(k)!},${kind},${AS_OF_CELL}${unit})`).join("+")}` });
  return cells;
}

/** Number formats as runs of one format within a row, for a host that sets a format per range (WPS). */
export function numberFormatRuns(plan: SummaryPlan): { area: MergeArea; format: string }[] {
  const runs: { area: MergeArea; format: string }[] = [];
  plan.numberFormats.forEach((row, r) => {
    let start = 0;
    for (let c = 1; c <= row.length; c++) {
      if (c < row.length && row[c] === row[start]) continue;
      runs.push({ area: { top: r + 1, left: start + 1, bottom: r + 1, right: c }, format: row[start] });
      start = c;
    }
  });
  return runs;
}
