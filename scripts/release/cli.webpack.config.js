/**
 * The command line as one CommonJS file, the script of the standalone executables (standalone.js).
 *
 * A single-executable application runs one script and its `require` knows only Node's built-in
 * modules, so the compiled command line (dist/cli, from `tsc -p tsconfig.cli.json`) and the parts
 * of ExcelJS and commander it loads are bundled here into one file with no chunks. Webpack, not a
 * second bundler: it is already in the tree, and this bundle is built once per release.
 *
 * The modules the command loads on demand (ExcelJS on the first file, the bulletin's writer) stay
 * on demand: webpack runs a module's code the first time it is required, so help and argument
 * errors still answer without evaluating ExcelJS.
 */
const path = require("path");
const webpack = require("webpack");

const ROOT = path.resolve(__dirname, "../..");

/**
 * The bundles: the command (zsledger.cjs, the executable's script) and the worker thread that reads
 * each file of a folder run under its limits (checkWorker.cjs, which the executable carries as an
 * asset and starts as code: src/cli/isolation.ts). The worker's bundle exports nothing, so that it
 * runs as plain code.
 * @returns {import("webpack").Configuration[]}
 */
function cliBundleConfig({ outputDir, version }) {
  return [
    bundleConfig({ outputDir, version, entry: "dist/cli/main.js", filename: "zsledger.cjs", library: { type: "commonjs2" } }),
    bundleConfig({ outputDir, version, entry: "dist/cli/checkWorker.js", filename: "checkWorker.cjs" }),
  ];
}

/** @returns {import("webpack").Configuration} */
function bundleConfig({ outputDir, version, entry, filename, library }) {
  return {
    name: filename,
    mode: "production",
    context: ROOT,
    target: "node20",
    entry: path.join(ROOT, entry),
    output: { path: outputDir, filename, ...(library ? { library } : {}), clean: false },
    devtool: false,
    // __dirname and __filename stay Node's own: in the executable they name the executable itself.
    node: false,
    optimization: {
      // Readable stack traces in a bug report matter more than the few hundred KB minifying saves.
      minimize: false,
      splitChunks: false,
    },
    plugins: [
      new webpack.DefinePlugin({ ZSLEDGER_STANDALONE_VERSION: JSON.stringify(version) }),
      // The executable can load no file but itself.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      // dist/cli/main.js starts with the shebang of the npm command; the bundle is no npm command.
      new webpack.BannerPlugin({ banner: `zsledger ${version} — standalone command line (one file).`, entryOnly: true }),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
  };
}

module.exports = { cliBundleConfig };
