/**
 * The ZS functions called as Excel calls them: ranges as 2-D arrays of values (dates as 1900-system
 * serials, blanks as ""), title rows above the header, omitted optionals as null or "". Every
 * expected figure is counted by hand from the sample's rows (test/sample/sampleLedger.ts), as of
 * 2022-09-30 with the window 2022-08-01 – 2022-09-30, B = 2, F = 1, P = 1, unless a test says otherwise.
 */
import { amount, penalty, score, startStatus, targetGap, targetMet } from "../../src/functions/functions";
import { functionsHaveRun, resetWorkbookSettings, setWorkbookSettings } from "../../src/host/runtimeState";
import * as checkModule from "../../src/core/check";
import { clearTableCache } from "../../src/functions/tableCache";
import { readTable } from "../../src/functions/arguments";
import { officeGrid, sampleSheets } from "../sample/sampleLedger";

/** Excel's 1900-system serial of a date, counted here rather than asked of the core. */
function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}
/** The same day as the core counts days (since 1970-01-01), for settings the pane would set. */
function day(iso: string): number {
  return serial(iso) - 25_569;
}

const AS_OF = serial("2022-09-30");
const [projectsSheet, tripsSheet, invitationsSheet, meetingsSheet] = sampleSheets();
/** Each table as a reviewer selects it: from the title row (A1) down to the footer. */
const PROJECTS = officeGrid(projectsSheet.grid);
const TRIPS = officeGrid(tripsSheet.grid);
const INVITATIONS = officeGrid(invitationsSheet.grid);
const MEETINGS = officeGrid(meetingsSheet.grid);
/** Row r of the projects sheet as Excel numbers it. */
const projectRow = (r: number) => PROJECTS[r - 1];
const COL = { E: 4, F: 5, G: 6, J: 9, K: 10 } as const;

type Globals = { Office?: unknown; CustomFunctions?: unknown };

beforeEach(() => {
  resetWorkbookSettings();
  clearTableCache();
});
afterEach(() => {
  delete (globalThis as Globals).Office;
  delete (globalThis as Globals).CustomFunctions;
});

test("the hand-counted serials are Excel's", () => {
  expect(AS_OF).toBe(44834);
  expect(projectRow(6)[8]).toBe(serial("2022-08-05"));
});

