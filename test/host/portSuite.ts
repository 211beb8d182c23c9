/**
 * One behavioural suite for every host's WorkbookPort: what the pane relies on — check, jump to a
 * cell, highlight and exact clear (the user's own conditional formats, formatting and notes
 * untouched, also after a save and reopen), the 台账设置 sheet read and written, re-check after an
 * edit — asserted the same way whether the port runs over Office.js (test/excel) or WPS's object
 * model (test/wps). Each host gives a `Host`: documents built from the sample ledger and a view of
 * what its fake holds. What only one host has (round trips, requirement sets, payload limits) stays
 * in that host's own tests.
 */
import { checkWorkbook } from "../../src/core/check";
import { parseIsoDay, serialFromDay } from "../../src/core/day";
import { AS_OF_NAME } from "../../src/core/marks/asOf";
import { MARK_STYLES, type MarkKind } from "../../src/core/marks/mark";
import type { CheckResult } from "../../src/core/result";
import { RULES } from "../../src/core/rules/catalog";
import { SETTINGS_SHEET, type SettingsOverrides } from "../../src/core/settings";
import { VERIFICATION_SHEET } from "../../src/core/verify/sheet";
import { gridRows, type MergeArea, type WorkbookInput } from "../../src/core/sheet";
import { parseAreas } from "../../src/host/areas";
import { placeKey, WorkbookError, type WorkbookPort } from "../../src/host/port";
import { resetWorkbookSettings, type WorkbookSettings } from "../../src/host/runtimeState";
import { officeGrid, SAMPLE_NAME, SAMPLE_PLANTED, sampleSheets, sampleWorkbook, type SampleSheet } from "../sample/sampleLedger";
import { formulaEngine, shownCells, shownRows, type EngineBook } from "./formulaEngine";
import { summarySuite } from "./summarySuite";

export const PROJECTS = "项目台账";
/** The sample's as-of date is 2022-09-30 (its 台账设置 says so); "today" only matters without it. */
export const TODAY = new Date(2022, 9, 1);

export type Edge = "top" | "bottom" | "left" | "right";

/** One conditional format of ours as the user would see it: colours as #RRGGBB. */
export interface MarkView {
  readonly formula: string;
  readonly areas: readonly MergeArea[];
  /** The cell its relative references are relative to, as the host is documented or assumed to read them. */
  readonly anchor: { readonly row: number; readonly column: number };
  readonly fill: string | null;
  readonly font: string | null;
  readonly borders: Readonly<Record<Edge, { style: "Continuous"; color: string } | null>>;
}

/** A host's document under test, and what its fake lets a test see and do. */
export interface HostBook {
  port(options?: { debounceMs?: number }): WorkbookPort;
  /** A new session over the saved document. */
  reopen(): HostBook;
  /** Our conditional formats on a sheet, in priority order. */
  marks(sheet: string): MarkView[];
  /** The cells and defined names, as the formula engine reads them. */
  engineBook(): EngineBook;
  /** Adds a custom-formula conditional format as a user (or a paste of a marked cell) would, anchored at its first area. */
  addFormat(sheet: string, formula: string, areas: MergeArea[]): void;
  /** Inserts blank rows before row `at`, as the spreadsheet does: cells, merges, formats and their references move. */
  insertRows(sheet: string, at: number, count?: number): void;
  /** The conditional-format and defined-name writes made so far, named alike for every host: "add", "delete", "style", "name". */
  markWrites(): string[];
  /** Hides rows and columns of a sheet, or the sheet itself. */
  hide(sheet: string, what: { rows?: number[]; columns?: number[]; sheet?: boolean }): void;
  /** What is hidden of a sheet. */
  hidden(sheet: string): { sheet: boolean; rows: number[]; columns: number[] };
  /** The other conditional formats on a sheet, as plain data, in priority order. */
  userFormats(sheet: string): unknown[];
  /** Everything a user can see: every sheet's cells (values, formats, notes), conditional formats, merges. */
  visible(): unknown;
  /** Only the cells of every sheet. */
  cells(): unknown;
  /** A cell as stored: its value, whether it holds a formula, whether it is formatted as text, bold. */
  cell(sheet: string, row: number, column: number): { value: unknown; formula: boolean; text: boolean; bold: boolean };
  /** A cell's formula as written ("=…"), or null for a constant or a blank. */
  formulaText(sheet: string, row: number, column: number): string | null;
  /** The sheets in tab order. */
  sheetNames(): string[];
  /** The workbook-level defined names and their formulas. */
  definedNames(): { name: string; formula: string }[];
  /** Types into a cell by hand (a number stays a number, text stays text); `bold` formats it. */
  edit(sheet: string, row: number, column: number, value: string | number | null, format?: { bold?: boolean; date?: boolean }): void;
  usedCells(sheet: string): { row: number; column: number; value: unknown; formula: boolean; text: boolean }[];
  protect(sheet: string): void;
  deleteSheet(name: string): void;
  addSheets(sheets: readonly SampleSheet[]): void;
  /** The workbook saved with the 1904 date system: every date cell holds a 1904 serial. */
  use1904(): void;
  setActiveSheet(name: string): void;
  activeSheet(): string;
  selection(): { sheet: string; address: string } | null;
  fireChanged(sheet: string, address: string): Promise<void>;
  /** Change subscriptions the host holds. */
  subscribers(): number;
  /** Subscriptions that follow the 台账设置 sheet (Excel: worksheet.onChanged of it; WPS: SheetChange). */
  settingsSubscribers(): number;
  /** Recalculations the add-in asked for. */
  calculations(): number;
  /** The settings the ZS functions compute with now. */
  functionSettings(): WorkbookSettings;
  /** A ZS function runs in the functions' runtime, as a recalculation would call it (ZS.STARTSTATUS with an as-of date). */
  functionRan(): void;
  /** The n-th conditional format added fails (1-based), as the host's API would fail it. */
  failAdd(n: number): void;
  /** Setting a conditional format's font colour fails. */
  failStyle(): void;
  /** The recalculation fails. */
  failCalculate(): void;
}

export interface Host {
  readonly name: string;
  fromSheets(sheets: readonly SampleSheet[]): HostBook;
  /**
   * The sample as a unit keeps it, with formatting of its own: a bold grey header, blue amounts, a
   * note on a cell where the host has notes, and conditional formats of the user's (a cell-value
   * rule on 总投资 and a custom formula on 项目状态 of 项目台账, one on 外出招商).
   */
  formattedSample(): HostBook;
}

