/**
 * The text report: per file, its unit and dates, the ledgers found, the findings grouped by sheet
 * with cell addresses, then each target, SCORE and PENALTY (and the same per unit when one sheet
 * holds several). Words of the domain come from the core's labels and rule catalog.
 */
import { isoDay } from "../../core/day";
import type { Acknowledgement, Finding, Lang } from "../../core/findings";
import { acknowledgementText, LEDGER_LABELS, SEVERITY_LABELS, TARGET_LABELS, UNIT_KIND_LABELS } from "../../core/labels";
import type { CheckResult, LedgerSummary, TargetResult } from "../../core/result";
import { findingMessage } from "../../core/rules/catalog";
import type { UnitKind } from "../../core/values/types";
import { terminalText } from "../terminal";

const WORDS = {
  zh: {
    title: (file: string) => `招商台账检查报告：${file}`,
    unit: (name: string, kind: string) => `单位：${name || "（未注明）"}（${kind}）`,
    dates: (asOf: string, from: string, to: string) => `统计截止日：${asOf}　活动期间：${from} 至 ${to}`,
    ledgersHead: "台账：",
    ledgersNone: "台账：未识别到任何台账",
    ledger: (l: LedgerSummary, kind: string) =>
      `${kind}「${l.sheet}」（表头第 ${l.headerRows.join("–")} 行，数据 ${l.dataRows} 行）`,
    counts: (errors: number, warnings: number) => `错误 ${errors} 个，警告 ${warnings} 个`,
    findingsHead: (errors: number, warnings: number) => `问题：错误 ${errors} 个，警告 ${warnings} 个`,
    noFindings: "未发现问题。",
    workbook: "工作簿",
    section: (name: string) => `【${name}】`,
    targets: "目标任务",
    met: "达标",
    notMet: "未达标",
    notAssessed: "未评估",
    figures: (actual: string, required: string, gap: number | null) =>
      `完成 ${actual}，要求 ${required}${gap ? `，差 ${gap}` : ""}`,
    score: (n: number) => `得分 SCORE：${n}`,
    penalty: (n: number) => `扣分 PENALTY：${n}`,
    units: "分单位",
    unitLine: (name: string, kind: string, counts: string, score: number, penalty: number) =>
      `▸ ${name}（${kind}）：${counts}；得分 SCORE ${score}，扣分 PENALTY ${penalty}`,
    wan: "万元",
    verified: (n: number) => `已核实 ${n} 个（单位已核实并说明理由，不计入错误和警告，评分不变）`,
    reason: (a: Acknowledgement) => `核实理由：${acknowledgementText(a, "zh")}`,
    stale: (n: number) => `台账核实表中有 ${n} 条记录已不再对应任何问题（相关单元格已改动、问题已改正，或与前面的记录重复）。`,
  },
  en: {
    title: (file: string) => `zsledger check report: ${file}`,
    unit: (name: string, kind: string) => `Unit: ${name || "(not named)"} (${kind})`,
    dates: (asOf: string, from: string, to: string) => `As of ${asOf}; campaign window ${from} to ${to}`,
    ledgersHead: "Ledgers: ",
    ledgersNone: "Ledgers: none recognised",
    ledger: (l: LedgerSummary, kind: string) =>
      `${kind} "${l.sheet}" (header row${l.headerRows.length > 1 ? "s" : ""} ${l.headerRows.join("–")}, ${l.dataRows} data rows)`,
    counts: (errors: number, warnings: number) => `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
    findingsHead: (errors: number, warnings: number) => `Findings: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
    noFindings: "No findings.",
    workbook: "workbook",
    section: (name: string) => `[${name}]`,
    targets: "Targets",
    met: "met",
    notMet: "not met",
    notAssessed: "not assessed",
    figures: (actual: string, required: string, gap: number | null) => `${actual} of ${required}${gap ? `, ${gap} short` : ""}`,
    score: (n: number) => `SCORE: ${n}`,
    penalty: (n: number) => `PENALTY: ${n}`,
    units: "Per unit",
    unitLine: (name: string, kind: string, counts: string, score: number, penalty: number) =>
      `▸ ${name} (${kind}): ${counts}; SCORE ${score}, PENALTY ${penalty}`,
    wan: "10k yuan",
    verified: (n: number) => `Verified (已核实): ${n} (checked and accepted by the unit with a reason; not counted as errors or warnings; the score is unchanged)`,
    reason: (a: Acknowledgement) => `reason: ${acknowledgementText(a, "en")}`,
    stale: (n: number) => `${n} row${n === 1 ? "" : "s"} of the 台账核实 sheet no longer match${n === 1 ? "es" : ""} any finding (its cells changed, the problem was put right, or it repeats another row).`,
  },
} as const;

