#!/usr/bin/env node
/**
 * The `zsledger` command (package.json `bin`, and the standalone executables). All the work is in
 * run(); this only wires the process, and sends a drop onto zsledger.exe or a double-click to
 * desktop() (see there).
 */
import { langOf } from "./args";
import { desktop, isDesktopStart, runningAsSea } from "./desktop";
import { workAbandoned } from "./isolation";
import { commandLimits } from "./limits";
import { UsageError, say } from "./messages";
import { run } from "./run";
import { terminalText } from "./terminal";

function fail(e: unknown): void {
  // A closed pipe (zsledger … | head) is not an error worth a word.
  if ((e as NodeJS.ErrnoException)?.code === "EPIPE") {
    process.exit(process.exitCode ?? 0);
  }
  process.stderr.write(`zsledger: ${terminalText(e instanceof Error ? e.message.split("\n")[0] : String(e))}\n`);
  process.exit(2);
}

process.stdout.on("error", fail);
// The zip reader underneath can raise errors from its own event handlers, outside run()'s try.
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

const argv = process.argv.slice(2);
let limits;
try {
  limits = commandLimits(process.env);
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`zsledger: ${say(e.text, langOf(argv))}\n`);
  process.exit(2);
}

const io = { stdout: process.stdout, stderr: process.stderr, limits };
const started = isDesktopStart(argv, { platform: process.platform, sea: runningAsSea(), env: process.env })
  ? desktop(argv, { ...io, stdin: process.stdin })
  : run(argv, io);
started.then(
  (code) => {
    process.exitCode = code;
    // A read given up past its limits is still running: end once the output is written.
    if (workAbandoned()) process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
  },
  fail,
);
