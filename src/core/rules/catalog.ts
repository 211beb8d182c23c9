/** The rule catalog: every rule id of DOMAIN.md, its severity and its message in both languages. */
import type { Finding, Lang, RuleId } from "../findings";
import { RULE_IDS } from "../findings";
import { FIELD_LABELS } from "../labels";
import { PROJECT_ROW_RULES } from "./projects";
import type { RuleDef } from "./rule";
import { SHEET_RULES } from "./sheet";
import { VALUE_RULES } from "./values";
import { missingLedger } from "./workbook";

export const RULES: Readonly<Record<RuleId, RuleDef>> = Object.fromEntries(
  [missingLedger, ...SHEET_RULES, ...VALUE_RULES, ...PROJECT_ROW_RULES].map((r) => [r.id, r]),
) as Record<RuleId, RuleDef>;

// The catalog must hold every id exactly once; a gap would surface as a crash on the first finding.
for (const id of RULE_IDS) if (!RULES[id]) throw new Error(`rule ${id} has no entry in the catalog`);

export function findingMessage(f: Finding, lang: Lang): string {
  const rule = RULES[f.rule];
  const field = f.field ? FIELD_LABELS[f.field][lang] : "";
  return rule[lang](f.params, field);
}
