/**
 * Every rule id of DOMAIN.md raised on a realistic town workbook, each at its planted cell,
 * with clean rows beside the planted ones that must raise nothing.
 */
import { checkWorkbook } from "../../src/core/check";
import { findingMessage, RULE_IDS, RULES } from "../../src/core/rules/catalog";
import { d, SETTINGS_AS_OF, workbook } from "./workbook";

// 重点在谈 and 专家论证 (J, K) are there for the town's targets: without them, missing-column warns.
const HEADER = ["序号", "项目名称", "总投资", "项目状态", "投洽会签约", "签约日期", "计划开工日期", "实际开工日期", "到位资金", "重点在谈", "专家论证"];

const projects = [
  ["财源街道招商引资项目台账"],
  ["单位：万元"],
  HEADER,
  // clean rows
  [1, "宝盛广场", 50000, "开工", "是", d("2022-08-10"), d("2022-09-01"), d("2022-08-25"), 8000],
  [2, "泰豪文化商品城", "1.2亿", "已签约", "否", "2022.8.20", "2022年12月1日", "", ""],
  [3, "益华商业广场", "12,000", "在谈", "", "", "", "", ""],
  [4, "非晶合金变压器", 8000, "策划", "否", "", "", "", ""],
  // planted problems, one per row
  [5, "", 3000, "在谈", "", "", "", "", ""], // missing-value B8
  [6, "现代物流园", "待定", "在谈", "", "", "", "", ""], // invalid-amount C9
  [7, "冷链仓储中心", "约5000万", "在谈", "", "", "", "", ""], // approximate-amount C10
  [8, "外资电子元件", "500万美元", "在谈", "", "", "", "", ""], // foreign-currency C11
  [9, "文旅综合体", 20000, "签约", "否", "2022-02-30", "2022-12-01", "", ""], // invalid-date F12
  [10, "智能制造产业园", 30000, "签约", "否", "2022年8月", "2022-12-31", "", ""], // partial-date F13
  [11, "康养中心", 8000, "待定", "", "", "", "", ""], // unknown-stage D14
  [12, "新材料项目", 12000, "在谈", "可能", "", "", "", ""], // invalid-flag E15
  [13, "商贸城二期", 15000, "开工", "否", "", "2022-08-01", "2022-08-05", ""], // missing-sign-date F16
  [14, "总部大楼", 60000, "签约", "否", "2022-08-20", "", "", ""], // missing-planned-start G17
  [15, "食品加工厂", 9000, "签约", "否", "2022-07-01", "2022-09-15", "", ""], // overdue-start G18
  [16, "光伏发电", 25000, "签约", "否", "2022-09-01", "2022-10-10", "", ""], // start-due-soon G19
  [17, "农业产业园", 7000, "开工", "否", "2022-06-01", "2022-08-01", "", ""], // missing-actual-start H20
  [18, "汽配生产基地", 18000, "开工", "否", "2022-08-20", "2022-08-15", "2022-08-10", ""], // start-before-sign H21
  [19, "数据中心", 40000, "签约", "否", "2022-08-01", "2022-09-10", "2022-09-05", ""], // stage-not-updated D22
  [20, "星级酒店", 11000, "签约", "否", "2022-10-20", "2022-12-01", "", ""], // future-date F23
  [21, "仓储物流基地", 5000, "开工", "否", "2022-07-01", "2022-08-01", "2022-07-20", 6000], // funds-exceed-investment I24
  [22, "生物医药产业园", 120000, "在谈", "是", "", "", "", ""], // fair-signed-not-signed E25 (+ missing-sign-date F25)
  [23, "宝盛 广场", 50000, "在谈", "", "", "", "", ""], // duplicate-project B26
  [24, "氢能装备基地", 150000, "签约", "是", "2022-08-18", "2023-06-30", "", ""], // fair-start-late G27
  ["合计", "", 1, "", "", "", "", "", ""], // total-mismatch C28
  ["填报人：王敏　　联系电话：0538-1234567"],
];

const negotiations = [
  ["在谈项目台账"],
  ["序号", "项目名称", "项目状态", "项目状态", "投资方"], // no 总投资: missing-column A2; second 项目状态: duplicate-column D2
  [1, "高端装备", "在谈", "洽谈中", "某集团"],
];

const trips = [
  ["日期", "带队领导", "职务", "目的地"],
  [d("2022-08-08"), "李强", "党工委书记", "长三角"],
];

const meetings = [
  ["日期", "地点", "内容", "记录人"],
  [d("2022-08-01"), "项目现场", "调度签约项目", "王敏"],
];

