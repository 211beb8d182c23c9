import { benchLedger } from "./ledger";
import { writeLedgerXlsx } from "./xlsx";
import { checkWorkbook } from "../../src/core/check";
import { gridRows } from "../../src/core/sheet";
async function main() {
  const n = Number(process.argv[2] ?? 2000);
  const l = benchLedger(n, 1);
  const t0 = Date.now();
  await writeLedgerXlsx(`/tmp/zb/l${n}.xlsx`, l.sheets);
  console.log("write ms", Date.now() - t0);
  const input = { name: "x.xlsx", dateSystem: 1900 as const, sheets: l.sheets.map((s) => ({ name: s.name, merges: s.merges, rows: gridRows(s.grid) })) };
  const t1 = Date.now();
  const r = checkWorkbook(input);
  console.log("check ms", Date.now() - t1, "findings", r.findings.length, "planted", l.planted.length);
  const counts: Record<string, number> = {};
  for (const f of r.findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  const pl: Record<string, number> = {};
  for (const p of l.planted) pl[p] = (pl[p] ?? 0) + 1;
  console.log(counts, pl, r.ledgers);
}
main();
