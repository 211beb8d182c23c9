/**
 * The bundled sample: 财源街道's investment-campaign workbook as of 2022-09-30, kept the way units
 * really keep it (merged title, units line, two-level header, section rows, mixed amount and date
 * forms, a 合计 row, a footer). Most rows are clean; the rows listed in SAMPLE_PLANTED carry the
 * problems the checker must find, and nothing else may be found.
 *
 * The grids are the one source: writeSample.ts turns them into assets/sample-ledger.xlsx, and
 * tests feed them to the core directly (sampleWorkbook) or as Office.js would (officeGrid).
 *
 * Expected assessment (town, as of 2022-09-30, window 2022-08-01 – 2022-09-30, B=2 F=1 P=1):
 *   fair-signing       met      投洽会签约: 1.2亿 (row 6) and 15亿 (row 7)
 *   new-starts         met      actual starts 8-20 (1.2亿), 9-15, 8-10, 9-06, 9-30 (202209)
 *   key-negotiations   not met  3 flagged (rows 24-26), 4 required: gap 1
 *   planned-projects   met      策划 dated 8-10 and 9-05; 9-20 (row 31) is after 15 Sep
 *   trips-main         not met  2 trips of 党工委书记/办事处主任 in the window (07-12 is before it): gap 1
 *   trips-deputy       met      5 trips of 副书记/副主任
 *   invitations        met      5 of 6 guests from 500强/行业百强/上市公司 (the 6th is 其他)
 *   expert-review      not met  2 flagged 是 (rows 6, 24); 论证中 (row 26) reads as no: gap 1
 *   weekly-meetings    met      one meeting in each of the 8 weeks 8-01 … 9-25
 *   annual-task        not assessed (台账设置 gives no 全年任务)
 *   Outcomes: on-time rows 6, 13, 19 (+2 each); late rows 7, 14, 18 (+1 each); not-started row 9
 *   (−1); not-implementable row 21 (−4); others pending or undetermined (0). Fair bonus: rows 6, 7.
 *   SCORE = 6 + 3 − 1 − 4 + 2 = 6.   PENALTY = 1 (row 9) + 4 (row 21) + 2 (one missing principal trip) = 7.
 */
import { dayFromDate, serialFromDay } from "../../src/core/day";
import type { RuleId } from "../../src/core/findings";
import { gridRows, type CellValue, type MergeArea, type WorkbookInput } from "../../src/core/sheet";

export const SAMPLE_NAME = "财源街道招商引资台账.xlsx";
export const SAMPLE_AS_OF = "2022-09-30";

export interface SampleSheet {
  name: string;
  grid: CellValue[][];
  merges: MergeArea[];
}

/** One planted problem: where it is and the rule that must report it. */
export interface PlantedProblem {
  readonly sheet: string;
  readonly cell: string;
  readonly rule: RuleId;
  readonly why: string;
}

const PROJECTS = "项目台账";

/**
 * Every finding the sample must produce, and no other. Rows not named here are clean.
 *   row  cell  rule                       the problem
 */
