// Start-up: the officer's wait for `lsp-report validate` of one ten-update file (issue 10 point 7:
// text <= 150 ms, .docx <= 250 ms, in the same run as a bare `node -e 0`).
//
// Every contender runs once per round, in the same order, for --rounds rounds (default 20), so a
// burst of load from other work on the shared machine falls on all of them alike. For each:
// wall time (mean ± standard deviation, median, min–max) and the CPU time the process used
// (user + system, all threads, from process.cpuUsage() at exit), which load on the machine
// disturbs much less than the wall time. The load average is printed before and after.
//
// Contenders: bare node; `lsp-report --version`; validate of the text seed (with the usual HTML
// residue, read without the HTML parser), of the same text without markup, and of its .docx
// rendering; to show what the code cache saves, validate of the text seed and the .docx through
// the same bundle compiled without its cache (bin/compiled-cli.js, useCache: false); and, to show
// what the bundle (dist/bin/) saves, the same through the unbundled modules of dist/cli/ that tsc
// builds.
//
// --baseline DIR adds validate of the text seed and of the .docx run by another built checkout
// (DIR/bin/lsp-report.js, e.g. a `git worktree` of main), in the same rounds: before and after a
// change, measured alike.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/lsp-report.js");
const SEED = join(ROOT, "fixtures/seeds/000_ebda395ebee889b1.txt");
const DOCX = join(ROOT, "fixtures/docx/q2-2008-09.docx");

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}

/** One run: wall ms, and the child's own CPU ms (user + system) as it reports at exit. */
function timed(args, scratch) {
  const cpuFile = join(scratch, `cpu-${Math.random().toString(36).slice(2)}`);
  const probe = `data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();writeFileSync(${JSON.stringify(cpuFile)},String((u.user+u.system)/1000))})`;
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--import", probe, ...args], { cwd: ROOT, env: { ...process.env, CI: "true", NO_COLOR: "1" }, encoding: "utf8" });
  const ms = performance.now() - start;
  // validate exits 1 on the seed's known error; anything else means the run is not what is measured.
  if (child.status !== 0 && child.status !== 1) throw new Error(`node ${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  const cpu = Number(readFileSync(cpuFile, "utf8"));
  rmSync(cpuFile, { force: true });
  return { ms, cpu };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, values.length - 1));
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { mean, sd, median, min: sorted[0], max: sorted[sorted.length - 1] };
}

const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");

export async function run(args = process.argv.slice(2)) {
  if (!existsSync(join(ROOT, "dist/bin/lsp-report.cjs"))) throw new Error("dist/bin/ is missing: run npm run build first");
  const rounds = Number(option(args, "--rounds", "20"));
  const scratch = mkdtempSync(join(tmpdir(), "lsp-startup-"));
  try {
    const plain = join(scratch, "q2-2008-09.txt");
    writeFileSync(plain, readFileSync(SEED, "utf8").replace(/<[^<>]*>/g, " ").replace(/&[a-z]+;|&#\d+;/gi, " ").replace(/&/g, "and").replace(/</g, "under "));
    const unbundled = join(scratch, "unbundled.mjs");
    writeFileSync(
      unbundled,
      `import { main } from ${JSON.stringify(join(ROOT, "dist/cli/main.js"))};\nimport { processIo } from ${JSON.stringify(join(ROOT, "dist/cli/io.js"))};\nprocess.exitCode = await main(process.argv.slice(2), processIo());\n`,
    );
    const uncached = join(scratch, "uncached.mjs");
    writeFileSync(
      uncached,
      `import { loadCompiledCli } from ${JSON.stringify(join(ROOT, "bin/compiled-cli.js"))};\nconst { main, processIo } = loadCompiledCli({ useCache: false }).cli;\nprocess.exitCode = await main(process.argv.slice(2), processIo());\n`,
    );
    const contenders = [
      ["node -e 0", ["-e", "0"]],
      ["lsp-report --version", [BIN, "--version"]],
      ["validate, text seed", [BIN, "validate", SEED, "--quiet"]],
      ["validate, text without markup", [BIN, "validate", plain, "--quiet"]],
      ["validate, .docx", [BIN, "validate", DOCX, "--quiet"]],
      ["validate, text seed, bundle without cache", [uncached, "validate", SEED, "--quiet"]],
      ["validate, .docx, bundle without cache", [uncached, "validate", DOCX, "--quiet"]],
      ["validate, text seed, unbundled dist/cli", [unbundled, "validate", SEED, "--quiet"]],
      ["validate, .docx, unbundled dist/cli", [unbundled, "validate", DOCX, "--quiet"]],
    ];
    const baseline = option(args, "--baseline", undefined);
    if (baseline !== undefined) {
      const other = join(baseline, "bin/lsp-report.js");
      if (!existsSync(other)) throw new Error(`--baseline ${baseline}: no bin/lsp-report.js there`);
      contenders.push(["validate, text seed, --baseline", [other, "validate", SEED, "--quiet"]], ["validate, .docx, --baseline", [other, "validate", DOCX, "--quiet"]]);
    }
    const before = load();
    for (const [, argv] of contenders) timed(argv, scratch); // warm the file cache
    const results = contenders.map(() => ({ ms: [], cpu: [] }));
    for (let round = 0; round < rounds; round++) {
      contenders.forEach(([, argv], index) => {
        const { ms, cpu } = timed(argv, scratch);
        results[index].ms.push(ms);
        results[index].cpu.push(cpu);
      });
    }
    const after = load();
    console.log(`start-up: ${rounds} interleaved rounds; load average ${before} before, ${after} after`);
    const fixed = (value) => value.toFixed(0).padStart(4);
    const summary = {};
    contenders.forEach(([name], index) => {
      const wall = stats(results[index].ms);
      const cpu = stats(results[index].cpu);
      summary[name] = { wall, cpu };
      console.log(
        `  ${name.padEnd(42)} wall ${fixed(wall.mean)} ± ${fixed(wall.sd)} ms (median ${fixed(wall.median)}, ${fixed(wall.min)}–${fixed(wall.max)})   CPU ${fixed(cpu.mean)} ms (median ${fixed(cpu.median)}, ${fixed(cpu.min)}–${fixed(cpu.max)})`,
      );
    });
    const verdict = (ok) => (ok ? "met" : "NOT met");
    const text = summary["validate, text seed"].wall.median;
    const docx = summary["validate, .docx"].wall.median;
    console.log(`  targets (medians, same run as node -e 0 at ${summary["node -e 0"].wall.median.toFixed(0)} ms): text <= 150 ms: ${verdict(text <= 150)} (${text.toFixed(0)}), .docx <= 250 ms: ${verdict(docx <= 250)} (${docx.toFixed(0)})`);
    return summary;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
