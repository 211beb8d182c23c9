/**
 * The bulletin as an ExcelJS workbook: 汇总 (one row per unit, ranked), 本期变化 (with
 * --previous), 逾期未开工, 问题清单 and 说明 (what each target requires), each a printed table
 * (table.ts) with the target cells coloured met / not met.
 *
 * Text the ledgers wrote (unit, project and owner names, messages that quote them) goes in as
 * string cells; text that Excel would take for a formula (= + - @) also gets the text number
 * format, which write.ts turns into quotePrefix (src/core/safeText.ts).
 */
import ExcelJS from "exceljs";
import {
  districtKeyStartsText,
  isListedOverdue,
  keyStartsCell,
  keyStartsRequirement,
  TARGET_STYLES,
  UNIT_KINDS_SHOWN,
  daysOverdue,
  rankByNet,
  ruleTitle,
  targetColumns,
  targetRequiredOf,
  targetRequirement,
  targetText,
} from "../../core/bulletin";
import type { Day } from "../../core/day";
import type { DistrictKeyStarts } from "../../core/keyStarts";
import { acknowledgementText, KEY_STARTS_LABEL, OUTCOME_LABELS, SEVERITY_LABELS, STATUS_LABELS, TARGET_LABELS, UNIT_KIND_LABELS } from "../../core/labels";
import { TARGET_IDS, type StartStatus } from "../../core/result";
import { compact } from "../../core/text";
import { MARK_STYLES, STATUS_MARK } from "../../core/marks/mark";
import { BATCH } from "../districtText";
import { BULLETIN_TITLE_WORDS, CREATOR } from "../ownOutput";
import { findingIdentity, type Comparison } from "./changes";
import type { Bulletin } from "./model";
import { FONT, NOTE_GREY, Table, argb, date, dateZh, paint, type Column, type Value } from "./table";

function bulletinTitle(district: string, asOf: Day): string {
  return `${district}${BULLETIN_TITLE_WORDS}（截至${dateZh(asOf)}）`;
}

export function buildBulletin(b: Bulletin): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.title = bulletinTitle(b.district, b.asOf);
  summarySheet(wb, b);
  if (b.previous) changesSheet(wb, b, b.previous);
  overdueSheet(wb, b);
  findingsSheet(wb, b);
  requirementsSheet(wb, b);
  return wb;
}


