/**
 * Header wordings units really write, beyond the synonyms: each read in a realistic ledger sheet
 * (title, header, one data row) of its kind, and mapped to its field, or to none.
 */
import { HEADER_SYNONYMS, matchHeader, normalizeHeader } from "../../src/core/headers";
import { HEADER_PATTERNS, matchesPattern } from "../../src/core/headerPatterns";
import { LEDGER_KINDS, type FieldId, type LedgerKind } from "../../src/core/ledger";
import { recognizeSheet } from "../../src/core/recognize/sheet";
import { gridRows, type CellValue } from "../../src/core/sheet";

/** The columns each kind's sheet has besides the one under test, named by plain synonyms. */
const BASE: Readonly<Record<LedgerKind, { name: string; header: string[]; row: CellValue[] }>> = {
  projects: { name: "项目台账", header: ["序号", "项目名称", "项目状态"], row: [1, "泰山文旅综合体", "签约"] },
  trips: { name: "外出招商", header: ["序号", "日期", "带队领导"], row: [1, "2022-08-08", "李强"] },
  invitations: { name: "客商邀请", header: ["序号", "企业名称", "企业类别"], row: [1, "华东电气集团股份有限公司", "中国500强"] },
  meetings: { name: "例会记录", header: ["序号", "日期", "内容"], row: [1, "2022-08-01", "调度签约项目"] },
};

type Variant = readonly [LedgerKind, string, FieldId | null, string | null];

/** [kind, header as written, field (null: none), amount unit it names]. */
const VARIANTS: readonly Variant[] = [
  // projects: the planned start, as units write it
  ["projects", "拟开工时间", "plannedStart", null],
  ["projects", "拟开工日期", "plannedStart", null],
  ["projects", "预计开工时间", "plannedStart", null],
  ["projects", "预计开工", "plannedStart", null],
  ["projects", "计划开工", "plannedStart", null],
  ["projects", "合同约定开工时间", "plannedStart", null],
  ["projects", "计划动工时间", "plannedStart", null],
  ["projects", "开工时间（计划）", "plannedStart", null],
  ["projects", "拟开工\n时间", "plannedStart", null],
  // …and the actual start: 开工时间 alone stays actual; 拟开工 never takes 实际开工
  ["projects", "开工时间", "actualStart", null],
  ["projects", "实际开工", "actualStart", null],
  ["projects", "实际开工时间", "actualStart", null],
  ["projects", "动工日期", "actualStart", null],
  ["projects", "开工时间（实际）", "actualStart", null],
  // amounts, with a unit in brackets or after the name
  ["projects", "项目总投资", "investment", null],
  ["projects", "计划投资额（万元）", "investment", "万元"],
  ["projects", "总投资亿元", "investment", "亿元"],
  ["projects", "投资总额/万元", "investment", "万元"],
  ["projects", "协议投资金额", "investment", null],
  ["projects", "签约金额（亿元）", "investment", "亿元"],
  ["projects", "累计到位资金（万元）", "fundsInPlace", "万元"],
  ["projects", "实际到账资金", "fundsInPlace", null],
  ["projects", "本年到位资金万元", "fundsInPlace", "万元"],
  // dates and flags
  ["projects", "合同签订日期", "signDate", null],
  ["projects", "协议签署时间", "signDate", null],
  ["projects", "谋划时间", "planDate", null],
  ["projects", "是否投洽会签约项目", "fairSigned", null],
  ["projects", "是否重点在谈", "keyNegotiation", null],
  ["projects", "是否区级重点项目", "keySigned", null],
  ["projects", "是否经专家论证", "expertReviewed", null],
  // other columns
  ["projects", "签约企业", "investor", null],
  ["projects", "行业分类", "industry", null],
  ["projects", "项目推进状态", "stage", null],
  ["projects", "包保县级领导", "owner", null],
  ["projects", "推介次数（次）", "promotions", null],
  ["projects", "建设进度", "progress", null],
  ["projects", "备注说明", "notes", null],
  // none: words that only look like a column's
  ["projects", "投资", null, null],
  ["projects", "开工", null, null],
  ["projects", "开工情况", null, null],
  ["projects", "联系电话", null, null],
  ["projects", "时间", null, null],
  ["projects", "投资方向", null, null],
  // trips
  ["trips", "外出时间", "date", null],
  ["trips", "起止时间", "date", null],
  ["trips", "返回日期", "endDate", null],
  ["trips", "返程时间", "endDate", null],
  ["trips", "带队领导职务", "title", null],
  ["trips", "领导类别", "role", null],
  ["trips", "外出地点", "region", null],
  ["trips", "对接企业名称", "companies", null],
  ["trips", "洽谈成效", "outcome", null],
  ["trips", "联系人", null, null],
  // invitations
  ["invitations", "受邀人", "invitee", null],
  ["invitations", "邀请对象职务", "title", null],
  ["invitations", "是否参会", "confirmed", null],
  ["invitations", "确认到会", "confirmed", null],
  ["invitations", "邀请时间", null, null],
  // meetings
  ["meetings", "会议时间", "date", null],
  ["meetings", "会议地点", "location", null],
  ["meetings", "会议议题", "topic", null],
  ["meetings", "记录员", "recorder", null],
  ["meetings", "参会人员", null, null],
];

