/**
 * What the help page shows of the engine, read from the core through these functions only: when
 * the rule labels move into the rule definitions, `helpRules` is the one place to repoint.
 */
import { TARGETS_BY_KIND } from "../core/assess";
import type { RuleId, Severity } from "../core/findings";
import { TARGET_LABELS, UNIT_KIND_LABELS, type Bilingual } from "../core/labels";
import { RULE_IDS, RULES } from "../core/rules/catalog";
import type { TargetId } from "../core/result";
import type { UnitKind } from "../core/values/types";

export interface HelpRule {
  readonly id: RuleId;
  readonly label: Bilingual;
  readonly severity: Severity;
}

export interface HelpTarget {
  readonly id: TargetId;
  readonly label: Bilingual;
  /** The unit kinds assessed on this target. */
  readonly kinds: ReadonlySet<UnitKind>;
}

/** Every rule of the catalog, in the catalog's order. */
export function helpRules(): HelpRule[] {
  return RULE_IDS.map((id) => ({ id, label: { zh: RULES[id].zh.title, en: RULES[id].en.title }, severity: RULES[id].severity }));
}

export function helpUnitKinds(): { readonly kind: UnitKind; readonly label: Bilingual }[] {
  return (Object.keys(UNIT_KIND_LABELS) as UnitKind[]).map((kind) => ({ kind, label: UNIT_KIND_LABELS[kind] }));
}

/** Every target, in the order of TARGET_LABELS, with the unit kinds that are assessed on it. */
export function helpTargets(): HelpTarget[] {
  return (Object.keys(TARGET_LABELS) as TargetId[]).map((id) => ({
    id,
    label: TARGET_LABELS[id],
    kinds: new Set(helpUnitKinds().map((k) => k.kind).filter((kind) => TARGETS_BY_KIND[kind].includes(id))),
  }));
}
