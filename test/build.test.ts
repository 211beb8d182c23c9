/**
 * The production web build as Excel will fetch it: the function metadata the plugin generated from
 * functions.ts, its zh-CN twin, the manifest with production URLs only, the page that hosts the
 * shared runtime, the help page, the pane's initial JavaScript budget, and the ECMAScript edition
 * every shipped script parses at. The build runs once (about a minute, `--env test`) unless
 * dist/addin already holds a production build newer than every input.
 */
import * as acorn from "acorn";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import { createRequire } from "module";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { ARGUMENT_LABELS } from "../src/functions/messages";
import { helpPageSuite } from "./docs/helpPageSuite";

const ROOT = path.join(__dirname, "..");
const load = createRequire(__filename);
type ConfigFactory = ((env: Record<string, unknown>, argv: { mode?: string }) => Record<string, unknown>) & {
  OUTPUT_DIR: string;
  DEV_BASE_URL: string;
  SHIPPED_ECMA_VERSION: number;
};
const webpackConfig = load("../webpack.config.js") as ConfigFactory;
const OUT = webpackConfig.OUTPUT_DIR;
const BUILD_TIMEOUT = 300_000;
const WEBPACK_CLI = load.resolve("webpack-cli/bin/cli.js");

const read = (file: string) => fs.readFileSync(path.join(OUT, file), "utf8");

function newestInput(): number {
  let newest = 0;
  const visit = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const f of fs.readdirSync(p)) visit(path.join(p, f));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of ["src", "assets", "docs", "manifest.xml", "webpack.config.js", "scripts/helpPage.js", "package.json"]) visit(path.join(ROOT, p));
  return newest;
}

/** A production build of the current sources (not a dev or intranet one) in dist/addin. */
function ensureProductionBuild(): void {
  const page = path.join(OUT, "taskpane.html");
  const fresh =
    fs.existsSync(page) &&
    fs.statSync(page).mtimeMs > newestInput() &&
    !fs.existsSync(path.join(OUT, "office-js")) &&
    !read("manifest.xml").includes(webpackConfig.DEV_BASE_URL);
  if (fresh) return;
  execFileSync(process.execPath, [WEBPACK_CLI, "--mode", "production", "--env", "test"], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, ZSLEDGER_SELF_HOST_OFFICE_JS: "" },
  });
}

beforeAll(ensureProductionBuild, BUILD_TIMEOUT);

interface Parameter {
  name: string;
  description: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { type: string };
}

/** The six functions as issue 3 defines them: required arguments first, then the optional ones. */
const EXPECTED = [
  { id: "TARGETMET", result: "boolean", required: ["target", "table"], optional: ["unitKind", "asOf", "unit", "fairStartDeadline"] },
  { id: "TARGETGAP", result: "number", required: ["target", "table"], optional: ["unitKind", "asOf", "unit", "fairStartDeadline"] },
  { id: "PENALTY", result: "number", required: ["table"], optional: ["unitKind", "asOf", "unit", "projectPoints", "tripPoints"] },
  { id: "SCORE", result: "number", required: ["table"], optional: ["asOf", "unit", "projectPoints", "fairBonus"] },
  { id: "STARTSTATUS", result: "string", required: ["stage", "plannedStart", "actualStart"], optional: ["asOf", "soonDays"] },
  { id: "AMOUNT", result: "number", required: ["value"], optional: ["unit"] },
];

describe("functions.json, generated from the JSDoc of functions.ts", () => {
  const functions = () => (JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] }).functions;

  test("holds the six functions with their ids, arguments and result types", () => {
    expect(functions().map((f) => f.id)).toEqual(EXPECTED.map((e) => e.id));
    for (const e of EXPECTED) {
      const f = functions().find((x) => x.id === e.id)!;
      expect(f.name).toBe(e.id);
      expect(f.result.type).toBe(e.result);
      expect(f.parameters.map((p) => p.name)).toEqual([...e.required, ...e.optional]);
      expect(f.parameters.filter((p) => p.optional).map((p) => p.name)).toEqual(e.optional);
      expect(f.description.length).toBeGreaterThan(20);
    }
  });

  test("takes the table as a matrix, everything else as a single value", () => {
    for (const f of functions()) {
      for (const p of f.parameters) expect([f.id, p.name, p.dimensionality ?? "scalar"]).toEqual([f.id, p.name, p.name === "table" ? "matrix" : "scalar"]);
    }
    expect(functions().filter((f) => f.parameters.some((p) => p.name === "table"))).toHaveLength(4);
  });
});

