/**
 * The picture of 生成汇总表 for the README and the guide, and one more end-to-end check of it: the
 * Excel adapter writes the summary of a three-unit ledger into the Excel fake (test/excel), every
 * formula of the sheet is evaluated with the real ZS functions (test/host/summarySuite), the
 * figures must equal the pane's per unit, and the sheet is drawn as Excel shows it — values,
 * number formats, the conditional formats where their formulas hold — in headless Chromium.
 *
 * The picture is a rendering of the sheet the add-in wrote, not a screenshot of Excel (none runs
 * here). It goes to a temporary folder, and to assets/screenshot-summary.png when
 * ZSLEDGER_UPDATE_SCREENSHOTS=1. Exits 1 with one line per problem.
 *
 *   ZSLEDGER_CHROMIUM   browser executable (default /usr/bin/chromium)
 */
import fs from "fs";
import os from "os";
import path from "path";
import { chromium } from "playwright-core";
import { dayFromSerial, isoDay } from "../../src/core/day";
import { clearTableCache } from "../../src/functions/tableCache";
import { EXCEL_HOST } from "../excel/excelHost";
import { shownCells, type FormulaEngine } from "../host/formulaEngine";
import type { HostBook } from "../host/portSuite";
import { evaluatedRow, paneRow, summarize, threeUnitSheets, zsEngine } from "../host/summarySuite";

const ROOT = path.resolve(__dirname, "../..");
const CHROMIUM = process.env.ZSLEDGER_CHROMIUM || "/usr/bin/chromium";
const FIRST_UNIT_ROW = 5;

/** A conditional format of the Excel fake, as excelHost's userFormats gives it. */
interface FakeFormat {
  readonly formula: string;
  readonly areas: { top: number; left: number; bottom: number; right: number }[];
  readonly format: { fill: string | null; fontColor: string | null };
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** What Excel shows in a cell: TRUE/FALSE, a date in the cell's date format, a number, text; an error as its code. */
function shown(engine: FormulaEngine, book: HostBook, sheet: string, row: number, column: number): string {
  const formula = book.formulaText(sheet, row, column);
  const value = formula === null ? book.cell(sheet, row, column).value : engine.evaluate(sheet, formula, row, column);
  if (typeof value === "object" && value !== null) {
    // a ZS function fails with an Excel error whose name is its code (#N/A: not assessed); the engine wraps it
    const e = value as { name?: unknown; _error?: unknown; details?: { name?: unknown } };
    const code = [e.details?.name, e.name, e._error].find((c) => typeof c === "string" && c.startsWith("#"));
    return typeof code === "string" ? code : "#VALUE!";
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" && row === 2 && column === 2) return isoDay(dayFromSerial(value, 1900)!);
  return value === null || value === undefined ? "" : String(value);
}

function sheetHtml(book: HostBook, sheet: string, engine: FormulaEngine): string {
  const cells = book.usedCells(sheet);
  const rows = Math.max(...cells.map((c) => c.row)) + 1;
  const columns = Math.max(...cells.map((c) => c.column));
  const styles = new Map<string, string>();
  for (const f of book.userFormats(sheet) as FakeFormat[]) {
    const anchor = { row: f.areas[0].top, column: f.areas[0].left };
    for (const at of shownCells(engine, sheet, [{ formula: f.formula, areas: f.areas, anchor }])) {
      if (!styles.has(at)) styles.set(at, `background:${f.format.fill};color:${f.format.fontColor}`);
    }
  }
  const letter = (c: number) => String.fromCharCode(64 + c);
  const head = `<tr><th></th>${Array.from({ length: columns }, (_, i) => `<th>${letter(i + 1)}</th>`).join("")}</tr>`;
  const body = Array.from({ length: rows }, (_, r) => {
    const row = r + 1;
    const tds = Array.from({ length: columns }, (_, c) => {
      const column = c + 1;
      const text = row === 1 && column > 1 ? "" : shown(engine, book, sheet, row, column);
      const numeric = /^(-?\d+(\.\d+)?|TRUE|FALSE|\d{4}-\d\d-\d\d)$/.test(text);
      const span = row === 1 && column === 1 ? ` colspan="${columns}" class="title"` : "";
      if (row === 1 && column > 1) return "";
      return `<td${span} style="${styles.get(`${row},${column}`) ?? ""};text-align:${numeric ? "right" : "left"}">${escape(text)}</td>`;
    }).join("");
    return `<tr><th>${row}</th>${tds}</tr>`;
  }).join("");
  return `<!doctype html><meta charset="utf-8"><style>
    body{margin:8px;font:13px "WenQuanYi Micro Hei",sans-serif;background:#fff}
    table{border-collapse:collapse}
    th{background:#f3f3f3;color:#555;font-weight:normal;border:1px solid #d4d4d4;padding:2px 6px}
    td{border:1px solid #e1e1e1;padding:3px 6px;white-space:nowrap;min-width:44px}
    td.title{font-weight:bold;white-space:normal}
    caption{caption-side:bottom;text-align:left;padding-top:6px;color:#333}
  </style><table><caption>工作表：${escape(sheet)}</caption>${head}${body}</table>`;
}

async function main(): Promise<void> {
  const problems: string[] = [];
  const book = EXCEL_HOST.fromSheets(threeUnitSheets());
  clearTableCache();
  const { result, write } = await summarize(book);
  const engine = zsEngine(book);
  const units = result.units ?? [];
  if (units.length !== 3) problems.push(`expected three units, the check found ${units.length}`);
  units.forEach((u, i) => {
    const row = evaluatedRow(book, write.sheet, FIRST_UNIT_ROW + i, engine);
    const pane = paneRow(u.unit, u.targets, u.score, u.penalty, Object.keys(row.targets));
    if (JSON.stringify(row) !== JSON.stringify(pane)) problems.push(`${u.unit}: the sheet gives ${JSON.stringify(row)}, the pane ${JSON.stringify(pane)}`);
  });

  const shots = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-summary-"));
  const shot = path.join(shots, "screenshot-summary.png");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 400 } });
    await page.setContent(sheetHtml(book, write.sheet, engine));
    await page.locator("table").screenshot({ path: shot });
  } finally {
    await browser.close();
  }
  if (process.env.ZSLEDGER_UPDATE_SCREENSHOTS === "1") fs.copyFileSync(shot, path.join(ROOT, "assets", "screenshot-summary.png"));

  if (problems.length > 0) {
    for (const p of problems) console.error(`test:browser (汇总表): ${p}`);
    process.exit(1);
  }
  console.log(
    `test:browser (汇总表) passed: ${units.length} units, every formula of ${write.sheet} equal to the pane's figures; picture ${process.env.ZSLEDGER_UPDATE_SCREENSHOTS === "1" ? "in assets/screenshot-summary.png" : `in ${shot}`}`,
  );
}

main().catch((e: unknown) => {
  console.error(`test:browser (汇总表) failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
