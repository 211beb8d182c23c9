/**
 * How the pane arranges findings: workbook-level ones first, then one group per sheet in the
 * order the check met them, errors before warnings inside a sheet, each group with its count.
 */
import type { Finding, RuleId, Severity } from "../core/findings";
import { RULE_IDS } from "../core/rules/catalog";

export const SEVERITIES: readonly Severity[] = ["error", "warning"];

export interface FindingFilter {
  readonly severities: ReadonlySet<Severity>;
  /** null: every rule. */
  readonly rule: RuleId | null;
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly findings: readonly Finding[];
}

export interface SheetGroup {
  /** "" for the workbook-level group. */
  readonly sheet: string;
  readonly count: number;
  readonly bySeverity: readonly SeverityGroup[];
}

function matches(f: Finding, filter: FindingFilter): boolean {
  return filter.severities.has(f.severity) && (filter.rule === null || f.rule === filter.rule);
}

export function groupFindings(findings: readonly Finding[], filter: FindingFilter): SheetGroup[] {
  const bySheet = new Map<string, Finding[]>([["", []]]);
  for (const f of findings) {
    if (!matches(f, filter)) continue;
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  const groups: SheetGroup[] = [];
  for (const [sheet, list] of bySheet) {
    if (list.length === 0) continue;
    const bySeverity = SEVERITIES.map((severity) => ({ severity, findings: list.filter((f) => f.severity === severity) })).filter(
      (g) => g.findings.length > 0,
    );
    groups.push({ sheet, count: list.length, bySeverity });
  }
  return groups;
}

/** The rules that occur, in the catalog's order, with how many findings each has. */
export function ruleCounts(findings: readonly Finding[]): [RuleId, number][] {
  const counts = new Map<RuleId, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return RULE_IDS.filter((id) => counts.has(id)).map((id) => [id, counts.get(id)!]);
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
