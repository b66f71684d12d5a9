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
 * How the run is gated and stopped: gated-convert.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { archive, buildCopy, GATE, HANG_GUARD_MS, interrupt as interruptRun, outputs, stopLeftovers, type Ending, type Stuck } from "./gated-convert.js";

let bin: string;
beforeAll(() => {
  bin = buildCopy("lsp-report-interrupt-");
});
afterEach(stopLeftovers);

const interrupt = (dir: string, inputs: string[], stuck: Stuck, signal: NodeJS.Signals, extra: string[] = []): Promise<Ending> =>
  interruptRun(bin, dir, ["convert", ...inputs, "--out-dir", "out", ...extra], stuck, signal);

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
