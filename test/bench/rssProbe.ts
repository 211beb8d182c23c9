/**
 * Preloaded into a measured child process (node -r rssProbe.js …): at exit it writes the
 * process's peak resident set size (KB) and CPU time (µs) to the file named by ZSLEDGER_BENCH_RSS.
 */
import * as fs from "fs";

const out = process.env.ZSLEDGER_BENCH_RSS;
if (out) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ maxRSS: usage.maxRSS, user: usage.userCPUTime, system: usage.systemCPUTime }));
  });
}
