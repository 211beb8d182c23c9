/**
 * Header words: which header names which field, per ledger kind (DOMAIN.md, "Ledgers and their
 * columns"), and how a header cell is normalised before it is looked up.
 */
import type { FieldId, LedgerFields, LedgerKind } from "./ledger";
import { LEDGER_KINDS } from "./ledger";
import { fieldOfPattern } from "./headerPatterns";
import { valueTypeOf } from "./row";
import { compact } from "./text";
import { parseAmountUnit } from "./values/amountUnit";
import type { AmountUnit } from "./values/types";

/** Per ledger kind, every field: its header words. */
type Synonyms = { readonly [L in LedgerKind]: { readonly [K in LedgerFields[L]]: readonly string[] } };

/** Every ledger kind may have a 单位 column. */
const UNIT_WORDS = ["单位", "填报单位", "所属单位", "责任单位", "Unit", "Reporting unit", "Responsible unit"];

/** The words of DOMAIN.md, exactly, then English ones. Matched after `normalizeHeader`. */
export const HEADER_SYNONYMS: Synonyms = {
  projects: {
    unit: UNIT_WORDS,
    name: ["项目名称", "签约项目名称", "项目", "Project name", "Project"],
    investor: ["投资方", "外来投资方", "投资方名称", "投资主体", "客商", "企业名称", "合作方", "Investor", "Investor name", "Partner"],
    industry: ["产业类别", "产业类型", "所属行业", "行业", "Industry", "Industry category", "Sector"],
    investment: [
      "总投资", "计划总投资", "投资额", "投资总额", "总投资额", "签约总投资额", "协议投资额", "拟投资额",
      "Investment", "Total investment", "Planned investment", "Investment amount",
    ],
    stage: ["项目状态", "状态", "进展状态", "项目进展", "进展情况", "项目阶段", "阶段", "Stage", "Status", "Project status", "Project stage"],
    keyNegotiation: ["重点在谈", "是否重点在谈项目", "Key negotiation", "Key project under negotiation"],
    keySigned: ["区级重点", "重点签约", "是否区级重点", "Key signed", "District key project"],
    fairSigned: ["投洽会签约", "是否投洽会签约", "Fair signed", "Signed at fair", "Signed at the fair"],
    planDate: ["策划日期", "策划时间", "入库时间", "Plan date", "Planning date"],
    signDate: ["签约日期", "签约时间", "合同签约时间", "Sign date", "Signing date", "Signed date"],
    plannedStart: ["计划开工日期", "计划开工时间", "开工时限", "约定开工时间", "Planned start", "Planned start date", "Start deadline"],
    actualStart: ["实际开工日期", "实际开工时间", "开工日期", "开工时间", "Actual start", "Actual start date", "Start date"],
    fundsInPlace: [
      "到位资金", "实际到位资金", "累计到位资金", "实际到资额", "累计实际到资额",
      "Funds in place", "Funds received", "Funds in place to date",
    ],
    owner: ["包保责任人", "包保领导", "责任人", "Owner", "Responsible person", "Person in charge"],
    promotions: ["外出推介次数", "包保推介次数", "推介次数", "Promotions", "Promotion trips", "Number of promotions"],
    expertReviewed: ["专家论证", "是否专家论证", "Expert reviewed", "Expert review"],
    progress: ["形象进度", "推进情况", "手续办理情况", "Progress", "Construction progress"],
    notes: ["备注", "Notes", "Note", "Remarks", "Remark", "Comments"],
  },
  trips: {
    unit: UNIT_WORDS,
    date: ["日期", "出发日期", "开始时间", "时间", "Date", "Departure date", "Start date", "Time"],
    endDate: ["结束时间", "返回日期", "End date", "Return date"],
    leader: ["带队人", "带队领导", "姓名", "Leader", "Led by", "Name"],
    role: ["职务类别", "招商领导类型", "身份", "类别", "Role", "Leader type", "Category"],
    title: ["职务", "Title", "Position"],
    region: ["目的地", "区域", "地点", "Destination", "Region", "Place", "Location"],
    companies: ["拜访企业", "拜访企业名称", "对接企业", "Companies", "Companies visited", "Visited companies"],
    outcome: ["成效", "洽谈成果", "Outcome", "Result", "Results"],
  },
  invitations: {
    unit: UNIT_WORDS,
    company: ["企业名称", "Company", "Company name"],
    category: ["企业类别", "Category", "Company category"],
    invitee: ["邀请对象", "姓名", "Invitee", "Name", "Guest"],
    title: ["职务", "Title", "Position"],
    confirmed: ["是否确认参会", "Confirmed", "Attendance confirmed"],
  },
  meetings: {
    unit: UNIT_WORDS,
    date: ["日期", "时间", "召开时间", "Date", "Time", "Meeting date"],
    location: ["地点", "Location", "Place", "Venue"],
    topic: ["内容", "议题", "调度事项", "Topic", "Topics", "Agenda", "Content", "Subject"],
    recorder: ["记录人", "Recorder", "Recorded by"],
  },
};

