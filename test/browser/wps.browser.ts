/**
 * The WPS add-in's production build in a real browser (Debian's Chromium, through playwright-core),
 * over the WPS fake (test/wps/fakeWps.ts, bundled into an init script as window.Application) whose
 * workbook is the sample ledger: the task pane checks the ledger, lists its findings, jumps to a
 * cell, highlights (and re-checks after an edit) and clears; the main page gives the ribbon its
 * callbacks, opens the pane from a button and registers the six ZS functions, which answer. Any
 * Content-Security-Policy violation, console error, page error or request to anywhere but this
 * server fails it. A screenshot of the highlighted pane goes to a temporary folder, and to
 * assets/screenshot-wps.png when ZSLEDGER_UPDATE_SCREENSHOTS=1. Exits 1 with one line per problem.
 *
 *   ZSLEDGER_CHROMIUM   browser executable (default /usr/bin/chromium)
 *   ZSLEDGER_SHOW=1     print what the page logs
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import * as ts from "typescript";
import { checkWorkbook } from "../../src/core/check";
import { SAMPLE_PLANTED, sampleWorkbook } from "../sample/sampleLedger";

const ROOT = path.join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ADDIN: string = require(path.join(ROOT, "webpack.wps.js")).ADDIN_OUTPUT;
const CHROMIUM = process.env.ZSLEDGER_CHROMIUM || "/usr/bin/chromium";
const STEP_TIMEOUT = 20_000;
const PROJECTS = "项目台账";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
};

/** The add-in folder on 127.0.0.1, nothing else. No CSP header: the pages' own meta tags are under test. */
function serve(root: string): Promise<{ server: http.Server; base: string }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root + path.sep)) return void res.writeHead(403).end();
    fs.readFile(file, (err, body) => {
      if (err) return void res.writeHead(404).end();
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }));
  });
}

/**
 * The fake and the sample ledger as one browser script: each module transpiled to CommonJS, its
 * relative requires pointed at the module's id, under a small module table. Defines __zsRequire.
 */
function bundle(entries: readonly string[]): string {
  const modules = new Map<string, string>();
  const visit = (file: string): void => {
    if (modules.has(file)) return;
    modules.set(file, "");
    const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    });
    const code = outputText.replace(/require\("(\.[^"]+)"\)/g, (_m, spec: string) => {
      const dep = path.resolve(path.dirname(file), spec) + ".ts";
      visit(dep);
      return `__zsRequire(${JSON.stringify(path.relative(ROOT, dep))})`;
    });
    if (/require\("[^.]/.test(code)) throw new Error(`${file}: the browser bundle takes relative imports only`);
    modules.set(file, code);
  };
  for (const e of entries) visit(e);
  const table = [...modules].map(([file, code]) => `${JSON.stringify(path.relative(ROOT, file))}: function (module, exports, __zsRequire) {\n${code}\n}`);
  return `(function () {
  var defs = {${table.join(",\n")}};
  var cache = {};
  function __zsRequire(id) {
    if (cache[id]) return cache[id].exports;
    var module = (cache[id] = { exports: {} });
    defs[id](module, module.exports, __zsRequire);
    return module.exports;
  }
  window.__zsRequire = __zsRequire;
})();`;
}

/** Run in the page before its scripts: WPS's window.Application over the sample, and wps.AddCustomFunction. */
const SETUP = `
(function () {
  var fake = __zsRequire("test/wps/fakeWps.ts").FakeWps.fromSheets(__zsRequire("test/sample/sampleLedger.ts").sampleSheets());
  var functions = {};
  window.__ZS_WPS__ = {
    fake: fake,
    functions: functions,
    ours: function (sheet) { return fake.sheet(sheet).cfs.filter(function (cf) { return cf.formula.indexOf("zsledger-mark:") >= 0; }).length; },
    subscribers: function () { return (fake.listeners.get("SheetChange") || []).length; },
    reads: function () { return fake.calls.filter(function (c) { return c === "Worksheet.UsedRange"; }).length; },
    added: function () { return fake.calls.filter(function (c) { return c === "FormatConditions.Add"; }).length; },
    names: function () { return (fake.state.names || []).map(function (n) { return n.name; }); },
  };
  window.Application = fake.application();
  window.wps = { AddCustomFunction: function (ns, name, fn) { functions[ns + "." + name] = fn; } };
  window.__zsViolations = [];
  document.addEventListener("securitypolicyviolation", function (e) {
    window.__zsViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "(inline)"));
  });
})();`;

interface WpsWindow {
  __ZS_WPS__: {
    fake: {
      state: { activeSheet: string; sheets: { name: string; selection: string }[] };
      taskPanes: { url: string; visible: boolean }[];
      dialogs: string[];
      application(): { ActiveWorkbook: { Worksheets: { Item(n: string): { UsedRange: unknown } } } };
    };
    functions: Record<string, (...args: unknown[]) => unknown>;
    ours(sheet: string): number;
    subscribers(): number;
    reads(): number;
    added(): number;
    names(): string[];
  };
  __zsViolations: string[];
  __zsInline?: boolean;
  ribbon: { OnAction(control: { Id: string }): boolean };
}

