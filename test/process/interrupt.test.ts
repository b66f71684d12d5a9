/**
 * Ctrl-C while a read can never finish: `convert` is given a named pipe (FIFO) that nobody writes
 * to, so opening it blocks (or, with a writer that never writes, reading it blocks), in a worker
 * thread or in the main thread, where no cancellation reaches it. The signal is sent at a known
 * point, once a thread of the process is seen blocked on the pipe (Linux shows where each thread
 * sleeps in /proc/<pid>/task/<tid>/wchan: wait_for_partner for an open, pipe_read for a read, anon_pipe_read in newer kernels), and
 * the process must still end: by the signal, as a shell reports it (130 for SIGINT, 143 for
 * SIGTERM), with its one line on standard error, and nothing written or half-written in the
 * output folder. The time allowed is a guard against a hang, not a measure of speed.
 *
 * The command runs from a build of a copy of the sources, tsc's and the bundle's (this project has
 * no global setup, and building dist/ here would rewrite it under the quick project's worker threads).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { closeSync, constants as fsConstants, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const Q2_DOCX = join(ROOT, "fixtures/docx/q2-2008-09.docx");
/** Far longer than a run stopped at once takes, even on a loaded machine: only a hang exceeds it. */
const HANG_GUARD_MS = 60_000;

let bin: string;

beforeAll(() => {
  const copy = mkdtempSync(join(tmpdir(), "lsp-report-interrupt-"));
  for (const entry of ["package.json", "tsconfig.json", "tsconfig.build.json", "bin", "src", "scripts"]) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: copy, stdio: "pipe" });
  // The command's bundle, which bin/lsp-report.js runs (the rest of npm run build).
  execFileSync(process.execPath, ["scripts/bundle-cli.mjs"], { cwd: copy, stdio: "pipe" });
  bin = join(copy, "bin/lsp-report.js");
});

const GATE = "zzz-gate.docx";
const children: ChildProcess[] = [];
const gates: number[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const fd of gates.splice(0)) closeSync(fd);
});

/** A folder with `copies` .docx files and the pipe in archive/. */
function archive(copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), "lsp-interrupt-"));
  mkdirSync(join(dir, "archive"));
  for (let i = 0; i < copies; i++) copyFileSync(Q2_DOCX, join(dir, "archive", `${String(i).padStart(3, "0")}.docx`));
  execFileSync("mkfifo", [join(dir, "archive", GATE)]);
  return dir;
}

function outputs(dir: string): string[] {
  const out = join(dir, "out");
  return existsSync(out) ? readdirSync(out, { recursive: true }).map(String).sort() : [];
}

/** Polls for a condition that a running process brings about (no fixed wait). */
async function until(check: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > HANG_GUARD_MS) throw new Error(`never happened: ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** The pipe's writing end, opened (and kept open, never written to) once convert has opened it for reading. */
async function openGate(dir: string): Promise<void> {
  await until(() => {
    try {
      gates.push(openSync(join(dir, "archive", GATE), fsConstants.O_WRONLY | fsConstants.O_NONBLOCK));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENXIO") return false; // no reader yet
      throw error;
    }
  }, "convert opened the pipe");
}

/** Where each thread of a process sleeps in the kernel. */
function sleepingIn(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map((tid) => {
      try {
        return readFileSync(`/proc/${pid}/task/${tid}/wchan`, "utf8");
      } catch {
        return ""; // the thread has just ended
      }
    });
  } catch {
    return [];
  }
}

/** Waits until a thread of the process sleeps in one of these kernel functions. */
const blockedIn = (pid: number, functions: RegExp) => until(() => sleepingIn(pid).some((place) => functions.test(place)), `a thread blocked in ${String(functions)}`);

interface Ending {
  /** As a shell reports it: the exit code, or 128 + the number of the signal that ended it. */
  status: number;
  stderr: string;
}

function ending(child: ChildProcess): Promise<Ending | "hung"> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Ending>((done) =>
    child.on("exit", (code, signal) => done({ status: code ?? 128 + (signal ? osConstants.signals[signal] : 0), stderr })),
  );
  let guard: NodeJS.Timeout | undefined;
  const hung = new Promise<"hung">((done) => (guard = setTimeout(() => done("hung"), HANG_GUARD_MS)));
  return Promise.race([exited, hung]).finally(() => clearTimeout(guard));
}

/** Where the read of the pipe is stuck: opening it (nobody at the other end), or reading it (a writer that never writes). */
type Stuck = "opening" | "reading";

async function interrupt(dir: string, inputs: string[], stuck: Stuck, signal: NodeJS.Signals, extra: string[] = []): Promise<Ending> {
  const child = spawn(process.execPath, [bin, "convert", ...inputs, "--out-dir", "out", ...extra], { cwd: dir, env: { ...process.env, CI: "true" } });
  children.push(child);
  const ended = ending(child);
  if (stuck === "opening") await blockedIn(child.pid!, /^wait_for_partner$/);
  else {
    await openGate(dir);
    await blockedIn(child.pid!, /pipe_(read|wait)/);
  }
  expect(child.exitCode, "finished before it could be interrupted").toBeNull();
  child.kill(signal);
  const result = await ended;
  if (result === "hung") throw new Error(`still running ${HANG_GUARD_MS / 1000} s after ${signal}, its read of the pipe ${stuck === "opening" ? "waiting for a writer" : "waiting for data"}`);
  return result;
}

describe.skipIf(process.platform !== "linux")("convert interrupted while a read is blocked on a named pipe", { timeout: 3 * HANG_GUARD_MS }, () => {
  it("ends on SIGINT with one job, the pipe stuck opening, leaving nothing in the output folder", async () => {
    const dir = archive(4);
    // One job: the files are parsed in a worker thread, read for it ahead of time by the main thread.
    const result = await interrupt(dir, ["archive", `archive/${GATE}`], "opening", "SIGINT", ["--jobs", "1"]);
    expect(result.status, result.stderr).toBe(130);
    expect(result.stderr).toBe("lsp-report: interrupted: no partial file left in out\n");
    expect(outputs(dir)).toEqual([]);
  });

  it("ends on SIGINT with two workers, one stuck reading the pipe", async () => {
    const dir = archive(6);
    const result = await interrupt(dir, ["archive", `archive/${GATE}`], "reading", "SIGINT", ["--jobs", "2", "--format", "json"]);
    expect(result.status, result.stderr).toBe(130);
    expect(result.stderr).toMatch(/^lsp-report: interrupted: no partial file left in out \(\d+ JSON files? already written are complete\)\n$/);
    // Only whole JSON files of the .docx inputs, never one for the pipe, and no temporary file:
    // a worker stopped mid-write cannot remove its own, so convert removes it before saying so.
    for (const name of outputs(dir)) {
      expect(name).toMatch(/^00\d\.docx\.json$/);
      expect((JSON.parse(readFileSync(join(dir, "out", name), "utf8")) as { reports: unknown[] }).reports).toHaveLength(1);
    }
  });

  it("ends on SIGTERM when the pipe is the only input, opened in the main thread", async () => {
    const dir = archive(0);
    const result = await interrupt(dir, [`archive/${GATE}`], "opening", "SIGTERM");
    expect(result.status, result.stderr).toBe(143);
    expect(result.stderr).toBe("lsp-report: interrupted: no partial file left in out\n");
    expect(outputs(dir)).toEqual([]);
  });
});
