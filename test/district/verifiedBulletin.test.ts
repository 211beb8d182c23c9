/**
 * 已核实 in the bulletin: a finding a unit verified stays in 问题清单, marked 已核实 with its reason
 * (核实 and 核实理由 columns), so the district sees every claim; the title counts it apart; 汇总's
 * scores and penalties are those of the same folder without the verification.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli, tempDir, writeWorkbook } from "../cli/helpers";
import type { SampleSheet } from "../sample/sampleLedger";
import { townSheets } from "./fixtures";
import { sheetValues } from "./zipEdit";

const REASON = "等待土地审批，预计10月开工";

async function bulletin(dir: string, verification: SampleSheet | null): Promise<ExcelJS.Workbook> {
  const folder = path.join(dir, verification ? "已核实" : "原样");
  fs.mkdirSync(folder);
  await writeWorkbook(path.join(folder, "财源街道招商引资台账.xlsx"), [...townSheets("财源街道", () => undefined), ...(verification ? [verification] : [])]);
  await writeWorkbook(path.join(folder, "岱庙街道招商引资台账.xlsx"), townSheets("岱庙街道", () => undefined));
  const out = path.join(dir, `${path.basename(folder)}通报.xlsx`);
  const run = await runCli(["report", folder, "--out", out]);
  expect(run.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

test("问题清单 lists the verified finding as 已核实 with its reason; 汇总 does not change", async () => {
  const { dir, cleanup } = tempDir();
  try {
    // The row key as the command line reports it for 财源街道's overdue J9.
    const probe = await writeWorkbook(path.join(dir, "probe.xlsx"), townSheets("财源街道", () => undefined));
    const json = JSON.parse((await runCli(["check", probe, "--format", "json"])).stdout);
    const key = json.files[0].findings.find((f: { cell: string; rule: string }) => f.cell === "J9" && f.rule === "overdue-start").rowKey as string;

    const plain = await bulletin(dir, null);
    const verified = await bulletin(dir, { name: "台账核实", grid: [["规则", "工作表", "行键", "理由", "核实人", "日期"], ["overdue-start", "项目台账", key, REASON, "王敏", "2022-09-28"]], merges: [] });

    const list = sheetValues(verified.getWorksheet("问题清单")!);
    expect(list[1]).toEqual(["序号", "单位", "文件", "工作表", "单元格", "级别", "规则", "问题说明", "核实", "核实理由"]);
    const claimed = list.slice(2).filter((r) => r[8] === "已核实");
    expect(claimed).toHaveLength(1);
    expect(claimed[0].slice(1, 7)).toEqual(["财源街道", "财源街道招商引资台账.xlsx", "项目台账", "J9", "错误", "逾期未开工"]);
    expect(claimed[0][9]).toBe(`${REASON}（王敏，2022-09-28）`);
    // Every finding of the plain bulletin is still listed; none other is verified.
    const plainList = sheetValues(plain.getWorksheet("问题清单")!);
    expect(list.length).toBe(plainList.length);
    expect(plainList[1]).toHaveLength(8); // no 核实 columns when nothing is verified
    const title = String(verified.getWorksheet("问题清单")!.getCell("A1").value);
    const [errors, warnings] = /错误 (\d+) 个，警告 (\d+) 个/.exec(String(plain.getWorksheet("问题清单")!.getCell("A1").value))!.slice(1).map(Number);
    expect(title).toMatch(new RegExp(`^台账问题清单（错误 ${errors - 1} 个，警告 ${warnings} 个，已核实 1 个；`));

    // 汇总: the same targets, scores, penalties and ranks; only 财源街道's count of open errors is one fewer.
    const before = sheetValues(plain.getWorksheet("汇总")!);
    const after = sheetValues(verified.getWorksheet("汇总")!);
    const changed = before.flatMap((row, r) => (row ?? []).flatMap((v, c) => (after[r]?.[c] !== v ? [[r, c, v, after[r]?.[c]]] : [])));
    expect(changed).toHaveLength(1);
    const [r, , was, now] = changed[0];
    expect(before[r as number]).toContain("财源街道招商引资台账.xlsx");
    expect([was, now]).toEqual([json.files[0].errors, json.files[0].errors - 1]);
  } finally {
    cleanup();
  }
});