class Failure extends Error {}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failure(message);
}

/** While true, the policy probe's own refusal in the console is expected. */
const probing = { now: false };

async function openPage(browser: Browser, base: string, page: string, script: string, problems: string[]): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, locale: "zh-CN" });
  const p = await context.newPage();
  p.setDefaultTimeout(STEP_TIMEOUT);
  await p.addInitScript(script);
  await p.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    problems.push(`request to a network address other than this server: ${url}`);
    return route.abort();
  });
  p.on("pageerror", (e) => problems.push(`page error (${page}): ${e.message}`));
  p.on("console", (msg) => {
    if (process.env.ZSLEDGER_SHOW) console.log(`  [${page} ${msg.type()}] ${msg.text()}`);
    if (msg.type() === "error" && !probing.now) problems.push(`console error (${page}): ${msg.text()}`);
  });
  p.on("requestfailed", (r) => {
    if (r.url().startsWith(base)) problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`);
  });
  await p.goto(`${base}${page}`);
  return { page: p, close: () => context.close() };
}

async function paneSteps(browser: Browser, base: string, script: string, problems: string[], shots: string): Promise<string> {
  const expected = checkWorkbook(sampleWorkbook("office"));
  const errors = expected.findings.filter((f) => f.severity === "error").length;
  const { page, close } = await openPage(browser, base, "taskpane.html", script, problems);
  const w = () => page.evaluate(() => {
    const z = (window as unknown as WpsWindow).__ZS_WPS__;
    const projects = z.fake.state.sheets.find((s) => s.name === "项目台账")!;
    return { ours: z.ours("项目台账"), subscribers: z.subscribers(), reads: z.reads(), added: z.added(), names: z.names(), active: z.fake.state.activeSheet, selection: projects.selection };
  });

  await page.getByRole("button", { name: "检查台账" }).click();
  await page.getByText(`错误 ${errors} 个，警告 ${expected.findings.length - errors} 个`, { exact: true }).waitFor();
  await page.getByText("统计截止日 2022-09-30", { exact: true }).waitFor();
  const rows = page.getByRole("region", { name: PROJECTS }).getByRole("listitem");
  expect((await rows.count()) === SAMPLE_PLANTED.length, `expected ${SAMPLE_PLANTED.length} findings listed, saw ${await rows.count()}`);
  for (const p of SAMPLE_PLANTED) {
    expect((await page.getByRole("button", { name: new RegExp(`^${p.cell} `) }).count()) >= 1, `no finding listed at ${p.cell} (${p.rule})`);
  }

  await page.getByRole("button", { name: /^J9 / }).click();
  await page.waitForFunction(() => (window as unknown as WpsWindow).__ZS_WPS__.fake.state.sheets.find((s) => s.name === "项目台账")!.selection === "J9");
  let state = await w();
  expect(state.active === PROJECTS, `clicking J9 left ${state.active} active`);

  await page.getByRole("button", { name: "标记", exact: true }).click();
  await page.getByText("已标记：修改单元格后会自动重新检查并更新标记。", { exact: true }).waitFor();
  state = await w();
  expect(state.ours > 0, "标记 added no conditional format of ours");
  expect(state.subscribers === 1, `highlight should follow edits (SheetChange listeners: ${state.subscribers})`);
  expect(JSON.stringify(state.names) === '["zsledger_asof"]', `highlight should set the as-of name, names: ${JSON.stringify(state.names)}`);
  // An edit: WPS's SheetChange, then (after the debounce) a re-check; an edit that changes no mark writes none.
  const readsBefore = state.reads;
  const addedBefore = state.added;
  await page.evaluate(() => (window as unknown as { __ZS_WPS__: { fake: { fireSheetChange(s: string, a: string): void } } }).__ZS_WPS__.fake.fireSheetChange("项目台账", "F9"));
  await page.waitForFunction((n) => (window as unknown as WpsWindow).__ZS_WPS__.reads() > n, readsBefore);
  await page.waitForFunction(() => !document.querySelector("button[disabled]"));
  state = await w();
  expect(state.ours > 0, "the re-check after an edit left no mark");
  expect(state.added === addedBefore, `the re-check after an edit that changes nothing added ${state.added - addedBefore} formats`);

  await page.mouse.move(0, 0);
  const shot = path.join(shots, "screenshot-wps.png");
  await page.screenshot({ path: shot });

  await page.getByRole("button", { name: "清除标记" }).click();
  await page.waitForFunction(() => (window as unknown as WpsWindow).__ZS_WPS__.ours("项目台账") === 0);
  state = await w();
  expect(state.subscribers === 0, "after clear the pane still follows edits");
  expect(state.names.length === 0, `clear left the names ${JSON.stringify(state.names)}`);

  // The policy is in force: an inline script is refused.
  probing.now = true;
  const inlineRan = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__zsInline = true";
    document.head.appendChild(s);
    await new Promise((r) => setTimeout(r, 100));
    const w = window as unknown as WpsWindow;
    const probe = w.__zsViolations.filter((v) => v.startsWith("script-src"));
    w.__zsViolations = w.__zsViolations.filter((v) => !v.startsWith("script-src"));
    return { ran: w.__zsInline === true, refused: probe.length };
  });
  await page.waitForTimeout(100); // the refusal's console message arrives while still probing
  probing.now = false;
  expect(!inlineRan.ran && inlineRan.refused > 0, "the pane's Content-Security-Policy let an inline script run");
  for (const v of await page.evaluate(() => (window as unknown as WpsWindow).__zsViolations)) problems.push(`CSP violation (pane): ${v}`);
  await close();

  // A ribbon button opens the pane on its tab and presses the pane's button.
  const targets = await openPage(browser, base, "taskpane.html?tab=targets&action=check", script, problems);
  await targets.page.getByText("得分", { exact: true }).waitFor();
  expect((await targets.page.getByTestId("score").textContent()) === String(expected.score), "the pane's SCORE differs from the core's");
  await targets.close();
  return shot;
}

async function mainPageSteps(browser: Browser, base: string, script: string, problems: string[]): Promise<void> {
  const { page, close } = await openPage(browser, base, "index.html", script, problems);
  await page.waitForFunction(() => typeof (window as unknown as WpsWindow).ribbon?.OnAction === "function");
  const result = await page.evaluate(() => {
    const w = window as unknown as WpsWindow;
    const z = w.__ZS_WPS__;
    w.ribbon.OnAction({ Id: "btnHighlight" });
    w.ribbon.OnAction({ Id: "btnSettings" });
    w.ribbon.OnAction({ Id: "btnHelp" });
    const range = z.fake.application().ActiveWorkbook.Worksheets.Item("项目台账").UsedRange;
    return {
      registered: Object.keys(z.functions).sort(),
      panes: z.fake.taskPanes.map((p) => ({ url: p.url, visible: p.visible })),
      dialogs: z.fake.dialogs,
      score: z.functions["ZS.SCORE"](range, 44834),
      met: z.functions["ZS.TARGETMET"]("新开工", range, "街道", 44834),
    };
  });
  expect(result.registered.join() === "ZS.AMOUNT,ZS.PENALTY,ZS.SCORE,ZS.STARTSTATUS,ZS.TARGETGAP,ZS.TARGETMET", `registered ${result.registered.join()}`);
  expect(result.panes.length === 1 && result.panes[0].visible, `the ribbon opened ${result.panes.length} panes`);
  expect(/\/taskpane\.html\?tab=settings&/.test(result.panes[0].url), `the second button navigated the pane to ${result.panes[0]?.url}`);
  expect(result.dialogs.length === 1 && result.dialogs[0].endsWith("/help.html"), `帮助 opened ${result.dialogs.join()}`);
  expect(result.score === 6 && result.met === true, `ZS.SCORE gave ${result.score}, ZS.TARGETMET ${result.met}`);
  for (const v of await page.evaluate(() => (window as unknown as WpsWindow).__zsViolations)) problems.push(`CSP violation (main page): ${v}`);
  await close();
}

async function main(): Promise<number> {
  const problems: string[] = [];
  if (!fs.existsSync(path.join(ADDIN, "taskpane.html"))) {
    console.error(`test:browser (WPS): no build in ${path.relative(ROOT, ADDIN)}; run "npm run build:wps" first.`);
    return 1;
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`test:browser (WPS): no browser at ${CHROMIUM}; install it with "apt-get install -y chromium fonts-wqy-microhei" or set ZSLEDGER_CHROMIUM.`);
    return 1;
  }
  const script = `${bundle([path.join(ROOT, "test/wps/fakeWps.ts"), path.join(ROOT, "test/sample/sampleLedger.ts")])}\n${SETUP}`;
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-wps-"));
  const { server, base } = await serve(ADDIN);
  let browser: Browser | null = null;
  let shot = "";
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    shot = await paneSteps(browser, base, script, problems, shots);
    await mainPageSteps(browser, base, script, problems);
  } catch (e) {
    problems.push(e instanceof Failure ? e.message : `the run stopped: ${(e as Error).message.split("\n")[0]}`);
  } finally {
    await browser?.close();
    server.close();
  }
  if (problems.length > 0) {
    console.error(`test:browser (WPS) FAILED (${problems.length}):`);
    for (const p of problems) console.error(`  - ${p}`);
    return 1;
  }
  if (process.env.ZSLEDGER_UPDATE_SCREENSHOTS === "1") fs.copyFileSync(shot, path.join(ROOT, "assets", "screenshot-wps.png"));
  console.log(
    `test:browser (WPS) passed: ${SAMPLE_PLANTED.length} findings listed and navigable, highlight, re-check after an edit and clear over the WPS fake; ribbon callbacks, pane from a button, six ZS functions registered and answering; no CSP violation; screenshot ${process.env.ZSLEDGER_UPDATE_SCREENSHOTS === "1" ? "in assets/screenshot-wps.png" : `in ${shot}`}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`test:browser (WPS) FAILED: ${(e as Error).message}`);
    process.exit(1);
  },
);
