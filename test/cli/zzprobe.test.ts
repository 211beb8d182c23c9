import { checkWorkbook } from "../../src/core/check";
import { findingMessage } from "../../src/core/rules/catalog";
import { sampleWorkbook } from "../sample/sampleLedger";
test("probe", () => {
  for (const form of ["office", "file"] as const) {
    const r = checkWorkbook(sampleWorkbook(form));
    console.log(form, JSON.stringify({ledgers: r.ledgers, unitKind: r.unitKind, unitName: r.unitName, asOf: r.settings.asOf, targets: r.targets, score: r.score, penalty: r.penalty, errors: r.errors, warnings: r.warnings}, null, 1));
    console.log(r.findings.map(f => `${f.sheet} ${f.cell} ${f.rule} ${findingMessage(f, "zh")}`).join("\n"));
  }
});
