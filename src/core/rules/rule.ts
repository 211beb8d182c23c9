/**
 * A rule of the catalog: its stable id, severity and message in both languages. The checks
 * that raise it sit beside it in the module of its scope (values, project rows, sheets, workbook).
 */
import type { Finding, MessageParams, RuleId, Severity } from "../findings";

/** A message template: params are display-ready; `field` is the field's label in the message's language. */
export type MessageTemplate = (p: MessageParams, field: string) => string;

export interface RuleDef {
  readonly id: RuleId;
  readonly severity: Severity;
  readonly zh: MessageTemplate;
  readonly en: MessageTemplate;
}

export function defineRule(id: RuleId, severity: Severity, zh: MessageTemplate, en: MessageTemplate): RuleDef {
  return { id, severity, zh, en };
}

/** Where a finding is, before the rule's severity is attached. */
export type FindingPlace = Omit<Finding, "rule" | "severity" | "params">;

export function finding(rule: RuleDef, place: FindingPlace, params: MessageParams = NO_PARAMS): Finding {
  // Built field by field so every finding has the same shape (large ledgers make many of them).
  const f: { -readonly [K in keyof Finding]: Finding[K] } = {
    sheet: place.sheet,
    cell: place.cell,
    row: place.row,
    column: place.column,
    field: place.field,
    rule: rule.id,
    severity: rule.severity,
    params,
  };
  if (place.unit !== undefined) f.unit = place.unit;
  return f;
}

const NO_PARAMS: MessageParams = Object.freeze({});