function summarySheet(wb: ExcelJS.Workbook, b: Bulletin): void {
  const targets = targetColumns(b.units);
  const changes = b.previous ? new Map(b.previous.units.map((c) => [compact(c.unit), c])) : null;
  const columns: Column[] = [
    { header: "排名", min: 6, max: 6, align: "center" },
    { header: "单位", min: 12, max: 24 },
    { header: "类型", min: 8, max: 10, align: "center" },
    ...targets.map((id): Column => ({ header: TARGET_LABELS[id].zh, min: 9, max: 16, align: "center" })),
    { header: KEY_STARTS_LABEL.zh, min: 9, max: 10, align: "center" },
    { header: "得分", min: 7, max: 9, align: "center" },
    { header: "扣分", min: 7, max: 9, align: "center" },
    { header: "得分−扣分", min: 8, max: 10, align: "center" },
    ...(changes ? CHANGE_COLUMNS : []),
    { header: "错误", min: 6, max: 8, align: "center" },
    { header: "警告", min: 6, max: 8, align: "center" },
    { header: "来源文件", min: 14, max: 26, shrink: true },
  ];
  const counts = [`参评单位 ${b.units.length} 个`, `${KEY_STARTS_LABEL.zh} ${keyStartsFigure(b.keyStarts)}`];
  if (b.failed.length > 0) counts.push(`无法读取的文件 ${b.failed.length} 个`);
  if (b.unrecognized.length > 0) counts.push(`未识别台账 ${b.unrecognized.length} 个`);
  if (b.missing.length > 0) counts.push(`未报送台账的单位 ${b.missing.length} 个`);
  if (b.previous) counts.push(`较上期：截至${dateZh(b.previous.previousAsOf)}`);
  const t = new Table(wb, "汇总", columns, [
    bulletinTitle(b.district, b.asOf),
    `活动期间：${dateZh(b.windowStart)}至${dateZh(b.windowEnd)}　统计截止日：${dateZh(b.asOf)}　${counts.join("　")}`,
  ]);
  for (const { item: u, net, rank } of rankByNet(b.units)) {
    const byId = new Map(u.targets.map((x) => [x.id, x]));
    const change = changes?.get(compact(u.unit));
    const values: Value[] = [
      rank,
      u.unit,
      UNIT_KIND_LABELS[u.unitKind].zh,
      ...targets.map((id) => targetText(byId.get(id))),
      keyStartsCell(u.keyStarts),
      u.score,
      u.penalty,
      net,
      ...(changes ? changeValues(change) : []),
      u.errors,
      u.warnings,
      u.file,
    ];
    t.add(values, (i, cell) => {
      const target = i >= 3 && i < 3 + targets.length ? byId.get(targets[i - 3]) : undefined;
      if (target?.met === true) paint(cell, TARGET_STYLES.met);
      else if (target?.met === false) paint(cell, TARGET_STYLES["not-met"]);
      else if (target || (i === 3 + targets.length && u.keyStarts === null)) cell.font = { name: FONT, size: 10, color: { argb: argb(NOTE_GREY) } };
      if (i === columns.length - 1) cell.font = { name: FONT, size: 9, color: { argb: argb(NOTE_GREY) } };
    });
  }
  const grey = { color: { argb: argb(NOTE_GREY) } };
  t.line(keyStartsLine(b), { bold: true }, true);
  t.line(
    "说明：“完成/要求 ✓”为达标，“✗”为未达标；“未评估”为缺少相应台账或列，空白为该类单位不考核此项。排名按 得分 − 扣分 从高到低，分数相同者并列。" +
      "得分含签约项目按期开工、延期开工、未按期开工、不能实施的计分及投洽会签约加分；扣分为未按期开工、不能实施和主要负责人外出不足次数的扣分。各项考核要求见“说明”表。" +
      (b.previous ? "“较上期”为与上期通报相比的变化：排名↑为上升，得分、扣分为增减。" : ""),
    grey,
    true,
  );
  const list = (heading: string, lines: readonly string[], font: Partial<ExcelJS.Font> = {}) => {
    if (lines.length === 0) return;
    t.line(heading, { bold: true }, true);
    for (const text of lines) t.line(text, font);
  };
  const red = { color: { argb: argb(MARK_STYLES["start-alert"].font) } };
  list(`无法读取的文件（${b.failed.length} 个，未计入本通报）：`, b.failed.map((f) => `${f.file}：${f.error}`), red);
  list(`未识别台账的文件（${b.unrecognized.length} 个，未计入本通报）：`, b.unrecognized.map((file) => `${file}：${BATCH.unrecognizedReason.zh}`), red);
  list(`重复报送（${b.duplicates.length} 个单位，各取较新的一份）：`, b.duplicates.map((d) => `${d.unit}：采用 ${d.kept}（${d.why.zh}），未采用 ${d.dropped.join("、")}`));
  const skippedCount = b.hidden + b.locks > 0 ? [`另${BATCH.skippedCounted(b.hidden, b.locks).zh}。`] : [];
  list(`未检查的文件（${b.notChecked.length + b.hidden + b.locks} 个）：`, [...b.notChecked.map((n) => `${n.file}：${n.reason}`), ...skippedCount], grey);
  if (b.missing.length > 0) {
    t.line(`未报送台账的单位（${b.missing.length} 个）：${b.missing.join("、")}`, { bold: true }, true);
  }
  t.finish(false);
}

/** The district's total in 汇总's second title line: 9/10 as a target reads, or 未评估. */
function keyStartsFigure(k: DistrictKeyStarts): string {
  return k.actual === null ? "未评估" : `${k.actual}/${k.required}`;
}

/**
 * The line below 汇总's table: the district's total against its goal, its change since the last
 * bulletin, and the units not assessed by name (a ledger without the 区级重点 or 实际开工 column).
 */
function keyStartsLine(b: Bulletin): string {
  const k = b.keyStarts;
  const change = b.previous ? `；${keyStartsChange(k, b.previous.keyStartsBefore)}` : "";
  const missing = b.units.filter((u) => u.keyStarts === null).map((u) => u.unit);
  const notAssessed = missing.length > 0 && k.actual !== null ? `。未评估的单位 ${missing.length} 个（台账缺少“区级重点”或“实际开工日期”列，不计入合计）：${missing.join("、")}` : "";
  return `${KEY_STARTS_LABEL.zh}（全区目标，不计入各单位得分）：${districtKeyStartsText(k)}${change}${notAssessed}。`;
}

