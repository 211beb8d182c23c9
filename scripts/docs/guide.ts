/**
 * The generated parts of the user guide (docs/使用说明.md): every rule, target, score, setting,
 * vocabulary, function and template column the guide shows is written here from the engine's own
 * tables, between markers in the guide, so that the guide cannot say other than the engine does.
 * `npm run guide` rewrites the blocks in place (writeGuide.ts); test/docs/guide.test.ts fails when
 * the committed guide differs from what this module makes of it.
 *
 * A block in the guide:
 *   <!-- generated:rules — npm run guide -->
 *   …written by guideBlocks().rules…
 *   <!-- /generated:rules -->
 */
import { targetRequiredOf, targetRequirement } from "../../src/core/bulletin";
import { OUTCOME_LABELS, SEVERITY_LABELS, TARGET_LABELS, UNIT_KIND_LABELS } from "../../src/core/labels";
import type { Outcome, TargetId } from "../../src/core/result";
import { RULE_IDS, RULES } from "../../src/core/rules/catalog";
import { SETTING_DEFAULTS } from "../../src/core/settings";
import { outcomePoints } from "../../src/core/startStatus";
import { CATEGORY_WORDS } from "../../src/core/values/category";
import { FLAG_WORDS } from "../../src/core/values/flag";
import { ROLE_WORDS } from "../../src/core/values/role";
import { STAGE_LABELS_ZH, STAGE_WORDS } from "../../src/core/values/stage";
import type { UnitKind } from "../../src/core/values/types";
import functionsZh from "../../src/functions/functions.zh-cn.json";
import { DATE_FORMAT, LEDGER_TEMPLATES, SETTING_HELP, SETTING_ROWS, SETTINGS_TEMPLATE, TEMPLATE_FILE, ledgerLabel } from "./templateSpec";

/** The guide, relative to the package root. */
export const GUIDE_FILE = "docs/使用说明.md";

// ── Markdown ────────────────────────────────────────────────────────────────────────────────

/** Text from the engine into Markdown: nothing in it is read as markup, and it stays on one table line. */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, " ");
}

const code = (text: string) => `\`${text}\``;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A list of words as the guide writes it: 策划、谋划、储备. */
const words = (list: readonly string[]) => list.map(md).join("、");

// ── The blocks ──────────────────────────────────────────────────────────────────────────────

/** Every rule: a table to look one up, then a section each with what it means and how to fix it. */
function rulesBlock(): string {
  const overview = table(
    ["规则标识", "名称", "English", "级别"],
    RULE_IDS.map((id) => [code(id), md(RULES[id].zh.title), md(RULES[id].en.title), SEVERITY_LABELS[RULES[id].severity].zh]),
  );
  const sections = RULE_IDS.map((id) => {
    const rule = RULES[id];
    return [
      `#### ${md(rule.zh.title)} ${code(id)}`,
      "",
      `**级别：** ${SEVERITY_LABELS[rule.severity].zh}　**是什么：** ${md(rule.zh.description)}`,
      "",
      `**怎么改：** ${md(rule.zh.fix)}`,
    ].join("\n");
  });
  return [overview, ...sections].join("\n\n");
}

const UNIT_KINDS = Object.keys(UNIT_KIND_LABELS) as UnitKind[];

/** Every target: what it requires by default, and which kinds of unit are assessed on it (how much, for trips). */
function targetsBlock(): string {
  return table(
    ["目标", "标识", "要求（默认）", ...UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k].zh)],
    (Object.keys(TARGET_LABELS) as TargetId[]).map((id) => [
      md(TARGET_LABELS[id].zh),
      code(id),
      md(targetRequirement(id).zh),
      ...UNIT_KINDS.map((kind) => md(targetRequiredOf(id, kind, "zh")) || "—"),
    ]),
  );
}

/** When each outcome of a signed project applies (DOMAIN.md, "Scoring"). */
const OUTCOME_WHEN: Readonly<Record<Outcome, string>> = {
  "on-time": "实际开工日期不晚于计划开工日期",
  late: "实际开工日期晚于计划开工日期",
  pending: "尚未开工，计划开工日期不早于统计截止日",
  "not-started": "尚未开工，计划开工日期早于统计截止日",
  "not-implementable": "签约后项目状态为终止、取消、不能实施或中止",
  undetermined: "判断所需的日期缺失或无法识别",
};

/** Points as a multiple of B: +B, +B/2, 0, −B/2, −2B. */
function pointsInB(outcome: Outcome): string {
  const r = outcomePoints(outcome, 1);
  if (r === 0) return "0";
  const sign = r > 0 ? "+" : "−";
  const a = Math.abs(r);
  return `${sign}${a === 1 ? "B" : a < 1 ? `B/${1 / a}` : `${a}B`}`;
}

/** A number as the guide writes it: a minus sign, not a hyphen. */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

