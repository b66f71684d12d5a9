// npm run mutate: plant known bugs in src/parse and src/validate, one at a time, and check that
// the tests catch each (docs/testing.md has the latest score). Not part of npm test or CI: it
// takes minutes. Each mutant is a small, plausible mistake written by hand (an off-by-one
// boundary, signals consulted in the wrong order, a projection forgotten); StrykerJS would
// generate hundreds (see docs/testing.md for why it is not used here).
//
// The work happens in a copy of the repository (node_modules linked), so an interrupted run
// never leaves a bug planted in src/.
//
//   npm run mutate                  every mutant
//   npm run mutate -- polarity judge   the mutants whose name contains "polarity" or "judge"
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

// The tests that stand guard over parse and validate (the fast ones: no worker pool, no browser).
const TESTS = [
  "test/golden.test.ts",
  "test/golden-seeds.test.ts",
  "test/parse.test.ts",
  "test/values.test.ts",
  "test/rag.test.ts",
  "test/timescale.test.ts",
  "test/validate-judge.test.ts",
  "test/validate-rules.test.ts",
];

/** name, file, the exact text to change (must occur once), what it becomes, and the bug it stands for. */
const MUTANTS = [
  {
    name: "polarity: catalogue after comments",
    file: "src/validate/polarity.ts",
    find: `  const known = knownPolarity(indicator.ref, indicator.measure, config);
  if (known) return { polarity: known.value, from: known.from === "configuration" ? "from the configuration" : "from the indicator catalogue" };
  const fromComments = polarityFromComments(indicator.comments);
  if (fromComments) return { polarity: fromComments, from: "from the comments" };`,
    replace: `  const fromComments = polarityFromComments(indicator.comments);
  if (fromComments) return { polarity: fromComments, from: "from the comments" };
  const known = knownPolarity(indicator.ref, indicator.measure, config);
  if (known) return { polarity: known.value, from: known.from === "configuration" ? "from the configuration" : "from the indicator catalogue" };`,
    bug: "the comments outrank the catalogue and the configuration",
  },
  {
    name: "judge: tolerance boundary",
    file: "src/validate/judge.ts",
    find: `return gap <= tolerance + 1e-9 ? "Amber" : "Red";`,
    replace: `return gap < tolerance - 1e-9 ? "Amber" : "Red";`,
    bug: "a miss of exactly the tolerance is Red instead of Amber",
  },
  {
    name: "judge: met target not Green",
    file: "src/validate/judge.ts",
    find: `if (gap <= 1e-9) return "Green";`,
    replace: `if (gap < -1e-9) return "Green";`,
    bug: "a target met exactly is not Green",
  },
  {
    name: "judge: no year-end projection",
    file: "src/validate/judge.ts",
    find: `const projected = (result.value * 4) / quarter;`,
    replace: `const projected = result.value;`,
    bug: "a cumulative count to date is compared with the year's target as it stands",
  },
  {
    name: "overall-rating-mismatch: Red overall with no Red indicator",
    file: "src/validate/rules/overall-rating-mismatch.ts",
    find: `rated.some((entry) => entry.rating !== "Green")`,
    replace: `rated.some((entry) => entry.rating === "Red")`,
    bug: "Red overall is questioned when indicators are Amber, not only when all are Green",
  },
  {
    name: "values: only the first thousands separator",
    file: "src/parse/values.ts",
    find: `const toNumber = (digits: string) => Number(digits.replace(/,/g, ""));`,
    replace: `const toNumber = (digits: string) => Number(digits.replace(/,/, ""));`,
    bug: "1,234,567 is not read as a number",
  },
  {
    name: "values: 'at least' not a comparator",
    file: "src/parse/values.ts",
    find: `const AT_LEAST = /^(?:at least|no less than|`,
    replace: `const AT_LEAST = /^(?:no less than|`,
    bug: "\"At least 3,400 after year 1\" loses its comparator (and its polarity signal)",
  },
  {
    name: "rag: amber band too narrow",
    file: "src/parse/rag.ts",
    find: `if (hue < 65) return "Amber";`,
    replace: `if (hue < 40) return "Amber";`,
    bug: "Word's amber FFC000 (hue 45°) is read as Green",
  },
  {
    name: "sections: a row with figures but no PI Ref continues the row above",
    file: "src/parse/sections.ts",
    find: `if (!ref && previous && !hasValues) {`,
    replace: `if (!ref && previous) {`,
    bug: "NI 187's second measure (SAP > 65) is merged into the first",
  },
  {
    name: "timescale: a bare quarter equal to the report's is next year's",
    file: "src/parse/timescale.ts",
    find: `quarter >= report.quarter ? start : start + 1`,
    replace: `quarter > report.quarter ? start : start + 1`,
    bug: "\"Q2\" in a Q2 report is due a year late",
  },
  {
    name: "heading: 'Qtr' not read as quarter",
    file: "src/parse/heading.ts",
    find: `(?:quarter|qtr|q)\\s*([1-4]|one|two|three|four)`,
    replace: `(?:quarter|q)\\s*([1-4]|one|two|three|four)`,
    bug: "a heading written \"2008/09 Qtr 2 Performance Update\" is not recognised",
  },
];

