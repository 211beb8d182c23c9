/** `npm run header-words`: writes the header words of the engine into README.md's block and docs/表头用词.md. */
import * as fs from "fs";
import * as path from "path";
import { headerWordsGuide, withHeaderWordsBlock } from "../../src/help/headerWords";

const root = path.resolve(__dirname, "..", "..", "..", "..");
const readme = path.join(root, "README.md");
fs.writeFileSync(readme, withHeaderWordsBlock(fs.readFileSync(readme, "utf8")));
fs.writeFileSync(path.join(root, "docs", "表头用词.md"), headerWordsGuide());
console.log("README.md, docs/表头用词.md");
