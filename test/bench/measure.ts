/** Child processes measured from outside (wall time) and inside (peak RSS, CPU time), and medians. */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface ChildRun {
  readonly wallMs: number;
  /** Peak resident set size of the child, in MB. */
  readonly peakMb: number;
  /** User + system CPU time of the child, in ms. */
  readonly cpuMs: number;
  readonly stdout: string;
  readonly code: number | null;
}

const PROBE = path.join(__dirname, "rssProbe.js");

/**
 * Runs `node script args…` with the probe preloaded. Its standard output goes to `stdoutFile`
 * when given (a report the command line writes), else it is collected (a child's JSON figures).
 */
export function runNode(script: string, args: readonly string[], stdoutFile?: string): Promise<ChildRun> {
  const probeOut = path.join(os.tmpdir(), `zsledger-bench-probe-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const out = stdoutFile ? fs.openSync(stdoutFile, "w") : "pipe";
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ["-r", PROBE, script, ...args], {
      stdio: ["ignore", out, "pipe"],
      env: { ...process.env, ZSLEDGER_BENCH_RSS: probeOut },
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (typeof out === "number") fs.closeSync(out);
      let probe: { maxRSS: number; user: number; system: number } | null = null;
      try {
        probe = JSON.parse(fs.readFileSync(probeOut, "utf8"));
        fs.unlinkSync(probeOut);
      } catch {
        probe = null;
      }
      if (!probe || (code !== 0 && code !== 1)) {
        reject(new Error(`${path.basename(script)} ${args.join(" ").slice(0, 80)} exited with ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
        return;
      }
      resolve({ wallMs, peakMb: probe.maxRSS / 1024, cpuMs: (probe.user + probe.system) / 1000, stdout, code });
    });
  });
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Paired {
  readonly ours: ChildRun[];
  readonly floor: ChildRun[];
}

/**
 * A/B alternation: the floor, then ours, `runs` times, so that a machine growing busier or
 * quieter weighs on both alike. The ratio of a figure is the median of the per-pair ratios.
 */
export async function paired(runs: number, floor: () => Promise<ChildRun>, ours: () => Promise<ChildRun>): Promise<Paired> {
  const result: Paired = { ours: [], floor: [] };
  for (let i = 0; i < runs; i++) {
    result.floor.push(await floor());
    result.ours.push(await ours());
  }
  return result;
}

export function pairedRatio(p: Paired, figure: (r: ChildRun) => number): number {
  return median(p.ours.map((o, i) => figure(o) / figure(p.floor[i])));
}
