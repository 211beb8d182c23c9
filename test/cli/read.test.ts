/**
 * Reading real .xlsx files: the 1904 date system, what ExcelJS gives for rich text, formulas,
 * hyperlinks and error cells, hidden sheets, a sheet holding several units, several files at once.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { toCellValue } from "../../src/cli/cellValue";
import { readWorkbookFile } from "../../src/cli/readWorkbook";
import { sniffFile } from "../../src/cli/sniff";
import { dayFromYMD, serialFromDay } from "../../src/core/day";
import type { CellValue } from "../../src/core/sheet";
import * as fs from "fs";
import { WORKBOOK_XML, d, oneLine, rels, runCli, storedZip, tempDir, writeWorkbook } from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const HEADER: CellValue[] = ["项目名称", "总投资", "项目状态", "签约日期", "计划开工日期", "实际开工日期"];

/** A clean projects ledger of 东城镇: one project started on time, one signed and due later. */
const CLEAN: CellValue[][] = [
  ["东城镇招商引资项目台账", null, null, null, null, null],
  HEADER,
  ["东城智能制造项目", 8000, "开工", d("2022-08-01"), d("2022-08-20"), d("2022-08-15")],
  ["东城冷链物流项目", "1.5亿", "签约", d("2022-09-01"), d("2022-12-01"), null],
];

/**
 * Findings of the sheets, less the missing-column warnings these small ledgers raise for the columns
 * they leave out on purpose (到位资金, 投洽会签约, 重点在谈, 专家论证).
 */
const onSheets = (file: Json): Json[] => file.findings.filter((x: Json) => x.sheet !== "" && x.rule !== "missing-column");

async function json(argv: string[], today?: Date): Promise<{ code: number; report: Json; stderr: string }> {
  const out = await runCli(["check", "--format", "json", ...argv], { today });
  return { code: out.code, report: JSON.parse(out.stdout), stderr: out.stderr };
}

describe("the 1904 date system", () => {
  let file: string;
  beforeAll(async () => {
    // Serial numbers in a date column mean a day 1462 days later in a 1904 workbook than in a 1900 one.
    const planned1904 = serialFromDay(dayFromYMD(2022, 10, 10)!, 1904);
    file = await writeWorkbook(
      path.join(dir, "东城镇1904.xlsx"),
      [
        {
          name: "项目台账",
          merges: [],
          grid: [
            HEADER,
            ["东城智能制造项目", 8000, "开工", d("2022-08-01"), d("2022-08-20"), d("2022-08-15")],
            ["东城冷链物流项目", 15000, "签约", d("2022-09-01"), planned1904, null],
          ],
        },
      ],
      { date1904: true },
    );
  });

  test("the reader finds the workbook's 1904 flag", async () => {
    const sniffed = sniffFile(file);
    if (!("entries" in sniffed)) throw new Error("sniff failed");
    const { dateSystem, result } = await readWorkbookFile(file, sniffed.entries, { name: "东城镇1904.xlsx", overrides: { asOf: dayFromYMD(2022, 9, 30)! } });
    expect(dateSystem).toBe(1904);
    expect(result.projects.map((p) => [p.row, p.status])).toEqual([
      [2, "started"],
      [3, "due-soon"],
    ]);
  });

  test("serials and date cells read in 1904: the planned start 2022-10-10 is due soon, the start on time", async () => {
    const { report } = await json([file, "--as-of", "2022-09-30"]);
    const f = report.files[0];
    expect(onSheets(f).map((x: Json) => [x.cell, x.rule, x.message])).toEqual([
      ["E3", "start-due-soon", "计划开工日期 2022-10-10 临近（14 天内），项目尚未开工"],
    ]);
    expect(f.targets.find((t: Json) => t.id === "new-starts")).toMatchObject({ actual: 1 });
  });
});

test("toCellValue: what each ExcelJS value shows", () => {
  const cases: [unknown, CellValue][] = [
    [null, null],
    [undefined, null],
    [12000, 12000],
    ["1.2亿", "1.2亿"],
    [true, true],
    [d("2022-08-15"), d("2022-08-15")],
    [{ richText: [{ text: "智能" }, { font: { bold: true }, text: "制造项目" }] }, "智能制造项目"],
    [{ formula: "SUM(E6:E31)", result: 517300 }, 517300],
    [{ formula: "DATE(2022,8,15)", result: d("2022-08-15") }, d("2022-08-15")],
    [{ formula: "E6*2" }, null],
    [{ sharedFormula: "E6", result: "是" }, "是"],
    [{ formula: "VLOOKUP(A1,B:C,2,0)", result: NaN }, { error: "#VALUE!" }],
    [{ error: "#REF!" }, { error: "#REF!" }],
    [{ text: "项目链接", hyperlink: "https://example.com" }, "项目链接"],
    [{ text: { richText: [{ text: "甲" }, { text: "乙" }] }, hyperlink: "#Sheet2!A1" }, "甲乙"],
    [{ something: "else" }, null],
  ];
  for (const [input, expected] of cases) expect(toCellValue(input)).toEqual(expected);
});

