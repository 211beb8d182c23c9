/** Targets, outcomes, SCORE and PENALTY against hand-computed expectations (as of 2022-09-30). */
import { checkWorkbook } from "../../src/core/check";
import { parseIsoDay } from "../../src/core/day";
import type { CheckResult, TargetResult } from "../../src/core/result";
import { weeksInside } from "../../src/core/assess";
import { d, SETTINGS_AS_OF, workbook, type GridSheet } from "./workbook";

const byId = (targets: readonly TargetResult[]) => Object.fromEntries(targets.map((t) => [t.id, { met: t.met, actual: t.actual, required: t.required, gap: t.gap }]));
const t = (met: boolean | null, actual: number | null, required: number | null, gap: number | null) => ({ met, actual, required, gap });
const NA = t(null, null, null, null);

function townProjects(title: string): GridSheet {
  return {
    name: "项目台账",
    grid: [
      [title],
      ["项目名称", "总投资", "项目状态", "重点在谈", "投洽会签约", "专家论证", "策划日期", "签约日期", "计划开工日期", "实际开工日期", "到位资金"],
      ["宝盛广场", "15亿", "开工", "否", "是", "是", "", d("2022-08-10"), d("2022-09-01"), d("2022-08-25"), 20000], // on-time +2, fair
      ["泰豪商品城", 20000, "签约", "否", "是", "否", "", d("2022-09-10"), d("2022-12-01"), "", ""], // pending 0, fair
      ["食品加工厂", 3000, "开工", "否", "否", "否", "", d("2022-07-01"), d("2022-08-01"), d("2022-08-20"), ""], // late +1
      ["现代物流园", 8000, "签约", "否", "否", "否", "", d("2022-06-01"), d("2022-09-01"), "", ""], // not-started -1
      ["文化产业园", 6000, "终止", "否", "否", "否", "", d("2022-05-01"), d("2022-07-01"), "", ""], // not-implementable -4
      ["高端装备", 50000, "在谈", "是", "否", "是", "", "", "", "", ""],
      ["新能源电池", 30000, "在谈", "是", "否", "否", "", "", "", "", ""],
      ["医疗器械", 20000, "在谈", "是", "否", "否", "", "", "", "", ""],
      ["康养小镇", 10000, "策划", "否", "否", "是", d("2022-08-15"), "", "", "", ""], // planned in window
      ["冷链物流", 10000, "策划", "否", "否", "否", d("2022-09-20"), "", "", "", ""], // after 15 Sep
      ["农旅融合", 5000, "策划", "否", "否", "否", d("2022-06-10"), "", "", "", ""], // before the window
      ["智能仓储", 9000, "开工", "否", "否", "否", "", d("2022-08-05"), d("2022-09-30"), d("2022-09-25"), ""], // on-time +2
    ],
  };
}

const TRIPS: GridSheet = {
  name: "外出招商",
  grid: [
    ["日期", "带队领导", "职务", "目的地"],
    [d("2022-08-08"), "李强", "党工委书记", "长三角"],
    [d("2022-09-12"), "张伟", "办事处主任", "珠三角"],
    [d("2022-07-20"), "李强", "党工委书记", "环渤海"], // before the window
    [d("2022-08-15"), "王芳", "副主任", "长三角"],
    [d("2022-09-01"), "赵敏", "党工委副书记", "珠三角"],
  ],
};

const INVITATIONS: GridSheet = {
  name: "客商邀请",
  grid: [
    ["企业名称", "企业类别", "邀请对象", "职务", "是否确认参会"],
    ["华为技术有限公司", "世界500强", "张总", "董事长", "是"],
    ["海尔集团", "中国500强", "李总", "总裁", "是"],
    ["某科技股份", "上市公司", "王总", "董事长", "否"],
    ["某农业集团", "行业百强", "赵总", "总经理", "是"],
    ["本地建材厂", "其他", "钱总", "厂长", "是"],
    ["宁德时代", "上市公司", "孙总", "董事长", "否"],
  ],
};

const MEETINGS: GridSheet = {
  name: "例会记录",
  grid: [
    ["日期", "地点", "内容", "记录人"],
    ...["2022-08-01", "2022-08-09", "2022-08-10", "2022-08-17", "2022-08-29", "2022-09-05", "2022-09-19", "2022-09-27"].map((day) => [
      d(day),
      "项目现场",
      "调度在谈项目",
      "王敏",
    ]),
  ],
};

function town(title = "财源街道招商引资项目台账", settings: GridSheet = SETTINGS_AS_OF("2022-09-30", [["全年任务", 30000]])): CheckResult {
  return checkWorkbook(workbook([townProjects(title), TRIPS, INVITATIONS, MEETINGS, settings]));
}

