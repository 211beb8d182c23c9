/**
 * The pane's Office round trips and proxy operations, against the counting fake Excel of the
 * adapter's tests (test/excel/fakeExcel.ts): check and highlight of generated ledgers of growing
 * size, and highlights of growing numbers of runs of marked rows. Run as a child process:
 *   node pane.js ROWS...   → prints {"sizes": [...], "runs": [...]}
 */
import { createExcelPort } from "../../src/excel/excelPort";
import { DEFAULT_CELL_BUDGET } from "../../src/excel/readWorkbook";
import { FakeExcel } from "../excel/fakeExcel";
import { resultMarkingRows, runRows } from "../excel/workbooks";
import { benchLedger } from "./ledger";

const today = () => new Date(2022, 9, 1);

interface SizeFigures {
  readonly rows: number;
  /** Cells of the sheets' used ranges, and the value requests they need at the port's budget. */
  readonly cells: number;
  readonly valueRequests: number;
  readonly checkSyncs: number;
  readonly checkAgainSyncs: number;
  readonly highlightSyncs: number;
  readonly highlightOps: number;
  readonly findings: number;
}

async function size(rows: number): Promise<SizeFigures> {
  const sheets = benchLedger(rows, 1).sheets;
  const excel = FakeExcel.fromSheets(sheets);
  const port = createExcelPort({ host: excel.host(), today });
  const cells = sheets.reduce((n, s) => n + s.grid.length * Math.max(...s.grid.map((r) => r.length)), 0);
  let syncs = excel.syncs;
  const result = await port.check();
  const checkSyncs = excel.syncs - syncs;
  syncs = excel.syncs;
  await port.check();
  const checkAgainSyncs = excel.syncs - syncs;
  syncs = excel.syncs;
  const ops = excel.ops;
  await port.highlight(result);
  return {
    rows,
    cells,
    valueRequests: Math.ceil(cells / DEFAULT_CELL_BUDGET),
    checkSyncs,
    checkAgainSyncs,
    highlightSyncs: excel.syncs - syncs,
    highlightOps: excel.ops - ops,
    findings: result.findings.length,
  };
}

interface RunFigures {
  readonly runs: number;
  readonly length: number;
  readonly ops: number;
  readonly syncs: number;
}

/** Highlights marking `runs` runs of `length` rows each on a 12k-row ledger: operations per highlight. */
async function runsFigures(shapes: readonly (readonly [number, number])[]): Promise<RunFigures[]> {
  const sheets = benchLedger(12_000, 1).sheets;
  const out: RunFigures[] = [];
  for (const [runs, length] of shapes) {
    const excel = FakeExcel.fromSheets(sheets);
    const port = createExcelPort({ host: excel.host(), today });
    const base = await port.check();
    const marked = resultMarkingRows(base, runRows(runs, length));
    const [ops, syncs] = [excel.ops, excel.syncs];
    await port.highlight(marked);
    out.push({ runs, length, ops: excel.ops - ops, syncs: excel.syncs - syncs });
  }
  return out;
}

async function main(sizes: readonly number[]): Promise<void> {
  const figures: SizeFigures[] = [];
  for (const rows of sizes) figures.push(await size(rows));
  const runs = await runsFigures([
    [10, 1],
    [10, 1000],
    [100, 10],
    [1000, 10],
  ]);
  process.stdout.write(JSON.stringify({ sizes: figures, runs }) + "\n");
}

main(process.argv.slice(2).map(Number)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
