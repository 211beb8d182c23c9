import { HEADER_SYNONYMS, REQUIRED_FIELDS, fieldOfHeader, meetsRequirement, normalizeHeader } from "../../src/core/headers";
import type { FieldId, LedgerKind } from "../../src/core/ledger";
import { LEDGER_KINDS } from "../../src/core/ledger";

/** Every (kind, field, word) of the synonym table. */
const SYNONYM_CASES: [LedgerKind, FieldId, string][] = LEDGER_KINDS.flatMap((kind) =>
  Object.entries(HEADER_SYNONYMS[kind]).flatMap(([field, words]) =>
    (words as readonly string[]).map((word): [LedgerKind, FieldId, string] => [kind, field as FieldId, word]),
  ),
);

const UNIT = ["单位", "填报单位", "所属单位", "责任单位"];

/** DOMAIN.md, "Ledgers and their columns", word for word. */
const DOMAIN_WORDS: Record<LedgerKind, Record<string, string[]>> = {
  projects: {
    unit: UNIT,
    name: ["项目名称", "签约项目名称", "项目"],
    investor: ["投资方", "外来投资方", "投资方名称", "投资主体", "客商", "企业名称", "合作方"],
    industry: ["产业类别", "产业类型", "所属行业", "行业"],
    investment: ["总投资", "计划总投资", "投资额", "投资总额", "总投资额", "签约总投资额", "协议投资额", "拟投资额"],
    stage: ["项目状态", "状态", "进展状态", "项目进展", "进展情况", "项目阶段", "阶段"],
    keyNegotiation: ["重点在谈", "是否重点在谈项目"],
    keySigned: ["区级重点", "重点签约", "是否区级重点"],
    fairSigned: ["投洽会签约", "是否投洽会签约"],
    planDate: ["策划日期", "策划时间", "入库时间"],
    signDate: ["签约日期", "签约时间", "合同签约时间"],
    plannedStart: ["计划开工日期", "计划开工时间", "开工时限", "约定开工时间"],
    actualStart: ["实际开工日期", "实际开工时间", "开工日期", "开工时间"],
    fundsInPlace: ["到位资金", "实际到位资金", "累计到位资金", "实际到资额", "累计实际到资额"],
    owner: ["包保责任人", "包保领导", "责任人"],
    promotions: ["外出推介次数", "包保推介次数", "推介次数"],
    expertReviewed: ["专家论证", "是否专家论证"],
    progress: ["形象进度", "推进情况", "手续办理情况"],
    notes: ["备注"],
  },
  trips: {
    unit: UNIT,
    date: ["日期", "出发日期", "开始时间", "时间"],
    endDate: ["结束时间", "返回日期"],
    leader: ["带队人", "带队领导", "姓名"],
    role: ["职务类别", "招商领导类型", "身份", "类别"],
    title: ["职务"],
    region: ["目的地", "区域", "地点"],
    companies: ["拜访企业", "拜访企业名称", "对接企业"],
    outcome: ["成效", "洽谈成果"],
  },
  invitations: {
    unit: UNIT,
    company: ["企业名称"],
    category: ["企业类别"],
    invitee: ["邀请对象", "姓名"],
    title: ["职务"],
    confirmed: ["是否确认参会"],
  },
  meetings: {
    unit: UNIT,
    date: ["日期", "时间", "召开时间"],
    location: ["地点"],
    topic: ["内容", "议题", "调度事项"],
    recorder: ["记录人"],
  },
};