describe("TARGETMET and TARGETGAP: every target, by id and by alias, for every unit kind", () => {
  type Expect = readonly [met: boolean, gap: number] | "not-applicable" | "not-assessed";
  interface Row {
    readonly id: string;
    readonly alias: string;
    readonly table: (string | number | boolean)[][];
    readonly town: Expect;
    readonly department: Expect;
    readonly hq: Expect;
  }
  const NA = "not-applicable";
  // prettier-ignore
  const ROWS: readonly Row[] = [
    // 投洽会签约 是 and signed: row 6 (1.2亿) and row 7 (150000 = 15亿): two ≥ 1亿, one ≥ 10亿. Row 25 is only in talks.
    { id: "fair-signing", alias: "投洽会签约", table: PROJECTS, town: [true, 0], department: NA, hq: NA },
    // Actual starts in the window by 9-30: rows 6 (8-20), 7 (9.15), 13 (8-10), 14 (9-06), 18 (202209 = 9-30); all ≥ 5000万.
    { id: "new-starts", alias: "新开工", table: PROJECTS, town: [true, 0], department: NA, hq: NA },
    // 重点在谈 是: rows 24, 25, 26 — three of four.
    { id: "key-negotiations", alias: "重点在谈", table: PROJECTS, town: [false, 1], department: NA, hq: NA },
    // 策划 with a planning date in the window up to 9-15: rows 29 (8-10) and 30 (9.5); row 31 (9-20) is too late.
    { id: "planned-projects", alias: "新策划", table: PROJECTS, town: [true, 0], department: NA, hq: NA },
    // Principals (党工委书记, 办事处主任) in the window: 8-09 and 9.6; the 7-12 trip is before it. Town 3, department 2.
    { id: "trips-main", alias: "主要负责人外出", table: TRIPS, town: [false, 1], department: [true, 0], hq: NA },
    // Deputies (副书记, 副主任): 8-16, 8-23, 9-13, 9-20, 9月27日 — five of four.
    { id: "trips-deputy", alias: "分工负责人外出", table: TRIPS, town: [true, 0], department: NA, hq: NA },
    // 中国500强, 世界500强, 上市公司, 行业百强, 上市公司 (and one 其他): five of five.
    { id: "invitations", alias: "客商邀请", table: INVITATIONS, town: [true, 0], department: NA, hq: NA },
    // Signed and not stopped: sixteen projects (rows 6–20 and 22); one is enough.
    { id: "no-blank", alias: "杜绝空白", table: PROJECTS, town: NA, department: [true, 0], hq: NA },
    // The sample has no 外出推介次数 column.
    { id: "owner-promotions", alias: "包保推介", table: PROJECTS, town: NA, department: "not-assessed", hq: NA },
    // 专家论证 是: rows 6 and 24; row 26 says 论证中 (not a yes) — two of three.
    { id: "expert-review", alias: "专家论证", table: PROJECTS, town: [false, 1], department: NA, hq: NA },
    // Weeks wholly inside 8-01 … 9-30: the eight starting 8-01 … 9-19; each has a meeting (9-13 in the week of 9-12).
    { id: "weekly-meetings", alias: "每周例会", table: MEETINGS, town: [true, 0], department: [true, 0], hq: [true, 0] },
    // Assessed only when 台账设置 gives 全年任务.
    { id: "annual-task", alias: "全年任务", table: PROJECTS, town: "not-assessed", department: "not-assessed", hq: "not-assessed" },
  ];
  const KINDS = [
    { id: "town", word: "街道", expect: (r: Row) => r.town },
    { id: "park", word: "园区", expect: (r: Row) => r.town },
    { id: "department", word: "区直部门", expect: (r: Row) => r.department },
    { id: "hq", word: "指挥部", expect: (r: Row) => r.hq },
  ] as const;

  for (const kind of KINDS) {
    for (const row of ROWS) {
      const expected = kind.expect(row);
      test(`${kind.id}: ${row.id} / ${row.alias}`, async () => {
        const asked = [
          [row.id, kind.id, AS_OF],
          [row.alias, kind.word, "2022-09-30"],
        ] as const;
        for (const [target, unitKind, asOf] of asked) {
          if (expected === "not-applicable") {
            await expect(targetMet(target, row.table, unitKind, asOf, null)).rejects.toThrow(/不考核/);
            await expect(targetGap(target, row.table, unitKind, asOf, "")).rejects.toThrow(/不考核/);
          } else if (expected === "not-assessed") {
            await expect(targetMet(target, row.table, unitKind, asOf, null)).rejects.toThrow(/无法评估/);
          } else {
            expect(await targetMet(target, row.table, unitKind, asOf, null)).toBe(expected[0]);
            expect(await targetGap(target, row.table, unitKind, asOf, "")).toBe(expected[1]);
          }
        }
      });
    }
  }

  test("全年任务 from the workbook's settings: funds in place 3000+20000+1500+2000+800+1000+4500 = 32800万", async () => {
    setWorkbookSettings({ annualTask: 40000 }, 1900); // 80% is 32000
    expect(await targetMet("全年任务", PROJECTS, "街道", AS_OF)).toBe(true);
    expect(await targetGap("annual-task", PROJECTS, "department", AS_OF)).toBe(0);
    setWorkbookSettings({ annualTask: 50000 }, 1900); // 80% is 40000
    expect(await targetMet("全年任务", PROJECTS, "指挥部", AS_OF)).toBe(false);
    expect(await targetGap("全年任务", PROJECTS, "园区", AS_OF)).toBe(7200);
  });
});

describe("列名对照: the unit's own headers, as the pane publishes them from 台账设置", () => {
  // The range holds no 台账设置: a header only the unit's section names is read through the runtime state.
  const renamed = PROJECTS.map((row, i) => (i === 3 ? row.map((v) => (v === "实际开工时间" ? "动工落地时间" : v)) : row));

  test("without it, 新开工 cannot be assessed; with it, the column is read", async () => {
    await expect(targetMet("新开工", renamed, "街道", AS_OF)).rejects.toThrow(/无法评估/);
    setWorkbookSettings({}, 1900, [{ field: "实际开工日期", header: "动工落地时间" }]);
    expect(await targetMet("新开工", renamed, "街道", AS_OF)).toBe(true);
    expect(await targetGap("新开工", renamed, "街道", AS_OF)).toBe(0);
    // A changed mapping is a changed answer, never a cached one.
    setWorkbookSettings({}, 1900, []);
    await expect(targetGap("新开工", renamed, "街道", AS_OF)).rejects.toThrow(/无法评估/);
  });
});

