/**
 * The add-in's web build: the task pane and the ZS custom functions, served from one origin.
 *
 *   npm run build            production build into dist/addin (manifest URLs → ZSLEDGER_BASE_URL)
 *   npm run build:intranet   the same, serving office.js itself instead of from Microsoft's CDN
 *   npm run build:dev        development build (manifest keeps https://localhost:3000/)
 *   npm run dev-server       https://localhost:3000 for Excel desktop and Excel on the web
 *
 * One page, two entries (the yo office Excel-Custom-Functions-Shared layout): taskpane.html loads
 * the pane's chunk and the functions' chunk, because the manifest's shared runtime opens that one
 * page for the pane, the ribbon and the functions alike (a page without the functions chunk gives
 * #BUSY!/#N/A). No functions.html is emitted: where the shared runtime is missing the manifest
 * offers no custom functions at all (see manifest.xml), so no host would ever open it.
 *
 * Output goes to dist/addin, not dist/, which holds the command line's compiled code.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** Every URL of manifest.xml starts with this; the production build replaces all of them. */
const DEV_BASE_URL = "https://localhost:3000/";
/** Where a production build is served from unless ZSLEDGER_BASE_URL says otherwise. */
const DEFAULT_BASE_URL = "https://zsledger.example.gov.cn/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Where the intranet build puts @microsoft/office-js/dist, relative to taskpane.html. */
const SELF_HOSTED_OFFICE_JS = "office-js/office.js";
const OUTPUT_DIR = path.resolve(__dirname, "dist/addin");

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** ZSLEDGER_BASE_URL, checked: an https URL, with the trailing slash the manifest's paths expect. */
function productionBaseUrl(value = process.env.ZSLEDGER_BASE_URL) {
  const url = (value || DEFAULT_BASE_URL).trim();
  if (!/^https:\/\/[^/\s]+/i.test(url)) {
    throw new Error(`ZSLEDGER_BASE_URL must be an https:// URL (Office loads add-ins over HTTPS only), not "${url}"`);
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
 * Dev certificates: those of office-addin-dev-certs when a developer has installed them
 * (`npx office-addin-dev-certs install`, trusted by Windows and macOS), else webpack-dev-server's
 * own self-signed one, which the browser or Excel must be told to trust (README).
 */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return "https";
  const options = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  return { type: "https", options };
}

/** @type {(env: Record<string, unknown>, argv: { mode?: string }) => import("webpack").Configuration} */
function config(env = {}, argv = {}) {
  const dev = argv.mode !== "production";
  const intranet = Boolean(env.intranet) || process.env.ZSLEDGER_SELF_HOST_OFFICE_JS === "1";
  const baseUrl = dev ? DEV_BASE_URL : productionBaseUrl();

  return {
    mode: dev ? "development" : "production",
    // Never an eval-based devtool: the pane's Content-Security-Policy allows no eval, in development too.
    devtool: dev ? "source-map" : false,
    target: ["web", "es2020"],
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
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npx tsc --noEmit -p .`; here TypeScript only strips types. ES modules
            // (not the CommonJS the tests use) so that import() splits chunks and unused code is dropped.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } },
          },
        },
      ],
    },
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
      }),
      ...(intranet ? [new SelfHostOfficeJsPlugin()] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/functions/functions.zh-cn.json", to: "functions.zh-cn.json" },
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
      server: devServerHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      // No hot module replacement (the pane has no React refresh); the page reloads on a change.
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
}

module.exports = config;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.DEFAULT_BASE_URL = DEFAULT_BASE_URL;
module.exports.OUTPUT_DIR = OUTPUT_DIR;
module.exports.manifestFor = manifestFor;
module.exports.productionBaseUrl = productionBaseUrl;
