#!/usr/bin/env node
/**
 * `npm run zsledger -- <arguments>`: runs the built command line (dist/cli/main.js) and compiles it
 * first only when a source it is built from changed since the last build. Compiling
 * (tsc -p tsconfig.cli.json) takes seconds even when nothing changed; a check of the sample, one.
 *
 * Sources: the folders tsconfig.cli.json includes, every other folder of src/ the last build
 * compiled (an import reaches it; tsc writes it to dist/<folder>), and the two tsconfig files. The
 * build's time is a stamp file in dist/cli, written only after tsc succeeded; a build made by
 * `npm run build:cli` or `npm ci` (prepare) counts through tsc's own dist/.tsbuildinfo.
 *
 * The arguments, the exit code and every byte of output are the command line's own; a failed
 * compilation prints tsc's errors and exits with its code, running nothing.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const MAIN = path.join(DIST, "cli", "main.js");
const STAMP = path.join(DIST, "cli", ".built");
const BUILD_INFO = path.join(DIST, ".tsbuildinfo");
const TSCONFIG = path.join(ROOT, "tsconfig.cli.json");

/** Modification time of a file, or of the newest file below a folder; 0 when absent. */
function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((t, name) => Math.max(t, newest(path.join(p, name))), stat.mtimeMs);
}

function sources() {
  const { include = [] } = JSON.parse(fs.readFileSync(TSCONFIG, "utf8"));
  const compiled = fs.existsSync(DIST) ? fs.readdirSync(DIST).filter((name) => fs.existsSync(path.join(ROOT, "src", name))) : [];
  const folders = new Set([...include.map((p) => path.join(ROOT, p)), ...compiled.map((name) => path.join(ROOT, "src", name))]);
  return [...folders, TSCONFIG, path.join(ROOT, "tsconfig.json")];
}

function isCurrent() {
  if (!fs.existsSync(MAIN)) return false;
  const built = Math.max(newest(STAMP), newest(BUILD_INFO));
  return built > 0 && sources().every((p) => newest(p) < built);
}

/** Compiles the command line; the stamp carries the time the compilation started, so an edit made meanwhile counts. */
function build() {
  const started = new Date();
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", TSCONFIG], { cwd: ROOT, stdio: "inherit" });
  if (tsc.status !== 0) return tsc.status ?? 1;
  fs.writeFileSync(STAMP, "");
  fs.utimesSync(STAMP, started, started);
  return 0;
}

function main() {
  if (!isCurrent()) {
    const code = build();
    if (code !== 0) return code;
  }
  const cli = spawnSync(process.execPath, [MAIN, ...process.argv.slice(2)], { stdio: "inherit" });
  if (cli.signal) process.kill(process.pid, cli.signal);
  return cli.status ?? 1;
}

process.exitCode = main();
