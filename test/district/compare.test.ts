/**
 * `zsledger report DIR --out 通报0930.xlsx --previous 通报0915.xlsx` (本期较上期): two periods of
 * five units with changes known by construction (periods.ts), every figure of the comparison
 * asserted; the comparison reads the previous bulletin's embedded data and nothing else; a file
 * that is not a bulletin with that data is refused with one line before any ledger is checked.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli, tempDir, type CliRun } from "../cli/helpers";
import { writePeriods } from "./periods";
import { editZip, partText, readBook, sheetValues } from "./zipEdit";

let dir: string;
let cleanup: () => void;
let first: CliRun;
let second: CliRun;
let wb: ExcelJS.Workbook;

const RANK = '"↑"0;"↓"0;"持平"';
const FIGURE = "+0;-0;0";

beforeAll(async () => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  await writePeriods(dir);
  first = await runCli(["report", "0915", "--out", "通报0915.xlsx"], { cwd: dir });
  second = await runCli(["report", "0930", "--out", "通报0930.xlsx", "--previous", "通报0915.xlsx"], { cwd: dir });
  wb = await readBook(path.join(dir, "通报0930.xlsx"));
});
afterAll(() => cleanup());

/** A row's cells under the given headers (header row `header`, data row `row`), each with its number format when it has one. */
function cells(ws: ExcelJS.Worksheet, header: number, row: number, headers: readonly string[]): unknown[] {
  const names = (ws.getRow(header).values as unknown[]).slice(1);
  return headers.map((h) => {
    const at = names.indexOf(h);
    if (at < 0) throw new Error(`no column ${h}`);
    const cell = ws.getRow(row).getCell(at + 1);
    const v = cell.value ?? null;
    return typeof v === "number" && cell.numFmt && cell.numFmt !== "General" ? [v, cell.numFmt] : v instanceof Date ? v.toISOString().slice(0, 10) : v;
  });
}

test("both runs: exit 0, one line on stdout; the second names the previous period in 汇总", () => {
  expect(first).toMatchObject({ code: 0, stdout: "已写入通报 通报0915.xlsx：5 个单位\n", stderr: "zsledger: 共检查 5 个文件，全部读取成功\n" });
  expect(second).toMatchObject({ code: 0, stdout: "已写入通报 通报0930.xlsx：5 个单位\n", stderr: "zsledger: 共检查 5 个文件，全部读取成功\n" });
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(["汇总", "本期变化", "逾期未开工", "问题清单", "说明"]);
  expect(wb.getWorksheet("汇总")!.getCell("A2").value).toBe(
    "活动期间：2022年8月1日至2022年9月30日　统计截止日：2022年9月30日　参评单位 5 个　区级重点项目开工 未评估　较上期：截至2022年9月15日",
  );
});

test("汇总: each unit's change of rank, score and penalty", () => {
  const ws = wb.getWorksheet("汇总")!;
  const headers = ["排名", "单位", "得分", "扣分", "得分−扣分", "排名较上期", "得分较上期", "扣分较上期", "来源文件"];
  expect([4, 5, 6, 7, 8, 9].map((r) => cells(ws, 3, r, headers))).toEqual([
    [1, "区卫健局", 2, 0, 2, "新报送", null, null, "区卫健局招商台账.xlsx"],
    [2, "区发改局", 1, 1, 0, [0, RANK], [0, FIGURE], [0, FIGURE], "区发改局招商台账.xlsx"],
    [2, "区商务局", 1, 1, 0, [0, RANK], [1, FIGURE], [1, FIGURE], "区商务局招商台账.xlsx"],
    [4, "区文旅局", 0, 1, -1, [1, RANK], [2, FIGURE], [-1, FIGURE], "区文旅局招商台账.xlsx"],
    [5, "区工信局", -1, 1, -2, [-1, RANK], [0, FIGURE], [0, FIGURE], "区工信局招商台账.xlsx"],
    [null, null, null, null, null, null, null, null, null],
  ]);
});

