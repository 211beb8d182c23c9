/**
 * The blank ledger template, assets/台账模板.xlsx, as committed: it is what `npm run template`
 * builds; the command line reads it (the streamed reader, as a unit's file is read) with zero
 * findings, every ledger recognised and, once 台账设置 gives an annual task, every target of a town
 * assessed; its headers are the engine's words for its fields; and its drop-down lists are the
 * engine's vocabularies, word for word. Where LibreOffice is installed, it prints one page per sheet.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as path from "path";
import { TARGETS_BY_KIND } from "../../src/core/assess";
import { fieldOfHeader, normalizeHeader } from "../../src/core/headers";
import { LEDGER_KINDS } from "../../src/core/ledger";
import { valueTypeOf } from "../../src/core/row";
import type { CellValue } from "../../src/core/sheet";
import { CATEGORY_WORDS, parseCategory } from "../../src/core/values/category";
import { FLAG_WORDS, parseFlag } from "../../src/core/values/flag";
import { parseRole, ROLE_WORDS } from "../../src/core/values/role";
import { parseStage, STAGE_WORDS } from "../../src/core/values/stage";
import { parseUnitKind } from "../../src/core/values/unitKind";
import type { Parsed } from "../../src/core/values/types";
import { buildTemplate } from "../../scripts/docs/template";
import { DATE_FORMAT, LEDGER_TEMPLATES, SETTINGS_TEMPLATE, settingKeys, settingWords, TEMPLATE_FILE } from "../../scripts/docs/templateSpec";
import { runCli, tempDir } from "../cli/helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FILE = path.join(__dirname, "../..", TEMPLATE_FILE);

async function load(source: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === "string") await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as unknown as ArrayBuffer);
  return wb;
}

/** ExcelJS reads data validations (one entry per cell) but its typings omit them. */
function validationAt(ws: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined {
  return (ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }).dataValidations.find(address);
}

/** A list validation's words: `"策划,在谈,…"` → ["策划", "在谈", …]. */
function listWords(v: ExcelJS.DataValidation | undefined): string[] | null {
  if (!v || v.type !== "list") return null;
  return String(v.formulae[0]).replace(/^"|"$/g, "").split(",");
}

/** What a sheet holds that a unit sees: values (dates as ISO days), merges, frozen panes, formats and lists of the first rows. */
function contentOf(ws: ExcelJS.Worksheet): Json {
  const rows: Json[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: Json[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      cells.push({ c, v: v instanceof Date ? v.toISOString() : v, fmt: cell.numFmt ?? null, list: listWords(validationAt(ws, cell.address)) });
    });
    rows.push({ r, cells });
  });
  const view = ws.views[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  return { name: ws.name, rows, merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(), frozen: [view?.state, view?.xSplit ?? 0, view?.ySplit ?? 0] };
}

let committed: ExcelJS.Workbook;

beforeAll(async () => {
  committed = await load(FILE);
});

test("the committed template is what `npm run template` builds (regenerate it when the engine's words change)", async () => {
  const built = await load(Buffer.from(await buildTemplate().xlsx.writeBuffer()));
  expect(committed.worksheets.map(contentOf)).toEqual(built.worksheets.map(contentOf));
});

describe("checked by the command line, as a unit's workbook is", () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  async function check(file: string): Promise<Json> {
    const out = await runCli(["check", file, "--format", "json"]);
    expect([out.code, out.stderr]).toEqual([0, ""]);
    return JSON.parse(out.stdout).files[0];
  }

  /** The template with its 台账设置 values filled, as a unit would. */
  async function filled(values: Readonly<Record<string, CellValue>>): Promise<string> {
    const wb = await load(FILE);
    const ws = wb.getWorksheet(SETTINGS_TEMPLATE.sheet)!;
    ws.eachRow((row) => {
      const key = String(row.getCell(1).value);
      if (key in values) row.getCell(2).value = values[key] as ExcelJS.CellValue;
    });
    const file = path.join(dir, "财源街道招商引资台账.xlsx");
    await wb.xlsx.writeFile(file);
    return file;
  }

  test("as committed: zero findings, all four ledgers with their example row, every target but the annual task assessed", async () => {
    const report = await check(FILE);
    expect(report.findings).toEqual([]);
    expect([report.errors, report.warnings]).toEqual([0, 0]);
    expect(report.ledgers.map((l: Json) => [l.sheet, l.kind, l.dataRows])).toEqual(LEDGER_TEMPLATES.map((t) => [t.sheet, t.kind, 1]));
    expect(report.unitKind).toBe("town");
    const unassessed = report.targets.filter((t: Json) => t.met === null).map((t: Json) => t.id);
    expect(unassessed).toEqual(["annual-task"]);
  });

  test("with 统计截止日 and 全年任务 filled in 台账设置: zero findings, and every target of a town assessed", async () => {
    const word = (key: Parameters<typeof settingWords>[0]) => settingWords(key)[0];
    const file = await filled({ [word("asOf")]: "2022-09-30", [word("annualTask")]: "5亿", [word("unitName")]: "财源街道", [word("unitKind")]: "街道" });
    const report = await check(file);
    expect(report.findings).toEqual([]);
    expect(report.ledgers.map((l: Json) => l.kind)).toEqual([...LEDGER_KINDS]);
    expect(report.targets.map((t: Json) => t.id)).toEqual([...TARGETS_BY_KIND.town]);
    expect(report.targets.filter((t: Json) => t.met === null)).toEqual([]);
    // The example rows count where they should: the started fair project, the principal's trip, the meeting.
    const actual = Object.fromEntries(report.targets.map((t: Json) => [t.id, t.actual]));
    expect(actual).toMatchObject({ "new-starts": 1, "trips-main": 1, invitations: 1, "expert-review": 1, "annual-task": 30000 });
  });
});

