/**
 * The worker thread of isolation.ts: checks the files it is sent one at a time, in order, exactly
 * as the command's own thread would (batch.ts checkTarget). It says when it starts on a file (the
 * file's limits run from then) and sends its result back.
 */
import { parentPort } from "worker_threads";
import { checkTarget, oneLine, type Checked } from "./batch";
import type { CheckRequest, CheckResponse } from "./isolation";
import { FAILURE, say } from "./messages";

const port = parentPort;
if (!port) throw new Error("checkWorker runs as a worker thread");

let queue: Promise<void> = Promise.resolve();

port.on("message", (request: CheckRequest) => {
  queue = queue.then(() => check(request));
});

async function check({ id, target, ctx }: CheckRequest): Promise<void> {
  port!.postMessage({ id, started: true } satisfies CheckResponse);
  let checked = await checkTarget(target, ctx).catch((e): Checked => ({ target, error: say(FAILURE.internal(oneLine(e)), ctx.lang) }));
  // Copying a result to the other thread costs per object: what nobody reads is not copied.
  if (ctx.withProjects === false && "result" in checked) checked = { ...checked, result: { ...checked.result, projects: [] } };
  port!.postMessage({ id, checked } satisfies CheckResponse);
}
