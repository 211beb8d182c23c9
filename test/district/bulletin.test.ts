/**
 * `zsledger report DIR --out FILE.xlsx`: the bulletin read back with ExcelJS, every cell of 汇总
 * compared with the per-file JSON of `check DIR --format json` (with the same config), the
 * overdue projects and the findings list likewise (files named below the folder, rules by their
 * titles), the broken file listed as unreadable, the 说明 sheet's requirements from the core's
 * thresholds, the print setup, and formula-like text kept as text.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { TARGET_THRESHOLDS } from "../../src/core/assess";
import { UNIT_KIND_LABELS, TARGET_LABELS } from "../../src/core/labels";
import { ruleTitle } from "../../src/core/rules/catalog";
import type { RuleId } from "../../src/core/findings";
import { MARK_STYLES } from "../../src/core/marks/mark";
import { TARGET_IDS } from "../../src/core/result";
import { sniffFile } from "../../src/cli/sniff";
import { entryStream } from "../../src/cli/zip";
import { runCli, tempDir } from "../cli/helpers";
import { FORMULA_NAME, writeDistrict, type District } from "./fixtures";

interface JsonTarget {
  id: string;
  met: boolean | null;
  actual: number | null;
  required: number | null;
}
interface JsonFinding {
  sheet: string;
  cell: string;
  row: number | null;
  rule: string;
  severity: string;
  message: string;
  unit?: string;
}
interface Figures {
  unitKind: string;
  targets: JsonTarget[];
  keyStarts: number | null;
  score: number;
  penalty: number;
  errors: number;
  warnings: number;
}
interface JsonFile extends Figures {
  file: string;
  findings: JsonFinding[];
  units?: (Figures & { unit: string })[];
}
type Entry = JsonFile | { file: string; error: string };

let district: District;
let cleanup: () => void;
let json: { asOf: string; files: Entry[] };
let wb: ExcelJS.Workbook;
let report: { code: number; stdout: string; stderr: string };
const OUT = "泰山区半月通报.xlsx";

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  district = await writeDistrict(t.dir);
  json = JSON.parse((await runCli(["check", "台账", "--config", "district.json", "--format", "json"], { cwd: district.dir })).stdout);
  report = await runCli(["report", "台账", "--out", OUT, "--config", "district.json"], { cwd: district.dir });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(district.dir, OUT));
});
afterAll(() => cleanup());

/** A file as the bulletin names it: its path below the folder given (台账/街道/x.xlsx → 街道/x.xlsx). */
function named(file: string): string {
  return path.relative("台账", file);
}

/** The single-unit files' unit names, as the district knows them (省庄镇 through the config's alias). */
function unitNameOf(file: string): string {
  const f = district.files;
  return ({ [f.caiyuan]: "财源街道", [f.daimiao]: "岱庙街道", [f.shengzhuang]: "省庄镇", [f.park]: "泰山高新区", [f.department]: "区商务局" } as Record<string, string>)[file];
}

/** The rows 汇总 must show, computed here from the JSON alone: one per unit, ranked by score − penalty. */
function expectedSummary() {
  const units = json.files.flatMap((f) => {
    if ("error" in f) return [];
    return f.units ? f.units.map((u) => ({ ...u, file: f.file })) : [{ ...f, unit: unitNameOf(f.file), file: f.file }];
  });
  const ordered = units.map((u, i) => ({ u, i, net: u.score - u.penalty })).sort((a, b) => b.net - a.net || a.i - b.i);
  const ids = TARGET_IDS.filter((id) => units.some((u) => u.targets.some((t) => t.id === id)));
  const rows = ordered.map(({ u, net }) => {
    const rank = ordered.findIndex((o) => o.net === net) + 1;
    const cells = ids.map((id) => {
      const t = u.targets.find((x) => x.id === id);
      if (!t) return null;
      if (t.met === null) return "未评估";
      return `${t.actual}/${t.required} ${t.met ? "✓" : "✗"}`;
    });
    return [rank, u.unit, UNIT_KIND_LABELS[u.unitKind as keyof typeof UNIT_KIND_LABELS].zh, ...cells, u.keyStarts ?? "未评估", u.score, u.penalty, net, u.errors, u.warnings, named(u.file)];
  });
  return { ids, rows, count: units.length };
}

