/**
 * What a rule is: one typed definition per rule id of DOMAIN.md — its severity, its words for
 * people (title, description, fix: the guide and the help page are rendered from them), its
 * message template, the ledger fields whose cells decide it, and its check.
 *
 * A check has the scope it looks at: the workbook, one ledger sheet, the 台账设置 sheet, the
 * 台账核实 sheet, one cell's value, or one project row. Each scope has its own check signature, so that a definition's check is typed; the
 * engine (engine.ts) runs the checks of each scope where that scope is known.
 *
 * Adding a rule: its id in findings.ts's RuleId, one definition in the module of its scope, one
 * entry in catalog.ts (the compiler refuses a catalog that misses an id), and its test.
 */
import type { Day } from "../day";
import type { Finding, MessageParams, RuleId, Severity } from "../findings";
import type { FieldId, Ledger, LedgerKind } from "../ledger";
import type { TargetId } from "../result";
import type { ParsedRow } from "../row";
import type { SettingKey, Settings } from "../settings";
import type { SettingIssue } from "../settingsParse";
import type { CellValue } from "../sheet";
import type { StatusContext } from "../startStatus";
import type { VerificationIssue } from "../verify/sheet";
import type { Amount, DateGuess, Parsed, Stage, UnitKind } from "../values/types";

/** A rule without parameters: its template may use the field's label only. */
export type NoParams = Record<never, never>;

/**
 * The message in each language. `p` is what the check found, display-ready; `field` is the
 * finding's field label in the message's language. Methods, so that a catalog of rules with
 * different parameters is one type.
 */
interface MessageTemplates<P> {
  zh(p: P, field: string): string;
  en(p: P, field: string): string;
}

/** A rule in one language, for people: the guide and the help page are rendered from these. */
interface RuleWords {
  /** A short label, for filters and headings. */
  readonly title: string;
  /** What it means, in plain words for unit staff. */
  readonly description: string;
  /** How to put it right. */
  readonly fix: string;
}

interface RuleBase<Id extends RuleId, P> {
  readonly id: Id;
  /** The severity of its findings, unless a check gives one finding another (`Hit.severity`). */
  readonly severity: Severity;
  /** The ledger fields whose cells decide it: changing another cell cannot raise or clear it. */
  readonly reads: readonly FieldId[];
  readonly message: MessageTemplates<P>;
  readonly zh: RuleWords;
  readonly en: RuleWords;
}

/** What a check found, before it is placed: its message's parameters, and a severity of its own if it differs. */
export interface Hit<P> {
  readonly params: P;
  readonly severity?: Severity;
}

/** Where a finding is, before its rule, severity and parameters are attached. */
export type FindingPlace = Omit<Finding, "rule" | "severity" | "params">;

// ── Scopes ──────────────────────────────────────────────────────────────────────────────────

/** What is known of the workbook as a whole. */
export interface WorkbookFacts {
  readonly unitKind: UnitKind;
  readonly settings: Settings;
  /** The ledger kinds it holds. */
  readonly ledgers: ReadonlySet<LedgerKind>;
}

export interface WorkbookRule<Id extends RuleId = RuleId, P = MessageParams> extends RuleBase<Id, P> {
  readonly scope: "workbook";
  /** One hit per finding; a workbook-level finding has no sheet or cell. */
  check(wb: WorkbookFacts): readonly Hit<NoInfer<P>>[];
}

/**
 * A column a ledger of its kind cannot do without: one of `fields` (职务类别 or 职务), because
 * the row rules `rules` read it or the unit's targets `targets` count it (engine.ts derives these
 * from the rules' `reads` and the targets' columns).
 */
export interface ColumnNeed {
  readonly fields: readonly FieldId[];
  readonly rules: readonly { readonly id: RuleId; readonly zh: RuleWords; readonly en: RuleWords }[];
  readonly targets: readonly TargetId[];
}

/** One ledger sheet, read. */
export interface SheetFacts {
  readonly ledger: Ledger;
  readonly rows: readonly ParsedRow[];
  /** Whether findings carry the row's unit. */
  readonly multiUnit: boolean;
  /** The columns its rules and its unit's targets need. */
  readonly needs: readonly ColumnNeed[];
}

export interface PlacedHit<P> extends Hit<P> {
  readonly place: FindingPlace;
}

export interface SheetRule<Id extends RuleId = RuleId, P = MessageParams> extends RuleBase<Id, P> {
  readonly scope: "sheet";
  check(sheet: SheetFacts): readonly PlacedHit<NoInfer<P>>[];
}

/** A 台账设置 sheet, read: what it said that could not be used, and what applies instead. */
export interface SettingsFacts {
  /** The sheet; "" for a window that the surface's own values (flags, arguments) put out of order. */
  readonly sheet: string;
  readonly issues: readonly SettingIssue[];
  /** The settings the check uses, the unit's kind and name resolved. */
  readonly settings: Settings;
  /** Settings a flag, the config or an argument gives: what applies in a bad value's stead is theirs, not the default. */
  readonly overridden: ReadonlySet<SettingKey>;
}

