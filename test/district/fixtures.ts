/**
 * A district's folder of unit ledgers, as the district office receives them: towns (街道/镇), a
 * park, a department, a summary workbook whose sheet holds several units (单位 column), a file
 * that cannot be read, Excel's lock file, a hidden backup folder, and a config file. Built from
 * the sample's grids with varied data, written with the sample's writer.
 */
import { tempDir } from "../cli/helpers";
import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../../src/core/sheet";
import { sampleSheets, type SampleSheet } from "../sample/sampleLedger";
import { workbookOf } from "../sample/writeSample";

const AS_OF = "2022-09-30";

function d(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const _ = null;

/** The sample's sheets with every "财源街道" renamed, then altered row by row (1-based rows of 项目台账). */
export function townSheets(name: string, alter: (projects: CellValue[][], sheets: SampleSheet[]) => void): SampleSheet[] {
  const sheets = sampleSheets().map((s) => ({
    ...s,
    grid: s.grid.map((row) => row.map((v) => (typeof v === "string" ? v.replace(/财源街道/g, name) : v))),
  }));
  alter(sheets[0].grid, sheets);
  return sheets;
}

export function setting(sheets: SampleSheet[], key: string, value: CellValue): void {
  const grid = sheets.find((s) => s.name === "台账设置")!.grid;
  const row = grid.find((r) => r[0] === key);
  if (row) row[1] = value;
  else grid.push([key, value]);
}

/** 岱庙街道: the project of row 8 is named "=1+1" (formula-like text), row 9 has started, row 21 goes ahead. */
export const FORMULA_NAME = "=1+1";

function daimiao(): SampleSheet[] {
  return townSheets("岱庙街道", (p) => {
    p[7][1] = FORMULA_NAME;
    p[8][10] = d("2022-09-20");
    p[8][5] = "开工";
    p[20][5] = "开工";
    p[20][10] = d("2022-08-10");
  });
}

/** 省庄镇: its 台账设置 names it 省庄镇人民政府 and calls it a park; the district's config says 省庄镇, a town. */
function shengzhuang(): SampleSheet[] {
  return townSheets("省庄镇", (p, sheets) => {
    setting(sheets, "单位名称", "省庄镇人民政府");
    setting(sheets, "单位类型", "园区");
    // Fewer trips of the principal: only one inside the window.
    const trips = sheets.find((s) => s.name === "外出招商")!.grid;
    trips.splice(6, 1);
    // Two more overdue projects.
    p[9][9] = d("2022-09-01");
    p[10][9] = d("2022-09-10");
  });
}

/** 泰山高新区, a park: fewer invitations, an extra key negotiation. */
function park(): SampleSheet[] {
  return townSheets("泰山高新区", (p, sheets) => {
    setting(sheets, "单位类型", "园区");
    const invitations = sheets.find((s) => s.name === "客商邀请")!.grid;
    invitations.splice(3, 2);
    p[27][6] = "是";
    p[27][5] = "在谈";
  });
}

/** 区商务局, a district department: a few projects, two principal's trips short of nothing, weekly meetings. */
export function department(): SampleSheet[] {
  const projects: CellValue[][] = [
    ["区商务局招商引资项目台账", _, _, _, _, _, _, _, _],
    ["序号", "项目名称", "总投资", "项目状态", "签约日期", "计划开工日期", "实际开工日期", "包保责任人", "外出推介次数"],
    [1, "泰山国际商贸城项目", "3亿", "开工", d("2022-07-15"), d("2022-08-20"), d("2022-08-18"), "张伟", _],
    [2, "跨境电商物流园项目", 18000, "签约", d("2022-08-08"), d("2022-09-10"), _, "李明", _],
    [3, "农产品冷链集散中心项目", 9000, "策划", _, _, _, "周强", 3],
    [4, "总部经济楼宇项目", 25000, "策划", _, _, _, "张伟", 1],
  ];
  const trips: CellValue[][] = [
    ["日期", "带队领导", "职务", "目的地", "拜访企业"],
    [d("2022-08-18"), "赵刚", "局长", "上海", "东方国际物流集团有限公司"],
    [d("2022-09-07"), "钱进", "副局长", "杭州", "浙江数商供应链有限公司"],
  ];
  const meetings: CellValue[][] = [
    ["日期", "地点", "内容", "记录人"],
    ...["2022-08-01", "2022-08-08", "2022-08-15", "2022-08-22", "2022-08-29", "2022-09-05", "2022-09-13", "2022-09-19", "2022-09-26"].map(
      (day): CellValue[] => [d(day), "区商务局会议室", "调度招商项目进展", "孙敏"],
    ),
  ];
  return [
    { name: "项目台账", grid: projects, merges: [{ top: 1, left: 1, bottom: 1, right: 9 }] },
    { name: "外出招商", grid: trips, merges: [] },
    { name: "例会记录", grid: meetings, merges: [] },
    { name: "台账设置", grid: [["项目", "值"], ["单位名称", "区商务局"], ["单位类型", "区直部门"], ["统计截止日", d(AS_OF)]], merges: [] },
  ];
}

/** Three departments kept in one sheet, one 单位 per block (merged cells read blank below the first). */
export function multiUnit(): SampleSheet[] {
  const grid: CellValue[][] = [
    ["区直部门招商引资项目汇总台账", _, _, _, _, _, _, _],
    ["单位", "项目名称", "总投资", "项目状态", "签约日期", "计划开工日期", "实际开工日期", "包保责任人"],
    ["区发改局", "新能源储能示范项目", "2亿", "开工", d("2022-06-20"), d("2022-08-15"), d("2022-08-12"), "王磊"],
    [_, "数字乡村服务平台项目", 6000, "签约", d("2022-08-30"), d("2022-10-08"), _, "刘芳"],
    ["区工信局", "智能制造产业园项目", 60000, "签约", d("2022-05-18"), d("2022-08-31"), _, "陈军"],
    [_, "工业互联网平台项目", 8000, "签约", d("2022-09-02"), _, _, "陈军"],
    ["区文旅局", "泰山研学基地项目", 12000, "开工", d("2022-07-01"), d("2022-07-20"), d("2022-08-05"), "马丽"],
  ];
  return [
    {
      name: "项目台账",
      grid,
      merges: [
        { top: 1, left: 1, bottom: 1, right: 8 },
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 5, left: 1, bottom: 6, right: 1 },
      ],
    },
    { name: "台账设置", grid: [["项目", "值"], ["统计截止日", d(AS_OF)]], merges: [] },
  ];
}

