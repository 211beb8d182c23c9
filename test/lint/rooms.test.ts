/**
 * The import boundaries of docs/architecture.md, as `npm run lint` enforces them: planted files
 * are linted with the project's own ESLint config (only the type-aware parsing is switched off,
 * as the planted files exist nowhere on disk).
 */
import * as path from "path";
import { ESLint } from "eslint";

const ROOT = path.resolve(__dirname, "../..");
// The project's config, loaded here: ESLint's own loader imports it dynamically, which jest's VM refuses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const projectConfig = require(path.join(ROOT, "eslint.config.js")) as ESLint.Options["baseConfig"];
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  baseConfig: projectConfig,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { "@typescript-eslint/no-floating-promises": "off" },
  },
});

/** The rooms rule's messages for `code` planted at `file` (relative to the repo). */
async function roomProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === "zsledger/rooms" || m.fatal).map((m) => m.message);
}

describe("the rooms' import boundaries", () => {
  it("refuse a Node builtin, a package, Office or React in src/core", async () => {
    expect(await roomProblems("src/core/planted.ts", `import * as fs from "fs";\nexport const size = fs.statSync;`)).toEqual([
      "src/core imports nothing outside itself, not fs",
    ]);
    expect(await roomProblems("src/core/rules/planted.ts", `import { useState } from "react";\nexport const s = useState;`)).toHaveLength(1);
    expect(await roomProblems("src/core/planted.ts", `export type Office = typeof import("@microsoft/office-js");`)).toHaveLength(1);
    expect(await roomProblems("src/core/planted.ts", `const zlib = require("node:zlib");\nexport default zlib;`)).toHaveLength(1);
  });

  it("refuse a surface in src/core, whatever the import form", async () => {
    const forms = [
      `import type { WorkbookPort } from "../excel/port";\nexport type P = WorkbookPort;`,
      `export { run } from "../cli/run";`,
      `export const load = () => import("../taskpane/App");`,
      `export * from "../functions/formulas";`,
      `import "../host/runtimeState";`,
      `import { x } from "../wps/port";\nexport const y = x;`,
    ];
    for (const code of forms) expect([code, await roomProblems("src/core/planted.ts", code)]).toEqual([code, [expect.stringMatching(/^src\/core may not import src\//)]]);
  });

  it("refuse an adapter importing another", async () => {
    const pairs: [string, string][] = [
      ["src/excel/planted.ts", "../functions/runtimeState"],
      ["src/functions/planted.ts", "../excel/settingsSheet"],
      ["src/cli/planted.ts", "../excel/readWorkbook"],
      ["src/cli/report/planted.ts", "../../functions/formulas"],
      ["src/wps/planted.ts", "../excel/port"],
      ["src/excel/planted.ts", "../wps/port"],
      ["src/host/planted.ts", "../excel/port"],
      ["src/taskpane/planted.ts", "../cli/run"],
      ["src/taskpane/planted.ts", "../functions/formulas"],
    ];
    for (const [file, target] of pairs) {
      const problems = await roomProblems(file, `import { x } from "${target}";\nexport const y = x;`);
      expect([file, target, problems.length]).toEqual([file, target, 1]);
    }
  });

  it("refuse a Node builtin outside the command line", async () => {
    expect(await roomProblems("src/excel/planted.ts", `import * as path from "path";\nexport const j = path.join;`)).toEqual([
      "src/excel runs outside Node and may not import the Node builtin path",
    ]);
    expect(await roomProblems("src/cli/planted.ts", `import * as path from "path";\nexport const j = path.join;`)).toEqual([]);
  });

  it("allow what docs/architecture.md allows", async () => {
    const allowed: [string, string][] = [
      ["src/core/rules/planted.ts", "../sheet"],
      ["src/excel/planted.ts", "../host/runtimeState"],
      ["src/functions/planted.ts", "../host/runtimeState"],
      ["src/wps/planted.ts", "../host/runtimeState"],
      ["src/taskpane/planted.ts", "../excel/port"],
      ["src/taskpane/planted.ts", "../wps/port"],
      ["src/host/planted.ts", "../core/settings"],
      ["src/cli/planted.ts", "../core/check"],
    ];
    for (const [file, target] of allowed) expect([file, target, await roomProblems(file, `import { x } from "${target}";\nexport const y = x;`)]).toEqual([file, target, []]);
  });

  it("name a room the map does not know", async () => {
    expect(await roomProblems("src/server/planted.ts", `export const y = 1;`)).toEqual([]);
    expect(await roomProblems("src/server/planted.ts", `import { x } from "../core/sheet";\nexport const y = x;`)).toEqual([
      expect.stringContaining("src/server is no room"),
    ]);
  });
});
