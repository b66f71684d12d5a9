/**
 * The worker thread's entry point (loaded by piscina as dist/batch/worker.js): one file in, one
 * result out. A failure is a result, never a thrown error, so one bad file costs one line.
 */
import { workerData } from "node:worker_threads";
import { setInflateGate } from "../read/zip.js";
import { processFile, type FileResult, type FileTask } from "./task.js";

// The pool's stop flag (see stopFlagOf in pool.ts): once it is raised, this thread waits before
// its next zlib handle is made, so that terminating it never lands inside zlib's making of one.
// The wait ends by itself after a while, should nobody terminate the thread.
const stopFlag = (workerData as { stopFlag?: Int32Array } | undefined)?.stopFlag;
if (stopFlag) {
  setInflateGate(() => {
    if (Atomics.load(stopFlag, 0) === 1) Atomics.wait(stopFlag, 0, 1, 10_000);
  });
}

export default function convertFile(task: FileTask): Promise<FileResult> {
  return processFile(task);
}