/** The change of the district's total since the last bulletin, as 汇总 and 本期变化 word it. */
function keyStartsChange(now: DistrictKeyStarts, before: DistrictKeyStarts | null): string {
  if (before === null) return "上期通报无此项数据，不作比较";
  if (before.actual === null) return "上期未评估，不作比较";
  if (now.actual === null) return `上期 ${before.actual} 个`;
  return `较上期 ${signed(now.actual - before.actual)}（上期 ${before.actual} 个）`;
}

const CHANGE_COLUMNS: readonly Column[] = [
  { header: "排名较上期", min: 8, max: 10, align: "center", change: "rank" },
  { header: "得分较上期", min: 8, max: 10, align: "center", change: "figure" },
  { header: "扣分较上期", min: 8, max: 10, align: "center", change: "figure" },
];

/** A unit's rank, score and penalty against the last bulletin; 新报送 when it did not report then. */
function changeValues(c: Comparison["units"][number] | undefined): Value[] {
  if (!c || c.before === null) return ["新报送", null, null];
  return [c.rank, c.score, c.penalty];
}

/**
 * 本期变化: what changed since the last bulletin, unit by unit, then project by project and finding
 * by finding. The sections share one grid of seven columns (the long texts — the change of rank
 * and score, a project's name, a finding's message — in the third, the sources in the last) so
 * that each column's width suits every section.
 */
function changesSheet(wb: ExcelJS.Workbook, b: Bulletin, c: Comparison): void {
  const newFindings = c.units.reduce((s, u) => s + u.newFindings, 0);
  const t = new Table(
    wb,
    "本期变化",
    [
      { header: "序号", min: 6, max: 6, align: "center" },
      { header: "单位", min: 12, max: 20 },
      { header: "本期排名与得分（较上期）", min: 30, max: 40 },
      { header: "新增问题", min: 12, max: 12, align: "center" },
      { header: "已整改问题", min: 12, max: 12, align: "center" },
      { header: "新增逾期未开工", min: 12, max: 12, align: "center" },
      { header: "上期以来开工", min: 16, max: 36, align: "center" },
    ],
    [
      `本期较上期变化（本期截至${dateZh(b.asOf)}，上期截至${dateZh(c.previousAsOf)}）`,
      `新增逾期未开工项目 ${c.newlyOverdue.length} 个　上期以来开工项目 ${c.startedSince.length} 个　新增问题 ${newFindings} 个　已整改问题 ${c.fixed.length} 个　` +
        `新报送单位 ${c.started.length} 个　本期未报送单位 ${c.stopped.length} 个` +
        (b.keyStarts.actual !== null ? `　${KEY_STARTS_LABEL.zh} ${b.keyStarts.actual} 个，${keyStartsChange(b.keyStarts, c.keyStartsBefore)}` : ""),
    ],
    { repeatHeader: false },
  );
  c.units.forEach((u, i) => {
    const compared = u.before !== null;
    const standing = compared
      ? `第 ${u.now.rank} 名（${rankChange(u.rank!)}），得分 ${signed(u.score!)}，扣分 ${signed(u.penalty!)}`
      : `第 ${u.now.rank} 名（本期新报送）`;
    t.add([i + 1, u.unit, standing, ...(compared ? [u.newFindings, u.fixedFindings, u.newlyOverdue, u.startedSince] : [null, null, null, null])]);
  });
  if (c.started.length > 0) t.line(`本期新报送的单位（${c.started.length} 个，不计问题和项目的增减）：${c.started.map((u) => u.unit).join("、")}`, {}, true);
  if (c.stopped.length > 0) t.line(`本期未报送的单位（${c.stopped.length} 个，上期报送）：${c.stopped.map((u) => `${u.unit}（上期第 ${u.rank} 名）`).join("、")}`, { bold: true }, true);

  const grey = { color: { argb: argb(NOTE_GREY) } };
  const sourceFont = (last: number) => (col: number, cell: ExcelJS.Cell) => {
    if (col === last) cell.font = { name: FONT, size: 9, ...grey };
  };
  const source = (p: { file: string; sheet: string; row: number }) => `${p.file} / ${p.sheet} 第 ${p.row} 行`;
  const projectColumns = (sixth: string): Column[] => [
    { header: "序号", min: 6, max: 6, align: "center" },
    { header: "单位", min: 12, max: 20 },
    { header: "项目名称", min: 16, max: 40 },
    { header: "上期状态", min: 12, max: 16, align: "center" },
    { header: "计划开工日期", min: 12, max: 12, align: "center" },
    { header: sixth, min: 12, max: 12, align: "center" },
    { header: "来源", min: 16, max: 36, shrink: true },
  ];
  t.section(`新增逾期未开工的项目（${c.newlyOverdue.length} 个）`, projectColumns("逾期天数"));
  c.newlyOverdue.forEach((p, i) =>
    t.add(
      [i + 1, p.now.unit, p.now.name, statusBefore(p.before), date(p.now.plannedStart), p.now.plannedStart !== null ? b.asOf - p.now.plannedStart : null, source(p.now)],
      sourceFont(6),
    ),
  );
  if (c.newlyOverdue.length === 0) t.line("无。");

  t.section(`上期以来开工的项目（${c.startedSince.length} 个）`, projectColumns("实际开工日期"));
  c.startedSince.forEach((p, i) =>
    t.add([i + 1, p.now.unit, p.now.name, statusBefore(p.before), date(p.now.plannedStart), date(p.now.actualStart), source(p.now)], sourceFont(6)),
  );
  if (c.startedSince.length === 0) t.line("无。");

  t.section(`已整改的问题（上期有、本期没有，${c.fixed.length} 个）`, [
    { header: "序号", min: 6, max: 6, align: "center" },
    { header: "单位", min: 12, max: 20 },
    { header: "问题说明（上期）", min: 30, max: 40 },
    { header: "规则", min: 12, max: 16 },
    { header: "级别", min: 6, max: 6, align: "center" },
    { header: "单元格（上期）", min: 8, max: 10, align: "center" },
    { header: "来源（上期）", min: 16, max: 36, shrink: true },
  ]);
  c.fixed.forEach((f, i) => t.add([i + 1, f.unit, f.message, ruleTitle(f.rule), SEVERITY_LABELS[f.severity].zh, f.cell, f.sheet ? `${f.file} / ${f.sheet}` : f.file], sourceFont(6)));
  if (c.fixed.length === 0) t.line("无。");
  t.finish(false);
}

