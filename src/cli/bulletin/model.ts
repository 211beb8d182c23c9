/**
 * What the bulletin holds, gathered file by file while the batch runs: each file's check result
 * is turned into the bulletin's rows at once and let go, so a batch of fifty ledgers holds fifty
 * units' figures and their findings, never their rows.
 */
import { bulletinUnits, overdueProjects, type BulletinUnit } from "../../core/bulletin";
import type { Day } from "../../core/day";
import type { Severity } from "../../core/findings";
import type { CheckResult, StartStatus } from "../../core/result";
import { findingMessage } from "../../core/rules/catalog";
import { compact } from "../../core/text";
import { canonicalName, type DistrictConfig } from "../config";

export interface OverdueRow {
  readonly unit: string;
  readonly name: string;
  readonly investmentWan: number | null;
  readonly signDate: Day | null;
  readonly plannedStart: Day | null;
  readonly owner: string;
  readonly status: StartStatus;
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

export interface FindingRow {
  readonly file: string;
  readonly unit: string;
  readonly sheet: string;
  readonly cell: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface Bulletin {
  readonly district: string;
  readonly asOf: Day;
  readonly windowStart: Day;
  readonly windowEnd: Day;
  readonly units: readonly BulletinUnit[];
  readonly failed: readonly { readonly file: string; readonly error: string }[];
  /** Units the config names that no file reported. */
  readonly missing: readonly string[];
  readonly overdue: readonly OverdueRow[];
  readonly findings: readonly FindingRow[];
}

/** Collects the bulletin's rows file by file. */
export class BulletinCollector {
  readonly units: BulletinUnit[] = [];
  readonly failed: { file: string; error: string }[] = [];
  readonly overdue: OverdueRow[] = [];
  readonly findings: FindingRow[] = [];
  /** Each read file's settings: the as-of dates and windows they were checked with. */
  readonly settings: { file: string; asOf: Day; windowStart: Day; windowEnd: Day }[] = [];

  constructor(private readonly config: DistrictConfig) {}

  add(file: string, r: CheckResult): void {
    const alias = (name: string) => canonicalName(this.config, name);
    const units = bulletinUnits(file, r, alias);
    this.units.push(...units);
    const fileUnit = units.length === 1 ? units[0].unit : "";
    for (const p of overdueProjects(r)) {
      this.overdue.push({
        unit: r.units ? alias(p.unit) : fileUnit,
        name: p.name,
        investmentWan: p.investmentWan,
        signDate: p.signDate,
        plannedStart: p.plannedStart,
        owner: p.owner,
        status: p.status!,
        file,
        sheet: p.sheet,
        row: p.row,
      });
    }
    for (const f of r.findings) {
      this.findings.push({
        file,
        unit: f.unit !== undefined ? alias(f.unit) : r.units ? "" : fileUnit,
        sheet: f.sheet,
        cell: f.cell,
        rule: f.rule,
        severity: f.severity,
        message: findingMessage(f, "zh"),
      });
    }
    this.settings.push({ file, asOf: r.settings.asOf, windowStart: r.settings.windowStart, windowEnd: r.settings.windowEnd });
  }

  fail(file: string, error: string): void {
    this.failed.push({ file, error });
  }

  /** Units the config lists that no file reported. */
  missingUnits(): string[] {
    const reported = new Set(this.units.map((u) => compact(u.unit)));
    return [...this.config.units.values()].map((u) => u.name).filter((name) => !reported.has(compact(name)));
  }

  /** Units reported by more than one file. */
  duplicates(): [string, string[]][] {
    const files = new Map<string, string[]>();
    for (const u of this.units) files.set(u.unit, [...(files.get(u.unit) ?? []), u.file]);
    return [...files].filter(([, list]) => new Set(list).size > 1);
  }
}