export interface District {
  readonly dir: string;
  /** The folder of ledgers (what `check`/`report` are given). */
  readonly units: string;
  readonly config: string;
  /** Paths relative to `dir`, as the command line shows them. */
  readonly files: {
    readonly caiyuan: string;
    readonly daimiao: string;
    readonly shengzhuang: string;
    readonly park: string;
    readonly department: string;
    readonly multi: string;
    readonly broken: string;
  };
  /** Files that must be skipped. */
  readonly skipped: readonly string[];
}

export const CONFIG = {
  district: "泰山区",
  asOf: AS_OF,
  units: {
    省庄镇: { kind: "街道", annualTask: "5亿" },
    财源街道: { annualTask: 60000 },
    泰山高新区: { kind: "园区" },
    区商务局: { kind: "区直部门" },
    天外村街道: { kind: "街道" },
  },
  aliases: { 省庄镇人民政府: "省庄镇" },
};

export async function writeDistrict(dir: string): Promise<District> {
  const units = path.join(dir, "台账");
  const rel = (...p: string[]) => path.join("台账", ...p);
  const files = {
    caiyuan: rel("街道", "财源街道招商引资台账.xlsx"),
    daimiao: rel("街道", "岱庙街道招商引资台账.xlsx"),
    shengzhuang: rel("街道", "省庄镇招商引资台账.xlsx"),
    park: rel("园区", "泰山高新区招商引资台账.xlsx"),
    department: rel("部门", "区商务局招商台账.xlsx"),
    multi: rel("部门", "区直部门汇总台账.xlsx"),
    broken: rel("天平街道招商引资台账.xlsx"),
  };
  for (const sub of ["街道", "园区", "部门", ".backup"]) fs.mkdirSync(path.join(units, sub), { recursive: true });
  const write = (file: string, sheets: SampleSheet[]) => workbookOf(sheets).xlsx.writeFile(path.join(dir, file));
  await write(files.caiyuan, sampleSheets());
  await write(files.daimiao, daimiao());
  await write(files.shengzhuang, shengzhuang());
  await write(files.park, park());
  await write(files.department, department());
  await write(files.multi, multiUnit());
  // Cut short, as an interrupted download leaves it.
  const whole = fs.readFileSync(path.join(dir, files.caiyuan));
  fs.writeFileSync(path.join(dir, files.broken), whole.subarray(0, Math.floor(whole.length / 2)));
  const skipped = [rel("街道", "~$岱庙街道招商引资台账.xlsx"), rel(".backup", "财源街道招商引资台账.xlsx"), rel("街道", "说明.docx")];
  fs.writeFileSync(path.join(dir, skipped[0]), Buffer.from("lock file of 王敏", "utf16le"));
  fs.copyFileSync(path.join(dir, files.caiyuan), path.join(dir, skipped[1]));
  fs.writeFileSync(path.join(dir, skipped[2]), "not a ledger");
  const config = path.join(dir, "district.json");
  fs.writeFileSync(config, JSON.stringify(CONFIG, null, 2));
  return { dir, units, config, files, skipped };
}