test("本期变化: per unit, the units that stopped and started, projects newly overdue and started, findings fixed", () => {
  const rows = sheetValues(wb.getWorksheet("本期变化")!).map((r) => (r ?? []).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
  const first = (n: number) => rows[n - 1]?.[0];
  expect(first(1)).toBe("本期较上期变化（本期截至2022年9月30日，上期截至2022年9月15日）");
  expect(first(2)).toBe("新增逾期未开工项目 1 个　上期以来开工项目 2 个　新增问题 1 个　已整改问题 4 个　新报送单位 1 个　本期未报送单位 1 个");
  expect(rows[2]).toEqual(["序号", "单位", "本期排名与得分（较上期）", "新增问题", "已整改问题", "新增逾期未开工", "上期以来开工"]);
  expect(rows.slice(3, 8)).toEqual([
    [1, "区卫健局", "第 1 名（本期新报送）"],
    [2, "区发改局", "第 2 名（持平），得分 0，扣分 0", 0, 1, 0, 0],
    [3, "区商务局", "第 2 名（持平），得分 +1，扣分 +1", 1, 2, 1, 1],
    [4, "区文旅局", "第 4 名（↑1），得分 +2，扣分 -1", 0, 1, 0, 1],
    [5, "区工信局", "第 5 名（↓1），得分 0，扣分 0", 0, 0, 0, 0],
  ]);
  expect(first(10)).toBe("本期新报送的单位（1 个，不计问题和项目的增减）：区卫健局");
  expect(first(12)).toBe("本期未报送的单位（1 个，上期报送）：区农业农村局（上期第 1 名）");

  expect(first(14)).toBe("新增逾期未开工的项目（1 个）");
  expect(rows.slice(14, 16)).toEqual([
    ["序号", "单位", "项目名称", "上期状态", "计划开工日期", "逾期天数", "来源"],
    [1, "区商务局", "物流园项目", "临近开工时限", "2022-09-25", 5, "区商务局招商台账.xlsx / 项目台账 第 4 行"],
  ]);
  expect(first(18)).toBe("上期以来开工的项目（2 个）");
  expect(rows.slice(18, 21)).toEqual([
    ["序号", "单位", "项目名称", "上期状态", "计划开工日期", "实际开工日期", "来源"],
    [1, "区商务局", "商贸城项目", "临近开工时限", "2022-09-20", "2022-09-18", "区商务局招商台账.xlsx / 项目台账 第 3 行"],
    [2, "区文旅局", "研学基地项目", "逾期未开工", "2022-09-01", "2022-09-20", "区文旅局招商台账.xlsx / 项目台账 第 3 行"],
  ]);
  expect(first(23)).toBe("已整改的问题（上期有、本期没有，4 个）");
  // 区工信局's rows all moved down one (a project inserted above): its findings are the same findings, not fixed and new.
  expect(rows.slice(23)).toEqual([
    ["序号", "单位", "问题说明（上期）", "规则", "级别", "单元格（上期）", "来源（上期）"],
    [1, "区发改局", "总投资“约2亿”为约数，请填写确数", "金额为约数", "警告", "C3", "区发改局招商台账.xlsx / 项目台账"],
    [2, "区商务局", "计划开工日期 2022-09-20 临近（14 天内），项目尚未开工", "临近开工时限", "警告", "F3", "区商务局招商台账.xlsx / 项目台账"],
    [3, "区商务局", "计划开工日期 2022-09-25 临近（14 天内），项目尚未开工", "临近开工时限", "警告", "F4", "区商务局招商台账.xlsx / 项目台账"],
    [4, "区文旅局", "计划开工日期 2022-09-01 已过（统计截止日 2022-09-15），项目仍未开工", "逾期未开工", "错误", "F3", "区文旅局招商台账.xlsx / 项目台账"],
  ]);
});

test("问题清单: the one new finding is marked 新增, the ones carried over (rows moved or not) are not", () => {
  const rows = sheetValues(wb.getWorksheet("问题清单")!).slice(2);
  expect(rows).toHaveLength(15);
  const marked = rows.filter((r) => r[8] === "新增").map((r) => [r[1], r[4], r[6]]);
  expect(marked).toEqual([["区商务局", "F4", "逾期未开工"]]);
  // 区工信局's overdue project moved from F3 to F4 and is still the same finding.
  expect(rows.find((r) => r[1] === "区工信局" && r[6] === "逾期未开工")).toEqual(expect.arrayContaining(["F4"]));
});

test("the comparison reads only the embedded data: a changed presentation changes nothing, changed data changes the figures", async () => {
  // Every text of the previous bulletin's sheets rewritten (unit names included), as a careless edit would.
  await editZip(path.join(dir, "通报0915.xlsx"), path.join(dir, "改过的通报0915.xlsx"), async (name, text) =>
    name === "xl/sharedStrings.xml" ? (await text()).replace(/区([\u4e00-\u9fff]{1,4})局/g, "某某单位") : undefined,
  );
  const again = await runCli(["report", "0930", "--out", "再比.xlsx", "--previous", "改过的通报0915.xlsx"], { cwd: dir });
  expect(again.code).toBe(0);
  const other = await readBook(path.join(dir, "再比.xlsx"));
  for (const name of ["汇总", "本期变化", "问题清单"]) expect(sheetValues(other.getWorksheet(name)!)).toEqual(sheetValues(wb.getWorksheet(name)!));

  // The data itself changed: 区商务局's previous score 0 → 5, so its 得分较上期 becomes 1 − 5 = −4.
  await editZip(path.join(dir, "通报0915.xlsx"), path.join(dir, "数据改过.xlsx"), async (name, text) =>
    /^customXml\/item\d+\.xml$/.test(name) ? (await text()).replace(/("unit":"区商务局"[^}]*?"score":)0/, "$15") : undefined,
  );
  expect(await partText(path.join(dir, "数据改过.xlsx"), "customXml/item1.xml")).toContain('"unit":"区商务局","unitKind":"department","file":"区商务局招商台账.xlsx","rank":2,"net":0,"score":5');
  await runCli(["report", "0930", "--out", "再比2.xlsx", "--previous", "数据改过.xlsx"], { cwd: dir });
  const changed = await readBook(path.join(dir, "再比2.xlsx"));
  expect(cells(changed.getWorksheet("汇总")!, 3, 6, ["单位", "得分较上期"])).toEqual(["区商务局", [-4, FIGURE]]);
});

