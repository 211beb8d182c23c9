/**
 * What only the WPS adapter does: merged areas found by halving, a mark plan written whatever its
 * formulas (relative references anchored at each format's first cell, long area lists split under
 * Range's 255 characters), and its own failures (no workbook, not inside WPS).
 */
import { parseIsoDay } from "../../src/core/day";
import { ROW } from "../../src/core/marks/formulaText";
import type { MarkPlan } from "../../src/core/marks/mark";
import type { MergeArea } from "../../src/core/sheet";
import { WorkbookError } from "../../src/host/port";
import { clearMarks, hasRelativeReference, writeMarks } from "../../src/wps/highlight";
import { readWorkbook } from "../../src/wps/readWorkbook";
import { createWpsPort } from "../../src/wps/wpsPort";
import { PROJECTS } from "../host/portSuite";
import { sampleSheets, SAMPLE_NAME, type SampleSheet } from "../sample/sampleLedger";
import { FakeWps } from "./fakeWps";
import { formattedWpsSample, wpsBook } from "./wpsHost";

const sortAreas = (a: readonly MergeArea[] = []) => [...a].sort((x, y) => x.top - y.top || x.left - y.left);

describe("reading a WPS workbook", () => {
  test("finds every merged area by halving, and reads hidden sheets and the workbook's name", () => {
    const sheets = sampleSheets();
    const wps = FakeWps.fromSheets(sheets);
    wps.sheet("例会记录").visible = 0;
    const read = readWorkbook(wps.application());
    const byName = new Map([...read.input.sheets].map((s) => [s.name, s]));
    for (const s of sheets) expect(sortAreas(byName.get(s.name)!.merges)).toEqual(sortAreas(s.merges));
    expect(byName.get("例会记录")!.hidden).toBe(true);
    expect(byName.get(PROJECTS)!.hidden).toBe(false);
    expect(read.input.name).toBe(SAMPLE_NAME);
    // a sheet without merges costs one MergeCells call
    const plain = FakeWps.fromSheets([{ name: "无合并", grid: [["a", "b"], ["c", "d"]], merges: [] }]);
    readWorkbook(plain.application());
    expect(plain.calls.filter((c) => c === "Range.MergeCells")).toHaveLength(1);
  });

  test("a merged area that reaches beyond the used range is found whole; more than 2,000 are skipped", () => {
    const notes: SampleSheet = { name: "附表", grid: Array.from({ length: 2_100 }, (_, i) => [`说明${i + 1}`]), merges: [] };
    for (let r = 1; r <= 2_050; r++) notes.merges.push({ top: r, left: 1, bottom: r, right: 3 });
    const titled: SampleSheet = { name: "标题", grid: [["标题"], [], ["x"]], merges: [{ top: 1, left: 1, bottom: 2, right: 5 }] };
    const read = readWorkbook(FakeWps.fromSheets([notes, titled]).application());
    const [first, second] = [...read.input.sheets];
    expect(first.merges).toBeUndefined();
    expect(second.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 5 }]);
  });
});

