/**
 * `npm run release`: everything a district deploys, from one setting, into release/ (gitignored).
 *
 *   ZSLEDGER_BASE_URL=https://oa.example.gov.cn/zsledger/ npm run release
 *
 * writes
 *   zsledger-addin-<v>/        the Office add-in: site/ (static files, web.config for IIS),
 *                              manifest.xml, nginx/zsledger.conf, DEPLOY.md (deploy.js)
 *   zsledger-wps-<v>/          the WPS add-in, when the WPS build exists (dist/wps)
 *   zsledger-<v>-win-x64/      zsledger.exe, the command line without Node (standalone.js)
 *   zsledger-<v>-linux-x64/    zsledger, the same for Linux
 *   one .zip of each folder, SHA256SUMS.txt, and release.json (what was built, for the tests)
 *
 * Zip entry names are ASCII: Windows Explorer reads names in the local code page and ignores the
 * zip's UTF-8 flag, so Chinese names would arrive garbled; the texts inside are Chinese first.
 *
 * Heavy inputs are fetched here, not by `npm ci`: the Node binaries (nodeBinary.js) into
 * node_modules/.cache/zsledger-release/, reused by the next release.
 */
const { spawnSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "../..");
const RELEASE_DIR = path.join(ROOT, "release");
const CACHE_DIR = path.join(ROOT, "node_modules/.cache/zsledger-release");
const TARGETS = ["linux-x64", "win-x64"];

function say(line) {
  process.stdout.write(`zsledger release: ${line}\n`);
}

/** One line on stderr, exit 2: how every refusal of this script ends. */
function refuse(line) {
  process.stderr.write(`zsledger release: ${line}\n`);
  process.exit(2);
}

/** The base URL, checked as the production build checks it (webpack.config.js), before any work starts. */
function baseUrlSetting() {
  const raw = process.env.ZSLEDGER_BASE_URL;
  if (raw === undefined || raw.trim() === "") {
    refuse(
      "未设置 ZSLEDGER_BASE_URL（加载项所在的 HTTPS 地址，如 https://oa.example.gov.cn/zsledger/），未生成发布包；" +
        "set ZSLEDGER_BASE_URL to the HTTPS address the add-in will be served from (nothing was built)",
    );
  }
  try {
    return require(path.join(ROOT, "webpack.config.js")).productionBaseUrl(raw);
  } catch (e) {
    refuse(`ZSLEDGER_BASE_URL 无效：${e.message}；invalid ZSLEDGER_BASE_URL`);
  }
}

/**
 * Runs an npm script of this package with the release's environment. Its output (webpack's long
 * listing) is shown only when it fails, which stops the release.
 */
function npmRun(script, env) {
  const started = Date.now();
  say(`npm run ${script}`);
  const r = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "-s", script], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === "win32",
  });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n").slice(-60).join("\n") + "\n");
    refuse(`npm run ${script} 失败（退出码 ${r.status}）；npm run ${script} failed (exit ${r.status})`);
  }
  return Date.now() - started;
}

