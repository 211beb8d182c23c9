/**
 * What only the WPS adapter does: merged areas found by halving, a mark plan written whatever its
 * formulas (relative references anchored at the entry's first cell, long area lists split under
 * Range's 255 characters), and its own failures (no workbook, not inside WPS).
 */
import { markCondition, MARK_STYLES } from "../../src/core/marks";
import type { MergeArea } from "../../src/core/sheet";
import { WorkbookError } from "../../src/host/port";
import type { MarkEntry } from "../../src/host/marks";
import { clearMarks, hasRelativeReference, writeMarks } from "../../src/wps/highlight";
import { readWorkbook } from "../../src/wps/readWorkbook";
import { createWpsPort } from "../../src/wps/wpsPort";
import { PROJECTS, TODAY } from "../host/portSuite";
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
  const entry = (condition: string, areas: MergeArea[]): MarkEntry => ({ kind: "start-alert", condition, areas, style: MARK_STYLES["start-alert"] });

  test("a relative reference is recognised outside string literals only", () => {
    expect(hasRelativeReference(markCondition("start-alert"))).toBe(false);
    expect(hasRelativeReference('AND($J8="",ISTEXT("zsledger-mark:x"))')).toBe(true);
    expect(hasRelativeReference('AND(J$8="",1)')).toBe(true);
    expect(hasRelativeReference('AND($J$8="",ISTEXT("J8 A1"))')).toBe(false);
    expect(hasRelativeReference("LOG10(100)>1")).toBe(false);
    expect(hasRelativeReference("'项目台账'!$A$1=1")).toBe(false);
  });

  test("a condition with a relative reference is added with the active cell at its entry's first cell, and the user's selection comes back", () => {
    const wps = formattedWpsSample();
    const app = wps.application();
    wps.state.activeSheet = "外出招商";
    wps.sheet("外出招商").selection = "C4:D6";
    wps.sheet("外出招商").activeCell = "D5";
    // more areas than one Range address holds: several formats, all anchored at A100
    const areas = Array.from({ length: 60 }, (_, i) => ({ top: 100 + 2 * i, left: 1, bottom: 100 + 2 * i, right: 16 }));
    const condition = `AND($J100<>"",ISTEXT("zsledger-mark:probe"))`;
    writeMarks(app, app.ActiveWorkbook!, new Map([[PROJECTS, [entry(condition, areas)]]]));
    const ours = wps.sheet(PROJECTS).cfs.filter((cf) => cf.formula === `=${condition}`);
    expect(ours.length).toBeGreaterThan(1);
    expect(ours.flatMap((cf) => cf.areas)).toEqual(areas);
    for (const cf of ours) expect(cf.anchor).toEqual({ sheet: PROJECTS, row: 100, column: 1 });
    expect(wps.state.activeSheet).toBe("外出招商");
    expect(wps.sheet("外出招商").selection).toBe("C4:D6");
    expect(wps.sheet("外出招商").activeCell).toBe("D5");
    clearMarks(app.ActiveWorkbook!);
    expect(wps.sheet(PROJECTS).cfs.filter((cf) => cf.formula === `=${condition}`)).toEqual([]);
  });

  test("today's conditions (no reference) are added without touching the sheet, selection or active cell", async () => {
    const wps = formattedWpsSample();
    const app = wps.application();
    await createWpsPort({ app: () => app, today: () => TODAY }).checkAndHighlight();
    expect(wps.sheet(PROJECTS).cfs.filter((cf) => cf.formula.includes("zsledger-mark:")).length).toBeGreaterThan(0);
    expect(wps.calls.filter((c) => c === "Range.Select" || c === "Range.Activate" || c === "Worksheet.Activate")).toEqual([]);
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