function rowValues(ws: ExcelJS.Worksheet, row: number, width: number): unknown[] {
  return Array.from({ length: width }, (_, i) => {
    const v = ws.getRow(row).getCell(i + 1).value;
    return v === undefined ? null : v;
  });
}

test("the run: exit 1 (one file unreadable), one line on stdout, the broken file and the count on stderr", () => {
  expect(report.code).toBe(1);
  expect(report.stdout).toBe(`已写入通报 ${OUT}：8 个单位，1 个文件无法读取（列在“汇总”表下方）\n`);
  expect(report.stderr).toContain(`zsledger: 无法检查 ${district.files.broken}：文件不完整`);
  expect(report.stderr).toContain("zsledger: 共检查 7 个文件，其中 1 个无法读取（已跳过）");
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(["汇总", "逾期未开工", "问题清单", "说明"]);
});

test("汇总: every cell equals the per-file JSON, one row per unit, ranked by 得分 − 扣分 with ties sharing a rank", () => {
  const ws = wb.getWorksheet("汇总")!;
  const { ids, rows, count } = expectedSummary();
  expect(count).toBe(8);
  expect(ws.getCell("A1").value).toBe("泰山区招商引资集中攻坚活动半月通报（截至2022年9月30日）");
  // No ledger of this district has a 区级重点 column: the district's key starts are not assessed (each unit's 未评估).
  expect(ws.getCell("A2").value).toBe("活动期间：2022年8月1日至2022年9月30日　统计截止日：2022年9月30日　参评单位 8 个　区级重点项目开工 未评估　无法读取的文件 1 个　未报送台账的单位 1 个");
  const header = ["排名", "单位", "类型", ...ids.map((id) => TARGET_LABELS[id].zh), "区级重点项目开工", "得分", "扣分", "得分−扣分", "错误", "警告", "来源文件"];
  expect(rowValues(ws, 3, header.length + 1)).toEqual([...header, null]);
  rows.forEach((expected, i) => expect(rowValues(ws, 4 + i, header.length + 1)).toEqual([...expected, null]));
  // The fixture has a tie (财源街道 and 泰山高新区 both at 6 − 7) and units of every kind.
  const ranks = rows.map((r) => r[0]);
  expect(new Set(ranks).size).toBeLessThan(ranks.length);
  expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(["街道/镇", "园区", "区直部门"]));
  expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(["省庄镇", "区发改局", "区工信局", "区文旅局", "区商务局"]));
});

