/**
 * Issue 17: fair-signed projects must start before March of the next year (投洽会项目开工时限,
 * default 1 March after the as-of year). A 12亿 fair-signed project beside a 2亿 one that starts in
 * time: the fair-signing target (2 of ≥ 1亿, 1 of them ≥ 10亿) is met only when the 12亿 project
 * counts, and fair-start-late names it exactly when it misses the deadline.
 */
import { checkWorkbook } from "../../src/core/check";
import type { CheckResult } from "../../src/core/result";
import { findingMessage } from "../../src/core/rules/catalog";
import type { CellValue } from "../../src/core/sheet";
import { day } from "./settingCases";
import { d, SETTINGS_AS_OF, workbook } from "./workbook";

const HEADER = ["项目名称", "总投资", "项目状态", "投洽会签约", "签约日期", "计划开工日期", "实际开工日期"];
/** Signed at the fair, 2亿, planned to start 2022-12-01: counts whatever happens to the 12亿 one. */
const IN_TIME = ["泰豪商品城", 20000, "签约", "是", d("2022-09-10"), d("2022-12-01"), ""];

interface Case {
  readonly name: string;
  readonly stage: string;
  readonly planned: CellValue;
  readonly actual: CellValue;
  /** Extra 台账设置 rows. */
  readonly settings?: CellValue[][];
  readonly overrides?: { fairStartDeadline?: number };
  readonly counts: boolean;
  readonly late: string | null;
}

function check(c: Pick<Case, "stage" | "planned" | "actual" | "settings" | "overrides">, big: CellValue = "12亿"): CheckResult {
  const projects = [HEADER, ["氢能装备基地", big, c.stage, "是", d("2022-08-18"), c.planned, c.actual], IN_TIME];
  return checkWorkbook(workbook([{ name: "项目台账", grid: projects }, SETTINGS_AS_OF("2022-09-30", c.settings ?? [])]), {
    today: new Date(2022, 9, 1),
    overrides: c.overrides,
  });
}

const fair = (r: CheckResult) => r.targets.find((t) => t.id === "fair-signing");
const late = (r: CheckResult) => r.findings.filter((f) => f.rule === "fair-start-late").map((f) => `${f.cell}: ${findingMessage(f, "zh")}`);

const CASES: Case[] = [
  { name: "planned start on the deadline (2023-03-01)", stage: "签约", planned: d("2023-03-01"), actual: "", counts: false, late: "F2: 投洽会签约项目计划开工日期 2023-03-01 不早于投洽会项目开工时限 2023-03-01，须在此前开工，暂不计入投洽会签约目标" },
  { name: "planned start a day before the deadline", stage: "签约", planned: d("2023-02-28"), actual: "", counts: true, late: null },
  { name: "no planned start (missing-planned-start says so)", stage: "签约", planned: "", actual: "", counts: false, late: null },
  { name: "planned start after the deadline, started before it", stage: "开工", planned: d("2023-06-30"), actual: d("2022-09-20"), counts: true, late: null },
  { name: "planned after, actual start on the deadline (not before it)", stage: "开工", planned: d("2023-06-30"), actual: d("2023-03-01"), counts: false, late: "F2: 投洽会签约项目计划开工日期 2023-06-30 不早于投洽会项目开工时限 2023-03-01，须在此前开工，暂不计入投洽会签约目标" },
  { name: "the deadline moved later in 台账设置: 2023-03-01 is now in time", stage: "签约", planned: d("2023-03-01"), actual: "", settings: [["投洽会项目开工时限", "2023-07-01"]], counts: true, late: null },
  { name: "the deadline moved earlier in 台账设置: 2023-02-28 is now late", stage: "签约", planned: d("2023-02-28"), actual: "", settings: [["投洽会项目开工时限", "2023-02-01"]], counts: false, late: "F2: 投洽会签约项目计划开工日期 2023-02-28 不早于投洽会项目开工时限 2023-02-01，须在此前开工，暂不计入投洽会签约目标" },
  { name: "the deadline given as a flag wins over 台账设置", stage: "签约", planned: d("2023-03-01"), actual: "", settings: [["投洽会项目开工时限", "2023-07-01"]], overrides: { fairStartDeadline: day("2023-03-01") }, counts: false, late: "F2: 投洽会签约项目计划开工日期 2023-03-01 不早于投洽会项目开工时限 2023-03-01，须在此前开工，暂不计入投洽会签约目标" },
];

describe.each(CASES)("a fair-signed 12亿 project: $name", (c) => {
  const r = check(c);

  test("the fair-signing target's met, actual and gap", () => {
    // Counted: 2 of ≥ 1亿, one ≥ 10亿. Not counted: only the 2亿 one, so one more of ≥ 10亿 is needed.
    expect(fair(r)).toEqual(c.counts ? { id: "fair-signing", met: true, actual: 2, required: 2, gap: 0 } : { id: "fair-signing", met: false, actual: 1, required: 2, gap: 1 });
  });

  test("fair-start-late exactly where expected", () => {
    expect(late(r)).toEqual(c.late ? [c.late] : []);
  });

  test("the fair bonus F does not change: both projects earn it while signed or started", () => {
    const bonus = r.score - r.projects.reduce((sum, p) => sum + p.points, 0);
    expect(bonus).toBe(2);
  });
});

describe("fair-start-late", () => {
  test("names projects of 1亿 and more only: a late 5000万 fair project raises nothing", () => {
    const r = check({ stage: "签约", planned: d("2023-06-30"), actual: "" }, 5000);
    expect(late(r)).toEqual([]);
  });

  test("at exactly 1亿 it is named", () => {
    expect(late(check({ stage: "签约", planned: d("2023-06-30"), actual: "" }, "1亿"))).toHaveLength(1);
  });

  test("is a warning on the planned start's cell, in both languages", () => {
    const f = check({ stage: "签约", planned: d("2023-06-30"), actual: "" }).findings.find((x) => x.rule === "fair-start-late")!;
    expect(f).toMatchObject({ sheet: "项目台账", cell: "F2", row: 2, column: 6, field: "plannedStart", severity: "warning", params: { planned: "2023-06-30", deadline: "2023-03-01" } });
    expect(findingMessage(f, "en")).toBe(
      "a fair-signed project planned to start 2023-06-30, not before the fair projects' deadline 2023-03-01: it must start earlier, and does not count toward the fair-signing target",
    );
  });

  test("a ledger with neither start column cannot assess fair-signing", () => {
    const grid = [["项目名称", "总投资", "项目状态", "投洽会签约", "签约日期"], ["氢能装备基地", "12亿", "签约", "是", d("2022-08-18")]];
    const r = checkWorkbook(workbook([{ name: "项目台账", grid }, SETTINGS_AS_OF("2022-09-30")]), { today: new Date(2022, 9, 1) });
    expect(fair(r)).toEqual({ id: "fair-signing", met: null, actual: null, required: null, gap: null });
  });
});
