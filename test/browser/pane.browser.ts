/**
 * npm run test:browser — the production build of the pane in a real browser (Debian's Chromium,
 * through playwright-core), with office.js answered by a stub whose workbook is the sample ledger.
 * It checks the ledger, sees every planted problem, clicks one and finds its cell selected in the
 * workbook, highlights and clears, opens the targets and the settings, and takes screenshots. Any
 * Content-Security-Policy violation, console error, page error or request to anywhere but this
 * server fails it; so does a page whose policy would let inline script or eval run. It also opens
 * the settings in a 320-px pane (nothing may stick out sideways) and checks that a pane whose
 * scripts never start (blocked, unparsable, office.js hanging) replaces "正在加载…" with what to do.
 * Exits 1 with one line per problem.
 *
 * Screenshots go to a temporary folder, so a test run leaves the work tree as it was; with
 * ZSLEDGER_UPDATE_SCREENSHOTS=1 they replace the README's pictures in assets/.
 *
 *   ZSLEDGER_CHROMIUM                browser executable (default /usr/bin/chromium)
 *   ZSLEDGER_SHOW=1                  print what the page logs
 *   ZSLEDGER_UPDATE_SCREENSHOTS=1    write the screenshots to assets/
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { checkWorkbook } from "../../src/core/check";
import type { CheckResult } from "../../src/core/result";
import { areaAddress } from "../../src/core/sheet";
import { officeGrid, SAMPLE_NAME, SAMPLE_PLANTED, sampleSheets, sampleWorkbook } from "../sample/sampleLedger";

const ROOT = path.join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OUT: string = require(path.join(ROOT, "webpack.config.js")).OUTPUT_DIR;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHROMIUM = process.env.ZSLEDGER_CHROMIUM || "/usr/bin/chromium";
const STUB = fs.readFileSync(path.join(__dirname, "officeStub.js"), "utf8");
const STEP_TIMEOUT = 20_000;
const PROJECTS = "项目台账";
/** Screenshots no README shows, and the README's too unless they are to be updated. */
const TEMPORARY_SHOTS = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-screenshots-"));
/** Where the README's screenshots go: assets/ only when asked, so a test run leaves the tree as it was. */
const SCREENSHOTS = process.env.ZSLEDGER_UPDATE_SCREENSHOTS === "1" ? path.join(ROOT, "assets") : TEMPORARY_SHOTS;
/** The narrowest task pane Office shows (Excel's default is wider; a user can drag it to this). */
const NARROW_PANE = 320;
/** A little more than boot.js waits before it speaks (GRACE_MS). */
const BOOT_GRACE_MS = 6_500;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
};

/** The build's files on 127.0.0.1, nothing else. No CSP header: the page's own meta tag is under test. */
function serve(root: string): Promise<{ server: http.Server; base: string }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    if (pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const file = path.join(root, path.normalize(pathname === "/" ? "/taskpane.html" : pathname));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }));
  });
}

/** The sample as the stub's workbook: Office.js values (serial dates, "" for blanks) and merged areas. */
function stubWorkbook(displayLanguage: string) {
  return {
    name: SAMPLE_NAME,
    displayLanguage,
    sheets: sampleSheets().map((s) => ({ name: s.name, values: officeGrid(s.grid), merges: s.merges.map(areaAddress) })),
  };
}

interface StubLog {
  runs: number;
  selections: { sheet: string; address: string }[];
  activated: string[];
  associated: string[];
  changeHandlers: unknown[];
  names: { name: string; formula: string }[];
  /** The workbook's sheets as the stub holds them: values (formulas as their text). */
  sheets: { name: string; values: unknown[][] }[];
  added: number;
  formulasOf(sheet: string): string[];
  fireChanged(sheet: string, address: string): void;
}

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
}

type PaneWindow = Window & { __ZS_EXCEL__: StubLog; __zsViolations: Violation[]; __zsInline?: boolean };

class Failure extends Error {}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failure(message);
}