test("汇总: met and not-met targets in the marks' colours", () => {
  const ws = wb.getWorksheet("汇总")!;
  const { rows, ids } = expectedSummary();
  let met = 0;
  let notMet = 0;
  rows.forEach((r, i) =>
    ids.forEach((_, j) => {
      const { fill: pattern, font } = ws.getRow(4 + i).getCell(4 + j).style;
      const fill = (pattern as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      if (typeof r[3 + j] === "string" && (r[3 + j] as string).endsWith("✓")) {
        expect(fill).toBe("FFC6EFCE");
        met++;
      } else if (typeof r[3 + j] === "string" && (r[3 + j] as string).endsWith("✗")) {
        expect(fill).toBe("FF" + MARK_STYLES["start-alert"].fill!.slice(1));
        expect(font?.color?.argb).toBe("FF" + MARK_STYLES["start-alert"].font.slice(1));
        notMet++;
      } else expect(fill).toBeUndefined();
    }),
  );
  expect(met).toBeGreaterThan(10);
  expect(notMet).toBeGreaterThan(5);
});

test("汇总: the unreadable file is listed below the table with its reason, and the unit that sent nothing", () => {
  const ws = wb.getWorksheet("汇总")!;
  const texts: string[] = [];
  ws.eachRow((row) => {
    const v = row.getCell(1).value;
    if (typeof v === "string") texts.push(v);
  });
  const broken = json.files.find((f) => f.file === district.files.broken) as { error: string };
  const at = texts.indexOf("无法读取的文件（1 个，未计入本通报）：");
  expect(at).toBeGreaterThan(0);
  expect(texts[at + 1]).toBe(`${named(district.files.broken)}：${broken.error}`);
  expect(texts).toContain("未报送台账的单位（1 个）：天外村街道");
  // Nothing in the folder goes unmentioned: the .docx by name, the hidden folder and the lock file by count.
  const skipped = texts.indexOf("未检查的文件（3 个）：");
  expect(texts.slice(skipped + 1, skipped + 3)).toEqual([
    "街道/说明.docx：不是表格文件",
    "另已跳过 1 个隐藏文件或文件夹（名称以“.”开头）、1 个 Excel/WPS 锁定文件（名称以“~$”开头，打开文件时自动生成）。",
  ]);
});

test("逾期未开工: every signed project overdue or missing its planned start, as the findings say", () => {
  const ws = wb.getWorksheet("逾期未开工")!;
  const expected = json.files.flatMap((f) =>
    "error" in f
      ? []
      : f.findings
          .filter((x) => x.rule === "overdue-start" || x.rule === "missing-planned-start")
          .map((x) => ({ status: x.rule === "overdue-start" ? "逾期未开工" : "缺计划开工日期", where: `${named(f.file)} / ${x.sheet} 第 ${x.row} 行`, unit: x.unit ?? unitNameOf(f.file) })),
  );
  expect(expected.length).toBeGreaterThan(8);
  expect(rowValues(ws, 2, 10)).toEqual(["序号", "单位", "项目名称", "总投资（万元）", "签约日期", "计划开工日期", "状态", "逾期天数", "包保责任人", "来源"]);
  expected.forEach((e, i) => {
    const v = rowValues(ws, 3 + i, 10);
    expect([v[0], v[1], v[6], v[9]]).toEqual([i + 1, e.unit, e.status, e.where]);
  });
  expect(ws.getRow(3 + expected.length).getCell(1).value ?? null).toBeNull();

  // One row in full: 财源街道's 数字经济产业园项目 (row 9), planned 2022-09-15, 15 days overdue.
  const row9 = expected.findIndex((e) => e.where === `${named(district.files.caiyuan)} / 项目台账 第 9 行`);
  expect(rowValues(ws, 3 + row9, 10)).toEqual([
    row9 + 1,
    "财源街道",
    "数字经济产业园项目",
    8000,
    new Date("2022-07-18T00:00:00Z"),
    new Date("2022-09-15T00:00:00Z"),
    "逾期未开工",
    15,
    "孙丽",
    "街道/财源街道招商引资台账.xlsx / 项目台账 第 9 行",
  ]);
});

test("问题清单: every finding with its file (named below the folder), sheet, cell, rule title and message", () => {
  const ws = wb.getWorksheet("问题清单")!;
  const expected = json.files.flatMap((f) => ("error" in f ? [] : f.findings.map((x) => ({ file: f.file, ...x }))));
  expect(rowValues(ws, 2, 8)).toEqual(["序号", "单位", "文件", "工作表", "单元格", "级别", "规则", "问题说明"]);
  expected.forEach((e, i) => {
    const v = rowValues(ws, 3 + i, 8);
    expect([v[0], v[2], v[3] ?? "", v[4] ?? "", v[5], v[6], v[7]]).toEqual([
      i + 1,
      named(e.file),
      e.sheet,
      e.cell,
      e.severity === "error" ? "错误" : "警告",
      ruleTitle(e.rule as RuleId, "zh"),
      e.message,
    ]);
    expect(String(v[2])).not.toMatch(/^\.\.|^台账/);
  });
  // A Chinese document: no English rule id in the 规则 column.
  expect(ws.getColumn(7).values.filter((x) => typeof x === "string" && /^[a-z-]+$/.test(x))).toEqual([]);
  expect(ws.getRow(3 + expected.length).getCell(1).value ?? null).toBeNull();
  const errors = expected.filter((e) => e.severity === "error").length;
  expect(ws.getCell("A1").value).toBe(`台账问题清单（错误 ${errors} 个，警告 ${expected.length - errors} 个；截至2022年9月30日）`);
});

test("printable: A4 landscape fitted to width, header rows frozen and repeated, widths from the text (CJK counts double)", () => {
  for (const ws of wb.worksheets) {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const header = ws.name === "汇总" || ws.name === "说明" ? 3 : 2;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: header });
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
  }
  // 高端医疗器械产业化项目: 11 CJK characters, 22 columns of text, plus a margin.
  expect(wb.getWorksheet("逾期未开工")!.getColumn(3).width).toBeGreaterThanOrEqual(24);
  expect(wb.getWorksheet("问题清单")!.getColumn(8).width).toBe(66);
});

