/**
 * Files through a pool of worker threads (piscina), results back in input order.
 *
 * At most `window` files are in flight or finished-but-not-yet-consumed at any time: the FIFO of
 * pending results is the reorder buffer. A fast file that finishes before a slow one waits in it;
 * the consumer always sees file 1, 2, 3… so output is the same whatever the number of workers,
 * and memory holds a few results, never the whole archive. With one job (or one file) the work
 * runs in this thread, with no worker start-up, unless `worker` asks for a worker anyway
 * (convert does: its main thread then only writes, and the worker gets a tuned heap).
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import type { FileResult, FileTask } from "./task.js";
import { describeFailure } from "./reason.js";

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The compiled worker, beside this module when running from dist/. Under a TypeScript runner
 * (tests run src/ directly) the worker still has to be JavaScript: dist/batch/worker.js, built
 * by `npm run build`.
 */
export function workerPath(): string {
  const here = import.meta.url;
  const url = here.endsWith(".ts") ? new URL("../../dist/batch/worker.js", here) : new URL("./worker.js", here);
  return fileURLToPath(url);
}

export interface OrderedOptions {
  jobs: number;
  /** Results held at most (in flight plus waiting for their turn); default 4 per job. */
  window?: number;
  /** Use a worker thread even for one job (the main thread then only writes). */
  worker?: boolean;
  /** Stop submitting files; pending ones are abandoned. */
  signal?: AbortSignal;
}

type Pool = {
  run(task: FileTask, options?: { signal?: AbortSignal | null }): Promise<FileResult>;
  destroy(): Promise<void>;
  on(event: "error", listener: (error: unknown) => void): unknown;
};

/**
 * The young generation of the workers' heaps, shared out among them. Reading a .docx makes many
 * short-lived objects (mammoth's XML tree); a bigger young generation lets them die there
 * instead of being promoted and swept later: one worker with 96 MB spends ~15% less CPU than
 * with V8's default. With several workers each gets its share, which keeps the peak RSS of the
 * process close to V8's defaults. (Capping the old generation as well lowers the peak further
 * but costs ~30% more CPU in garbage collection: not done.)
 */
export const YOUNG_GENERATION_BUDGET_MB = 96;

export function youngGenerationMb(threads: number): number {
  return Math.max(16, Math.floor(YOUNG_GENERATION_BUDGET_MB / threads));
}

async function startPool(threads: number): Promise<Pool> {
  const filename = workerPath();
  if (!existsSync(filename)) throw new Error(`worker not built: ${filename} is missing (run npm run build)`);
  const { Piscina } = await import("piscina");
  return new Piscina<FileTask, FileResult>({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1_000,
    concurrentTasksPerWorker: 1,
    resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb(threads) },
  });
}

/** The promise's value, or undefined as soon as the signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener("abort", onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener("abort", onAbort), reject(error)),
    );
  });
}

/** Every task's result, in the order of the tasks. Never rejects for a bad file. */
export async function* orderedResults(tasks: FileTask[], options: OrderedOptions): AsyncGenerator<FileResult> {
  const threads = Math.max(1, Math.min(options.jobs, tasks.length));
  if (threads === 1 && !(options.worker && tasks.length > 1)) {
    // The parser is loaded only here: with workers, this thread never needs it.
    const { processFile } = await import("./task.js");
    for (const task of tasks) {
      if (options.signal?.aborted) return;
      // A read that blocks (a named pipe nobody writes to) cannot be cancelled: it is abandoned.
      const result = await untilAborted(processFile(task), options.signal);
      if (result === undefined) return;
      yield result;
    }
    return;
  }
  const pool = await startPool(threads);
  // However the loop ends (the caller's signal, a consumer that stops early, an error), the files
  // still in flight are cancelled through piscina's own abort before the pool is destroyed. An
  // answer already on its way from a worker then reaches a pool that no longer knows its task, and
  // piscina reports it as an 'error' event on the pool, which Node throws when nobody listens.
  // Every file's own failure arrives through its promise, so such late answers are let go.
  const inFlight = new AbortController();
  pool.on("error", () => undefined);
  const window = Math.max(threads, options.window ?? threads * 4);
  const pending: Promise<FileResult>[] = [];
  let next = 0;
  const submit = (): void => {
    while (next < tasks.length && pending.length < window) {
      const task = tasks[next++]!; // next < tasks.length
      // A worker that dies (out of memory, a crash in a native module) fails its file only.
      pending.push(pool.run(task, { signal: inFlight.signal }).catch((error: unknown) => ({ ok: false, display: task.display, reason: describeFailure(error, task.debug) })));
    }
  };
  try {
    submit();
    while (pending.length > 0) {
      if (options.signal?.aborted) return;
      const result = await untilAborted(pending.shift()!, options.signal);
      if (result === undefined) return;
      submit();
      yield result;
    }
  } finally {
    inFlight.abort();
    await Promise.allSettled(pending);
    const destroyed = pool.destroy().catch(() => undefined);
    // A worker blocked in a read that cannot be cancelled (a named pipe nobody writes to) never
    // exits, so when the caller stopped the run its threads are not waited for: the caller is
    // ending the process (see the convert command), which takes them along.
    if (!options.signal?.aborted) await destroyed;
  }
}