function scoringBlock(): string {
  const b = SETTING_DEFAULTS.projectPoints;
  const outcomes = table(
    ["结果", "什么情况", "计分", `默认（B = ${b}）`],
    (Object.keys(OUTCOME_WHEN) as Outcome[]).map((o) => [OUTCOME_LABELS[o].zh, OUTCOME_WHEN[o], pointsInB(o), signed(outcomePoints(o, b))]),
  );
  const defaults = `默认分值：每个签约项目 B = ${b} 分，投洽会签约加分 F = ${SETTING_DEFAULTS.fairBonus} 分，主要负责人每次外出 P = ${SETTING_DEFAULTS.tripPoints} 分；都可以在“台账设置”中修改。`;
  return `${outcomes}\n\n${defaults}`;
}

function settingsBlock(): string {
  return table(
    ["项目（第一列）", "也可以写作", "含义", "留空时"],
    SETTING_ROWS.map((s) => [md(s.word), s.aliases.length > 0 ? words(s.aliases) : "—", md(SETTING_HELP[s.key].meaning), md(SETTING_HELP[s.key].whenBlank)]),
  );
}

/** How values of each closed vocabulary may be written; the first word is the one the template offers. */
function vocabularyBlock(): string {
  const stages = table(
    ["项目状态", "这些写法都认"],
    (Object.keys(STAGE_WORDS) as (keyof typeof STAGE_WORDS)[]).map((s) => [md(STAGE_LABELS_ZH[s]), words(STAGE_WORDS[s])]),
  );
  const lines = [
    `- **是/否列**（重点在谈、投洽会签约、专家论证、是否确认参会等）：“是”可写作 ${words(FLAG_WORDS.yes)}；“否”可写作 ${words(FLAG_WORDS.no)}；空白按“否”计。`,
    `- **企业类别**（客商邀请台账）：${Object.values(CATEGORY_WORDS).map((w) => `${md(w[0])}（${words(w)}）`).join("；")}。`,
    `- **职务类别**（外出招商台账）：${Object.values(ROLE_WORDS).map((w) => `${md(w[0])}（${words(w)}）`).join("；")}。`,
  ];
  return `${stages}\n\n${lines.join("\n")}`;
}

interface FunctionParameter {
  readonly name: string;
  readonly description: string;
  readonly optional?: boolean;
}

/** The six ZS functions as the zh-CN metadata the add-in ships describes them. */
function functionsBlock(): string {
  return functionsZh.functions
    .map((f) => {
      const params = f.parameters as readonly FunctionParameter[];
      const signature = `ZS.${f.id}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
      return [`#### ${code(signature)}`, "", md(f.description), "", ...params.map((p) => `- ${md(p.name)}${p.optional ? "（可省略）" : ""}：${md(p.description)}`)].join("\n");
    })
    .join("\n\n");
}

/** The template's sheets and columns, with their drop-down lists. */
function templateBlock(): string {
  const ledgers = LEDGER_TEMPLATES.map((t) => {
    const lists = t.columns.filter((c) => c.list).map((c) => `${md(c.header)}（${words(c.list!)}）`);
    const dates = t.columns.filter((c) => c.date).map((c) => md(c.header));
    const label = ledgerLabel(t.kind) === t.sheet ? "" : `（${ledgerLabel(t.kind)}）`;
    const parts = [`- **${md(t.sheet)}**${label}：${t.columns.map((c) => md(c.header)).join("、")}。`];
    if (lists.length > 0) parts.push(`下拉选择：${lists.join("；")}。`);
    if (dates.length > 0) parts.push(`日期列（显示为 ${DATE_FORMAT}）：${dates.join("、")}。`);
    if (t.unitsLine) parts.push(`标题下一行是“${md(t.unitsLine)}”。`);
    return parts.join("");
  });
  const settings = `- **${md(SETTINGS_TEMPLATE.sheet)}**：${SETTINGS_TEMPLATE.header.join(" | ")}，列出全部 ${SETTING_ROWS.length} 项设置，值留空，“说明”列写明含义和留空时的默认。`;
  return [`文件：${code(TEMPLATE_FILE)}`, "", ...ledgers, settings].join("\n");
}

/** Each block of the guide by its name, as the markers name it. */
export function guideBlocks(): Readonly<Record<string, string>> {
  return {
    template: templateBlock(),
    targets: targetsBlock(),
    scoring: scoringBlock(),
    settings: settingsBlock(),
    vocabulary: vocabularyBlock(),
    rules: rulesBlock(),
    functions: functionsBlock(),
  };
}

// ── Filling the guide ───────────────────────────────────────────────────────────────────────

const BLOCK = /<!-- generated:([a-z-]+)[^>]*-->\n[\s\S]*?<!-- \/generated:\1 -->/g;

/** The guide with every generated block rewritten; a block missing from the guide, or unknown to it, is an error. */
export function fillGuide(text: string, blocks: Readonly<Record<string, string>> = guideBlocks()): string {
  const seen = new Set<string>();
  const filled = text.replace(BLOCK, (_all, name: string) => {
    if (!(name in blocks)) throw new Error(`${GUIDE_FILE}: unknown generated block "${name}"`);
    seen.add(name);
    return `<!-- generated:${name} — npm run guide 生成，请勿手改 -->\n${blocks[name]}\n<!-- /generated:${name} -->`;
  });
  const missing = Object.keys(blocks).filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`${GUIDE_FILE} has no place for the generated block(s) ${missing.join(", ")}`);
  return filled;
}