/** A page with the stub and every watcher attached; `problems` collects what must not happen. */
async function openPane(browser: Browser, base: string, displayLanguage: string, problems: string[], width = 360) {
  const context = await browser.newContext({ viewport: { width, height: 780 }, deviceScaleFactor: 2, locale: displayLanguage });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const state = { probing: false };

  await page.addInitScript((workbook) => {
    (window as unknown as { __ZS_WORKBOOK__: unknown }).__ZS_WORKBOOK__ = workbook;
    const w = window as unknown as PaneWindow;
    w.__zsViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__zsViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber });
    });
  }, stubWorkbook(displayLanguage));

  await page.route("**/*", (route) => {
    const url = route.request().url();
    // The intranet build loads office.js from beside the page; the stub answers there too.
    if (url === OFFICE_JS_CDN || (url.startsWith(base) && url.endsWith("/office-js/office.js"))) {
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: STUB });
    }
    if (url === `${base}${PROBE_PATH}`) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: PROBE_SCRIPT });
    if (url.startsWith(base)) return route.continue();
    problems.push(`request to a network address other than this server: ${url}`);
    return route.abort();
  });

  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (msg) => {
    if (process.env.ZSLEDGER_SHOW) console.log(`  [page ${msg.type()}] ${msg.text()}`);
    if (state.probing) return; // the policy probe's own refusals are expected
    const text = msg.text();
    if (/Content.Security.Policy/i.test(text)) problems.push(`CSP error in the console: ${text}`);
    else if (msg.type() === "error") problems.push(`console error: ${text}`);
  });
  page.on("requestfailed", (r) => {
    if (r.url().startsWith(base)) problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`);
  });

  await page.goto(`${base}taskpane.html`);
  return { page, context, state };
}

async function stubLog(page: Page) {
  return page.evaluate(() => {
    const log = (window as unknown as PaneWindow).__ZS_EXCEL__;
    return {
      runs: log.runs,
      selections: log.selections,
      activated: log.activated,
      associated: log.associated,
      subscribers: log.changeHandlers.length,
      projectFormulas: log.formulasOf("项目台账"),
      names: log.names.map((n) => n.name),
      added: log.added,
    };
  });
}

async function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as PaneWindow).__zsViolations);
}

/** Served from this server by the probe: the page's own script (allowed as 'self') that tries eval. */
const PROBE_PATH = "__zs_policy_probe.js";
const PROBE_SCRIPT = `try { (0, eval)("1 + 1"); window.__zsEval = "ran"; } catch (e) { window.__zsEval = "refused"; }`;

/**
 * Proves the policy is in force: an inline script and eval in a script of the page must both be
 * refused. Without the meta tag, or with 'unsafe-inline' or 'unsafe-eval' for scripts, this fails
 * the run. (Code that Playwright evaluates is exempt from the policy, so the eval attempt comes from
 * a script the page loads.)
 */
async function probePolicy(page: Page, state: { probing: boolean }): Promise<void> {
  state.probing = true;
  const probe = await page.evaluate(async (src) => {
    const w = window as unknown as PaneWindow & { __zsEval?: string };
    const before = w.__zsViolations.length;
    const inline = document.createElement("script");
    inline.textContent = "window.__zsInline = true";
    document.head.appendChild(inline);
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`the probe script ${src} did not load`));
      document.head.appendChild(script);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const own = w.__zsViolations.splice(before); // the probe's refusals are not the pane's violations
    return { inlineRan: w.__zsInline === true, evalResult: w.__zsEval ?? "not attempted", directives: own.map((v) => v.directive) };
  }, PROBE_PATH);
  await page.waitForTimeout(100); // let the refusals' console messages arrive while still probing
  state.probing = false;
  expect(!probe.inlineRan, "the page's Content-Security-Policy let an inline script run");
  expect(probe.evalResult === "refused", `the page's Content-Security-Policy did not refuse eval (eval ${probe.evalResult})`);
  expect(probe.directives.some((d) => d.startsWith("script-src")), `the probe saw no script-src violation (saw: ${probe.directives.join(", ") || "none"})`);
}

async function chinesePane(browser: Browser, base: string, expected: CheckResult, problems: string[]): Promise<void> {
  const { page, context, state } = await openPane(browser, base, "zh-CN", problems);
  const errors = expected.findings.filter((f) => f.severity === "error").length;
  const warnings = expected.findings.length - errors;

  await page.getByRole("button", { name: "检查台账" }).click();
  await page.getByText(`错误 ${errors} 个，警告 ${warnings} 个`, { exact: true }).waitFor();
  await page.getByText("统计截止日 2022-09-30", { exact: true }).waitFor();
  // Every planted problem is listed at its cell: the Office.js read gives what the core gives.
  const rows = page.getByRole("region", { name: PROJECTS }).getByRole("listitem");
  expect((await rows.count()) === SAMPLE_PLANTED.length, `expected ${SAMPLE_PLANTED.length} findings listed, saw ${await rows.count()}`);
  for (const p of SAMPLE_PLANTED) {
    expect((await page.getByRole("button", { name: new RegExp(`^${p.cell} `) }).count()) >= 1, `no finding listed at ${p.cell} (${p.rule})`);
  }

  await page.getByRole("button", { name: /^J9 / }).click();
  await page.waitForFunction(() => (window as unknown as PaneWindow).__ZS_EXCEL__.selections.length > 0);
  let log = await stubLog(page);
  expect(
    log.selections.length === 1 && log.selections[0].sheet === PROJECTS && log.selections[0].address === "J9" && log.activated.at(-1) === PROJECTS,
    `clicking the J9 finding selected ${JSON.stringify(log.selections)} (activated ${JSON.stringify(log.activated)})`,
  );
  expect(log.associated.length > 0, "the page registered no custom function (the shared runtime needs them here)");

  await page.getByRole("button", { name: "标记", exact: true }).click();
  await page.getByText("已标记：修改单元格后会自动重新检查并更新标记。", { exact: true }).waitFor();
  log = await stubLog(page);
  expect(log.projectFormulas.length > 0 && log.projectFormulas.every((f) => f.includes("zsledger-mark:")), `highlight left formats ${JSON.stringify(log.projectFormulas)}`);
  expect(log.subscribers === 1, `highlight should follow edits (subscribers: ${log.subscribers})`);
  expect(JSON.stringify(log.names) === '["zsledger_asof"]', `highlight should set the as-of name, names: ${JSON.stringify(log.names)}`);
  // An edit re-checks and re-highlights (after the port's debounce); an edit that changes no mark writes none.
  const runsBefore = log.runs;
  const addedBefore = log.added;
  await page.evaluate(() => (window as unknown as PaneWindow).__ZS_EXCEL__.fireChanged("项目台账", "F9"));
  // One Excel.run: the re-check and the new highlight go together (checkAndHighlight).
  await page.waitForFunction((n) => (window as unknown as PaneWindow).__ZS_EXCEL__.runs >= n + 1, runsBefore);
  await page.getByRole("button", { name: "检查台账" }).waitFor({ state: "visible" });
  await page.waitForFunction(() => !document.querySelector("button[disabled]"));
  log = await stubLog(page);
  expect(log.added === addedBefore, `the re-check after an edit that changes nothing added ${log.added - addedBefore} formats`);

  await page.mouse.move(0, 0); // no hover state in the picture
  await page.screenshot({ path: path.join(SCREENSHOTS, "screenshot-pane.png") });

  await page.getByRole("button", { name: "清除标记" }).click();
  await page.waitForFunction(() => (window as unknown as PaneWindow).__ZS_EXCEL__.formulasOf("项目台账").length === 0);
  log = await stubLog(page);
  expect(log.subscribers === 0, "after clear the pane still follows edits");
  expect(log.names.length === 0, `clear left the names ${JSON.stringify(log.names)}`);

  await page.getByRole("tab", { name: "目标进度" }).click();
  await page.getByText("得分", { exact: true }).waitFor();
  for (const [label, text] of [
    ["重点在谈", "3 / 4"],
    ["主要负责人外出", "2 / 3"],
    ["全年任务", "未评估"],
  ]) {
    const item = page.getByRole("listitem", { name: label, exact: true });
    expect((await item.textContent())?.includes(text), `target ${label} should show "${text}", shows "${await item.textContent()}"`);
  }
  expect((await page.getByTestId("score").textContent()) === String(expected.score), "the pane's SCORE differs from the core's");
  expect((await page.getByTestId("penalty").textContent()) === String(expected.penalty), "the pane's PENALTY differs from the core's");
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, "screenshot-targets.png") });

  await page.getByRole("tab", { name: "设置" }).click();
  const unitName = page.getByLabel("单位名称");
  await unitName.waitFor();
  expect((await unitName.inputValue()) === "财源街道", `settings show 单位名称 "${await unitName.inputValue()}"`);
  expect((await page.getByLabel("统计截止日").inputValue()) === "2022/09/30", `settings show 统计截止日 "${await page.getByLabel("统计截止日").inputValue()}", not 2022/09/30`);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, "screenshot-settings.png") });

  await verifyAndSummarize(page, expected);
  await probePolicy(page, state);
  const seen = await violations(page);
  for (const v of seen) problems.push(`CSP violation: ${v.directive} blocked ${v.blocked || "(inline)"} at ${v.source}:${v.line}`);
  await context.close();
}

