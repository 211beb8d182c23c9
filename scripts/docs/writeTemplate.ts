/** `npm run template`: writes assets/台账模板.xlsx from template.ts. */
import * as path from "path";
import { packageRoot } from "./paths";
import { buildTemplate } from "./template";
import { TEMPLATE_FILE } from "./templateSpec";

async function main(): Promise<void> {
  const out = path.join(packageRoot(), TEMPLATE_FILE);
  await buildTemplate().xlsx.writeFile(out);
  process.stdout.write(`wrote ${TEMPLATE_FILE}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