describe("arguments as Excel passes them", () => {
  test("a range without its title rows reads the same", async () => {
    const fromHeader = PROJECTS.slice(2);
    expect(await targetGap("key-negotiations", fromHeader, "街道", AS_OF)).toBe(1);
    expect(await targetMet("投洽会签约", fromHeader, "街道", AS_OF)).toBe(true);
  });

  test("a range selected larger than the ledger (blank rows and columns around it) reads the same", async () => {
    const blankRow = () => Array.from({ length: 18 }, () => "");
    const wide = [...PROJECTS.map((r) => [...r, "", ""]), ...Array.from({ length: 7 }, blankRow)];
    expect(await targetGap("重点在谈", wide, "街道", AS_OF)).toBe(1);
    expect(await score(wide, AS_OF)).toBe(6);
  });

  test("a whole-column reference (A:P) is read as its used part: the same answers, checked once, cached as the used range", async () => {
    const check = jest.spyOn(checkModule, "checkWorkbook");
    try {
      // 100,000 rows stand for A:P's 1,048,576: the used part is what is parsed and kept
      const blankRow = () => Array.from({ length: 16 }, () => "");
      const whole = [...PROJECTS, ...Array.from({ length: 100_000 - PROJECTS.length }, blankRow)];
      expect(await score(PROJECTS, AS_OF)).toBe(6);
      expect(check).toHaveBeenCalledTimes(1);
      expect(await score(whole, AS_OF)).toBe(6);
      // the same used cells with the same settings: answered from the cache, no second check
      expect(check).toHaveBeenCalledTimes(1);
      expect(await targetGap("重点在谈", whole, "街道", AS_OF)).toBe(1);
      // and what a check is given is the used part only
      expect(check).toHaveBeenCalledTimes(2);
      for (const [input] of check.mock.calls) expect([...[...input.sheets][0].rows].length).toBeLessThanOrEqual(PROJECTS.length);
    } finally {
      check.mockRestore();
    }
  });

  test("the ledger's title tells the unit kind when no argument or setting does", async () => {
    // 财源街道招商引资项目台账: a town, so 杜绝空白 (departments only) does not apply.
    await expect(targetMet("杜绝空白", PROJECTS, null, AS_OF)).rejects.toThrow(/街道\/镇不考核“杜绝空白”/);
    expect(await targetGap("重点在谈", PROJECTS, undefined, AS_OF)).toBe(1);
  });

  test("the as-of date moves what counts: by 2022-08-31 only rows 6 and 13 have started", async () => {
    // Two starts of three (both ≥ 5000万), so one more is needed.
    expect(await targetGap("新开工", PROJECTS, "街道", serial("2022-08-31"))).toBe(1);
    expect(await targetMet("新开工", PROJECTS, "街道", "2022年8月31日")).toBe(false);
  });

  test("omitted arguments fall back to the workbook's 台账设置 as the pane loaded it", async () => {
    setWorkbookSettings({ asOf: day("2022-09-30"), unitKind: "department" }, 1900);
    expect(await targetMet("no-blank", PROJECTS)).toBe(true);
    expect(await targetGap("trips-main", TRIPS, null, null)).toBe(0);
    // An argument wins over the settings.
    expect(await targetGap("trips-main", TRIPS, "街道")).toBe(1);
    await expect(targetMet("no-blank", PROJECTS, "街道")).rejects.toThrow(/不考核/);
  });

  test("a range that holds several units answers for one unit, or for all of them", async () => {
    const title = ["2022年外出招商台账汇总", "", "", "", "", "", ""];
    const header = ["单位", ...TRIPS[1]];
    // 财源街道's trips, the 单位 cell filled only on its first row (as a merged cell reads); then 区发改局's.
    const caiyuan = TRIPS.slice(2).map((r, i) => [i === 0 ? "财源街道" : "", ...r]);
    const bureau = [
      ["区发改局", serial("2022-08-18"), "李强", "局长", "上海", "上海华信能源有限公司", "达成合作意向"],
      ["", serial("2022-09-08"), "李强", "局长", "南京", "苏宁环球股份有限公司", "对方10月来访"],
      ["", serial("2022-09-21"), "周伟", "副局长", "杭州", "浙江数智科技有限公司", "交换投资意向"],
    ];
    const table = [title, header, ...caiyuan, ...bureau];
    // 财源街道 (a town): 2 principal trips of 3. 区发改局 (a department): 2 of 2.
    expect(await targetGap("trips-main", table, null, AS_OF, "财源街道")).toBe(1);
    expect(await targetMet("主要负责人外出", table, null, AS_OF, "区发改局")).toBe(true);
    expect(await penalty(table, null, AS_OF, "财源街道")).toBe(2);
    expect(await penalty(table, null, AS_OF, "区发改局")).toBe(0);
    await expect(targetMet("分工负责人外出", table, null, AS_OF, "区发改局")).rejects.toThrow(/区直部门不考核/);
    // The whole range: gaps add up, and it is met only if every unit meets it.
    expect(await targetGap("trips-main", table, null, AS_OF)).toBe(1);
    expect(await targetMet("trips-main", table, null, AS_OF)).toBe(false);
    expect(await penalty(table, null, AS_OF)).toBe(2);
    await expect(targetMet("trips-main", table, null, AS_OF, "城关镇")).rejects.toThrow(/没有单位“城关镇”.*财源街道、区发改局.*单位类型/);
    await expect(penalty(table, null, AS_OF, "城关镇")).rejects.toThrow(/没有单位“城关镇”/);
  });

  test("a unit with no row in a range that has a 单位 column, asked with its kind, is a unit with nothing in it (as the pane counts it)", async () => {
    const table = [
      ["单位", ...TRIPS[1]],
      ["区发改局", serial("2022-08-18"), "李强", "局长", "上海", "上海华信能源有限公司", "达成合作意向"],
    ];
    // 城关镇 made no trip: a town's three principal trips are all missing, 2P each (P = 1 by default).
    expect(await targetMet("trips-main", table, "镇", AS_OF, "城关镇")).toBe(false);
    expect(await targetGap("trips-main", table, "镇", AS_OF, "城关镇")).toBe(3);
    expect(await penalty(table, "镇", AS_OF, "城关镇")).toBe(6);
    expect(await penalty(table, "镇", AS_OF, "城关镇", null, 2)).toBe(12);
    // 区发改局 is still asked of its own row: one trip of a department's two.
    expect(await targetGap("trips-main", table, "区直部门", AS_OF, "区发改局")).toBe(1);
    // Without the kind, the name is more likely a typo: still the error.
    await expect(targetGap("trips-main", table, null, AS_OF, "城关镇")).rejects.toThrow(/没有单位“城关镇”/);
  });

  test("the unit's name tells its kind for a range without a title", async () => {
    const fromHeader = PROJECTS.slice(2);
    expect(await targetMet("杜绝空白", fromHeader, null, AS_OF, "区发改局")).toBe(true);
  });

  test("the workbook's date system: 1904 serials are read as 1904 serials", async () => {
    setWorkbookSettings({}, 1904);
    const planned1904 = serial("2022-10-10") - 1462; // 10 days after the as-of date: due soon
    expect(await startStatus("签约", planned1904, "", "2022-09-30")).toBe("临近开工时限");
  });

  test("an edited range is checked again, also when Excel reuses the array", async () => {
    const table = officeGrid(projectsSheet.grid);
    expect(await targetMet("重点在谈", table, "街道", AS_OF)).toBe(false);
    table[27 - 1][COL.G] = "是"; // row 27 becomes the fourth key negotiation
    expect(await targetMet("重点在谈", table, "街道", AS_OF)).toBe(true);
    expect(await targetMet("重点在谈", officeGrid(projectsSheet.grid), "街道", AS_OF)).toBe(false);
  });
});