export function textReport(file: string, r: CheckResult, lang: Lang): string {
  const w = WORDS[lang];
  const s = r.settings;
  const lines: string[] = [
    w.title(file),
    w.unit(r.unitName, kindLabel(r.unitKind, lang)),
    w.dates(isoDay(s.asOf), isoDay(s.windowStart), isoDay(s.windowEnd)),
  ];
  if (r.ledgers.length === 0) lines.push(w.ledgersNone);
  r.ledgers.forEach((l, i) => {
    const indent = i === 0 ? w.ledgersHead : " ".repeat(displayWidth(w.ledgersHead));
    lines.push(indent + w.ledger(l, LEDGER_LABELS[l.kind][lang]));
  });
  lines.push(w.findingsHead(r.errors, r.warnings), "");

  // Verified findings (已核实) are listed apart, after the open ones.
  const open = r.verifications.acknowledged > 0 ? r.findings.filter((f) => !f.acknowledgement) : r.findings;
  if (open.length === 0) lines.push(w.noFindings, "");
  for (const [sheet, findings] of groupBySheet(open)) {
    const errors = findings.filter((f) => f.severity === "error").length;
    lines.push(w.section(sheet || w.workbook) + " " + w.counts(errors, findings.length - errors));
    // One push per line: spreading millions of findings into one call overflows the stack.
    for (const line of findingLines(findings, lang)) lines.push(line);
    lines.push("");
  }

  if (r.verifications.acknowledged > 0) {
    lines.push(w.section(w.verified(r.verifications.acknowledged)));
    for (const [sheet, findings] of groupBySheet(r.findings.filter((f) => f.acknowledgement))) {
      lines.push(`  ${sheet}`);
      findingLines(findings, lang).forEach((line, i) => {
        const a = findings[i].acknowledgement!;
        lines.push(`  ${line}`, `      ${w.reason(a)}`);
      });
    }
    lines.push("");
  }
  if (r.verifications.stale > 0) lines.push(w.stale(r.verifications.stale), "");

  lines.push(w.section(w.targets));
  lines.push(...targetLines(r.targets, lang, "  "));
  lines.push("", w.score(r.score), w.penalty(r.penalty));

  if (r.units) {
    lines.push("", w.section(w.units));
    for (const u of r.units) {
      lines.push("  " + w.unitLine(u.unit, kindLabel(u.unitKind, lang), w.counts(u.errors, u.warnings), u.score, u.penalty));
      lines.push(...targetLines(u.targets, lang, "    "));
    }
  }
  // Cell text, sheet and file names may hold control characters: shown, never obeyed (terminal.ts).
  return lines.map(terminalText).join("\n") + "\n";
}

function kindLabel(kind: UnitKind, lang: Lang): string {
  return UNIT_KIND_LABELS[kind][lang];
}

/** Findings in the core's order (sheet by sheet), grouped; workbook-level ones ("" sheet) stay first. */
function groupBySheet(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.sheet) ?? [];
    list.push(f);
    groups.set(f.sheet, list);
  }
  return [...groups];
}

function findingLines(findings: readonly Finding[], lang: Lang): string[] {
  // A loop, not Math.max(...all): spreading 200,000 findings as arguments overflows the stack.
  let cellWidth = 4;
  for (const f of findings) cellWidth = Math.max(cellWidth, f.cell.length);
  const severityWidth = Math.max(...Object.values(SEVERITY_LABELS).map((l) => displayWidth(l[lang])));
  return findings.map((f) => {
    const unit = f.unit ? `[${f.unit}] ` : "";
    return `  ${padEnd(f.cell || "—", cellWidth)}  ${padEnd(SEVERITY_LABELS[f.severity][lang], severityWidth)}  ${unit}${findingMessage(f, lang)}  (${f.rule})`;
  });
}

function targetLines(targets: readonly TargetResult[], lang: Lang, indent: string): string[] {
  const w = WORDS[lang];
  const labelWidth = Math.max(...targets.map((t) => displayWidth(TARGET_LABELS[t.id][lang])));
  const statusWidth = Math.max(displayWidth(w.met), displayWidth(w.notMet));
  return targets.map((t) => {
    const label = padEnd(TARGET_LABELS[t.id][lang], labelWidth);
    if (t.met === null) return `${indent}${label}  ${w.notAssessed}`;
    const unit = t.id === "annual-task" ? ` ${w.wan}` : "";
    const figures = w.figures(`${t.actual ?? "—"}${unit}`, `${t.required ?? "—"}${unit}`, t.met ? null : t.gap);
    return `${indent}${label}  ${padEnd(t.met ? w.met : w.notMet, statusWidth)}  ${figures}`;
  });
}

/** Columns a terminal gives a string: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    width += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return width;
}

function padEnd(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}
