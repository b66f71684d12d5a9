/**
 * The batch machinery on its own: the ordered pool, the atomic writers and the sweep of a killed
 * run's leftovers, the output-folder rules, the progress bar, loadReports over the pool, and the
 * benchmark's corpus generator.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { convertFiles, type ConvertPlan } from "../src/batch/convert.js";
import { commonBase, inputRoots, isWithin, outputProblem, realPathOf } from "../src/batch/outputs.js";
import { orderedResults, WarmPool, workerPath } from "../src/batch/pool.js";
import { AtomicFile, sweepStaleTemporaries } from "../src/batch/sink.js";
import type { FileTask } from "../src/batch/task.js";
import { expandInputs } from "../src/cli/inputs.js";
import type { CliIo } from "../src/cli/io.js";
import { loadReports } from "../src/cli/load.js";
import { createProgress, inCi, progressLine } from "../src/cli/progress.js";
import { parseBytes } from "../src/index.js";
// @ts-expect-error: plain JavaScript, no declarations
import { makeCorpus } from "../bench/corpus.js";

const ROOT = resolve(import.meta.dirname, "..");
const scratch = () => mkdtempSync(join(tmpdir(), "lsp-batch-"));

function captureIo(overrides: Partial<CliIo> = {}): { io: CliIo; err: () => string } {
  let err = "";
  return {
    io: { stdout: () => undefined, stderr: (text) => void (err += text), readStdin: () => Promise.resolve(new Uint8Array()), cwd: ROOT, env: {}, stdoutIsTTY: false, stderrIsTTY: false, ...overrides },
    err: () => err,
  };
}

describe("orderedResults", () => {
  // A slow .docx first and quick text files after it: with two workers the text files finish
  // first, yet come out after it.
  const names = ["fixtures/docx/q2-2008-09.docx", "fixtures/seeds/000_ebda395ebee889b1.txt", "fixtures/seeds/001_6f959b4cb1bc6ca1.txt", "fixtures/missing.txt", "fixtures/html/q4-2008-09.html"];
  const tasks: FileTask[] = names.map((name) => ({ path: join(ROOT, name), display: name, output: "report" }));

  it("gives results in input order whatever the number of jobs, a bad file as a result", async () => {
    for (const jobs of [1, 2, 3]) {
      const seen: string[] = [];
      for await (const result of orderedResults(tasks, { jobs, window: 2 })) seen.push(`${result.display}:${result.ok ? (result.report?.priorities.length ?? 0) : result.reason}`);
      expect(seen).toEqual([
        "fixtures/docx/q2-2008-09.docx:10",
        "fixtures/seeds/000_ebda395ebee889b1.txt:10",
        "fixtures/seeds/001_6f959b4cb1bc6ca1.txt:7",
        "fixtures/missing.txt:no such file",
        "fixtures/html/q4-2008-09.html:7",
      ]);
    }
  });

  it("stops when its signal aborts", async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const result of orderedResults(tasks, { jobs: 2, signal: controller.signal })) {
      seen.push(result.display);
      controller.abort();
    }
    expect(seen).toEqual([names[0]]);
  });

  it("fails only the file whose worker died: the files the worker held with it are run again alone", async () => {
    const dir = scratch();
    const names = ["a.txt", "crash.txt", "b.txt", "c.txt", "crash-again.txt", "d.txt"];
    for (const name of names) writeFileSync(join(dir, name), name);
    const crashing: FileTask[] = names.map((name) => ({ path: join(dir, name), display: name, output: "report" }));
    const workerFile = join(ROOT, "test/helpers/crashing-worker.mjs");
    for (const jobs of [1, 2]) {
      const seen: string[] = [];
      for await (const result of orderedResults(crashing, { jobs, worker: true, workerFile })) seen.push(`${result.display}:${result.ok ? result.updates : result.reason}`);
      // The bytes reach the worker with its task (a.txt holds 5 bytes).
      expect(seen).toEqual(["a.txt:5", expect.stringMatching(/^crash\.txt:internal error: .*exited.*7/), "b.txt:5", "c.txt:5", expect.stringMatching(/^crash-again\.txt:internal error: .*exited.*7/), "d.txt:5"]);
    }
  });

  it("runs the files in threads started ahead when it wants as many, and in threads of its own otherwise", async () => {
    const dir = scratch();
    const names = ["a.txt", "bb.txt", "crash.txt", "ccc.txt"];
    for (const name of names) writeFileSync(join(dir, name), name);
    const tasks: FileTask[] = names.map((name) => ({ path: join(dir, name), display: name, output: "report" }));
    const workerFile = join(ROOT, "test/helpers/crashing-worker.mjs");
    for (const [started, jobs] of [[2, 2], [2, 1], [1, 2]] as const) {
      const warm = new WarmPool(started, workerFile);
      const seen: string[] = [];
      for await (const result of orderedResults(tasks, { jobs, worker: true, workerFile, warm })) seen.push(`${result.display}:${result.ok ? result.updates : result.reason}`);
      expect(seen, `${started} started, ${jobs} wanted`).toEqual(["a.txt:5", "bb.txt:6", expect.stringMatching(/^crash\.txt:internal error: .*exited.*7/), "ccc.txt:7"]);
      // Taken or ended: either way no longer the caller's to use.
      expect(warm.take(started, workerFile)).toBeUndefined();
    }
  });

  it("runs the compiled worker, beside the module in dist/ or from dist/ under the test runner", () => {
    expect(workerPath()).toBe(join(ROOT, "dist/batch/worker.js"));
    expect(existsSync(workerPath())).toBe(true);
  });
});

describe("AtomicFile and the sweep of leftovers", () => {
  it("shows nothing at the target until commit, then the whole file", async () => {
    const dir = scratch();
    const target = join(dir, "out", "indicators.csv");
    const file = await AtomicFile.create(target);
    await file.write("a,b\n");
    await file.write("x".repeat(100_000));
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(join(dir, "out"))).toEqual([expect.stringMatching(/^\.indicators\.csv\.\d+\.[0-9a-f]{8}\.tmp$/)]);
    await file.commit();
    expect(readFileSync(target, "utf8")).toBe(`a,b\n${"x".repeat(100_000)}`);
    expect(readdirSync(join(dir, "out"))).toEqual(["indicators.csv"]);
  });

  it("abort removes the temporary file and leaves the old target as it was", async () => {
    const dir = scratch();
    const target = join(dir, "priorities.csv");
    writeFileSync(target, "old\n");
    const file = await AtomicFile.create(target);
    await file.write("new, half written");
    await file.abort();
    expect(readdirSync(dir)).toEqual(["priorities.csv"]);
    expect(readFileSync(target, "utf8")).toBe("old\n");
  });

  it("convertFiles, failing mid-run (a write error injected), leaves neither partial files nor temporary files", async () => {
    const dir = scratch();
    const { files } = await expandInputs(["fixtures/seeds", "fixtures/docx"], ROOT);
    const plan: ConvertPlan = { files, outDir: join(dir, "out"), format: "csv", base: ROOT, jobs: 1 };
    let calls = 0;
    await expect(
      convertFiles(plan, {
        onFile: () => {
          if (++calls === 2) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
        },
      }),
    ).rejects.toThrow(/no space left/);
    expect(readdirSync(join(dir, "out"))).toEqual([]);
  });

  it("convertFiles gives the same bytes when every file's rows wait on disk for their turn, and leaves no file set aside", async () => {
    const dir = scratch();
    const { files } = await expandInputs(["fixtures/seeds", "fixtures/docx", "fixtures/html"], ROOT);
    for (const jobs of [1, 2]) {
      const held: ConvertPlan = { files, outDir: join(dir, `held${jobs}`), format: "csv", base: ROOT, jobs };
      const spilled: ConvertPlan = { ...held, outDir: join(dir, `spilled${jobs}`), spillAt: 1 };
      const [a, b] = [await convertFiles(held), await convertFiles(spilled)];
      expect(b.converted).toBe(a.converted);
      expect(a.converted).toBeGreaterThan(3);
      const names = readdirSync(held.outDir).sort();
      expect(readdirSync(spilled.outDir).sort()).toEqual(names);
      for (const name of names) expect(readFileSync(join(spilled.outDir, name), "utf8"), name).toBe(readFileSync(join(held.outDir, name), "utf8"));
    }
  });

  it("removes the temporary files of a process that is gone, and only those", async () => {
    const dir = scratch();
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    mkdirSync(join(dir, "deep"));
    const stale = [`.indicators.csv.${gone}.0badf00d.tmp`, `deep/.q2.txt.json.${gone}.12345678.tmp`];
    const kept = [`.actions.csv.${process.pid}.deadbeef.tmp`, "indicators.csv", `.notes.${gone}.tmp`, `indicators.csv.${gone}.0badf00d.tmp`];
    for (const name of [...stale, ...kept]) writeFileSync(join(dir, name), "x");
    expect(await sweepStaleTemporaries(dir)).toBe(2);
    for (const name of stale) expect(existsSync(join(dir, name))).toBe(false);
    for (const name of kept) expect(existsSync(join(dir, name))).toBe(true);
    expect(await sweepStaleTemporaries(join(dir, "missing"))).toBe(0);
  });
});

describe("output folder rules", () => {
  it("isWithin compares whole path segments", () => {
    expect(isWithin("/a/b", "/a/b")).toBe(true);
    expect(isWithin("/a/b/c", "/a/b")).toBe(true);
    expect(isWithin("/a/bc", "/a/b")).toBe(false);
    expect(isWithin("/a", "/a/b")).toBe(false);
    expect(isWithin("/a/b", "/")).toBe(true);
  });

  it("realPathOf resolves links as far as the path exists", async () => {
    const dir = await realPathOf(scratch());
    mkdirSync(join(dir, "real"));
    symlinkSync(join(dir, "real"), join(dir, "link"));
    expect(await realPathOf(join(dir, "link", "not", "yet"))).toBe(join(dir, "real", "not", "yet"));
  });

  it("commonBase is the deepest folder holding every input", async () => {
    const roots = await inputRoots(["fixtures/seeds", "fixtures/docx/q2-2008-09.docx"], ROOT);
    expect(commonBase(roots)).toBe(join(ROOT, "fixtures"));
    expect(commonBase(await inputRoots(["fixtures/seeds"], ROOT))).toBe(join(ROOT, "fixtures/seeds"));
    expect(commonBase(await inputRoots(["fixtures/seeds/000_ebda395ebee889b1.txt"], ROOT))).toBe(join(ROOT, "fixtures/seeds"));
  });

  it("outputProblem allows a folder outside the inputs", async () => {
    const dir = scratch();
    const roots = await inputRoots(["fixtures"], ROOT);
    expect(await outputProblem(join(dir, "out"), "out", roots, [join(dir, "out", "indicators.csv")])).toBeNull();
  });
});

describe("progress bar", () => {
  it("is silent unless standard error is a terminal, CI is unset and --quiet is not given", () => {
    for (const [overrides, quiet] of [
      [{ stderrIsTTY: false }, false],
      [{ stderrIsTTY: true, env: { CI: "true" } }, false],
      [{ stderrIsTTY: true, env: { CI: "1" } }, false],
      [{ stderrIsTTY: true }, true],
    ] as const) {
      const { io, err } = captureIo(overrides);
      const progress = createProgress(io, quiet, { label: "converting" });
      progress.update(1, 2, 0);
      progress.update(2, 2, 1);
      progress.stop();
      expect(err()).toBe("");
    }
  });

  it("treats CI=false and CI=0 as no CI", () => {
    expect(inCi({ CI: "false" })).toBe(false);
    expect(inCi({ CI: "0" })).toBe(false);
    expect(inCi({})).toBe(false);
    expect(inCi({ CI: "true" })).toBe(true);
  });

  it("on a terminal redraws one line at most every interval, always the last state, and clears it", () => {
    const { io, err } = captureIo({ stderrIsTTY: true });
    let now = 0;
    const progress = createProgress(io, false, { label: "converting", width: 10, interval: 100, now: () => now });
    progress.update(1, 4, 0);
    now = 50;
    progress.update(2, 4, 1); // too soon: skipped
    now = 200;
    progress.update(3, 4, 1);
    progress.update(4, 4, 1); // the last one is always drawn
    progress.stop();
    expect(err().split("\r\x1b[K")).toEqual([
      "",
      "converting ███░░░░░░░ 1/4 files 25% eta 0s",
      "converting ████████░░ 3/4 files 75%, 1 failed eta 1s",
      "converting ██████████ 4/4 files 100%, 1 failed",
      "",
    ]);
  });
});

describe("progress bar width", () => {
  const counts = "120/480 files 25%, 3 failed eta 42s";

  it("keeps the line shorter than the terminal: the bar narrows, then the label goes, then the counts are cut", () => {
    const label = "converting into converted-2008-09";
    expect(progressLine(label, 0.25, counts, 30, 200)).toBe(`${label} ${"█".repeat(8)}${"░".repeat(22)} ${counts}`);
    for (const columns of [200, 100, 80, 72, 60, 45, 30, 12, 1]) {
      const line = progressLine(label, 0.25, counts, 30, columns);
      expect(line.length, `${columns} columns: ${line}`).toBeLessThan(Math.max(2, columns));
      expect(line).toMatch(columns >= 82 ? /^converting into / : /^[█░1]/);
    }
    expect(progressLine(label, 0.5, counts, 30, 60)).toBe(`${"█".repeat(12)}${"░".repeat(11)} ${counts}`);
  });

  it("asks the terminal's width at every redraw, and assumes 80 columns when it is unknown", () => {
    const { io, err } = captureIo({ stderrIsTTY: true });
    let columns: number | undefined = 50;
    const progress = createProgress(io, false, { label: "converting into out-2008-09", interval: 0, columns: () => columns });
    progress.update(1, 4, 0);
    columns = undefined;
    progress.update(2, 4, 0);
    progress.stop();
    const lines = err().split("\r\x1b[K").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.length).toBeLessThan(50);
    expect(lines[0]).not.toMatch(/converting/);
    expect(lines[1]!.length).toBeLessThan(80);
    expect(lines[1]).toMatch(/^converting into out-2008-09 █{15}░{15} 2\/4 files 50%/);
  });
});

describe("loadReports over the pool", () => {
  it("gives the same reports and the same failure lines with --jobs 2 as one by one", async () => {
    const inputs = ["fixtures/docx", "fixtures/seeds", "fixtures/missing.txt", "fixtures/html"];
    const one = captureIo();
    const two = captureIo();
    const sequential = await loadReports(inputs, one.io, { jobs: 1 });
    const pooled = await loadReports(inputs, two.io, { jobs: 2, filesPerWorker: 1 });
    expect(pooled.reports.map((report) => report.source.path)).toEqual(sequential.reports.map((report) => report.source.path));
    expect(JSON.stringify(pooled.reports)).toBe(JSON.stringify(sequential.reports));
    expect(pooled.failures).toEqual(sequential.failures);
    expect(two.err()).toBe(one.err());
    expect(one.err()).toBe("lsp-report: fixtures/missing.txt: no such file or folder\n");
  });
});

describe("benchmark corpus", () => {
  it("makes varied text updates from the seeds that parse, each with its template's updates", async () => {
    const dir = scratch();
    const corpus = makeCorpus({ updates: 60, out: join(dir, "corpus"), formats: ["text"], seed: 7 });
    expect(corpus.updates).toBeGreaterThanOrEqual(60);
    expect(corpus.files.length).toBe(7); // 10 + 7 + 10 + 7 + 10 + 7 + 10 = 61
    const seeds = [readFileSync(join(ROOT, "fixtures/seeds/000_ebda395ebee889b1.txt")), readFileSync(join(ROOT, "fixtures/seeds/001_6f959b4cb1bc6ca1.txt"))];
    const contents = new Set<string>();
    for (const file of corpus.files as { path: string; updates: number }[]) {
      const bytes = readFileSync(file.path);
      expect(seeds.some((seed) => seed.equals(bytes))).toBe(false);
      contents.add(bytes.toString("latin1"));
      const report = await parseBytes(bytes, file.path);
      expect(report.priorities).toHaveLength(file.updates);
    }
    expect(contents.size).toBe(corpus.files.length);
    // The same seed makes the same corpus.
    const again = makeCorpus({ updates: 60, out: join(dir, "again"), formats: ["text"], seed: 7 });
    expect(readFileSync(again.files[3].path)).toEqual(readFileSync(corpus.files[3].path));
  });

  it("makes .docx updates that parse", async () => {
    const dir = scratch();
    const corpus = makeCorpus({ updates: 17, out: join(dir, "corpus"), formats: ["docx"] });
    expect(corpus.docx).toHaveLength(2);
    for (const file of corpus.files as { path: string; updates: number }[]) {
      expect((await parseBytes(readFileSync(file.path), file.path)).priorities).toHaveLength(file.updates);
    }
  });
});