/** 已核实 and 生成汇总表 through the built pane and the stub: what each writes into the workbook, and the picture of 已核实. */
async function verifyAndSummarize(page: Page, expected: CheckResult): Promise<void> {
  const reason = "土地指标待区政府批复，预计11月开工";
  await page.getByRole("tab", { name: "检查" }).click();
  const j9 = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: /^J9 / }) });
  await j9.getByRole("button", { name: "核实", exact: true }).click();
  const form = page.getByRole("form", { name: "核实 项目台账!J9 的问题" });
  await form.getByRole("textbox", { name: /核实理由/ }).fill(reason);
  await form.getByRole("textbox", { name: "核实人" }).fill("王敏");
  await form.getByRole("button", { name: "确定" }).click();
  // J9 is an error (overdue-start): one error fewer among the open ones, listed apart with its reason.
  await page.getByText(`错误 ${expected.errors - 1} 个，警告 ${expected.warnings} 个`, { exact: true }).waitFor();
  await page.getByRole("button", { name: /已核实 \(1\)/ }).click();
  await page.getByText(reason, { exact: false }).first().waitFor();
  const written = await page.evaluate(() => {
    const sheet = (window as unknown as PaneWindow).__ZS_EXCEL__.sheets.find((s) => s.name === "台账核实");
    return sheet ? sheet.values.map((row) => row.map(String)) : null;
  });
  expect(written !== null && written.length === 2, `核实 should write a header and one row into 台账核实, wrote ${JSON.stringify(written)}`);
  expect(written !== null && written[1].includes(reason) && written[1].includes("项目台账") && written[1].includes("王敏"), `the 台账核实 row lacks the reason, sheet or 核实人: ${JSON.stringify(written)}`);
  await page.mouse.move(0, 0);
  // the picture shows the 已核实 group, which ends the list: scrolled to the last groups of the list
  await page.getByRole("button", { name: /已核实 \(1\)/ }).evaluate((e) => e.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: path.join(SCREENSHOTS, "screenshot-verified.png") });

  await page.getByRole("tab", { name: "目标进度" }).click();
  await page.getByRole("button", { name: "生成汇总表" }).click();
  await page.getByText("已生成汇总表：工作表「汇总」。", { exact: true }).waitFor();
  const summary = await page.evaluate(() => {
    const log = (window as unknown as PaneWindow).__ZS_EXCEL__;
    const sheet = log.sheets.find((s) => s.name === "汇总");
    return { cells: sheet ? sheet.values.flat().map(String) : [], names: log.names.map((n) => n.name), formats: log.formulasOf("汇总").length };
  });
  const formulas = summary.cells.filter((c) => c.startsWith("=ZS."));
  expect(formulas.some((f) => f.startsWith("=ZS.SCORE('项目台账'!$A$1:")) && formulas.length >= 20, `生成汇总表 wrote ${formulas.length} ZS formulas: ${formulas.slice(0, 3).join(" ")}`);
  expect(summary.names.includes("zsledger_summary") && summary.formats > 0, `生成汇总表 left the names ${JSON.stringify(summary.names)} and ${summary.formats} formats`);
}