/**
 * What recognition needs to call a sheet a ledger of a kind: every field of `all`, and one of
 * `anyOf` (when `anyOf` is empty, `all` is enough).
 */
export interface Requirement {
  readonly all: readonly FieldId[];
  readonly anyOf: readonly FieldId[];
}

export const REQUIRED_FIELDS: Readonly<Record<LedgerKind, Requirement>> = {
  projects: { all: ["name"], anyOf: ["stage", "investment"] },
  trips: { all: ["date"], anyOf: ["leader", "role", "title"] },
  invitations: { all: ["company", "category"], anyOf: [] },
  meetings: { all: ["date", "topic"], anyOf: [] },
};

/**
 * The field a row is about (its first required one). A lone unnumbered text in this column is a
 * row with everything else missing; a lone text anywhere else is a section label.
 */
export const MAIN_FIELD: Readonly<Record<LedgerKind, FieldId>> = {
  projects: "name",
  trips: "date",
  invitations: "company",
  meetings: "date",
};

export function meetsRequirement(kind: LedgerKind, fields: ReadonlySet<FieldId>): boolean {
  const { all, anyOf } = REQUIRED_FIELDS[kind];
  return all.every((f) => fields.has(f)) && (anyOf.length === 0 || anyOf.some((f) => fields.has(f)));
}

export interface NormalizedHeader {
  /** What synonyms are compared with, whole: no white space, half-width, no bracketed parts, lower-case. */
  readonly key: string;
  /** The amount unit a bracketed part names (总投资(亿元) → 亿元), if any. */
  readonly unit: AmountUnit | null;
}