describe("writing a mark plan in WPS", () => {
  /** A plan of one live row mark over these runs of rows of the projects sheet. */
  const planOf = (runs: [number, number][]): MarkPlan => ({
    asOf: { kind: "today" },
    asOfDay: parseIsoDay("2022-09-30")!,
    sheets: [{ sheet: PROJECTS, marks: [{ kind: "start-alert", live: true, condition: `NOT(ISBLANK($J${ROW}))`, runs, column: null }], columns: { left: 1, right: 16 }, count: 0 }],
  });
  const SPANS = new Map([[PROJECTS, { left: 1, right: 16 }]]);

  test("a relative reference is recognised outside string literals only", () => {
    expect(hasRelativeReference('ISTEXT("zsledger-mark:start-alert")')).toBe(false);
    expect(hasRelativeReference('AND($J8="",ISTEXT("zsledger-mark:x"))')).toBe(true);
    expect(hasRelativeReference('AND(J$8="",1)')).toBe(true);
    expect(hasRelativeReference('AND($J$8="",ISTEXT("J8 A1"))')).toBe(false);
    expect(hasRelativeReference("LOG10(100)>1")).toBe(false);
    expect(hasRelativeReference("'项目台账'!$A$1=1")).toBe(false);
    expect(hasRelativeReference("zsledger_asof+14")).toBe(false);
  });

  test("more areas than one Range address holds: several formats, each added with the active cell at its own first cell; the user's selection comes back", () => {
    const wps = formattedWpsSample();
    const app = wps.application();
    wps.state.activeSheet = "外出招商";
    wps.sheet("外出招商").selection = "C4:D6";
    wps.sheet("外出招商").activeCell = "D5";
    const runs = Array.from({ length: 60 }, (_, i): [number, number] => [100 + 2 * i, 100 + 2 * i]);
    writeMarks(app, app.ActiveWorkbook!, planOf(runs), SPANS);
    const ours = wps.sheet(PROJECTS).cfs.filter((cf) => cf.formula.includes("zsledger-mark:"));
    expect(ours.length).toBeGreaterThan(1);
    expect(ours.flatMap((cf) => cf.areas)).toEqual(runs.map(([top]) => ({ top, left: 1, bottom: top, right: 16 })));
    for (const cf of ours) {
      expect(cf.areas.map((a) => `A${a.top}:P${a.bottom}`).join(",").length).toBeLessThanOrEqual(255);
      expect(cf.anchor).toEqual({ sheet: PROJECTS, row: cf.areas[0].top, column: 1 });
      expect(cf.formula).toContain(`NOT(ISBLANK($J${cf.areas[0].top}))`);
    }
    expect(wps.state.activeSheet).toBe("外出招商");
    expect(wps.sheet("外出招商").selection).toBe("C4:D6");
    expect(wps.sheet("外出招商").activeCell).toBe("D5");
    clearMarks(app.ActiveWorkbook!);
    expect(wps.sheet(PROJECTS).cfs.filter((cf) => cf.formula.includes("zsledger-mark:"))).toEqual([]);
  });

  test("the as-of name: added once, rewritten through RefersTo only when it changes, deleted by clear with the formats", () => {
    const wps = formattedWpsSample();
    const app = wps.application();
    const book = app.ActiveWorkbook!;
    writeMarks(app, book, planOf([[8, 9]]), SPANS);
    expect(wps.state.names).toEqual([{ name: "zsledger_asof", refersTo: "=TODAY()" }]);
    writeMarks(app, book, planOf([[8, 9]]), SPANS);
    expect(wps.calls.filter((c) => c === "Names.Add" || c === "Name.RefersTo=")).toEqual(["Names.Add"]);
    writeMarks(app, book, { ...planOf([[8, 9]]), asOf: { kind: "day", day: parseIsoDay("2022-09-15")! } }, SPANS);
    expect(wps.calls.filter((c) => c === "Names.Add" || c === "Name.RefersTo=")).toEqual(["Names.Add", "Name.RefersTo="]);
    expect(wps.state.names).toEqual([{ name: "zsledger_asof", refersTo: "=DATE(2022,9,15)" }]);
    clearMarks(book);
    expect(wps.state.names).toEqual([]);
  });
});

describe("WPS failures", () => {
  test("no workbook open: each call says so in Chinese first", async () => {
    const wps = FakeWps.fromSheets(sampleSheets());
    wps.closed = true;
    const port = wpsBook(wps).port();
    for (const call of [port.check(), port.checkAndHighlight(), port.clear(), port.loadSettings()]) {
      const error = (await call.catch((e: unknown) => e)) as WorkbookError;
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toContain("没有打开的工作簿");
      expect(error.messageEn).toContain("no workbook is open");
    }
  });

  test("outside WPS the message says so, and following edits quietly does nothing", async () => {
    const port = createWpsPort();
    const error = (await port.check().catch((e: unknown) => e)) as WorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toContain("未连接到 WPS 表格");
    expect(() => port.onChanged(jest.fn())()).not.toThrow();
  });

  test("an object-model error becomes a WorkbookError naming what failed", async () => {
    const wps = FakeWps.fromSheets(sampleSheets());
    wps.failWhen = (call) => (call === "Worksheet.UsedRange" ? new Error("RPC 服务器不可用") : null);
    const error = (await wpsBook(wps).port().check().catch((e: unknown) => e)) as WorkbookError;
    expect(error.message).toBe("检查台账失败：WPS 返回了错误（RPC 服务器不可用）。请保存工作簿后重试。");
  });
});
