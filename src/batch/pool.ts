/**
 * Files through a pool of worker threads (piscina), results back in input order.
 *
 * At most `window` files are in flight or finished-but-not-yet-consumed at any time: the FIFO of
 * pending results is the reorder buffer. A fast file that finishes before a slow one waits in it;
 * the consumer always sees file 1, 2, 3… so output is the same whatever the number of workers,
 * and memory holds a few results, never the whole archive. With one job (or one file) the work
 * runs in this thread, with no worker start-up, unless `worker` asks for a worker anyway
 * (convert does: its main thread then only reads and writes, and the worker gets a tuned heap).
 * With workers, this thread reads each file and moves its bytes to the worker with the task, so
 * a worker never waits for the disk, and holds the next file while it works on one.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { FileResult, FileTask } from "./task.js";
import { describeFailure, fileErrorReason } from "./reason.js";

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
  /** The workers' module, when not the compiled worker (tests give one that crashes). */
  workerFile?: string;
  /** Threads started ahead (see WarmPool): used if the batch wants as many in workers, ended otherwise. */
  warm?: WarmPool;
}

type Pool = {
  run(task: FileTask, options?: { signal?: AbortSignal | null; transferList?: ArrayBuffer[] }): Promise<FileResult>;
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

/**
 * Files a worker holds at once: the one it works on and the next, already there with its bytes,
 * so that it starts the next file as soon as it posts a result instead of waiting for this
 * thread to answer (a round trip between threads per file, 0.2-0.5 ms on this machine, more when
 * it is loaded). It costs ~40 MB of peak RSS (docs/benchmarks.md, "convert's own costs").
 */
const FILES_PER_WORKER = 2;

/** Each pool's stop flag, shared with its workers (see worker.ts): 1 once the pool is to be ended. */
const stopFlags = new WeakMap<Pool, Int32Array>();

/**
 * Before a pool whose workers may be in the middle of files is ended: raise its flag and give a
 * worker inside a zlib call a moment to finish it and wait at its next one (a worker terminated
 * while zlib makes a handle prints Node's native "close before init" message; see
 * setInflateGate in zip.ts).
 */
async function parkWorkers(pools: Pool[]): Promise<void> {
  for (const pool of pools) {
    const flag = stopFlags.get(pool);
    if (flag) Atomics.store(flag, 0, 1);
  }
  await new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS));
}

/** How long a stopped run's workers get to leave a zlib call: one call on a part takes a few ms. */
const STOP_GRACE_MS = 50;

async function startPool(threads: number, filename: string, filesPerWorker: number): Promise<Pool> {
  if (!existsSync(filename)) throw new Error(`worker not built: ${filename} is missing (run npm run build)`);
  const { Piscina } = await import("piscina");
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const pool: Pool = new Piscina<FileTask, FileResult>({
    workerData: { stopFlag },
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1_000,
    concurrentTasksPerWorker: filesPerWorker,
    // Tasks arrive as messages, and the worker's event loop turns between files: piscina's
    // default (a worker waiting for its next task in Atomics.wait) would hold V8's own tasks
    // (garbage collection's) off until the batch ends, now that a worker never waits for a read.
    atomics: "disabled",
    resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb(threads) },
  });
  stopFlags.set(pool, stopFlag);
  return pool;
}

/**
 * Worker threads started before the files are known: convert starts them as it begins, so that
 * their start (loading piscina here, booting each thread and its modules there, ~50-100 ms on
 * this machine) overlaps reading the configuration and expanding the inputs. orderedResults takes
 * them when the batch needs that many threads in workers, and ends them otherwise; a caller that
 * never gets to the batch discards them.
 */
export class WarmPool {
  private pool: Promise<Pool> | undefined;

  constructor(
    readonly threads: number,
    readonly filename = workerPath(),
  ) {
    this.pool = startPool(threads, filename, FILES_PER_WORKER);
    // A pool that failed to start says so when it is taken; never an unhandled rejection.
    this.pool.catch(() => undefined);
  }

  /** The pool, when it has the threads and worker wanted (it is then the taker's); otherwise it is ended. */
  take(threads: number, filename: string): Promise<Pool> | undefined {
    const pool = this.pool;
    this.pool = undefined;
    if (pool && threads === this.threads && filename === this.filename) return pool;
    void pool?.then((started) => started.destroy()).catch(() => undefined);
    return undefined;
  }

