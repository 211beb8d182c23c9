/**
 * The six ZS functions give the same answers in WPS as in Excel: one table of calls on the sample
 * ledger, each made as Excel makes it (src/functions/functions.ts, awaited; ranges as 2-D arrays
 * with "" for blanks, dates as serials) and as WPS may make it (src/functions/wps.ts, synchronous;
 * ranges as Range objects read through Value2 with blanks undefined, or as 2-D arrays, and cell
 * arguments as one-cell Ranges). An answer is a value or an error's kind and message; both hosts
 * must give the same, and the table holds answers of every kind.
 */
import * as excel from "../../src/functions/functions";
import { resetWorkbookSettings, setWorkbookSettings } from "../../src/host/runtimeState";
import { clearTableCache } from "../../src/functions/tableCache";
import type { WpsRange } from "../../src/wps/objectModel";
import { publishSettings } from "../../src/host/settingsChannel";
import * as wps from "../../src/functions/wps";
import { cellAddress } from "../../src/core/sheet";
import { officeGrid, sampleSheets } from "../sample/sampleLedger";
import { FakeWps } from "../wps/fakeWps";

type Name = keyof typeof wps.WPS_FUNCTIONS;
/** An argument: a literal, a whole sheet's used range, or one cell of a sheet. */
type Arg = string | number | null | { sheet: string } | { sheet: string; row: number; column: number };

const [projects, trips, invitations, meetings] = sampleSheets();
const P = { sheet: projects.name };
const T = { sheet: trips.name };
const I = { sheet: invitations.name };
const M = { sheet: meetings.name };
const cell = (row: number, column: number) => ({ sheet: projects.name, row, column });
const AS_OF = 44834; // 2022-09-30

const TARGETS: [string, { sheet: string }][] = [
  ["fair-signing", P], ["new-starts", P], ["key-negotiations", P], ["planned-projects", P], ["trips-main", T], ["trips-deputy", T],
  ["invitations", I], ["no-blank", P], ["owner-promotions", P], ["expert-review", P], ["weekly-meetings", M], ["annual-task", P],
];
const KINDS = ["街道", "园区", "区直部门", "指挥部", null];

/** The shared table: [function, arguments]. */
const CALLS: [Name, Arg[]][] = [
  ...TARGETS.flatMap(([target, table]) =>
    KINDS.flatMap((kind): [Name, Arg[]][] => [
      ["TARGETMET", [target, table, kind, AS_OF, null]],
      ["TARGETGAP", [target, table, kind, "2022-09-30", null]],
    ]),
  ),
  ["TARGETMET", ["不存在的目标", P, "街道", AS_OF]],
  ["TARGETGAP", ["新开工", P, "街道", "九月底"]],
  ["TARGETGAP", ["新开工", P, "街道", 44804]], // 2022-08-31: only two starts
  ["TARGETMET", ["trips-main", T, null, AS_OF, "财源街道"]],
  ["TARGETMET", ["trips-main", T, null, AS_OF, "城关镇"]],
  ["PENALTY", [P]],
  ["PENALTY", [P, "街道", AS_OF, null, 3]],
  ["PENALTY", [T, "街道", AS_OF, null, null, 2]],
  ["PENALTY", [I, "街道", AS_OF]],
  ["SCORE", [P, AS_OF]],
  ["SCORE", [P, AS_OF, null, 2.5, 2]],
  ["SCORE", [T, AS_OF]],
  ["SCORE", [P, AS_OF, null, -1]],
  // STARTSTATUS of every project row, its cells as arguments: 项目状态 F, 计划开工 J, 实际开工 K.
  ...Array.from({ length: 26 }, (_, i): [Name, Arg[]] => ["STARTSTATUS", [cell(6 + i, 6), cell(6 + i, 10), cell(6 + i, 11), AS_OF]]),
  ["STARTSTATUS", ["签约", "2022-10-10", null, "2022-09-30", 5]],
  ["STARTSTATUS", ["搁置中", "", "", AS_OF]],
  // AMOUNT of every 总投资 cell (E), in 万元 and in 元.
  ...Array.from({ length: 26 }, (_, i): [Name, Arg[]] => ["AMOUNT", [cell(6 + i, 5)]]),
  ["AMOUNT", [3_000_000, "元"]],
  ["AMOUNT", ["1.2亿"]],
  ["AMOUNT", ["五百万", null]],
  ["AMOUNT", [12, "英镑"]],
];

/** Excel's functions by the ids of its functions.json, which WPS's names are. */
const EXCEL: Record<Name, unknown> = {
  TARGETMET: excel.targetMet,
  TARGETGAP: excel.targetGap,
  PENALTY: excel.penalty,
  SCORE: excel.score,
  STARTSTATUS: excel.startStatus,
  AMOUNT: excel.amount,
};

