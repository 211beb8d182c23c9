import { checkWorkbook } from "../../src/core/check";
import { sampleWorkbook } from "../sample/sampleLedger";
import { createExcelPort } from "../../src/excel/excelPort";
import { FakeExcel } from "./fakeExcel";
import { sampleSheets } from "../sample/sampleLedger";

test("smoke", async () => {
  const today = new Date(2022, 9, 1);
  const cli = checkWorkbook(sampleWorkbook("office"), { today });
  const fake = FakeExcel.fromSheets(sampleSheets());
  const port = createExcelPort({ host: fake.host(), today: () => today });
  const r = await port.check();
  console.log(cli.findings.length, r.findings.length, fake.syncs, fake.ops);
  expect(r.findings).toEqual(cli.findings);
  await port.highlight(r);
  console.log(fake.syncs, fake.ops, JSON.stringify(fake.sheet("项目台账").cfs.map(c => [c.formula, c.areas.length])));
  await port.clear();
  console.log(fake.syncs, fake.ops, fake.sheet("项目台账").cfs.length);
});
