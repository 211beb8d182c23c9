/**
 * The add-in's web build: the task pane and the ZS custom functions, served from one origin.
 *
 *   npm run build            production build into dist/addin (manifest URLs → ZSLEDGER_BASE_URL,
 *                            which it requires: without it the build stops with one line)
 *   npm run build:intranet   the same, serving office.js itself instead of from Microsoft's CDN
 *   npm run build:test       production build for the tests (manifest URLs → TEST_BASE_URL)
 *   npm run build:dev        development build (manifest keeps https://localhost:3000/)
 *   npm run dev-server       https://localhost:3000 for Excel desktop and Excel on the web
 *
 * One page, two entries (the yo office Excel-Custom-Functions-Shared layout): taskpane.html loads
 * the pane's chunk and the functions' chunk, because the manifest's shared runtime opens that one
 * page for the pane, the ribbon and the functions alike (a page without the functions chunk gives
 * #BUSY!/#N/A). No functions.html is emitted: where the shared runtime is missing the manifest
 * offers no custom functions at all (see manifest.xml), so no host would ever open it.
 *
 * Beside the pane: boot.js, the page's watchdog (src/taskpane/boot.js, shipped as written), and
 * help.html, the help page the manifest names as SupportUrl and LearnMoreUrl: the user guide
 * (docs/使用说明.md) rendered at build time with the pictures it shows (scripts/helpPage.js).
 *
 * Output goes to dist/addin, not dist/, which holds the command line's compiled code.
 */
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { helpCopyPatterns } = require("./scripts/helpPage");

/** Every URL of manifest.xml starts with this; the production build replaces all of them. */
const DEV_BASE_URL = "https://localhost:3000/";
/**
 * The manifest's base in a test build (`--env test`: test/build.test.ts, test/security, the browser
 * test, the bench). A reserved domain (.invalid, RFC 2606) that resolves nowhere, so a test build's
 * manifest can never be mistaken for a deployable one.
 */
const TEST_BASE_URL = "https://zsledger.invalid/";
/** What a production build without a base URL says, on one line, Chinese first. */
const MISSING_BASE_URL =
  "构建已停止：请设置 ZSLEDGER_BASE_URL 为加载项的 HTTPS 地址（如 ZSLEDGER_BASE_URL=https://oa.example.gov.cn/zsledger/ npm run build）。" +
  " Build stopped: set ZSLEDGER_BASE_URL to the add-in's HTTPS address (e.g. ZSLEDGER_BASE_URL=https://oa.example.gov.cn/zsledger/ npm run build).";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Where the intranet build puts @microsoft/office-js/dist, relative to taskpane.html. */
const SELF_HOSTED_OFFICE_JS = "office-js/office.js";
const OUTPUT_DIR = path.resolve(__dirname, "dist/addin");

// ---- What the pane's webviews must parse (issue 11, item 6) -----------------------------------
/**
 * The ECMAScript edition of every script shipped, dependencies included: ES2020, as the README
 * states. Office shows the pane in WebView2 on Windows (evergreen Chromium, far beyond ES2020) and
 * in the system's WKWebView on a Mac, which parses ES2020 from Safari 14 (macOS 10.14.6 and later
 * with Safari updates), while the ES2022 that Fluent UI's tabster ships (class static blocks, ??=)
 * needs Safari 16.4 (2023): untranspiled, the vendor chunk fails to parse on every Mac not updated
 * since then and the pane never starts. IE 11 and Edge Legacy cannot run React 19 at any edition;
 * the page tells their users so without a script (taskpane.html). test/build.test.ts parses every
 * emitted chunk at this edition.
 */
const SHIPPED_ECMA_VERSION = 2020;
const SHIPPED_TARGET = `es${SHIPPED_ECMA_VERSION}`;
/**
 * The page's watchdog: plain ES5, copied as written (never bundled), loaded before office.js and
 * the app, so that it runs where they cannot and replaces "正在加载…" with what to do.
 */
