/**
 * Each file of a run checked in a worker thread under the per-file limits (limits.ts): a deadline
 * and a memory limit, after which the worker is terminated. Memory is watched twice: the process's
 * resident size is polled (what the hostile corpus test's watchdog measures, and quick to react),
 * and the worker's JavaScript heap is capped below it (V8 stops the worker, not the process, even
 * when a poll would come too late). A file past a limit is one line, like any unreadable file,
 * and the run goes on with a fresh worker: one hostile file in a folder no longer takes the whole
 * `check` or `report` down with it.
 *
 * One worker serves the files one after another: it loads ExcelJS and the engine once, as the
 * command did in its own thread, so a folder of fifty ledgers pays for one worker's start (a few
 * tens of milliseconds), not fifty. It is replaced only after a file it had to give up on.
 */
import * as path from "path";
import { Worker } from "worker_threads";
import type { CheckContext, Target } from "./batch";
import type { PerFileLimits } from "./limits";
import { fileProblemText, say, type FileProblem } from "./messages";
import type { CheckedFile } from "./report/types";

/** What the command thread asks: one file. */
export interface CheckRequest {
  readonly id: number;
  readonly target: Target;
  readonly ctx: CheckContext;
}

/** What the worker answers. */
export interface CheckResponse {
  readonly id: number;
  readonly checked: CheckedFile;
}

const WORKER_SCRIPT = path.join(__dirname, "checkWorker.js");
/** How often the process's resident memory is looked at while a file is read. */
const MEMORY_POLL_MS = 100;

export class IsolatedChecker {
  private worker: Worker | null = null;
  private nextId = 1;

  constructor(private readonly limits: PerFileLimits) {}

  check(target: Target, ctx: CheckContext): Promise<CheckedFile> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (checked: CheckedFile, broken: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (!broken) {
          resolve(checked);
          return;
        }
        // The next file starts once this worker's memory is given back.
        if (this.worker === worker) this.worker = null;
        worker.terminate().then(
          () => resolve(checked),
          () => resolve(checked),
        );
      };
      const fail = (problem: FileProblem) => finish({ file: target.file, error: say(fileProblemText(problem), ctx.lang) }, true);
      const onMessage = (m: CheckResponse) => {
        if (m.id === id) finish(m.checked, false);
      };
      const onError = (e: Error & { code?: string }) =>
        fail(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooMuch : { kind: "corrupt", detail: firstLine(e) });
      const onExit = (code: number) => fail({ kind: "corrupt", detail: `reader stopped (${code})` });
      const tooMuch = { kind: "too-much-memory", memoryMb: this.limits.memoryMb } as const;
      const timer = setTimeout(() => fail({ kind: "too-slow", seconds: this.limits.seconds }), this.limits.seconds * 1000);
      const poll = setInterval(() => {
        if (process.memoryUsage.rss() > this.limits.memoryMb * 1024 ** 2) fail(tooMuch);
      }, MEMORY_POLL_MS);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage({ id, target, ctx } satisfies CheckRequest);
    });
  }

  /** Ends the worker (the process would otherwise wait for it). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    return new Worker(WORKER_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: heapMb(this.limits.memoryMb) } });
  }
}

/** The worker's heap: three quarters of the memory limit, the rest for the command's thread and the zip reader's buffers. */
export function heapMb(memoryMb: number): number {
  return Math.max(16, Math.floor((memoryMb * 3) / 4));
}

function firstLine(e: Error): string {
  const s = (e.message ?? String(e)).split(/\r?\n/)[0].trim();
  return s.length > 160 ? s.slice(0, 157) + "…" : s;
}