async function englishPane(browser: Browser, base: string, expected: CheckResult, problems: string[]): Promise<void> {
  const { page, context } = await openPane(browser, base, "en-US", problems);
  const errors = expected.findings.filter((f) => f.severity === "error").length;
  await page.getByRole("button", { name: "Check ledger" }).click();
  await page.getByText(`${errors} errors, ${expected.findings.length - errors} warnings`, { exact: true }).waitFor();
  await page.getByText("As of 2022-09-30", { exact: true }).waitFor();
  await page.getByRole("tab", { name: "Targets" }).click();
  await page.getByText("Penalty", { exact: true }).waitFor();
  for (const v of await violations(page)) problems.push(`CSP violation (en): ${v.directive} blocked ${v.blocked || "(inline)"}`);
  await context.close();
}

/**
 * The settings tab in a 320-px pane: the page must not scroll sideways, and no field, label or
 * button may reach past the pane's right edge (the 活动结束 field did, beside 活动开始).
 */
async function narrowSettings(browser: Browser, base: string, problems: string[]): Promise<void> {
  const { page, context } = await openPane(browser, base, "zh-CN", problems, NARROW_PANE);
  await page.getByRole("tab", { name: "设置" }).click();
  await page.getByLabel("活动结束").waitFor();
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const panel = document.querySelector("form")!;
    const sticking = [...panel.querySelectorAll("input, select, button, label")]
      .map((e) => ({ e, right: e.getBoundingClientRect().right }))
      .filter(({ right }) => right > width + 0.5)
      .map(({ e, right }) => `${e.tagName.toLowerCase()} "${(e as HTMLInputElement).labels?.[0]?.textContent ?? e.textContent ?? ""}" ends at ${Math.round(right)} px`);
    return { width, scrollWidth: document.documentElement.scrollWidth, sticking };
  });
  expect(overflow.width === NARROW_PANE, `the narrow pane is ${overflow.width} px wide, not ${NARROW_PANE}`);
  expect(overflow.scrollWidth <= overflow.width, `the settings tab scrolls sideways in a ${NARROW_PANE}-px pane (${overflow.scrollWidth} px wide)`);
  expect(overflow.sticking.length === 0, `in a ${NARROW_PANE}-px pane the settings stick out: ${overflow.sticking.join("; ")}`);
  await page.screenshot({ path: path.join(TEMPORARY_SHOTS, "settings-320px.png") });
  await context.close();
}

