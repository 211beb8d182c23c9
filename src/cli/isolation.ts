/**
 * Each file of a run checked under the per-file limits (limits.ts): a deadline and a memory limit.
 *
 * The files of a run of several are read in a worker thread, terminated past a limit. Memory is watched twice: the process's
 * resident size is polled (what the hostile corpus test's watchdog measures, and quick to react),
 * and the worker's JavaScript heap is capped below it (V8 stops the worker, not the process, even
 * when a poll would come too late). A file past a limit is one line, like any unreadable file,
 * and the run goes on with a fresh worker: one hostile file in a folder no longer takes the whole
 * `check` or `report` down with it.
 *
 * One worker serves the files one after another: it loads ExcelJS and the engine once, as the
 * command did in its own thread, so a folder of fifty ledgers pays for one worker's start, not
 * fifty. The command may queue the next file while it renders the last (batch.ts keeps one
 * ahead): copying a result between threads costs a few milliseconds a file, which this overlaps
 * with reading the next. A file's limits run from the moment the worker starts on it.
 *
 * A run of one small file (declaring at most 32 MB unpacked) is read in the command's own thread
 * under the same limits: a worker's start (a tenth to a third of a second, its own copy of the
 * modules) would be most of the time a small ledger takes, and what 32 MB of XML can cost is far
 * from the limits. Past a limit (the deadline; the memory, looked at between chunks) that file is
 * the same one line, and the command ends at once after its output (checkInThread, workAbandoned):
 * a read in this thread cannot be stopped otherwise. A larger single file goes to a worker.
 */
import * as path from "path";
import { Worker } from "worker_threads";
import type { CheckContext, Checked, Target } from "./batch";
import type { Limits, PerFileLimits } from "./limits";
import { fileProblemText, say, type FileProblem, type Lang } from "./messages";
import { sniffFile } from "./sniff";

/** What the command thread asks: one file. */
export interface CheckRequest {
  readonly id: number;
  readonly target: Target;
  readonly ctx: CheckContext;
}

/** What the worker says: that it starts on a file, then the file's result. */
export type CheckResponse = { readonly id: number; readonly started: true } | { readonly id: number; readonly checked: Checked };

const WORKER_SCRIPT = path.join(__dirname, "checkWorker.js");
/** How often the process's resident memory is looked at while a file is read. */
const MEMORY_POLL_MS = 100;

interface Job {
  readonly request: CheckRequest;
  readonly resolve: (checked: Checked) => void;
  readonly reject: (e: unknown) => void;
  /** Set once the worker has started on it. */
  deadline?: NodeJS.Timeout;
}

export class IsolatedChecker {
  private worker: Worker | null = null;
  /** Sent to the current worker and not answered yet, in order. */
  private jobs: Job[] = [];
  private poll: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(private readonly limits: PerFileLimits) {}

  /** Queues a file; results come in the order files were queued. */
  check(target: Target, ctx: CheckContext): Promise<Checked> {
    return new Promise((resolve, reject) => this.send({ request: { id: this.nextId++, target, ctx }, resolve, reject }));
  }