test("说明: each target's requirement and each kind's figure, from the core's thresholds; the points of the run", () => {
  const ws = wb.getWorksheet("说明")!;
  expect(rowValues(ws, 3, 6)).toEqual(["指标", "考核要求", "街道/镇", "园区", "区直部门", "指挥部"]);
  const rows = TARGET_IDS.map((_, i) => rowValues(ws, 4 + i, 6));
  const byLabel = new Map(rows.map((r) => [r[0], r]));
  expect(rows.map((r) => r[0])).toEqual(TARGET_IDS.map((id) => TARGET_LABELS[id].zh));
  const T = TARGET_THRESHOLDS;
  expect(byLabel.get("全年任务")).toEqual(["全年任务", `到位资金达到全年任务的 ${T.annualTaskShare * 100}%（仅对设置了全年任务的单位评估）`, "考核", "考核", "考核", "考核"]);
  expect(byLabel.get("主要负责人外出")!.slice(2)).toEqual([`不少于 ${T.tripsMain.town} 次`, `不少于 ${T.tripsMain.park} 次`, `不少于 ${T.tripsMain.department} 次`, "—"]);
  expect(byLabel.get("投洽会签约")).toEqual(["投洽会签约", `投洽会签约项目中 1亿元以上的不少于 ${T.fairSigningCount} 个，其中 10亿元以上的不少于 ${T.fairSigningBigCount} 个`, "考核", "考核", "—", "—"]);
  expect(byLabel.get("新开工")![1]).toBe(`活动期间实际开工项目不少于 ${T.newStartsCount} 个，其中 5000万元以上的不少于 ${T.newStartsBigCount} 个`);
  expect(byLabel.get("杜绝空白")!.slice(2)).toEqual(["—", "—", "考核", "—"]);
  expect(byLabel.get("客商邀请")![1]).toContain(`不少于 ${T.invitations} 人`);
  const texts: string[] = [];
  ws.eachRow((row) => texts.push(String(row.getCell(1).value)));
  expect(texts).toContain("计分：每个签约项目分值 B = 2，按期开工得 B，延期开工得 B/2，未按期开工扣 B/2，不能实施扣 2B；投洽会签约项目另加 F = 1 分；主要负责人外出每少 1 次扣 2P（P = 1）。排名按 得分 − 扣分 从高到低。");
});

