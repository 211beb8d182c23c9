/** `npm run header-words`: writes the engine's header words into README.md's block and docs/表头用词.md (headerWords.ts). */
import * as fs from "fs";
import * as path from "path";
import { HEADER_WORDS_FILE, headerWordsGuide, withHeaderWordsBlock } from "./headerWords";
import { packageRoot } from "./paths";

const root = packageRoot();
try {
  const readme = path.join(root, "README.md");
  const outputs: [file: string, text: string][] = [
    [readme, withHeaderWordsBlock(fs.readFileSync(readme, "utf8"))],
    [path.join(root, HEADER_WORDS_FILE), headerWordsGuide()],
  ];
  for (const [file, text] of outputs) {
    const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
    if (text !== before) fs.writeFileSync(file, text);
    process.stdout.write(`${text === before ? "unchanged" : "wrote"} ${path.relative(root, file)}\n`);
  }
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
