/**
 * Rules on a ledger's header: a column missing (required, or needed by a rule or a target), a
 * field named by two columns.
 */
import { HEADER_SYNONYMS, normalizeHeader } from "../headers";
import { columnOf, type FieldId, type Ledger } from "../ledger";
import { FIELD_LABELS, TARGET_LABELS } from "../labels";
import { closestTo } from "../recognize/near";
import { cellAddress, columnLetter } from "../sheet";
import { sheetRule, type ColumnNeed, type PlacedHit } from "./rule";

const PROJECT_REQUIRED: readonly FieldId[] = ["name", "investment", "stage"];

/** A projects ledger without a column it must have (the error form). */
type Required = { readonly fields: string; readonly fieldsEn: string };
/** A ledger without a column a rule or a target needs (the warning form). */
type Needed = {
  readonly column: string;
  readonly columnEn: string;
  /** The header words it accepts. */
  readonly words: string;
  readonly wordsEn: string;
  /** Headers of the sheet that come close, with their cells. */
  readonly near: string;
  readonly nearEn: string;
  readonly unchecked: string;
  readonly uncheckedEn: string;
  readonly unassessed: string;
  readonly unassessedEn: string;
};

/** Headers named, at most, as close to a missing column. */
const MAX_NEAR = 3;
/**
 * How close a header must come to a missing column's words to be named: sharing a word and a
 * character or two of four (开工节点 for 开工时限), looser than a "did you mean", since a person
 * decides from the list.
 */
const NEAR_HEADER = 0.4;

export const missingColumn = sheetRule({
  id: "missing-column",
  severity: "error",
  reads: PROJECT_REQUIRED,
  check: ({ ledger, needs }) => {
    // The header row's first cell: where a person looks for the header, whatever columns were read.
    const row = ledger.headerRows[0];
    const place = (field: FieldId) => ({ sheet: ledger.sheet, cell: cellAddress(row, 1), row, column: 1, field });
    const hits: PlacedHit<Required | Needed>[] = [];
    const required = ledger.kind === "projects" ? PROJECT_REQUIRED : [];
    const missing = required.filter((f) => !columnOf(ledger, f));
    if (missing.length > 0) {
      hits.push({
        place: place(missing[0]),
        params: { fields: missing.map((f) => FIELD_LABELS[f].zh).join("、"), fieldsEn: missing.map((f) => FIELD_LABELS[f].en).join(", ") },
      });
    }
    const unmet = needs.filter((need) => !need.fields.some((f) => required.includes(f) || columnOf(ledger, f)));
    for (const need of foldAlternatives(unmet)) hits.push({ place: place(need.fields[0]), params: neededParams(ledger, need), severity: "warning" });
    return hits;
  },
  message: {
    zh: (p: Required | Needed) =>
      "fields" in p
        ? `项目台账缺少必需的列：${p.fields}`
        : `未找到“${p.column}”列（表头可写作：${p.words}）${p.near ? `；相近的表头：${p.near}` : ""}。` +
          `${p.unchecked ? `未检查：${p.unchecked}。` : ""}${p.unassessed ? `未评估目标：${p.unassessed}。` : ""}`,
    en: (p) =>
      "fields" in p
        ? `the projects ledger lacks required columns: ${p.fieldsEn}`
        : `no "${p.columnEn}" column found (headers accepted: ${p.wordsEn})${p.nearEn ? `; close headers: ${p.nearEn}` : ""}.` +
          `${p.uncheckedEn ? ` Not checked: ${p.uncheckedEn}.` : ""}${p.unassessedEn ? ` Targets not assessed: ${p.unassessedEn}.` : ""}`,
  },
  zh: {
    title: "缺少列",
    description: "项目台账缺少项目名称、总投资或项目状态列（错误）；或缺少某项检查、某项目标要用的列（警告），如计划开工日期、实际开工日期、签约日期、外出日期（或表头写法认不出）。缺少的列所涉及的检查不再逐行报告，所涉及的目标不评估。",
    fix: "补上该列，或把表头改为常用写法（如“项目名称”“总投资”“计划开工日期”），也可在台账设置的列名对照中说明本单位的写法（如 计划开工日期 | 拟开工时间）。",
  },
  en: {
    title: "missing column",
    description: "A projects ledger lacks its name, investment or stage column (an error); or a ledger lacks a column that a rule or a target needs (a warning), such as the planned start, the actual start, the sign date or a trip's date, or its header is not recognised. The rules that need it raise no row findings and the targets that need it are not assessed.",
    fix: "Add the column, or write its header in a usual way (项目名称, 总投资, 计划开工日期); a unit's own wording can also be mapped in 台账设置's 列名对照 section (计划开工日期 | 拟开工时间).",
  },
});