describe("a --previous that cannot be compared with: one line, exit 2, nothing checked or written", () => {
  const refuse = async (file: string, line: string) => {
    const r = await runCli(["report", "0930", "--out", "不该写.xlsx", "--previous", file], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: "", stderr: `zsledger: ${line}\n` });
    expect(fs.existsSync(path.join(dir, "不该写.xlsx"))).toBe(false);
  };

  test("a bulletin from before the data was embedded", async () => {
    // As the previous version wrote it: ExcelJS's workbook with this tool as author, no marker, no data.
    const old = new ExcelJS.Workbook();
    old.creator = "zsledger 招商台账助手";
    old.title = "全区招商引资集中攻坚活动半月通报（截至2022年9月15日）";
    old.addWorksheet("汇总").getCell("A1").value = old.title;
    await old.xlsx.writeFile(path.join(dir, "旧版通报0915.xlsx"));
    await refuse("旧版通报0915.xlsx", "--previous 的文件 旧版通报0915.xlsx 是旧版本生成的通报，不含可供比较的数据；请用本版本重新生成上期通报，或去掉 --previous");
    const en = await runCli(["report", "0930", "--out", "不该写.xlsx", "--previous", "旧版通报0915.xlsx", "--lang", "en"], { cwd: dir });
    expect(en.stderr).toBe(
      "zsledger: --previous 旧版通报0915.xlsx is a bulletin from an earlier version, without the data a comparison needs; write the previous bulletin again with this version, or drop --previous\n",
    );
  });

  test("a ledger, not a bulletin", async () => {
    await refuse(path.join("0915", "区商务局招商台账.xlsx"), "--previous 的文件 0915/区商务局招商台账.xlsx 不是本工具生成的通报，无法比较；请给出上期用 zsledger report 生成的通报");
  });

  test("a bulletin whose data part another program dropped", async () => {
    await editZip(path.join(dir, "通报0915.xlsx"), path.join(dir, "无数据.xlsx"), (name) => (name.startsWith("customXml/") ? null : undefined));
    await refuse("无数据.xlsx", "--previous 的通报 无数据.xlsx 中缺少比较所需的数据（可能被其他软件另存时删去），无法比较");
  });

  test("damaged data, a wrong field, a newer format", async () => {
    const variant = async (file: string, change: (xml: string) => string) =>
      editZip(path.join(dir, "通报0915.xlsx"), path.join(dir, file), async (name, text) => (/^customXml\/item\d+\.xml$/.test(name) ? change(await text()) : undefined));
    await variant("坏数据.xlsx", (xml) => xml.replace('"units":[', '"units":[[[['));
    await refuse("坏数据.xlsx", "--previous 的通报 坏数据.xlsx 中的比较数据已损坏（JSON），无法比较");
    await variant("坏字段.xlsx", (xml) => xml.replace('"rank":1,', '"rank":"第一",'));
    await refuse("坏字段.xlsx", "--previous 的通报 坏字段.xlsx 中的比较数据已损坏（units[0].rank），无法比较");
    await variant("新格式.xlsx", (xml) => xml.replace('"version":1,', '"version":2,'));
    await refuse("新格式.xlsx", "--previous 的通报 新格式.xlsx 由更新版本的工具生成（数据格式 2），请升级本工具后再比较");
  });

  test("a file that is not there, or not a workbook", async () => {
    await refuse("没有这个文件.xlsx", "无法读取 --previous 的上期通报 没有这个文件.xlsx：找不到该文件，请检查路径");
    fs.writeFileSync(path.join(dir, "文本.xlsx"), "单位,得分\n区商务局,1\n");
    await refuse("文本.xlsx", "无法读取 --previous 的上期通报 文本.xlsx：这是文本文件（可能是改了扩展名的 CSV），不是 .xlsx 工作簿，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查");
  });
});