const result = checkWorkbook(
  workbook([
    { name: "项目台账", grid: projects },
    { name: "在谈项目", grid: negotiations },
    { name: "外出招商", grid: trips },
    { name: "例会记录", grid: meetings },
    // 3.5 days: invalid-setting B3; 策划截至日 (a typo of 策划截止日): unknown-setting A4;
    // a 列名对照 row whose field word names no column (项目名字 is no field): unknown-setting A6.
    SETTINGS_AS_OF("2022-09-30", [["临近开工天数", 3.5], ["策划截至日", "2022-09-15"], ["列名对照"], ["项目名字", "招商项目"]]),
    // A verification without its reason: invalid-verification D2.
    { name: "台账核实", grid: [["规则", "工作表", "行键", "理由", "核实人", "日期"], ["逾期未开工", "项目台账", "食品加工厂#00000000", "", "王敏", "2022-09-28"]] },
  ]),
);

const placed = (sheet: string) =>
  result.findings
    .filter((f) => f.sheet === sheet)
    .map((f) => `${f.rule}@${f.cell}`)
    .sort();

describe("the rule catalog on a town workbook", () => {
  it("raises each planted problem at its cell and nothing on the clean rows", () => {
    expect(placed("项目台账")).toEqual(
      [
        "missing-value@B8",
        "invalid-amount@C9",
        "approximate-amount@C10",
        "foreign-currency@C11",
        "invalid-date@F12",
        "partial-date@F13",
        "unknown-stage@D14",
        "invalid-flag@E15",
        "missing-sign-date@F16",
        "missing-planned-start@G17",
        "overdue-start@G18",
        "start-due-soon@G19",
        "missing-actual-start@H20",
        "start-before-sign@H21",
        "stage-not-updated@D22",
        "future-date@F23",
        "funds-exceed-investment@I24",
        "fair-signed-not-signed@E25",
        "missing-sign-date@F25",
        "duplicate-project@B26",
        "fair-start-late@G27",
        "total-mismatch@C28",
      ].sort(),
    );
  });

  it("raises the settings rules at their cells of 台账设置", () => {
    expect(placed("台账设置")).toEqual(["invalid-setting@B3", "unknown-setting@A4", "unknown-setting@A6"]);
    const invalid = result.findings.find((f) => f.rule === "invalid-setting")!;
    expect(findingMessage(invalid, "zh")).toBe("设置项“临近开工天数”的值“3.5”无法采用（应为不小于 0 的整数天数，如 14），按默认值 14 处理");
    const unknown = result.findings.find((f) => f.rule === "unknown-setting")!;
    expect(findingMessage(unknown, "zh")).toBe("“策划截至日”不是可识别的设置项，未采用；最接近的设置项是“策划截止日”");
    expect(result.settings.dueSoonDays).toBe(14);
  });

  it("raises the verification rule at its cell of 台账核实", () => {
    expect(placed("台账核实")).toEqual(["invalid-verification@D2"]);
    const f = result.findings.find((x) => x.rule === "invalid-verification")!;
    expect(findingMessage(f, "zh")).toBe("这一行没有填写核实理由，未采用（理由为必填）");
  });

  it("raises sheet-level rules at the header", () => {
    // One error for the required 总投资; one warning per column a rule or the town's targets need.
    const header = result.findings.filter((f) => f.sheet === "在谈项目").map((f) => `${f.rule}@${f.cell}:${f.severity}:${f.field}`);
    expect(header).toEqual([
      "missing-column@A2:error:investment",
      ...["signDate", "plannedStart", "actualStart", "fundsInPlace", "fairSigned", "keyNegotiation", "expertReviewed"].map((f) => `missing-column@A2:warning:${f}`),
      "duplicate-column@D2:warning:stage",
    ]);
  });

  it("says which 列名对照 row cannot be used, at its cell", () => {
    const f = result.findings.find((x) => x.rule === "unknown-setting" && x.cell === "A6")!;
    expect(f).toMatchObject({ sheet: "台账设置", severity: "warning" });
    expect(findingMessage(f, "zh")).toBe("列名对照中的“项目名字”不是台账的列名，这一行未采用；最接近的列名是“项目名称”");
  });

  it("warns once for the ledger the workbook lacks", () => {
    const missing = result.findings.filter((f) => f.rule === "missing-ledger");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ sheet: "", cell: "", row: null, severity: "warning" });
    expect(findingMessage(missing[0], "zh")).toContain("客商邀请台账");
  });

  it("produces every rule id of the catalog", () => {
    const seen = new Set(result.findings.map((f) => f.rule));
    expect(RULE_IDS.filter((id) => !seen.has(id))).toEqual([]);
  });

  it("gives each finding the catalog's severity and a message in both languages", () => {
    for (const f of result.findings) {
      // missing-column is an error for a required column, a warning for one a rule or a target needs.
      const needed = f.rule === "missing-column" && !["name", "investment", "stage"].includes(f.field!);
      expect(f.severity).toBe(needed ? "warning" : RULES[f.rule].severity);
      expect(findingMessage(f, "zh")).toMatch(/[\u4e00-\u9fff]/);
      // English messages quote the user's own text, which may be Chinese; the rest is English.
      expect(findingMessage(f, "en").replace(/"[^"]*"/g, '""')).toMatch(/^[\x20-\x7e]+$/);
    }
    const overdue = result.findings.find((f) => f.rule === "overdue-start")!;
    expect(findingMessage(overdue, "zh")).toBe("计划开工日期 2022-09-15 已过（统计截止日 2022-09-30），项目仍未开工");
    const amount = result.findings.find((f) => f.rule === "invalid-amount")!;
    expect(findingMessage(amount, "zh")).toBe("总投资“待定”无法识别为金额");
  });

  it("names the row, field and 1-based row of a finding", () => {
    const f = result.findings.find((x) => x.rule === "missing-planned-start")!;
    expect(f).toMatchObject({ sheet: "项目台账", cell: "G17", row: 17, column: 7, field: "plannedStart", severity: "error" });
  });

  it("counts errors and warnings", () => {
    expect(result.errors).toBe(result.findings.filter((f) => f.severity === "error").length);
    expect(result.errors + result.warnings).toBe(result.findings.length);
  });

  it("moves a due-soon project to overdue when the as-of date passes its planned start", () => {
    const later = checkWorkbook(workbook([{ name: "项目台账", grid: projects }]), {
      overrides: { asOf: Date.UTC(2022, 9, 11) / 86_400_000 },
    });
    const row19 = later.findings.filter((f) => f.row === 19 && f.sheet === "项目台账").map((f) => f.rule);
    expect(row19).toEqual(["overdue-start"]);
  });
});

