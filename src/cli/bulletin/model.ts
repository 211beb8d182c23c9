/**
 * What the bulletin holds, gathered file by file while the batch runs: each file's check result
 * is turned into the bulletin's rows at once and let go, so a batch of fifty ledgers holds fifty
 * units' figures, their projects and findings, never their rows.
 *
 * One row per unit: when two files report the same unit (a ledger sent twice, or a unit both in
 * its own file and in a summary sheet), the newer file's figures are kept (newerFirst below) and
 * the other is listed under 重复报送.
 */
import { bulletinRows, type BulletinUnit } from "../../core/bulletin";
import { isoDay, type Day } from "../../core/day";
import type { Acknowledgement, RuleId, Severity } from "../../core/findings";
import type { DistrictKeyStarts } from "../../core/keyStarts";
import type { CheckResult, StartStatus } from "../../core/result";
import { findingMessage } from "../../core/rules/catalog";
import { compact } from "../../core/text";
import { hasNoLedger, type Checked, type SavedAt, type Target } from "../batch";
import { canonicalName, type DistrictConfig } from "../config";
import type { Text } from "../messages";
import type { OwnOutput } from "../ownOutput";
import type { Comparison } from "./changes";

export interface ProjectRow {
  readonly unit: string;
  /** Identity across periods (core/bulletin.ts). */
  readonly key: string;
  readonly name: string;
  readonly investmentWan: number | null;
  readonly signDate: Day | null;
  readonly plannedStart: Day | null;
  readonly actualStart: Day | null;
  readonly owner: string;
  /** Null for a project not signed (策划, 在谈). */
  readonly status: StartStatus | null;
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

export interface FindingRow {
  readonly file: string;
  readonly unit: string;
  readonly key: string;
  readonly sheet: string;
  readonly cell: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** Set when the unit's 台账核实 sheet verifies it (已核实): listed as such, with the reason. */
  readonly acknowledgement?: Acknowledgement;
}

/** A unit two or more files reported: the file kept, why it is the newer, and the others. */
export interface DuplicateNote {
  readonly unit: string;
  readonly kept: string;
  readonly why: Text;
  readonly dropped: readonly string[];
}

export interface Scoring {
  readonly projectPoints: number;
  readonly fairBonus: number;
  readonly tripPoints: number;
}

export interface Bulletin {
  readonly district: string;
  readonly asOf: Day;
  readonly windowStart: Day;
  readonly windowEnd: Day;
  readonly units: readonly BulletinUnit[];
  /** Every project of the units shown (the 逾期未开工 sheet lists the signed ones overdue or undated). */
  readonly projects: readonly ProjectRow[];
  readonly findings: readonly FindingRow[];
  readonly failed: readonly { readonly file: string; readonly error: string }[];
  /** Workbooks without any ledger (a 工资表), by name. */
  readonly unrecognized: readonly string[];
  readonly duplicates: readonly DuplicateNote[];
  /** Files found in the folders and not checked, by name, with the reason (the tool's own outputs, other kinds of file). */
  readonly notChecked: readonly { readonly file: string; readonly reason: string }[];
  /** Hidden files or folders, and Excel/WPS lock files, skipped: counted. */
  readonly hidden: number;
  readonly locks: number;
  /** Units the config names that no file reported. */
  readonly missing: readonly string[];
  /** 重点项目开工: the units' key starts (one file per unit, as the units above) against the district's goal. */
  readonly keyStarts: DistrictKeyStarts;
  /** The points B, F and P, when every ledger was scored with the same. */
  readonly scoring: Scoring | null;
  /** The comparison with the previous bulletin (--previous). */
  readonly previous: Comparison | null;
}

/** One readable ledger's rows, held until every file is in and duplicates are resolved. */
interface FileRows {
  readonly target: Target;
  readonly saved: SavedAt;
  readonly asOf: Day;
  readonly windowStart: Day;
  readonly windowEnd: Day;
  readonly scoring: Scoring;
  readonly units: BulletinUnit[];
  readonly projects: ProjectRow[];
  readonly findings: FindingRow[];
}

const collator = new Intl.Collator("zh-CN", { numeric: true });

/** Collects the bulletin's rows file by file. */
export class BulletinCollector {
  private readonly files: FileRows[] = [];
  readonly failed: { target: Target; error: string }[] = [];
  readonly unrecognized: Target[] = [];
  readonly own: { target: Target; own: OwnOutput }[] = [];

  constructor(private readonly config: DistrictConfig) {}

  add(c: Checked): void {
    if ("error" in c) this.failed.push({ target: c.target, error: c.error });
    else if ("own" in c) this.own.push({ target: c.target, own: c.own });
    else if (hasNoLedger(c.result)) this.unrecognized.push(c.target);
    else this.files.push(fileRows(c.target, c.saved, c.result, (name) => canonicalName(this.config, name)));
  }

  /** Files read as ledgers (before duplicates are resolved). */
  get read(): number {
    return this.files.length;
  }

  /** The units, projects and findings with one file per unit, and a note for each unit sent more than once. */
  resolve(): { files: FileRows[]; units: BulletinUnit[]; projects: ProjectRow[]; findings: FindingRow[]; duplicates: DuplicateNote[] } {
    const { keeps, duplicates } = oneFilePerUnit(this.files);
    const kept = this.files.filter((f) => f.units.some((u) => keeps(f)(u.unit)));
    return {
      files: kept,
      units: this.files.flatMap((f) => f.units.filter((u) => keeps(f)(u.unit))),
      projects: this.files.flatMap((f) => f.projects.filter((p) => keeps(f)(p.unit))),
      findings: this.files.flatMap((f) => f.findings.filter((x) => keeps(f)(x.unit))),
      duplicates,
    };
  }

