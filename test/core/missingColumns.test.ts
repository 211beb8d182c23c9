/**
 * A column a rule or a target needs, not found: one missing-column warning per sheet that says which
 * words it accepts and which headers come close, no row findings from the rules that need it, and
 * no assessment of the targets that need it. And 列名对照, from 台账设置 or from the options, naming a
 * unit's own headers before any is matched.
 */
import { checkWorkbook, WorkbookCheck } from "../../src/core/check";
import { findingMessage } from "../../src/core/rules/catalog";
import { gridRows, type CellValue } from "../../src/core/sheet";
import { d, SETTINGS_AS_OF, workbook, type GridSheet } from "./workbook";

const TITLE = ["财源街道招商引资项目台账"];

/** A town's projects ledger whose planned-start column is headed `planned`: three signed projects, one started. */
function projects(planned: string): GridSheet {
  return {
    name: "项目台账",
    grid: [
      TITLE,
      ["序号", "项目名称", "总投资", "项目状态", "签约日期", planned, "实际开工日期", "到位资金", "投洽会签约", "重点在谈", "专家论证"],
      [1, "泰山文旅综合体", 50000, "签约", d("2022-08-10"), d("2022-12-01"), null, 0, "否", "否", "是"],
      [2, "高端装备产业园", 30000, "签约", d("2022-07-01"), d("2022-09-15"), null, 0, "否", "否", "否"],
      [3, "冷链物流中心", 8000, "签约", d("2022-08-20"), null, null, 0, "否", "否", "否"],
      [4, "智能制造基地", 12000, "开工", d("2022-07-10"), d("2022-08-01"), d("2022-08-05"), 3000, "否", "否", "否"],
    ],
  };
}

const check = (sheets: GridSheet[], columnNames?: { field: string; header: string }[]) =>
  checkWorkbook(workbook([...sheets, SETTINGS_AS_OF("2022-09-30")]), { columnNames });

const rules = (r: ReturnType<typeof checkWorkbook>, sheet = "项目台账") => r.findings.filter((f) => f.sheet === sheet).map((f) => `${f.rule}@${f.cell}`);

describe("a planned-start column headed as units write it", () => {
  it("reads 拟开工时间 as the planned start: a missing date only where the cell is blank", () => {
    const r = check([projects("拟开工时间")]);
    expect(rules(r)).toEqual(["overdue-start@F4", "missing-planned-start@F5"]);
    expect(r.projects.map((p) => p.status)).toEqual(["pending", "overdue", "missing-planned", "started"]);
  });
});

describe("a planned-start column not found", () => {
  const r = check([projects("计划开工节点")]);
  const missing = r.findings.filter((f) => f.rule === "missing-column");

  it("is one missing-column warning, at the header's first cell, for the planned start", () => {
    expect(missing.map((f) => [f.cell, f.severity, f.field])).toEqual([["A2", "warning", "plannedStart"]]);
  });

  it("names the words it accepts, the header that comes close, and what was not checked", () => {
    expect(findingMessage(missing[0], "zh")).toBe(
      "未找到“计划开工日期”列（表头可写作：计划开工日期、计划开工时间、开工时限、约定开工时间）；相近的表头：“计划开工节点”（F2）。" +
        "未检查：缺计划开工日期、逾期未开工、投洽会项目开工晚于时限、临近开工时限。",
    );
    expect(findingMessage(missing[0], "en")).toContain('close headers: "计划开工节点" (F2)');
  });

  it("raises no missing-planned-start, overdue or due-soon on any row, and shows no start-date status", () => {
    expect(rules(r).filter((x) => !x.startsWith("missing-column"))).toEqual([]);
    expect(r.projects.map((p) => p.status)).toEqual([null, null, null, null]);
    // Scoring needs the planned start too: undetermined, not a penalty.
    expect(r.projects.map((p) => p.outcome)).toEqual(["undetermined", "undetermined", "undetermined", "undetermined"]);
  });
});

describe("an actual-start column not found", () => {
  const grid = projects("计划开工日期").grid.map((row) => row.filter((_, i) => i !== 6));
  grid[1] = grid[1].map((h) => h ?? "");
  const r = check([{ name: "项目台账", grid }]);

  it("warns once, naming the rules not checked and the target not assessed", () => {
    const missing = r.findings.filter((f) => f.rule === "missing-column");
    expect(missing.map((f) => f.field)).toEqual(["actualStart"]);
    expect(findingMessage(missing[0], "zh")).toContain("未检查：缺计划开工日期、逾期未开工、投洽会项目开工晚于时限、临近开工时限、缺实际开工日期、开工早于签约、项目状态未更新、日期晚于截止日。");
    expect(findingMessage(missing[0], "zh")).toContain("未评估目标：新开工。");
  });

  it("leaves new-starts unassessed and raises none of the start rules (a started project would be missing its actual start)", () => {
    expect(r.targets.find((t) => t.id === "new-starts")).toEqual({ id: "new-starts", met: null, actual: null, required: null, gap: null });
    expect(rules(r).filter((x) => !x.startsWith("missing-column"))).toEqual([]);
  });
});

