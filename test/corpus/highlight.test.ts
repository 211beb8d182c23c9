/**
 * `--highlight` on hostile parts (issue 14): parts written so that pattern matching backtracks
 * (makeCorpus.ts writeHighlightCase), each at n, 2n and 4n repetitions. The copy must be written,
 * correct, and take time that grows with the input, not with its square: the old regexes took
 * minutes on these 13 KB files at n alone.
 *
 * Growth is asserted as a ratio of CPU times (the smallest of a few runs), never as an absolute
 * time: 4n costs at most 8 times what n costs (linear growth gives 4 at most, quadratic 16).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SaxesParser } from "saxes";
import { sniffFile } from "../../src/cli/sniff";
import { entryStream } from "../../src/cli/zip";
import { runCli } from "../cli/helpers";
import { writeHighlightCase, type HighlightCase } from "./makeCorpus";

const TODAY = new Date(2022, 9, 1);
/** Repetitions of the hostile pattern at the smallest size (the old regexes hung at this one). */
const N = 100_000;
const RUNS = 3;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-highlight-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function part(file: string, name: string): Promise<string> {
  const sniffed = sniffFile(file);
  if ("problem" in sniffed) throw new Error(sniffed.problem.kind);
  const entry = sniffed.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`${name} missing`);
  const chunks: Buffer[] = [];
  for await (const c of entryStream(file, entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function wellFormed(xml: string): boolean {
  const parser = new SaxesParser();
  let ok = true;
  parser.on("error", () => (ok = false));
  parser.write(xml).close();
  return ok;
}

/** CPU time of one highlight run, in ms; the copy is checked to be what the run says it wrote. */
async function highlight(input: string, out: string): Promise<number> {
  fs.rmSync(out, { force: true });
  const before = process.cpuUsage();
  const { code, stderr } = await runCli(["check", input, "--highlight", out, "--format", "json"], { today: TODAY });
  const used = process.cpuUsage(before);
  expect({ code, stderr }).toEqual({ code: 1, stderr: expect.stringMatching(/^zsledger: 已写入标记副本 .+：标记 13 处，批注 21 条\n$/) });
  return (used.user + used.system) / 1000;
}

describe.each<HighlightCase>(["span", "vml", "comments"])("--highlight, hostile %s", (kind) => {
  const times: number[] = [];

  test("the copy is written at n, 2n and 4n, in time that grows linearly", async () => {
    for (const scale of [1, 2, 4]) {
      const input = writeHighlightCase(path.join(dir, `${kind}-${scale}.xlsx`), kind, N * scale);
      let best = Infinity;
      for (let i = 0; i < RUNS; i++) best = Math.min(best, await highlight(input, path.join(dir, `${kind}-${scale}-copy.xlsx`)));
      times.push(best);
    }
    process.stdout.write(`--highlight ${kind}: CPU ${times.map((t) => `${Math.round(t)} ms`).join(", ")} at n, 2n, 4n (n = ${N})\n`);
    expect({ kind, ratio: times[2] / times[0] < 8 }).toEqual({ kind, ratio: true });
  }, 120_000);

  test("the copy's changed parts are well-formed; the user's note is kept, ours added", async () => {
    const copy = path.join(dir, `${kind}-1-copy.xlsx`);
    const sheet = await part(copy, "xl/worksheets/sheet1.xml");
    const comments = await part(copy, "xl/comments1.xml");
    const vml = await part(copy, "xl/drawings/vmlDrawing1.vml");
    for (const xml of [sheet, comments, vml]) expect(wellFormed(xml)).toBe(true);
    expect(comments).toContain("原有批注：已核实");
    expect(comments.match(/<author>([^<]*)<\/author>/g)).toEqual(["<author>王敏</author>", "<author>招商台账助手</author>"]);
    // Row marks span the cells' columns (A–P), the <dimension> having no range: the live start-date
    // mark lies over the data rows and the 合计 row (row 23 is a section label).
    expect(sheet).toMatch(/<conditionalFormatting sqref="A6:P22 A24:P32">/);
    // The note the sheet had is shape 1025 in block 1: ours take the block's next ids.
    expect(vml).toContain('id="_x0000_s1026"');
    if (kind === "vml") {
      // The drawing nothing relates to is copied as it was, never read.
      const input = path.join(dir, "vml-1.xlsx");
      expect(await part(copy, "xl/drawings/vmlDrawing9.vml")).toBe(await part(input, "xl/drawings/vmlDrawing9.vml"));
    }
  });
});

describe("--highlight keeps to the grid and reads what the check reads", () => {
  test("a bogus <dimension> (columns past XFD, rows past 1,048,576) and rows past the grid: no reference past XFD1048576", async () => {
    const { makeCorpus } = await import("./makeCorpus");
    const files = await makeCorpus(dir, { only: (n) => n === "bogus-dimension.xlsx" || n === "huge-row-numbers.xlsx" });
    for (const file of files) {
      const out = path.join(dir, `${file.name}-copy.xlsx`);
      const { code, stderr } = await runCli(["check", file.path, "--highlight", out], { today: TODAY });
      expect({ name: file.name, code }).toEqual({ name: file.name, code: 1 });
      const sheet = await part(out, "xl/worksheets/sheet1.xml");
      const refs = [...sheet.matchAll(/sqref="([^"]*)"/g)].flatMap((m) => m[1].split(/[\s:]/));
      for (const ref of refs) {
        const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(ref)!;
        expect({ ref, column: letters.length < 3 || letters <= "XFD", row: Number(row) <= 1_048_576 }).toEqual({ ref, column: true, row: true });
      }
      if (file.name === "bogus-dimension.xlsx") {
        // The cells say how wide the sheet is: A–P, as without a <dimension>.
        expect(sheet).toContain('<conditionalFormatting sqref="A6:P22 A24:P32">');
        expect(stderr).toContain("标记 13 处，批注 21 条");
      } else {
        // Its findings are on row 99,999,999: nothing Excel could show is marked. The live marks lie
        // on the data rows within the grid (2 and 1,048,576, whose formulas are false: 策划, 在谈).
        expect(new Set(refs.map((ref) => Number(/\d+$/.exec(ref)![0])))).toEqual(new Set([2, 1_048_576]));
        expect(stderr).toContain("标记 0 处，批注 0 条");
      }
    }
  });

  test.each(["namespace-prefix.xlsx", "utf16-parts.xlsx"])("%s: the copy is written, and checks as the original does", async (name) => {
    const { makeCorpus } = await import("./makeCorpus");
    const [file] = await makeCorpus(dir, { only: (n) => n === name });
    const out = path.join(dir, `${name}-copy.xlsx`);
    const first = await runCli(["check", file.path, "--highlight", out, "--format", "json"], { today: TODAY });
    expect(first.stderr).toMatch(/^zsledger: 已写入标记副本 .+：标记 13 处，批注 21 条\n$/);
    const again = await runCli(["check", out, "--format", "json"], { today: TODAY });
    const findings = (stdout: string) => JSON.parse(stdout).files[0].findings.map((f: { cell: string; rule: string }) => `${f.cell} ${f.rule}`);
    expect(findings(again.stdout)).toEqual(findings(first.stdout));
    // The sheet we edited is UTF-8 now, and says so.
    const sheet = await part(out, "xl/worksheets/sheet1.xml");
    expect(sheet.slice(0, 60)).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"/);
    expect(wellFormed(sheet)).toBe(true);
  });
});