/** What the command line computes for the same sheets (the "office" form: serial dates, "" blanks). */
export function cliResult(sheets: readonly SampleSheet[], opts: { merges?: boolean } = {}): CheckResult {
  const input: WorkbookInput = {
    name: SAMPLE_NAME,
    dateSystem: 1900,
    sheets: sheets.map((s) => ({ name: s.name, merges: opts.merges === false ? undefined : s.merges, rows: gridRows(officeGrid(s.grid)) })),
  };
  return checkWorkbook(input, { today: TODAY });
}

export function comparable(r: CheckResult) {
  return { findings: r.findings, projects: r.projects, targets: r.targets, score: r.score, penalty: r.penalty, ledgers: r.ledgers, unit: [r.unitKind, r.unitName] };
}

const cellKey = (a1: string) => {
  const [a] = parseAreas(a1);
  return `${a.top},${a.left}`;
};

/** The kind a mark's formula carries in its marker. */
const kindOf = (formula: string): string | undefined => /"zsledger-mark:([a-z-]+)[:"]/.exec(formula)?.[1];

/** What the formula engine shows of a sheet's marks: the rows of each row mark, the cells of the error-cell marks. */
function shown(book: HostBook, sheet: string = PROJECTS) {
  const engine = formulaEngine(book.engineBook(), TODAY);
  const marks = book.marks(sheet);
  const of = (kind: MarkKind) => marks.filter((m) => kindOf(m.formula) === kind);
  return {
    engine,
    alert: shownRows(engine, sheet, of("start-alert")),
    soon: shownRows(engine, sheet, of("start-soon")),
    errors: shownCells(engine, sheet, of("error-cell")),
  };
}

/** What a failing call rejects with. */
const failure = (call: Promise<unknown>) => call.then(() => null, (e: unknown) => e as WorkbookError);

/** Lets promise chains (a subscription's registration) run. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const day = (iso: string) => parseIsoDay(iso)!;

/** Checks the workbook and marks the result; resolves to the check's result. */
type Marking = (port: WorkbookPort) => Promise<CheckResult>;
const MARKINGS: [string, Marking][] = [
  ["checkAndHighlight", (port) => port.checkAndHighlight()],
  [
    "check, then highlight",
    async (port) => {
      const result = await port.check();
      await port.highlight(result);
      return result;
    },
  ],
];

/** The port's calls that read the workbook and return a check's result. */
const READS: [string, (port: WorkbookPort) => Promise<CheckResult>][] = [
  ["check", (port) => port.check()],
  ["checkAndHighlight", (port) => port.checkAndHighlight()],
];

