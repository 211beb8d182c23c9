/**
 * The one entry point: a workbook in, { ledgers, findings, assessment } out.
 * Rows are pushed as they arrive, so a streamed file is never held whole: recognition keeps only
 * the recognised columns of data rows; parsing and rules wait for the settings sheet, which may
 * come last.
 */
import { assessedTargets, assessUnit, round, sumTargets, type UnitRows } from "./assess";
import { sumKeyStarts } from "./keyStarts";
import { isoDay, today, yearOf } from "./day";
import type { Finding } from "./findings";
import { LEDGER_KINDS, type FieldId, type Ledger, type LedgerKind, type RecognizedSheet } from "./ledger";
import { asOfSource } from "./marks/asOf";
import { planMarks } from "./marks/plan";
import { LedgerReader, type RowContext } from "./read";
import type { ParsedRow } from "./row";
import { unitNameOfTitle } from "./recognize/heading";
import type { NamedColumns } from "./headers";
import { columnNamesOfEntries, namedColumnsOf, sheetColumnNames, type ColumnName } from "./recognize/columnNames";
import { isSettingsSheet } from "./recognize/settingsSheet";
import { SheetRecognizer } from "./recognize/sheet";
import type { CheckResult, ProjectAssessment, TargetId, UnitAssessment } from "./result";
import { projectRowFindings, settingsFindings, sheetFindings, workbookFindings } from "./rules/engine";
import { orderedWindow, resolveSettings, type SettingKey, type Settings, type SettingsOverrides } from "./settings";
import { SETTING_NAMES } from "./settingsNames";
import { readSettingsEntries, type SettingIssue, type SettingsSheetRead } from "./settingsParse";
import type { DateSystem, SheetMeta, SheetRow, WorkbookInput } from "./sheet";
import { inferUnitKind } from "./values/unitKind";
import { verifyFindings, type VerificationSheet } from "./verify/apply";
import { isVerificationSheet } from "./verify/sheet";
import type { UnitKind } from "./values/types";

export interface CheckOptions {
  /** File name or workbook title: a hint for the unit's kind and name. */
  readonly name?: string;
  readonly dateSystem?: DateSystem;
  /** Wins over the workbook's 台账设置 sheet, which wins over the defaults. */
  readonly overrides?: SettingsOverrides;
  /** Today, for an as-of date nobody set (tests pin it). */
  readonly today?: Date;
  /**
   * Settings of one unit by its name (a district's config: each unit's kind and annual task),
   * below `overrides` and above the 台账设置 sheet; asked once the unit names are known.
   */
  readonly unitOverrides?: (unit: string) => SettingsOverrides | undefined;
  /**
   * Header words from outside the workbook (列名对照): the district config's, or the 台账设置
   * section the pane publishes to the ZS functions. A 台账设置 section's rows are checked after
   * these (a header one of these gives to another column is refused there).
   */
  readonly columnNames?: readonly ColumnName[];
  /**
   * The workbook's own 列名对照, read ahead of its ledgers by a source whose 台账设置 sheet may
   * come after them (`sheetColumnNames` over that sheet's rows). Without it, a 台账设置 sheet's
   * section applies to the sheets read after it.
   */
  readonly workbookColumnNames?: readonly ColumnName[];
  /**
   * Units known to be there beyond those the rows name, in a workbook with a 单位 column (a ZS
   * function asked about a unit, with its kind, over a ledger where it has no row): each is
   * assessed as the pane assesses a unit with no rows in a ledger. Ignored without a 单位 column.
   */
  readonly units?: readonly string[];
}

export interface SheetSink {
  push(row: SheetRow): void;
  end(): void;
}

/** A recognised sheet, and the reader its data rows went to when it is a ledger. */
interface CheckedSheet {
  readonly sheet: RecognizedSheet;
  readonly reader: LedgerReader | null;
}

/**
 * Push interface, for streamed sources: beginSheet, push every row, end; then finish.
 * A ledger's data rows are read into typed rows as they arrive, so its raw cells are never all
 * held; what only the whole workbook tells (its settings sheet may come last) is applied by finish.
 */
export class WorkbookCheck {
  private readonly sheets: CheckedSheet[] = [];
  /** 台账核实 sheets: their rows are held (a few) and read by finish, never recognised as ledgers. */
  private readonly verificationSheets: VerificationSheet[] = [];
  private readonly rowContext: RowContext;
  /** The header words in force: the surface's and the workbook's read ahead, else each 台账设置 sheet's from where it is met. */
  private columnNames: readonly ColumnName[];
  private namedColumns: NamedColumns;

