/**
 * Each file of a run checked in a worker thread under the per-file limits (limits.ts): a heap
 * limit (V8 stops the worker, not the process) and a deadline (the worker is terminated). A file
 * past either is one line, like any unreadable file, and the run goes on with a fresh worker: one
 * hostile file in a folder no longer takes the whole `check` or `report` down with it.
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
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (broken) {
          if (this.worker === worker) this.worker = null;
          void worker.terminate();
        }
        resolve(checked);
      };
      const fail = (problem: FileProblem) => finish({ file: target.file, error: say(fileProblemText(problem), ctx.lang) }, true);
      const onMessage = (m: CheckResponse) => {
        if (m.id === id) finish(m.checked, false);
      };
      const onError = (e: Error & { code?: string }) =>
        fail(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? { kind: "too-much-memory", memoryMb: this.limits.memoryMb } : { kind: "corrupt", detail: firstLine(e) });
      const onExit = (code: number) => fail({ kind: "corrupt", detail: `reader stopped (${code})` });
      const timer = setTimeout(() => fail({ kind: "too-slow", seconds: this.limits.seconds }), this.limits.seconds * 1000);
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
    return new Worker(WORKER_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb } });
  }
}

function firstLine(e: Error): string {
  const s = (e.message ?? String(e)).split(/\r?\n/)[0].trim();
  return s.length > 160 ? s.slice(0, 157) + "…" : s;
}
