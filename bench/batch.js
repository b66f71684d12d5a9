// Batch benchmark (issue 5). Build first (npm run build). Runs alone:
//
//   node bench/batch.js [--updates 1000] [--rounds 3] [--scale 4]
//
// or through bench/run.js, which calls run(). In one run it
//   1. makes a corpus (bench/corpus.js: .docx and text from the fixtures, varied values, at least
//      --updates updates; a file holds 7–10 updates, so 1,000 updates ≈ 120 files),
//   2. times, each in a fresh process (wall clock from spawn to exit, median of --rounds):
//        convert --jobs 1 and --jobs 2 over the whole corpus (checking both give the same bytes),
//        convert --jobs 1 over the .docx files alone, and mammoth.convertToHtml alone over the same
//        .docx files (one process that reads and converts them one after another), and as a
//        control the same mammoth work shared over 1 and 2 worker threads (what speed-up this
//        machine gives to work that is parallel by construction),
//      and, once, convert --jobs 2 over a corpus --scale times as big (memory stays flat),
//   3. reads each process's peak RSS (process.resourceUsage().maxRSS at exit: worker threads share
//      the process, so this is the whole convert process tree),
//   4. times `node bin/lsp-report.js --version` (median of 15 runs),
// and prints documents (files) per second, updates per second, the speed-up, the per-document
// ratio to mammoth alone, peak RSS and start-up, each against the target.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { makeCorpus } from "./corpus.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/lsp-report.js");
const RSS_PROBE =
  'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>{if(process.env.LSP_BENCH_RSS)writeFileSync(process.env.LSP_BENCH_RSS,String(process.resourceUsage().maxRSS))})';
const MAMMOTH_ALONE = `
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import mammoth from "mammoth";
const dir = process.argv[1];
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith(".docx")) continue;
  const result = await mammoth.convertToHtml({ buffer: readFileSync(join(dir, name)) });
  if (result.value.length === 0) throw new Error(name + ": empty");
}`;

// The machine's own ceiling: mammoth alone, the same files shared out over N worker threads.
const MAMMOTH_THREADS = `
import { Worker } from "node:worker_threads";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
const [dir, threads] = [process.argv[1], Number(process.argv[2])];
const mammoth = createRequire(process.cwd() + "/package.json").resolve("mammoth");
const files = readdirSync(dir).filter((name) => name.endsWith(".docx")).sort().map((name) => dir + "/" + name);
const code = "const { workerData } = require('node:worker_threads'); const fs = require('node:fs'); const mammoth = require(workerData.mammoth);" +
  "(async () => { for (const file of workerData.files) await mammoth.convertToHtml({ buffer: fs.readFileSync(file) }); })();";
await Promise.all(Array.from({ length: threads }, (_, i) => new Promise((resolve, reject) => {
  const worker = new Worker(code, { eval: true, execArgv: [], workerData: { mammoth, files: files.filter((_, k) => k % threads === i) } });
  worker.on("error", reject);
  worker.on("exit", resolve);
})));`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Run node with the RSS probe; wall ms and peak RSS in MB. */
function measure(args, scratch) {
  const rssFile = join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--import", RSS_PROBE, ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: "true", LSP_BENCH_RSS: rssFile },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`node ${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  const rss = Number(readFileSync(rssFile, "utf8")) / 1024;
  return { ms, rss };
}

function repeat(rounds, args, scratch) {
  const runs = Array.from({ length: rounds }, () => measure(args, scratch));
  return { ms: median(runs.map((run) => run.ms)), rss: Math.max(...runs.map((run) => run.rss)) };
}

function sameFiles(a, b) {
  const names = readdirSync(a).sort();
  if (names.join() !== readdirSync(b).sort().join()) return false;
  return names.every((name) => readFileSync(join(a, name)).equals(readFileSync(join(b, name))));
}

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}

