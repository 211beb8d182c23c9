/**
 * @jest-environment jsdom
 *
 * The built WPS add-in as WPS would fetch it, checked offline: ribbon.xml is well formed and every
 * callback it names exists on the main page (its built scripts run here), the JsPlugin manifest
 * names functions.json and the namespace ZS, functions.json lists all six functions with their
 * parameters, and every file the install lists, the manifest and the pages name exists. The build
 * (`npm run build:wps`) runs once unless dist/wps already holds one newer than every input.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import { WPS_FUNCTIONS } from "../../src/functions/wps";
import { BUTTONS } from "../../src/wps/ribbon";
import { helpPageSuite } from "../docs/helpPageSuite";

const ROOT = path.join(__dirname, "..", "..");
const load = createRequire(__filename);
const wpsConfig = load("../../webpack.wps.js") as { OUTPUT_DIR: string; ADDIN_OUTPUT: string; OFFLINE_DIR: string; wpsBaseUrl: (env: { test?: boolean }) => string };
const OUT = wpsConfig.OUTPUT_DIR;
const ADDIN = wpsConfig.ADDIN_OUTPUT;
const BUILD_TIMEOUT = 600_000;

const read = (file: string) => fs.readFileSync(path.join(ADDIN, file), "utf8");

function newestInput(): number {
  let newest = 0;
  const visit = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const f of fs.readdirSync(p)) visit(path.join(p, f));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of ["src", "assets", "docs", "webpack.wps.js", "scripts/helpPage.js", "package.json"]) visit(path.join(ROOT, p));
  return newest;
}

function ensureBuild(): void {
  const marker = path.join(OUT, "offline", "publish.xml");
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs > newestInput()) return;
  execFileSync(process.execPath, [load.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--config", "webpack.wps.js", "--env", "test"], { cwd: ROOT, stdio: "pipe" });
}

beforeAll(ensureBuild, BUILD_TIMEOUT);

function xml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}

describe("the WPS add-in folder", () => {
  test("ribbon.xml is well formed, has the 招商台账 tab with its six buttons, and every callback it names exists on the main page", () => {
    const ribbon = xml(read("ribbon.xml"));
    expect(ribbon.documentElement.namespaceURI).toBe("http://schemas.microsoft.com/office/2006/01/customui");
    const tab = [...ribbon.getElementsByTagName("tab")].find((t) => t.getAttribute("label") === "招商台账");
    expect(tab).toBeDefined();
    const buttons = [...tab!.getElementsByTagName("button")];
    expect(buttons.map((b) => b.getAttribute("label"))).toEqual(["检查台账", "标记开工时限", "清除标记", "目标进度", "设置", "帮助"]);
    expect(buttons.map((b) => b.getAttribute("id")).sort()).toEqual(Object.keys(BUTTONS).sort());

    // The main page's scripts, as built, run in this window (outside WPS: no Application).
    const scripts = [...read("index.html").matchAll(/<script[^>]*\ssrc="?([^"\s>?]+)/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) window.eval(read(src));
    const callbacks = [...ribbon.getElementsByTagName("*")].flatMap((el) =>
      [...el.attributes].filter((a) => /^(onLoad|onAction|get[A-Z]\w*)$/.test(a.name)).map((a) => a.value),
    );
    expect(new Set(callbacks)).toEqual(new Set(["ribbon.OnAddinLoad", "ribbon.OnAction", "ribbon.GetImage"]));
    for (const name of callbacks) {
      const fn = name.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], window);
      expect(typeof fn).toBe("function");
    }
    // the icon GetImage names is in the folder
    const getImage = (window as unknown as { ribbon: { GetImage: () => string } }).ribbon.GetImage();
    expect(fs.existsSync(path.join(ADDIN, getImage))).toBe(true);
  });

  test("manifest.xml is a JsPlugin that names functions.json and the namespace ZS", () => {
    const manifest = xml(read("manifest.xml"));
    expect(manifest.documentElement.tagName).toBe("JsPlugin");
    const functions = manifest.getElementsByTagName("Functions")[0];
    const uri = functions.getElementsByTagName("Uri")[0].textContent!.trim();
    expect(uri.replace(/^\//, "")).toBe("functions.json");
    expect(fs.existsSync(path.join(ADDIN, uri))).toBe(true);
    expect(functions.getElementsByTagName("Namespace")[0].textContent!.trim()).toBe("ZS");
  });

  test("functions.json lists all six functions, each with the parameters the function takes", () => {
    const json = JSON.parse(read("functions.json")) as { functions: { name: string; description: string; parameters: { name: string; type: string }[]; result: { type: string } }[] };
    expect(json.functions.map((f) => f.name)).toEqual(Object.keys(WPS_FUNCTIONS));
    for (const f of json.functions) {
      expect(f.parameters).toHaveLength(WPS_FUNCTIONS[f.name as keyof typeof WPS_FUNCTIONS].length);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      // an optional parameter (type ending in ?) is never followed by a required one
      const optional = f.parameters.map((p) => p.type.endsWith("?"));
      expect(optional.indexOf(false, optional.indexOf(true) < 0 ? optional.length : optional.indexOf(true))).toBe(-1);
    }
    expect(json.functions.find((f) => f.name === "SCORE")!.parameters[0].type).toBe("any[][]");
    expect(json.functions.find((f) => f.name === "TARGETMET")!.result.type).toBe("bool");
  });

  test("every script a page loads is in the folder, and the pages allow no script from elsewhere", () => {
    for (const page of ["index.html", "taskpane.html"]) {
      const html = read(page);
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>?]+)/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const src of scripts) expect(fs.existsSync(path.join(ADDIN, src))).toBe(true);
      expect(html).toMatch(/script-src 'self';/);
      expect(html).not.toMatch(/https?:\/\//);
    }
  });
});

describe("help.html, the page 帮助 opens: the same user guide as the Excel add-in's", () => {
  helpPageSuite(() => read("help.html"), ADDIN);
});

describe("the install files", () => {
  test("online: jsplugins.xml names the add-in, as a spreadsheet add-in, at the build's base URL", () => {
    const list = xml(fs.readFileSync(path.join(OUT, "online", "jsplugins.xml"), "utf8"));
    const entries = [...list.getElementsByTagName("jspluginonline")];
    expect(entries).toHaveLength(1);
    expect(entries[0].getAttribute("name")).toBe("zsledger");
    expect(entries[0].getAttribute("type")).toBe("et");
    expect(entries[0].getAttribute("url")).toBe(wpsConfig.wpsBaseUrl({ test: true }));
    expect(entries[0].getAttribute("url")).toMatch(/^https?:\/\/.+\/$/);
  });

  test("offline: publish.xml and jsplugins.xml name a folder beside them that holds the whole add-in", () => {
    const folderFiles = filesUnder(ADDIN).sort();
    for (const file of ["publish.xml", "jsplugins.xml"]) {
      const list = xml(fs.readFileSync(path.join(OUT, "offline", file), "utf8"));
      const entries = [...list.getElementsByTagName("jsplugin")];
      expect(entries).toHaveLength(1);
      const url = entries[0].getAttribute("url")!;
      expect(url).toBe(wpsConfig.OFFLINE_DIR);
      expect(entries[0].getAttribute("type")).toBe("et");
      expect(url).toBe(`${entries[0].getAttribute("name")}_${entries[0].getAttribute("version")}`);
      const copy = path.join(OUT, "offline", url);
      expect(filesUnder(copy).sort()).toEqual(folderFiles);
      for (const f of folderFiles) expect(fs.readFileSync(path.join(copy, f)).equals(fs.readFileSync(path.join(ADDIN, f)))).toBe(true);
    }
  });
});
