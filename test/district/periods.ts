/**
 * Two periods of a district's ledgers with changes known by construction, for the bulletin's
 * comparison (本期较上期). Five district departments report on 2022-09-15; on 2022-09-30 four of
 * them report again and a sixth starts. Each keeps a projects ledger only (so the trips and
 * meetings ledgers are missing in both periods, the same two warnings each time), with B = 2:
 *
 *   区商务局  商贸城项目 due soon → started on time (+2); 物流园项目 due soon → overdue (−1).
 *             score 0 → 1, penalty 0 → 1; 1 newly overdue, 1 started; findings: 2 fixed (the two
 *             临近开工时限 warnings), 1 new (逾期未开工 物流园项目).
 *   区发改局  储能示范项目 on time (+2) both times, its amount 约2亿 → 2亿 (1 fixed warning);
 *             数字乡村平台项目 overdue both times (−1); a new project signed, not yet due.
 *             score 1 → 1, penalty 1 → 1.
 *   区工信局  a project inserted above the others and every row moved down: nothing changes
 *             (智能制造产业园项目 overdue both times, 工业互联网平台项目 without a planned start).
 *             score −1, penalty 1 both times.
 *   区文旅局  研学基地项目 overdue → started late (+1): 1 started, its 逾期未开工 fixed; 文旅综合体项目
 *             overdue both times. score −2 → 0, penalty 2 → 1.
 *   区农业农村局  reports only on 09-15 (one project on time: score 2).
 *   区卫健局      reports only on 09-30 (one project on time: score 2).
 *
 * Nets (得分 − 扣分) and ranks: 09-15 农业农村局 2 (1), 发改局 0 and 商务局 0 (2), 工信局 −2 (4),
 * 文旅局 −4 (5); 09-30 卫健局 2 (1), 发改局 0 and 商务局 0 (2), 文旅局 −1 (4), 工信局 −2 (5).
 */
import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../../src/core/sheet";
import type { SampleSheet } from "../sample/sampleLedger";
import { workbookOf } from "../sample/writeSample";

const FIRST = "2022-09-15";
const SECOND = "2022-09-30";

const _ = null;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
// 到位资金 and 外出推介次数 (blank) are there so that a department's ledger lacks no column a rule or target needs.
const HEADER = ["序号", "项目名称", "总投资", "项目状态", "签约日期", "计划开工日期", "实际开工日期", "包保责任人", "到位资金", "外出推介次数"];

type Project = [name: string, investment: CellValue, stage: string, sign: string | null, planned: string | null, actual: string | null];

function ledger(unit: string, asOf: string, projects: readonly Project[]): SampleSheet[] {
  const rows: CellValue[][] = projects.map(([name, investment, stage, sign, planned, actual], i) => [
    i + 1,
    name,
    investment,
    stage,
    sign ? d(sign) : _,
    planned ? d(planned) : _,
    actual ? d(actual) : _,
    "张伟",
  ]);
  return [
    { name: "项目台账", grid: [[`${unit}招商引资项目台账`, _, _, _, _, _, _, _], HEADER, ...rows], merges: [{ top: 1, left: 1, bottom: 1, right: 8 }] },
    { name: "台账设置", grid: [["项目", "值"], ["单位名称", unit], ["单位类型", "区直部门"], ["统计截止日", d(asOf)]], merges: [] },
  ];
}

const UNITS: Readonly<Record<string, { first?: readonly Project[]; second?: readonly Project[] }>> = {
  区商务局: {
    first: [
      ["商贸城项目", 30000, "签约", "2022-07-01", "2022-09-20", null],
      ["物流园项目", 18000, "签约", "2022-08-08", "2022-09-25", null],
    ],
    second: [
      ["商贸城项目", 30000, "开工", "2022-07-01", "2022-09-20", "2022-09-18"],
      ["物流园项目", 18000, "签约", "2022-08-08", "2022-09-25", null],
    ],
  },
  区发改局: {
    first: [
      ["储能示范项目", "约2亿", "开工", "2022-06-20", "2022-08-15", "2022-08-12"],
      ["数字乡村平台项目", 6000, "签约", "2022-08-30", "2022-09-10", null],
    ],
    second: [
      ["储能示范项目", "2亿", "开工", "2022-06-20", "2022-08-15", "2022-08-12"],
      ["数字乡村平台项目", 6000, "签约", "2022-08-30", "2022-09-10", null],
      ["冷链仓储项目", 9000, "签约", "2022-09-20", "2022-10-30", null],
    ],
  },
  区工信局: {
    first: [
      ["智能制造产业园项目", 60000, "签约", "2022-05-18", "2022-08-31", null],
      ["工业互联网平台项目", 8000, "签约", "2022-09-02", null, null],
    ],
    second: [
      ["新材料项目", 5000, "策划", null, null, null],
      ["智能制造产业园项目", 60000, "签约", "2022-05-18", "2022-08-31", null],
      ["工业互联网平台项目", 8000, "签约", "2022-09-02", null, null],
    ],
  },
  区文旅局: {
    first: [
      ["研学基地项目", 12000, "签约", "2022-07-01", "2022-09-01", null],
      ["文旅综合体项目", 30000, "签约", "2022-08-01", "2022-09-12", null],
    ],
    second: [
      ["研学基地项目", 12000, "开工", "2022-07-01", "2022-09-01", "2022-09-20"],
      ["文旅综合体项目", 30000, "签约", "2022-08-01", "2022-09-12", null],
    ],
  },
  区农业农村局: { first: [["现代农业园项目", 10000, "开工", "2022-07-01", "2022-08-01", "2022-07-25"]] },
  区卫健局: { second: [["康养中心项目", 15000, "开工", "2022-07-10", "2022-08-20", "2022-08-18"]] },
};

/** Writes the two periods' folders (`0915/`, `0930/`) under `dir`. */
export async function writePeriods(dir: string): Promise<{ first: string; second: string }> {
  const first = path.join(dir, "0915");
  const second = path.join(dir, "0930");
  for (const folder of [first, second]) fs.mkdirSync(folder, { recursive: true });
  for (const [unit, { first: p1, second: p2 }] of Object.entries(UNITS)) {
    if (p1) await workbookOf(ledger(unit, FIRST, p1)).xlsx.writeFile(path.join(first, `${unit}招商台账.xlsx`));
    if (p2) await workbookOf(ledger(unit, SECOND, p2)).xlsx.writeFile(path.join(second, `${unit}招商台账.xlsx`));
  }
  return { first, second };
}
