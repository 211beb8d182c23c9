/**
 * The worker thread of isolation.ts: checks the files it is sent, one at a time, exactly as the
 * command's own thread would (batch.ts checkTarget), and sends each result back.
 */
import { parentPort } from "worker_threads";
import { checkTarget, oneLine } from "./batch";
import type { CheckRequest, CheckResponse } from "./isolation";
import { FAILURE, say } from "./messages";
import type { CheckedFile } from "./report/types";

const port = parentPort;
if (!port) throw new Error("checkWorker runs as a worker thread");

port.on("message", (request: CheckRequest) => {
  const { target, ctx } = request;
  void checkTarget(target, ctx)
    .catch((e): CheckedFile => ({ file: target.file, error: say(FAILURE.internal(oneLine(e)), ctx.lang) }))
    .then((checked) => port.postMessage({ id: request.id, checked } satisfies CheckResponse));
});