function read(kind: LedgerKind, header: string) {
  const base = BASE[kind];
  const grid: CellValue[][] = [["财源街道招商引资台账"], [...base.header, header], [...base.row, "x"]];
  const sheet = recognizeSheet({ name: base.name, rows: gridRows(grid) });
  if (sheet.type !== "ledger") throw new Error(`${base.name} was not read as a ledger`);
  expect(sheet.ledger.kind).toBe(kind);
  // A field the base columns already have is read as a duplicate of it: named all the same.
  const all = [...sheet.ledger.columns, ...sheet.ledger.duplicateColumns];
  return all.find((c) => c.column === base.header.length + 1) ?? null;
}

describe("header variants across the four ledgers", () => {
  it("has at least 40 of them, in every kind, with some that name nothing", () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(40);
    for (const kind of LEDGER_KINDS) expect(VARIANTS.filter((v) => v[0] === kind).length).toBeGreaterThanOrEqual(4);
    expect(VARIANTS.filter((v) => v[2] === null).length).toBeGreaterThanOrEqual(8);
  });

  it.each(VARIANTS.map((v) => [...v]))("%s: %j → %s", (kind, header, field, unit) => {
    const column = read(kind, header);
    expect(column?.field ?? null).toBe(field);
    if (unit !== null) expect(column?.unit).toBe(unit);
  });
});

describe("the matcher stands behind the synonyms", () => {
  it("matches no synonym of one field with a pattern of another (开工时间 stays the actual start)", () => {
    const clashes: string[] = [];
    for (const kind of LEDGER_KINDS) {
      const synonyms = HEADER_SYNONYMS[kind] as Readonly<Record<string, readonly string[]>>;
      const patterns = HEADER_PATTERNS[kind] as Readonly<Record<string, readonly (typeof HEADER_PATTERNS.projects.plannedStart & object)[number][]>>;
      for (const [field, words] of Object.entries(synonyms)) {
        for (const word of words) {
          const { key } = normalizeHeader(word);
          for (const [other, list] of Object.entries(patterns)) {
            if (other !== field && list.some((p) => matchesPattern(p, key))) clashes.push(`${kind}: ${word} (${field}) ~ ${other}`);
          }
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it("asks the unit's own words first, then the synonyms, then the patterns", () => {
    const named = { projects: new Map([["开工时间", "plannedStart" as FieldId]]), trips: new Map(), invitations: new Map(), meetings: new Map() };
    expect(matchHeader("projects", ["开工时间"])?.field).toBe("actualStart");
    expect(matchHeader("projects", ["开工时间"], named)?.field).toBe("plannedStart");
    // A synonym of a later key beats a pattern of an earlier one (two-level readings are tried in order).
    expect(matchHeader("projects", ["拟开工", "实际开工时间"])?.field).toBe("actualStart");
  });

  it("reads no pattern into a hostile header", () => {
    expect(matchHeader("projects", ["拟".repeat(5000) + "开工时间"])).toBeNull();
  });
});