test("rich text, formulas, hyperlinks and error cells in a file", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目台账");
  ws.addRow(HEADER as ExcelJS.CellValue[]);
  ws.addRow([{ richText: [{ text: "西城" }, { font: { bold: true }, text: "文旅项目" }] }, { formula: "3000*2", result: 6000 }, "签约", d("2022-09-01"), d("2022-12-01")]);
  ws.addRow([{ text: "西城 文旅项目", hyperlink: "https://example.com/p/1" }, { formula: "E9*2" }, "签约", d("2022-09-02"), d("2022-12-01")]);
  ws.addRow(["西城物流项目", { error: "#REF!" }, "签约", d("2022-09-03"), d("2022-12-01")]);
  const file = path.join(dir, "西城街道富文本.xlsx");
  await wb.xlsx.writeFile(file);

  const { report } = await json([file, "--as-of", "2022-09-30"]);
  const found = onSheets(report.files[0]).map((x: Json) => [x.cell, x.rule, x.message]);
  expect(found).toEqual([
    // The rich-text name and the hyperlink's text are the same project once spaces are dropped.
    ["A3", "duplicate-project", "项目“西城 文旅项目”与第 2 行重复"],
    // A formula never calculated has no cached value: blank.
    ["B3", "missing-value", "必填项“总投资”为空"],
    ["B4", "invalid-amount", "总投资“#REF!”无法识别为金额"],
  ]);
});

test("a hidden 台账设置 sheet still sets the as-of date", async () => {
  const wb = new ExcelJS.Workbook();
  const ledger = wb.addWorksheet("项目台账");
  for (const row of CLEAN) ledger.addRow(row as ExcelJS.CellValue[]);
  const settings = wb.addWorksheet("台账设置", { state: "hidden" });
  settings.addRows([["项目", "值"], ["统计截止日", "2022-09-10"]]);
  const file = path.join(dir, "东城镇隐藏设置.xlsx");
  await wb.xlsx.writeFile(file);
  const { report } = await json([file]);
  expect(report.asOf).toBe("2022-09-10");
});

test("without --as-of or 台账设置, today is the as-of date", async () => {
  const file = await writeWorkbook(path.join(dir, "东城镇.xlsx"), [{ name: "项目台账", merges: [], grid: CLEAN }]);
  const { code, report } = await json([file], new Date(2022, 8, 30, 15, 0));
  expect(report.asOf).toBe("2022-09-30");
  // Clean rows; the missing trips, invitations and meetings ledgers are warnings only.
  expect(code).toBe(0);
  expect(report.files[0].errors).toBe(0);
  expect(report.files[0].findings.filter((f: Json) => f.rule !== "missing-column").map((f: Json) => f.rule)).toEqual(["missing-ledger", "missing-ledger", "missing-ledger"]);
  expect(report.files[0].findings[0]).toMatchObject({ sheet: "", cell: "", row: null, field: null });
});