function copyOfRepository() {
  const work = mkdtempSync(join(tmpdir(), "lsp-mutate-"));
  for (const entry of ["src", "test", "fixtures", "bin", "schemas", "package.json", "tsconfig.json", "tsconfig.build.json", "vitest.config.ts"]) {
    cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "dir");
  return work;
}

/** Run the guarding tests in the copy; "passed", "failed", or "broken" when the build itself failed. */
function runTests(work) {
  const vitest = join(ROOT, "node_modules", "vitest", "vitest.mjs");
  const run = spawnSync(process.execPath, [vitest, "run", "--bail", "1", "--reporter", "dot", ...TESTS], {
    cwd: work,
    encoding: "utf8",
    env: { ...process.env, CI: "true", NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status === 0) return { outcome: "passed" };
  const output = `${run.stdout}\n${run.stderr}`;
  if (/global-setup: tsc/.test(output)) return { outcome: "broken", detail: output.slice(0, 2000) };
  const failed = [...output.matchAll(/FAIL\s+(\S+\.test\.ts)(?: > (.+))?/g)].map((match) => (match[2] ? `${match[1]} > ${match[2]}` : match[1]));
  return { outcome: "failed", failed: [...new Set(failed)] };
}

const filters = process.argv.slice(2).map((word) => word.toLowerCase());
const chosen = MUTANTS.filter((mutant) => filters.length === 0 || filters.some((word) => mutant.name.toLowerCase().includes(word)));
const work = copyOfRepository();
const results = [];
try {
  console.log(`mutate: ${chosen.length} planted bugs, tests: ${TESTS.length} files, in ${work}`);
  const baseline = runTests(work);
  if (baseline.outcome !== "passed") {
    console.error(`mutate: the tests fail before any bug is planted (${baseline.outcome}); fix them first.\n${baseline.detail ?? baseline.failed?.join("\n") ?? ""}`);
    process.exitCode = 2;
  } else {
    for (const mutant of chosen) {
      const path = join(work, mutant.file);
      const original = readFileSync(path, "utf8");
      const occurrences = original.split(mutant.find).length - 1;
      if (occurrences !== 1) {
        results.push({ ...mutant, outcome: "stale", why: `the text to change occurs ${occurrences} times in ${mutant.file}; update the mutant` });
      } else {
        writeFileSync(path, original.replace(mutant.find, mutant.replace));
        const started = Date.now();
        const run = runTests(work);
        writeFileSync(path, original);
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        const outcome = run.outcome === "failed" ? "caught" : run.outcome === "passed" ? "SURVIVED" : "broken";
        const why = run.outcome === "failed" ? `by ${run.failed[0] ?? "a test"}` : run.outcome === "passed" ? `no test fails: ${mutant.bug}` : "the mutant does not compile; update it";
        results.push({ ...mutant, outcome, why });
        console.log(`  ${outcome.padEnd(8)} ${mutant.name} (${seconds} s) ${why}`);
      }
    }
    const caught = results.filter((result) => result.outcome === "caught").length;
    const judged = results.filter((result) => result.outcome === "caught" || result.outcome === "SURVIVED").length;
    for (const result of results.filter((entry) => entry.outcome === "stale")) console.log(`  stale    ${result.name}: ${result.why}`);
    console.log(`mutate: ${caught} of ${judged} planted bugs caught${judged ? ` (${Math.round((caught / judged) * 100)}%)` : ""}`);
    if (caught < judged || results.some((result) => result.outcome !== "caught")) process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
