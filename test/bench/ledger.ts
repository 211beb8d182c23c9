/**
 * Realistic ledgers of any size for the benchmark: a unit's workbook as clerks keep it (merged
 * title, units line, two-level header, section rows with 小计, a 合计, a footer; Chinese names;
 * amounts and dates in every form DOMAIN.md lists), with about 2% of the project rows carrying a
 * planted problem and every other row clean. Deterministic: the same arguments give the same grid.
 *
 * The grids are SampleSheets, so the same data feeds the engine directly (benchGrid) and the
 * command line through an .xlsx (xlsx.ts).
 */
import type { RuleId } from "../../src/core/findings";
import type { CellValue, MergeArea } from "../../src/core/sheet";
import type { SampleSheet } from "../sample/sampleLedger";

export const AS_OF = "2022-09-30";
export const PROJECTS = "项目台账";
/** Share of project rows with a planted problem. */
export const PLANTED_SHARE = 0.02;

export interface BenchLedger {
  readonly unitName: string;
  readonly sheets: SampleSheet[];
  /** Data rows of the projects ledger. */
  readonly dataRows: number;
  /** Rules planted, one per planted row (a row may raise one or two findings). */
  readonly planted: RuleId[];
}

/** mulberry32: small, fast and good enough to shuffle a ledger. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  "泰山", "岱岳", "汶河", "徂徕", "明堂", "天平", "北集坡", "满庄", "夏张", "道朗", "黄前", "大汶口", "马庄", "范镇", "角峪", "化马湾",
  "山口", "祝阳", "良庄", "房村", "粥店", "省庄", "邱家店", "上高", "泰前", "财源", "岱庙", "徐家楼", "旧县", "堽城", "磁窑", "华丰",
  "汶南", "石横", "王瓜店", "仪阳", "桃园", "安驾庄", "孙伯", "东平湖",
];
const PRODUCTS = [
  "新型环保建材", "智能装备", "冷链物流", "数字经济", "新能源汽车零部件", "高端医疗器械", "农产品精深加工", "文旅综合体", "生物医药",
  "光伏组件", "跨境电商", "精密铸造", "商贸物流", "汽车后市场", "智慧仓储", "化工新材料", "预制菜加工", "研发中心", "绿色建材",
  "文化创意", "康养", "智慧农业", "储能电池材料", "氢能装备", "工业互联网", "半导体封装", "锂电隔膜", "碳纤维复合材料", "纺织服装",
  "食品饮料", "家居建材", "电子信息", "节能环保装备", "现代种业", "中药材加工", "畜禽养殖", "乡村旅游", "总部经济", "金融服务",
  "软件外包", "数据中心", "物流分拨", "再生资源", "机器人", "新型显示", "特种钢材", "轨道交通装备", "航空零部件", "医养结合", "研学基地",
];
const KINDS = ["项目", "产业园项目", "基地项目", "产业化项目", "综合体项目", "示范园项目", "中心项目", "生产线项目", "产业基地项目", "集聚区项目"];
const PHASES = ["", "（一期）", "（二期）", "（三期）", "扩建"];
const PROVINCES = ["山东", "浙江", "江苏", "广东", "上海", "北京", "深圳", "济南", "青岛", "宁波", "苏州", "杭州", "天津", "香港"];
const FIRMS = ["鲁岳", "恒正", "顺泰", "云谷", "华远", "威宁", "齐鲁", "百诺", "天晟", "利信", "金鼎", "万联", "通达", "京通", "东盛", "鲁味", "中科", "中建", "颐和", "海岸"];
const FIRM_KINDS = ["科技有限公司", "集团有限公司", "股份有限公司", "实业有限公司", "发展有限公司", "投资有限公司", "智能装备有限公司", "新材料有限公司"];
const INDUSTRIES = ["生产性服务业", "战略性新兴产业", "特色高效农业", "其他"];
const OWNERS = ["王建国", "陈志刚", "刘洋", "孙丽", "赵敏", "李明", "张伟", "周强"];
const NOTES = ["", "", "", "土地手续办理中", "正在办理规划许可", "已完成环评", "投洽会现场签约", "一期厂房已开工", "外资项目", "设备已进场"];

const _ = null;
const WIDTH = 16;
/** Columns of the projects ledger (1-based), as in the sample. */
const C = { no: 1, name: 2, investor: 3, industry: 4, investment: 5, stage: 6, keyNeg: 7, fair: 8, sign: 9, planned: 10, actual: 11, funds: 12, expert: 13, owner: 14, planDate: 15, notes: 16 };