describe("neither start column found", () => {
  // Without 计划开工日期 and 实际开工日期 the fair signings cannot be counted (a fair project counts once started or due to start).
  const grid = projects("计划开工节点").grid.map((row) => row.filter((_, i) => i !== 6));
  const r = check([{ name: "项目台账", grid }]);
  const missing = r.findings.filter((f) => f.rule === "missing-column");

  it("warns once per column, the target that needs either one said with the first", () => {
    expect(missing.map((f) => f.field)).toEqual(["plannedStart", "actualStart"]);
    expect(findingMessage(missing[0], "zh")).toMatch(/^未找到“计划开工日期”列.*未评估目标：投洽会签约。$/);
    expect(findingMessage(missing[1], "zh")).toMatch(/未评估目标：新开工。$/);
    expect(r.targets.find((t) => t.id === "fair-signing")?.met).toBeNull();
  });

  it("says the target alone when only the other column is missing: with 计划开工日期 there, fair signings are assessed", () => {
    const withPlanned = check([projects("计划开工日期")]);
    expect(withPlanned.targets.find((t) => t.id === "fair-signing")?.met).not.toBeNull();
  });
});

describe("the columns needed follow the unit's targets", () => {
  it("asks a department for its 外出推介次数 (包保推介), a town not", () => {
    const town = check([projects("计划开工日期")]);
    expect(town.findings.filter((f) => f.rule === "missing-column")).toEqual([]);
    const dept = checkWorkbook(workbook([projects("计划开工日期"), SETTINGS_AS_OF("2022-09-30", [["单位类型", "区直部门"]])]));
    expect(dept.findings.filter((f) => f.rule === "missing-column").map((f) => f.field)).toEqual(["promotions"]);
  });

  it("asks for 到位资金 for the annual task only through its rule; a ledger without it warns once", () => {
    const grid = projects("计划开工日期").grid.map((row) => row.filter((_, i) => i !== 7));
    const r = check([{ name: "项目台账", grid }]);
    const missing = r.findings.filter((f) => f.rule === "missing-column");
    expect(missing.map((f) => f.field)).toEqual(["fundsInPlace"]);
    expect(findingMessage(missing[0], "zh")).toContain("未检查：到位资金超总投资。");
  });
});

describe("列名对照", () => {
  const section = (...rows: CellValue[][]) => SETTINGS_AS_OF("2022-09-30", [["列名对照", "本单位表头"], ...rows]);

  it("in 台账设置, after the ledger, maps the unit's own header", () => {
    const r = checkWorkbook(workbook([projects("计划开工节点"), section(["计划开工日期", "计划开工节点"])]));
    expect(rules(r)).toEqual(["overdue-start@F4", "missing-planned-start@F5"]);
    expect(r.findings.filter((f) => f.sheet === "台账设置")).toEqual([]);
  });

  it("wins over the synonyms: a unit whose 开工时间 is its planned start", () => {
    const grid = projects("开工时间").grid.map((row) => row.filter((_, i) => i !== 6));
    const r = checkWorkbook(workbook([{ name: "项目台账", grid }, section(["计划开工日期", "开工时间"])]));
    const missing = r.findings.filter((f) => f.rule === "missing-column").map((f) => f.field);
    expect(missing).toEqual(["actualStart"]);
  });

  it("from the options (the district config, or what the pane publishes), on a streamed workbook", () => {
    const check = new WorkbookCheck({ columnNames: [{ field: "计划开工日期", header: "计划开工节点" }] });
    for (const sheet of [projects("计划开工节点"), SETTINGS_AS_OF("2022-09-30")]) {
      const sink = check.beginSheet({ name: sheet.name });
      for (const row of gridRows(sheet.grid)) sink.push(row);
      sink.end();
    }
    expect(rules(check.finish())).toEqual(["overdue-start@F4", "missing-planned-start@F5"]);
  });

  it("says which rows it cannot use, at their cells, and uses the others", () => {
    const r = checkWorkbook(
      workbook([
        projects("计划开工节点"),
        section(
          ["计划开工日其", "计划开工节点"], // typo: A4
          ["签约日期"], // no header: A5
          ["计划开工日期", "计划开工节点"], // used
          ["实际开工日期", "计划开工节点"], // the header is taken: A7
          [],
          ["日期", "出访时间"], // names the trips' and the meetings' date: fine
        ),
      ]),
    );
    const bad = r.findings.filter((f) => f.sheet === "台账设置");
    // A word that names no column is an unknown key (at the word); a header missing or taken, a bad value (at the header).
    expect(bad.map((f) => [f.rule, f.cell, f.severity])).toEqual([
      ["unknown-setting", "A4", "warning"],
      ["invalid-setting", "B5", "warning"],
      ["invalid-setting", "B7", "warning"],
    ]);
    expect(bad.map((f) => findingMessage(f, "zh"))).toEqual([
      "列名对照中的“计划开工日其”不是台账的列名，这一行未采用；最接近的列名是“计划开工日期”",
      "列名对照中“签约日期”右侧没有填写本单位的表头，这一行未采用",
      "列名对照中的表头“计划开工节点”已对应“计划开工日期”，“实际开工日期”这一行未采用（每个表头只能对应一列）",
    ]);
    expect(rules(r)).toEqual(["overdue-start@F4", "missing-planned-start@F5"]);
    // Rows above 列名对照 are still the settings: the as-of date is read.
    expect(r.settings.asOf).toBe(Date.UTC(2022, 8, 30) / 86_400_000);
  });
});