describe("a sheet holding two units", () => {
  let file: string;
  beforeAll(async () => {
    file = await writeWorkbook(path.join(dir, "区汇总台账.xlsx"), [
      {
        name: "项目台账",
        merges: [{ top: 3, left: 1, bottom: 4, right: 1 }],
        grid: [
          ["全区招商引资项目汇总台账", null, null, null, null, null, null],
          ["单位", ...HEADER],
          ["东城镇", "东城智能制造项目", 8000, "开工", d("2022-08-01"), d("2022-08-20"), d("2022-08-15")],
          [null, "东城冷链物流项目", 15000, "签约", d("2022-09-01"), d("2022-12-01"), null],
          ["经济开发区", "开发区新材料项目", 30000, "签约", d("2022-08-10"), null, null],
        ],
      },
    ]);
  });

  test("JSON: `unit` on findings and a `units` list", async () => {
    const { code, report } = await json([file, "--as-of", "2022-09-30"]);
    expect(code).toBe(1);
    const f = report.files[0];
    expect(Object.keys(f)).toEqual(["file", "unitKind", "ledgers", "findings", "errors", "warnings", "verifications", "targets", "score", "penalty", "keyStarts", "units"]);
    const planned = f.findings.find((x: Json) => x.rule === "missing-planned-start");
    expect(Object.keys(planned)).toEqual(["sheet", "cell", "row", "field", "rule", "severity", "message", "unit", "rowKey"]);
    expect(planned).toMatchObject({ cell: "F5", row: 5, unit: "经济开发区" });
    expect(f.units.map((u: Json) => [u.unit, u.unitKind])).toEqual([
      ["东城镇", "town"],
      ["经济开发区", "park"],
    ]);
    for (const u of f.units) expect(Object.keys(u)).toEqual(["unit", "unitKind", "errors", "warnings", "targets", "score", "penalty", "keyStarts"]);
    // No 区级重点 column: the key starts are not assessed, for the file and each unit.
    expect([f.keyStarts, ...f.units.map((u: Json) => u.keyStarts)]).toEqual([null, null, null]);
    expect(f.units.map((u: Json) => u.errors)).toEqual([0, 1]);
    expect(f.score).toBe(f.units.reduce((s: number, u: Json) => s + u.score, 0));
  });

  test("text: the finding names its unit, and each unit has its block", async () => {
    const { stdout } = await runCli(["check", file, "--as-of", "2022-09-30"]);
    expect(stdout).toContain("  F5    错误  [经济开发区] 已签约项目缺计划开工日期  (missing-planned-start)");
    expect(stdout).toContain("【分单位】");
    expect(stdout).toMatch(/\n {2}▸ 东城镇（街道\/镇）：错误 0 个，警告 \d+ 个；得分 SCORE 2，扣分 PENALTY \d+\n/);
    expect(stdout).toMatch(/\n {2}▸ 经济开发区（园区）：错误 1 个/);
  });
});

describe("several files", () => {
  let clean: string;
  beforeAll(async () => {
    clean = await writeWorkbook(path.join(dir, "东城镇-多文件.xlsx"), [{ name: "项目台账", merges: [], grid: CLEAN }]);
  });

  test("one report per file; exit 1 when one of them has errors", async () => {
    const { code, stdout, stderr } = await runCli(["check", clean, path.join(__dirname, "../../assets/sample-ledger.xlsx"), "--as-of", "2022-09-30"]);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(stdout.match(/^招商台账检查报告：/gm)).toHaveLength(2);
  });

  test("a file that cannot be read: {file, error} in JSON, one line on stderr, exit 1", async () => {
    const { code, report, stderr } = await json([clean, "没有这个文件.xlsx", "--as-of", "2022-09-30"]);
    expect(code).toBe(1);
    expect(report.files[1]).toEqual({ file: "没有这个文件.xlsx", error: "找不到该文件，请检查路径" });
    expect(oneLine(stderr)).toBe("zsledger: 无法检查 没有这个文件.xlsx：找不到该文件，请检查路径");
  });

  test("relative paths are read from the working directory", async () => {
    const out = await runCli(["check", path.basename(clean), "--format", "json"], { cwd: dir, today: new Date(2022, 8, 30) });
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).files[0].file).toBe(path.basename(clean));
  });
});

test("a workbook from another tool: inline strings, no shared strings or styles, a sheet part not named sheetN.xml", async () => {
  const cell = (ref: string, v: string | number) =>
    typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const row = (n: number, values: (string | number)[]) => `<row r="${n}">${values.map((v, i) => cell(String.fromCharCode(65 + i) + n, v)).join("")}</row>`;
  const sheet =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    row(1, ["项目名称", "总投资", "项目状态", "签约日期", "计划开工日期"]) +
    // 44835 is 2022-10-01 in the 1900 system: due soon as of 2022-09-30.
    row(2, ["南城仓储项目", 6000, "签约", "2022-09-01", 44835]) +
    "</sheetData></worksheet>";
  const file = path.join(dir, "南城街道-导出.xlsx");
  fs.writeFileSync(
    file,
    storedZip([
      { name: "xl/workbook.xml", data: WORKBOOK_XML },
      { name: "xl/_rels/workbook.xml.rels", data: rels("/xl/worksheets/项目.xml") },
      { name: "xl/worksheets/项目.xml", data: sheet },
    ]),
  );
  const { report } = await json([file, "--as-of", "2022-09-30"]);
  expect(report.files[0].ledgers).toEqual([{ sheet: "项目台账", kind: "projects", headerRows: [1], dataRows: 1 }]);
  // It has no 实际开工日期 column: whether the project started is unknown, so no start-date rule
  // answers for its row, and one warning says why.
  const found = onSheets(report.files[0]).map((f: Json) => [f.cell, f.rule]);
  expect(found).toEqual([]);
  const missing = report.files[0].findings.filter((f: Json) => f.rule === "missing-column" && f.field === "actualStart");
  expect(missing.map((f: Json) => [f.cell, f.severity])).toEqual([["A1", "warning"]]);
  expect(missing[0].message).toContain("临近开工时限");
});
