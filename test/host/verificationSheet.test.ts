/** The 台账核实 row a host appends, laid out by the sheet's own header wherever its used range starts. */
import { parseIsoDay } from "../../src/core/day";
import type { Finding } from "../../src/core/findings";
import { verificationWrites } from "../../src/host/verificationSheet";

const finding = { rule: "overdue-start", sheet: "项目台账", rowKey: "食品加工厂#1f03a9c2" } as Finding;
const day = parseIsoDay("2022-09-30")!;

test("a header that starts in column B: the row goes under it, column by column, not from A", () => {
  const used = { top: 2, left: 2, values: [["规则", "工作表", "行键", "理由", "核实人", "日期"], ["overdue-start", "项目台账", "光伏发电#00000001", "待审批", "", ""]] };
  expect(verificationWrites({ finding, reason: "等待土地审批", by: "王敏" }, day, used)).toEqual([
    { top: 4, left: 2, rows: [["overdue-start", "项目台账", "食品加工厂#1f03a9c2", "等待土地审批", "王敏", "2022-09-30"]] },
  ]);
});
