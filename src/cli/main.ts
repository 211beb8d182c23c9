#!/usr/bin/env node
/**
 * The `zsledger` command (package.json `bin`, and the standalone executables). All the work is in
 * run(); this only wires the process, and sends a drop onto zsledger.exe or a double-click to
 * desktop() (see there).
 */
import { desktop, isDesktopStart, runningAsSea } from "./desktop";
import { run } from "./run";

function fail(e: unknown): void {
  // A closed pipe (zsledger … | head) is not an error worth a word.
  if ((e as NodeJS.ErrnoException)?.code === "EPIPE") {
    process.exit(process.exitCode ?? 0);
  }
  process.stderr.write(`zsledger: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
  process.exit(2);
}

process.stdout.on("error", fail);
// The zip reader underneath can raise errors from its own event handlers, outside run()'s try.
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

const argv = process.argv.slice(2);
const io = { stdout: process.stdout, stderr: process.stderr };
const started = isDesktopStart(argv, { platform: process.platform, sea: runningAsSea(), env: process.env })
  ? desktop(argv, { ...io, stdin: process.stdin })
  : run(argv, io);
started.then((code) => {
  process.exitCode = code;
}, fail);
