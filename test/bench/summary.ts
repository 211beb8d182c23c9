/**
 * A reviewer's summary sheet, recalculated as Excel recalculates it: 50 units × 14 ZS formulas
 * over each unit's 2,000-row projects ledger and its trips ledger, every call handed a fresh copy
 * of its range (Office-shaped: serial dates, "" for blanks), the copy made before the clock starts.
 * Run as a child process by the bench:  node summary.js UNITS ROWS WHOLE_COLUMN_CALLS
 * prints {"first": ms, "again": ms, "againByColumn": ms, "nextDay": ms, "calls": n,
 *         "perCallAgain": [ms…], "usedRange": [ms…], "wholeColumn": [ms…], "wholeRows": n}
 */
import { dayFromDate, serialFromDay } from "../../src/core/day";
import { amount, penalty, score, targetGap, targetMet } from "../../src/functions/functions";
import { officeGrid } from "../sample/sampleLedger";
import { AS_OF, benchLedger } from "./ledger";

type Table = (string | number | boolean)[][];
/** One formula of the summary sheet: which of the unit's ranges it reads, and the call. */
type Formula = { readonly range: "projects" | "trips"; readonly call: (table: Table, asOf: number) => Promise<unknown> };

const PROJECT_TARGETS = ["投洽会签约", "新开工", "重点在谈", "新策划", "专家论证"];
/** A summary row: met and gap of five project targets, SCORE, the projects' PENALTY, the principal's trips gap and their PENALTY. */
const FORMULAS: readonly Formula[] = [
  ...PROJECT_TARGETS.flatMap((t): Formula[] => [
    { range: "projects", call: (table, asOf) => targetMet(t, table, "街道", asOf) },
    { range: "projects", call: (table, asOf) => targetGap(t, table, "街道", asOf) },
  ]),
  { range: "projects", call: (table, asOf) => score(table, asOf) },
  { range: "projects", call: (table, asOf) => penalty(table, "街道", asOf) },
  { range: "trips", call: (table, asOf) => targetGap("主要负责人外出", table, "街道", asOf) },
  { range: "trips", call: (table, asOf) => penalty(table, "街道", asOf) },
];

const copy = (t: Table): Table => t.map((r) => r.slice());
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

interface Unit {
  readonly projects: Table;
  readonly trips: Table;
}

/** Every formula once, in the order given, each with a fresh copy of its range; returns each call's time. */
async function recalculate(order: readonly [Unit, Formula][], asOf: number): Promise<number[]> {
  const times: number[] = [];
  for (const [unit, f] of order) {
    const given = copy(unit[f.range]);
    const start = process.hrtime.bigint();
    await f.call(given, asOf).catch(() => undefined); // a #N/A is an answer too
    times.push(ms(start));
  }
  return times;
}

/**
 * A whole-column reference A:P as Excel hands it: the ledger, then blank rows down to row
 * 1,048,576, each its own packed array of "" (as JSON.parse would build them).
 */
function wholeColumn(table: Table): Table {
  const width = table[0].length;
  const rows: Table = copy(table);
  while (rows.length < 1_048_576) rows.push(Array.from({ length: width }, () => ""));
  return rows;
}


async function main(units: number, dataRows: number, wholeCalls: number): Promise<void> {
  const sheet = Array.from({ length: units }, (_, i): Unit => {
    const ledger = benchLedger(dataRows, i + 1);
    return { projects: officeGrid(ledger.sheets[0].grid), trips: officeGrid(ledger.sheets[1].grid) };
  });
  const asOf = serialFromDay(dayFromDate(new Date(`${AS_OF}T00:00:00Z`))!, 1900);
  await amount(1); // loads the engine: Excel's first ZS call of the session pays it, not each recalculation
  const byRow = sheet.flatMap((u) => FORMULAS.map((f): [Unit, Formula] => [u, f]));
  const byColumn = FORMULAS.flatMap((f) => sheet.map((u): [Unit, Formula] => [u, f]));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  const first = await recalculate(byRow, asOf);
  const again = await recalculate(byRow, asOf);
  const againByColumn = await recalculate(byColumn, asOf);
  const nextDay = await recalculate(byRow, asOf + 1);

  // One unit's TARGETMET, with the used range and with A:P, after the cache has the table.
  const unit = sheet[0];
  const ask = (t: Table) => targetMet("新开工", t, "街道", asOf + 1);
  const usedRange: number[] = [];
  for (let i = 0; i < wholeCalls; i++) {
    const given = copy(unit.projects);
    const start = process.hrtime.bigint();
    await ask(given);
    usedRange.push(ms(start));
  }
  const whole: number[] = [];
  let wholeRows = 0;
  for (let i = 0; i < wholeCalls; i++) {
    const given = wholeColumn(unit.projects);
    wholeRows = given.length;
    // Called as soon as the copy is made, as Excel calls a function once it has built its arguments.
    const start = process.hrtime.bigint();
    await ask(given);
    whole.push(ms(start));
  }
  const heapMb = process.memoryUsage().heapUsed / 1024 ** 2;
  process.stdout.write(
    JSON.stringify({
      units,
      rows: unit.projects.length,
      calls: byRow.length,
      first: sum(first),
      again: sum(again),
      againByColumn: sum(againByColumn),
      nextDay: sum(nextDay),
      perCallAgain: again,
      usedRange,
      wholeColumn: whole,
      wholeRows,
      heapMb,
    }) + "\n",
  );
}

main(Number(process.argv[2] ?? 50), Number(process.argv[3] ?? 2000), Number(process.argv[4] ?? 8)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