const BOOT_SCRIPT = "src/taskpane/boot.js";

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** An error webpack-cli prints as its message alone: one line, no stack (what a user must set, not where the config threw). */
function oneLineError(message) {
  const error = new Error(message);
  error.stack = message;
  return error;
}

/**
 * How scripts are compiled, for the Excel add-in and the WPS one (webpack.wps.js) alike: TypeScript
 * stripped of its types, and every module of node_modules lowered to SHIPPED_TARGET.
 */
function scriptRules(dev) {
  return [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: {
        loader: "ts-loader",
        // Type checking is `npx tsc --noEmit -p .`; here TypeScript only strips types. ES modules
        // (not the CommonJS the tests use) so that import() splits chunks and unused code is dropped.
        options: { transpileOnly: true, compilerOptions: { module: "esnext", target: SHIPPED_TARGET, sourceMap: dev } },
      },
    },
    {
      // Dependencies ship newer syntax than the pane may (tabster: class static blocks, ??=) and
      // webpack bundles them as they are: esbuild lowers every module of node_modules to
      // SHIPPED_TARGET. Measured here, the build took no measurably longer and the pane's
      // initial JavaScript stayed the same size gzipped.
      test: /\.[cm]?js$/,
      include: /[\\/]node_modules[\\/]/,
      loader: "esbuild-loader",
      options: { target: SHIPPED_TARGET },
    },
  ];
}

/**
 * ZSLEDGER_BASE_URL, checked: required (a manifest pointing at a made-up host fails only at
 * sideload, far from the build that caused it), an https URL, with the trailing slash the
 * manifest's paths expect.
 */
function productionBaseUrl(value = process.env.ZSLEDGER_BASE_URL) {
  const url = (value || "").trim();
  if (!url) throw oneLineError(MISSING_BASE_URL);
  if (!/^https:\/\/[^/\s]+/i.test(url)) {
    throw oneLineError(`ZSLEDGER_BASE_URL 必须是 https:// 地址（Office 只通过 HTTPS 加载加载项），而不是 "${url}"。 ZSLEDGER_BASE_URL must be an https:// URL (Office loads add-ins over HTTPS only), not "${url}".`);
  }
  return url.endsWith("/") ? url : `${url}/`;
}

/** The manifest for a base URL: every occurrence of the dev URL (a global RegExp, not String.replace's first match). */
function manifestFor(xml, baseUrl) {
  return xml.replace(new RegExp(escapeRegExp(DEV_BASE_URL), "g"), baseUrl);
}

/**
 * Points taskpane.html at the self-hosted office.js. The template (the pane's) loads office.js
 * from the CDN; this rewrites that one URL, and fails the build rather than ship a page that would
 * still reach for the Internet.
 */
class SelfHostOfficeJsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("SelfHostOfficeJsPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("SelfHostOfficeJsPlugin", (data) => {
        if (data.outputName !== "taskpane.html") return data;
        if (!data.html.includes(OFFICE_JS_CDN)) {
          compilation.errors.push(new Error(`${data.outputName} does not load ${OFFICE_JS_CDN}; cannot point it at the self-hosted office.js`));
        }
        data.html = data.html.replace(new RegExp(escapeRegExp(OFFICE_JS_CDN), "g"), SELF_HOSTED_OFFICE_JS);
        return data;
      });
    });
  }
}

/**
 * Dev certificates: those of office-addin-dev-certs (`npm run dev-certs`: a CA trusted for the
 * current user on Windows and macOS, its key discarded, and a localhost certificate it signed, kept
 * with its key in ~/.office-addin-dev-certs, never in the repository). Without them, webpack-dev-
 * server's own self-signed certificate, which Excel does not trust: say so once.
 */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    console.warn("未找到开发证书，Excel 不会信任本服务器：请先运行 npm run dev-certs。 No dev certificate: Excel will not trust this server; run npm run dev-certs first.");
    return "https";
  }
  const options = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  return { type: "https", options };
}