type Answer = { value: unknown } | { error: string; message: string };

async function answerOf(call: () => unknown): Promise<Answer> {
  try {
    return { value: await call() };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

const fake = FakeWps.fromSheets(sampleSheets());
const book = fake.application().ActiveWorkbook!;
const grids = new Map(sampleSheets().map((s) => [s.name, officeGrid(s.grid)]));

/** An argument as Excel passes it. */
function excelArg(a: Arg): unknown {
  if (a === null || typeof a !== "object") return a;
  const grid = grids.get(a.sheet)!;
  return "row" in a ? grid[a.row - 1][a.column - 1] : grid;
}

/** An argument as WPS may pass it: a Range object, or (`arrays`) a 2-D array of Value2 (blanks undefined). */
function wpsArg(a: Arg, arrays: boolean): unknown {
  if (a === null || typeof a !== "object") return a;
  const ws = book.Worksheets.Item(a.sheet);
  const range: WpsRange =
    "row" in a ? ws.Range(cellAddress(a.row, a.column)) : ws.Range(`A1:${cellAddress(grids.get(a.sheet)!.length, grids.get(a.sheet)![0].length)}`);
  if (!arrays) return range;
  const value = range.Value2;
  return Array.isArray(value) ? value : [[value]];
}

beforeEach(() => {
  resetWorkbookSettings();
  clearTableCache();
  fake.storage.clear();
  delete (globalThis as { Application?: unknown }).Application;
});

describe.each([
  ["Range objects", false],
  ["2-D arrays", true],
] as const)("WPS, ranges as %s, answers as Excel does", (_name, arrays) => {
  test.each(CALLS.map(([name, args], i) => [`${i + 1}. ${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`, name, args] as const))(
    "%s",
    async (_label, name, args) => {
      const inExcel = await answerOf(() => (EXCEL[name] as (...a: unknown[]) => Promise<unknown>)(...args.map(excelArg)));
      const inWps = await answerOf(() => (wps.WPS_FUNCTIONS[name] as (...a: unknown[]) => unknown)(...args.map((a) => wpsArg(a, arrays))));
      expect(inWps).toEqual(inExcel);
    },
  );
});

test("the table holds values of every kind and errors of both kinds", async () => {
  const answers = await Promise.all(CALLS.map(([name, args]) => answerOf(() => (wps.WPS_FUNCTIONS[name] as (...a: unknown[]) => unknown)(...args.map((a) => wpsArg(a, false))))));
  const kinds = new Set(answers.map((a) => ("error" in a ? a.error : typeof a.value)));
  expect([...kinds].sort()).toEqual(["#N/A", "#VALUE!", "boolean", "number", "string"]);
  expect(answers.filter((a) => "value" in a && a.value === true).length).toBeGreaterThan(5);
  expect(answers.filter((a) => "value" in a && a.value === false).length).toBeGreaterThan(5);
  // the statuses of the sample's rows: all five labels and the empty answer occur
  const statuses = new Set(answers.slice(CALLS.findIndex(([n]) => n === "STARTSTATUS")).flatMap((a) => ("value" in a && typeof a.value === "string" ? [a.value] : [])));
  expect(statuses.size).toBeGreaterThanOrEqual(4);
});

test("the settings the pane published reach the WPS functions, as the loaded settings reach Excel's", async () => {
  (globalThis as { Application?: unknown }).Application = fake.application();
  publishSettings(fake.application().PluginStorage, { annualTask: 40000 }, 1900);
  setWorkbookSettings({ annualTask: 40000 }, 1900);
  const inExcel = await excel.targetGap("全年任务", grids.get(projects.name)!, "街道", AS_OF);
  resetWorkbookSettings();
  clearTableCache();
  expect(wps.TARGETGAP("全年任务", book.Worksheets.Item(projects.name).UsedRange, "街道", AS_OF)).toBe(inExcel);
  expect(wps.TARGETMET("annual-task", book.Worksheets.Item(projects.name).UsedRange, "街道", AS_OF)).toBe(true);
});

test("registration names the namespace ZS and all six functions", () => {
  const added: string[] = [];
  (globalThis as { wps?: unknown }).wps = { AddCustomFunction: (ns: string, name: string) => added.push(`${ns}.${name}`) };
  try {
    expect(wps.registerFunctions()).toBe(6);
  } finally {
    delete (globalThis as { wps?: unknown }).wps;
  }
  expect(added).toEqual(["ZS.TARGETMET", "ZS.TARGETGAP", "ZS.PENALTY", "ZS.SCORE", "ZS.STARTSTATUS", "ZS.AMOUNT"]);
  expect(wps.registerFunctions()).toBe(0); // before WPS 12.1.0.20540: nothing to register with
});
