/**
 * `npm run lint` runs knip with the project's knip.jsonc: an export nothing imports fails it.
 * Proved on a small tree laid out like the project's (a core module, a test that uses it), with
 * one export planted that nothing uses, and the same tree without it as the control.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const KNIP = path.join(ROOT, "node_modules/knip/bin/knip.js");

function knipOn(files: Record<string, string>): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-knip-"));
  try {
    const all = { "package.json": '{ "name": "fixture", "version": "0.0.0", "private": true }', "knip.jsonc": fs.readFileSync(path.join(ROOT, "knip.jsonc"), "utf8"), ...files };
    for (const [file, text] of Object.entries(all)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const run = spawnSync(process.execPath, [KNIP, "--directory", dir, "--no-progress"], { encoding: "utf8", timeout: 60_000 });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const TEST = { "test/core/day.test.ts": 'import { isoDay } from "../../src/core/day";\nit("reads", () => expect(isoDay(0)).toBe("1970-01-01"));\n' };

describe("the unused-export check of npm run lint", () => {
  it("passes a tree whose every export is imported", () => {
    const run = knipOn({ ...TEST, "src/core/day.ts": 'export function isoDay(d: number): string {\n  return new Date(d * 86400000).toISOString().slice(0, 10);\n}\n' });
    expect(run).toEqual({ status: 0, output: expect.any(String) });
  });

  it("fails on an export nothing imports, and names it", () => {
    const run = knipOn({
      ...TEST,
      "src/core/day.ts": 'export function isoDay(d: number): string {\n  return new Date(d * 86400000).toISOString().slice(0, 10);\n}\nexport const PLANTED_UNUSED = 1;\n',
    });
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/Unused exports[\s\S]*PLANTED_UNUSED\s+src\/core\/day\.ts/);
  });

  it("is part of npm run lint", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.lint).toMatch(/&& knip\b/);
  });
});
