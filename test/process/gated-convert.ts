/**
 * What the interrupt tests share: `convert` run from a build of a copy of the sources, over an
 * archive of .docx files with a named pipe (FIFO) among them that nobody writes to, so that the
 * read of the batch blocks at a known point; the signal is sent once /proc shows a thread of the
 * process blocked on the pipe (Linux shows where each thread sleeps in
 * /proc/<pid>/task/<tid>/wchan: wait_for_partner for an open, pipe_read for a read,
 * anon_pipe_read in newer kernels). The time allowed is a guard against a hang, not a measure of
 * speed.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { closeSync, constants as fsConstants, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { expect } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const Q2_DOCX = join(ROOT, "fixtures/docx/q2-2008-09.docx");
/** Far longer than a run stopped at once takes, even on a loaded machine: only a hang exceeds it. */
export const HANG_GUARD_MS = 60_000;
/** The pipe's name: last in the archive's order, so the files before it are read first. */
export const GATE = "zzz-gate.docx";

const children: ChildProcess[] = [];
const gates: number[] = [];

/**
 * The command built from a copy of the sources, tsc's output and the bundle that bin/lsp-report.js
 * runs (building dist/ here would rewrite it under the quick project's worker threads).
 */
export function buildCopy(prefix: string): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ["package.json", "tsconfig.json", "tsconfig.build.json", "bin", "src", "scripts"]) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: copy, stdio: "pipe" });
  execFileSync(process.execPath, ["scripts/bundle-cli.mjs"], { cwd: copy, stdio: "pipe" });
  return join(copy, "bin/lsp-report.js");
}

/** For afterEach: kill what a failed test left running and close the pipes' writing ends. */
export function stopLeftovers(): void {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const fd of gates.splice(0)) closeSync(fd);
}

/** A folder with `copies` .docx files and the pipe in archive/. */
export function archive(copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), "lsp-interrupt-"));
  mkdirSync(join(dir, "archive"));
  for (let i = 0; i < copies; i++) copyFileSync(Q2_DOCX, join(dir, "archive", `${String(i).padStart(3, "0")}.docx`));
  execFileSync("mkfifo", [join(dir, "archive", GATE)]);
  return dir;
}

/** Every file in the output folder, hidden ones (temporary files) included. */
export function outputs(dir: string): string[] {
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

export interface Ending {
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
export type Stuck = "opening" | "reading";

/** Runs `lsp-report <args>` in `dir`, sends `signal` once it is stuck on the pipe, and says how it ended. */
export async function interrupt(bin: string, dir: string, args: string[], stuck: Stuck, signal: NodeJS.Signals): Promise<Ending> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, CI: "true" } });
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