// Innermost bracketed part of any kind; () and [] also stand for their full-width forms after folding.
const BRACKETED = /[([【〔]([^()[\]【】〔〕]*)[)\]】〕]/g;
// A bracket left open at the end ("总投资（亿元") is read as if it were closed.
const UNCLOSED_AT_END = /[([【〔]([^()[\]【】〔〕]*)$/;
// Brackets nested deeper than any header is written are left in place (a hostile cell, see below).
const MAX_BRACKET_NESTING = 8;
// Required-field markers (*项目名称, 项目名称*) are no part of the name.
const ASTERISKS = /^\*+|\*+$/g;

export function normalizeHeader(text: string): NormalizedHeader {
  let unit: AmountUnit | null = null;
  const key = dropBracketedParts(compact(text), (inner) => {
    unit ??= parseAmountUnit(inner);
  });
  return { key: key.replace(ASTERISKS, "").toLowerCase(), unit };
}

/** `s` without its bracketed parts (nested ones too, and one left open at the end); `seen` gets each part's inside. */
export function dropBracketedParts(s: string, seen?: (inside: string) => void): string {
  const drop = (_: string, inside: string): string => {
    seen?.(inside);
    return "";
  };
  let out = s;
  // Each pass drops one level of nesting; nobody types more than a few, and a hostile cell of
  // thousands of nested brackets would make this quadratic.
  for (let before = "", pass = 0; before !== out && pass < MAX_BRACKET_NESTING; pass++) {
    before = out;
    out = out.replace(BRACKETED, drop);
  }
  return out.replace(UNCLOSED_AT_END, drop);
}

function lookupOf(words: Readonly<Record<string, readonly string[]>>): ReadonlyMap<string, FieldId> {
  const map = new Map<string, FieldId>();
  for (const [field, list] of Object.entries(words)) {
    for (const word of list) {
      const { key } = normalizeHeader(word);
      const taken = map.get(key);
      // A word naming two fields of one kind would make recognition depend on table order.
      if (taken !== undefined && taken !== field) throw new Error(`header word ${word} names both ${taken} and ${field}`);
      map.set(key, field as FieldId);
    }
  }
  return map;
}

const LOOKUP: Readonly<Record<LedgerKind, ReadonlyMap<string, FieldId>>> = Object.fromEntries(
  LEDGER_KINDS.map((kind) => [kind, lookupOf(HEADER_SYNONYMS[kind])]),
) as unknown as Record<LedgerKind, ReadonlyMap<string, FieldId>>;


/** The field a normalised header key names in a ledger of `kind`: whole-key equality only. */
export function fieldOfHeader(kind: LedgerKind, key: string): FieldId | null {
  return LOOKUP[kind].get(key) ?? null;
}

/** A header's field, and the amount unit written after its name without brackets (总投资万元), if any. */
export interface FieldMatch {
  readonly field: FieldId;
  readonly unit: AmountUnit | null;
}

/** A unit's own header words (列名对照), per ledger kind: normalised header key → field. */
export type NamedColumns = Readonly<Record<LedgerKind, ReadonlyMap<string, FieldId>>>;

export const NO_NAMED_COLUMNS: NamedColumns = Object.freeze(
  Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, new Map<string, FieldId>()])) as unknown as Record<LedgerKind, ReadonlyMap<string, FieldId>>,
);

/**
 * The field a header names in a ledger of `kind`, from its keys (one, or the readings of a
 * two-level header in their order): first a word the unit itself named (列名对照), then the exact
 * synonyms, then the patterns of headerPatterns.ts, each over every key before the next is asked,
 * so a pattern never takes a header that a synonym names whole.
 */
export function matchHeader(kind: LedgerKind, keys: readonly string[], named: NamedColumns = NO_NAMED_COLUMNS): FieldMatch | null {
  const stages: ((key: string) => FieldId | null)[] = [
    (key) => named[kind].get(key) ?? null,
    (key) => fieldOfHeader(kind, key),
    (key) => fieldOfPattern(kind, key),
  ];
  for (const fieldOf of stages) {
    for (const key of keys) {
      const field = fieldOf(key);
      if (field) return { field, unit: null };
    }
  }
  for (const key of keys) {
    const found = withUnitAfter(kind, key, named);
    if (found) return found;
  }
  return null;
}

// A unit written after an amount's name, without brackets: 总投资万元, 投资额/亿元.
const UNIT_AFTER = /^(.+?)\/?(万元|亿元|元|万|亿)$/;

/** 总投资万元 → investment in 万元: only when the rest names an amount field. */
function withUnitAfter(kind: LedgerKind, key: string, named: NamedColumns): FieldMatch | null {
  const m = UNIT_AFTER.exec(key);
  if (!m) return null;
  const rest = matchHeader(kind, [m[1]], named);
  if (!rest || rest.unit !== null || valueTypeOf(rest.field) !== "amount") return null;
  return { field: rest.field, unit: parseAmountUnit(m[2]) };
}

/** Words in brackets that turn a header into another field's: 开工时间（计划） is 计划开工时间. */
const QUALIFIERS: ReadonlySet<string> = new Set(["计划", "预计", "拟", "约定", "实际"]);

/** The key with its bracketed qualifier put in front (开工时间（计划） → 计划开工时间), or null without one. */
export function qualifiedKey(text: string, key: string): string | null {
  let qualifier: string | null = null;
  dropBracketedParts(compact(text), (inside) => {
    if (QUALIFIERS.has(inside)) qualifier ??= inside;
  });
  return qualifier === null ? null : qualifier + key;
}

