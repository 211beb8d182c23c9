/**
 * The engine alone, the grid already in memory: checkWorkbook over a generated ledger, as the
 * pane and the functions call it. Run as a child process by the bench (a clean heap per figure):
 *   node engine.js ROWS RUNS   → prints {"rows": pushed rows, "findings": n, "ms": [per run]}
 */
import { checkWorkbook } from "../../src/core/check";
import { gridRows, type WorkbookInput } from "../../src/core/sheet";
import { AS_OF, benchLedger } from "./ledger";

function main(rows: number, runs: number): void {
  const ledger = benchLedger(rows, 1);
  const input = (): WorkbookInput => ({
    name: `${ledger.unitName}招商引资台账.xlsx`,
    dateSystem: 1900,
    sheets: ledger.sheets.map((s) => ({ name: s.name, merges: s.merges, rows: gridRows(s.grid) })),
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

main(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 5));