  constructor(private readonly options: CheckOptions = {}) {
    // The as-of year as far as known before a settings sheet: the override's, else today's.
    this.rowContext = { dateSystem: options.dateSystem ?? 1900, defaultYear: yearOf(options.overrides?.asOf ?? today(options.today)) };
    this.columnNames = [...(options.columnNames ?? []), ...(options.workbookColumnNames ?? [])];
    this.namedColumns = namedColumnsOf(this.columnNames);
  }

  beginSheet(meta: SheetMeta): SheetSink {
    if (isVerificationSheet(meta.name)) {
      const rows: SheetRow[] = [];
      this.verificationSheets.push({ sheet: meta.name, rows });
      return { push: (row) => void rows.push(row), end: () => undefined };
    }
    let reader: LedgerReader | null = null;
    const recognizer = new SheetRecognizer(meta, {
      onLedger: (head) => (reader = new LedgerReader(head, this.rowContext)),
      namedColumns: this.namedColumns,
    });
    return {
      push: (row) => recognizer.push(row),
      end: () => {
        const sheet = recognizer.finish();
        this.sheets.push({ sheet, reader });
        if (sheet.type === "settings" && this.options.workbookColumnNames === undefined) {
          const own = columnNamesOfEntries(sheet.entries);
          if (own.length === 0) return;
          this.columnNames = [...this.columnNames, ...own];
          this.namedColumns = namedColumnsOf(this.columnNames);
        }
      },
    };
  }

  finish(): CheckResult {
    return assembleResult(this.sheets, this.verificationSheets, this.options);
  }
}

/** For sources that hold the whole workbook (Office.js, tests). */
export function checkWorkbook(input: WorkbookInput, options: CheckOptions = {}): CheckResult {
  // The whole workbook is at hand: its 台账设置's 列名对照 applies to every ledger, before or after it.
  // Rows may be a one-pass iterable: the settings sheet's (a few rows) are held to be read twice.
  const sheets = [...input.sheets].map((s) => (isSettingsSheet(s.name) ? { ...s, rows: [...s.rows] } : s));
  const workbookColumnNames = sheets.flatMap((s) => (isSettingsSheet(s.name) ? sheetColumnNames(s.rows) : []));
  const check = new WorkbookCheck({ name: input.name, dateSystem: input.dateSystem, ...options, workbookColumnNames });
  for (const sheet of sheets) {
    const sink = check.beginSheet(sheet);
    for (const row of sheet.rows) sink.push(row);
    sink.end();
  }
  return check.finish();
}

