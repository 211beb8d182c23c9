/**
 * 已核实 on the command line: the workbook's 台账核实 sheet is read with the rest of the file. The
 * JSON gives each finding of one row its rowKey, and a verified one `acknowledged: true` with its
 * acknowledgement; the text report lists verified findings apart; a changed cell brings one back.
 */
import * as path from "path";
import { sampleSheets, type SampleSheet } from "../sample/sampleLedger";
import { runCli, tempDir, writeWorkbook } from "./helpers";

const HEAD = ["规则", "工作表", "行键", "理由", "核实人", "日期"];
const verifications = (...rows: (string | number)[][]): SampleSheet => ({ name: "台账核实", grid: [HEAD, ...rows], merges: [] });

interface Json {
  files: {
    errors: number;
    warnings: number;
    score: number;
    penalty: number;
    verifications: { acknowledged: number; stale: number };
    findings: { cell: string; rule: string; rowKey?: string; acknowledged?: true; acknowledgement?: unknown }[];
  }[];
}

async function checkJson(file: string): Promise<{ code: number; json: Json }> {
  const out = await runCli(["check", file, "--format", "json"]);
  return { code: out.code, json: JSON.parse(out.stdout) as Json };
}

describe("a workbook with a 台账核实 sheet", () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it("reports the verified finding as acknowledged, apart in text, and keeps score and penalty", async () => {
    const plainFile = await writeWorkbook(path.join(dir, "财源街道台账.xlsx"), sampleSheets());
    const plain = (await checkJson(plainFile)).json.files[0];
    const j9 = plain.findings.find((f) => f.cell === "J9" && f.rule === "overdue-start")!;
    expect(j9.rowKey).toMatch(/^.+#[0-9a-f]{8}$/);
    expect(plain.verifications).toEqual({ acknowledged: 0, stale: 0 });

    const file = await writeWorkbook(path.join(dir, "已核实.xlsx"), [
      ...sampleSheets(),
      verifications(["overdue-start", "项目台账", j9.rowKey!, "等待土地审批，预计10月开工", "王敏", "2022-09-28"], ["逾期开工", "项目台账", j9.rowKey!, "规则名写错", "", ""]),
    ]);
    const { json } = await checkJson(file);
    const r = json.files[0];
    const verified = r.findings.find((f) => f.cell === "J9" && f.rule === "overdue-start")!;
    expect(verified).toMatchObject({ acknowledged: true, acknowledgement: { reason: "等待土地审批，预计10月开工", by: "王敏", date: "2022-09-28" }, rowKey: j9.rowKey });
    expect(r.verifications).toEqual({ acknowledged: 1, stale: 0 });
    expect(r.errors).toBe(plain.errors - 1);
    // The unknown rule is a warning of its own at its cell.
    expect(r.findings.filter((f) => f.rule === "invalid-verification").map((f) => f.cell)).toEqual(["A3"]);
    expect(r.warnings).toBe(plain.warnings + 1);
    expect({ score: r.score, penalty: r.penalty }).toEqual({ score: plain.score, penalty: plain.penalty });
    expect(r.findings.filter((f) => f.acknowledged && f !== verified)).toEqual([]);

    const text = (await runCli(["check", file])).stdout;
    const lines = text.split("\n");
    const apart = lines.indexOf("【已核实 1 个（单位已核实并说明理由，不计入错误和警告，评分不变）】");
    expect(apart).toBeGreaterThan(lines.findIndex((l) => l.startsWith("【项目台账】")));
    expect(lines[apart + 2]).toMatch(/^ {4}J9 .*\(overdue-start\)$/);
    expect(lines[apart + 3]).toBe("      核实理由：等待土地审批，预计10月开工（王敏，2022-09-28）");
    // J9 is no longer among the open findings of the sheet.
    const open = lines.slice(0, apart);
    expect(open.some((l) => /^ {2}J9 .*\(overdue-start\)$/.test(l))).toBe(false);
  });

  it("brings the finding back once a cell behind it changed, and says the verification is stale", async () => {
    const plain = (await checkJson(await writeWorkbook(path.join(dir, "原样.xlsx"), sampleSheets()))).json.files[0];
    const key = plain.findings.find((f) => f.cell === "J9" && f.rule === "overdue-start")!.rowKey!;
    const sheets = sampleSheets();
    const projects = sheets.find((s) => s.name === "项目台账")!;
    // The planned start (J9) moves on by a day: still overdue, but not the fact the unit verified.
    projects.grid[8][9] = new Date(Date.UTC(2022, 8, 16));
    const file = await writeWorkbook(path.join(dir, "已改动.xlsx"), [...sheets, verifications(["overdue-start", "项目台账", key, "等待土地审批", "王敏", "2022-09-28"])]);
    const r = (await checkJson(file)).json.files[0];
    const j9 = r.findings.find((f) => f.cell === "J9" && f.rule === "overdue-start")!;
    expect(j9.acknowledged).toBeUndefined();
    expect(j9.rowKey).not.toBe(key);
    expect(r.verifications).toEqual({ acknowledged: 0, stale: 1 });
    expect((await runCli(["check", file])).stdout).toContain("台账核实表中有 1 条记录已不再对应任何问题");
  });
});