describe("functions.zh-cn.json, the Chinese metadata", () => {
  const english = () => (JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] }).functions;
  const chinese = () => (JSON.parse(read("functions.zh-cn.json")) as { functions: FunctionMetadata[] }).functions;
  const CJK = /[\u4e00-\u9fff]/;

  test("is the source file, shipped as is", () => {
    expect(read("functions.zh-cn.json")).toBe(fs.readFileSync(path.join(ROOT, "src/functions/functions.zh-cn.json"), "utf8"));
  });

  test("describes the same functions and arguments in Chinese", () => {
    const zh = chinese();
    expect(zh.map((f) => [f.id, f.name])).toEqual(english().map((f) => [f.id, f.name]));
    for (const en of english()) {
      const f = zh.find((x) => x.id === en.id)!;
      expect(f.description).toMatch(CJK);
      expect(f.result).toEqual(en.result);
      expect(f.parameters).toHaveLength(en.parameters.length);
      en.parameters.forEach((p, i) => {
        const q = f.parameters[i];
        expect({ type: q.type, dimensionality: q.dimensionality, optional: q.optional }).toEqual({
          type: p.type,
          dimensionality: p.dimensionality,
          optional: p.optional,
        });
        expect(q.description).toMatch(CJK);
        // The argument's Chinese name is the one the functions' error messages use.
        const label = en.id === "AMOUNT" && p.name === "unit" ? "金额单位" : ARGUMENT_LABELS[p.name as keyof typeof ARGUMENT_LABELS].zh;
        expect([en.id, q.name]).toEqual([en.id, label]);
      });
    }
  });
});

describe("the production manifest", () => {
  const manifest = () => read("manifest.xml");
  const urlsOf = (xml: string) => [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)].map((m) => m[1]);

  test("names no localhost, and only HTTPS URLs under one base", () => {
    const xml = manifest();
    expect(xml).not.toMatch(/localhost/i);
    const urls = urlsOf(xml);
    expect(urls.length).toBeGreaterThan(8);
    const base = new URL(urls[0]).origin;
    for (const url of urls) {
      expect(url.startsWith("https://")).toBe(true);
      expect(new URL(url).origin).toBe(base);
    }
  });

  test("every file it names was built", () => {
    const xml = manifest();
    const taskpane = urlsOf(xml).find((u) => u.endsWith("/taskpane.html"))!;
    const base = taskpane.slice(0, -"taskpane.html".length);
    for (const url of urlsOf(xml)) expect(fs.existsSync(path.join(OUT, url.slice(base.length)))).toBe(true);
  });
});

