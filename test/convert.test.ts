/**
 * `lsp-report convert`, end to end: in process through main() (with --jobs 2 the workers run
 * dist/batch/worker.js, built by test/global-setup.ts), and as a child process where a real
 * process matters (signals, a pipe for standard error).
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, constants as fsConstants, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { runCli } from "./helpers/cli.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin/lsp-report.js");
const Q2 = join(ROOT, "fixtures/seeds/000_ebda395ebee889b1.txt");
const Q4 = join(ROOT, "fixtures/seeds/001_6f959b4cb1bc6ca1.txt");
const Q2_DOCX = join(ROOT, "fixtures/docx/q2-2008-09.docx");
const Q4_DOCX = join(ROOT, "fixtures/docx/q4-2008-09.docx");
const KINDS = ["priorities", "indicators", "actions", "contributors"];

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "lsp-convert-"));
}

/** Every file under a folder, relative, sorted: to see exactly what a run left behind. */
function tree(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

function files(folder: string): Record<string, Buffer> {
  return Object.fromEntries(tree(folder).map((name) => [name, readFileSync(join(folder, name))]));
}

/** An archive: the two seeds and the two .docx renderings, with a corrupt .docx in the middle. */
function archiveWithCorruptFile(): string {
  const dir = scratch();
  mkdirSync(join(dir, "archive", "2008-09"), { recursive: true });
  copyFileSync(Q2, join(dir, "archive", "2008-09", "1-q2.txt"));
  copyFileSync(Q2_DOCX, join(dir, "archive", "2008-09", "2-q2.docx"));
  writeFileSync(join(dir, "archive", "2008-09", "3-broken.docx"), Buffer.from("PK\u0003\u0004 this is not really a zip file"));
  copyFileSync(Q4_DOCX, join(dir, "archive", "2008-09", "4-q4.docx"));
  copyFileSync(Q4, join(dir, "archive", "2008-09", "5-q4.txt"));
  return dir;
}

describe("lsp-report convert to CSV", () => {
  it("writes one CSV per record kind, the same bytes as `parse --format csv` gives for each kind", async () => {
    const dir = scratch();
    const run = await runCli(["convert", "fixtures/seeds", "fixtures/docx", "--out-dir", join(dir, "out"), "--jobs", "1"]);
    expect(run.code).toBe(0);
    expect(tree(join(dir, "out"))).toEqual(KINDS.map((kind) => `${kind}.csv`).sort());
    for (const kind of KINDS) {
      const parsed = await runCli(["parse", "fixtures/seeds", "fixtures/docx", "--format", "csv", "--records", kind]);
      expect(readFileSync(join(dir, "out", `${kind}.csv`), "utf8")).toBe(parsed.stdout);
    }
    expect(run.stderr).toBe(
      [
        `Converted 4 files (34 updates) into ${join(dir, "out")}`,
        ...KINDS.map((kind) => {
          const rows = parseCsv<unknown>(readFileSync(join(dir, "out", `${kind}.csv`)), { columns: true }).length;
          return `  ${`${kind}.csv`.padEnd("contributors.csv".length)}  ${String(rows).padStart(6)} rows`;
        }),
        "",
      ].join("\n"),
    );
  });

  // Three full conversions of six files: on a busy machine this takes longer than the default 30 s.
  it("gives byte-identical files across two runs and across --jobs 1 and --jobs 2", { timeout: 120_000 }, async () => {
    const dir = scratch();
    const inputs = ["fixtures/seeds", "fixtures/docx", "fixtures/html"];
    const first = await runCli(["convert", ...inputs, "--out-dir", join(dir, "a"), "--jobs", "2"]);
    const second = await runCli(["convert", ...inputs, "--out-dir", join(dir, "b"), "--jobs", "2"]);
    const single = await runCli(["convert", ...inputs, "--out-dir", join(dir, "c"), "--jobs", "1"]);
    expect([first.code, second.code, single.code]).toEqual([0, 0, 0]);
    const a = files(join(dir, "a"));
    expect(Object.keys(a)).toHaveLength(4);
    expect(files(join(dir, "b"))).toEqual(a);
    expect(files(join(dir, "c"))).toEqual(a);
    // Rows follow the sorted input order.
    const sources = parseCsv<{ source: string }>(a["priorities.csv"]!, { columns: true }).map((row) => row.source);
    expect([...new Set(sources)]).toEqual([
      "fixtures/seeds/000_ebda395ebee889b1.txt",
      "fixtures/seeds/001_6f959b4cb1bc6ca1.txt",
      "fixtures/docx/q2-2008-09.docx",
      "fixtures/docx/q4-2008-09.docx",
      "fixtures/html/q2-2008-09.html",
      "fixtures/html/q4-2008-09.html",
    ]);
  });

  it.each([["1"], ["2"]])("converts the others when a corrupt file is in the middle, lists it with its reason, exit 2 (--jobs %s)", async (jobs) => {
    const dir = archiveWithCorruptFile();
    const run = await runCli(["convert", "archive", "--out-dir", "out", "--jobs", jobs], { cwd: dir });
    expect(run.code).toBe(2);
    const sources = parseCsv<{ source: string }>(readFileSync(join(dir, "out", "priorities.csv")), { columns: true }).map((row) => row.source);
    expect([...new Set(sources)]).toEqual(["archive/2008-09/1-q2.txt", "archive/2008-09/2-q2.docx", "archive/2008-09/4-q4.docx", "archive/2008-09/5-q4.txt"]);
    expect(sources).toHaveLength(34);
    expect(run.stderr).toMatch(/^Converted 4 of 5 files \(34 updates\) into out\n/);
    expect(run.stderr).toMatch(/\nFailed 1 file:\n {2}archive\/2008-09\/3-broken\.docx: [^\n]+\n$/);
    expect(tree(join(dir, "out"))).toEqual(["actions.csv", "contributors.csv", "indicators.csv", "priorities.csv"]);
  });

  it("with --quiet prints only the failures, one line each, and no summary", async () => {
    const dir = archiveWithCorruptFile();
    const run = await runCli(["convert", "archive", "no-such-folder", "--out-dir", "out", "--quiet"], { cwd: dir });
    expect(run.code).toBe(2);
    const lines = run.stderr.split("\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("lsp-report: no-such-folder: no such file or folder");
    expect(lines[1]).toMatch(/^lsp-report: archive\/2008-09\/3-broken\.docx: ./);
  });

  it("starts every CSV file with a byte order mark with --bom, and only then", async () => {
    const dir = scratch();
    expect((await runCli(["convert", Q2, "--out-dir", join(dir, "bom"), "--bom"])).code).toBe(0);
    expect((await runCli(["convert", Q2, "--out-dir", join(dir, "plain")])).code).toBe(0);
    for (const kind of KINDS) {
      const bom = readFileSync(join(dir, "bom", `${kind}.csv`));
      const plain = readFileSync(join(dir, "plain", `${kind}.csv`));
      expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(plain[0]).not.toBe(0xef);
      expect(bom.subarray(3).equals(plain)).toBe(true);
    }
  });
});

describe("lsp-report convert when no file converts", () => {
  /** Only bad files: a corrupt .docx and a text file with no update in it. */
  function badArchive(dir: string): void {
    mkdirSync(join(dir, "bad"), { recursive: true });
    writeFileSync(join(dir, "bad", "broken.docx"), Buffer.from("PK\u0003\u0004 this is not really a zip file"));
    writeFileSync(join(dir, "bad", "notes.txt"), "minutes of the meeting\n");
  }

  it.each([["csv"], ["json"]])("writes nothing, keeps the files of an earlier run as they were, lists every failure, exit 2 (--format %s)", async (format) => {
    const dir = scratch();
    badArchive(dir);
    mkdirSync(join(dir, "good"));
    copyFileSync(Q2, join(dir, "good", "q2.txt"));
    expect((await runCli(["convert", "good", "--out-dir", "out", "--format", format], { cwd: dir })).code).toBe(0);
    const before = files(join(dir, "out"));
    expect(Object.keys(before).length).toBeGreaterThan(0);
    const run = await runCli(["convert", "bad", "--out-dir", "out", "--format", format, "--jobs", "2"], { cwd: dir });
    expect(run.code).toBe(2);
    const lines = run.stderr.split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe("Converted 0 of 2 files: nothing written into out (files already there are left as they were)");
    expect(lines[1]).toBe("Failed 2 files:");
    expect(lines[2]).toMatch(/^ {2}bad\/broken\.docx: ./);
    expect(lines[3]).toBe("  bad/notes.txt: no performance update found");
    expect(lines[4]).toBe("");
    expect(files(join(dir, "out"))).toEqual(before);
  });

  it("into a new folder writes no file at all", async () => {
    const dir = scratch();
    badArchive(dir);
    const run = await runCli(["convert", "bad", "--out-dir", "out", "--quiet"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(2);
    expect(tree(join(dir, "out"))).toEqual([]);
  });
});

describe("lsp-report convert to JSON", () => {
  it("writes one JSON file per input, mirroring the input tree below the inputs' common folder", async () => {
    const dir = scratch();
    const run = await runCli(["convert", "fixtures/seeds", "fixtures/docx/q4-2008-09.docx", "--out-dir", join(dir, "json"), "--format", "json", "--jobs", "2"]);
    expect(run.code).toBe(0);
    expect(tree(join(dir, "json"))).toEqual(["docx/q4-2008-09.docx.json", "seeds/000_ebda395ebee889b1.txt.json", "seeds/001_6f959b4cb1bc6ca1.txt.json"]);
    const parsed = await runCli(["parse", "fixtures/seeds/000_ebda395ebee889b1.txt"]);
    expect(readFileSync(join(dir, "json", "seeds/000_ebda395ebee889b1.txt.json"), "utf8")).toBe(parsed.stdout);
    const q4 = JSON.parse(readFileSync(join(dir, "json", "docx/q4-2008-09.docx.json"), "utf8"));
    expect(q4.schemaVersion).toBe("1");
    expect(q4.reports).toHaveLength(1);
    expect(q4.reports[0].priorities).toHaveLength(7);
    expect(run.stderr).toMatch(/^Converted 3 files \(24 updates\) into .*\n {2}3 JSON files, one per input\n$/);
  });

  it("writes no JSON for a file that fails, and lists it", async () => {
    const dir = archiveWithCorruptFile();
    const run = await runCli(["convert", "archive", "--out-dir", "json", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(tree(join(dir, "json"))).toEqual(["2008-09/1-q2.txt.json", "2008-09/2-q2.docx.json", "2008-09/4-q4.docx.json", "2008-09/5-q4.txt.json"]);
    expect(run.stderr).toMatch(/3-broken\.docx: /);
  });
});

describe("lsp-report convert never writes inside or over its inputs", () => {
  it.each([
    ["an output folder inside an input folder", ["archive", "--out-dir", "archive/out"], /^lsp-report: --out-dir archive\/out is inside the input folder archive: write the output outside the inputs\n$/],
    ["the input folder itself", ["archive", "--out-dir", "archive"], /is inside the input folder archive/],
    ["an output that would replace an input file", ["reports/indicators.csv", "--out-dir", "reports"], /^lsp-report: --out-dir reports would overwrite the input reports\/indicators\.csv: choose another folder\n$/],
    ["an output folder that is a file", ["archive", "--out-dir", "reports/indicators.csv"], /is a file, not a folder/],
    ["standard input", ["-", "--out-dir", "out"], /not standard input/],
    ["a --jobs that is not a whole number", ["archive", "--out-dir", "out", "--jobs", "two"], /--jobs must be a whole number/],
  ])("refuses %s, in one line, exit 2, writing nothing", async (_name, args, message) => {
    const dir = archiveWithCorruptFile();
    mkdirSync(join(dir, "reports"));
    copyFileSync(Q2, join(dir, "reports", "indicators.csv"));
    const before = tree(dir);
    const run = await runCli(["convert", ...args], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(tree(dir)).toEqual(before);
  });

  it("refuses an output folder above the inputs whose mirrored JSON would land inside an input folder", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "a", "b", "b"), { recursive: true });
    copyFileSync(Q2, join(dir, "a", "b", "b", "q2.txt"));
    // a/b is the input; its tree mirrored under a/ would write a/b/q2.txt.json, inside a/b.
    const run = await runCli(["convert", "a/b", "--out-dir", "a", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("lsp-report: --out-dir a would write b/q2.txt.json inside the input folder a/b: choose another folder\n");
    expect(tree(dir)).toEqual(["a/b/b/q2.txt"]);
    // Mirrored beside the input folder instead of into it, the same run is fine.
    expect((await runCli(["convert", "a/b/b", "--out-dir", "a", "--format", "json"], { cwd: dir })).code).toBe(0);
    expect(tree(dir)).toEqual(["a/b/b/q2.txt", "a/q2.txt.json"]);
  });

  it("sees through a symbolic link to an input folder", async () => {
    const dir = archiveWithCorruptFile();
    symlinkSync(join(dir, "archive"), join(dir, "link"));
    const run = await runCli(["convert", "archive", "--out-dir", "link/out"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is inside the input folder archive/);
    expect(existsSync(join(dir, "archive", "out"))).toBe(false);
  });

  it("may write beside an input file, in its folder, when nothing is overwritten", async () => {
    const dir = scratch();
    copyFileSync(Q2, join(dir, "q2.txt"));
    const run = await runCli(["convert", "q2.txt", "--out-dir", ".", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(tree(dir)).toEqual(["q2.txt", "q2.txt.json"]);
    expect(readFileSync(join(dir, "q2.txt"))).toEqual(readFileSync(Q2));
  });
});

describe("lsp-report convert progress", () => {
  function io(overrides: Partial<CliIo>): { io: CliIo; stderr: () => string } {
    let stderr = "";
    return {
      io: {
        stdout: () => undefined,
        stderr: (text) => void (stderr += text),
        readStdin: () => Promise.resolve(new Uint8Array()),
        cwd: ROOT,
        env: {},
        stdoutIsTTY: false,
        stderrIsTTY: false,
        ...overrides,
      },
      stderr: () => stderr,
    };
  }

  it.each([
    ["standard error is not a terminal", { stderrIsTTY: false, env: {} }, []],
    ["CI=true", { stderrIsTTY: true, env: { CI: "true" } }, []],
    ["--quiet", { stderrIsTTY: true, env: {} }, ["--quiet"]],
  ])("draws no progress bar when %s", async (_name, overrides, extra) => {
    const dir = scratch();
    const run = io(overrides);
    const code = await main(["convert", "fixtures/seeds", "fixtures/docx", "--out-dir", dir, "--jobs", "1", ...(extra as string[])], run.io);
    expect(code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the progress bar's terminal escape (ESC) is what is checked
    expect(run.stderr()).not.toMatch(/[\r\x1b█]/);
  });

  it("draws a bar on a terminal, and clears it before the summary", async () => {
    const dir = scratch();
    const run = io({ stderrIsTTY: true, env: {} });
    const code = await main(["convert", "fixtures/seeds", "fixtures/docx", "--out-dir", dir, "--jobs", "1"], run.io);
    expect(code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the progress bar's terminal escape (ESC) is what is checked
    expect(run.stderr()).toMatch(/\r\x1b\[Kconverting into \S+ █+ 4\/4 files 100%/);
    // eslint-disable-next-line no-control-regex -- the progress bar's terminal escape (ESC) is what is checked
    expect(run.stderr()).toMatch(/\r\x1b\[KConverted 4 files/);
  });

  it("prints no bar from the real command when standard error is a pipe", () => {
    const dir = scratch();
    const child = spawnSync(process.execPath, [BIN, "convert", "fixtures/seeds", "--out-dir", dir, "--jobs", "2"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CI: "" },
    });
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toBe("");
    expect(child.stderr).toMatch(/^Converted 2 files \(17 updates\)/);
    // eslint-disable-next-line no-control-regex -- the progress bar's terminal escape (ESC) is what is checked
    expect(child.stderr).not.toMatch(/[\r\x1b]/);
  });
});

describe("lsp-report convert when interrupted", { timeout: 120_000 }, () => {
  /*
   * Interrupted at a known point, not after a sleep: the last input is a named pipe (FIFO) that
   * nothing writes to, so the run cannot finish, and opening its other end without blocking
   * succeeds exactly when convert has started reading it, i.e. when every file before it has
   * been handed out and the temporary files are being written. Then the signal is sent, and the
   * pipe closed. (That a read blocked on the pipe for good does not stop the run from ending is
   * test/process/interrupt.test.ts.) A run stopped by a signal ends by that signal, so its code
   * is taken as a shell reports it: 128 + the signal's number.
   */
  const GATE = "zzz-gate.docx";

  /** A few .docx files and the gate, in archive/. */
  function gatedArchive(copies = 6): string {
    const dir = scratch();
    mkdirSync(join(dir, "archive"));
    for (let i = 0; i < copies; i++) copyFileSync(i % 2 ? Q4_DOCX : Q2_DOCX, join(dir, "archive", `${String(i).padStart(3, "0")}.docx`));
    const made = spawnSync("mkfifo", [join(dir, "archive", GATE)], { encoding: "utf8" });
    if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
    return dir;
  }

  /** A folder walk passes the pipe over (not a regular file), so it is named after the folder: read last. */
  function startConvert(dir: string, extra: string[] = [], gated = true) {
    const inputs = gated ? ["archive", `archive/${GATE}`] : ["archive"];
    return spawn(process.execPath, [BIN, "convert", ...inputs, "--out-dir", "out", "--jobs", "1", ...extra], { cwd: dir, env: { ...process.env, CI: "true" } });
  }

  async function until(check: () => boolean, timeout = 60_000): Promise<void> {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > timeout) throw new Error("timed out");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The pipe's writing end, opened once convert reads it (until then the open fails with ENXIO). */
  async function gateOpened(dir: string): Promise<number> {
    let fd = -1;
    await until(() => {
      try {
        fd = openSync(join(dir, "archive", GATE), fsConstants.O_WRONLY | fsConstants.O_NONBLOCK);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENXIO") return false;
        throw error;
      }
    });
    return fd;
  }

  function exited(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 128 + osConstants.signals[signal] : null), signal, stderr })));
  }

  /**
   * Start convert, wait until it reads the gate (and, if asked, until `ready` holds: it cannot
   * finish meanwhile), send the signal, then close the gate.
   */
  async function interruptAtGate(dir: string, signal: NodeJS.Signals, extra: string[] = [], ready: () => boolean = () => true) {
    const child = startConvert(dir, extra);
    const done = exited(child);
    const gate = await gateOpened(dir);
    await until(ready);
    expect(child.exitCode, "finished before it could be interrupted").toBeNull();
    child.kill(signal);
    closeSync(gate);
    return done;
  }

  const temporaries = (dir: string) => tree(join(dir, "out")).filter((name) => name.endsWith(".tmp"));

  it("leaves no CSV file, partial or whole, and no temporary file, when stopped by SIGTERM mid-run", async () => {
    const dir = gatedArchive();
    const result = await interruptAtGate(dir, "SIGTERM", [], () => temporaries(dir).length === 4);
    expect(result.code, result.stderr).toBe(143);
    expect(result.stderr).toMatch(/^lsp-report: interrupted: no partial file left in out\n$/);
    expect(tree(join(dir, "out"))).toEqual([]);
  });

  it("keeps the previous complete files when a re-run is interrupted", async () => {
    const dir = gatedArchive();
    const first = await exited(startConvert(dir, [], false));
    expect(first.code, first.stderr).toBe(0);
    const before = files(join(dir, "out"));
    expect(Object.keys(before)).toEqual(["actions.csv", "contributors.csv", "indicators.csv", "priorities.csv"]);
    for (let i = 6; i < 12; i++) copyFileSync(Q2_DOCX, join(dir, "archive", `${String(i).padStart(3, "0")}.docx`));
    const result = await interruptAtGate(dir, "SIGINT", [], () => temporaries(dir).length === 4);
    expect(result.code, result.stderr).toBe(130);
    expect(files(join(dir, "out"))).toEqual(before);
  });

  it("after a SIGKILL (no chance to clean up) leaves only temporary files, which the next run removes", async () => {
    const dir = gatedArchive();
    const result = await interruptAtGate(dir, "SIGKILL", [], () => temporaries(dir).length === 4);
    expect(result.signal).toBe("SIGKILL");
    const left = tree(join(dir, "out"));
    expect(left).toHaveLength(4);
    expect(left.every((name) => /^\.(priorities|indicators|actions|contributors)\.csv\.\d+\.[0-9a-f]{8}\.tmp$/.test(name))).toBe(true);
    const rerun = await exited(startConvert(dir, ["--quiet", "--jobs", "2"], false));
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(tree(join(dir, "out"))).toEqual(["actions.csv", "contributors.csv", "indicators.csv", "priorities.csv"]);
  });

  it("leaves only complete JSON files when stopped mid-run", async () => {
    const dir = gatedArchive();
    const written = () => tree(join(dir, "out")).filter((name) => name.endsWith(".json")).length;
    const result = await interruptAtGate(dir, "SIGTERM", ["--format", "json"], () => written() >= 3);
    expect(result.code, result.stderr).toBe(143);
    const left = tree(join(dir, "out"));
    expect(left.length).toBeGreaterThanOrEqual(3);
    expect(left.length).toBeLessThanOrEqual(6); // never one for the gate: it was never read
    for (const name of left) {
      expect(name).toMatch(/^00\d\.docx\.json$/);
      expect(JSON.parse(readFileSync(join(dir, "out", name), "utf8")).reports).toHaveLength(1);
    }
  });
});

describe("lsp-report convert --help", () => {
  it("shows a real example", async () => {
    const help = await runCli(["convert", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:\n\s+\$ lsp-report convert archive\/ --out-dir converted\//);
  });

  it("needs --out-dir", async () => {
    const run = await runCli(["convert", "fixtures/seeds"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/required option '-d, --out-dir <dir>'/);
  });
});
