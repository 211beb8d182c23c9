/**
 * The engine alone, the grid already in memory: checkWorkbook over a generated ledger, as the
 * pane and the functions call it. Run as a child process by the bench (a clean heap per figure):
 *   node engine.js ROWS RUNS [office|file]   → prints {"rows": pushed rows, "findings": n, "ms": [per run]}
 */
import { checkWorkbook } from "../../src/core/check";
import { gridRows, type CellValue, type WorkbookInput } from "../../src/core/sheet";
import { officeGrid } from "../sample/sampleLedger";
import { AS_OF, benchLedger } from "./ledger";

/**
 * The grids as the task pane holds them: Office.js `range.values`, decoded from JSON (serial
 * dates, "" for blanks, every row as wide as the used range); "file" keeps ExcelJS's cell values.
 */
function grids(ledger: ReturnType<typeof benchLedger>, form: "office" | "file"): CellValue[][][] {
  return ledger.sheets.map((s) => (form === "office" ? (JSON.parse(JSON.stringify(officeGrid(s.grid))) as CellValue[][]) : s.grid));
}

function main(rows: number, runs: number, form: "office" | "file"): void {
  const ledger = benchLedger(rows, 1);
  const sheetGrids = grids(ledger, form);
  const input = (): WorkbookInput => ({
    name: `${ledger.unitName}招商引资台账.xlsx`,
    dateSystem: 1900,
    sheets: ledger.sheets.map((s, i) => ({ name: s.name, merges: s.merges, rows: gridRows(sheetGrids[i]) })),
  });
  const pushed = ledger.sheets.reduce((n, s) => n + s.grid.length, 0);
  const today = new Date(`${AS_OF}T12:00:00`);
  let findings = checkWorkbook(input(), { today }).findings.length; // warm-up: the JIT's first pass is not measured
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    findings = checkWorkbook(input(), { today }).findings.length;
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  process.stdout.write(JSON.stringify({ rows: pushed, dataRows: ledger.dataRows, planted: ledger.planted.length, findings, ms, cpuMs }) + "\n");
}

main(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 5), process.argv[4] === "file" ? "file" : "office");
