/**
 * `zsledger check` on the bundled sample (assets/sample-ledger.xlsx, read from disk through the
 * streaming reader): the JSON contract of issue 2, the planted findings and nothing else, and the
 * targets, SCORE and PENALTY computed by hand in sampleLedger.ts.
 */
import { checkWorkbook } from "../../src/core/check";
import { RULE_IDS, RULES } from "../../src/core/rules/catalog";
import type { RuleId } from "../../src/core/findings";
import { findingMessage } from "../../src/core/rules/catalog";
import { SAMPLE_AS_OF, SAMPLE_PLANTED, sampleWorkbook } from "../sample/sampleLedger";
import { runCli } from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let report: Json;
let code: number;

beforeAll(async () => {
  const out = await runCli(["check", "--format", "json"]);
  code = out.code;
  report = JSON.parse(out.stdout);
  expect(out.stderr).toBe("");
});

test("exits 1: the sample has error findings", () => {
  expect(code).toBe(1);
});

test("the JSON has exactly the contract's fields", () => {
  expect(Object.keys(report)).toEqual(["asOf", "files"]);
  expect(report.asOf).toBe(SAMPLE_AS_OF);
  expect(report.files).toHaveLength(1);
  const file = report.files[0];
  // issue 17 added keyStarts (the district's 重点项目开工, a unit's share); issue 15 verifications
  // (已核实: findings the 台账核实 sheet verifies, its stale rows); nothing else may change.
  expect(Object.keys(file)).toEqual(["file", "unitKind", "ledgers", "findings", "errors", "warnings", "verifications", "targets", "score", "penalty", "keyStarts"]);
  expect(file.verifications).toEqual({ acknowledged: 0, stale: 0 });
  expect(file.file).toBe("assets/sample-ledger.xlsx");
  expect(file.unitKind).toBe("town");
  for (const l of file.ledgers) expect(Object.keys(l)).toEqual(["sheet", "kind", "headerRows", "dataRows"]);
  // A finding of one row also has its rowKey (issue 15: what a 台账核实 row names); a verified one acknowledged and acknowledgement.
  const base = ["sheet", "cell", "row", "field", "rule", "severity", "message"];
  for (const f of file.findings) expect(Object.keys(f)).toEqual(RULES[f.rule as RuleId].scope === "value" || RULES[f.rule as RuleId].scope === "project-row" ? [...base, "rowKey"] : base);
  for (const t of file.targets) expect(Object.keys(t)).toEqual(["id", "met", "actual", "required", "gap"]);
});

test("ledgers: the two-level header of 项目台账 and every data row", () => {
  expect(report.files[0].ledgers).toEqual([
    { sheet: "项目台账", kind: "projects", headerRows: [3, 4], dataRows: 25 },
    { sheet: "外出招商", kind: "trips", headerRows: [2], dataRows: 8 },
    { sheet: "客商邀请", kind: "invitations", headerRows: [2], dataRows: 6 },
    { sheet: "例会记录", kind: "meetings", headerRows: [2], dataRows: 9 },
  ]);
});

test("findings are exactly the planted problems, at 1-based rows, with DOMAIN.md rule ids", () => {
  const file = report.files[0];
  const found = file.findings.map((f: Json) => `${f.sheet}!${f.cell} ${f.rule}`).sort();
  const planted = SAMPLE_PLANTED.map((p) => `${p.sheet}!${p.cell} ${p.rule}`).sort();
  expect(found).toEqual(planted);
  for (const f of file.findings) {
    expect(RULE_IDS).toContain(f.rule);
    expect(f.row).toBe(Number(/\d+$/.exec(f.cell)![0]));
    expect(["error", "warning"]).toContain(f.severity);
    expect(f.message).not.toBe("");
  }
  expect(file.errors).toBe(file.findings.filter((f: Json) => f.severity === "error").length);
  expect(file.warnings).toBe(file.findings.filter((f: Json) => f.severity === "warning").length);
  expect([file.errors, file.warnings]).toEqual([10, 11]);
});

test("messages are the catalog's, in Chinese by default", () => {
  const overdue = report.files[0].findings.find((f: Json) => f.cell === "J9");
  expect(overdue).toMatchObject({ field: "plannedStart", rule: "overdue-start", severity: "error" });
  expect(overdue.message).toBe("计划开工日期 2022-09-15 已过（统计截止日 2022-09-30），项目仍未开工");
});

test("targets, SCORE and PENALTY as computed by hand for the town", () => {
  const file = report.files[0];
  const byId = Object.fromEntries(file.targets.map((t: Json) => [t.id, t]));
  expect(Object.keys(byId)).toEqual([
    "fair-signing",
    "new-starts",
    "key-negotiations",
    "planned-projects",
    "trips-main",
    "trips-deputy",
    "invitations",
    "expert-review",
    "weekly-meetings",
    "annual-task",
  ]);
  expect(byId["fair-signing"]).toMatchObject({ met: true, gap: 0 });
  expect(byId["new-starts"]).toMatchObject({ met: true, actual: 5, required: 3, gap: 0 });
  expect(byId["key-negotiations"]).toEqual({ id: "key-negotiations", met: false, actual: 3, required: 4, gap: 1 });
  expect(byId["planned-projects"]).toMatchObject({ met: true, actual: 2, required: 2 });
  expect(byId["trips-main"]).toEqual({ id: "trips-main", met: false, actual: 2, required: 3, gap: 1 });
  expect(byId["trips-deputy"]).toMatchObject({ met: true, actual: 5, required: 4 });
  expect(byId.invitations).toMatchObject({ met: true, actual: 5, required: 5 });
  expect(byId["expert-review"]).toEqual({ id: "expert-review", met: false, actual: 2, required: 3, gap: 1 });
  expect(byId["weekly-meetings"]).toMatchObject({ met: true, actual: 8, required: 8 });
  // 台账设置 gives no 全年任务: not assessed.
  expect(byId["annual-task"]).toEqual({ id: "annual-task", met: null, actual: null, required: null, gap: null });
  expect(file.score).toBe(6);
  expect(file.penalty).toBe(7);
  // The sample keeps no 区级重点 column: its key starts are not assessed (null), not 0.
  expect(file.keyStarts).toBeNull();
  expect(file).not.toHaveProperty("units");
});

test("the committed .xlsx is the sample of sampleLedger.ts (rerun `npm run sample` after changing it)", () => {
  for (const form of ["file", "office"] as const) {
    const r = checkWorkbook(sampleWorkbook(form));
    const file = report.files[0];
    expect(file.findings.map((f: Json) => [f.sheet, f.cell, f.rule, f.message])).toEqual(
      r.findings.map((f) => [f.sheet, f.cell, f.rule, findingMessage(f, "zh")]),
    );
    expect(file.targets).toEqual(r.targets);
    expect([file.score, file.penalty, file.keyStarts]).toEqual([r.score, r.penalty, r.keyStarts]);
  }
});

test("every read of the file gives the same sheets (ExcelJS's own streaming unzip drops entries at random)", async () => {
  for (let i = 0; i < 5; i++) {
    const again = JSON.parse((await runCli(["check", "--format", "json"])).stdout);
    expect(again.files[0].ledgers.map((l: Json) => l.sheet)).toEqual(["项目台账", "外出招商", "客商邀请", "例会记录"]);
    expect(again.asOf).toBe(SAMPLE_AS_OF);
  }
});