export function portSuite(host: Host): void {
  beforeEach(() => resetWorkbookSettings());
  summarySuite(host);

  describe.each(READS)(`reading the workbook in ${host.name} (%s)`, (_name, read) => {
    test("gives the same result as the command line's path on the sample ledger", async () => {
      const result = await read(host.fromSheets(sampleSheets()).port());
      const cli = checkWorkbook(sampleWorkbook("office"), { today: TODAY });
      expect(comparable(result)).toEqual(comparable(cli));
      expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`).sort()).toEqual(SAMPLE_PLANTED.map((p) => `${p.sheet}!${p.cell} ${p.rule}`).sort());
    });

    test("reads a used range that does not start at A1 into the right rows and columns, and a blank sheet as none", async () => {
      const sheets = sampleSheets();
      const trips = sheets.find((s) => s.name === "外出招商")!;
      trips.grid = [[], [], ...trips.grid.map((r) => [null, ...r])];
      trips.merges = trips.merges.map((m) => ({ top: m.top + 2, left: m.left + 1, bottom: m.bottom + 2, right: m.right + 1 }));
      sheets.push({ name: "空白", grid: [], merges: [] });
      const result = await read(host.fromSheets(sheets).port());
      expect(comparable(result)).toEqual(comparable(cliResult(sheets)));
      expect(result.targets.find((t) => t.id === "trips-deputy")?.met).toBe(true);
    });

    test("reads the 1904 date system without writing anything, and reads dates by it", async () => {
      const sheets = sampleSheets();
      const book = host.fromSheets(sheets);
      book.use1904();
      const before = JSON.stringify(book.cells());
      const result = await read(book.port());
      expect(comparable(result)).toEqual(comparable(cliResult(sheets)));
      expect(JSON.stringify(book.cells())).toBe(before);
    });

    test("a sheet deleted or added between two reads is noticed", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port();
      await read(port);
      book.deleteSheet("客商邀请");
      expect((await read(port)).targets.find((t) => t.id === "invitations")?.met).toBeNull();
      book.addSheets(sampleSheets().filter((s) => s.name === "客商邀请"));
      expect((await read(port)).targets.find((t) => t.id === "invitations")?.met).toBe(true);
    });
  });

  describe.each(MARKINGS)(`highlight in ${host.name} by %s`, (_name, mark) => {
    test("marks start-date statuses by row and error cells, in DOMAIN.md's colours", async () => {
      const book = host.formattedSample();
      await mark(book.port());
      const marks = book.marks(PROJECTS);
      const alert = marks.filter((m) => kindOf(m.formula) === "start-alert");
      const soon = marks.filter((m) => kindOf(m.formula) === "start-soon");
      const errors = marks.filter((m) => kindOf(m.formula) === "error-cell");
      // The sample's 签约 rows: J8 has no planned start, J9 is overdue, J10 is due soon; the live
      // formats lie over every data row (and the 合计 row below them), their formulas decide.
      const seen = shown(book);
      expect(seen.alert).toEqual([8, 9]);
      expect(seen.soon).toEqual([10]);
      // whole rows of the used range, the data rows and the 合计 row 32 (row 23 is a section label)
      expect(alert.flatMap((m) => m.areas)).toEqual([
        { top: 6, left: 1, bottom: 22, right: 16 },
        { top: 24, left: 1, bottom: 32, right: 16 },
      ]);
      expect(alert[0]).toMatchObject({ fill: MARK_STYLES["start-alert"].fill, font: MARK_STYLES["start-alert"].font });
      expect(soon[0]).toMatchObject({ fill: MARK_STYLES["start-soon"].fill, font: MARK_STYLES["start-soon"].font });

      // every error finding's cell, except missing-column's (its rule reads the header, not the row)
      const plantedErrors = SAMPLE_PLANTED.filter((p) => p.sheet === PROJECTS && RULES[p.rule].severity === "error" && p.rule !== "missing-column").map((p) => cellKey(p.cell));
      expect(seen.errors).toEqual([...new Set(plantedErrors)].sort());
      for (const m of errors) {
        expect(m.fill).toBeNull();
        expect(m.font).toBe(MARK_STYLES["error-cell"].font);
        for (const edge of ["top", "bottom", "left", "right"] as const) expect(m.borders[edge]).toEqual({ style: "Continuous", color: "#C00000" });
      }
      expect(book.marks("外出招商")).toEqual([]);
    });

    test("highlight then clear leaves every cell, note and user's conditional format exactly as before", async () => {
      const book = host.formattedSample();
      const before = book.visible();
      const cells = JSON.stringify(book.cells());
      const port = book.port();
      await mark(port);
      expect(book.visible()).not.toEqual(before); // it did mark something
      expect(JSON.stringify(book.cells())).toBe(cells);
      await port.clear();
      expect(book.visible()).toEqual(before);
    });

    test("clear finds and removes the marks after the workbook was saved and reopened", async () => {
      const book = host.formattedSample();
      const before = book.visible();
      await mark(book.port());
      const reopened = book.reopen();
      expect(reopened.marks(PROJECTS).length).toBeGreaterThan(0);
      await reopened.port().clear();
      expect(reopened.visible()).toEqual(before);
    });

    test("highlighting again replaces the marks instead of stacking them; the user's formats keep their order", async () => {
      const book = host.formattedSample();
      const user = JSON.stringify(book.userFormats(PROJECTS));
      const port = book.port();
      await mark(port);
      const first = JSON.stringify(book.marks(PROJECTS));
      await mark(port);
      expect(JSON.stringify(book.marks(PROJECTS))).toBe(first);
      expect(JSON.stringify(book.userFormats(PROJECTS))).toBe(user);
      const reopened = book.reopen();
      await mark(reopened.port());
      expect(JSON.stringify(reopened.marks(PROJECTS))).toBe(first);
    });
  });

  describe.each(MARKINGS)(`highlight failures in ${host.name} leave nothing half-applied (%s)`, (_name, mark) => {
    test("a protected sheet: a Chinese message naming it, and no mark anywhere", async () => {
      const book = host.formattedSample();
      const port = book.port();
      await port.check();
      book.protect(PROJECTS);
      const before = book.visible();
      const error = (await failure(mark(port))) as WorkbookError;
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toContain("工作表“项目台账”受保护，无法添加标记，本次没有做任何修改");
      expect(error.messageEn).toContain('Sheet "项目台账" is protected');
      expect(book.visible()).toEqual(before);
    });

    test("clear on a protected sheet with marks: refused before anything is deleted", async () => {
      const book = host.formattedSample();
      const port = book.port();
      await mark(port);
      book.protect(PROJECTS);
      const marked = book.visible();
      const error = (await failure(port.clear())) as WorkbookError;
      expect(error.message).toContain("工作表“项目台账”受保护，无法清除标记");
      expect(book.visible()).toEqual(marked);
    });

    test("an error part-way through the write: the marks already written are removed again", async () => {
      const book = host.formattedSample();
      const before = book.visible();
      const port = book.port();
      await port.check();
      book.failAdd(2);
      const error = (await failure(mark(port))) as WorkbookError;
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toMatch(/^标记失败：/);
      expect(error.message).toContain("已撤回本次写入的全部标记");
      expect(book.visible()).toEqual(before);
    });

    test("an error while replacing an earlier highlight leaves the workbook unmarked, the user's formats intact", async () => {
      const book = host.formattedSample();
      const user = JSON.stringify(book.userFormats(PROJECTS));
      const port = book.port();
      await mark(port);
      // 总投资 of row 17 rewritten, still unreadable: its error cell's mark is replaced, and that write fails
      book.edit(PROJECTS, 17, 5, "未定");
      const cells = JSON.stringify(book.cells());
      book.failStyle();
      const error = (await failure(mark(port))) as WorkbookError;
      expect(error.message).toContain("已撤回本次写入的全部标记");
      expect(JSON.stringify(book.cells())).toBe(cells);
      expect(book.marks(PROJECTS)).toEqual([]);
      expect(book.engineBook().names()).toEqual([]);
      expect(JSON.stringify(book.userFormats(PROJECTS))).toBe(user);
    });
  });

  describe(`highlight in ${host.name}`, () => {
    test("a user's own custom formula is never taken for ours", async () => {
      const book = host.formattedSample();
      const user = JSON.stringify([book.userFormats(PROJECTS), book.userFormats("外出招商")]);
      const port = book.port();
      await port.check();
      await port.clear();
      expect(JSON.stringify([book.userFormats(PROJECTS), book.userFormats("外出招商")])).toBe(user);
      expect(book.userFormats(PROJECTS)).toHaveLength(2);
    });

    test("highlight of a result whose sheet was deleted after the check: a clear message, and no mark anywhere", async () => {
      const book = host.formattedSample();
      const port = book.port();
      const result = await port.check();
      book.deleteSheet(PROJECTS);
      const before = book.visible();
      const error = (await failure(port.highlight(result))) as WorkbookError;
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toContain("找不到工作表“项目台账”（可能已被删除或重命名），本次没有做任何标记");
      expect(book.visible()).toEqual(before);
    });
  });

  /** The sample, highlighted by a port that is then dropped: the pane closed. */
  const highlighted = async (): Promise<HostBook> => {
    const book = host.formattedSample();
    await book.port().checkAndHighlight();
    return book;
  };
  const AS_IS: [string, (b: HostBook) => HostBook][] = [
    ["as it is", (b) => b],
    ["after a save and reopen (marks kept, the pane's state lost)", (b) => b.reopen()],
  ];
  /** A date as a date cell holds it (1900 serial). */
  const serial = (iso: string) => serialFromDay(day(iso), 1900);
  const typeDate = (book: HostBook, row: number, column: number, iso: string) => book.edit(PROJECTS, row, column, serial(iso), { date: true });

  describe(`marks that stay true in ${host.name}: each formula evaluated by a formula engine on the cells as they are`, () => {
    test("right after highlighting, each mark shows exactly where the check puts it; the as-of is 台账设置's cell, through the defined name", async () => {
      const book = await highlighted();
      const seen = shown(book);
      expect(seen.alert).toEqual([8, 9]);
      expect(seen.soon).toEqual([10]);
      const plantedErrors = SAMPLE_PLANTED.filter((p) => p.sheet === PROJECTS && RULES[p.rule].severity === "error" && p.rule !== "missing-column").map((p) => cellKey(p.cell));
      expect(seen.errors).toEqual([...new Set(plantedErrors)].sort());
      expect(book.engineBook().names()).toEqual([{ name: AS_OF_NAME, formula: expect.stringContaining("'台账设置'!$B$") }]);
      expect(seen.engine.evaluate(PROJECTS, AS_OF_NAME)).toBe(serial("2022-09-30"));
    });

    test.each(AS_IS)("%s: filling the missing planned start turns its marks off, with no re-check", async (_name, after) => {
      const book = after(await highlighted());
      typeDate(book, 8, 10, "2023-05-01"); // a planned start months ahead: pending
      expect(shown(book).alert).toEqual([9]);
      expect(shown(book).errors).not.toContain(cellKey("J8"));
      expect(shown(book).errors).toContain(cellKey("J9"));
      typeDate(book, 8, 10, "2022-09-01"); // before the as-of date: overdue, shown live
      expect(shown(book).alert).toEqual([8, 9]);
      typeDate(book, 8, 10, "2022-10-05"); // within the due-soon days
      expect(shown(book).alert).toEqual([9]);
      expect(shown(book).soon).toEqual([8, 10]);
      typeDate(book, 8, 11, "2022-09-20"); // started: nothing on the row
      expect(shown(book).soon).toEqual([10]);
    });

    test.each(AS_IS)("%s: a newly signed row without a planned start lights up, the add-in closed", async (_name, after) => {
      const book = after(await highlighted());
      book.edit(PROJECTS, 24, 6, "签约"); // 在谈 → 签约 on row 24, no planned start
      expect(shown(book).alert).toEqual([8, 9, 24]);
      expect(shown(book).errors).toContain(cellKey("J24"));
      // a new row typed in above the 合计 row (a row inserted there falls inside the marked areas)
      book.insertRows(PROJECTS, 32);
      book.edit(PROJECTS, 32, 1, 26);
      book.edit(PROJECTS, 32, 2, "新材料项目");
      book.edit(PROJECTS, 32, 5, 8000);
      book.edit(PROJECTS, 32, 6, "签约");
      expect(shown(book).alert).toEqual([8, 9, 24, 32]);
      typeDate(book, 32, 10, "2022-10-01");
      expect(shown(book).alert).toEqual([8, 9, 24]);
      expect(shown(book).soon).toEqual([10, 32]);
    });

    test.each(AS_IS)("%s: a row inserted into a marked run is not marked; the rows around it keep theirs", async (_name, after) => {
      const book = after(await highlighted());
      book.insertRows(PROJECTS, 9); // between row 8 (no planned start) and row 9 (overdue)
      const seen = shown(book);
      expect(seen.alert).toEqual([8, 10]);
      expect(seen.soon).toEqual([11]);
      expect(seen.errors.some((k) => k.startsWith("9,"))).toBe(false);
      // the error cells below moved with their rows and still show
      expect(seen.errors).toContain(cellKey("E18")); // invalid-amount, was E17
      expect(seen.errors).toContain(cellKey("J10")); // overdue, was J9
    });

    test("an error cell's mark holds while the cells its rule reads are unchanged, and no longer", async () => {
      const book = await highlighted();
      expect(shown(book).errors).toContain(cellKey("E17")); // 总投资 待定
      book.edit(PROJECTS, 17, 5, 6000);
      expect(shown(book).errors).not.toContain(cellKey("E17"));
      expect(shown(book).errors).toContain(cellKey("K12")); // 开工 without an actual start
      typeDate(book, 12, 11, "2022-08-03");
      expect(shown(book).errors).not.toContain(cellKey("K12"));
      book.edit(PROJECTS, 12, 11, null);
      expect(shown(book).errors).toContain(cellKey("K12"));
      expect(shown(book).errors).toContain(cellKey("E31")); // 总投资 blank
      book.edit(PROJECTS, 31, 5, 1000);
      expect(shown(book).errors).not.toContain(cellKey("E31"));
    });

    test("a text date the formula cannot read: the mark holds only while the cells are as they were", async () => {
      const book = host.formattedSample();
      book.edit(PROJECTS, 8, 10, "2022.9.20"); // a text date the core reads as 2022-09-20: overdue
      await book.port().checkAndHighlight();
      expect(shown(book).alert).toEqual([8, 9]);
      book.edit(PROJECTS, 8, 10, "2022.10.20"); // changed: the guard no longer holds (the core would say pending)
      expect(shown(book).alert).toEqual([9]);
      book.edit(PROJECTS, 8, 10, "2022.9.20");
      expect(shown(book).alert).toEqual([8, 9]);
    });

    test("editing 统计截止日 in 台账设置 moves the live marks, through the defined name", async () => {
      const book = await highlighted();
      const row = book.usedCells(SETTINGS_SHEET).find((c) => c.value === "统计截止日")!.row;
      book.edit(SETTINGS_SHEET, row, 2, "2022-09-10"); // earlier: row 9 (planned 09-15) is due soon, not overdue
      expect(shown(book).alert).toEqual([8]);
      expect(shown(book).soon).toEqual([9]);
    });
  });

  describe(`writes only when something changed in ${host.name}`, () => {
    const marked = async () => {
      const book = host.formattedSample();
      const port = book.port();
      await port.checkAndHighlight();
      return { book, port, from: book.markWrites().length };
    };

    test("an edit that changes no finding: no conditional format or name is written", async () => {
      const { book, port, from } = await marked();
      const marks = JSON.stringify(book.marks(PROJECTS));
      book.edit(PROJECTS, 6, 16, "投洽会现场签约，已办理环评"); // 备注
      await port.checkAndHighlight();
      expect(book.markWrites().slice(from)).toEqual([]);
      expect(JSON.stringify(book.marks(PROJECTS))).toBe(marks);
    });

    test("filling the missing planned start changes findings but no mark: still nothing written (the live marks follow by themselves)", async () => {
      const { book, port, from } = await marked();
      typeDate(book, 8, 10, "2023-03-15");
      const result = await port.checkAndHighlight();
      expect(result.findings.some((f) => f.cell === "J8")).toBe(false);
      expect(book.markWrites().slice(from)).toEqual([]);
    });

    test("an edit that changes one finding: only that finding's mark is written, and back", async () => {
      const { book, port, from } = await marked();
      const before = book.marks(PROJECTS).map((m) => m.formula);
      book.edit(PROJECTS, 12, 5, "待定"); // 总投资 of row 12 becomes unreadable: a new invalid-amount
      const result = await port.checkAndHighlight();
      expect(result.findings.filter((f) => f.cell === "E12").map((f) => f.rule)).toEqual(["invalid-amount"]);
      const writes = book.markWrites().slice(from);
      expect(writes.filter((w) => w === "add")).toHaveLength(1);
      expect(writes.filter((w) => w === "delete" || w === "name")).toEqual([]);
      const added = book.marks(PROJECTS).filter((m) => !before.includes(m.formula));
      expect(added.map((m) => m.areas)).toEqual([[{ top: 12, left: 5, bottom: 12, right: 5 }]]);

      book.edit(PROJECTS, 12, 5, 6000);
      const back = book.markWrites().length;
      await port.checkAndHighlight();
      expect(book.markWrites().slice(back)).toEqual(["delete"]);
      expect(book.marks(PROJECTS).map((m) => m.formula).sort()).toEqual([...before].sort());
    });

    test("after a save and reopen, a fresh pane finds its marks as planned and writes nothing", async () => {
      const { book } = await marked();
      const reopened = book.reopen();
      const from = reopened.markWrites().length;
      await reopened.port().checkAndHighlight();
      expect(reopened.markWrites().slice(from)).toEqual([]);
    });

    test("the first version's always-true marks and a pasted copy of a mark are replaced, the user's formats kept", async () => {
      const { book, port } = await marked();
      const planned = book.marks(PROJECTS).map((m) => m.formula).sort();
      const user = JSON.stringify(book.userFormats(PROJECTS));
      book.addFormat(PROJECTS, '=ISTEXT("zsledger-mark:start-alert")', [{ top: 8, left: 1, bottom: 9, right: 16 }]);
      book.addFormat(PROJECTS, book.marks(PROJECTS)[0].formula, [{ top: 40, left: 1, bottom: 40, right: 16 }]);
      const from = book.markWrites().length;
      await port.checkAndHighlight();
      const writes = book.markWrites().slice(from);
      expect(writes.filter((w) => w === "delete")).toHaveLength(3);
      expect(writes.filter((w) => w === "add")).toHaveLength(1);
      expect(book.marks(PROJECTS).map((m) => m.formula).sort()).toEqual(planned);
      expect(JSON.stringify(book.userFormats(PROJECTS))).toBe(user);
    });

    test("the as-of name is rewritten only when its source changes", async () => {
      const { book, port } = await marked();
      const name = () => book.engineBook().names().find((n) => n.name === AS_OF_NAME)!.formula;
      expect(name()).toContain("台账设置");
      const from = book.markWrites().length;
      await port.checkAndHighlight({ asOf: day("2022-10-15") }); // the pane's own as-of
      expect(name()).toBe("=DATE(2022,10,15)");
      expect(book.markWrites().slice(from)).toContain("name");
    });
  });

  describe(`hidden places in ${host.name}`, () => {
    const checkedWith = async (hide: (book: HostBook) => void) => {
      const book = host.formattedSample();
      hide(book);
      const port = book.port();
      const result = await port.check();
      const places = result.findings.filter((f) => f.cell).map((f) => ({ sheet: f.sheet, cell: f.cell }));
      return { book, port, places };
    };

    test("a hidden row and a hidden column: only the findings in them, each with its reason", async () => {
      const { port, places } = await checkedWith((b) => b.hide(PROJECTS, { rows: [17], columns: [9] }));
      const hidden = await port.hiddenPlaces(places);
      expect([...hidden].sort()).toEqual(
        [
          ["项目台账!E17", "row"],
          ["项目台账!I18", "column"],
          ["项目台账!I20", "column"],
          ["项目台账!I22", "column"],
          ["项目台账!I25", "column"],
        ].sort(),
      );
    });

    test("showing a finding in a hidden row unhides that row alone, then selects the cell", async () => {
      const { book, port } = await checkedWith((b) => {
        b.hide(PROJECTS, { rows: [16, 17, 18], columns: [5] });
        b.setActiveSheet("外出招商");
      });
      await port.reveal(PROJECTS, "E17");
      expect(book.hidden(PROJECTS)).toEqual({ sheet: false, rows: [16, 18], columns: [] });
      expect(book.activeSheet()).toBe(PROJECTS);
      expect(book.selection()).toEqual({ sheet: PROJECTS, address: "E17" });
      expect(await port.hiddenPlaces([{ sheet: PROJECTS, cell: "E17" }])).toEqual(new Map());
    });

    test("a finding on a hidden sheet: said of every finding there; showing one makes the sheet visible", async () => {
      const { book, port, places } = await checkedWith((b) => {
        b.hide(PROJECTS, { sheet: true });
        b.setActiveSheet("外出招商");
      });
      const hidden = await port.hiddenPlaces(places);
      expect(hidden.size).toBe(new Set(places.filter((p) => p.sheet === PROJECTS).map(placeKey)).size);
      expect(hidden.get(placeKey({ sheet: PROJECTS, cell: "J9" }))).toBe("sheet");
      await port.reveal(PROJECTS, "J9");
      expect(book.hidden(PROJECTS).sheet).toBe(false);
      expect(book.selection()).toEqual({ sheet: PROJECTS, address: "J9" });
    });

    test("nothing hidden: an empty answer; a sheet that is gone is left out", async () => {
      const { port, places } = await checkedWith(() => undefined);
      expect(await port.hiddenPlaces(places)).toEqual(new Map());
      expect(await port.hiddenPlaces([{ sheet: "已删除的表", cell: "A1" }])).toEqual(new Map());
    });
  });

  describe(`select in ${host.name}`, () => {
    test("activates the finding's sheet and selects its cell", async () => {
      const book = host.fromSheets(sampleSheets());
      book.setActiveSheet("外出招商");
      const port = book.port();
      const finding = (await port.check()).findings.find((f) => f.rule === "overdue-start")!;
      await port.select(finding.sheet, finding.cell);
      expect(book.activeSheet()).toBe(PROJECTS);
      expect(book.selection()).toEqual({ sheet: PROJECTS, address: "J9" });
    });

    test("a workbook-level finding (no sheet) selects nothing and does not fail", async () => {
      const book = host.fromSheets(sampleSheets());
      const before = [book.activeSheet(), book.selection()];
      await book.port().select("", "");
      expect([book.activeSheet(), book.selection()]).toEqual(before);
    });

    test("a sheet that is gone gives a Chinese message", async () => {
      const error = (await failure(host.fromSheets(sampleSheets()).port().select("已删除的表", "A1"))) as WorkbookError;
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toMatch(/^定位单元格失败：找不到工作表或单元格/);
    });
  });

  describe(`edits in ${host.name}`, () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    test("calls back once when edits pause, not once per edit", async () => {
      const book = host.fromSheets(sampleSheets());
      const callback = jest.fn();
      const off = book.port({ debounceMs: 800 }).onChanged(callback);
      await settle();
      expect(book.subscribers()).toBe(1);
      await book.fireChanged(PROJECTS, "E6");
      jest.advanceTimersByTime(500);
      await book.fireChanged(PROJECTS, "E7");
      jest.advanceTimersByTime(500);
      await book.fireChanged(PROJECTS, "E8");
      expect(callback).not.toHaveBeenCalled();
      jest.advanceTimersByTime(800);
      expect(callback).toHaveBeenCalledTimes(1);
      off();
      await settle();
      expect(book.subscribers()).toBe(0);
    });

    test("unsubscribing cancels a pending callback, also before the subscription was registered", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port();
      const callback = jest.fn();
      port.onChanged(callback)(); // at once
      await settle();
      expect(book.subscribers()).toBe(0);
      const off = port.onChanged(callback);
      await settle();
      await book.fireChanged(PROJECTS, "E6");
      off();
      jest.advanceTimersByTime(5_000);
      expect(callback).not.toHaveBeenCalled();
    });

    test("an edit calls back, and the re-check sees it: J8 given a planned start is no longer missing one", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port({ debounceMs: 800 });
      const first = await port.check();
      expect(first.findings.some((f) => f.cell === "J8" && f.rule === "missing-planned-start")).toBe(true);
      const callback = jest.fn();
      const off = port.onChanged(callback);
      await settle();
      book.edit(PROJECTS, 8, 10, 44_896, { date: true }); // 2022-12-01
      await book.fireChanged(PROJECTS, "J8");
      jest.advanceTimersByTime(800);
      expect(callback).toHaveBeenCalledTimes(1);
      const again = await port.check();
      expect(again.findings.some((f) => f.cell === "J8")).toBe(false);
      expect(again.findings.length).toBe(first.findings.length - 1);
      off();
    });
  });

  describe(`台账设置 edited by hand in ${host.name}`, () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());
    /** Lets a reload run to its end: several round trips, each a few promise turns. */
    const drain = async () => {
      for (let i = 0; i < 60; i++) await Promise.resolve();
    };
    /** Types a new 统计截止日 (row 4 of the sample's 台账设置) and lets the change event fire on `firedOn`. */
    const editAsOf = async (book: HostBook, iso: string, firedOn = SETTINGS_SHEET, row = 4) => {
      book.edit(SETTINGS_SHEET, row, 2, iso);
      await book.fireChanged(firedOn, `B${row}`);
      await drain();
      jest.advanceTimersByTime(800);
      await drain();
    };

    test("reaches the functions once edits pause; recalculates only once a ZS function has run; other sheets' edits do not reload", async () => {
      const book = host.fromSheets(sampleSheets());
      const off = book.port({ debounceMs: 800 }).watchSettings();
      await drain();
      expect(book.settingsSubscribers()).toBeGreaterThan(0);

      await editAsOf(book, "2022-09-10");
      expect(book.functionSettings().overrides.asOf).toBe(day("2022-09-10"));
      expect(book.calculations()).toBe(0);

      book.functionRan();
      await editAsOf(book, "2022-09-20");
      expect(book.functionSettings().overrides.asOf).toBe(day("2022-09-20"));
      expect(book.calculations()).toBe(1);

      // An edit of the ledger is no edit of the settings: nothing is reloaded (the sheet's 9-25 stays unseen).
      await editAsOf(book, "2022-09-25", PROJECTS);
      expect(book.functionSettings().overrides.asOf).toBe(day("2022-09-20"));
      expect(book.calculations()).toBe(1);

      off();
      await drain();
      expect(book.settingsSubscribers()).toBe(0);
      await editAsOf(book, "2022-09-26");
      expect(book.functionSettings().overrides.asOf).toBe(day("2022-09-20"));
    });

    test("several edits in a row: one reload, one recalculation", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port({ debounceMs: 800 });
      await port.loadSettings();
      book.functionRan();
      const off = port.watchSettings();
      await drain();
      for (const iso of ["2022-09-11", "2022-09-12", "2022-09-13"]) {
        book.edit(SETTINGS_SHEET, 4, 2, iso);
        await book.fireChanged(SETTINGS_SHEET, "B4");
        jest.advanceTimersByTime(300);
      }
      jest.advanceTimersByTime(800);
      await drain();
      expect(book.functionSettings().overrides.asOf).toBe(day("2022-09-13"));
      expect(book.calculations()).toBe(1);
      off();
    });

    test("a 台账设置 created after the watch started is followed too", async () => {
      const book = host.fromSheets(sampleSheets().filter((s) => s.name !== SETTINGS_SHEET));
      const port = book.port({ debounceMs: 800 });
      const off = port.watchSettings();
      await drain();
      await port.saveSettings({ asOf: day("2022-09-30") }); // the pane's first save creates the sheet
      await drain();
      jest.advanceTimersByTime(800);
      await drain();
      expect(book.cell(SETTINGS_SHEET, 2, 1).value).toBe("统计截止日"); // the row the pane wrote
      await editAsOf(book, "2022-09-05", SETTINGS_SHEET, 2);
      expect(book.functionSettings().overrides.asOf).toBe(day("2022-09-05"));
      off();
    });
  });

  describe(`台账设置 in ${host.name}`, () => {
    const FULL: SettingsOverrides = {
      unitName: "岱岳区经济开发区",
      unitKind: "park",
      asOf: day("2022-09-15"),
      windowStart: day("2022-08-01"),
      windowEnd: day("2022-09-30"),
      planDeadline: day("2022-09-15"),
      dueSoonDays: 10,
      projectPoints: 2.5,
      fairBonus: 1,
      tripPoints: 0.5,
      annualTask: 120000,
    };
    const SAMPLE_SETTINGS = { unitName: "财源街道", unitKind: "town", asOf: day("2022-09-30") };
    const withoutSettingsSheet = () => host.fromSheets(sampleSheets().filter((s) => s.name !== SETTINGS_SHEET));

    test("write then read gives back every setting; the sheet is created with its 项目 | 值 header", async () => {
      const book = withoutSettingsSheet();
      const port = book.port();
      expect(await port.loadSettings()).toEqual({});
      await port.saveSettings(FULL);
      expect([book.cell(SETTINGS_SHEET, 1, 1).value, book.cell(SETTINGS_SHEET, 1, 2).value]).toEqual(["项目", "值"]);
      expect(await port.loadSettings()).toEqual(FULL);
      expect(await book.reopen().port().loadSettings()).toEqual(FULL);
    });

    test("values are stored as text: dates stay 2022-09-15, numbers stay as typed, = is never a formula", async () => {
      const book = withoutSettingsSheet();
      const port = book.port();
      await port.saveSettings({ ...FULL, unitName: '=HYPERLINK("http://example.invalid","点击")' });
      const cells = book.usedCells(SETTINGS_SHEET);
      expect(cells.every((c) => !c.formula && typeof c.value === "string" && c.text)).toBe(true);
      const shown = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [book.cell(SETTINGS_SHEET, i + 1, 1).value, book.cell(SETTINGS_SHEET, i + 1, 2).value]));
      expect(shown["统计截止日"]).toBe("2022-09-15");
      expect(shown["每个签约项目分值"]).toBe("2.5");
      expect(shown["单位名称"]).toBe('=HYPERLINK("http://example.invalid","点击")');
      expect((await port.loadSettings()).unitName).toBe('=HYPERLINK("http://example.invalid","点击")');
    });

    test("saving hands the settings to the functions, with the date system; it recalculates only a change, once a ZS function has run", async () => {
      const book = withoutSettingsSheet();
      book.use1904();
      const port = book.port();
      await port.saveSettings(FULL);
      expect(book.calculations()).toBe(0); // no ZS function has run: no ZS result to refresh
      expect(book.functionSettings().overrides).toEqual(FULL);
      expect(book.functionSettings().dateSystem).toBe(1904);
      book.functionRan();
      await port.saveSettings({ ...FULL, dueSoonDays: 7 });
      expect(book.calculations()).toBe(1);
      await port.saveSettings({ ...FULL, dueSoonDays: 7 }); // saved again unchanged
      expect(book.calculations()).toBe(1);
    });

    test("loading hands the sheet's settings to the functions", async () => {
      const book = host.fromSheets(sampleSheets());
      const loaded = await book.port().loadSettings();
      expect(loaded).toEqual(SAMPLE_SETTINGS);
      expect(book.functionSettings().overrides).toEqual(loaded);
    });

    test("a runtime start whose settings differ costs no recalculation while no ZS function has run; a change after one has costs one", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port();
      await port.loadSettings(); // the runtime starts: the sheet's settings differ from none
      expect(book.calculations()).toBe(0);
      expect(book.functionSettings().overrides).toEqual(SAMPLE_SETTINGS);
      book.functionRan();
      await port.loadSettings(); // the pane opened again on the same settings
      expect(book.calculations()).toBe(0);
      book.edit(SETTINGS_SHEET, 4, 2, "2022-09-10"); // 统计截止日 edited by hand
      await port.loadSettings();
      expect(book.calculations()).toBe(1);
      expect(book.functionSettings().overrides.asOf).toBe(day("2022-09-10"));

      resetWorkbookSettings();
      const plain = withoutSettingsSheet();
      plain.functionRan();
      expect(await plain.port().loadSettings()).toEqual({});
      expect(plain.calculations()).toBe(0);
    });

    test("a failed recalculation after loading leaves the functions' settings as they were", async () => {
      const book = host.fromSheets(sampleSheets());
      book.functionRan();
      book.failCalculate();
      const error = (await failure(book.port().loadSettings())) as WorkbookError;
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toMatch(/^读取台账设置失败：/);
      expect(book.functionSettings().overrides).toEqual({});
    });

    test("rewriting an existing sheet replaces the settings, keeps the user's notes and formats, and the check follows", async () => {
      const book = host.fromSheets(sampleSheets());
      book.edit(SETTINGS_SHEET, 6, 1, "备注");
      book.edit(SETTINGS_SHEET, 6, 2, "由经发办填写");
      book.edit(SETTINGS_SHEET, 2, 1, "单位名称", { bold: true });
      const port = book.port();
      expect((await port.check()).projects.find((p) => p.row === 9)?.status).toBe("overdue");

      // an earlier as-of date: 计划开工 2022-09-15 of row 9 is then still ahead
      const changed = { ...(await port.loadSettings()), asOf: day("2022-09-10"), dueSoonDays: 7 };
      await port.saveSettings(changed);
      expect(await port.loadSettings()).toEqual(changed);
      const rowsWith = (text: string) => book.usedCells(SETTINGS_SHEET).filter((c) => c.value === text).map((c) => c.row);
      expect([book.cell(SETTINGS_SHEET, 1, 1).value, book.cell(SETTINGS_SHEET, 1, 2).value]).toEqual(["项目", "值"]);
      expect(rowsWith("统计截止日")).toHaveLength(1);
      const [noteRow] = rowsWith("备注");
      expect(book.cell(SETTINGS_SHEET, noteRow, 2).value).toBe("由经发办填写");
      expect(book.cell(SETTINGS_SHEET, 2, 1).bold).toBe(true);

      const after = await port.check();
      expect(after.settings.asOf).toBe(day("2022-09-10"));
      expect(after.projects.find((p) => p.row === 9)?.status).toBe("due-soon");
    });

    test("removing a setting removes its row, so the default applies again", async () => {
      const book = withoutSettingsSheet();
      const port = book.port();
      await port.saveSettings(FULL);
      const { annualTask: _dropped, ...rest } = FULL;
      await port.saveSettings(rest);
      expect(await port.loadSettings()).toEqual(rest);
    });

    test("a failed save restores the functions' settings and says so in Chinese", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port();
      const loaded = await port.loadSettings();
      book.functionRan();
      book.failCalculate();
      const error = (await failure(port.saveSettings({ ...loaded, dueSoonDays: 3 }))) as WorkbookError;
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toMatch(/^保存台账设置失败：/);
      expect(book.functionSettings().overrides).toEqual(loaded);
    });

    test("the 列名对照 section and notes survive a save, below the settings; its field words are never taken for settings", async () => {
      const book = host.fromSheets(sampleSheets());
      book.edit(SETTINGS_SHEET, 7, 1, "列名对照");
      book.edit(SETTINGS_SHEET, 8, 1, "单位");
      book.edit(SETTINGS_SHEET, 8, 2, "责任科室");
      book.edit(SETTINGS_SHEET, 9, 1, "计划开工日期");
      book.edit(SETTINGS_SHEET, 9, 2, "拟开工时间");
      const port = book.port();
      const loaded = await port.loadSettings();
      expect(loaded.unitName).toBe("财源街道"); // not 责任科室
      await port.saveSettings({ ...loaded, dueSoonDays: 7 });
      const rows = book.usedCells(SETTINGS_SHEET);
      const rowOf = (text: string) => rows.find((c) => c.value === text)?.row;
      expect(rowOf("列名对照")).toBeGreaterThan(rowOf("临近开工天数")!);
      expect([rowOf("单位"), rowOf("责任科室")]).toEqual([rowOf("列名对照")! + 1, rowOf("列名对照")! + 1]);
      expect(rowOf("拟开工时间")).toBe(rowOf("列名对照")! + 2);
      expect(await port.loadSettings()).toEqual({ ...loaded, dueSoonDays: 7 });
    });

    test("a protected 台账设置 cannot be written: a WorkbookError, nothing changed", async () => {
      const book = host.fromSheets(sampleSheets());
      book.protect(SETTINGS_SHEET);
      const before = book.visible();
      const error = (await failure(book.port().saveSettings(FULL))) as WorkbookError;
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toContain("没有修改此工作簿的权限");
      expect(book.visible()).toEqual(before);
      expect(book.functionSettings().overrides).toEqual(SAMPLE_SETTINGS);
    });
  });

  describe(`台账核实 in ${host.name}`, () => {
    const overdueJ9 = (r: CheckResult) => r.findings.find((f) => f.sheet === PROJECTS && f.cell === "J9" && f.rule === "overdue-start")!;
    const REASON = "等待土地审批，预计10月开工";
    const othersOf = (book: HostBook) => sampleSheets().map((s) => book.usedCells(s.name));

    test("verify creates a visible 台账核实 with its header, appends the row as text, and touches no other sheet", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port();
      const before = await port.check();
      const others = othersOf(book);
      await port.verify({ finding: overdueJ9(before), reason: REASON, by: "王敏" });
      const row = (r: number) => Array.from({ length: 6 }, (_, i) => book.cell(VERIFICATION_SHEET, r, i + 1).value);
      expect(row(1)).toEqual(["规则", "工作表", "行键", "理由", "核实人", "日期"]);
      expect(row(2)).toEqual(["overdue-start", PROJECTS, overdueJ9(before).rowKey, REASON, "王敏", "2022-10-01"]);
      expect(book.hidden(VERIFICATION_SHEET).sheet).toBe(false);
      expect(othersOf(book)).toEqual(others);

      const after = await port.check();
      expect(overdueJ9(after).acknowledgement).toEqual({ reason: REASON, by: "王敏", date: "2022-10-01" });
      expect(after.errors).toBe(before.errors - 1);
      expect({ score: after.score, penalty: after.penalty, targets: after.targets }).toEqual({ score: before.score, penalty: before.penalty, targets: before.targets });
    });

    test("a second verification goes below the first; a reason that starts with = stays text", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port();
      const result = await port.check();
      const amount = result.findings.find((f) => f.rowKey && f.rule === "invalid-amount")!;
      await port.verify({ finding: overdueJ9(result), reason: REASON, by: "" });
      await port.verify({ finding: amount, reason: '=HYPERLINK("http://example.invalid","点击")', by: "李强" });
      const cells = book.usedCells(VERIFICATION_SHEET);
      expect(cells.every((c) => !c.formula && typeof c.value === "string" && c.text)).toBe(true);
      expect(book.cell(VERIFICATION_SHEET, 3, 4).value).toBe('=HYPERLINK("http://example.invalid","点击")');
      const again = await port.check();
      expect(again.findings.filter((f) => f.acknowledgement).map((f) => f.cell).sort()).toEqual([amount.cell, "J9"].sort());
    });

    test("survives saving and reopening; a changed cell behind the finding brings it back", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port();
      await port.verify({ finding: overdueJ9(await port.check()), reason: REASON, by: "王敏" });
      const reopened = book.reopen();
      expect(overdueJ9(await reopened.port().check()).acknowledgement?.reason).toBe(REASON);
      reopened.edit(PROJECTS, 9, 10, serialFromDay(day("2022-09-16"), 1900), { date: true }); // the planned start moves on a day: still overdue
      const changed = await reopened.port().check();
      expect(overdueJ9(changed).acknowledgement).toBeUndefined();
      expect(changed.verifications).toEqual({ acknowledged: 0, stale: 1 });
    });

    test("a verification without a reason is refused before anything is written", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port();
      const result = await port.check();
      const before = book.visible();
      const error = (await failure(port.verify({ finding: overdueJ9(result), reason: "  ", by: "王敏" }))) as WorkbookError;
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toContain("核实理由为必填项");
      expect(book.visible()).toEqual(before);
    });

    test("a hand-made 台账核实 with its header in another order: the row is laid out by that header and read back verified", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port();
      const result = await port.check();
      const amount = result.findings.find((f) => f.rowKey && f.rule === "invalid-amount")!;
      book.addSheets([{ name: VERIFICATION_SHEET, merges: [], grid: [["行键", "核实人", "规则", "日期", "工作表", "理由"], [amount.rowKey!, "李强", "invalid-amount", "2022-09-28", amount.sheet, "投资额待董事会审定"]] }]);
      await port.verify({ finding: overdueJ9(result), reason: REASON, by: "王敏" });
      const row = (r: number) => Array.from({ length: 6 }, (_, i) => book.cell(VERIFICATION_SHEET, r, i + 1).value);
      expect(row(3)).toEqual([overdueJ9(result).rowKey, "王敏", "overdue-start", "2022-10-01", PROJECTS, REASON]);
      const after = await port.check();
      expect(overdueJ9(after).acknowledgement).toEqual({ reason: REASON, by: "王敏", date: "2022-10-01" });
      expect(after.verifications).toEqual({ acknowledged: 2, stale: 0 });
    });

    test("a hand-made header without 核实人 and 日期: their headers go right of the used range, and the row under them", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port();
      const result = await port.check();
      book.addSheets([{ name: VERIFICATION_SHEET, merges: [], grid: [["规则", "工作表", "行键", "理由", "备注"]] }]);
      await port.verify({ finding: overdueJ9(result), reason: REASON, by: "王敏" });
      const row = (r: number) => Array.from({ length: 7 }, (_, i) => book.cell(VERIFICATION_SHEET, r, i + 1).value);
      expect(row(1)).toEqual(["规则", "工作表", "行键", "理由", "备注", "核实人", "日期"]);
      expect(row(2).map((v) => v ?? "")).toEqual(["overdue-start", PROJECTS, overdueJ9(result).rowKey, REASON, "", "王敏", "2022-10-01"]);
      expect(overdueJ9(await port.check()).acknowledgement).toEqual({ reason: REASON, by: "王敏", date: "2022-10-01" });
    });

    test("a protected 台账核实 is refused before anything is written, naming it", async () => {
      const book = host.fromSheets(sampleSheets());
      const port = book.port();
      const result = await port.check();
      await port.verify({ finding: overdueJ9(result), reason: REASON, by: "王敏" });
      book.protect(VERIFICATION_SHEET);
      const before = book.visible();
      const amount = result.findings.find((f) => f.rowKey && f.rule === "invalid-amount")!;
      const error = (await failure(port.verify({ finding: amount, reason: "投资额待董事会审定", by: "李强" }))) as WorkbookError;
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toBe("记录核实失败：没有修改此工作簿的权限（工作表“台账核实”受保护）。请先在“审阅 → 撤销工作表保护”中取消保护。");
      expect(error.messageEn).toContain('sheet "台账核实" is protected');
      expect(book.visible()).toEqual(before);
    });
  });
}
