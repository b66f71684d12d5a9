// A worker for the pool's tests (orderedResults' workerFile): it converts nothing, and ends its
// thread, as a worker that runs out of memory does, on a file whose name starts with "crash",
// while it still holds the next file (every other file takes it a while).
import { basename } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export default async function crashOrAnswer(task) {
  if (basename(task.path).startsWith("crash")) {
    await sleep(10);
    process.exit(7);
  }
  await sleep(100);
  return { ok: true, display: task.display, updates: task.bytes ? task.bytes.byteLength : -1 };
}