describe("the rule definitions", () => {
  it("say in Chinese, then English, what each rule means and how to put it right", () => {
    for (const id of RULE_IDS) {
      const { zh, en } = RULES[id];
      for (const key of ["title", "description", "fix"] as const) {
        expect([id, key, /[\u4e00-\u9fff]/.test(zh[key]), en[key].trim() !== "" && !/^[\u4e00-\u9fff]/.test(en[key])]).toEqual([id, key, true, true]);
      }
    }
  });

  it("name the fields whose cells decide them, for every rule that reads cells", () => {
    const cellRules = RULE_IDS.filter((id) => RULES[id].scope === "value" || RULES[id].scope === "project-row");
    expect(cellRules.filter((id) => RULES[id].reads.length === 0)).toEqual([]);
    expect(RULES["overdue-start"].reads).toEqual(expect.arrayContaining(["stage", "plannedStart", "actualStart"]));
    expect(RULES["invalid-date"].reads).toEqual(expect.arrayContaining(["signDate", "plannedStart", "actualStart", "date"]));
  });
});

describe("missing-ledger, from the ledgers the unit's targets count", () => {
  const onlyMeetings = () => workbook([{ name: "例会记录", grid: meetings }, SETTINGS_AS_OF("2022-09-30")]);
  const missing = (r: ReturnType<typeof checkWorkbook>) => r.findings.filter((f) => f.rule === "missing-ledger").map((f) => f.params.ledgerKind);

  it("asks a command office for its meetings only, and for its projects once it has an annual task (全年任务 counts funds in place)", () => {
    expect(missing(checkWorkbook(onlyMeetings(), { overrides: { unitKind: "hq" } }))).toEqual([]);
    expect(missing(checkWorkbook(onlyMeetings(), { overrides: { unitKind: "hq", annualTask: 50_000 } }))).toEqual(["projects"]);
  });

  it("asks a department for projects and trips, and a town for every ledger", () => {
    expect(missing(checkWorkbook(onlyMeetings(), { overrides: { unitKind: "department" } }))).toEqual(["projects", "trips"]);
    expect(missing(checkWorkbook(onlyMeetings(), { overrides: { unitKind: "town" } }))).toEqual(["projects", "trips", "invitations"]);
  });
});