describe("PENALTY and SCORE", () => {
  test("the projects ledger: B/2 for row 9 (not started), 2B for row 21 (终止) — for every kind", async () => {
    for (const kind of ["town", "park", "department", "hq", "街道", "园区", "区直部门", "指挥部"]) {
      expect(await penalty(PROJECTS, kind, AS_OF)).toBe(5);
    }
    expect(await penalty(PROJECTS, "街道", AS_OF, null, 6)).toBe(15); // B = 6: 3 + 12
    // As of 2022-08-31, row 9's planned start (9-15) is still ahead: only row 21 is deducted.
    expect(await penalty(PROJECTS, "街道", serial("2022-08-31"))).toBe(4);
  });

  test("the trips ledger: 2P per missing principal trip", async () => {
    expect(await penalty(TRIPS, "town", AS_OF)).toBe(2);
    expect(await penalty(TRIPS, "园区", AS_OF)).toBe(2);
    expect(await penalty(TRIPS, "区直部门", AS_OF)).toBe(0); // 2 of 2
    expect(await penalty(TRIPS, "hq", AS_OF)).toBe(0); // not assessed on trips
    expect(await penalty(TRIPS, "街道", AS_OF, "", "", 3)).toBe(6);
  });

  test("SCORE: on time 6, 13, 19 (+2), late 7, 14, 18 (+1), row 9 (−1), row 21 (−4), fair bonus rows 6, 7", async () => {
    expect(await score(PROJECTS, AS_OF)).toBe(6);
    expect(await score(PROJECTS, "2022-09-30", null, 6)).toBe(14); // B = 6: 18 + 9 − 3 − 12 + 2
    expect(await score(PROJECTS, AS_OF, "", null, 3)).toBe(10); // 4 + 2 × 3
  });

  test("a ledger they cannot score is #N/A with a reason", async () => {
    await expect(score(TRIPS, AS_OF)).rejects.toThrow(/没有项目台账/);
    await expect(penalty(MEETINGS, "街道", AS_OF)).rejects.toThrow(/既没有项目台账，也没有外出招商台账/);
  });
});

