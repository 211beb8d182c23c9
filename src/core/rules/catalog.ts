/**
 * The rule catalog: every rule id of DOMAIN.md with its one definition. The compiler proves it
 * complete: an id of RuleId without an entry here, an entry under another id, or a definition
 * without a check or a message, does not compile (test/core/catalogTypes.test.ts plants each).
 */
import type { Finding, Lang, RuleId } from "../findings";
import { FIELD_LABELS } from "../labels";
import { duplicateColumn, missingColumn } from "./columns";
import { duplicateProject } from "./duplicates";
import {
  fairSignedNotSigned,
  fairStartLate,
  fundsExceedInvestment,
  futureDate,
  missingActualStart,
  missingPlannedStart,
  missingSignDate,
  overdueStart,
  stageNotUpdated,
  startBeforeSign,
  startDueSoon,
} from "./projects";
import type { RuleDef } from "./rule";
import { invalidSetting, unknownSetting } from "./settings";
import { totalMismatch } from "./totals";
import { invalidVerification } from "./verifications";
import { approximateAmount, foreignCurrency, invalidAmount, invalidDate, invalidFlag, missingValue, partialDate, unknownStage } from "./values";
import { missingLedger } from "./workbook";

/** In the order reports list rules (and checks of one scope run). */
export const RULES = {
  "missing-ledger": missingLedger,
  "missing-column": missingColumn,
  "unknown-setting": unknownSetting,
  "invalid-setting": invalidSetting,
  "duplicate-column": duplicateColumn,
  "missing-value": missingValue,
  "invalid-amount": invalidAmount,
  "approximate-amount": approximateAmount,
  "foreign-currency": foreignCurrency,
  "invalid-date": invalidDate,
  "partial-date": partialDate,
  "unknown-stage": unknownStage,
  "invalid-flag": invalidFlag,
  "missing-sign-date": missingSignDate,
  "missing-planned-start": missingPlannedStart,
  "overdue-start": overdueStart,
  "fair-start-late": fairStartLate,
  "start-due-soon": startDueSoon,
  "missing-actual-start": missingActualStart,
  "start-before-sign": startBeforeSign,
  "stage-not-updated": stageNotUpdated,
  "future-date": futureDate,
  "funds-exceed-investment": fundsExceedInvestment,
  "fair-signed-not-signed": fairSignedNotSigned,
  "duplicate-project": duplicateProject,
  "total-mismatch": totalMismatch,
  "invalid-verification": invalidVerification,
} as const satisfies { readonly [R in RuleId]: RuleDef<R> };

export const RULE_IDS = Object.keys(RULES) as readonly RuleId[];

/** A rule's short name, for filters and headings. */
export function ruleTitle(id: RuleId, lang: Lang): string {
  return RULES[id][lang].title;
}

export function findingMessage(f: Finding, lang: Lang): string {
  const rule: RuleDef = RULES[f.rule];
  const field = f.field ? FIELD_LABELS[f.field][lang] : "";
  return rule.message[lang](f.params, field);
}
