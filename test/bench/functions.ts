/**
 * targetMet and penalty (the ZS custom functions) on a 10k-row projects table, as Excel calls
 * them: every call gets a fresh copy of the range's values (Office-shaped: serial dates, "" for
 * blanks). Run as a child process by the bench:
 *   node functions.js ROWS CALLS   → prints {"targetMet": [ms per call], "penalty": [ms per call]}
 */
import { dayFromDate, serialFromDay } from "../../src/core/day";
import { penalty, targetMet } from "../../src/functions/functions";
import { officeGrid } from "../sample/sampleLedger";
import { AS_OF, benchLedger } from "./ledger";

/** Times each call alone: the copy Excel hands over is made before the clock starts. */
async function time<T>(calls: number, argument: () => T, call: (argument: T) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const given = argument();
    const start = process.hrtime.bigint();
    await call(given);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return ms;
}

async function main(rows: number, calls: number): Promise<void> {
  const projects = benchLedger(rows, 1).sheets[0];
  const table = officeGrid(projects.grid);
  const copy = () => table.map((r) => r.slice());
  const asOf = serialFromDay(dayFromDate(new Date(`${AS_OF}T00:00:00Z`))!, 1900);
  const met = await time(calls, copy, (t) => targetMet("新开工", t, "街道", asOf));
  const pen = await time(calls, copy, (t) => penalty(t, "街道", asOf));
  process.stdout.write(JSON.stringify({ rows: table.length, targetMet: met, penalty: pen }) + "\n");
}

main(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 50)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
