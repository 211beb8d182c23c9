/**
 * The header matcher: the wordings units really write, beyond the exact synonyms of headers.ts.
 * A pattern is a short sequence of slots; a header key matches when it is, whole, one word of each
 * slot in order (a slot marked optional may be left out). 拟开工时间 is 拟 + 开工 + 时间, so it names
 * the planned start. The matcher is asked only after the synonyms, so it never takes a header that
 * a synonym names whole (开工时间 stays the actual start), and a test checks that no synonym of one
 * field matches another field's pattern. The README and docs/表头用词.md list these patterns, generated
 * from this table.
 */
import type { FieldId, LedgerFields, LedgerKind } from "./ledger";

/** One slot: the words that may stand there; `optional` when it may be left out. */
interface Slot {
  readonly words: readonly string[];
  readonly optional?: boolean;
}

export type HeaderPattern = readonly Slot[];

/** Per ledger kind, per field: its patterns (a field may have none). */
type Patterns = { readonly [L in LedgerKind]: { readonly [K in LedgerFields[L]]?: readonly HeaderPattern[] } };

const one = (...words: string[]): Slot => ({ words });
const maybe = (...words: string[]): Slot => ({ words, optional: true });

/** What a planning word says: the date is a plan, not a fact. */
const PLANNED = ["拟", "预计", "计划", "预定", "约定", "合同约定", "协议约定", "应"];
const START = ["开工", "动工", "开建"];
const WHEN = ["时间", "日期"];

/** Per ledger kind, per field: its patterns, tried in this order after every synonym. */
export const HEADER_PATTERNS: Patterns = {
  projects: {
    unit: [[maybe("填报", "所属", "责任", "申报", "牵头"), one("单位"), one("名称")]],
    name: [[one("签约", "在谈", "招商", "引进", "策划", "储备", "拟签约"), one("项目"), maybe("名称")], [one("项目"), one("全称", "名", "简称")]],
    investor: [[one("投资", "签约", "合作", "引进"), one("企业", "单位", "客商"), maybe("名称")], [one("客商"), one("名称")]],
    industry: [[maybe("所属"), one("产业", "行业"), one("类别", "类型", "分类", "领域")], [one("所属"), one("产业")]],
    investment: [
      [maybe("项目", "计划", "拟", "协议", "签约", "合同", "预计"), one("总投资"), maybe("额", "金额")],
      [maybe("项目", "计划", "拟", "协议", "签约", "合同", "预计"), one("投资"), one("额", "总额", "金额", "规模")],
      [one("签约", "合同", "协议"), one("金额", "额")],
    ],
    stage: [[one("目前", "当前", "所处", "推进", "项目推进"), one("状态", "阶段")], [one("项目"), one("进展"), one("状态", "阶段")]],
    keyNegotiation: [[maybe("是否"), maybe("为"), one("重点在谈"), one("项目")], [one("是否"), one("重点在谈")]],
    keySigned: [[maybe("是否"), maybe("为"), one("区级重点"), one("项目")], [one("是否"), maybe("为"), one("重点签约"), maybe("项目")]],
    fairSigned: [[maybe("是否"), maybe("为"), one("投洽会"), maybe("签约"), one("项目")], [one("是否"), maybe("为"), one("投洽会")]],
    planDate: [[one("策划", "谋划", "入库", "策划入库"), one(...WHEN)]],
    signDate: [[maybe("合同", "协议", "项目"), one("签约", "签订", "签署"), one(...WHEN)]],
    plannedStart: [[one(...PLANNED), one(...START), maybe(...WHEN, "时限")]],
    actualStart: [[one("实际", "已"), one(...START), maybe(...WHEN)], [one("动工", "开建"), one(...WHEN)]],
    fundsInPlace: [[maybe("实际", "累计", "已", "本年", "当年", "年度", "累计实际"), one("到位", "到账"), one("资金", "金额", "额")]],
    owner: [[one("包保"), maybe("县级", "区级", "责任"), one("领导", "人", "责任人")], [one("责任"), one("领导")]],
    promotions: [[maybe("外出", "包保"), one("推介"), one("次数")]],
    expertReviewed: [[one("是否"), maybe("经"), one("专家论证")], [one("专家"), one("评审", "论证情况")]],
    progress: [[one("工程", "建设", "项目"), one("进度")], [one("项目"), one("推进情况")]],
    notes: [[one("备注"), one("说明")]],
  },
  trips: {
    unit: [[maybe("填报", "所属", "责任"), one("单位"), one("名称")]],
    date: [[one("外出", "出发", "招商", "考察", "外出招商", "拜访", "出访", "起止"), one(...WHEN)]],
    endDate: [[one("返回", "结束", "返程"), one(...WHEN)]],
    leader: [[one("带队", "外出"), one("领导", "人", "负责人"), maybe("姓名")], [one("领导"), one("姓名")]],
    role: [[maybe("带队"), one("领导", "负责人", "人员"), one("类别", "类型")]],
    title: [[one("带队", "带队领导"), one("职务")], [one("领导"), one("职务")]],
    region: [[one("外出", "招商", "前往", "考察"), one("地点", "地区", "区域", "城市")], [one("目的地"), one("城市", "区域")]],
    companies: [[one("拜访", "对接", "洽谈", "考察", "走访"), one("企业", "单位", "客商"), maybe("名称")]],
    outcome: [[one("取得", "洽谈", "对接", "外出", "招商"), one("成效", "成果")]],
  },
  invitations: {
    unit: [[maybe("填报", "所属", "邀请"), one("单位"), one("名称")]],
    company: [[one("客商", "邀请", "受邀"), one("企业"), maybe("名称")], [one("企业")]],
    category: [[one("企业"), one("类型", "性质")], [one("类别")]],
    invitee: [[one("被邀请人", "受邀人", "邀请人员", "受邀对象", "客商姓名", "一把手姓名", "企业负责人")]],
    title: [[one("邀请对象", "受邀人", "客商"), one("职务")]],
    confirmed: [[maybe("是否"), one("确认"), one("参会", "到会", "出席")], [one("是否"), one("参会", "到会", "出席", "确认")]],
  },
  meetings: {
    unit: [[maybe("填报", "所属"), one("单位"), one("名称")]],
    date: [[one("会议", "召开", "开会", "例会", "调度"), one(...WHEN)]],
    location: [[one("会议", "召开", "开会"), one("地点")]],
    topic: [[one("会议", "调度", "主要", "例会"), one("内容", "议题", "事项")]],
    recorder: [[one("记录"), maybe("员")]],
  },
};