/** Every file below `dir`, as paths relative to it with forward slashes, in name order. */
function filesBelow(dir, prefix = "") {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesBelow(path.join(dir, e.name), rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

function copyTree(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

function sha256(file) {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Text for Windows' Notepad, old ones included: a byte-order mark and CRLF line ends. */
function windowsText(s) {
  return "\uFEFF" + s.replace(/\r?\n/g, "\r\n");
}

/** The Office add-in's folder: the built site, its manifest, the server configs and the notes. */
function addinFolder({ dir, baseUrl, version, wps }) {
  const deploy = require("./deploy");
  const built = path.join(ROOT, "dist/addin");
  const site = path.join(dir, "site");
  copyTree(built, site);
  const files = filesBelow(site);
  const html = fs.readFileSync(path.join(site, "taskpane.html"), "utf8");
  const csp = deploy.pageCsp(html);
  const hashedFiles = deploy.hashedFiles(files);
  const selfHostedOfficeJs = !html.includes("https://appsforoffice.microsoft.com/");
  fs.writeFileSync(path.join(site, "web.config"), deploy.webConfig({ csp, hashedFiles, version }));
  fs.copyFileSync(path.join(site, "manifest.xml"), path.join(dir, "manifest.xml"));
  fs.mkdirSync(path.join(dir, "nginx"));
  fs.writeFileSync(path.join(dir, "nginx/zsledger.conf"), deploy.nginxConf({ baseUrl, csp, version }));
  const notes = deploy.deployNotes({
    baseUrl,
    version,
    csp,
    site: { files, hashedFiles, selfHostedOfficeJs },
    wps,
    catalogGuid: crypto.randomUUID().toUpperCase(),
  });
  fs.writeFileSync(path.join(dir, "DEPLOY.md"), windowsText(notes));
  return { csp, hashedFiles, selfHostedOfficeJs };
}

/** README.txt beside each executable: how to use it, Chinese first. */
function standaloneReadme(target, version) {
  const { DESKTOP_USAGE } = require(path.join(ROOT, "dist/cli/desktop.js"));
  const exe = target === "win-x64" ? "zsledger.exe" : "./zsledger";
  const usage =
    target === "win-x64"
      ? DESKTOP_USAGE.zh
      : ["招商台账助手 zsledger — 检查招商引资台账", "", "用法：在终端中运行，例如：", `  ${exe} check 台账.xlsx`, `  ${exe} check 台账文件夹/`].join("\n");
  return `${usage}

本程序自带运行环境，无需安装 Node.js（${target}）。版本 ${version}。
  ${exe} check [文件或文件夹...] [选项]    检查台账，报告显示在屏幕上
  ${exe} report 文件夹 --out 通报.xlsx      生成半月通报
  ${exe} check 台账.xlsx --highlight 标记.xlsx   另存一份带标记的副本
  ${exe} --help                            全部命令和选项（--as-of、--unit-kind、--config、--format json 等）
退出码：0 没有错误项；1 有错误项，或部分文件无法读取；2 参数有误，或没有可读取的文件。
不带文件运行 \`${exe} check\` 时检查随附的示例台账 assets/sample-ledger.xlsx。
下载后可用 SHA256SUMS.txt 核对文件。Node.js 的许可见 NODE-LICENSE.txt。
${
  target === "win-x64"
    ? "程序未经数字签名：首次运行若出现“Windows 已保护你的电脑”，点“更多信息”→“仍要运行”；\n" +
      "单位有代码签名证书时，可先签名再分发（signtool sign /fd SHA256 zsledger.exe）。\n"
    : ""
}
zsledger ${version} for ${target}, with its own runtime: no Node.js needed.
${target === "win-x64" ? `${DESKTOP_USAGE.en}\n` : ""}Commands: \`${exe} check [FILE|FOLDER...]\`, \`${exe} report FOLDER --out BULLETIN.xlsx\`, \`${exe} --help\` for every flag.
Exit codes: 0 no error finding; 1 error findings or some files unreadable; 2 a wrong argument or nothing readable.
Without a file, \`${exe} check\` checks the bundled sample (assets/sample-ledger.xlsx). Node.js's licence: NODE-LICENSE.txt.
${target === "win-x64" ? "The program is not signed: at SmartScreen's warning choose More info → Run anyway, or sign it (signtool sign /fd SHA256 zsledger.exe).\n" : ""}`;
}

/** A zip of `dir` whose entries sit under the folder's own name; `executable` entries keep mode 755. */
function zipFolder(dir, zipPath, executable = new Set()) {
  const { writeZip } = require(path.join(ROOT, "dist/cli/zipWrite.js"));
  const top = path.basename(dir);
  const entries = filesBelow(dir).map((rel) => ({
    name: `${top}/${rel}`,
    data: fs.readFileSync(path.join(dir, ...rel.split("/"))),
    mode: executable.has(rel) ? 0o755 : 0o644,
  }));
  writeZip(zipPath, null, entries);
}

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main() {
  const started = Date.now();
  const baseUrl = baseUrlSetting();
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const version = pkg.version;
  const env = { ...process.env, ZSLEDGER_BASE_URL: baseUrl };
  const timings = {};

  timings.cli = npmRun("build:cli", env);
  timings.addin = npmRun("build", env);
  // The WPS add-in, where this checkout has it: its own build script, then its output folder.
  if (pkg.scripts && pkg.scripts["build:wps"]) timings.wps = npmRun("build:wps", env);
  const wpsBuilt = path.join(ROOT, "dist/wps");

  fs.rmSync(RELEASE_DIR, { recursive: true, force: true });
  fs.mkdirSync(RELEASE_DIR);
  const deliverables = [];

  let wps = null;
  if (fs.existsSync(wpsBuilt)) {
    const dir = path.join(RELEASE_DIR, `zsledger-wps-${version}`);
    copyTree(wpsBuilt, dir);
    // What the notes list: the folder's top level (a build may hold many chunks below it).
    wps = {
      dir: path.basename(dir),
      files: fs
        .readdirSync(dir)
        .sort()
        .map((f) => (fs.statSync(path.join(dir, f)).isDirectory() ? `${f}/` : f)),
    };
    deliverables.push({ kind: "wps", dir });
  }

  const addinDir = path.join(RELEASE_DIR, `zsledger-addin-${version}`);
  say(`Office add-in → ${path.relative(ROOT, addinDir)}`);
  const addin = addinFolder({ dir: addinDir, baseUrl, version, wps });
  deliverables.unshift({ kind: "addin", dir: addinDir });

  const t0 = Date.now();
  const { buildStandalone, EXECUTABLE } = require("./standalone");
  const outDirs = Object.fromEntries(TARGETS.map((t) => [t, path.join(RELEASE_DIR, `zsledger-${version}-${t}`)]));
  const standalone = await buildStandalone({
    root: ROOT,
    version,
    targets: TARGETS,
    outDirs,
    workDir: path.join(CACHE_DIR, "build"),
    cacheDir: CACHE_DIR,
    log: say,
  });
  for (const target of TARGETS) {
    const dir = outDirs[target];
    const readme = standaloneReadme(target, version);
    fs.writeFileSync(path.join(dir, "README.txt"), target === "win-x64" ? windowsText(readme) : readme);
    if (standalone.nodeLicense) fs.copyFileSync(standalone.nodeLicense, path.join(dir, "NODE-LICENSE.txt"));
    deliverables.push({ kind: target, dir, executable: EXECUTABLE[target] });
  }
  timings.standalone = Date.now() - t0;

  const t1 = Date.now();
  say("zip + SHA256SUMS.txt");
  const sums = [];
  const record = { name: pkg.name, version, baseUrl, node: process.version, csp: addin.csp, deliverables: [] };
  for (const d of deliverables) {
    const zip = `${d.dir}.zip`;
    zipFolder(d.dir, zip, new Set(d.executable ? [d.executable] : []));
    const hash = sha256(zip);
    sums.push(`${hash}  ${path.basename(zip)}`);
    const entry = { kind: d.kind, folder: path.basename(d.dir), zip: path.basename(zip), sha256: hash, bytes: fs.statSync(zip).size };
    if (d.executable) {
      const exe = path.join(d.dir, d.executable);
      Object.assign(entry, { executable: `${path.basename(d.dir)}/${d.executable}`, executableBytes: fs.statSync(exe).size, executableSha256: sha256(exe) });
    }
    record.deliverables.push(entry);
  }
  record.seaBlobSha256 = sha256(standalone.blob);
  fs.writeFileSync(path.join(RELEASE_DIR, "SHA256SUMS.txt"), sums.join("\n") + "\n");
  fs.writeFileSync(path.join(RELEASE_DIR, "release.json"), JSON.stringify(record, null, 2) + "\n");
  timings.zip = Date.now() - t1;

  for (const e of record.deliverables) {
    say(`${e.zip}  ${mb(e.bytes)}${e.executable ? `  (${e.executable}: ${mb(e.executableBytes)})` : ""}`);
  }
  const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
  say(
    `release/ 已生成，用时 ${seconds(Date.now() - started)}；written in ${seconds(Date.now() - started)} ` +
      `(cli ${seconds(timings.cli)}, add-in ${seconds(timings.addin)}${timings.wps ? `, wps ${seconds(timings.wps)}` : ""}, ` +
      `executables ${seconds(timings.standalone)}, zips ${seconds(timings.zip)})`,
  );
}

main().catch((e) => refuse(e && e.message ? e.message.split("\n")[0] : String(e)));