  /** Units the config lists that no file reported. */
  missingUnits(units: readonly BulletinUnit[]): string[] {
    const reported = new Set(units.map((u) => compact(u.unit)));
    return [...this.config.units.values()].map((u) => u.name).filter((name) => !reported.has(compact(name)));
  }
}

/** What a file reported, as far as telling which file of a unit sent twice is the newer needs. */
export interface Reported {
  readonly target: Target;
  readonly saved: SavedAt;
  readonly asOf: Day;
  readonly units: readonly { readonly unit: string }[];
}

/**
 * One file per unit: `keeps(f)(unit)` says whether file f's figures of a unit are the ones kept
 * (the newer file's, newerFirst below), and a note names each unit sent more than once. The
 * bulletin and the JSON of `check` on a folder (its district total) count the same units so.
 */
export function oneFilePerUnit<F extends Reported>(files: readonly F[]): { keeps: (f: F) => (unit: string) => boolean; duplicates: DuplicateNote[] } {
  const reporting = new Map<string, F[]>();
  for (const f of files) for (const u of f.units) reporting.set(compact(u.unit), [...(reporting.get(compact(u.unit)) ?? []), f]);
  const dropped = new Map<F, Set<string>>();
  const duplicates: DuplicateNote[] = [];
  for (const [key, reporters] of reporting) {
    if (reporters.length < 2) continue;
    const ordered = [...reporters].sort(newerFirst);
    for (const f of ordered.slice(1)) dropped.set(f, (dropped.get(f) ?? new Set()).add(key));
    const unit = ordered[0].units.find((u) => compact(u.unit) === key)!.unit;
    duplicates.push({ unit, kept: ordered[0].target.name, why: whyNewer(ordered[0], ordered[1]), dropped: ordered.slice(1).map((f) => f.target.name) });
  }
  return { keeps: (f) => (unit) => unit === "" || !dropped.get(f)?.has(compact(unit)), duplicates };
}

function fileRows(target: Target, saved: SavedAt, r: CheckResult, alias: (name: string) => string): FileRows {
  const rows = bulletinRows(target.name, r, alias);
  return {
    target,
    saved,
    asOf: r.settings.asOf,
    windowStart: r.settings.windowStart,
    windowEnd: r.settings.windowEnd,
    scoring: { projectPoints: r.settings.projectPoints, fairBonus: r.settings.fairBonus, tripPoints: r.settings.tripPoints },
    units: rows.units,
    projects: rows.projects.map((p) => ({
      unit: p.unit,
      key: p.key,
      name: p.name,
      investmentWan: p.investmentWan,
      signDate: p.signDate,
      plannedStart: p.plannedStart,
      actualStart: p.actualStart,
      owner: p.owner,
      status: p.status,
      file: target.name,
      sheet: p.sheet,
      row: p.row,
    })),
    findings: rows.findings.map((f) => ({
      file: target.name,
      unit: f.unit,
      key: f.key,
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      severity: f.severity,
      message: findingMessage(f, "zh"),
      ...(f.acknowledgement ? { acknowledgement: f.acknowledgement } : {}),
    })),
  };
}

/**
 * Which of two files reporting the same unit is the newer, by what says it best:
 *  1. the 统计截止日 the workbook was checked as of (its own 台账设置 when neither the config nor a
 *     flag sets one): the period its figures describe;
 *  2. the time the workbook records it was last saved (docProps/core.xml): Excel and WPS write it
 *     on every save and it travels inside the file, unchanged by mail, downloads and copies;
 *  3. the file's modification time, which those reset: the last resort;
 *  4. the name (the later in name order, as 台账(2).xlsx after 台账.xlsx), so the choice never
 *     depends on the order files were listed in.
 */
function newerFirst(a: Reported, b: Reported): number {
  return b.asOf - a.asOf || later(b.saved.recorded, a.saved.recorded) || later(b.saved.mtime, a.saved.mtime) || collator.compare(b.target.name, a.target.name);
}

function later(x: number | null, y: number | null): number {
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  return x - y;
}

function whyNewer(kept: Reported, other: Reported): Text {
  if (kept.asOf !== other.asOf) {
    return { zh: `统计截止日 ${isoDay(kept.asOf)} 晚于 ${isoDay(other.asOf)}`, en: `as of ${isoDay(kept.asOf)}, after ${isoDay(other.asOf)}` };
  }
  if (later(kept.saved.recorded, other.saved.recorded) !== 0) {
    const was = other.saved.recorded === null ? { zh: "另一份未记录保存时间", en: "the other records none" } : { zh: `晚于 ${clock(other.saved.recorded)}`, en: `after ${clock(other.saved.recorded)}` };
    return { zh: `工作簿记录的保存时间 ${clock(kept.saved.recorded!)}，${was.zh}`, en: `saved ${clock(kept.saved.recorded!)} as the workbook records, ${was.en}` };
  }
  if (later(kept.saved.mtime, other.saved.mtime) !== 0 && kept.saved.mtime !== null && other.saved.mtime !== null) {
    return { zh: `文件修改时间 ${clock(kept.saved.mtime)} 晚于 ${clock(other.saved.mtime)}`, en: `file modified ${clock(kept.saved.mtime)}, after ${clock(other.saved.mtime)}` };
  }
  return { zh: "统计截止日和保存时间相同，取文件名排序在后的一份", en: "same as-of date and save time; the later name is taken" };
}

/** A time as the district reads it: Beijing time (UTC+8), to the minute. */
function clock(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}
