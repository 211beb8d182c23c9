/**
 * Recognition: what a sheet is (a ledger of some kind, the 台账设置 sheet, or neither), where its
 * header is, which column names which field, and what every later row is — data, section label,
 * 小计/合计, blank template row or footer. This module runs the steps; its neighbours hold them:
 * settingsSheet (the 台账设置 sheet), header (the header search), heading (the title and units
 * line above it) and body (the rows below it).
 *
 * Streaming: only the header search window (the first 15 rows and the one below them) is held.
 * Once the header is decided each row is classified as it arrives and only its recognised cells
 * are kept.
 */
import { NO_NAMED_COLUMNS, type NamedColumns } from "../headers";
import type { LedgerColumn, LedgerKind, RecognizedSheet } from "../ledger";
import type { CellValue, SheetInput, SheetMeta, SheetRow } from "../sheet";
import { isBlank } from "../sheet";
import type { AmountUnit } from "../values/types";
import { LedgerBody } from "./body";
import { findHeader, HEADER_WINDOW } from "./header";
import { leadingTexts, readHeading } from "./heading";
import { isSettingsSheet, SettingsSheetReader } from "./settingsSheet";

export function recognizeSheet(sheet: SheetInput): RecognizedSheet {
  const recognizer = new SheetRecognizer(sheet);
  for (const row of sheet.rows) recognizer.push(row);
  return recognizer.finish();
}

/** What is known of a ledger once its header is read: enough to read its data rows as they come. */
export interface LedgerHead {
  readonly sheet: string;
  readonly kind: LedgerKind;
  readonly columns: readonly LedgerColumn[];
  readonly sheetUnit: AmountUnit;
}

/**
 * Takes a ledger's data rows as they are recognised. With one, the ledger keeps no records
 * (`records` stays empty): a large sheet is read row by row and never held whole.
 */
export interface RecordSink {
  /** `values` is the row as pushed (values[0] is column A); `unit` its 单位, filled down. */
  push(row: number, values: readonly CellValue[], unit: string | null): void;
}

export interface RecognizerOptions {
  /** Called once the header is decided; the sink it returns receives every data row. */
  readonly onLedger?: (head: LedgerHead) => RecordSink;
  /** The unit's own header words (列名对照), matched before the synonyms. */
  readonly namedColumns?: NamedColumns;
}

export class SheetRecognizer {
  private readonly meta: SheetMeta;
  private readonly onLedger: RecognizerOptions["onLedger"];
  /** Set for the 台账设置 sheet: its rows are read as (项目, 值) pairs, then 列名对照's, and nothing else. */
  private readonly settings: SettingsSheetReader | null;
  private readonly namedColumns: NamedColumns;
  /** The header search window, released once the header is decided. */
  private window: SheetRow[] = [];
  /** The last row number the window holds; 0 until the first non-blank row. */
  private windowEnd = 0;
  private decided = false;
  private body: LedgerBody | null = null;
  private titles: string[] = [];

  constructor(meta: SheetMeta, options: RecognizerOptions = {}) {
    // Only what recognition needs: a SheetInput passed as meta must not keep its rows alive.
    this.meta = { name: meta.name, merges: meta.merges };
    this.onLedger = options.onLedger;
    this.namedColumns = options.namedColumns ?? NO_NAMED_COLUMNS;
    this.settings = isSettingsSheet(meta.name) ? new SettingsSheetReader() : null;
  }

  push(row: SheetRow): void {
    if (this.settings) {
      this.settings.push(row);
      return;
    }
    if (!this.decided) {
      if (this.windowEnd === 0) {
        if (isBlankRow(row)) return;
        // The upper header row is one of the first HEADER_WINDOW rows; the lower one may be the next.
        this.windowEnd = row.row + HEADER_WINDOW;
      }
      if (row.row <= this.windowEnd) {
        this.window.push(row);
        return;
      }
      this.decide();
    }
    this.body?.push(row);
  }

  finish(): RecognizedSheet {
    const sheet = this.meta.name;
    if (this.settings) return { type: "settings", sheet, entries: this.settings.entries };
    if (!this.decided) this.decide();
    if (this.body) return { type: "ledger", ledger: this.body.finish() };
    return { type: "none", sheet, titles: this.titles };
  }

  private decide(): void {
    this.decided = true;
    const rows = this.window;
    this.window = [];
    const header = findHeader(rows, this.meta, this.namedColumns);
    if (!header) {
      this.titles = leadingTexts(rows);
      return;
    }
    const firstHeaderRow = header.rows[0];
    const lastHeaderRow = header.rows[header.rows.length - 1];
    const heading = readHeading(rows.filter((r) => r.row < firstHeaderRow));
    const sink = this.onLedger?.({ sheet: this.meta.name, kind: header.kind, columns: header.mapping.columns, sheetUnit: heading.sheetUnit });
    this.body = new LedgerBody(this.meta.name, header, heading, sink ?? null);
    for (const row of rows) if (row.row > lastHeaderRow) this.body.push(row);
  }
}

function isBlankRow(row: SheetRow): boolean {
  return row.values.every(isBlank);
}
