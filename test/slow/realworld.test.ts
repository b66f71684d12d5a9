/**
 * 398 real Word and HTML files from other projects' test suites (../shared/realworld/corpus, see
 * its README), none a performance update: `lsp-report parse` must refuse every one in exactly one
 * plain line, exit 2 and give no records, without a stack trace, a hang or an abort. The files
 * stay outside the project; without them this test says it skipped.
 *
 * One run of the built command over the whole folder (a child process, so an abort of Node
 * fails the test instead of the test runner). How long it takes and its memory are measured by
 * `npm run bench`-style runs, not asserted here.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const CORPUS = "../shared/realworld/corpus";
const present = existsSync(CORPUS);
if (!present) console.log(`realworld: skipped, ${CORPUS} does not exist`);

/** Text that means a library's or JavaScript's error reached the user. */
const NOT_PLAIN = /Cannot read propert|undefined|magic number|ERR_|RangeError|TypeError|buffer bounds|Maximum call stack|internal error|\bat \S+ \(/;

describe.skipIf(!present)("the real-world corpus (../shared/realworld/corpus)", () => {
  it("refuses every file in exactly one plain line, exit 2, no records", () => {
    const files = readdirSync(CORPUS).sort();
    expect(files.length).toBeGreaterThan(0);
    const run = spawnSync(process.execPath, ["bin/lsp-report.js", "parse", CORPUS], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 280_000 });
    expect(run.signal, "the command was killed or aborted").toBeNull();
    expect(run.status).toBe(2);

    const lines = run.stderr.split("\n").filter((line) => line !== "");
    const reasons = new Map<string, string[]>();
    const stray: string[] = [];
    for (const line of lines) {
      const file = files.find((name) => line.startsWith(`lsp-report: ${CORPUS}/${name}: `));
      if (!file) stray.push(line);
      else reasons.set(file, [...(reasons.get(file) ?? []), line.slice(`lsp-report: ${CORPUS}/${file}: `.length)]);
    }
    expect(stray, "lines on standard error that name no file").toEqual([]);
    expect(files.filter((file) => reasons.get(file)?.length !== 1), "files without exactly one line").toEqual([]);
    const notPlain = [...reasons].filter(([, [reason]]) => NOT_PLAIN.test(reason!) || reason!.trim() === "");
    expect(notPlain, "reasons quoting an error's text").toEqual([]);

    const output = JSON.parse(run.stdout) as { reports: unknown[] };
    expect(output.reports).toEqual([]);
  });

  it("reads the two Word 97 files whose streams are named in lower and upper case as Word (they hold no update)", () => {
    const run = spawnSync(process.execPath, ["bin/lsp-report.js", "parse", ...["47950_lower.doc", "47950_upper.doc"].map((name) => `${CORPUS}/poi__test-data__document__${name}`)], { encoding: "utf8" });
    expect(run.stderr.trim().split("\n").map((line) => line.replace(/^lsp-report: .*?\.doc: /, ""))).toEqual(["no performance update found", "no performance update found"]);
  });
});
