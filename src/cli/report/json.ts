/**
 * The JSON report. Its field names are a contract other tools rely on (issue 2): every object is
 * built field by field here, so nothing the core adds later leaks into it.
 */
import type { Finding, Lang } from "../../core/findings";
import { districtKeyStarts } from "../../core/keyStarts";
import type { CheckResult, TargetResult, UnitAssessment } from "../../core/result";
import { findingMessage } from "../../core/rules/catalog";
import type { CheckedFile } from "./types";

interface JsonTarget {
  id: string;
  met: boolean | null;
  actual: number | null;
  required: number | null;
  gap: number | null;
}

interface JsonFinding {
  sheet: string;
  cell: string;
  row: number | null;
  field: string | null;
  rule: string;
  severity: string;
  message: string;
  unit?: string;
  /** The row key a 台账核实 row names to verify this finding; only on findings of one row. */
  rowKey?: string;
  /** Present (true) on a finding the workbook's 台账核实 sheet verifies (已核实), with its acknowledgement. */
  acknowledged?: true;
  acknowledgement?: { reason: string; by: string; date: string };
}

interface JsonUnit {
  unit: string;
  unitKind: string;
  errors: number;
  warnings: number;
  targets: JsonTarget[];
  score: number;
  penalty: number;
  keyStarts: number | null;
}

export interface JsonFile {
  file: string;
  unitKind: string;
  ledgers: { sheet: string; kind: string; headerRows: number[]; dataRows: number }[];
  findings: JsonFinding[];
  /** Open findings by severity: verified ones are not counted. */
  errors: number;
  warnings: number;
  /** Findings the 台账核实 sheet verifies, and its rows that match no finding any more. */
  verifications: { acknowledged: number; stale: number };
  targets: JsonTarget[];
  score: number;
  penalty: number;
  /** 区级重点 projects started in the campaign window (the unit's share of the district's 重点项目开工); null when not assessed. */
  keyStarts: number | null;
  units?: JsonUnit[];
}

export interface JsonFileError {
  file: string;
  error: string;
}

/** A file of a folder that was not checked (not a spreadsheet, one of the tool's own outputs, …), and why. */
export interface JsonSkipped {
  file: string;
  reason: string;
}

/** The district's 重点项目开工 in a run of several files: the units' key starts against the goal. */
export interface JsonKeyStarts {
  actual: number | null;
  required: number;
  met: boolean | null;
  gap: number | null;
  /** Each unit counted once (a unit sent twice: from the newer file, as the bulletin takes it), its name as the district writes it. */
  units: { unit: string; file: string; keyStarts: number | null }[];
}

export interface JsonReport {
  asOf: string;
  files: (JsonFile | JsonFileError)[];
  /** Present only when a folder held files that were not checked. */
  skipped?: JsonSkipped[];
  /** Present in a run of a folder or of several files. */
  keyStarts?: JsonKeyStarts;
}

/** One file's entry: a batch renders each file as it is checked and keeps only this. */
export function jsonEntry(f: CheckedFile, lang: Lang): JsonFile | JsonFileError {
  return "error" in f ? { file: f.file, error: f.error } : jsonFile(f.file, f.result, lang);
}

function jsonFile(file: string, r: CheckResult, lang: Lang): JsonFile {
  const out: JsonFile = {
    file,
    unitKind: r.unitKind,
    ledgers: r.ledgers.map((l) => ({ sheet: l.sheet, kind: l.kind, headerRows: [...l.headerRows], dataRows: l.dataRows })),
    findings: r.findings.map((f) => jsonFinding(f, lang)),
    errors: r.errors,
    warnings: r.warnings,
    verifications: { acknowledged: r.verifications.acknowledged, stale: r.verifications.stale },
    targets: r.targets.map(jsonTarget),
    score: r.score,
    penalty: r.penalty,
    keyStarts: r.keyStarts,
  };
  if (r.units) out.units = r.units.map(jsonUnit);
  return out;
}

function jsonFinding(f: Finding, lang: Lang): JsonFinding {
  const out: JsonFinding = {
    sheet: f.sheet,
    cell: f.cell,
    row: f.row,
    field: f.field,
    rule: f.rule,
    severity: f.severity,
    message: findingMessage(f, lang),
  };
  if (f.unit !== undefined) out.unit = f.unit;
  if (f.rowKey !== undefined) out.rowKey = f.rowKey;
  if (f.acknowledgement) {
    out.acknowledged = true;
    out.acknowledgement = { reason: f.acknowledgement.reason, by: f.acknowledgement.by, date: f.acknowledgement.date };
  }
  return out;
}

function jsonTarget(t: TargetResult): JsonTarget {
  return { id: t.id, met: t.met, actual: t.actual, required: t.required, gap: t.gap };
}

function jsonUnit(u: UnitAssessment): JsonUnit {
  return {
    unit: u.unit,
    unitKind: u.unitKind,
    errors: u.errors,
    warnings: u.warnings,
    targets: u.targets.map(jsonTarget),
    score: u.score,
    penalty: u.penalty,
    keyStarts: u.keyStarts,
  };
}

/** The district's key starts of a run of several files: the units given (each once) added up against the goal. */
export function jsonKeyStarts(units: readonly { unit: string; file: string; keyStarts: number | null }[], goal: number): JsonKeyStarts {
  const k = districtKeyStarts(units.map((u) => u.keyStarts), goal);
  return { actual: k.actual, required: k.required, met: k.met, gap: k.gap, units: units.map((u) => ({ unit: u.unit, file: u.file, keyStarts: u.keyStarts })) };
}
