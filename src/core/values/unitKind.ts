/** Unit kinds (街道/镇, 园区, 区直部门, 指挥部): from a setting, or guessed from a title or a name. */
import type { CellValue } from "../sheet";
import type { UnitKind } from "./types";
import { normalizeWord, vocabulary } from "./vocabulary";

/** Each kind's id, then its words, the usual one first. */
const UNIT_KIND_WORDS: Readonly<Record<UnitKind, readonly string[]>> = {
  town: ["town", "街道", "镇", "街道镇", "乡"],
  park: ["park", "园区", "工业园区", "开发区", "产业园"],
  department: ["department", "区直部门", "部门", "局", "委", "办"],
  hq: ["hq", "指挥部"],
};
const UNIT_KINDS = vocabulary<UnitKind>(UNIT_KIND_WORDS);

/**
 * A kind written as a word parseUnitKind reads back (a cell a ZS function takes as its unitKind):
 * the kind's usual word; a town as its name says it, 省庄镇 a 镇 and 财源街道 a 街道.
 * (UNIT_KIND_LABELS' 街道/镇 is a label, no such word.)
 */
export function unitKindWord(kind: UnitKind, name = ""): string {
  const [, usual, ...others] = UNIT_KIND_WORDS[kind];
  return (kind === "town" ? others.find((w) => name.endsWith(w)) : undefined) ?? usual;
}

/** A setting cell or an argument naming a kind, by id (any case) or by one of DOMAIN.md's words. */
export function parseUnitKind(v: CellValue): UnitKind | null {
  const parsed = UNIT_KINDS.parse(v);
  return parsed.status === "ok" ? parsed.value : null;
}

/**
 * Kind-words searched inside a longer text, most specific first: a unit's full name often also
 * holds a weaker word (街道办事处 is a town, 工业园区管委会 a park), so 局/委/办 come last.
 * 城乡, 城镇 and 乡村 name no township (住房和城乡建设局, 乡村振兴局 are departments).
 */
const KIND_PATTERNS: readonly (readonly [UnitKind, RegExp])[] = [
  ["hq", /指挥部/],
  ["park", /园区|开发区|产业园/],
  ["town", /街道|(?:^|[^城])镇|(?:^|[^城])乡(?!村)/],
  ["department", /部门|局|委|办/],
];

export function inferUnitKind(text: string): UnitKind | null {
  if (typeof text !== "string") return null;
  const s = normalizeWord(text);
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(s)) return kind;
  return null;
}