/** A rank's change as 本期变化 words it: ↑2, ↓1, 持平 (the same arrows 汇总's number format shows). */
function rankChange(up: number): string {
  return up > 0 ? `↑${up}` : up < 0 ? `↓${-up}` : "持平";
}

/** A change of a figure with its sign: +2, -1, 0 (as 汇总's number format shows it). */
function signed(x: number): string {
  return x > 0 ? `+${x}` : String(x);
}

/** A project's status in the last bulletin, as 本期变化 shows it. */
function statusBefore(status: StartStatus | null | undefined): string {
  if (status === undefined) return "上期无此项目";
  if (status === null) return "未签约";
  return STATUS_LABELS[status].zh;
}

function overdueSheet(wb: ExcelJS.Workbook, b: Bulletin): void {
  const columns: Column[] = [
    { header: "序号", min: 6, max: 6, align: "center" },
    { header: "单位", min: 10, max: 20 },
    { header: "项目名称", min: 16, max: 40 },
    { header: "总投资（万元）", min: 15, max: 15, align: "right", amount: true },
    { header: "签约日期", min: 12, max: 12, align: "center" },
    { header: "计划开工日期", min: 12, max: 12, align: "center" },
    { header: "状态", min: 10, max: 16, align: "center" },
    { header: "逾期天数", min: 8, max: 8, align: "center" },
    { header: "包保责任人", min: 10, max: 16 },
    { header: "来源", min: 16, max: 36, shrink: true },
  ];
  const t = new Table(wb, "逾期未开工", columns, [`签约项目逾期未开工及缺计划开工日期情况（截至${dateZh(b.asOf)}）`]);
  const overdue = b.projects.filter(isListedOverdue);
  overdue.forEach((p, i) => {
    const late = daysOverdue(p, b.asOf);
    const kind = STATUS_MARK[p.status!];
    t.add(
      [i + 1, p.unit, p.name, p.investmentWan, date(p.signDate), date(p.plannedStart), STATUS_LABELS[p.status!].zh, late, p.owner, `${p.file} / ${p.sheet} 第 ${p.row} 行`],
      (col, cell) => {
        if (col === 6 && kind) paint(cell, MARK_STYLES[kind]);
        if (col === 9) cell.font = { name: FONT, size: 9, color: { argb: argb(NOTE_GREY) } };
      },
    );
  });
  if (overdue.length === 0) t.line("无逾期未开工或缺计划开工日期的签约项目。");
  t.finish(overdue.length > 0);
}

