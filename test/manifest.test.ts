/**
 * manifest.xml, offline: no schema validation service is reachable here (office-addin-manifest
 * validate posts the file online), so these tests check what breaks add-ins in practice — XML that
 * does not parse, a resid that names nothing, a shared runtime wired to two different pages, http
 * URLs, and a production manifest still pointing at localhost.
 */
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";

// Neither has type declarations (xml2js comes with office-addin-manifest; the config is CommonJS):
// loaded untyped, and the little used is typed here.
const load = createRequire(__filename);
const xml2js = load("xml2js") as { parseStringPromise(xml: string, options?: object): Promise<unknown> };
const webpackConfig = load("../webpack.config.js") as {
  DEV_BASE_URL: string;
  manifestFor(xml: string, baseUrl: string): string;
  productionBaseUrl(value?: string): string;
};

const SOURCE = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");

/** An element as xml2js gives it (attributes under $, children by tag name), flattened with its path. */
interface Node {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly text: string;
  readonly path: readonly string[];
  readonly parent: Node | null;
}

type Raw = { $?: Record<string, string>; _?: string; [child: string]: unknown };

async function parse(xml: string): Promise<Node[]> {
  const doc = (await xml2js.parseStringPromise(xml, { strict: true, explicitArray: true })) as Record<string, Raw[] | Raw>;
  const nodes: Node[] = [];
  const walk = (name: string, raw: Raw | string, parent: Node | null) => {
    const element: Raw = typeof raw === "string" ? { _: raw } : raw;
    const node: Node = { name, attrs: element.$ ?? {}, text: (element._ ?? "").trim(), path: [...(parent?.path ?? []), name], parent };
    nodes.push(node);
    for (const [child, value] of Object.entries(element)) {
      if (child === "$" || child === "_") continue;
      for (const item of value as (Raw | string)[]) walk(child, item, node);
    }
  };
  const [rootName, root] = Object.entries(doc)[0];
  walk(rootName, root as Raw, null);
  return nodes;
}

const under = (n: Node, ancestor: string) => n.path.slice(0, -1).includes(ancestor);
const named = (nodes: readonly Node[], name: string) => nodes.filter((n) => n.name === name);

