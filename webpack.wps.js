/**
 * The WPS add-in's build (WPS加载项, issue 12): `npm run build:wps` (webpack --config webpack.wps.js),
 * and the second half of `npm run build`. A configuration of its own, beside webpack.config.js (the
 * Excel add-in's, which it leaves unchanged), with its own output folder.
 *
 * dist/wps/
 *   zsledger/                 the add-in folder WPS loads: ribbon.xml, manifest.xml (JsPlugin, namespace
 *                             ZS), functions.json, index.html (ribbon callbacks and ZS functions),
 *                             taskpane.html (the same React pane as in Excel), help.html (the user guide,
 *                             the same page as the Excel add-in's: scripts/helpPage.js), scripts, icons
 *   online/jsplugins.xml      online install: the list WPS reads from oem.ini's [Server] JSPluginsServer,
 *                             naming the folder's URL (ZSLEDGER_WPS_BASE_URL, else ZSLEDGER_BASE_URL + "wps/zsledger/")
 *   offline/zsledger_<version>/  offline install: the same folder, to copy into the user's jsaddons
 *   offline/publish.xml       directory with one of these lists (wpsjs writes publish.xml there; the
 *   offline/jsplugins.xml     jsplugins.xml form is for oem.ini's JSPluginsServer pointed at that file)
 *
 * The formats follow the vendor's wpsjs 2.2.3 (its templates, build.js and debug_xmlplugin.js); see docs/wps.md.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { helpCopyPatterns } = require("./scripts/helpPage");
const { version } = require("./package.json");
const { DEV_BASE_URL, SHIPPED_ECMA_VERSION, TEST_BASE_URL, productionBaseUrl, scriptRules } = require("./webpack.config.js");

const NAME = "zsledger";
const ADDIN_DIR = NAME;
const OFFLINE_DIR = `${NAME}_${version}`;
const OUTPUT_DIR = path.resolve(__dirname, "dist/wps");
const ADDIN_OUTPUT = path.join(OUTPUT_DIR, ADDIN_DIR);

/**
 * Where the add-in folder is served for the online install: an http(s) URL ending in "/".
 * ZSLEDGER_WPS_BASE_URL, else the Excel add-in's base (required in production, as for
 * webpack.config.js; the reserved test base with --env test) + "wps/zsledger/".
 */
function wpsBaseUrl(buildEnv = {}, dev = false, vars = process.env) {
  const excelBase = () => (dev ? DEV_BASE_URL : buildEnv.test ? TEST_BASE_URL : productionBaseUrl(vars.ZSLEDGER_BASE_URL));
  const url = (vars.ZSLEDGER_WPS_BASE_URL || `${excelBase()}wps/${ADDIN_DIR}/`).trim();
  if (!/^https?:\/\/[^/\s"'<>&]+[^\s"'<>&]*$/i.test(url)) {
    throw new Error(`ZSLEDGER_WPS_BASE_URL must be an http:// or https:// URL without quotes or spaces, not "${url}"`);
  }
  return url.endsWith("/") ? url : `${url}/`;
}

/** WPS's type of an Office metadata parameter: "bool" for boolean, "[][]" for a matrix, "?" when optional. */
function wpsType(p) {
  const base = p.type === "boolean" ? "bool" : p.type;
  return `${base}${p.dimensionality === "matrix" ? "[][]" : ""}${p.optional ? "?" : ""}`;
}

/**
 * functions.json as WPS reads it ({"functions":[{name, description, parameters:[{name, description,
 * type}], result:{type}}]}, the form wpsjs's functionsScanner writes), from the zh-CN metadata the
 * Excel add-in ships: the same ids and the same Chinese descriptions in both spreadsheets.
 */
function wpsFunctionsJson(officeJson) {
  const functions = officeJson.functions.map((f) => ({
    name: f.id,
    description: f.description,
    parameters: f.parameters.map((p) => ({ name: p.name, description: p.description, type: wpsType(p) })),
    result: { type: wpsType(f.result) },
  }));
  return `${JSON.stringify({ functions }, null, 2)}\n`;
}

const xmlAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The online list: one add-in, loaded from its URL. */
function onlineList(baseUrl) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${xmlAttr(baseUrl)}"/>\n</jsplugins>\n`;
}

/** The offline list: one add-in, in the folder beside the list. */
function offlineList() {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${OFFLINE_DIR}" version="${version}" enable="enable_dev"/>\n</jsplugins>\n`;
}

/**
 * After the add-in folder is written: the install files beside it, and a copy of the folder as the
 * offline one (written here, not as webpack assets, so every page keeps its scripts beside it).
 */
class WpsInstallFilesPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap("WpsInstallFilesPlugin", () => {
      const online = path.join(OUTPUT_DIR, "online");
      const offline = path.join(OUTPUT_DIR, "offline");
      for (const dir of [online, offline]) fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(online, { recursive: true });
      fs.writeFileSync(path.join(online, "jsplugins.xml"), onlineList(this.baseUrl));
      fs.cpSync(ADDIN_OUTPUT, path.join(offline, OFFLINE_DIR), { recursive: true, filter: (src) => !src.endsWith(".map") });
      fs.writeFileSync(path.join(offline, "publish.xml"), offlineList());
      fs.writeFileSync(path.join(offline, "jsplugins.xml"), offlineList());
    });
  }
}

/** @type {(env: Record<string, unknown>, argv: { mode?: string }) => import("webpack").Configuration} */
function wpsConfig(env = {}, argv = {}) {
  const dev = argv.mode !== "production";
  return {
    name: "wps",
    mode: dev ? "development" : "production",
    // Never an eval-based devtool: the pages' Content-Security-Policy allows no eval.
    devtool: dev ? "source-map" : false,
    target: ["web", `es${SHIPPED_ECMA_VERSION}`],
    entry: {
      // The main page: ribbon callbacks and the ZS functions, synchronous, so the engine is in this chunk.
      main: ["./src/wps/main.ts", "./src/functions/wps.ts"],
      pane: "./src/taskpane/wps.tsx",
    },
    output: {
      path: ADDIN_OUTPUT,
      filename: "[name].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: scriptRules(dev) },
    optimization: { splitChunks: { chunks: "all" } },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/wps/addin/index.html", chunks: ["main"], hash: !dev }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/wps/addin/taskpane.html", chunks: ["pane"], hash: !dev }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/addin/ribbon.xml", to: "ribbon.xml" },
          { from: "src/wps/addin/manifest.xml", to: "manifest.xml" },
          ...helpCopyPatterns(),
          { from: "assets/icon-{16,32,80}.png", to: "assets/[name][ext]" },
          {
            from: "src/functions/functions.zh-cn.json",
            to: "functions.json",
            transform: { transformer: (content) => Buffer.from(wpsFunctionsJson(JSON.parse(content.toString("utf8")))) },
          },
        ],
      }),
      new WpsInstallFilesPlugin(wpsBaseUrl(env, dev)),
    ],
  };
}

module.exports = wpsConfig;
module.exports.OUTPUT_DIR = OUTPUT_DIR;
module.exports.ADDIN_OUTPUT = ADDIN_OUTPUT;
module.exports.ADDIN_DIR = ADDIN_DIR;
module.exports.OFFLINE_DIR = OFFLINE_DIR;
module.exports.wpsBaseUrl = wpsBaseUrl;
module.exports.wpsFunctionsJson = wpsFunctionsJson;
