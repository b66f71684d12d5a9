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
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { archive, buildCopy, GATE, HANG_GUARD_MS, interrupt as interruptRun, outputs, stopLeftovers, type Ending, type Stuck } from "./gated-convert.js";

let bin: string;
beforeAll(() => {
  bin = buildCopy("lsp-report-interrupt-xlsx-");
});
afterEach(stopLeftovers);

const interrupt = (dir: string, stuck: Stuck, signal: NodeJS.Signals, extra: string[]): Promise<Ending> =>
  interruptRun(bin, dir, ["convert", "archive", `archive/${GATE}`, "--out-dir", "out", "--format", "xlsx", "--validate", ...extra], stuck, signal);

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