describe("taskpane.html, the page of the shared runtime", () => {
  const scripts = () => [...read("taskpane.html").matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
  /** The page's own scripts (all but office.js), as files. */
  const ownScripts = () => scripts()
    .filter((s) => !/^https?:/.test(s))
    .map((s) => s.replace(/\?.*$/, ""));

  test("loads its watchdog first, office.js from its CDN next, then both the pane's and the functions' chunks", () => {
    const [boot, office, ...bundles] = scripts();
    // The watchdog must not wait for office.js: a blocking script that never arrives would hold it up too.
    expect(boot).toMatch(/^boot\.js\?[0-9a-f]{8}$/);
    expect(office).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const files = bundles.map((s) => s.replace(/\?.*$/, ""));
    expect(files).toEqual(expect.arrayContaining(["runtime.js", "taskpane.js", "functions.js"]));
    for (const f of ["boot.js", ...files]) expect(fs.existsSync(path.join(OUT, f))).toBe(true);
  });

  test("keeps the pane's initial JavaScript within 150 KB gzipped", () => {
    const files = ownScripts();
    expect(files[0]).toBe("boot.js");
    const gzipped = files.map((f) => zlib.gzipSync(fs.readFileSync(path.join(OUT, f)), { level: 9 }).length);
    const total = gzipped.reduce((a, b) => a + b, 0);
    console.log(`initial JS: ${files.map((f, i) => `${f} ${(gzipped[i] / 1024).toFixed(1)} KB`).join(", ")}; total ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThanOrEqual(150 * 1024);
  });

  test("needs no eval: the page's Content-Security-Policy forbids it", () => {
    for (const f of fs.readdirSync(OUT).filter((f) => f.endsWith(".js"))) {
      const code = read(f);
      expect([f, /\beval\(|new Function\(/.test(code)]).toEqual([f, false]);
    }
  });
});

describe("every script shipped parses where the pane claims to run", () => {
  const ECMA = webpackConfig.SHIPPED_ECMA_VERSION;
  type Edition = acorn.Options["ecmaVersion"];
  /** Why `code` does not parse at `ecmaVersion`, or null when it does. */
  const parseError = (code: string, ecmaVersion: Edition, sourceType: "script" | "module" = "script") => {
    try {
      acorn.parse(code, { ecmaVersion, sourceType });
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  };
  const jsBelow = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      // office.js of the intranet build is Microsoft's, loaded as published.
      if (e.isDirectory()) return e.name === "office-js" ? [] : jsBelow(p);
      return /\.m?js$/.test(e.name) ? [p] : [];
    });

  test("the stated target is the README's ES2020", () => {
    expect(ECMA).toBe(2020);
    expect(fs.readFileSync(path.join(ROOT, "README.md"), "utf8")).toContain("ES2020");
  });

  test(`every emitted chunk, the vendor chunk included, parses as ES${ECMA}`, () => {
    const chunks = jsBelow(OUT);
    // The entries, the vendor chunk and the lazy chunks (the engine, the tabs, the functions' formulas).
    expect(chunks.length).toBeGreaterThan(8);
    const failures = chunks.map((f) => [path.relative(OUT, f), parseError(fs.readFileSync(f, "utf8"), ECMA as Edition)]).filter(([, e]) => e !== null);
    expect(failures).toEqual([]);
  });

  test("the watchdog parses as ES5, so that even a webview that parses nothing newer shows its message", () => {
    expect(parseError(read("boot.js"), 5)).toBeNull();
    // The check is not a formality: the same parser refuses what ES5 lacks.
    expect(parseError("let a = () => 1;", 5)).not.toBeNull();
  });

  test("what the dependencies ship untranspiled (tabster's class static blocks, ??=) is refused at that edition", () => {
    // So a vendor chunk bundled without the transpile step fails the test above.
    const tabster = path.dirname(load.resolve("tabster/package.json"));
    const sources = jsBelow(path.join(tabster, "dist", "esm")).map((f) => fs.readFileSync(f, "utf8"));
    const refused = sources.filter((code) => parseError(code, ECMA as Edition, "module") !== null);
    expect(refused.length).toBeGreaterThan(0);
    for (const code of refused) expect(parseError(code, 2022, "module")).toBeNull();
    expect(parseError("class A { static { this.x ??= 1; } }", ECMA as Edition)).not.toBeNull();
  });
});

describe("help.html, the page the manifest names for support: the user guide", () => {
  helpPageSuite(() => read("help.html"), OUT);
});

describe("a production build without a base URL", () => {
  const build = (baseUrl: string | undefined) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ZSLEDGER_SELF_HOST_OFFICE_JS: "" };
    delete env.ZSLEDGER_BASE_URL;
    if (baseUrl !== undefined) env.ZSLEDGER_BASE_URL = baseUrl;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-nobase-"));
    const run = spawnSync(process.execPath, [WEBPACK_CLI, "--mode", "production", "--output-path", out], { cwd: ROOT, env, encoding: "utf8" });
    const written = fs.readdirSync(out);
    fs.rmSync(out, { recursive: true, force: true });
    return { status: run.status, lines: `${run.stdout}${run.stderr}`.split("\n").filter((l) => l.trim()), written };
  };

  test("stops, writes nothing and says in one line what to set, Chinese first", () => {
    const { status, lines, written } = build(undefined);
    expect(status).not.toBe(0);
    expect(written).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/请设置 ZSLEDGER_BASE_URL.*Build stopped: set ZSLEDGER_BASE_URL/);
  });

  test("refuses an http address the same way", () => {
    const { status, lines } = build("http://oa.example.gov.cn/zsledger/");
    expect(status).not.toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/https:\/\/.*must be an https:\/\/ URL/);
  });
});

test(
  "the intranet build serves office.js itself, and the page loads it from there",
  async () => {
    const webpack = load("webpack") as (config: object, callback: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: string): string }) => void) => void;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-intranet-"));
    const entry = path.join(out, "entry.js");
    fs.writeFileSync(entry, "export const page = 1;\n");
    // The real configuration, with one-line entries so that only what the intranet variant changes is built.
    const real = webpackConfig({ intranet: true, test: true }, { mode: "production" });
    const config = { ...real, entry: { taskpane: entry, functions: entry }, output: { ...(real.output as object), path: path.join(out, "dist") } };
    const stats = await new Promise<{ hasErrors(): boolean; toString(o: string): string }>((resolve, reject) =>
      webpack(config, (err, s) => (err ? reject(err) : resolve(s!))),
    );
    expect(stats.hasErrors() ? stats.toString("errors-only") : "").toBe("");
    const dist = path.join(out, "dist");
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    expect(html).not.toContain("appsforoffice.microsoft.com/lib");
    expect(html).toMatch(/<script src="?office-js\/office\.js"?>/);
    for (const f of ["office.js", "excel-win32-16.01.js", "excel-web-16.00.js", "custom-functions-runtime.js", "zh-cn/office_strings.js"]) {
      expect([f, fs.existsSync(path.join(dist, "office-js", f))]).toEqual([f, true]);
    }
    for (const f of ["office.debug.js", "word-win32-16.01.js", "outlook-web-16.01.js"]) {
      expect([f, fs.existsSync(path.join(dist, "office-js", f))]).toEqual([f, false]);
    }
    fs.rmSync(out, { recursive: true, force: true });
  },
  BUILD_TIMEOUT,
);