/**
 * One warning per missing column: a need of one of several columns (a target that counts 计划开工日期
 * or 实际开工日期), all missing, is said with the first of them that is missing on its own, its
 * targets added there; it stands alone only when none is.
 */
function foldAlternatives(unmet: readonly ColumnNeed[]): ColumnNeed[] {
  const alone = new Map(unmet.filter((n) => n.fields.length === 1).map((n) => [n.fields[0], { ...n, targets: [...n.targets] }]));
  const out: ColumnNeed[] = [];
  for (const need of unmet) {
    if (need.fields.length === 1) {
      out.push(alone.get(need.fields[0])!);
      continue;
    }
    const host = need.fields.map((f) => alone.get(f)).find((n) => n !== undefined);
    if (!host) out.push(need);
    else for (const t of need.targets) if (!host.targets.includes(t)) host.targets.push(t);
  }
  return out;
}

/** The Chinese header words of a field in a ledger of its kind. */
function wordsOf(ledger: Ledger, field: FieldId): string[] {
  const synonyms = (HEADER_SYNONYMS[ledger.kind] as Readonly<Record<string, readonly string[]>>)[field] ?? [];
  return synonyms.filter((w) => /[\u4e00-\u9fff]/.test(w));
}

function neededParams(ledger: Ledger, need: ColumnNeed): Needed {
  const words = need.fields.flatMap((f) => wordsOf(ledger, f));
  const keys = words.map((w) => normalizeHeader(w).key);
  const row = ledger.headerRows[ledger.headerRows.length - 1];
  const near = ledger.unmappedHeaders
    .map((h) => ({ ...h, score: closestTo(normalizeHeader(h.header.replace(/\//g, "")).key, keys) }))
    .filter((h) => h.score >= NEAR_HEADER)
    .sort((a, b) => b.score - a.score || a.column - b.column)
    .slice(0, MAX_NEAR);
  return {
    column: need.fields.map((f) => FIELD_LABELS[f].zh).join("”或“"),
    columnEn: need.fields.map((f) => FIELD_LABELS[f].en).join('" or "'),
    words: words.join("、"),
    wordsEn: words.map((w) => `"${w}"`).join(", "),
    near: near.map((h) => `“${h.header}”（${cellAddress(row, h.column)}）`).join("、"),
    nearEn: near.map((h) => `"${h.header}" (${cellAddress(row, h.column)})`).join(", "),
    unchecked: need.rules.map((r) => r.zh.title).join("、"),
    uncheckedEn: need.rules.map((r) => r.en.title).join(", "),
    unassessed: need.targets.map((t) => TARGET_LABELS[t].zh).join("、"),
    unassessedEn: need.targets.map((t) => TARGET_LABELS[t].en).join(", "),
  };
}

export const duplicateColumn = sheetRule({
  id: "duplicate-column",
  severity: "warning",
  reads: [],
  check: ({ ledger }) => {
    const row = ledger.headerRows[ledger.headerRows.length - 1];
    return ledger.duplicateColumns.map((dup) => {
      const first = columnOf(ledger, dup.field)!;
      return {
        place: { sheet: ledger.sheet, cell: cellAddress(row, dup.column), row, column: dup.column, field: dup.field },
        params: { header: dup.header, first: columnLetter(first.column), firstHeader: first.header },
      };
    });
  },
  message: {
    zh: (p: { readonly header: string; readonly first: string; readonly firstHeader: string }) => `列“${p.header}”与第 ${p.first} 列“${p.firstHeader}”重复，本列未读取`,
    en: (p) => `column "${p.header}" repeats column ${p.first} "${p.firstHeader}" and was ignored`,
  },
  zh: { title: "重复列", description: "两列的表头指向同一项内容（如两列“项目状态”）。只读取第一列，后一列不参与检查。", fix: "删除或合并重复的列，或把其中一列的表头改成它实际记录的内容。" },
  en: { title: "duplicate column", description: "Two columns' headers name the same field (two 项目状态 columns, say). The first is read; the other is ignored.", fix: "Delete or merge the repeated column, or give it a header that says what it really holds." },
});
