// A large text file (issue 10, point 6): 10,000 copies of one update of the Q2 seed (HW-3b,
// 6.3 KB), 62.6 MB, generated in a temporary folder. Build first (npm run build).
//
//   node bench/bigtext.js [--copies 10000] [--rounds 3]
//
// Peak RSS (the process's maxRSS, worker threads included) and wall time of: parse to JSON with
// -o (repeated: median and spread), parse to CSV, validate, and convert --jobs 1 to JSON and to
// CSV, each once. Target: under 600 MB (about ten times the input) for every command.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/lsp-report.js");
const Q2 = join(ROOT, "fixtures/seeds/000_ebda395ebee889b1.txt");
const TARGET_MB = 600;

/** The HW-3b update of the Q2 seed: from its heading line to the next update's heading. */
function oneUpdate() {
  const lines = readFileSync(Q2, "utf8").split("\n");
  const start = lines.findIndex((line) => line.startsWith("Health and Wellbeing 2008/09 Quarter 2 Performance Update"));
  const end = lines.findIndex((line, index) => index > start && line.includes("Performance Update"));
  return `${lines.slice(start, end).join("\n")}\n`;
}

function spawnNode(args) {
  const rssFile = join(tmpdir(), `lsp-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const probe = `data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`;
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--import", probe, ...args], { cwd: ROOT, env: { ...process.env, CI: "true" }, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - start;
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) / 1024 : NaN;
  rmSync(rssFile, { force: true });
  return { ms, rss, status: child.status, stderr: child.stderr };
}

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? Number(args[at + 1]) : fallback;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const range = (values, digits = 0) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
const load = () => loadavg()[0].toFixed(1);

export async function run(args = process.argv.slice(2)) {
  const copies = option(args, "--copies", 10_000);
  const rounds = option(args, "--rounds", 3);
  const scratch = mkdtempSync(join(tmpdir(), "lsp-bigtext-"));
  try {
    const input = join(scratch, "big.txt");
    writeFileSync(input, oneUpdate().repeat(copies));
    const mb = statSync(input).size / 1e6;
    console.log(`large text file: ${copies.toLocaleString("en-GB")} copies of one update, ${mb.toFixed(1)} MB (load average ${load()} at the start)`);
    const commands = [
      ["parse, JSON -o", ["parse", input, "-o", join(scratch, "out.json")], rounds],
      ["parse, CSV indicators -o", ["parse", input, "--format", "csv", "-o", join(scratch, "out.csv")], 1],
      ["validate, JSON -o", ["validate", input, "--format", "json", "-o", join(scratch, "findings.json")], 1],
      ["convert --jobs 1, JSON", ["convert", input, "--out-dir", join(scratch, "json"), "--format", "json", "--jobs", "1", "--quiet"], 1],
      ["convert --jobs 1, CSV", ["convert", input, "--out-dir", join(scratch, "csv"), "--jobs", "1", "--quiet"], 1],
    ];
    for (const [name, argv, times] of commands) {
      const runs = Array.from({ length: times }, () => spawnNode([BIN, ...argv]));
      const failed = runs.find((r) => r.status !== 0 && !(argv[0] === "validate" && r.status === 1));
      const rss = runs.map((r) => r.rss);
      const seconds = runs.map((r) => r.ms / 1000);
      const verdict = Math.max(...rss) < TARGET_MB ? "met" : "not met";
      const spread = times > 1 ? ` (runs ${range(rss)} MB, ${range(seconds, 1)} s)` : "";
      console.log(
        `  ${name.padEnd(26)} peak RSS ${Math.max(...rss).toFixed(0)} MB (${(Math.max(...rss) / mb).toFixed(1)}x the input; < ${TARGET_MB} MB: ${verdict}), ${median(seconds).toFixed(1)} s${spread}, load ${load()}` +
          (failed ? `, exit ${failed.status}: ${failed.stderr.trim().split("\n").slice(-1)[0]}` : ""),
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
