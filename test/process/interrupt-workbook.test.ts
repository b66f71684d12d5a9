/**
 * `convert --format xlsx` stopped by Ctrl-C or SIGTERM in the middle of a batch. The workbook is
 * written once, whole, after every input is read, so a stop must leave the output folder as it
 * was: no workbook.xlsx (not even a half-written one), no temporary file, and a previous run's
 * workbook untouched; the process ends by the signal, as a shell reports it (130, 143), with one
 * line on standard error.
 *
 * The stop comes at a known point, as in interrupt.test.ts: a named pipe among the inputs that
 * nobody writes to holds the read of the batch, and the signal is sent once /proc shows a thread
 * of the process blocked on it (opening it, or reading it), after the files before it were read.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, constants as fsConstants, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const Q2_DOCX = join(ROOT, "fixtures/docx/q2-2008-09.docx");
/** Far longer than a run stopped at once takes, even on a loaded machine: only a hang exceeds it. */
const HANG_GUARD_MS = 60_000;
const GATE = "zzz-gate.docx";

let bin: string;

beforeAll(() => {
  // A build of a copy of the sources (building dist/ here would rewrite it under other tests).
  const copy = mkdtempSync(join(tmpdir(), "lsp-report-interrupt-xlsx-"));
  for (const entry of ["package.json", "tsconfig.json", "tsconfig.build.json", "bin", "src", "scripts"]) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: copy, stdio: "pipe" });
  execFileSync(process.execPath, ["scripts/bundle-cli.mjs"], { cwd: copy, stdio: "pipe" });
  bin = join(copy, "bin/lsp-report.js");
});

const children: ChildProcess[] = [];
const gates: number[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const fd of gates.splice(0)) closeSync(fd);
});

/** A folder with `copies` .docx files and the pipe, last in order, in archive/. */
function archive(copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), "lsp-interrupt-xlsx-"));
  mkdirSync(join(dir, "archive"));
  for (let i = 0; i < copies; i++) copyFileSync(Q2_DOCX, join(dir, "archive", `${String(i).padStart(3, "0")}.docx`));
  execFileSync("mkfifo", [join(dir, "archive", GATE)]);
  return dir;
}

/** Every file in the output folder, hidden ones (temporary files) included. */
function outputs(dir: string): string[] {
  const out = join(dir, "out");
  return existsSync(out) ? readdirSync(out, { recursive: true }).map(String).sort() : [];
}

async function until(check: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > HANG_GUARD_MS) throw new Error(`never happened: ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** The pipe's writing end, opened (and never written to) once convert has opened it for reading. */
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

/** Where each thread of a process sleeps in the kernel (Linux). */
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

interface Ending {
  /** As a shell reports it: the exit code, or 128 + the number of the signal that ended it. */
  status: number;
  stderr: string;
}

function ending(child: ChildProcess): Promise<Ending | "hung"> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Ending>((done) => child.on("exit", (code, signal) => done({ status: code ?? 128 + (signal ? osConstants.signals[signal] : 0), stderr })));
  let guard: NodeJS.Timeout | undefined;
  const hung = new Promise<"hung">((done) => (guard = setTimeout(() => done("hung"), HANG_GUARD_MS)));
  return Promise.race([exited, hung]).finally(() => clearTimeout(guard));
}

async function interrupt(dir: string, stuck: "opening" | "reading", signal: NodeJS.Signals, extra: string[]): Promise<Ending> {
  const child = spawn(process.execPath, [bin, "convert", "archive", `archive/${GATE}`, "--out-dir", "out", "--format", "xlsx", "--validate", ...extra], { cwd: dir, env: { ...process.env, CI: "true" } });
  children.push(child);
  const ended = ending(child);
  if (stuck === "opening") await until(() => sleepingIn(child.pid!).some((place) => place === "wait_for_partner"), "a thread blocked opening the pipe");
  else {
    await openGate(dir);
    await until(() => sleepingIn(child.pid!).some((place) => /pipe_(read|wait)/.test(place)), "a thread blocked reading the pipe");
  }
  expect(child.exitCode, "finished before it could be interrupted").toBeNull();
  child.kill(signal);
  const result = await ended;
  if (result === "hung") throw new Error(`still running ${HANG_GUARD_MS / 1000} s after ${signal}`);
  return result;
}

const STOPPED = "lsp-report: interrupted: no partial file left in out\n";

describe.skipIf(process.platform !== "linux")("convert --format xlsx interrupted in the middle of a batch", { timeout: 3 * HANG_GUARD_MS }, () => {
  it("ends on SIGINT with two worker threads, one stuck reading the pipe, the other files read: no workbook, no temporary file", async () => {
    // 16 files and more with two jobs go through the worker pool.
    const dir = archive(20);
    const result = await interrupt(dir, "reading", "SIGINT", ["--jobs", "2"]);
    expect(result.status, result.stderr).toBe(130);
    expect(result.stderr).toBe(STOPPED);
    expect(outputs(dir)).toEqual([]);
  });

  it("ends on SIGTERM with the main thread stuck opening the pipe, and leaves a previous run's workbook as it was", async () => {
    const dir = archive(3);
    mkdirSync(join(dir, "out"));
    const previous = Buffer.from("a previous run's workbook");
    writeFileSync(join(dir, "out", "workbook.xlsx"), previous);
    const result = await interrupt(dir, "opening", "SIGTERM", ["--jobs", "1"]);
    expect(result.status, result.stderr).toBe(143);
    expect(result.stderr).toBe(STOPPED);
    expect(outputs(dir)).toEqual(["workbook.xlsx"]);
    expect(readFileSync(join(dir, "out", "workbook.xlsx"))).toEqual(previous);
  });

  it("sweeps the temporary workbook of an earlier run that was killed while writing it", () => {
    // A process killed with -9 (or the machine stopped) while writing its temporary file: its process id is gone.
    const dir = archive(1);
    mkdirSync(join(dir, "out"));
    const dead = spawnSync(process.execPath, ["-e", "0"]);
    const stale = `.workbook.xlsx.${dead.pid}.0badf00d.tmp`;
    writeFileSync(join(dir, "out", stale), "half a workbook");
    execFileSync("rm", [join(dir, "archive", GATE)]);
    execFileSync(process.execPath, [bin, "convert", "archive", "--out-dir", "out", "--format", "xlsx", "--quiet"], { cwd: dir, env: { ...process.env, CI: "true" } });
    expect(outputs(dir)).toEqual(["workbook.xlsx"]);
  });
});