describe("a town", () => {
  const r = town();

  it("is a town named by its title", () => {
    expect(r.unitKind).toBe("town");
    expect(r.unitName).toBe("财源街道");
    expect(r.units).toBeNull();
  });

  it("meets or misses each target as counted by hand", () => {
    expect(byId(r.targets)).toEqual({
      "fair-signing": t(true, 2, 2, 0),
      "new-starts": t(true, 3, 3, 0),
      "key-negotiations": t(false, 3, 4, 1),
      "planned-projects": t(false, 1, 2, 1),
      "trips-main": t(false, 2, 3, 1),
      "trips-deputy": t(false, 2, 4, 2),
      invitations: t(true, 5, 5, 0),
      "expert-review": t(true, 3, 3, 0),
      "weekly-meetings": t(false, 6, 8, 2),
      "annual-task": t(false, 20000, 24000, 4000),
    });
  });

  it("scores each signed project's outcome", () => {
    const outcomes = Object.fromEntries(r.projects.filter((p) => p.outcome).map((p) => [p.name, [p.outcome, p.points]]));
    expect(outcomes).toEqual({
      宝盛广场: ["on-time", 2],
      泰豪商品城: ["pending", 0],
      食品加工厂: ["late", 1],
      现代物流园: ["not-started", -1],
      文化产业园: ["not-implementable", -4],
      智能仓储: ["on-time", 2],
    });
    // 2 + 0 + 1 - 1 - 4 + 2 = 0, plus F = 1 for each of the two fair-signed projects on track
    expect(r.score).toBe(2);
    // B/2 for the one not started, 2B for the one stopped, 2P for the one missing principal trip
    expect(r.penalty).toBe(1 + 4 + 2);
  });

  it("takes B, F and P from the settings", () => {
    const custom = town(undefined, SETTINGS_AS_OF("2022-09-30", [["每个签约项目分值", 4], ["投洽会签约加分", 2], ["每次外出分值", 3]]));
    expect(custom.score).toBe(0 * 2 + 2 * 2);
    expect(custom.penalty).toBe(2 + 8 + 6);
    expect(byId(custom.targets)["annual-task"]).toEqual(NA);
  });

  it("counts only what happened by the as-of date", () => {
    const early = checkWorkbook(workbook([townProjects("财源街道招商引资项目台账"), TRIPS, MEETINGS]), {
      overrides: { asOf: parseIsoDay("2022-08-31")! },
    });
    const targets = byId(early.targets);
    expect(targets["new-starts"]).toEqual(t(false, 2, 3, 1));
    expect(targets["trips-main"]).toEqual(t(false, 1, 3, 2));
    // weeks ended by 31 Aug: 1–7, 8–14, 15–21, 22–28 Aug; meetings in three of them
    expect(targets["weekly-meetings"]).toEqual(t(false, 3, 4, 1));
    expect(targets.invitations).toEqual(NA);
  });
});

describe("a park", () => {
  it("is inferred from its title and assessed on the township targets", () => {
    const r = town("工业园区招商引资项目台账", SETTINGS_AS_OF("2022-09-30"));
    expect(r.unitKind).toBe("park");
    expect(r.unitName).toBe("工业园区");
    expect(r.targets.map((x) => x.id)).toEqual([
      "fair-signing", "new-starts", "key-negotiations", "planned-projects", "trips-main", "trips-deputy", "invitations", "expert-review", "weekly-meetings", "annual-task",
    ]);
    // The same rows as the town: the same counts, and no annual task without one in the settings.
    expect(byId(r.targets)).toEqual({ ...byId(town().targets), "annual-task": NA });
    expect([r.score, r.penalty]).toEqual([2, 7]);
  });
});

describe("a department", () => {
  const r = checkWorkbook(
    workbook([
      {
        name: "项目台账",
        grid: [
          ["区发改局招商引资项目台账"],
          ["项目名称", "总投资", "项目状态", "签约日期", "计划开工日期", "实际开工日期", "包保推介次数"],
          ["航空物流园", 20000, "策划", "", "", "", 2],
          ["新材料基地", 15000, "策划", "", "", "", "1次"],
          ["商务综合体", 8000, "签约", d("2022-08-18"), d("2022-11-01"), "", 0],
        ],
      },
      {
        name: "外出招商",
        grid: [
          ["日期", "带队领导", "职务"],
          [d("2022-08-10"), "周局长", "局长"],
          [d("2022-09-05"), "吴副局长", "副局长"],
        ],
      },
      SETTINGS_AS_OF("2022-09-30"),
    ]),
  );

  it("is assessed on the department's targets", () => {
    expect(r.unitKind).toBe("department");
    expect(byId(r.targets)).toEqual({
      "trips-main": t(false, 1, 2, 1),
      "no-blank": t(true, 1, 1, 0),
      "owner-promotions": t(false, 1, 2, 1),
      "weekly-meetings": NA,
      "annual-task": NA,
    });
  });

  it("is deducted for the missing principal trip and warned of the missing meetings ledger", () => {
    expect(r.score).toBe(0);
    expect(r.penalty).toBe(2);
    expect(r.findings.filter((f) => f.rule === "missing-ledger").map((f) => f.params.ledgerKind)).toEqual(["meetings"]);
  });
});

