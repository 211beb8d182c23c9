import * as fs from "fs";
import { makeCorpus } from "./makeCorpus";
import { runCli } from "../cli/helpers";
test("probe", async () => {
  const dir = "/tmp/corpus-probe/c"; fs.rmSync(dir, { recursive: true, force: true }); fs.mkdirSync(dir, { recursive: true });
  const files = await makeCorpus(dir, (n) => !["million-rows.xlsx"].includes(n));
  const lines: string[] = [];
  for (const f of files) {
    if (f.heavy) continue;
    const t = Date.now();
    const out = await runCli(["check", "--format", "json", f.path], { today: new Date(2022, 9, 1) });
    let summary = "";
    try { const j = JSON.parse(out.stdout); const file = j.files[0]; summary = file.error ? "ERR" : `ledgers=${file.ledgers.length} findings=${file.findings.length}`; } catch { summary = "stdout not json"; }
    lines.push(`${f.name} exit=${out.code} ${Date.now() - t}ms ${summary} stderr=${JSON.stringify(out.stderr.trim().replace(/^.*?：/, ""))}`);
  }
  console.log(lines.join("\n"));
}, 600000);
