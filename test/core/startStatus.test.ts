/**
 * The start-date status at its boundaries (DOMAIN.md): a planned start on the as-of day is due
 * soon, not overdue; as-of + 14 days is still due soon; as-of + 15 is pending. Each boundary is
 * pinned twice: by startStatus itself and by the findings and marks of a whole check.
 */
import { checkWorkbook } from "../../src/core/check";
import { dayFromYMD, serialFromDay } from "../../src/core/day";
import { statusRow } from "../../src/core/startStatus";
import { gridRows } from "../../src/core/sheet";
import { startStatus } from "../../src/core/startStatus";

const AS_OF = dayFromYMD(2022, 9, 30)!;
const ctx = { asOf: AS_OF, dueSoonDays: 14 };

test.each([
  [-1, "overdue"],
  [0, "due-soon"],
  [1, "due-soon"],
  [14, "due-soon"],
  [15, "pending"],
] as const)("a signed project planned to start as-of plus %i days is %s", (offset, status) => {
  expect(startStatus(statusRow({ stage: "signed", plannedStart: AS_OF + offset }), ctx)).toBe(status);
});

test("the due-soon window follows the setting: 0 days is the as-of day alone", () => {
  const zero = { asOf: AS_OF, dueSoonDays: 0 };
  expect(startStatus(statusRow({ stage: "signed", plannedStart: AS_OF }), zero)).toBe("due-soon");
  expect(startStatus(statusRow({ stage: "signed", plannedStart: AS_OF + 1 }), zero)).toBe("pending");
});

test("in a whole check: findings and start statuses of rows planned at as-of −1, 0, +14, +15", () => {
  const serial = (offset: number) => serialFromDay(AS_OF + offset, 1900);
  const grid = [
    ["项目名称", "总投资", "项目状态", "签约日期", "计划开工日期", "实际开工日期"],
    ["甲项目", 5000, "签约", serial(-60), serial(-1), ""],
    ["乙项目", 5000, "签约", serial(-60), serial(0), ""],
    ["丙项目", 5000, "签约", serial(-60), serial(14), ""],
    ["丁项目", 5000, "签约", serial(-60), serial(15), ""],
  ];
  const result = checkWorkbook(
    { name: "岱庙街道台账.xlsx", sheets: [{ name: "项目台账", rows: gridRows(grid) }] },
    { overrides: { asOf: AS_OF } },
  );
  expect(result.projects.map((p) => p.status)).toEqual(["overdue", "due-soon", "due-soon", "pending"]);
  const start = result.findings.filter((f) => ["overdue-start", "start-due-soon"].includes(f.rule)).map((f) => `${f.cell} ${f.rule}`);
  expect(start).toEqual(["E2 overdue-start", "E3 start-due-soon", "E4 start-due-soon"]);
  expect(result.marks.sheets[0].count).toBe(4); // three status rows and one error cell
});