/** Every URL the manifest gives Office: attribute values and texts, but not XML namespace names. */
function urls(nodes: readonly Node[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    for (const [k, v] of Object.entries(n.attrs)) if (!k.startsWith("xmlns") && /^\w+:\/\//.test(v)) out.push(v);
    if (/^\w+:\/\//.test(n.text)) out.push(n.text);
  }
  return out;
}

let nodes: Node[];
beforeAll(async () => {
  nodes = await parse(SOURCE);
});

test("is well-formed XML (and the parser is strict enough to notice when it is not)", async () => {
  expect(nodes[0].name).toBe("OfficeApp");
  await expect(parse(SOURCE.replace("</Hosts>", "</Host>"))).rejects.toThrow();
  await expect(parse(SOURCE.replace("<Permissions>", "<Permissions a=1>"))).rejects.toThrow();
});

test("is a task pane add-in with a GUID id that may read and write the workbook", () => {
  expect(nodes[0].attrs["xsi:type"]).toBe("TaskPaneApp");
  const [id] = named(nodes, "Id");
  expect(id.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  expect(named(nodes, "Permissions")[0].text).toBe("ReadWriteDocument");
  expect(named(nodes, "Host").map((h) => h.attrs.Name ?? h.attrs["xsi:type"])).toEqual(["Workbook", "Workbook"]);
});

test("every resid names a resource of the right kind, and every resource is used", () => {
  const defined = new Map<string, string>();
  for (const n of nodes) {
    if (!under(n, "Resources") || !n.attrs.id) continue;
    expect(defined.has(n.attrs.id)).toBe(false); // ids are unique
    defined.set(n.attrs.id, n.name);
  }
  const URL_ELEMENTS = new Set(["SourceLocation", "LearnMoreUrl", "Runtime", "FunctionFile"]);
  const expected = (element: string) => (element === "bt:Image" ? "bt:Image" : URL_ELEMENTS.has(element) ? "bt:Url" : "bt:String");
  const referring = nodes.filter((n) => n.attrs.resid);
  expect(referring.length).toBeGreaterThan(15);
  for (const n of referring) expect({ resid: n.attrs.resid, kind: defined.get(n.attrs.resid) }).toEqual({ resid: n.attrs.resid, kind: expected(n.name) });
  const used = new Set(referring.map((n) => n.attrs.resid));
  expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
});

test("the shared runtime: Runtime, the functions' Page and FunctionFile name one resid, the pane's page", () => {
  const [runtime] = named(nodes, "Runtime");
  expect(runtime.attrs.lifetime).toBe("long");
  const page = named(nodes, "SourceLocation").find((n) => n.path.includes("Page") && n.path.includes("ExtensionPoint"))!;
  const [functionFile] = named(nodes, "FunctionFile");
  expect(page.attrs.resid).toBe(runtime.attrs.resid);
  expect(functionFile.attrs.resid).toBe(runtime.attrs.resid);
  // Runtimes sits directly under the Host, before the form factors.
  expect(runtime.path.slice(-3)).toEqual(["Host", "Runtimes", "Runtime"]);
  const url = named(nodes, "bt:Url").find((n) => n.attrs.id === runtime.attrs.resid)!;
  expect(url.attrs.DefaultValue).toBe(named(nodes, "SourceLocation").find((n) => under(n, "DefaultSettings"))!.attrs.DefaultValue);
  expect(url.attrs.DefaultValue).toMatch(/\/taskpane\.html$/);
});

test("custom functions in namespace ZS, with zh-CN metadata", () => {
  const namespace = named(nodes, "Namespace")[0].attrs.resid;
  expect(named(nodes, "bt:String").find((n) => n.attrs.id === namespace)!.attrs.DefaultValue).toBe("ZS");
  const metadata = named(nodes, "SourceLocation").find((n) => n.path.includes("Metadata"))!.attrs.resid;
  const url = named(nodes, "bt:Url").find((n) => n.attrs.id === metadata)!;
  expect(url.attrs.DefaultValue).toMatch(/\/functions\.json$/);
  const zh = nodes.find((n) => n.name === "bt:Override" && n.parent === url)!;
  expect(zh.attrs.Locale.toLowerCase()).toBe("zh-cn");
  expect(zh.attrs.Value).toMatch(/\/functions\.zh-cn\.json$/);
});

test("a ribbon button 招商台账 opens the pane; every display string has a Chinese override", () => {
  const button = named(nodes, "Control")[0];
  expect(button.attrs["xsi:type"]).toBe("Button");
  const action = named(nodes, "Action")[0];
  expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
  const label = nodes.find((n) => n.name === "Label" && n.parent?.name === "Control")!.attrs.resid;
  const chinese = (id: string) => nodes.find((n) => n.name === "bt:Override" && n.attrs.Locale === "zh-CN" && n.parent?.attrs.id === id);
  expect(chinese(label)?.attrs.Value).toBe("招商台账");
  const strings = named(nodes, "bt:String").filter((n) => n.attrs.id !== "Functions.Namespace");
  expect(strings.length).toBeGreaterThan(3);
  for (const s of strings) expect(chinese(s.attrs.id)?.attrs.Value).toMatch(/[\u4e00-\u9fff]/);
  for (const top of ["DisplayName", "Description"]) {
    const override = nodes.find((n) => n.name === "Override" && n.parent?.name === top)!;
    expect(override.attrs.Locale).toBe("zh-CN");
    expect(override.attrs.Value).toMatch(/[\u4e00-\u9fff]/);
  }
});

test("installs on Excel without a shared runtime: SharedRuntime is required only inside VersionOverrides", () => {
  const sets = named(nodes, "Set").filter((n) => n.path[1] === "Requirements");
  expect(sets.map((s) => s.attrs.Name)).toEqual(["ExcelApi"]);
  expect(sets[0].attrs.MinVersion).toBe("1.1");
  const overrideSets = named(nodes, "bt:Set").filter((n) => n.path.includes("VersionOverrides"));
  expect(overrideSets.map((s) => s.attrs.Name)).toEqual(["SharedRuntime"]);
});

test("support and learn-more links open the help page the build renders, never the pane itself", () => {
  const support = named(nodes, "SupportUrl")[0].attrs.DefaultValue;
  const learnMore = named(nodes, "LearnMoreUrl")[0].attrs.resid;
  const learnMoreUrl = named(nodes, "bt:Url").find((n) => n.attrs.id === learnMore)!.attrs.DefaultValue;
  const pane = named(nodes, "SourceLocation").find((n) => under(n, "DefaultSettings"))!.attrs.DefaultValue;
  for (const url of [support, learnMoreUrl]) {
    expect(url).toBe(`${webpackConfig.DEV_BASE_URL}help.html`);
    expect(url).not.toBe(pane);
  }
});

test("every URL is HTTPS on the dev server", () => {
  const all = urls(nodes);
  expect(all.length).toBeGreaterThan(8);
  for (const url of all) expect(url.startsWith(webpackConfig.DEV_BASE_URL)).toBe(true);
});

describe("the production manifest", () => {
  const base = "https://tz.zsj.example.gov.cn/zsledger/";

  test("every dev URL becomes the production base URL, and no localhost remains", async () => {
    const before = urls(nodes).length;
    const prod = webpackConfig.manifestFor(SOURCE, base);
    expect(prod).not.toMatch(/localhost/i);
    const after = urls(await parse(prod));
    expect(after).toHaveLength(before);
    for (const url of after) expect(url.startsWith(base)).toBe(true);
    expect(prod.split(base).length - 1).toBe(SOURCE.split(webpackConfig.DEV_BASE_URL).length - 1);
  });

  test("the base URL setting must be HTTPS and gains its trailing slash", () => {
    expect(webpackConfig.productionBaseUrl("https://tz.example.gov.cn/zsledger")).toBe("https://tz.example.gov.cn/zsledger/");
    expect(() => webpackConfig.productionBaseUrl("http://tz.example.gov.cn/")).toThrow(/https/);
  });

  test("is required: no made-up default, one line saying what to set, Chinese first", () => {
    for (const missing of ["", "  "]) {
      let message = "";
      try {
        webpackConfig.productionBaseUrl(missing);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/^构建已停止：请设置 ZSLEDGER_BASE_URL.*Build stopped: set ZSLEDGER_BASE_URL/);
      expect(message).not.toContain("\n");
    }
  });
});