function assembleResult(checked: readonly CheckedSheet[], verificationSheets: readonly VerificationSheet[], options: CheckOptions): CheckResult {
  const dateSystem = options.dateSystem ?? 1900;
  const sheets = checked.map((c) => c.sheet);
  const ledgers = sheets.flatMap((s) => (s.type === "ledger" ? [s.ledger] : []));
  const settingsSheets = sheets.flatMap((s) => (s.type === "settings" ? [{ sheet: s.sheet, ...readSettingsEntries(s.entries, dateSystem, options.columnNames) }] : []));
  const todayDay = today(options.today);
  // The surface's layers over the sheets', with any window end set aside that would make the window end before it starts.
  const window = orderedWindow([options.overrides ?? {}, ...settingsSheets.map((s) => s.overrides)], todayDay);
  const [given, ...fromSheet] = window.layers;
  const layers = (unit?: string) => [given, (unit !== undefined && options.unitOverrides?.(unit)) || {}, ...fromSheet];
  const named = resolveSettings(layers(), todayDay);
  const foundName = named.unitName ?? ledgers.find((l) => l.unitName)?.unitName ?? baseName(options.name) ?? "";
  const settings = resolveSettings(layers(foundName), todayDay);
  // The unit's own settings may name it otherwise (a district's canonical name for an alias).
  const unitName = settings.unitName ?? foundName;
  const unitKind = settings.unitKind ?? inferKind(sheets, ledgers, unitName, options.name) ?? "town";
  const multiUnit = ledgers.some((l) => l.columns.some((c) => c.field === "unit"));

  const readCtx = { dateSystem, defaultYear: yearOf(settings.asOf), defaultUnit: unitName, multiUnit };
  const read = checked.flatMap(({ sheet, reader }) => (sheet.type === "ledger" && reader ? [{ ledger: sheet.ledger, ...reader.finish(readCtx) }] : []));

  const unitNames = multiUnit ? [...new Set([...distinctUnits(read.flatMap((r) => r.rows)), ...(options.units ?? [])])] : [unitName];
  const settingsOf = (unit: string): Settings => (multiUnit ? resolveSettings(layers(unit), today(options.today)) : settings);
  const kindOf = (unit: string): UnitKind =>
    options.overrides?.unitKind ?? (multiUnit ? options.unitOverrides?.(unit)?.unitKind ?? inferUnitKind(unit) : null) ?? unitKind;
  // The columns a ledger needs follow the targets of the units it holds.
  const targets = [...new Set<TargetId>(unitNames.flatMap((u) => assessedTargets(kindOf(u), settingsOf(u))))];

  const used: Settings = { ...settings, unitKind, unitName };
  // What a flag, an argument or the district's entry for the unit gives: a bad sheet value's stead is theirs, not the default.
  const above: SettingsOverrides = { ...(options.unitOverrides?.(foundName) ?? {}), ...given };
  const overridden = new Set((Object.keys(above) as SettingKey[]).filter((k) => above[k] !== undefined && above[k] !== null));
  const found: Finding[] = [
    ...workbookFindings({ unitKind, settings, ledgers: new Set(ledgers.map((l) => l.kind)) }),
    ...settingsIssues(settingsSheets, window.dropped).flatMap(({ sheet, issues }) => settingsFindings({ sheet, issues, settings: used, overridden })),
    ...read.flatMap((r) => [
      ...sheetFindings({ ledger: r.ledger, rows: r.rows, multiUnit }, targets),
      ...r.findings,
      ...(r.ledger.kind === "projects" ? projectRowFindings(r.ledger, r.rows, settings, multiUnit) : []),
    ]),
  ];
  const order = sheetOrder(sheets);
  found.sort((a, b) => order(a.sheet) - order(b.sheet) || (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  // The 台账核实 sheet's verifications, and its own findings after the rest.
  const { findings, summary: verifications } = verifyFindings(found, verificationSheets, read, dateSystem);

  const present = presentColumns(ledgers);
  const rowsByUnit = groupByUnit(read, multiUnit);
  const perUnit = unitNames.map((unit) => {
    const rows = rowsByUnit.get(multiUnit ? unit : "") ?? emptyRows();
    const kind = kindOf(unit);
    const outcome = assessUnit({ unit, kind, rows, present } satisfies UnitRows, settingsOf(unit));
    const own = multiUnit ? findings.filter((f) => f.unit === unit) : findings;
    return { unit, kind, outcome, own };
  });

  const units: UnitAssessment[] = perUnit.map(({ unit, kind, outcome, own }) => ({
    unit,
    unitKind: kind,
    errors: countOf(own, "error"),
    warnings: countOf(own, "warning"),
    targets: outcome.targets,
    score: outcome.score,
    penalty: outcome.penalty,
    keyStarts: outcome.keyStarts,
  }));
  // One unit's projects are its own fresh array, already in sheet and row order (a large ledger's
  // hundred thousand are neither copied nor sorted again).
  const projects: ProjectAssessment[] = perUnit.length === 1 ? perUnit[0].outcome.projects : perUnit.flatMap((u) => u.outcome.projects);
  const byPlace = (a: ProjectAssessment, b: ProjectAssessment) => order(a.sheet) - order(b.sheet) || a.row - b.row;
  if (!isSorted(projects, byPlace)) projects.sort(byPlace);

  const marks = planMarks({
    ledgers: read,
    findings,
    projects,
    asOf: asOfSource(sheets, options.overrides?.asOf ?? options.unitOverrides?.(foundName)?.asOf, dateSystem),
    asOfDay: settings.asOf,
    dueSoonDays: settings.dueSoonDays,
    dateSystem,
  });

  return {
    settings: used,
    unitKind,
    unitName,
    ledgers: read.map(({ ledger: l, rows }) => ({
      sheet: l.sheet,
      kind: l.kind,
      headerRows: l.headerRows,
      dataRows: rows.length,
      unitColumn: l.columns.some((c) => c.field === "unit"),
    })),
    findings,
    errors: countOf(findings, "error"),
    warnings: countOf(findings, "warning"),
    verifications,
    targets: multiUnit ? sumTargets(units.map((u) => u.targets)) : units[0].targets,
    score: round(units.reduce((s, u) => s + u.score, 0)),
    penalty: round(units.reduce((s, u) => s + u.penalty, 0)),
    keyStarts: sumKeyStarts(units.map((u) => u.keyStarts)),
    units: multiUnit ? units : null,
    projects,
    marks,
  };
}

/**
 * Each 台账设置 sheet's issues, with the window ends set aside across layers added where they
 * were written: on the sheet at their cell, or, for the surface's own values, on no sheet.
 */
function settingsIssues(
  sheets: readonly (SettingsSheetRead & { readonly sheet: string })[],
  dropped: ReturnType<typeof orderedWindow>["dropped"],
): { sheet: string; issues: SettingIssue[] }[] {
  const out = sheets.map((s) => ({ sheet: s.sheet, issues: [...s.issues] }));
  const own: SettingIssue[] = [];
  for (const d of dropped) {
    const source = d.layer > 0 ? sheets[d.layer - 1].sources[d.key] : undefined;
    const ends = d.key === "windowStart" ? { start: d.value, end: d.other } : { start: d.other, end: d.value };
    const issue: SettingIssue = {
      kind: "window",
      setting: d.key,
      key: source?.key ?? SETTING_NAMES[d.key].zh[0],
      value: source?.value ?? isoDay(d.value),
      ...ends,
      cell: source?.cell ?? null,
    };
    if (source) out[d.layer - 1].issues.push(issue);
    else own.push(issue);
  }
  return own.length > 0 ? [{ sheet: "", issues: own }, ...out] : out;
}

/** The unit's kind from what the workbook says of itself: titles, the unit's name, sheet names, file name. */
function inferKind(sheets: readonly RecognizedSheet[], ledgers: readonly Ledger[], unitName: string, fileName?: string): UnitKind | null {
  const texts = [
    ...ledgers.map((l) => l.title ?? ""),
    unitName,
    ...sheets.flatMap((s) => (s.type === "none" ? s.titles : [])),
    ...sheets.map((s) => (s.type === "ledger" ? s.ledger.sheet : s.sheet)),
    fileName ?? "",
  ];
  for (const text of texts) {
    const kind = text ? inferUnitKind(text) : null;
    if (kind) return kind;
  }
  return null;
}

function presentColumns(ledgers: readonly Ledger[]): Map<LedgerKind, Set<FieldId>> {
  const present = new Map<LedgerKind, Set<FieldId>>();
  for (const l of ledgers) {
    const fields = present.get(l.kind) ?? new Set<FieldId>();
    for (const c of l.columns) fields.add(c.field);
    present.set(l.kind, fields);
  }
  return present;
}

type RowsByKind = Record<LedgerKind, ParsedRow[]>;

function emptyRows(): RowsByKind {
  return Object.fromEntries(LEDGER_KINDS.map((k) => [k, [] as ParsedRow[]])) as RowsByKind;
}

/** Every row under its unit (all under "" when the workbook is one unit), by ledger kind. */
function groupByUnit(read: readonly { ledger: Ledger; rows: ParsedRow[] }[], multiUnit: boolean): Map<string, RowsByKind> {
  const groups = new Map<string, RowsByKind>();
  if (!multiUnit) {
    // One unit: a kind's rows are those of its one ledger, as they are; several ledgers of a kind are joined.
    const all = emptyRows();
    for (const r of read) all[r.ledger.kind] = all[r.ledger.kind].length === 0 ? r.rows : all[r.ledger.kind].concat(r.rows);
    return groups.set("", all);
  }
  for (const r of read) {
    for (const row of r.rows) {
      const key = multiUnit ? row.unit : "";
      let group = groups.get(key);
      if (!group) groups.set(key, (group = emptyRows()));
      group[r.ledger.kind].push(row);
    }
  }
  return groups;
}

function isSorted<T>(xs: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < xs.length; i++) if (compare(xs[i - 1], xs[i]) > 0) return false;
  return true;
}

function distinctUnits(rows: readonly ParsedRow[]): string[] {
  return [...new Set(rows.map((r) => r.unit).filter((u) => u !== ""))];
}

/** A sheet's position in the workbook; workbook-level findings ("" sheet) come first. */
function sheetOrder(sheets: readonly RecognizedSheet[]): (name: string) => number {
  const index = new Map(sheets.map((s, i) => [s.type === "ledger" ? s.ledger.sheet : s.sheet, i]));
  return (name) => index.get(name) ?? -1;
}

/** Open findings of a severity: a verified one (已核实) is not counted. */
function countOf(findings: readonly Finding[], severity: Finding["severity"]): number {
  return findings.reduce((n, f) => n + (f.severity === severity && !f.acknowledgement ? 1 : 0), 0);
}

/** "…/财源街道招商引资台账.xlsx" → "财源街道"; a file name that names no ledger is kept as it is. */
function baseName(name?: string): string | null {
  if (!name) return null;
  const file = (name.split(/[\\/]/).pop() ?? name).replace(/\.(xlsx|xlsm|xls|et)$/i, "");
  return unitNameOfTitle(file) ?? (file || null);
}