export async function run(args = process.argv.slice(2)) {
  if (!existsSync(join(ROOT, "dist/batch/worker.js"))) throw new Error("dist/ is missing: run npm run build first");
  const updates = Number(option(args, "--updates", "1000"));
  const rounds = Number(option(args, "--rounds", "3"));
  const scale = Number(option(args, "--scale", "4"));
  const scratch = mkdtempSync(join(tmpdir(), "lsp-bench-"));
  try {
    const corpus = makeCorpus({ updates, out: join(scratch, "corpus") });
    const docxDir = join(corpus.dir, "docx");
    const docxUpdates = corpus.files.filter((file) => file.kind === "docx").reduce((sum, file) => sum + file.updates, 0);
    const out = (name) => join(scratch, name);
    const convert = (inputs, outDir, jobs) => [BIN, "convert", inputs, "--out-dir", outDir, "--jobs", String(jobs), "--quiet"];

    const startup = median(Array.from({ length: 15 }, () => measure([BIN, "--version"], scratch).ms));
    const jobs1 = repeat(rounds, convert(corpus.dir, out("jobs1"), 1), scratch);
    const jobs2 = repeat(rounds, convert(corpus.dir, out("jobs2"), 2), scratch);
    const identical = sameFiles(out("jobs1"), out("jobs2"));
    const docx1 = repeat(rounds, convert(docxDir, out("docx1"), 1), scratch);
    const mammoth = repeat(rounds, ["--input-type=module", "-e", MAMMOTH_ALONE, docxDir], scratch);
    const mammoth1 = repeat(rounds, ["--input-type=module", "-e", MAMMOTH_THREADS, docxDir, "1"], scratch);
    const mammoth2 = repeat(rounds, ["--input-type=module", "-e", MAMMOTH_THREADS, docxDir, "2"], scratch);
    // Memory stays flat: the same run over a corpus `scale` times as big.
    const big = scale > 1 ? makeCorpus({ updates: updates * scale, out: join(scratch, "big-corpus"), seed: 2 }) : null;
    const flat = big ? measure(convert(big.dir, out("big"), 2), scratch) : null;

    const files = corpus.files.length;
    const docs = corpus.docx.length;
    const line = (name, n, u, result) =>
      `${name.padEnd(40)} ${String(n).padStart(5)} ${String(u).padStart(7)} ${(result.ms / 1000).toFixed(2).padStart(8)} ${((n * 1000) / result.ms).toFixed(1).padStart(8)} ${((u * 1000) / result.ms).toFixed(0).padStart(10)} ${(result.ms / n).toFixed(1).padStart(8)} ${result.rss.toFixed(0).padStart(8)}`;
    const verdict = (ok) => (ok ? "met" : "NOT met");
    const speedup = jobs1.ms / jobs2.ms;
    const ratio = docx1.ms / mammoth.ms;
    const peak = Math.max(jobs1.rss, jobs2.rss, docx1.rss);

    console.log(`batch convert: ${files} files (${docs} .docx, ${corpus.text.length} text), ${corpus.updates} updates; ${rounds} rounds, median wall time, each run a fresh process`);
    console.log(`${"run".padEnd(40)} files updates   wall s   docs/s  updates/s   ms/doc   RSS MB`);
    console.log(line("convert --jobs 1 (all)", files, corpus.updates, jobs1));
    console.log(line("convert --jobs 2 (all)", files, corpus.updates, jobs2));
    console.log(line("convert --jobs 1 (.docx only)", docs, docxUpdates, docx1));
    console.log(line("mammoth.convertToHtml (same .docx)", docs, docxUpdates, mammoth));
    console.log(line("  the same in 1 worker thread", docs, docxUpdates, mammoth1));
    console.log(line("  the same in 2 worker threads", docs, docxUpdates, mammoth2));
    if (big) console.log(line(`convert --jobs 2 (${scale}x corpus, 1 round)`, big.files.length, big.updates, flat));
    console.log("");
    console.log(`speed-up --jobs 2 / --jobs 1      ${speedup.toFixed(2)}x   (target >= 1.7x: ${verdict(speedup >= 1.7)})`);
    console.log(`per-document cost / mammoth alone ${ratio.toFixed(2)}x   (target <= 1.3x: ${verdict(ratio <= 1.3)})`);
    console.log(`machine's ceiling: mammoth alone in 2 threads / 1 thread ${(mammoth1.ms / mammoth2.ms).toFixed(2)}x`);
    console.log(`peak RSS of a convert process     ${peak.toFixed(0)} MB (target < 300 MB: ${verdict(peak < 300)}); --jobs 1 ${jobs1.rss.toFixed(0)} MB, --jobs 2 ${jobs2.rss.toFixed(0)} MB`);
    if (big) console.log(`memory flat as the batch grows     --jobs 2 peak RSS ${jobs2.rss.toFixed(0)} MB for ${corpus.updates} updates, ${flat.rss.toFixed(0)} MB for ${big.updates}`);
    console.log(`start-up, lsp-report --version    ${startup.toFixed(0)} ms  (target < 150 ms: ${verdict(startup < 150)})`);
    console.log(`--jobs 1 and --jobs 2 CSV files   ${identical ? "byte-identical" : "DIFFER"}`);
    if (!identical) process.exitCode = 1;
    return { files, updates: corpus.updates, docs, jobs1, jobs2, docx1, mammoth, mammoth1, mammoth2, flat, speedup, ratio, peak, startup, identical };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