const MS_PER_DAY = 86_400_000;
const ASOF_DAY = Date.UTC(2022, 8, 30) / MS_PER_DAY;

function dateOf(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** A clean date in one of the forms ledgers hold: mostly real date cells, else typed text or yyyymmdd. */
function dateCell(day: number, rnd: () => number): CellValue {
  const d = dateOf(day);
  const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const pick = rnd();
  if (pick < 0.7) return d;
  if (pick < 0.78) return `${y}.${m}.${dd}`;
  if (pick < 0.86) return `${y}年${m}月${dd}日`;
  if (pick < 0.92) return `${y}-${String(m).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
  if (pick < 0.96) return `${y}/${m}/${dd}`;
  return y * 10000 + m * 100 + dd;
}

/** A clean amount in 万元 in one of the forms people type; returns the cell and its value in 万元. */
function amountCell(rnd: () => number): [CellValue, number] {
  const pick = rnd();
  // Investments of a township ledger: a few hundred 万 to tens of 亿, mostly round.
  const wan = Math.round((200 + Math.floor(rnd() * rnd() * 300) * 100) / 100) * 100;
  if (pick < 0.6) return [wan, wan];
  if (pick < 0.7) return [wan.toLocaleString("en-US"), wan];
  if (pick < 0.8) return [`${wan / 10000}亿`, wan];
  if (pick < 0.85) return [`${wan / 10000}亿元`, wan];
  if (pick < 0.9) return [`${wan}万元`, wan];
  if (pick < 0.94) return [`${wan}万`, wan];
  if (pick < 0.97) return [`${wan * 10000}元`, wan];
  return [String(wan).replace(/[0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)), wan];
}

function flagCell(yes: boolean, rnd: () => number): CellValue {
  const pick = rnd();
  if (yes) return pick < 0.8 ? "是" : "√";
  return pick < 0.5 ? "否" : pick < 0.6 ? "×" : _;
}

const STAGE_WORDS = {
  signed: ["签约", "已签约", "签约未开工"],
  started: ["开工", "已开工", "在建", "续建"],
  completed: ["竣工", "已投产", "投产"],
  negotiating: ["在谈", "洽谈中"],
  planned: ["策划", "谋划"],
  stopped: ["终止"],
} as const;
type StageId = keyof typeof STAGE_WORDS;

/** The ledger's sections, in order, with their share of the data rows. */
const SECTIONS: readonly { title: string; stages: readonly StageId[]; share: number }[] = [
  { title: "一、签约项目", stages: ["signed", "signed", "signed", "stopped"], share: 0.3 },
  { title: "二、开工及竣工项目", stages: ["started", "started", "completed"], share: 0.35 },
  { title: "三、在谈项目", stages: ["negotiating"], share: 0.2 },
  { title: "四、策划项目", stages: ["planned"], share: 0.15 },
];

/** Problems planted on ~2% of the rows, each one a rule the checker must raise. */
const PROBLEMS: readonly RuleId[] = [
  "invalid-amount", "approximate-amount", "foreign-currency", "invalid-date", "partial-date", "unknown-stage", "invalid-flag",
  "missing-value", "missing-sign-date", "missing-planned-start", "overdue-start", "missing-actual-start", "start-before-sign",
  "stage-not-updated", "future-date", "funds-exceed-investment", "fair-signed-not-signed", "duplicate-project",
];

function projectName(i: number): string {
  const p = PLACES.length;
  const q = PRODUCTS.length;
  const k = KINDS.length;
  const phase = Math.floor(i / (p * q * k));
  const suffix = phase < PHASES.length ? PHASES[phase] : `（${phase}）`;
  return `${PLACES[i % p]}${PRODUCTS[Math.floor(i / p) % q]}${KINDS[Math.floor(i / (p * q)) % k]}${suffix}`;
}

function investor(rnd: () => number): string {
  const pick = (list: readonly string[]) => list[Math.floor(rnd() * list.length)];
  return `${pick(PROVINCES)}${pick(FIRMS)}${pick(FIRM_KINDS)}`;
}

/** One data row of a stage, clean, with its investment in 万元. */
function cleanRow(no: number, name: string, stage: StageId, rnd: () => number): { row: CellValue[]; wan: number } {
  const row: CellValue[] = new Array(WIDTH).fill(_);
  const [investment, wan] = amountCell(rnd);
  const words = STAGE_WORDS[stage];
  row[C.no - 1] = no;
  row[C.name - 1] = name;
  row[C.investor - 1] = rnd() < 0.9 ? investor(rnd) : _;
  row[C.industry - 1] = INDUSTRIES[Math.floor(rnd() * INDUSTRIES.length)];
  row[C.investment - 1] = investment;
  row[C.stage - 1] = words[Math.floor(rnd() * words.length)];
  row[C.owner - 1] = OWNERS[Math.floor(rnd() * OWNERS.length)];
  row[C.notes - 1] = NOTES[Math.floor(rnd() * NOTES.length)] || _;
  const signedish = stage === "signed" || stage === "started" || stage === "completed" || stage === "stopped";
  // Signed in the year before the as-of date; started after signing and by the as-of date.
  const sign = ASOF_DAY - 20 - Math.floor(rnd() * 340);
  if (signedish) {
    row[C.sign - 1] = dateCell(sign, rnd);
    row[C.keyNeg - 1] = flagCell(false, rnd);
    row[C.fair - 1] = flagCell(rnd() < 0.05, rnd);
  } else {
    row[C.keyNeg - 1] = flagCell(rnd() < 0.3, rnd);
    row[C.fair - 1] = flagCell(false, rnd);
  }
  if (stage === "signed") row[C.planned - 1] = dateCell(ASOF_DAY + 20 + Math.floor(rnd() * 200), rnd);
  if (stage === "started" || stage === "completed" || stage === "stopped") {
    const planned = sign + 10 + Math.floor(rnd() * 60);
    row[C.planned - 1] = dateCell(planned, rnd);
    if (stage !== "stopped") {
      const actual = Math.min(ASOF_DAY, sign + Math.floor(rnd() * 90));
      row[C.actual - 1] = dateCell(actual, rnd);
      if (rnd() < 0.7) row[C.funds - 1] = Math.round(wan * (0.1 + rnd() * 0.8));
    }
  }
  if (stage === "planned") row[C.planDate - 1] = dateCell(ASOF_DAY - Math.floor(rnd() * 80), rnd);
  row[C.expert - 1] = flagCell(rnd() < 0.1, rnd);
  return { row, wan };
}

/**
 * Plants one problem on a clean row. Returns the investment that the checker will add to the
 * 合计 (RMB amounts only), or null when the amount is no longer summed.
 */
function plant(row: CellValue[], rule: RuleId, wan: number, earlierName: string): number | null {
  switch (rule) {
    case "invalid-amount":
      row[C.investment - 1] = "待定";
      return null;
    case "approximate-amount":
      row[C.investment - 1] = `约${wan}万`;
      return wan;
    case "foreign-currency":
      row[C.investment - 1] = `${wan}万美元`;
      row[C.funds - 1] = _;
      return null;
    case "invalid-date":
      row[C.sign - 1] = "2022-02-30";
      return wan;
    case "partial-date":
      // A month without its day, in the one date column no other rule reads.
      row[C.planDate - 1] = "2022年8月";
      return wan;
    case "unknown-stage":
      row[C.stage - 1] = "待定";
      return wan;
    case "invalid-flag":
      row[C.expert - 1] = "论证中";
      return wan;
    case "missing-value":
      row[C.investment - 1] = _;
      return null;
    case "missing-sign-date":
      row[C.stage - 1] = "签约";
      row[C.sign - 1] = _;
      row[C.planned - 1] = dateOf(ASOF_DAY + 60);
      row[C.actual - 1] = _;
      row[C.funds - 1] = _;
      return wan;
    case "missing-planned-start":
      row[C.stage - 1] = "签约";
      row[C.sign - 1] = dateOf(ASOF_DAY - 30);
      row[C.planned - 1] = _;
      row[C.actual - 1] = _;
      row[C.funds - 1] = _;
      return wan;
    case "overdue-start":
      row[C.stage - 1] = "签约";
      row[C.sign - 1] = dateOf(ASOF_DAY - 60);
      row[C.planned - 1] = dateOf(ASOF_DAY - 15);
      row[C.actual - 1] = _;
      row[C.funds - 1] = _;
      return wan;
    case "missing-actual-start":
      row[C.stage - 1] = "开工";
      row[C.sign - 1] = dateOf(ASOF_DAY - 90);
      row[C.planned - 1] = dateOf(ASOF_DAY - 30);
      row[C.actual - 1] = _;
      return wan;
    case "start-before-sign":
      row[C.stage - 1] = "开工";
      row[C.sign - 1] = dateOf(ASOF_DAY - 40);
      row[C.planned - 1] = dateOf(ASOF_DAY - 20);
      row[C.actual - 1] = dateOf(ASOF_DAY - 50);
      return wan;
    case "stage-not-updated":
      row[C.stage - 1] = "签约";
      row[C.sign - 1] = dateOf(ASOF_DAY - 40);
      row[C.planned - 1] = dateOf(ASOF_DAY - 10);
      row[C.actual - 1] = dateOf(ASOF_DAY - 5);
      return wan;
    case "future-date":
      row[C.stage - 1] = "签约";
      row[C.sign - 1] = dateOf(ASOF_DAY + 8);
      row[C.planned - 1] = dateOf(ASOF_DAY + 90);
      row[C.actual - 1] = _;
      row[C.funds - 1] = _;
      return wan;
    case "funds-exceed-investment":
      if (typeof row[C.investment - 1] !== "number") row[C.investment - 1] = wan;
      row[C.funds - 1] = wan + 500;
      return wan;
    case "fair-signed-not-signed":
      // 投洽会签约 on a project still in talks: also missing its sign date (two findings, one row).
      row[C.stage - 1] = "在谈";
      row[C.fair - 1] = "是";
      row[C.sign - 1] = _;
      row[C.planned - 1] = _;
      row[C.actual - 1] = _;
      row[C.funds - 1] = _;
      return wan;
    case "duplicate-project":
      row[C.name - 1] = earlierName;
      return wan;
    default:
      return wan;
  }
}

/** The projects ledger of `dataRows` rows: 4 sections with their 小计, a 合计, a footer. */
function projectsSheet(unitName: string, dataRows: number, rnd: () => number, planted: RuleId[]): SampleSheet {
  const grid: CellValue[][] = [
    [`${unitName}招商引资项目台账`, ...new Array(WIDTH - 1).fill(_)],
    [`填报单位：${unitName}　　单位：万元　　统计截止：2022年9月30日`, ...new Array(WIDTH - 1).fill(_)],
    ["序号", "项目名称", "投资方", "产业类别", "总投资", "项目状态", "重点在谈", "投洽会签约", "签约日期", "开工情况", _, "到位资金", "专家论证", "包保责任人", "策划日期", "备注"],
    [_, _, _, _, _, _, _, _, _, "计划开工时间", "实际开工时间", _, _, _, _, _],
  ];
  const merges: MergeArea[] = [];
  const wide = (row: number) => merges.push({ top: row, left: 1, bottom: row, right: WIDTH });
  wide(1);
  wide(2);
  for (let c = 1; c <= WIDTH; c++) {
    if (c === C.planned) merges.push({ top: 3, left: C.planned, bottom: 3, right: C.actual });
    else if (c !== C.actual) merges.push({ top: 3, left: c, bottom: 4, right: c });
  }
  let no = 0;
  let total = 0;
  let totalFunds = 0;
  let problemCursor = Math.floor(rnd() * PROBLEMS.length);
  let remaining = dataRows;
  SECTIONS.forEach((section, s) => {
    const count = s === SECTIONS.length - 1 ? remaining : Math.round(dataRows * section.share);
    remaining -= count;
    grid.push([section.title, ...new Array(WIDTH - 1).fill(_)]);
    wide(grid.length);
    let subtotal = 0;
    for (let i = 0; i < count; i++) {
      no++;
      const stage = section.stages[Math.floor(rnd() * section.stages.length)];
      const name = projectName(no - 1);
      const { row, wan } = cleanRow(no, name, stage, rnd);
      let summed: number | null = wan;
      // Planted problems, spread evenly (one every 50 rows) and cycling through the rules.
      if (no % Math.round(1 / PLANTED_SHARE) === 0) {
        const rule = PROBLEMS[problemCursor++ % PROBLEMS.length];
        // A duplicate repeats the row above (a copy-paste), which is never itself a planted row.
        summed = plant(row, rule, wan, projectName(no - 2));
        planted.push(rule);
      }
      if (summed !== null) subtotal += summed;
      const funds = row[C.funds - 1];
      if (typeof funds === "number" && summed !== null) totalFunds += funds;
      grid.push(row);
    }
    total += subtotal;
    const sub: CellValue[] = [_, "小计", ...new Array(WIDTH - 2).fill(_)];
    sub[C.investment - 1] = subtotal;
    grid.push(sub);
  });
  const sum: CellValue[] = [_, "合计", ...new Array(WIDTH - 2).fill(_)];
  sum[C.investment - 1] = total;
  void totalFunds; // the 合计 leaves 到位资金 blank, as many ledgers do
  grid.push(sum);
  grid.push([`填报人：王敏　　联系电话：0538-1234567　　审核人：${OWNERS[0]}`, ...new Array(WIDTH - 1).fill(_)]);
  wide(grid.length);
  return { name: PROJECTS, grid, merges };
}

function tripsSheet(unitName: string, rnd: () => number): SampleSheet {
  const leaders: [string, string][] = [
    ["王建国", "党工委书记"],
    ["陈志刚", "办事处主任"],
    ["刘洋", "党工委副书记"],
    ["孙丽", "副主任"],
    ["赵敏", "副主任"],
  ];
  const grid: CellValue[][] = [[`${unitName}外出招商台账`, _, _, _, _, _], ["日期", "带队领导", "职务", "目的地", "拜访企业", "成效"]];
  for (let i = 0; i < 24; i++) {
    const [leader, title] = leaders[i % leaders.length];
    const day = Date.UTC(2022, 7, 1) / MS_PER_DAY + Math.floor(rnd() * 60);
    grid.push([dateCell(day, rnd), leader, title, PROVINCES[i % PROVINCES.length], investor(rnd), "达成合作意向"]);
  }
  return { name: "外出招商", grid, merges: [{ top: 1, left: 1, bottom: 1, right: 6 }] };
}

function invitationsSheet(unitName: string, rnd: () => number): SampleSheet {
  const categories = ["世界500强", "中国500强", "行业百强", "上市公司", "其他"];
  const grid: CellValue[][] = [[`${unitName}客商邀请台账`, _, _, _, _], ["企业名称", "企业类别", "邀请对象", "职务", "是否确认参会"]];
  for (let i = 0; i < 12; i++) grid.push([investor(rnd), categories[i % categories.length], OWNERS[(i + 3) % OWNERS.length], "董事长", i % 3 ? "是" : "否"]);
  return { name: "客商邀请", grid, merges: [{ top: 1, left: 1, bottom: 1, right: 5 }] };
}

function meetingsSheet(unitName: string): SampleSheet {
  const grid: CellValue[][] = [[`${unitName}招商引资例会记录`, _, _, _], ["日期", "地点", "内容", "记录人"]];
  for (let w = 0; w < 9; w++) grid.push([dateOf(Date.UTC(2022, 7, 1) / MS_PER_DAY + 7 * w), "办事处三楼会议室", "调度在谈项目进展", "王敏"]);
  return { name: "例会记录", grid, merges: [{ top: 1, left: 1, bottom: 1, right: 4 }] };
}

function settingsSheet(unitName: string): SampleSheet {
  return {
    name: "台账设置",
    grid: [
      ["项目", "值"],
      ["单位名称", unitName],
      ["单位类型", "街道"],
      ["统计截止日", new Date(`${AS_OF}T00:00:00Z`)],
    ],
    merges: [],
  };
}

const UNIT_NAMES = ["财源街道", "岱庙街道", "上高街道", "徐家楼街道", "泰前街道", "省庄镇", "邱家店镇", "山口镇", "祝阳镇", "范镇"];

/** A unit's workbook with `dataRows` project rows; `seed` varies the unit and its data. */
export function benchLedger(dataRows: number, seed = 1): BenchLedger {
  const rnd = random(seed * 7919 + dataRows);
  const unitName = UNIT_NAMES[seed % UNIT_NAMES.length];
  const planted: RuleId[] = [];
  const sheets = [
    projectsSheet(unitName, dataRows, rnd, planted),
    tripsSheet(unitName, rnd),
    invitationsSheet(unitName, rnd),
    meetingsSheet(unitName),
    settingsSheet(unitName),
  ];
  return { unitName, sheets, dataRows, planted };
}