/** Waits, polling from Node in real time, until `condition` holds in the page. */
async function until(page: Page, condition: () => boolean, failure: string): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT;
  while (!(await page.evaluate(condition))) {
    if (Date.now() > deadline) throw new Failure(failure);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A pane whose scripts never start: boot.js must replace "正在加载…" with what went wrong and what
 * to do, Chinese first, without breaking the page's policy. Three ways it happens for users: the
 * app's entry chunk never arrives, the vendor chunk does not parse (an old Mac webview), and
 * office.js hangs (a network that swallows the request), which holds up the page itself.
 */
async function startupNotices(browser: Browser, base: string, problems: string[]): Promise<void> {
  const vendor = [...fs.readFileSync(path.join(OUT, "taskpane.html"), "utf8").matchAll(/<script[^>]*\ssrc="?([^"\s>?]+)/g)]
    .map((m) => m[1])
    .find((src) => !/^https?:|^(?:boot|runtime|taskpane|functions)\.js$/.test(src));
  expect(vendor !== undefined, "taskpane.html names no vendor chunk to make unparsable");
  const cases: { name: string; block(url: string): "abort" | "garble" | "hang" | null; expected: RegExp[] }[] = [
    { name: "the pane's chunk is blocked", block: (url) => (url.includes("/taskpane.js") ? "abort" : null), expected: [/招商台账助手没有启动/, /WebView2/, /The assistant did not start/] },
    { name: "the vendor chunk cannot be parsed", block: (url) => (url.includes(`/${vendor}`) ? "garble" : null), expected: [/浏览器内核过旧/, /Excel 网页版/, /zsledger 命令行/] },
    { name: "office.js never arrives", block: (url) => (url === OFFICE_JS_CDN ? "hang" : null), expected: [/无法加载 Office 的脚本库/, /office\.js\) could not be loaded/] },
  ];
  for (const c of cases) {
    const context = await browser.newContext({ viewport: { width: NARROW_PANE, height: 600 }, locale: "zh-CN" });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.clock.install();
    await page.addInitScript((workbook) => {
      (window as unknown as { __ZS_WORKBOOK__: unknown }).__ZS_WORKBOOK__ = workbook;
      const w = window as unknown as PaneWindow;
      w.__zsViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        w.__zsViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber });
      });
    }, stubWorkbook("zh-CN"));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      const how = c.block(url);
      if (how === "abort") return route.abort();
      if (how === "hang") return undefined; // never answered
      if (how === "garble") return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: "class Pane { static { this.ready ??= " });
      if (url === OFFICE_JS_CDN) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: STUB });
      if (url.startsWith(base)) return route.continue();
      problems.push(`startup (${c.name}): request to a network address other than this server: ${url}`);
      return route.abort();
    });
    // The page's clock is frozen until told: let what can arrive arrive (office.js; the page's other
    // scripts, or what stands for them), then let the grace time pass.
    // (Polled from here: the page's own polling runs on the timers the fake clock holds.)
    if (c.name.startsWith("office.js")) {
      await page.goto(`${base}taskpane.html`, { waitUntil: "commit" });
      // office.js's element exists only once the parser has run boot.js, the script before it.
      await until(page, () => document.scripts.length >= 2 && document.readyState === "loading", `startup (${c.name}): boot.js never ran`);
    } else {
      await page.goto(`${base}taskpane.html`, { waitUntil: "load" });
      await until(page, () => typeof (window as unknown as { Office?: unknown }).Office !== "undefined", `startup (${c.name}): office.js (the stub) never loaded`);
    }
    await page.clock.runFor(BOOT_GRACE_MS);
    const notice = page.getByRole("alert");
    await notice.waitFor().catch(() => {
      throw new Failure(`startup (${c.name}): no message replaced "正在加载…" ${BOOT_GRACE_MS / 1000} s after the page opened`);
    });
    const text = (await notice.textContent()) ?? "";
    for (const e of c.expected) expect(e.test(text), `startup (${c.name}): the notice does not say ${e}: "${text.slice(0, 120)}…"`);
    expect(text.search(/[\u4e00-\u9fff]/) < text.search(/[A-Za-z]{4}/), `startup (${c.name}): the notice is not Chinese first`);
    expect((await page.getByText("正在加载招商台账助手…").count()) === 0, `startup (${c.name}): "正在加载…" is still shown beside the notice`);
    for (const v of await violations(page)) problems.push(`startup (${c.name}): CSP violation: ${v.directive} blocked ${v.blocked || "(inline)"}`);
    await context.close();
  }
}

