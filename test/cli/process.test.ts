/**
 * The built command as a real process: the shebang of dist/cli/main.js (what package.json `bin`
 * installs), exit codes as the shell sees them, and the README's `npm run check`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { d, oneLine, tempDir, writeWorkbook } from "./helpers";

const ROOT = path.join(__dirname, "../..");
const MAIN = path.join(ROOT, "dist/cli/main.js");

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  const build = spawnSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, encoding: "utf8" });
  expect(build.status).toBe(0);
  // npm makes `bin` files executable when it installs them; do the same for the built file.
  fs.chmodSync(MAIN, 0o755);
});
afterAll(() => cleanup());

/** Runs the built file itself, so that the kernel reads its shebang; from a folder that is not the package's. */
function zsledger(...args: string[]) {
  return spawnSync(MAIN, args, { cwd: dir, encoding: "utf8" });
}

test("dist/cli/main.js starts with the node shebang", () => {
  expect(fs.readFileSync(MAIN, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  expect(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).bin).toEqual({ zsledger: "dist/cli/main.js" });
});

test("the bundled sample, from any working directory: report on stdout, exit 1 (it has error findings)", () => {
  const r = zsledger("check");
  expect(r.status).toBe(1);
  expect(r.stderr).toBe("");
  expect(r.stdout).toMatch(/^招商台账检查报告：assets\/sample-ledger\.xlsx\n/);
  expect(r.stdout).toMatch(/\n得分 SCORE：6\n扣分 PENALTY：7\n$/);
});

test("--exit-zero: exit 0", () => {
  expect(zsledger("check", "--exit-zero").status).toBe(0);
});

test("a clean ledger: exit 0", async () => {
  const file = await writeWorkbook(path.join(dir, "东城镇台账.xlsx"), [
    {
      name: "项目台账",
      merges: [],
      grid: [
        ["项目名称", "总投资", "项目状态", "签约日期", "计划开工日期", "实际开工日期"],
        ["东城智能制造项目", 8000, "开工", d("2022-08-01"), d("2022-08-20"), d("2022-08-15")],
      ],
    },
  ]);
  const r = zsledger("check", path.basename(file), "--as-of", "2022-09-30", "--format", "json");
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).files[0]).toMatchObject({ file: "东城镇台账.xlsx", errors: 0 });
});

test("a wrong argument and an unreadable file: exit 2, one line on stderr", () => {
  const bad = zsledger("check", "--as-of", "9月30日");
  expect(bad.status).toBe(2);
  expect(bad.stdout).toBe("");
  expect(oneLine(bad.stderr)).toBe("zsledger: --as-of 的值“9月30日”无法识别，应为完整的日期，如 2022-09-30");

  fs.writeFileSync(path.join(dir, "空.xlsx"), "");
  const empty = zsledger("check", "空.xlsx");
  expect(empty.status).toBe(2);
  expect(oneLine(empty.stderr)).toBe("zsledger: 无法检查 空.xlsx：文件是空的（0 字节），请重新获取台账文件");
});

test("`npm run check` (the README's first command) prints the sample's report and exits 0", () => {
  const r = spawnSync("npm", ["run", "-s", "check"], { cwd: ROOT, encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^招商台账检查报告：assets\/sample-ledger\.xlsx\n单位：财源街道（街道\/镇）\n统计截止日：2022-09-30/);
});