describe("normalizeHeader", () => {
  it.each([
    ["  项目名称 ", "项目名称", null],
    ["计划开工\n时间", "计划开工时间", null],
    ["计划开工\r\n 时间", "计划开工时间", null],
    ["项 目 名 称", "项目名称", null],
    ["总投资(亿元)", "总投资", "亿元"],
    ["总投资（亿元）", "总投资", "亿元"],
    ["签约总投资额[亿元]", "签约总投资额", "亿元"],
    ["总投资额【万元】", "总投资额", "万元"],
    ["到位资金〔元〕", "到位资金", "元"],
    ["投资额［亿元］", "投资额", "亿元"],
    ["总投资（单位：亿元）", "总投资", "亿元"],
    ["总投资（亿元", "总投资", "亿元"],
    ["到位资金（含外资）（万元）", "到位资金", "万元"],
    ["项目状态（在谈/签约/开工）", "项目状态", null],
    ["计划开工时间(年月日)", "计划开工时间", null],
    ["*项目名称", "项目名称", null],
    ["Project Name", "projectname", null],
    ["ＳＩＧＮ　ＤＡＴＥ", "signdate", null],
    ["Investment (亿元)", "investment", "亿元"],
  ])("%j → %s, unit %s", (text, key, unit) => {
    expect(normalizeHeader(text)).toEqual({ key, unit });
  });
});

describe("fieldOfHeader", () => {
  it.each(SYNONYM_CASES)("%s: %s ← %s", (kind, field, word) => {
    expect(fieldOfHeader(kind, normalizeHeader(word).key)).toBe(field);
  });

  it("holds exactly the Chinese words of DOMAIN.md, then English ones", () => {
    for (const kind of LEDGER_KINDS) {
      const chinese = Object.fromEntries(
        Object.entries(HEADER_SYNONYMS[kind]).map(([field, words]) => [field, (words as string[]).filter((w) => !/[A-Za-z]/.test(w))]),
      );
      expect(chinese).toEqual(DOMAIN_WORDS[kind]);
    }
  });

  it("has English words for every field", () => {
    for (const [kind, field, words] of LEDGER_KINDS.flatMap((k) => Object.entries(HEADER_SYNONYMS[k]).map(([f, w]) => [k, f, w] as const))) {
      expect([kind, field, (words as string[]).some((w) => /^[A-Za-z]/.test(w))]).toEqual([kind, field, true]);
    }
  });

  it("matches whole keys only", () => {
    expect(fieldOfHeader("projects", "开工时间")).toBe("actualStart");
    expect(fieldOfHeader("projects", "计划开工时间")).toBe("plannedStart");
    expect(fieldOfHeader("projects", "开工")).toBeNull();
    expect(fieldOfHeader("projects", "项目名称及地点")).toBeNull();
    expect(fieldOfHeader("projects", "总投资额(亿元)")).toBeNull();
  });

  it("reads a header word per kind", () => {
    expect(fieldOfHeader("trips", "姓名")).toBe("leader");
    expect(fieldOfHeader("invitations", "姓名")).toBe("invitee");
    expect(fieldOfHeader("projects", "姓名")).toBeNull();
    expect(fieldOfHeader("trips", "地点")).toBe("region");
    expect(fieldOfHeader("meetings", "地点")).toBe("location");
    expect(fieldOfHeader("projects", "企业名称")).toBe("investor");
    expect(fieldOfHeader("invitations", "企业名称")).toBe("company");
  });
});

describe("meetsRequirement", () => {
  const has = (...fields: FieldId[]): Set<FieldId> => new Set(fields);
  it("projects need name and stage or investment", () => {
    expect(meetsRequirement("projects", has("name", "stage"))).toBe(true);
    expect(meetsRequirement("projects", has("name", "investment"))).toBe(true);
    expect(meetsRequirement("projects", has("name", "investor"))).toBe(false);
    expect(meetsRequirement("projects", has("stage", "investment"))).toBe(false);
  });
  it("trips need date and leader, role or title", () => {
    for (const f of ["leader", "role", "title"] as FieldId[]) expect(meetsRequirement("trips", has("date", f))).toBe(true);
    expect(meetsRequirement("trips", has("date", "region"))).toBe(false);
  });
  it("invitations need company and category; meetings date and topic", () => {
    expect(meetsRequirement("invitations", has("company", "category"))).toBe(true);
    expect(meetsRequirement("invitations", has("company", "invitee"))).toBe(false);
    expect(meetsRequirement("meetings", has("date", "topic"))).toBe(true);
    expect(meetsRequirement("meetings", has("date", "location"))).toBe(false);
  });
  it("names the required fields of DOMAIN.md", () => {
    expect(REQUIRED_FIELDS.projects).toEqual({ all: ["name"], anyOf: ["stage", "investment"] });
  });
});