async function main(): Promise<number> {
  const problems: string[] = [];
  if (!fs.existsSync(path.join(OUT, "taskpane.html"))) {
    console.error(`test:browser: no build in ${path.relative(ROOT, OUT)}; run "npm run build:test" first.`);
    return 1;
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`test:browser: no browser at ${CHROMIUM}; install it with "apt-get install -y chromium fonts-wqy-microhei" or set ZSLEDGER_CHROMIUM.`);
    return 1;
  }
  const expected = checkWorkbook(sampleWorkbook("office"));
  const { server, base } = await serve(OUT);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const scenarios: [string, () => Promise<void>][] = [
      ["zh", () => chinesePane(browser!, base, expected, problems)],
      ["en", () => englishPane(browser!, base, expected, problems)],
      [`settings at ${NARROW_PANE} px`, () => narrowSettings(browser!, base, problems)],
      ["startup notice", () => startupNotices(browser!, base, problems)],
    ];
    // Each scenario in its own page: one that fails does not hide what the others would find.
    for (const [name, scenario] of scenarios) {
      try {
        await scenario();
      } catch (e) {
        problems.push(e instanceof Failure ? e.message : `${name}: the run stopped: ${(e as Error).message.split("\n")[0]}`);
      }
    }
  } catch (e) {
    problems.push(`the run stopped: ${(e as Error).message.split("\n")[0]}`);
  } finally {
    await browser?.close();
    server.close();
  }
  if (problems.length > 0) {
    console.error(`test:browser FAILED (${problems.length}):`);
    for (const p of problems) console.error(`  - ${p}`);
    return 1;
  }
  console.log(
    `test:browser passed: ${expected.findings.length} findings listed and navigable, highlight and clear, targets (SCORE ${expected.score}, PENALTY ${expected.penalty}), settings (also at ${NARROW_PANE} px), 已核实 (a 台账核实 row) and 生成汇总表 (its ZS formulas and name), zh and en; startup notice in 3 failures; no CSP violation; screenshots in ${SCREENSHOTS.startsWith(ROOT) ? path.relative(ROOT, SCREENSHOTS) : SCREENSHOTS}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`test:browser FAILED: ${(e as Error).message}`);
    process.exit(1);
  },
);
