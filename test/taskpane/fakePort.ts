/**
 * A WorkbookPort over the real core: check runs checkWorkbook on a workbook held in memory (the
 * sample ledger by default), and every call the pane makes is recorded for the test to read.
 */
import { checkWorkbook } from "../../src/core/check";
import { parseIsoDay } from "../../src/core/day";
import { VERIFICATION_SHEET } from "../../src/core/verify/sheet";
import { verificationWrites } from "../../src/host/verificationSheet";
import type { CheckResult } from "../../src/core/result";
import type { SettingsOverrides } from "../../src/core/settings";
import { gridRows, type WorkbookInput } from "../../src/core/sheet";
import { placeKey, type Hidden, type Place, type VerificationInput, type WorkbookPort } from "../../src/host/port";
import type { SummaryWrite } from "../../src/host/summary";
import { SAMPLE_AS_OF, sampleWorkbook } from "../sample/sampleLedger";

/** The sample's own 统计截止日 is 2022-09-30; the core's "today" is pinned to it for sheets without one. */
const SAMPLE_TODAY = new Date(`${SAMPLE_AS_OF}T12:00:00`);

export class FakePort implements WorkbookPort {
  readonly calls: string[] = [];
  readonly selections: [string, string][] = [];
  readonly highlighted: CheckResult[] = [];
  readonly saved: SettingsOverrides[] = [];
  /** The results writeSummary was given, and what it answers (the sheet it wrote, whether it made it). */
  readonly summarized: CheckResult[] = [];
  summaryWrite: SummaryWrite = { sheet: "汇总", created: true };
  /** Places the user cannot see, by placeKey (what hiddenPlaces answers). */
  hidden = new Map<string, Hidden>();
  readonly revealed: [string, string][] = [];
  /** The verifications recorded (verify), and the 台账核实 sheet's rows they make, which the next check reads. */
  readonly verified: VerificationInput[] = [];
  private verificationGrid: string[][] = [];
  /** What loadSettings returns (the 台账设置 sheet as overrides). */
  settings: SettingsOverrides = {};
  /** Thrown by the next calls of these methods, until reset. */
  failures: Partial<Record<keyof WorkbookPort, Error>> = {};
  private listeners = new Set<() => void>();

  constructor(private readonly workbook: () => WorkbookInput = () => sampleWorkbook("office")) {}

  /** The result the pane should show: the same core call the port makes. */
  expected(overrides?: SettingsOverrides): CheckResult {
    const book = this.workbook();
    const sheets = this.verificationGrid.length === 0 ? book.sheets : [...book.sheets, { name: VERIFICATION_SHEET, rows: [...gridRows(this.verificationGrid)] }];
    return checkWorkbook({ ...book, sheets }, { overrides, today: SAMPLE_TODAY });
  }

  /** Simulates Excel's (already debounced) change event. */
  change(): void {
    for (const l of [...this.listeners]) l();
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  private record(name: keyof WorkbookPort): void {
    this.calls.push(name);
    const failure = this.failures[name];
    if (failure) throw failure;
  }

  async check(overrides?: SettingsOverrides): Promise<CheckResult> {
    this.record("check");
    return this.expected(overrides);
  }
  async highlight(result: CheckResult): Promise<void> {
    this.record("highlight");
    this.highlighted.push(result);
  }
  async checkAndHighlight(overrides?: SettingsOverrides): Promise<CheckResult> {
    this.record("checkAndHighlight");
    const result = this.expected(overrides);
    this.highlighted.push(result);
    return result;
  }
  async clear(): Promise<void> {
    this.record("clear");
  }
  async select(sheet: string, cell: string): Promise<void> {
    this.record("select");
    this.selections.push([sheet, cell]);
  }
  /** Not recorded in `calls`: the pane asks it after every check, and tests of the calls look at the rest. */
  async hiddenPlaces(places: readonly Place[]): Promise<ReadonlyMap<string, Hidden>> {
    return new Map(places.map(placeKey).filter((k) => this.hidden.has(k)).map((k) => [k, this.hidden.get(k)!]));
  }
  async reveal(sheet: string, cell: string): Promise<void> {
    this.record("reveal");
    this.revealed.push([sheet, cell]);
    this.hidden.delete(placeKey({ sheet, cell }));
  }
  async loadSettings(): Promise<SettingsOverrides> {
    this.record("loadSettings");
    return { ...this.settings };
  }
  async saveSettings(settings: SettingsOverrides): Promise<void> {
    this.record("saveSettings");
    this.saved.push(settings);
    this.settings = { ...settings };
  }
  async writeSummary(result: CheckResult): Promise<SummaryWrite> {
    this.record("writeSummary");
    this.summarized.push(result);
    return this.summaryWrite;
  }
  /** Appends the row the hosts append (host/verificationSheet), dated the sample's as-of day. */
  async verify(verification: VerificationInput): Promise<void> {
    this.record("verify");
    const used = this.verificationGrid.length === 0 ? null : { top: 1, left: 1, values: this.verificationGrid };
    for (const w of verificationWrites(verification, parseIsoDay(SAMPLE_AS_OF)!, used)) {
      w.rows.forEach((cells, i) => {
        const row = (this.verificationGrid[w.top - 1 + i] ??= []);
        cells.forEach((c, j) => (row[w.left - 1 + j] = c));
      });
    }
    this.verified.push(verification);
  }
  onChanged(callback: () => void): () => void {
    this.calls.push("onChanged");
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }
  watchSettings(): () => void {
    this.calls.push("watchSettings");
    return () => undefined;
  }
}