describe("a sheet holding two units", () => {
  const r = checkWorkbook(
    workbook([
      {
        name: "项目台账",
        grid: [
          ["全区招商引资项目台账"],
          ["单位", "项目名称", "总投资", "项目状态", "投洽会签约", "签约日期", "计划开工日期", "实际开工日期"],
          ["财源街道", "宝盛广场", 150000, "开工", "是", d("2022-08-10"), d("2022-09-01"), d("2022-08-25")],
          ["", "泰豪商品城", 20000, "签约", "是", d("2022-09-10"), d("2022-12-01"), ""],
          ["省庄镇", "非晶合金变压器", 8000, "签约", "否", d("2022-06-01"), d("2022-09-01"), ""],
          ["", "喀斯特景区", 12000, "开工", "是", d("2022-08-01"), d("2022-08-10"), d("2022-08-20")],
        ],
        merges: [
          { top: 3, left: 1, bottom: 4, right: 1 },
          { top: 5, left: 1, bottom: 6, right: 1 },
        ],
      },
      SETTINGS_AS_OF("2022-09-30"),
    ]),
  );

  it("assesses each unit on its own rows", () => {
    expect(r.units!.map((u) => [u.unit, u.unitKind, u.score, u.penalty, u.errors])).toEqual([
      ["财源街道", "town", 2 + 0 + 2, 0, 0],
      ["省庄镇", "town", -1 + 1 + 1, 1, 1],
    ]);
    const [caiyuan, shengzhuang] = r.units!.map((u) => byId(u.targets));
    expect(caiyuan["fair-signing"]).toEqual(t(true, 2, 2, 0));
    expect(shengzhuang["fair-signing"]).toEqual(t(false, 1, 2, 1));
    expect(caiyuan["new-starts"]).toEqual(t(false, 1, 3, 2));
    expect(shengzhuang["new-starts"]).toEqual(t(false, 1, 3, 2));
    expect(caiyuan["key-negotiations"]).toEqual(NA);
  });

  it("adds the units up for the workbook and tags findings with their unit", () => {
    expect(byId(r.targets)["fair-signing"]).toEqual(t(false, 3, 4, 1));
    expect(r.score).toBe(5);
    expect(r.penalty).toBe(1);
    const overdue = r.findings.find((f) => f.rule === "overdue-start")!;
    expect(overdue).toMatchObject({ cell: "G5", unit: "省庄镇" });
  });
});

describe("a district's settings per unit", () => {
  const perUnit = (unit: string) => (unit === "财源街道" ? { annualTask: 25000 } : unit === "省庄镇" ? { unitKind: "park" as const } : undefined);

  it("apply to the unit a workbook names, below the command's own overrides", () => {
    const r = checkWorkbook(workbook([townProjects("财源街道招商引资项目台账"), SETTINGS_AS_OF("2022-09-30")]), { unitOverrides: perUnit });
    expect(byId(r.targets)["annual-task"]).toEqual(t(true, 20000, 20000, 0));
    const flagged = checkWorkbook(workbook([townProjects("财源街道招商引资项目台账"), SETTINGS_AS_OF("2022-09-30")]), {
      unitOverrides: perUnit,
      overrides: { annualTask: 50000 },
    });
    expect(byId(flagged.targets)["annual-task"]).toEqual(t(false, 20000, 40000, 20000));
  });

  it("apply to each unit of a sheet holding several", () => {
    const r = checkWorkbook(
      workbook([
        {
          name: "项目台账",
          grid: [
            ["单位", "项目名称", "总投资", "项目状态", "到位资金"],
            ["财源街道", "宝盛广场", 150000, "开工", 20000],
            ["省庄镇", "喀斯特景区", 12000, "开工", 3000],
          ],
        },
        SETTINGS_AS_OF("2022-09-30"),
      ]),
      { unitOverrides: perUnit },
    );
    expect(r.units!.map((u) => [u.unit, u.unitKind, byId(u.targets)["annual-task"]])).toEqual([
      ["财源街道", "town", t(true, 20000, 20000, 0)],
      ["省庄镇", "park", NA],
    ]);
  });
});

describe("weeks of the campaign", () => {
  it("are the Monday–Sunday weeks wholly inside the window", () => {
    const weeks = weeksInside(parseIsoDay("2022-08-01")!, parseIsoDay("2022-09-30")!);
    expect(weeks).toHaveLength(8);
    expect(weeksInside(parseIsoDay("2022-08-02")!, parseIsoDay("2022-08-14")!)).toEqual([parseIsoDay("2022-08-08")]);
  });
});
