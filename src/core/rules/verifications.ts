/** The rule on the 台账核实 sheet: a verification row that cannot be used (core/verify/sheet.ts reads the rows). */
import { cellAddress } from "../sheet";
import type { VerificationIssue } from "../verify/sheet";
import { verificationsRule } from "./rule";

type Unusable = { readonly kind: VerificationIssue["kind"]; readonly value: string };

const ZH: Readonly<Record<VerificationIssue["kind"], (value: string) => string>> = {
  "unknown-rule": (v) => (v === "" ? "这一行没有填写规则，未采用" : `“${v}”不是可识别的规则，这一行未采用（填写规则编号或名称，如 overdue-start 或“逾期未开工”）`),
  "not-verifiable": (v) => `规则“${v}”针对台账结构而非某一行，不能核实，这一行未采用`,
  "no-place": () => "这一行没有填写工作表或行键，无法对应问题，未采用",
  "no-reason": () => "这一行没有填写核实理由，未采用（理由为必填）",
  "invalid-date": (v) => `日期“${v}”无法识别，这一行未采用`,
};
const EN: Readonly<Record<VerificationIssue["kind"], (value: string) => string>> = {
  "unknown-rule": (v) => (v === "" ? "the row names no rule and is not used" : `"${v}" names no rule and the row is not used (write a rule id or title, such as overdue-start)`),
  "not-verifiable": (v) => `the rule "${v}" is about the ledger's structure, not one row, and cannot be verified; the row is not used`,
  "no-place": () => "the row gives no sheet or row key, so it names no finding and is not used",
  "no-reason": () => "the row gives no reason and is not used (a reason is required)",
  "invalid-date": (v) => `the date "${v}" cannot be read and the row is not used`,
};

export const invalidVerification = verificationsRule({
  id: "invalid-verification",
  severity: "warning",
  reads: [],
  check: (facts) =>
    facts.issues.map((issue) => ({
      place: { sheet: facts.sheet, cell: cellAddress(issue.row, issue.column), row: issue.row, column: issue.column, field: null },
      params: { kind: issue.kind, value: issue.value },
    })),
  message: {
    zh: (p: Unusable) => ZH[p.kind](p.value),
    en: (p) => EN[p.kind](p.value),
  },
  zh: {
    title: "核实记录无法采用",
    description: "台账核实表中的一行没有生效：缺少核实理由、规则无法识别或不能核实（如缺少列、项目重复等针对整表的问题）、没有填写工作表或行键，或日期无法识别。这一行对应的问题仍按未核实列出。",
    fix: "在任务窗格中对问题点击“核实”重新记录；手工填写时，规则写编号或名称，工作表和行键照检查结果（JSON 中的 rowKey）填写，理由必填，日期写成 2022-09-30 这样的完整日期。",
  },
  en: {
    title: "invalid verification",
    description: "A row of the 台账核实 sheet has no effect: it gives no reason, names no rule or a rule about the whole sheet (a missing column, a duplicate …), gives no sheet or row key, or a date that cannot be read. Its finding stays listed as open.",
    fix: "Verify the finding again from the task pane; by hand, write the rule's id or title, the sheet and the row key as the check reports them (rowKey in JSON), a reason, and a full date such as 2022-09-30.",
  },
});
