/** `npm run guide`: rewrites the generated blocks of docs/使用说明.md from the engine (guide.ts). */
import * as fs from "fs";
import * as path from "path";
import { fillGuide, GUIDE_FILE } from "./guide";
import { packageRoot } from "./paths";

const file = path.join(packageRoot(), GUIDE_FILE);
try {
  const before = fs.readFileSync(file, "utf8");
  const after = fillGuide(before);
  if (after !== before) fs.writeFileSync(file, after);
  process.stdout.write(`${after === before ? "unchanged" : "wrote"} ${GUIDE_FILE}\n`);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