export const SAMPLE_PLANTED: readonly PlantedProblem[] = [
  { sheet: PROJECTS, cell: "J8", rule: "missing-planned-start", why: "签约 with no 计划开工时间" },
  { sheet: PROJECTS, cell: "J9", rule: "overdue-start", why: "计划开工 2022-09-15 passed, no 实际开工" },
  { sheet: PROJECTS, cell: "J10", rule: "start-due-soon", why: "计划开工 2022-10-10, within 14 days" },
  { sheet: PROJECTS, cell: "K12", rule: "missing-actual-start", why: "开工 with no 实际开工时间" },
  { sheet: PROJECTS, cell: "K13", rule: "start-before-sign", why: "实际开工 2022-08-10 before 签约 2022-08-15" },
  { sheet: PROJECTS, cell: "F14", rule: "stage-not-updated", why: "still 签约 with 实际开工 2022-09-06" },
  { sheet: PROJECTS, cell: "E15", rule: "approximate-amount", why: "总投资 约5000万" },
  { sheet: PROJECTS, cell: "E16", rule: "foreign-currency", why: "总投资 500万美元" },
  { sheet: PROJECTS, cell: "E17", rule: "invalid-amount", why: "总投资 待定" },
  { sheet: PROJECTS, cell: "I18", rule: "partial-date", why: "签约日期 8月15日 (no year)" },
  { sheet: PROJECTS, cell: "K18", rule: "partial-date", why: "实际开工 202209 (yyyyMM, no day)" },
  { sheet: PROJECTS, cell: "L19", rule: "funds-exceed-investment", why: "到位资金 4500 > 总投资 4000" },
  { sheet: PROJECTS, cell: "I20", rule: "invalid-date", why: "签约日期 2022-02-30" },
  { sheet: PROJECTS, cell: "I22", rule: "future-date", why: "签约日期 2022.10.8 after the as-of date" },
  { sheet: PROJECTS, cell: "H25", rule: "fair-signed-not-signed", why: "洽谈中 flagged 投洽会签约" },
  { sheet: PROJECTS, cell: "I25", rule: "missing-sign-date", why: "flagged 投洽会签约 with no 签约日期" },
  { sheet: PROJECTS, cell: "M26", rule: "invalid-flag", why: "专家论证 论证中" },
  { sheet: PROJECTS, cell: "B27", rule: "duplicate-project", why: "高端医疗器械产业化项目 again (row 11)" },
  { sheet: PROJECTS, cell: "F28", rule: "unknown-stage", why: "项目状态 待定" },
  { sheet: PROJECTS, cell: "E31", rule: "missing-value", why: "总投资 blank" },
  { sheet: PROJECTS, cell: "E32", rule: "total-mismatch", why: "合计 511300 but the rows add up to 517300" },
];

