/**
 * The README's header-words block and docs/表头用词.md are what the engine's tables render: run
 * `npm run header-words` after changing a synonym or a pattern.
 */
import * as fs from "fs";
import * as path from "path";
import { BLOCK_BEGIN, BLOCK_END, HEADER_WORDS_FILE, headerWordsBlock, headerWordsGuide, withHeaderWordsBlock } from "../../scripts/docs/headerWords";

const root = path.resolve(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

test("README.md's block is the engine's (npm run header-words rewrites it)", () => {
  const committed = readme.slice(readme.indexOf(BLOCK_BEGIN), readme.indexOf(BLOCK_END) + BLOCK_END.length);
  expect(committed).toBe(headerWordsBlock());
  expect(withHeaderWordsBlock(readme)).toBe(readme);
});

test("docs/表头用词.md is the engine's", () => {
  expect(fs.readFileSync(path.join(root, HEADER_WORDS_FILE), "utf8")).toBe(headerWordsGuide());
});

test("the block lists every field's words and patterns, 拟开工时间's among them", () => {
  const block = headerWordsBlock();
  expect(block).toContain("| 计划开工日期 `plannedStart` | 计划开工日期、计划开工时间、开工时限、约定开工时间；Planned start, Planned start date, Start deadline | 拟/预计/计划/");
  expect(block).toContain("**外出招商台账 trips ledger**");
  for (const field of ["recorder", "confirmed", "companies", "fundsInPlace"]) expect(block).toContain(`\`${field}\``);
});

test("a README without the markers is refused, not rewritten", () => {
  expect(() => withHeaderWordsBlock("# zsledger\n")).toThrow(/header-words block/);
});
