/**
 * The user guide, docs/使用说明.md: its generated blocks are what the engine says today (else
 * `npm run guide` was not run after a change of rules, targets, settings or words), it explains
 * every rule id of the catalog, and every link in it leads somewhere: a file of the repository, a
 * heading of the README, or a heading of the guide itself.
 */
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import { TARGET_IDS } from "../../src/core/result";
import { RULE_IDS, RULES } from "../../src/core/rules/catalog";
import { fillGuide, GUIDE_FILE, guideBlocks, md } from "../../scripts/docs/guide";
import { settingKeys, settingWords } from "../../scripts/docs/templateSpec";

const ROOT = path.join(__dirname, "../..");
const { slug } = createRequire(__filename)("../../scripts/helpPage.js") as { slug: (heading: string) => string };
const guide = fs.readFileSync(path.join(ROOT, GUIDE_FILE), "utf8");

test("the committed guide is what `npm run guide` makes of it (run it after changing rules, targets, settings or words)", () => {
  expect(fillGuide(guide)).toBe(guide);
});

test("explains every rule id of the catalog: a heading with its id, what it means and how to fix it", () => {
  const headings = [...guide.matchAll(/^#### .* `([a-z-]+)`$/gm)].map((m) => m[1]);
  expect(headings).toEqual([...RULE_IDS]);
  for (const id of RULE_IDS) {
    const section = guide.slice(guide.indexOf(`#### ${md(RULES[id].zh.title)} \`${id}\``)).split(/\n#### /)[0];
    expect([id, section.includes(md(RULES[id].zh.description)), section.includes(md(RULES[id].zh.fix))]).toEqual([id, true, true]);
  }
});

test("names every target and every setting key the engine reads", () => {
  for (const id of TARGET_IDS) expect([id, guide.includes(`\`${id}\``)]).toEqual([id, true]);
  for (const key of settingKeys()) for (const w of settingWords(key)) expect([w, guide.includes(w)]).toEqual([w, true]);
});

/** The anchors of a Markdown file's headings, as GitHub makes them. */
function anchorsOf(markdown: string): Set<string> {
  const outsideCode = markdown.replace(/^```[\s\S]*?^```/gm, "");
  return new Set([...outsideCode.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1].replace(/\\(.)/g, "$1"))));
}

test("every link leads somewhere: a file of the repository, a README heading, a heading of the guide", () => {
  const links = [...guide.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((href) => !/^[a-z]+:/i.test(href));
  expect(links.length).toBeGreaterThan(10);
  const broken = links.filter((href) => {
    const [file, hash] = href.split("#");
    const target = file === "" ? path.join(ROOT, GUIDE_FILE) : path.resolve(path.dirname(path.join(ROOT, GUIDE_FILE)), file);
    if (!fs.existsSync(target)) return true;
    return hash !== undefined && !anchorsOf(fs.readFileSync(target, "utf8")).has(hash);
  });
  expect(broken).toEqual([]);
  // The README links the guide and the template, and the guide links the header words list.
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  expect(readme).toContain("(docs/使用说明.md)");
  expect(readme).toContain("(assets/台账模板.xlsx)");
  expect(links).toContain("表头用词.md");
});

describe("filling the guide", () => {
  const blocks = { a: "A1\nA2", b: "B" };
  const block = (name: string, body: string) => `<!-- generated:${name} — npm run guide 生成，请勿手改 -->\n${body}\n<!-- /generated:${name} -->`;

  test("rewrites each block between its markers and leaves the rest alone", () => {
    const text = `# T\n\n${block("a", "old\nlines")}\n\nhand-written\n\n${block("b", "")}\n`;
    expect(fillGuide(text, blocks)).toBe(`# T\n\n${block("a", "A1\nA2")}\n\nhand-written\n\n${block("b", "B")}\n`);
  });

  test("refuses a guide that has no place for a block, or a block the generator does not make", () => {
    expect(() => fillGuide(block("a", ""), blocks)).toThrow(/no place for the generated block\(s\) b/);
    expect(() => fillGuide(`${block("a", "")}\n${block("b", "")}\n${block("c", "")}`, blocks)).toThrow(/unknown generated block "c"/);
  });

  test("the generator's blocks are the guide's: one per marker", () => {
    const markers = [...guide.matchAll(/<!-- generated:([a-z-]+) /g)].map((m) => m[1]);
    expect(markers.sort()).toEqual(Object.keys(guideBlocks()).sort());
  });
});