/**
 * A district written to a temporary folder before a test file's tests and removed after them;
 * the returned function gives it once written.
 */
export function useDistrict(): () => District {
  let district: District | undefined;
  let cleanup = () => {};
  beforeAll(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    district = await writeDistrict(t.dir);
  });
  afterAll(() => cleanup());
  return () => district!;
}

/**
 * A town whose 项目台账 has a 区级重点 column (Q, spanning both header rows) with 是 on the given
 * rows (1-based). The sample's projects that start inside the window as of 2022-09-30 are rows 6
 * (8-20), 7 (2022.9.15), 13 (8-10), 14 (9-06) and 18 (202209, read as 9-30); row 19 started on
 * 2021-11-20, outside it; row 8 is signed and not started.
 */
function keyStartsTown(name: string, flagged: readonly number[]): SampleSheet[] {
  const sheets = townSheets(name, (p) => {
    p[2][16] = "区级重点";
    for (const row of flagged) p[row - 1][16] = "是";
  });
  sheets[0].merges.push({ top: 3, left: 17, bottom: 4, right: 17 });
  return sheets;
}

/** The key starts' district (a folder of its own): 4, 3 and 2 key starts in the window, each with one more outside it. */
export const KEY_STARTS_UNITS = {
  岱庙街道: { file: "岱庙街道招商引资台账.xlsx", flagged: [6, 7, 13, 14, 19, 8], keyStarts: 4 },
  泰前街道: { file: "泰前街道招商引资台账.xlsx", flagged: [6, 7, 18, 19], keyStarts: 3 },
  上高街道: { file: "上高街道招商引资台账.xlsx", flagged: [13, 14, 19], keyStarts: 2 },
} as const;

/**
 * `台账/`: the three towns above, 财源街道 as the sample keeps it (no 区级重点 column: not assessed),
 * and in `台账/上次报送/` 岱庙街道's ledger of 2022-09-15 with one key start flagged, which the newer
 * one replaces. `上期/`: the previous period (as of 2022-09-15): that older 岱庙街道 ledger and 泰前街道's
 * as of then (its 9-15 start still counts, the 202209 one is after the as-of date: 2 key starts).
 */
export async function writeKeyStartsDistrict(dir: string): Promise<{ units: string; previous: string; older: string }> {
  const units = path.join(dir, "台账");
  const previous = path.join(dir, "上期");
  const older = path.join("台账", "上次报送", "岱庙街道招商引资台账.xlsx");
  for (const folder of [units, path.join(units, "上次报送"), previous]) fs.mkdirSync(folder, { recursive: true });
  for (const [name, u] of Object.entries(KEY_STARTS_UNITS)) await workbookOf(keyStartsTown(name, u.flagged)).xlsx.writeFile(path.join(units, u.file));
  await workbookOf(sampleSheets()).xlsx.writeFile(path.join(units, "财源街道招商引资台账.xlsx"));
  const asOfSeptember15 = (sheets: SampleSheet[]) => (setting(sheets, "统计截止日", d("2022-09-15")), sheets);
  const daimiaoBefore = asOfSeptember15(keyStartsTown("岱庙街道", [6, 19]));
  await workbookOf(daimiaoBefore).xlsx.writeFile(path.join(dir, older));
  await workbookOf(daimiaoBefore).xlsx.writeFile(path.join(previous, "岱庙街道招商引资台账.xlsx"));
  await workbookOf(asOfSeptember15(keyStartsTown("泰前街道", KEY_STARTS_UNITS.泰前街道.flagged))).xlsx.writeFile(path.join(previous, "泰前街道招商引资台账.xlsx"));
  return { units, previous, older };
}