describe("STARTSTATUS on the sample's project rows", () => {
  const status = (r: number, asOf: unknown = AS_OF, soonDays: unknown = null) =>
    startStatus(projectRow(r)[COL.F], projectRow(r)[COL.J], projectRow(r)[COL.K], asOf, soonDays);

  test("each status of DOMAIN.md", async () => {
    expect(await status(8)).toBe("缺计划开工日期"); // 签约, no planned start
    expect(await status(9)).toBe("逾期未开工"); // planned 9-15
    expect(await status(10)).toBe("临近开工时限"); // planned 10-10, 10 days ahead
    expect(await status(11)).toBe("待开工"); // planned 12-31
    expect(await status(6)).toBe("已开工"); // actual 8-20
    expect(await status(24)).toBe(""); // 在谈
  });

  test("the as-of date and the warning window", async () => {
    expect(await status(9, serial("2022-09-10"))).toBe("临近开工时限"); // 9-15 is 5 days ahead
    expect(await status(11, AS_OF, 120)).toBe("临近开工时限"); // 12-31 is 92 days ahead
    expect(await startStatus("签约", "2022.10.20", "", "2022-09-30")).toBe("待开工");
    setWorkbookSettings({ asOf: day("2022-09-30"), dueSoonDays: 30 }, 1900);
    expect(await startStatus("已签约", "2022.10.20", "")).toBe("临近开工时限");
  });

  test("unreadable input is #VALUE!", async () => {
    await expect(startStatus("签约", "2022-02-30", "", AS_OF)).rejects.toThrow(/无法识别的日期“2022-02-30”/);
    await expect(status(28)).rejects.toThrow(/无法识别的项目状态“待定”/);
    await expect(startStatus("签约", "", "", AS_OF, "两周")).rejects.toThrow(/临近天数/);
  });
});

describe("AMOUNT on the sample's 总投资 cells", () => {
  const cell = (r: number) => projectRow(r)[COL.E];

  test("in 万元", async () => {
    expect(await amount(cell(6))).toBe(12000); // 1.2亿
    expect(await amount(cell(7))).toBe(150000);
    expect(await amount(cell(8))).toBe(12000); // "12,000"
    expect(await amount(cell(10))).toBe(300); // 3000000元
    expect(await amount(cell(15))).toBe(5000); // 约5000万 counts at its value
    expect(await amount(1.5, "亿元")).toBe(15000);
    expect(await amount(3000000, "元")).toBe(300);
    expect(await amount("１２０００", null)).toBe(12000);
  });

  test("what is no amount in 万元", async () => {
    await expect(amount(cell(16))).rejects.toThrow(/“500万美元”是美元金额/);
    await expect(amount(cell(17))).rejects.toThrow(/无法识别的金额“待定”/);
    await expect(amount(cell(31))).rejects.toThrow(/金额为空/);
    await expect(amount(-5)).rejects.toThrow(/负数/);
    await expect(amount(5, "美元")).rejects.toThrow(/无法识别的金额单位“美元”/);
  });
});