  /** Ends the worker (the process would otherwise wait for it). */
  async close(): Promise<void> {
    this.stopPolling();
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private send(job: Job): void {
    const worker = (this.worker ??= this.spawn());
    try {
      worker.postMessage(job.request);
    } catch (e) {
      // A context that cannot be copied to the worker (a function in it) is a bug, not the file's fault.
      job.reject(e);
      return;
    }
    this.jobs.push(job);
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: heapMb(this.limits.memoryMb) } });
    worker.on("message", (m: CheckResponse) => {
      if (worker === this.worker) this.answer(m);
    });
    // Whatever ends a worker that was not told to end is charged to the file it was reading.
    worker.on("error", (e: Error & { code?: string }) => {
      if (worker === this.worker) this.giveUp(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? this.tooMuch() : { kind: "corrupt", detail: firstLine(e) });
    });
    worker.on("exit", (code) => {
      if (worker === this.worker) this.giveUp({ kind: "corrupt", detail: `reader stopped (${code})` });
    });
    return worker;
  }

  private answer(m: CheckResponse): void {
    const job = this.jobs.find((j) => j.request.id === m.id);
    if (!job) return;
    if ("started" in m) {
      job.deadline = setTimeout(() => this.giveUp({ kind: "too-slow", seconds: this.limits.seconds }), this.limits.seconds * 1000);
      this.poll ??= setInterval(() => {
        if (process.memoryUsage.rss() > this.limits.memoryMb * 1024 ** 2) this.giveUp(this.tooMuch());
      }, MEMORY_POLL_MS);
      return;
    }
    clearTimeout(job.deadline);
    this.jobs = this.jobs.filter((j) => j !== job);
    if (this.jobs.length === 0) this.stopPolling();
    job.resolve(m.checked);
  }

  /**
   * The file being read is given up with `problem`: the worker is terminated, and once its memory
   * is given back the files queued behind it go to a fresh one.
   */
  private giveUp(problem: FileProblem): void {
    const worker = this.worker;
    const [job, ...rest] = this.jobs;
    this.worker = null;
    this.jobs = [];
    this.stopPolling();
    if (job) clearTimeout(job.deadline);
    const requeue = () => {
      if (job) job.resolve({ target: job.request.target, error: say(fileProblemText(problem), job.request.ctx.lang) });
      for (const j of rest) this.send({ ...j, deadline: undefined });
    };
    if (worker) worker.terminate().then(requeue, requeue);
    else requeue();
  }

  private stopPolling(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }

  private tooMuch(): FileProblem {
    return { kind: "too-much-memory", memoryMb: this.limits.memoryMb };
  }
}

/** What a single file may declare (unpacked) and still be read in the command's thread. */
const IN_THREAD_MAX_BYTES = 32 * 1024 ** 2;

/** Whether the targets are read in a worker: several files, or one declaring more than IN_THREAD_MAX_BYTES. */
export function needsWorker(targets: readonly Target[], limits: Limits): boolean {
  if (targets.length !== 1) return targets.length > 1;
  if (targets[0].problem) return false;
  const sniffed = sniffFile(targets[0].path, limits);
  // A file the sniff refuses is one line from the sniff alone, wherever it runs.
  return "entries" in sniffed && sniffed.entries.reduce((sum, e) => sum + e.unpacked, 0) > IN_THREAD_MAX_BYTES;
}

let abandoned = false;

/** Whether a read was left running past its limits: the command must end without waiting for it. */
export function workAbandoned(): boolean {
  return abandoned;
}

/** One file read in this thread by `read`, under the per-file limits: past one, its line, and the read is abandoned. */
export function checkInThread(read: () => Promise<Checked>, target: Target, lang: Lang, limits: PerFileLimits): Promise<Checked> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (checked: Checked, giveUp: boolean) => {
      if (settled) return;
      settled = true;
      abandoned ||= giveUp;
      clearTimeout(deadline);
      clearInterval(poll);
      resolve(checked);
    };
    const fail = (problem: FileProblem) => settle({ target, error: say(fileProblemText(problem), lang) }, true);
    const deadline = setTimeout(() => fail({ kind: "too-slow", seconds: limits.seconds }), limits.seconds * 1000);
    const poll = setInterval(() => {
      if (process.memoryUsage.rss() > limits.memoryMb * 1024 ** 2) fail({ kind: "too-much-memory", memoryMb: limits.memoryMb });
    }, MEMORY_POLL_MS);
    read().then(
      (checked) => settle(checked, false),
      (e: unknown) => settle({ target, error: say(fileProblemText({ kind: "corrupt", detail: e instanceof Error ? firstLine(e) : String(e) }), lang) }, false),
    );
  });
}

/** The worker's heap: three quarters of the memory limit, the rest for the command's thread and the zip reader's buffers. */
function heapMb(memoryMb: number): number {
  return Math.max(16, Math.floor((memoryMb * 3) / 4));
}

function firstLine(e: Error): string {
  const s = (e.message ?? String(e)).split(/\r?\n/)[0].trim();
  return s.length > 160 ? s.slice(0, 157) + "…" : s;
}