/** Longer than any header a person writes: such a key is matched by no pattern (a hostile cell costs nothing). */
const MAX_KEY = 40;

/** Whether `key` is, whole, one word of each slot of `pattern` in order. */
export function matchesPattern(pattern: HeaderPattern, key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY) return false;
  // Positions reachable after each slot: a key of at most MAX_KEY characters and a few slots.
  let at = new Set([0]);
  for (const slot of pattern) {
    const next = new Set<number>(slot.optional ? at : []);
    for (const i of at) for (const w of slot.words) if (key.startsWith(w, i)) next.add(i + w.length);
    if (next.size === 0) return false;
    at = next;
  }
  return at.has(key.length);
}

/**
 * Answers already given, per ledger kind. Header search asks about the same few dozen keys for
 * every candidate row of every sheet, and trying all patterns each time was most of a check's
 * time; the table is constant, so an answer never goes stale. Bounded: emptied when full.
 */
const answers = new Map<string, FieldId | null>();
const MAX_ANSWERS = 10_000;

/** The field whose pattern `key` matches in a ledger of `kind`, in table order. */
export function fieldOfPattern(kind: LedgerKind, key: string): FieldId | null {
  if (key.length === 0 || key.length > MAX_KEY) return null;
  const asked = `${kind}\u0000${key}`;
  const known = answers.get(asked);
  if (known !== undefined) return known;
  if (answers.size >= MAX_ANSWERS) answers.clear();
  const field = firstFieldMatching(kind, key);
  answers.set(asked, field);
  return field;
}

function firstFieldMatching(kind: LedgerKind, key: string): FieldId | null {
  for (const [field, patterns] of Object.entries(HEADER_PATTERNS[kind]) as [FieldId, readonly HeaderPattern[]][]) {
    if (patterns.some((p) => matchesPattern(p, key))) return field;
  }
  return null;
}