export interface SettingsRule<Id extends RuleId = RuleId, P = MessageParams> extends RuleBase<Id, P> {
  readonly scope: "settings";
  check(facts: SettingsFacts): readonly PlacedHit<NoInfer<P>>[];
}

/** A 台账核实 sheet, read: its rows that cannot be used. */
export interface VerificationsFacts {
  readonly sheet: string;
  readonly issues: readonly VerificationIssue[];
}

export interface VerificationsRule<Id extends RuleId = RuleId, P = MessageParams> extends RuleBase<Id, P> {
  readonly scope: "verifications";
  check(facts: VerificationsFacts): readonly PlacedHit<NoInfer<P>>[];
}

/** What a value rule looks at, by the kind of value its column holds. */
export interface CellReadings {
  readonly amount: Parsed<Amount>;
  readonly date: Parsed<Day, DateGuess>;
  readonly flag: Parsed<boolean>;
  readonly stage: Parsed<Stage>;
  /** The raw cell of a field its ledger's rows must fill. */
  readonly required: CellValue;
}
export type CellReading = keyof CellReadings;

export interface ValueRule<Id extends RuleId = RuleId, P = MessageParams, K extends CellReading = CellReading> extends RuleBase<Id, P> {
  readonly scope: "value";
  /** The cells it is asked about: every non-blank cell of a column of this kind (every cell of a required field). */
  readonly cells: K;
  /** `raw` is the cell as given, for the message's quotation of it. */
  check(reading: CellReadings[K], raw: CellValue): Hit<NoInfer<P>> | null;
}

/** A finding of a project row sits on its field's cell (or the row's name cell, without that column). */
export interface RowHit<P> extends Hit<P> {
  readonly field: FieldId;
}

/** What a project row's rules know besides the row: the as-of date, the warning window, the fair projects' deadline. */
export type ProjectRowContext = StatusContext & Pick<Settings, "fairStartDeadline">;

export interface ProjectRowRule<Id extends RuleId = RuleId, P = MessageParams> extends RuleBase<Id, P> {
  readonly scope: "project-row";
  check(row: ParsedRow, ctx: ProjectRowContext): RowHit<NoInfer<P>> | readonly RowHit<NoInfer<P>>[] | null;
}

export type RuleDef<Id extends RuleId = RuleId, P = MessageParams> =
  | WorkbookRule<Id, P>
  | SheetRule<Id, P>
  | SettingsRule<Id, P>
  | VerificationsRule<Id, P>
  | ValueRule<Id, P>
  | ProjectRowRule<Id, P>;

/*
 * Constructors, one per scope. A rule's parameters P are what its Chinese template declares (the
 * checks are NoInfer: they cannot widen P; a template that also takes `field` annotates it, so
 * that the annotation is read first), so a check that misspells a parameter, or a template that
 * reads one the check does not give, fails to compile.
 */
export function workbookRule<Id extends RuleId, P = NoParams>(def: Omit<WorkbookRule<Id, P>, "scope">): WorkbookRule<Id, P> {
  return { scope: "workbook", ...def };
}
export function sheetRule<Id extends RuleId, P = NoParams>(def: Omit<SheetRule<Id, P>, "scope">): SheetRule<Id, P> {
  return { scope: "sheet", ...def };
}
export function settingsRule<Id extends RuleId, P = NoParams>(def: Omit<SettingsRule<Id, P>, "scope">): SettingsRule<Id, P> {
  return { scope: "settings", ...def };
}
export function verificationsRule<Id extends RuleId, P = NoParams>(def: Omit<VerificationsRule<Id, P>, "scope">): VerificationsRule<Id, P> {
  return { scope: "verifications", ...def };
}
export function valueRule<Id extends RuleId, K extends CellReading, P = NoParams>(cells: K, def: Omit<ValueRule<Id, P, K>, "scope" | "cells">): ValueRule<Id, P, K> {
  return { scope: "value", cells, ...def };
}
export function projectRowRule<Id extends RuleId, P = NoParams>(def: Omit<ProjectRowRule<Id, P>, "scope">): ProjectRowRule<Id, P> {
  return { scope: "project-row", ...def };
}

export const NO_PARAMS: NoParams = Object.freeze({});

export function finding(rule: RuleDef, place: FindingPlace, hit: Hit<MessageParams>): Finding {
  // Built field by field so every finding has the same shape (large ledgers make many of them).
  const f: { -readonly [K in keyof Finding]: Finding[K] } = {
    sheet: place.sheet,
    cell: place.cell,
    row: place.row,
    column: place.column,
    field: place.field,
    rule: rule.id,
    severity: hit.severity ?? rule.severity,
    params: hit.params,
  };
  if (place.unit !== undefined) f.unit = place.unit;
  return f;
}