test("formula-like text (a project named =1+1) stays text: a string cell, no formula, quotePrefix set", async () => {
  const ws = wb.getWorksheet("逾期未开工")!;
  const cell = ws.getColumn(3).values.findIndex((v) => v === FORMULA_NAME);
  expect(cell).toBeGreaterThan(2);
  expect(ws.getRow(cell).getCell(3).type).toBe(ExcelJS.ValueType.String);

  const file = path.join(district.dir, OUT);
  const sniffed = sniffFile(file);
  if ("problem" in sniffed) throw new Error(sniffed.problem.kind);
  const part = async (name: string) => {
    const chunks: Buffer[] = [];
    for await (const c of entryStream(file, sniffed.entries.find((e) => e.name === name)!)) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  };
  const sheets = sniffed.entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
  for (const s of sheets) expect(await part(s.name)).not.toMatch(/<f[ >]/);
  const xml = await part("xl/worksheets/sheet2.xml");
  const style = Number(new RegExp(`<c r="C${cell}" s="(\\d+)"`).exec(xml)![1]);
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(await part("xl/styles.xml"))![1].match(/<xf\b[^>]*>/g)!;
  expect(xfs[style]).toMatch(/numFmtId="49"/);
  expect(xfs[style]).toMatch(/quotePrefix="1"/);
  // Only formula-like text gets it.
  expect(xfs.filter((x) => /quotePrefix/.test(x)).every((x) => /numFmtId="49"/.test(x))).toBe(true);
});

test("--as-of titles the bulletin and checks every ledger as of that day; no config: 全区", async () => {
  const r = await runCli(["report", "台账", "--out", "早.xlsx", "--as-of", "2022-09-15"], { cwd: district.dir });
  expect(r.code).toBe(1);
  const early = new ExcelJS.Workbook();
  await early.xlsx.readFile(path.join(district.dir, "早.xlsx"));
  expect(early.getWorksheet("汇总")!.getCell("A1").value).toBe("全区招商引资集中攻坚活动半月通报（截至2022年9月15日）");
  expect(early.getWorksheet("问题清单")!.getCell("A1").value).toMatch(/截至2022年9月15日）$/);
});

test("an earlier bulletin inside the folder is not read as a ledger; --out must not be an input; bad --out", async () => {
  fs.copyFileSync(path.join(district.dir, OUT), path.join(district.units, "通报.xlsx"));
  const again = await runCli(["report", "台账", "--out", path.join("台账", "通报.xlsx")], { cwd: district.dir });
  expect(again.stdout).toMatch(/：8 个单位/);
  expect(again.stderr).toContain("zsledger: 未检查 台账/通报.xlsx：这是本工具生成的通报，不是台账\n");
  const same = await runCli(["report", district.files.park, "--out", district.files.park], { cwd: district.dir });
  expect(same).toMatchObject({ code: 2, stdout: "" });
  expect(same.stderr).toMatch(/^zsledger: --out 的输出文件 .* 是要检查的台账之一，请另取一个文件名\n$/);
  const noOut = await runCli(["report", "台账"], { cwd: district.dir });
  expect(noOut).toMatchObject({ code: 2, stderr: "zsledger: 缺少 --out：请给出通报工作簿的输出路径，如 --out 通报.xlsx\n" });
  const notXlsx = await runCli(["report", "台账", "--out", "通报.pdf"], { cwd: district.dir });
  expect(notXlsx).toMatchObject({ code: 2, stderr: "zsledger: --out 的输出文件 通报.pdf 应以 .xlsx 结尾\n" });
  const unwritable = await runCli(["report", "台账", "--out", path.join("没有这个文件夹", "通报.xlsx")], { cwd: district.dir });
  expect(unwritable.code).toBe(2);
  expect(unwritable.stderr.split("\n").filter(Boolean).pop()).toMatch(/^zsledger: 无法写入 没有这个文件夹\/通报\.xlsx（ENOENT），请检查文件夹是否存在/);
  expect(fs.readdirSync(district.dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
});

test("no inputs: exit 2 with the usage", async () => {
  const r = await runCli(["report", "--out", "x.xlsx"], { cwd: district.dir });
  expect(r).toMatchObject({ code: 2, stdout: "", stderr: "zsledger: 缺少台账文件或文件夹，用法：zsledger report 文件夹... --out 通报.xlsx\n" });
});