describe("the engine's own words", () => {
  test("each header row holds the first word of each field, the engine reads each as that field, frozen below it", () => {
    for (const t of LEDGER_TEMPLATES) {
      const ws = committed.getWorksheet(t.sheet)!;
      const headerRow = t.unitsLine === null ? 2 : 3;
      const headers = t.columns.map((_c, i) => ws.getCell(headerRow, i + 1).value);
      expect([t.sheet, headers]).toEqual([t.sheet, t.columns.map((c) => c.header)]);
      expect([t.sheet, t.columns.map((c) => fieldOfHeader(t.kind, normalizeHeader(c.header).key))]).toEqual([t.sheet, t.columns.map((c) => c.field)]);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow });
      expect(ws.getCell(1, 1).value).toBe(t.title);
      if (t.unitsLine) expect(ws.getCell(2, 1).value).toBe("单位：万元");
    }
  });

  test("date columns show yyyy-mm-dd, and no other column does", () => {
    for (const t of LEDGER_TEMPLATES) {
      const ws = committed.getWorksheet(t.sheet)!;
      const exampleRow = (t.unitsLine === null ? 2 : 3) + 1;
      t.columns.forEach((c, i) => {
        const isDate = valueTypeOf(c.field) === "date";
        expect([c.field, ws.getCell(exampleRow, i + 1).numFmt === DATE_FORMAT, ws.getColumn(i + 1).numFmt === DATE_FORMAT]).toEqual([c.field, isDate, isDate]);
      });
    }
  });

  /** A vocabulary's parse and its ids, by the value type of a column. */
  const VOCABULARIES: Readonly<Record<string, { parse: (v: CellValue) => Parsed<unknown>; ids: readonly unknown[]; table: Readonly<Record<string, readonly string[]>> }>> = {
    stage: { parse: parseStage, ids: Object.keys(STAGE_WORDS), table: STAGE_WORDS },
    flag: { parse: parseFlag, ids: [true, false], table: FLAG_WORDS },
    role: { parse: parseRole, ids: Object.keys(ROLE_WORDS), table: ROLE_WORDS },
    category: { parse: parseCategory, ids: Object.keys(CATEGORY_WORDS), table: CATEGORY_WORDS },
  };

  test("every vocabulary column offers exactly the engine's words, one per value, on every prepared row; no other column has a list", () => {
    let lists = 0;
    for (const t of LEDGER_TEMPLATES) {
      const ws = committed.getWorksheet(t.sheet)!;
      const first = (t.unitsLine === null ? 2 : 3) + 1;
      t.columns.forEach((c, i) => {
        const vocabulary = VOCABULARIES[valueTypeOf(c.field) ?? ""];
        const words = listWords(validationAt(ws, ws.getCell(first, i + 1).address));
        const last = listWords(validationAt(ws, ws.getCell(first + 999, i + 1).address));
        if (!vocabulary) {
          expect([c.field, words]).toEqual([c.field, null]);
          return;
        }
        lists++;
        expect([c.field, words]).toEqual([c.field, Object.values(vocabulary.table).map((w) => w[0])]);
        expect(last).toEqual(words);
        const read = words!.map((w) => vocabulary.parse(w));
        expect(read.map((r) => r.status)).toEqual(words!.map(() => "ok"));
        expect(read.map((r) => (r.status === "ok" ? r.value : null))).toEqual(vocabulary.ids);
      });
    }
    expect(lists).toBe(LEDGER_TEMPLATES.flatMap((t) => t.columns).filter((c) => VOCABULARIES[valueTypeOf(c.field) ?? ""]).length);
    expect(lists).toBeGreaterThanOrEqual(8);
  });

  test("台账设置 lists every key the engine reads, in its first word, with blank values; 单位类型 offers every unit kind", () => {
    const ws = committed.getWorksheet(SETTINGS_TEMPLATE.sheet)!;
    expect([1, 2, 3].map((c) => ws.getCell(1, c).value)).toEqual([...SETTINGS_TEMPLATE.header]);
    const keys = settingKeys().map((key) => settingWords(key)[0]);
    const rows = keys.map((_k, i) => ws.getRow(i + 2));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(keys);
    expect(rows.map((r) => r.getCell(2).value ?? null)).toEqual(keys.map(() => null));
    expect(ws.rowCount).toBe(keys.length + 1);
    const kindRow = rows.find((r) => r.getCell(1).value === settingWords("unitKind")[0])!;
    const kinds = listWords(validationAt(ws, kindRow.getCell(2).address))!;
    expect(kinds.map((w) => parseUnitKind(w))).toEqual(["town", "park", "department", "hq"]);
  });
});

const onPath = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const printable = onPath("libreoffice") && onPath("pdfinfo") ? test : test.skip;

printable("prints with LibreOffice on one landscape page per sheet", () => {
  const { dir, cleanup } = tempDir();
  try {
    const r = spawnSync("libreoffice", [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, FILE], { encoding: "utf8", timeout: 110_000 });
    expect([r.status, r.signal]).toEqual([0, null]);
    const pdf = path.join(dir, path.basename(FILE).replace(/\.xlsx$/, ".pdf"));
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(committed.worksheets.length);
    const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect(width).toBeGreaterThan(height);
  } finally {
    cleanup();
  }
}, 120_000);
