/**
 * The release as a district receives it (release/, written once by `npm run release` before these
 * tests; test/release/ci.sh): the add-in's manifest points only under the base URL and at files
 * the site has, every zip holds exactly its folder, the checksums match, and the deployment notes
 * and server configurations say what the site needs — checked against the built files, and for
 * nginx by serving the site with the shipped snippet.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { SaxesParser } from "saxes";
import { RELEASE, ROOT, deliverable, filesBelow, releaseRecord, sha256, zipContent, zipItems } from "./release";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require("../../scripts/release/deploy.js") as { HASHED_FILE: RegExp; NGINX_HASHED: string; pageCsp(html: string): string };

const record = releaseRecord();
/** The base the release was asked for: CI's setting, else what the release says it used. */
const BASE = process.env.ZSLEDGER_BASE_URL ?? record.baseUrl;
const addin = deliverable("addin");
const ADDIN = path.join(RELEASE, addin.folder);
const SITE = path.join(ADDIN, "site");
const siteFiles = filesBelow(SITE);
const pageCsp = deploy.pageCsp(fs.readFileSync(path.join(SITE, "taskpane.html"), "utf8"));

/** Parses XML strictly (saxes, ExcelJS's own parser); returns its elements' attributes and texts. */
function parseXml(xml: string): { attributes: { element: string; name: string; value: string }[]; texts: string[] } {
  const attributes: { element: string; name: string; value: string }[] = [];
  const texts: string[] = [];
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    for (const [name, value] of Object.entries(tag.attributes)) attributes.push({ element: tag.name, name, value: String(value) });
  });
  parser.on("text", (t) => texts.push(t.trim()));
  parser.write(xml).close();
  return { attributes, texts };
}