  /** End the threads unless they were taken. */
  discard(): void {
    void this.take(0, "");
  }
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

/**
 * A file's bytes, read here so that the worker finds them with its task (the read overlaps the
 * worker's parsing of the file before), or the reason they could not be read. The buffer is
 * moved to the worker, not copied: a buffer that shares its memory with others (a small one,
 * from Node's pool) is copied first, as moving it would take the others' memory along.
 */
async function readAhead(task: FileTask): Promise<{ bytes: Uint8Array } | { failure: FileResult }> {
  try {
    const bytes = await readFile(task.path);
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    return { bytes: own };
  } catch (error) {
    return { failure: { ok: false, display: task.display, reason: fileErrorReason(error, task.debug) } };
  }
}

/** Every task's result, in the order of the tasks. Never rejects for a bad file. */
export async function* orderedResults(tasks: FileTask[], options: OrderedOptions): AsyncGenerator<FileResult> {
  const threads = Math.max(1, Math.min(options.jobs, tasks.length));
  const inWorkers = !(threads === 1 && !(options.worker && tasks.length > 1));
  const filename = options.workerFile ?? workerPath();
  const warm = options.warm?.take(inWorkers ? threads : 0, filename);
  if (!inWorkers) {
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
  const pool = await (warm ?? startPool(threads, filename, FILES_PER_WORKER));
  // However the loop ends (the caller's signal, a consumer that stops early, an error), the files
  // still in flight are dropped by destroying the pool. (Not through piscina's abort signal: a
  // worker holding a task that can be aborted is never given a second one.) An answer already on
  // its way from a worker then reaches a pool that no longer knows its task, and piscina reports
  // it as an 'error' event on the pool, which Node throws when nobody listens. Every file's own
  // failure arrives through its promise, so such late answers are let go.
  const stopped = new AbortController();
  pool.on("error", () => undefined);
  // Made at the first worker that dies: its files are run again one at a time (see runFile).
  let alonePool: Promise<Pool> | undefined;
  const runAlone = async (task: FileTask): Promise<FileResult> => {
    alonePool ??= startPool(1, filename, 1).then((started) => (started.on("error", () => undefined), started));
    return runIn(await alonePool, task);
  };
  const runIn = async (target: Pool, task: FileTask): Promise<FileResult> => {
    // A read that blocks (a named pipe nobody writes to) cannot be cancelled: it is abandoned.
    const read = await untilAborted(readAhead(task), stopped.signal);
    if (read === undefined) return { ok: false, display: task.display, reason: "stopped" };
    if ("failure" in read) return read.failure;
    return target.run({ ...task, bytes: read.bytes }, { transferList: [read.bytes.buffer as ArrayBuffer] });
  };
  const runFile = (task: FileTask): Promise<FileResult> =>
    runIn(pool, task).catch((error: unknown) => {
      // A worker that dies (out of memory, a crash in a native module) takes with it every file
      // it holds; each is run again alone, in a worker of its own, so that a crash fails its file only.
      if (stopped.signal.aborted) return { ok: false, display: task.display, reason: describeFailure(error, task.debug) };
      return runAlone(task).catch((again: unknown) => ({ ok: false, display: task.display, reason: describeFailure(again, task.debug) }));
    });
  const window = Math.max(threads, options.window ?? threads * 4);
  const pending: Promise<FileResult>[] = [];
  let next = 0;
  const submit = (): void => {
    while (next < tasks.length && pending.length < window) pending.push(runFile(tasks[next++]!)); // next < tasks.length
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
    stopped.abort();
    if (pending.length > 0) {
      const alone = alonePool && (await alonePool.catch(() => undefined));
      await parkWorkers(alone ? [pool, alone] : [pool]);
    }
    const destroyed = Promise.all([pool.destroy(), alonePool?.then((started) => started.destroy())]).catch(() => undefined);
    await Promise.allSettled(pending);
    // When the caller stopped the run, its threads are not waited for: the caller is ending the
    // process (see the convert command), which takes them along, and with them any read that
    // cannot be cancelled (a named pipe nobody writes to).
    if (!options.signal?.aborted) await destroyed;
  }
}