/** A date cell as ExcelJS reads it: UTC midnight. */
function d(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const _ = null;

/** Columns A–P of the projects ledger. */
const PROJECT_WIDTH = 16;

function projectsSheet(): SampleSheet {
  // prettier-ignore
  const grid: CellValue[][] = [
    /* 1 */ ["财源街道招商引资项目台账", _, _, _, _, _, _, _, _, _, _, _, _, _, _, _],
    /* 2 */ ["填报单位：财源街道　　单位：万元", _, _, _, _, _, _, _, _, _, _, _, _, _, _, _],
    /* 3 */ ["序号", "项目名称", "投资方", "产业类别", "总投资", "项目状态", "重点在谈", "投洽会签约", "签约日期", "开工情况", _, "到位资金", "专家论证", "包保责任人", "策划日期", "备注"],
    /* 4 */ [_, _, _, _, _, _, _, _, _, "计划开工时间", "实际开工时间", _, _, _, _, _],
    /* 5 */ ["一、签约及开工项目", _, _, _, _, _, _, _, _, _, _, _, _, _, _, _],
    /* 6 */ [1, "年产10万吨新型环保建材项目", "山东鲁岳建材科技有限公司", "战略性新兴产业", "1.2亿", "开工", "否", "是", d("2022-08-05"), d("2022-08-25"), d("2022-08-20"), 3000, "是", "王建国", _, "投洽会现场签约"],
    /* 7 */ [2, "智能装备制造产业园项目", "浙江恒正智能装备有限公司", "战略性新兴产业", 150000, "开工", "否", "是", "2022年8月20日", d("2022-09-10"), "2022.9.15", 20000, "否", "陈志刚", _, "一期厂房已开工"],
    /* 8 */ [3, "冷链物流配送中心项目", "山东顺泰冷链物流有限公司", "生产性服务业", "12,000", "签约", "否", "否", d("2022-08-12"), _, _, _, "否", "刘洋", _, "土地手续办理中"],
    /* 9 */ [4, "数字经济产业园项目", "泰安云谷数字科技有限公司", "生产性服务业", 8000, "签约", _, "否", "2022.7.18", d("2022-09-15"), _, _, _, "孙丽", _, _],
    /* 10 */ [5, "新能源汽车零部件项目", "宁波华远汽车零部件有限公司", "战略性新兴产业", "3000000元", "签约", _, _, d("2022-09-02"), d("2022-10-10"), _, _, _, "赵敏", _, _],
    /* 11 */ [6, "高端医疗器械产业化项目", "威宁医疗器械集团有限公司", "战略性新兴产业", 20000, "签约", _, _, d("2022-08-30"), d("2022-12-31"), _, _, _, "王建国", _, "正在办理规划许可"],
    /* 12 */ [7, "农产品精深加工项目", "泰安岱岳农业发展有限公司", "特色高效农业", 6000, "开工", _, _, d("2022-06-10"), d("2022-08-01"), _, 1500, _, "刘洋", _, _],
    /* 13 */ [8, "泰山文旅综合体项目", "山东齐鲁文旅集团有限公司", "其他", 9000, "开工", _, _, d("2022-08-15"), d("2022-09-01"), d("2022-08-10"), 2000, _, "陈志刚", _, _],
    /* 14 */ [9, "生物医药中试基地项目", "济南百诺医药科技有限公司", "战略性新兴产业", 5000, "签约", _, _, "2022.7.20", d("2022-08-30"), d("2022-09-06"), 800, _, "孙丽", _, _],
    /* 15 */ [10, "光伏组件生产项目", "江苏天晟光能有限公司", "战略性新兴产业", "约5000万", "签约", _, _, d("2022-09-08"), d("2022-11-30"), _, _, _, "赵敏", _, _],
    /* 16 */ [11, "跨境电商产业园项目", "香港利信贸易有限公司", "生产性服务业", "500万美元", "签约", _, _, d("2022-09-16"), d("2023-03-01"), _, _, _, "刘洋", _, "外资项目"],
    /* 17 */ [12, "精密铸造项目", "泰安金鼎机械有限公司", "其他", "待定", "签约", _, _, d("2022-09-20"), d("2022-12-01"), _, _, _, "孙丽", _, "投资额待企业董事会确定"],
    /* 18 */ [13, "商贸物流综合体项目", "泰安万联商业管理有限公司", "生产性服务业", 7000, "开工", _, _, "8月15日", d("2022-09-20"), 202209, 1000, _, "陈志刚", _, _],
    /* 19 */ [14, "汽车后市场服务项目", "泰安通达汽车服务有限公司", "生产性服务业", 4000, "竣工", _, _, d("2021-10-08"), d("2021-12-01"), d("2021-11-20"), 4500, _, "赵敏", _, "已投产运营"],
    /* 20 */ [15, "智慧仓储项目", "山东京通物流有限公司", "生产性服务业", 10000, "签约", _, _, "2022-02-30", d("2022-11-15"), _, _, _, "刘洋", _, _],
    /* 21 */ [16, "化工新材料项目", "山东东盛化工有限公司", "战略性新兴产业", 30000, "终止", _, _, d("2022-05-10"), d("2022-08-01"), _, _, _, "王建国", _, "环评未通过，项目终止"],
    /* 22 */ [17, "预制菜加工项目", "泰安鲁味食品有限公司", "特色高效农业", 3000, "签约", _, _, "2022.10.8", d("2022-12-20"), _, _, _, "孙丽", _, _],
    /* 23 */ ["二、在谈及策划项目", _, _, _, _, _, _, _, _, _, _, _, _, _, _, _],
    /* 24 */ [18, "高端装备研发中心项目", "北京中科智造科技有限公司", "战略性新兴产业", "2.5亿元", "在谈", "是", "否", _, _, _, _, "是", "王建国", _, "已开展三轮洽谈"],
    /* 25 */ [19, "绿色建材产业园项目", "中建新材集团有限公司", "战略性新兴产业", 50000, "洽谈中", "是", "是", _, _, _, _, _, "陈志刚", _, _],
    /* 26 */ [20, "文化创意街区项目", "上海文创产业投资有限公司", "其他", 15000, "在谈", "是", _, _, _, _, _, "论证中", "赵敏", _, _],
    /* 27 */ [21, "高端医疗器械产业化项目", "威宁医疗器械集团有限公司", "战略性新兴产业", 20000, "在谈", "否", _, _, _, _, _, _, "王建国", _, _],
    /* 28 */ [22, "康养小镇项目", "泰安颐和健康产业有限公司", "其他", 80000, "待定", "否", _, _, _, _, _, _, "刘洋", _, _],
    /* 29 */ [23, "智慧农业示范园项目", _, "特色高效农业", 6000, "策划", _, _, _, _, _, _, _, "赵敏", d("2022-08-10"), _],
    /* 30 */ [24, "储能电池材料项目", _, "战略性新兴产业", 40000, "策划", _, _, _, _, _, _, "否", "孙丽", "2022.9.5", _],
    /* 31 */ [25, "研学旅游基地项目", _, "其他", _, "策划", _, _, _, _, _, _, _, "赵敏", d("2022-09-20"), "投资额测算中"],
    /* 32 */ [_, "合计", _, _, 511300, _, _, _, _, _, _, 32800, _, _, _, _],
    /* 33 */ ["填报人：王敏　　联系电话：0538-1234567", _, _, _, _, _, _, _, _, _, _, _, _, _, _, _],
  ];
  const wide = (row: number): MergeArea => ({ top: row, left: 1, bottom: row, right: PROJECT_WIDTH });
  const merges: MergeArea[] = [wide(1), wide(2), wide(5), wide(23), wide(33)];
  for (let c = 1; c <= PROJECT_WIDTH; c++) {
    // 开工情况 (J3:K3) is the group over two lower cells; every other header spans both rows.
    if (c === 10) merges.push({ top: 3, left: 10, bottom: 3, right: 11 });
    else if (c !== 11) merges.push({ top: 3, left: c, bottom: 4, right: c });
  }
  return { name: PROJECTS, grid, merges };
}

function tripsSheet(): SampleSheet {
  // prettier-ignore
  const grid: CellValue[][] = [
    ["财源街道外出招商台账", _, _, _, _, _],
    ["日期", "带队领导", "职务", "目的地", "拜访企业", "成效"],
    [d("2022-07-12"), "王建国", "党工委书记", "深圳", "华南智能制造有限公司", "建立联系"],
    [d("2022-08-09"), "王建国", "党工委书记", "上海", "华东电气集团股份有限公司、长江新能源科技股份有限公司", "达成合作意向2个"],
    [d("2022-08-16"), "刘洋", "党工委副书记", "苏州", "苏南精密机械有限公司", "对方9月来访考察"],
    [d("2022-08-23"), "孙丽", "副主任", "深圳", "鹏城电子科技有限公司", "交换投资意向"],
    ["2022.9.6", "陈志刚", "办事处主任", "北京", "北京中科智造科技有限公司", "推进高端装备研发中心项目洽谈"],
    [d("2022-09-13"), "刘洋", "党工委副书记", "杭州", "浙江恒正智能装备有限公司", "确定二期投资计划"],
    [d("2022-09-20"), "赵敏", "副主任", "宁波", "宁波华远汽车零部件有限公司", "敲定开工时间"],
    ["2022年9月27日", "孙丽", "副主任", "青岛", "海岸冷链物流有限公司", "达成初步意向"],
  ];
  return { name: "外出招商", grid, merges: [{ top: 1, left: 1, bottom: 1, right: 6 }] };
}

function invitationsSheet(): SampleSheet {
  // prettier-ignore
  const grid: CellValue[][] = [
    ["财源街道客商邀请台账", _, _, _, _],
    ["企业名称", "企业类别", "邀请对象", "职务", "是否确认参会"],
    ["华东电气集团股份有限公司", "中国500强", "周振华", "董事长", "是"],
    ["环球精密制造集团", "世界500强", "林志远", "大中华区总裁", "是"],
    ["鼎新医药股份有限公司", "上市公司", "吴海峰", "董事长", "否"],
    ["北方重工机械有限公司", "行业百强", "郭建军", "总经理", "是"],
    ["长江新能源科技股份有限公司", "上市公司", "沈明", "董事长", "是"],
    ["泰安本地商贸有限公司", "其他", "马超", "总经理", "是"],
  ];
  return { name: "客商邀请", grid, merges: [{ top: 1, left: 1, bottom: 1, right: 5 }] };
}

function meetingsSheet(): SampleSheet {
  const topics: [string, string, string][] = [
    ["2022-08-01", "街道办事处三楼会议室", "集中攻坚活动动员部署，分解目标任务"],
    ["2022-08-08", "街道办事处三楼会议室", "调度在谈项目进展，安排外出招商"],
    ["2022-08-15", "泰山文旅综合体项目现场", "现场调度文旅综合体开工准备"],
    ["2022-08-22", "街道办事处三楼会议室", "调度签约项目开工手续办理"],
    ["2022-08-29", "街道办事处三楼会议室", "投洽会签约项目对接落实"],
    ["2022-09-05", "智能装备制造产业园项目现场", "现场解决施工用电问题"],
    ["2022-09-13", "街道办事处三楼会议室", "调度策划项目包装推介"],
    ["2022-09-19", "街道办事处三楼会议室", "调度客商邀请和项目论证"],
    ["2022-09-26", "街道办事处三楼会议室", "活动总结，梳理未开工项目"],
  ];
  const grid: CellValue[][] = [
    ["财源街道招商引资例会记录", _, _, _],
    ["日期", "地点", "内容", "记录人"],
    ...topics.map(([date, place, topic]): CellValue[] => [d(date), place, topic, "王敏"]),
  ];
  return { name: "例会记录", grid, merges: [{ top: 1, left: 1, bottom: 1, right: 4 }] };
}

function settingsSheet(): SampleSheet {
  const grid: CellValue[][] = [
    ["项目", "值"],
    ["单位名称", "财源街道"],
    ["单位类型", "街道"],
    ["统计截止日", d(SAMPLE_AS_OF)],
  ];
  return { name: "台账设置", grid, merges: [] };
}

/** The workbook's sheets in tab order; fresh arrays on every call, so a test may alter its copy. */
export function sampleSheets(): SampleSheet[] {
  return [projectsSheet(), tripsSheet(), invitationsSheet(), meetingsSheet(), settingsSheet()];
}

/**
 * A grid as Office.js `range.values` gives it: dates are 1900-system serial numbers, blanks are
 * empty strings, and every row is as wide as the used range.
 */
export function officeGrid(grid: readonly (readonly CellValue[])[]): (string | number | boolean)[][] {
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((row) =>
    Array.from({ length: width }, (_unused, i) => {
      const v = row[i];
      if (v instanceof Date) return serialFromDay(dayFromDate(v)!, 1900);
      if (v === null || v === undefined) return "";
      if (typeof v === "object") return v.error; // error values print as #REF!, #N/A …
      return v;
    }),
  );
}

/** The sample as the core's input: "office" as the task pane reads it, "file" as ExcelJS reads the .xlsx. */
export function sampleWorkbook(form: "office" | "file" = "office"): WorkbookInput {
  return {
    name: SAMPLE_NAME,
    dateSystem: 1900,
    sheets: sampleSheets().map((s) => ({
      name: s.name,
      merges: s.merges,
      rows: gridRows(form === "office" ? officeGrid(s.grid) : s.grid),
    })),
  };
}
