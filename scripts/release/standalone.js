/**
 * The command line as executables that need no Node: Node's single-executable applications.
 *
 *   1. the compiled command line (dist/cli) bundled into one CommonJS file (cli.webpack.config.js);
 *   2. that file made into a blob by this very Node (`node --experimental-sea-config`);
 *   3. for each target, the registry's Node binary of the same version (nodeBinary.js), its
 *      Authenticode signature dropped on Windows, and the blob injected with postject: on Linux an
 *      ELF note, on Windows the PE resource RCDATA "NODE_SEA_BLOB"; postject also flips the fuse
 *      string that tells the binary to look for it.
 *
 * One blob serves both targets: without a code cache or a snapshot (neither asked for here) it is
 * the script and a few flags, the same on every platform.
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { cliBundleConfig } = require("./cli.webpack.config");
const { ReleaseError, nodeBinary } = require("./nodeBinary");
const { withoutSignature } = require("./pe");

/** Node's name for the blob, and the fuse postject flips from :0 to :1 (Node's SEA documentation). */
const SEA_RESOURCE = "NODE_SEA_BLOB";
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/** The executable's name per target. */
const EXECUTABLE = { "linux-x64": "zsledger", "win-x64": "zsledger.exe" };
/** The worker's bundle as the executable names its asset (src/cli/isolation.ts WORKER_ASSET). */
const WORKER_ASSET = "checkWorker.cjs";

/** Runs webpack on the command line's bundle config; resolves with the bundle's path. */
function bundle(workDir, version) {
  const webpack = require("webpack");
  return new Promise((resolve, reject) => {
    webpack(cliBundleConfig({ outputDir: workDir, version }), (err, stats) => {
      if (err) return reject(err);
      // A warning here is a module webpack could not resolve: in the executable that is a crash
      // on first use, so it fails the release like an error.
      if (stats.hasErrors() || stats.hasWarnings()) {
        return reject(new ReleaseError(`命令行打包失败；bundling the command line failed:\n${stats.toString("errors-warnings")}`));
      }
      resolve({ script: path.join(workDir, "zsledger.cjs"), worker: path.join(workDir, WORKER_ASSET) });
    });
  });
}

/** The single-executable blob of `script`, carrying the worker's bundle as an asset, written by the running Node. */
function seaBlob({ script, worker }, workDir) {
  const blob = path.join(workDir, "zsledger.blob");
  const config = path.join(workDir, "sea-config.json");
  const seaConfig = { main: script, output: blob, disableExperimentalSEAWarning: true, assets: { [WORKER_ASSET]: worker } };
  fs.writeFileSync(config, JSON.stringify(seaConfig, null, 2));
  const made = spawnSync(process.execPath, ["--experimental-sea-config", config], { encoding: "utf8" });
  if (made.status !== 0 || !fs.existsSync(blob)) {
    throw new ReleaseError(`无法生成单文件应用数据；node --experimental-sea-config failed: ${(made.stderr || "").trim().split("\n")[0]}`);
  }
  return blob;
}

/** Copies the Node binary to `out` (unsigned when it is a PE image) and injects the blob. */
async function injectInto(nodeBinaryPath, out, blob, target) {
  const { inject } = require("postject");
  const image = fs.readFileSync(nodeBinaryPath);
  fs.writeFileSync(out, target === "win-x64" ? withoutSignature(image) : image);
  await inject(out, SEA_RESOURCE, fs.readFileSync(blob), { sentinelFuse: SEA_FUSE, overwrite: false });
  fs.chmodSync(out, 0o755);
}

/**
 * injectInto in a process of its own: the targets are injected side by side (postject works one
 * core for half a minute on node.exe), and postject's parser chatter about ELF notes it does not
 * know is kept out of the release's log unless the injection fails.
 */
function injectInChild(nodeBinaryPath, out, blob, target) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, "standalone.js"), "--inject", nodeBinaryPath, out, blob, target], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0 && fs.existsSync(out)) resolve(out);
      else reject(new ReleaseError(`postject 失败（${target}）；injecting the blob failed for ${target}: ${log.trim().split("\n").slice(-3).join(" / ")}`));
    });
  });
}

/**
 * Builds the executables for `targets` into `outDirs[target]` (created), each beside the sample
 * (assets/sample-ledger.xlsx: `zsledger check` without a file checks it, as the npm command does).
 * Returns the executables' paths, the blob's and bundle's, and Node's licence text file (or null).
 */
async function buildStandalone({ root, version, targets, outDirs, workDir, cacheDir, log }) {
  fs.mkdirSync(workDir, { recursive: true });
  log("bundle dist/cli → zsledger.cjs (webpack)");
  const bundles = await bundle(workDir, version);
  const script = bundles.script;
  log("single-executable blob (node --experimental-sea-config)");
  const blob = seaBlob(bundles, workDir);
  const nodeVersion = process.version.replace(/^v/, "");
  const executables = {};
  const injections = [];
  let nodeLicense = null;
  for (const target of targets) {
    const { binary, license } = nodeBinary(target, nodeVersion, cacheDir, log);
    nodeLicense ??= license;
    const dir = outDirs[target];
    fs.mkdirSync(path.join(dir, "assets"), { recursive: true });
    fs.copyFileSync(path.join(root, "assets/sample-ledger.xlsx"), path.join(dir, "assets/sample-ledger.xlsx"));
    const out = path.join(dir, EXECUTABLE[target]);
    log(`postject → ${path.relative(root, out)}`);
    injections.push(injectInChild(binary, out, blob, target));
    executables[target] = out;
  }
  await Promise.all(injections);
  return { executables, blob, script, nodeLicense };
}

module.exports = { SEA_RESOURCE, SEA_FUSE, EXECUTABLE, buildStandalone };

// `node standalone.js --inject BINARY OUT BLOB TARGET`: one injection (injectInChild).
if (require.main === module && process.argv[2] === "--inject") {
  const [binary, out, blob, target] = process.argv.slice(3);
  injectInto(binary, out, blob, target).catch((e) => {
    process.stderr.write(`${e && e.message ? e.message : e}\n`);
    process.exit(1);
  });
}