describe("the manifest", () => {
  const manifest = fs.readFileSync(path.join(ADDIN, "manifest.xml"), "utf8");
  const { attributes, texts } = parseXml(manifest);
  /** Every URL the manifest gives Office: attribute values and element texts, not namespaces or comments. */
  const urls = [
    ...attributes.filter((a) => !a.name.startsWith("xmlns") && /^https?:/i.test(a.value)).map((a) => a.value),
    ...texts.filter((t) => /^https?:/i.test(t)),
  ];

  test("the base URL is the one asked for, an https address ending in /", () => {
    expect(record.baseUrl).toBe(BASE.endsWith("/") ? BASE : `${BASE}/`);
    expect(BASE).toMatch(/^https:\/\/[^/]+\/(.*\/)?$/);
  });

  test("every URL points under the base, and at a file the site has", () => {
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) {
      expect(url.startsWith(record.baseUrl)).toBe(true);
      const file = url.slice(record.baseUrl.length).split(/[?#]/)[0];
      expect(siteFiles).toContain(file);
    }
    expect(manifest).not.toMatch(/localhost/i);
  });

  test("the taskpane page, the functions' script and metadata are among them", () => {
    for (const file of ["taskpane.html", "functions.js", "functions.json", "functions.zh-cn.json", "assets/icon-32.png"]) {
      expect(urls).toContain(record.baseUrl + file);
    }
  });

  test("the manifest beside the site, in the site and in the zip are one file", async () => {
    expect(fs.readFileSync(path.join(SITE, "manifest.xml"), "utf8")).toBe(manifest);
    const zip = path.join(RELEASE, addin.zip);
    const item = zipItems(zip).find((i) => i.entry.name === `${addin.folder}/manifest.xml`);
    expect((await zipContent(zip, item!.entry)).toString("utf8")).toBe(manifest);
  });
});

describe("the zips and the checksums", () => {
  const sums = fs.readFileSync(path.join(RELEASE, "SHA256SUMS.txt"), "utf8");

  test("SHA256SUMS.txt lists every zip with its hash (sha256sum's format)", () => {
    const lines = sums.trimEnd().split("\n");
    expect(lines).toHaveLength(record.deliverables.length);
    for (const d of record.deliverables) {
      const hash = sha256(fs.readFileSync(path.join(RELEASE, d.zip)));
      expect(lines).toContain(`${hash}  ${d.zip}`);
      expect(d.sha256).toBe(hash);
    }
  });

  test("one zip per deliverable: the add-in and both executables (and WPS when it was built)", () => {
    const kinds = record.deliverables.map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(["addin", "linux-x64", "win-x64"]));
    expect(kinds.includes("wps")).toBe(fs.existsSync(path.join(ROOT, "dist/wps")));
  });

  test.each(record.deliverables.map((d) => d.kind))("the %s zip holds exactly its folder, byte for byte, under ASCII names", async (kind) => {
    const d = deliverable(kind);
    const zip = path.join(RELEASE, d.zip);
    const items = zipItems(zip);
    const folderFiles = filesBelow(path.join(RELEASE, d.folder));
    expect(items.map((i) => i.entry.name).sort()).toEqual(folderFiles.map((f) => `${d.folder}/${f}`).sort());
    for (const item of items) {
      // Windows Explorer garbles non-ASCII names in zips: only the texts inside are Chinese.
      expect(item.entry.name).toMatch(/^[\x20-\x7e]+$/);
      const onDisk = fs.readFileSync(path.join(RELEASE, ...item.entry.name.split("/")));
      expect(sha256(await zipContent(zip, item.entry))).toBe(sha256(onDisk));
    }
  });

  test("the add-in zip has the site, the manifest, both server configurations and the notes", () => {
    const names = zipItems(path.join(RELEASE, addin.zip)).map((i) => i.entry.name.slice(addin.folder.length + 1));
    for (const f of [
      "manifest.xml",
      "DEPLOY.md",
      "nginx/zsledger.conf",
      "site/web.config",
      "site/taskpane.html",
      "site/manifest.xml",
      "site/functions.json",
      "site/functions.zh-cn.json",
    ]) {
      expect(names).toContain(f);
    }
    // Every script the page loads is in the site.
    const html = fs.readFileSync(path.join(SITE, "taskpane.html"), "utf8");
    // The minified page leaves attribute values unquoted where it can.
    const scripts = [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|([^\s>"]+))/g)].map((m) => m[1] ?? m[2]).filter((s) => !/^https?:/.test(s));
    expect(scripts).toEqual(expect.arrayContaining([expect.stringMatching(/^taskpane\.js/), expect.stringMatching(/^functions\.js/)]));
    for (const s of scripts) expect(siteFiles).toContain(s.split("?")[0]);
  });

  test("the Linux executable keeps its x bit when unzipped; the other files are plain", () => {
    const d = deliverable("linux-x64");
    for (const item of zipItems(path.join(RELEASE, d.zip))) {
      expect(item.madeBy >> 8).toBe(3);
      expect((item.external >>> 16) & 0o777).toBe(item.entry.name === d.executable ? 0o755 : 0o644);
    }
  });

  test.each(["linux-x64", "win-x64"] as const)("the %s folder: executable, sample, README (Chinese first), Node's licence", (kind) => {
    const d = deliverable(kind);
    const dir = path.join(RELEASE, d.folder);
    expect(filesBelow(dir)).toEqual(["NODE-LICENSE.txt", "README.txt", "assets/sample-ledger.xlsx", path.basename(d.executable!)].sort());
    expect(fs.readFileSync(path.join(dir, "assets/sample-ledger.xlsx"))).toEqual(fs.readFileSync(path.join(ROOT, "assets/sample-ledger.xlsx")));
    expect(fs.readFileSync(path.join(dir, "NODE-LICENSE.txt"), "utf8")).toMatch(/^Node\.js is licensed for use as follows:/);
    const readme = fs.readFileSync(path.join(dir, "README.txt"));
    const text = readme.toString("utf8").replace(/^\uFEFF/, "");
    expect(text.startsWith("招商台账助手")).toBe(true);
    expect(text.indexOf("退出码")).toBeLessThan(text.indexOf("Exit codes"));
    expect(text).toContain("--help");
    if (kind === "win-x64") {
      // For every Notepad, old ones too.
      expect([...readme.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(text).not.toMatch(/[^\r]\n/);
      expect(text).toContain("拖到 zsledger.exe 的图标上");
    }
  });
});

describe("the deployment notes", () => {
  const raw = fs.readFileSync(path.join(ADDIN, "DEPLOY.md"));
  const notes = raw
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n/g, "\n");
  const hashed = siteFiles.filter((f) => deploy.HASHED_FILE.test(f));

  test("Chinese first, English after; for Windows' Notepad (BOM, CRLF)", () => {
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(notes).toMatch(/^# 招商台账助手 Office 加载项部署说明/);
    expect(notes.indexOf("# zsledger Office add-in: deployment notes")).toBeGreaterThan(notes.indexOf("## 6. 常见问题"));
  });

  test("they name the base URL, the policy of the page, and a real hashed file to check caching with", () => {
    expect(notes).toContain(`**${record.baseUrl}**`);
    expect(notes).toContain(pageCsp);
    expect(record.csp).toBe(pageCsp);
    expect(hashed.length).toBeGreaterThan(0);
    expect(notes).toContain(`curl -sI ${record.baseUrl}${hashed[0]}`);
  });

  test("every part the IT staff need is there, in both languages", () => {
    for (const heading of [
      "## 2. 在 HTTPS 服务器上托管",
      "### 2.1 nginx",
      "### 2.2 IIS",
      "## 3. Microsoft 365 集中部署",
      "## 4. 网络共享目录",
      "## 5. Excel 网页版上传",
      "## 2. Hosting over HTTPS",
      "## 3. Microsoft 365 centralized deployment",
      "## 4. Network-share catalog",
      "## 5. Upload in Excel on the web",
    ]) {
      expect(notes).toContain(heading);
    }
    for (const words of [
      ".json` application/json",
      ".xml` application/xml",
      ".woff",
      "no-cache",
      "max-age=31536000, immutable",
      "Access-Control-Allow-Origin",
      "X-Frame-Options",
    ]) {
      expect(notes).toContain(words);
    }
    expect(notes).toContain("受信任的加载项目录");
    expect(notes).toMatch(/HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16\.0\\WEF\\TrustedCatalogs\\\{[0-9A-F-]{36}\}/);
    expect(notes).toContain("上传我的加载项");
    expect(notes).toContain("集成应用");
  });
});

describe("the IIS web.config", () => {
  const xml = fs.readFileSync(path.join(SITE, "web.config"), "utf8");
  const { attributes } = parseXml(xml);
  const attrsOf = (element: string, name: string) => attributes.filter((a) => a.element === element && a.name === name).map((a) => a.value);

  test("is well-formed and sends the page's own Content-Security-Policy", () => {
    const headers = attributes.filter((a) => a.element === "add" && a.name === "name").map((a) => a.value);
    expect(headers).toEqual(expect.arrayContaining(["Content-Security-Policy", "X-Content-Type-Options", "Access-Control-Allow-Origin"]));
    expect(attrsOf("add", "value")).toContain(pageCsp);
  });

  test("maps .json, .xml and .woff, each removed first (IIS refuses a duplicate mimeMap)", () => {
    const removed = attrsOf("remove", "fileExtension");
    const mapped = attrsOf("mimeMap", "fileExtension");
    for (const ext of [".json", ".xml", ".woff", ".js", ".html"]) {
      expect(removed).toContain(ext);
      expect(mapped).toContain(ext);
    }
    expect(xml).toMatch(/fileExtension="\.json" mimeType="application\/json; charset=utf-8"/);
  });

  test("caches exactly the hashed chunks for a year; everything else revalidates", () => {
    const longLived = [...xml.matchAll(/<location path="([^"]+)">\s*<system\.webServer>\s*<staticContent>\s*<clientCache cacheControlMode="UseMaxAge"/g)].map(
      (m) => m[1],
    );
    expect(longLived.sort()).toEqual(hashed().sort());
    expect(xml).toContain('<clientCache cacheControlMode="DisableCache" />');
    for (const entry of ["taskpane.html", "taskpane.js", "functions.js", "runtime.js", "manifest.xml"]) expect(longLived).not.toContain(entry);
  });

  test("lets Excel on the web read the functions' metadata across origins, and nothing else", () => {
    const crossOrigin = [...xml.matchAll(/<location path="([^"]+)">(?:(?!<\/location>)[\s\S])*Access-Control-Allow-Origin/g)].map((m) => m[1]);
    expect(crossOrigin.sort()).toEqual(["functions.json", "functions.zh-cn.json"]);
  });

  function hashed(): string[] {
    return siteFiles.filter((f) => deploy.HASHED_FILE.test(f));
  }
});

describe("the nginx snippet", () => {
  const conf = fs.readFileSync(path.join(ADDIN, "nginx/zsledger.conf"), "utf8");

  test("its pattern for long-lived files matches exactly webpack's hashed chunks", () => {
    const nginxHashed = new RegExp(deploy.NGINX_HASHED);
    for (const f of siteFiles) expect([f, nginxHashed.test(f)]).toEqual([f, deploy.HASHED_FILE.test(f)]);
    expect(siteFiles.filter((f) => nginxHashed.test(f)).length).toBeGreaterThan(0);
    expect(conf).toContain(`location ^~ ${new URL(record.baseUrl).pathname} {`);
  });

  const HAVE_NGINX = spawnSync("sh", ["-c", "command -v nginx"]).status === 0;
  if (!HAVE_NGINX) console.warn("nginx is not on PATH: the snippet is not served (apt-get install nginx)");
  const maybe = HAVE_NGINX ? test : test.skip;

  maybe("served as shipped (only its root changed): types, caching, CSP, CORS and web.config as the notes say", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-nginx-"));
    // Started as root, nginx serves files as the user "nobody": the folder must be readable by all.
    fs.chmodSync(dir, 0o755);
    const pathname = new URL(record.baseUrl).pathname;
    const www = path.join(dir, "www");
    fs.cpSync(SITE, path.join(www, ...pathname.split("/").filter(Boolean)), { recursive: true });
    fs.mkdirSync(path.join(dir, "tmp"));
    const snippet = conf.replace(/^(\s*)root \/srv\/zsledger\/www;$/m, `$1root ${www};`);
    expect(snippet).not.toBe(conf);
    fs.writeFileSync(path.join(dir, "zsledger.conf"), snippet);
    const port = await freePort();
    const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${dir}/tmp;`).join(" ");
    fs.writeFileSync(
      path.join(dir, "nginx.conf"),
      `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 32; }
http { access_log off; ${temp} server { listen 127.0.0.1:${port}; include ${dir}/zsledger.conf; } }
`,
    );
    const checked = spawnSync("nginx", ["-t", "-q", "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], { encoding: "utf8" });
    expect(checked.stderr).toBe("");
    expect(checked.status).toBe(0);
    const server = spawn("nginx", ["-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], { stdio: "ignore" });
    try {
      const head = (file: string) => request(port, pathname + file);
      let first = await head("taskpane.html");
      for (let i = 0; i < 50 && first.status === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        first = await head("taskpane.html");
      }
      expect(first.status).toBe(200);
      const types: Record<string, string> = {
        html: "text/html; charset=utf-8",
        js: "application/javascript; charset=utf-8",
        json: "application/json; charset=utf-8",
        xml: "application/xml; charset=utf-8",
        png: "image/png",
        txt: "text/plain; charset=utf-8",
      };
      for (const file of siteFiles.filter((f) => f !== "web.config")) {
        const r = await head(file);
        const ext = path.extname(file).slice(1);
        expect([file, r.status, r.headers["content-type"]]).toEqual([file, 200, types[ext]]);
        expect([file, r.headers["cache-control"]]).toEqual([file, deploy.HASHED_FILE.test(file) ? "public, max-age=31536000, immutable" : "no-cache"]);
        expect([file, r.headers["content-security-policy"]]).toEqual([file, pageCsp]);
        expect([file, r.headers["x-content-type-options"]]).toEqual([file, "nosniff"]);
        expect([file, r.headers["access-control-allow-origin"]]).toEqual([file, /^functions(\.zh-cn)?\.json$/.test(file) ? "*" : undefined]);
        expect(r.headers["x-frame-options"]).toBeUndefined();
      }
      expect((await head("web.config")).status).toBe(404);
    } finally {
      server.kill();
      await new Promise((r) => server.once("exit", r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A port nothing listens on now (the system picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A HEAD request on the loopback; status 0 while nothing listens yet. */
function request(port: number, urlPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, path: encodeURI(urlPath), method: "HEAD" }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on("error", () => resolve({ status: 0, headers: {} }));
    req.end();
  });
}