describe("errors", () => {
  test("an unknown target, a range with no header, an unreadable date or unit kind: Chinese messages", async () => {
    await expect(targetMet("招商引资总额", PROJECTS, "街道", AS_OF)).rejects.toThrow(/未知的目标“招商引资总额”/);
    const headerless = PROJECTS.slice(5, 12); // data rows 6–12 only
    await expect(targetMet("新开工", headerless, "街道", AS_OF)).rejects.toThrow(/找不到台账表头/);
    await expect(score(headerless, AS_OF)).rejects.toThrow(/找不到台账表头/);
    await expect(targetGap("新开工", PROJECTS, "街道", "尽快")).rejects.toThrow("参数“统计截止日”的值“尽快”无法识别，应为完整的日期，如 2022-09-30");
    await expect(penalty(PROJECTS, "村委会", AS_OF)).rejects.toThrow(/无法识别的单位类型“村委会”/);
    await expect(penalty(PROJECTS, "街道", AS_OF, null, "两分")).rejects.toThrow(/签约项目分值/);
    await expect(targetMet("新开工", "A1:P33" as unknown as unknown[][], "街道", AS_OF)).rejects.toThrow(/应为单元格区域/);
  });

  test("in English when Office's display language is English", async () => {
    (globalThis as Globals).Office = { context: { displayLanguage: "en-US" } };
    await expect(targetMet("招商引资总额", PROJECTS, "town", AS_OF)).rejects.toThrow(/unknown target "招商引资总额"/);
    await expect(targetMet("no-blank", PROJECTS, "town", AS_OF)).rejects.toThrow(/a town is not assessed on no blank unit/);
  });

  test("in Chinese for any other display language, as the task pane decides", async () => {
    (globalThis as Globals).Office = { context: { displayLanguage: "fr-FR" } };
    await expect(targetMet("招商引资总额", PROJECTS, "town", AS_OF)).rejects.toThrow(/未知的目标“招商引资总额”/);
    (globalThis as Globals).Office = { context: {} }; // before Office has told its language
    await expect(targetMet("no-blank", PROJECTS, "town", AS_OF)).rejects.toThrow("街道/镇不考核“杜绝空白”");
  });

  test("as CustomFunctions.Error where Excel provides it: #VALUE! for bad input, #N/A for no answer", async () => {
    class ExcelError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    (globalThis as Globals).CustomFunctions = {
      associate: () => undefined,
      Error: ExcelError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };
    const bad = await targetMet("招商引资总额", PROJECTS, "街道", AS_OF).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ExcelError);
    expect(bad).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("未知的目标") });
    const none = await targetMet("杜绝空白", PROJECTS, "街道", AS_OF).catch((e: unknown) => e);
    expect(none).toMatchObject({ code: "#N/A", message: "街道/镇不考核“杜绝空白”" });
  });
});

describe("the as-of date is required: a function never answers for a today that stays put", () => {
  test("without the argument and without 统计截止日 in 台账设置: #VALUE!, saying what to pass", async () => {
    const missing = /^缺少统计截止日：请传入参数“统计截止日”（如 TODAY\(\) 或 DATE\(2022,9,30\)），或在台账设置中填写统计截止日/;
    await expect(targetMet("新开工", PROJECTS, "街道")).rejects.toThrow(missing);
    await expect(targetGap("新开工", PROJECTS, "街道", "")).rejects.toThrow(missing);
    await expect(penalty(PROJECTS, "街道")).rejects.toThrow(missing);
    await expect(score(PROJECTS)).rejects.toThrow(missing);
    await expect(startStatus("签约", "2022-10-10", "")).rejects.toThrow(missing);
    const error = await score(PROJECTS).catch((e: Error) => e);
    expect((error as Error).name).toBe("#VALUE!");
  });

  test("统计截止日 in 台账设置 is a date the function can stand on; the argument wins over it", async () => {
    setWorkbookSettings({ asOf: day("2022-08-31") }, 1900);
    expect(await targetGap("新开工", PROJECTS, "街道")).toBe(1); // rows 6 and 13 by 8-31
    expect(await targetGap("新开工", PROJECTS, "街道", AS_OF)).toBe(0);
    expect(await startStatus("签约", "2022-09-10", "")).toBe("临近开工时限");
  });

  test("a call that reads the settings is noted, also one that fails, so that a settings change recalculates", async () => {
    expect(functionsHaveRun()).toBe(false);
    await amount("1.2亿"); // reads no setting
    expect(functionsHaveRun()).toBe(false);
    await targetMet("新开工", PROJECTS, "街道").catch(() => undefined); // no date yet: 台账设置 may give one
    expect(functionsHaveRun()).toBe(true);
  });
});