/** A short digest of a file, to make its URL change when its content does (cache busting). */
function fileVersion(file) {
  return crypto.createHash("sha256").update(fs.readFileSync(path.join(__dirname, file))).digest("hex").slice(0, 8);
}

/**
 * env: `intranet` serves office.js itself; `test` is a production build for the tests, whose
 * manifest points at TEST_BASE_URL (an explicit mode, so that a real build never falls back to it).
 * @type {(env: Record<string, unknown>, argv: { mode?: string }) => import("webpack").Configuration}
 */
function config(env = {}, argv = {}) {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const intranet = Boolean(env.intranet) || process.env.ZSLEDGER_SELF_HOST_OFFICE_JS === "1";
  const baseUrl = dev ? DEV_BASE_URL : env.test ? TEST_BASE_URL : productionBaseUrl();

  return {
    mode: dev ? "development" : "production",
    // Never an eval-based devtool: the pane's Content-Security-Policy allows no eval, in development too.
    devtool: dev ? "source-map" : false,
    // Shapes webpack's own runtime code only; the modules it bundles are lowered by the loaders below.
    target: ["web", SHIPPED_TARGET],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: OUTPUT_DIR,
      // Entry chunks keep stable names (the manifest names functions.js); taskpane.html asks for them
      // with ?<hash> so a new build is never served from a stale cache. Lazy chunks carry their hash.
      filename: "[name].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: scriptRules(dev) },
    optimization: {
      // One webpack runtime for both entries of the page, so a module they share (the settings the
      // pane hands to the functions) is one instance, and shared code is downloaded once.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    performance: {
      // The budget that matters is the pane's initial JavaScript gzipped (≤ 150 KB, issue 5), which
      // test/build.test.ts measures; webpack's own hint counts unzipped bytes.
      hints: false,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
        hash: !dev,
        // The template names the watchdog itself (before office.js); ?<digest> as for the chunks.
        bootScript: dev ? "boot.js" : `boot.js?${fileVersion(BOOT_SCRIPT)}`,
      }),
      ...(intranet ? [new SelfHostOfficeJsPlugin()] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          // As written: ES5 that any webview parses, small enough not to need minifying.
          { from: BOOT_SCRIPT, to: "boot.js", info: { minimized: true } },
          { from: "src/functions/functions.zh-cn.json", to: "functions.zh-cn.json" },
          // The help page (SupportUrl, LearnMoreUrl): the user guide as static HTML, no script.
          ...helpCopyPatterns(),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: { transformer: (content) => (dev ? content : Buffer.from(manifestFor(content.toString("utf8"), baseUrl))) },
          },
          ...(intranet
            ? [
                {
                  from: "node_modules/@microsoft/office-js/dist",
                  to: path.dirname(SELF_HOSTED_OFFICE_JS),
                  // Microsoft's files as published: not minified again (that would take minutes), not altered.
                  info: { minimized: true },
                  // Debug builds, editor hints and the files of other Office applications are never loaded in Excel.
                  globOptions: {
                    ignore: [
                      "**/*.debug.js",
                      "**/*vsdoc*",
                      "**/*.d.ts",
                      "**/{access,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,visio,word,wordios}-*.js",
                    ],
                  },
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      // Only when serving: a build has no use for certificates (and no reason to warn about them).
      server: serving ? devServerHttps() : "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      // No hot module replacement (the pane has no React refresh); the page reloads on a change.
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
}

module.exports = config;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.TEST_BASE_URL = TEST_BASE_URL;
module.exports.SHIPPED_ECMA_VERSION = SHIPPED_ECMA_VERSION;
module.exports.OUTPUT_DIR = OUTPUT_DIR;
module.exports.manifestFor = manifestFor;
module.exports.scriptRules = scriptRules;
module.exports.productionBaseUrl = productionBaseUrl;