function findingsSheet(wb: ExcelJS.Workbook, b: Bulletin): void {
  // Findings a unit verified (已核实) stay listed, so the district sees every claim, marked as such with the reason.
  const verified = b.findings.filter((f) => f.acknowledgement).length;
  const columns: Column[] = [
    { header: "序号", min: 6, max: 7, align: "center" },
    { header: "单位", min: 10, max: 20 },
    { header: "文件", min: 14, max: 30, shrink: true },
    { header: "工作表", min: 10, max: 16 },
    { header: "单元格", min: 8, max: 8, align: "center" },
    { header: "级别", min: 6, max: 6, align: "center" },
    { header: "规则", min: 14, max: 24 },
    { header: "问题说明", min: 30, max: 66 },
    ...(verified > 0 ? [{ header: "核实", min: 8, max: 8, align: "center" } as Column, { header: "核实理由", min: 20, max: 40 } as Column] : []),
    ...(b.previous ? [{ header: "较上期", min: 6, max: 8, align: "center" } as Column] : []),
  ];
  const open = b.findings.filter((f) => !f.acknowledgement);
  const errors = open.filter((f) => f.severity === "error").length;
  const fresh = b.previous?.newFindings;
  const counts = `错误 ${errors} 个，警告 ${open.length - errors} 个${verified > 0 ? `，已核实 ${verified} 个` : ""}`;
  const t = new Table(wb, "问题清单", columns, [`台账问题清单（${counts}；截至${dateZh(b.asOf)}）`]);
  b.findings.forEach((f, i) => {
    const values: Value[] = [i + 1, f.unit, f.file, f.sheet, f.cell, SEVERITY_LABELS[f.severity].zh, ruleTitle(f.rule), f.message];
    if (verified > 0) values.push(f.acknowledgement ? "已核实" : "", f.acknowledgement ? acknowledgementText(f.acknowledgement, "zh") : "");
    if (fresh) values.push(fresh.has(findingIdentity(f)) ? "新增" : "");
    t.add(values, (col, cell) => {
      if (col === 5) cell.font = { name: FONT, size: 11, bold: f.severity === "error", color: { argb: argb(f.severity === "error" ? MARK_STYLES["error-cell"].font : MARK_STYLES["start-soon"].font) } };
    });
  });
  if (b.findings.length === 0) t.line("未发现问题。");
  t.finish(b.findings.length > 0);
}

/**
 * 说明: what each target requires and which kinds of unit it applies to, worded by the core from
 * its thresholds (TARGET_THRESHOLDS), and how points are counted with the settings of this run.
 */
function requirementsSheet(wb: ExcelJS.Workbook, b: Bulletin): void {
  const columns: Column[] = [
    { header: "指标", min: 12, max: 16 },
    { header: "考核要求", min: 30, max: 60 },
    ...UNIT_KINDS_SHOWN.map((k): Column => ({ header: UNIT_KIND_LABELS[k].zh, min: 10, max: 12, align: "center" })),
  ];
  const t = new Table(wb, "说明", columns, ["考核要求与计分说明", `活动期间：${dateZh(b.windowStart)}至${dateZh(b.windowEnd)}　统计截止日：${dateZh(b.asOf)}`]);
  for (const id of TARGET_IDS) t.add([TARGET_LABELS[id].zh, targetRequirement(id).zh, ...UNIT_KINDS_SHOWN.map((k) => targetRequiredOf(id, k) || "—")]);
  t.line(`${KEY_STARTS_LABEL.zh}：${keyStartsRequirement(b.keyStarts.required).zh}。`, {}, true);
  const s = b.scoring;
  const o = OUTCOME_LABELS;
  t.line(
    s
      ? `计分：每个签约项目分值 B = ${s.projectPoints}，${o["on-time"].zh}得 B，${o.late.zh}得 B/2，${o["not-started"].zh}扣 B/2，${o["not-implementable"].zh}扣 2B；` +
          `投洽会签约项目另加 F = ${s.fairBonus} 分；主要负责人外出每少 1 次扣 2P（P = ${s.tripPoints}）。排名按 得分 − 扣分 从高到低。`
      : `计分：各单位台账设置的分值（B、F、P）不同，按各自的设置计分：${o["on-time"].zh}得 B，${o.late.zh}得 B/2，${o["not-started"].zh}扣 B/2，${o["not-implementable"].zh}扣 2B；投洽会签约项目另加 F；主要负责人外出每少 1 次扣 2P。`,
    {},
    true,
  );
  t.line("“—”表示该类单位不考核此项；缺少相应台账或列的指标在“汇总”中显示为“未评估”。", { color: { argb: argb(NOTE_GREY) } });
  t.finish(false);
}