describe("投洽会项目开工时限 as TARGETMET's and TARGETGAP's last argument", () => {
  // Row 6 (1.2亿): planned 8-25, actual 8-20. Row 7 (15亿): planned 9-10, actual 9.15.
  test("default (1 March after the as-of year): both count", async () => {
    expect(await targetGap("投洽会签约", PROJECTS, "街道", AS_OF, null, null)).toBe(0);
  });

  test("2022-09-01: row 6 counts, row 7 starts after it — one more of ≥ 10亿 is needed", async () => {
    expect(await targetMet("fair-signing", PROJECTS, "街道", AS_OF, null, "2022-09-01")).toBe(false);
    expect(await targetGap("fair-signing", PROJECTS, "街道", AS_OF, null, serial("2022-09-01"))).toBe(1);
  });

  test("2022-08-21 and 2022-08-20: an actual start counts only when it is before the deadline", async () => {
    expect(await targetGap("fair-signing", PROJECTS, "街道", AS_OF, null, "2022-08-21")).toBe(1);
    expect(await targetGap("fair-signing", PROJECTS, "街道", AS_OF, null, "2022-08-20")).toBe(2);
  });

  test("from 台账设置 when the argument is omitted; a bad value is #VALUE!", async () => {
    setWorkbookSettings({ fairStartDeadline: day("2022-08-20") }, 1900);
    expect(await targetGap("fair-signing", PROJECTS, "街道", AS_OF)).toBe(2);
    expect(await targetGap("fair-signing", PROJECTS, "街道", AS_OF, null, "2023-03-01")).toBe(0);
    await expect(targetMet("fair-signing", PROJECTS, "街道", AS_OF, null, "明年3月")).rejects.toThrow("参数“投洽会项目开工时限”的值“明年3月”无法识别");
  });
});

describe("a table argument is trimmed to its used part before anything is read or cached", () => {
  const blank18 = Array.from({ length: 18 }, () => "");
  /** The projects ledger in A:R of a whole-column reference: 1,048,576 rows, blanks as "" (one shared blank row, to spare the test's memory). */
  const wholeColumns = (): unknown[][] => {
    const rows: unknown[][] = PROJECTS.map((r) => [...r, "", ""]);
    while (rows.length < 1_048_576) rows.push(blank18);
    return rows;
  };

  test("A:R (1,048,576 rows) answers as the used range does", async () => {
    const whole = wholeColumns();
    expect(await targetGap("重点在谈", whole, "街道", AS_OF)).toBe(1);
    expect(await score(whole, AS_OF)).toBe(6);
    expect(await penalty(whole, "街道", AS_OF)).toBe(5);
  });

  test("blanks as null (how some hosts pass them) and cells of spaces trail too", async () => {
    const rows: unknown[][] = PROJECTS.map((r) => [...r, null, " "]);
    for (let i = 0; i < 200; i++) rows.push(Array.from({ length: 18 }, (_, j) => (j % 2 ? null : "  ")));
    expect(await targetGap("重点在谈", rows, "街道", AS_OF)).toBe(1);
  });

  test("exactly the trailing blank rows and columns go: a value in the last used row or column stays", () => {
    const grid = [
      [1, "", "", ""],
      ["", "", "", null],
      ["", "x", "", ""],
      ["", "", " ", ""],
      [null, "", "", ""],
    ];
    expect(readTable(grid)).toEqual([
      [1, ""],
      ["", ""],
      ["", "x"],
    ]);
    const used = [[1, 2], ["", 3]];
    expect(readTable(used)).toBe(used); // nothing trails: no copy
    expect(readTable([["", ""], ["", ""]])).toEqual([]);
  });
});
