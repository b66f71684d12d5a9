/**
 * lsp-report.config.json as `lsp-report validate` uses it: where it is found, what a bad one
 * says (one line, exit 2), and what its settings change; and `lsp-report rules`. Every config
 * file and edited seed lives in a temporary folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Finding, ValidateOutput } from "../src/schema/findings.js";
import { RULE_IDS, RULES } from "../src/validate/rules/index.js";
import { runCli, type CliRun } from "./helpers/cli.js";

const ROOT = process.cwd();
const Q2 = resolve(ROOT, "fixtures/seeds/000_ebda395ebee889b1.txt");
const Q4 = resolve(ROOT, "fixtures/seeds/001_6f959b4cb1bc6ca1.txt");
const SEEDS = resolve(ROOT, "fixtures/seeds");
const CONFIG = "lsp-report.config.json";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "lsp-report-validate-config-"));
}

function findings(run: CliRun): Finding[] {
  return (JSON.parse(run.stdout) as ValidateOutput).files.flatMap((file) => file.findings);
}

function summary(run: CliRun): ValidateOutput["summary"] {
  return (JSON.parse(run.stdout) as ValidateOutput).summary;
}

/** A folder holding lsp-report.config.json with this text (or value), and the path of the file. */
function withConfig(config: unknown): { folder: string; path: string } {
  const folder = tempDir();
  const path = join(folder, CONFIG);
  writeFileSync(path, typeof config === "string" ? config : JSON.stringify(config, null, 2));
  return { folder, path };
}

const ni187 = (list: Finding[]) => list.filter((finding) => finding.indicator === "NI 187" && finding.rule === "rag-mismatch");

let baseline: CliRun;
beforeAll(async () => {
  baseline = await runCli(["validate", SEEDS, "--format", "json"], { cwd: tempDir() });
});

describe("finding the configuration", () => {
  it("uses no configuration when there is none up the tree: the seeds have their one error", () => {
    expect(baseline.code).toBe(1);
    expect(summary(baseline).errors).toBe(1);
    expect(ni187(findings(baseline))).toHaveLength(1);
  });

  it("finds lsp-report.config.json in a folder above the working folder", async () => {
    const { folder } = withConfig({ rules: { "rag-mismatch": "off" } });
    const deep = join(folder, "reports", "2008-09");
    mkdirSync(deep, { recursive: true });
    const run = await runCli(["validate", SEEDS, "--format", "json"], { cwd: deep });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(ni187(findings(run))).toEqual([]);
    expect(summary(run).errors).toBe(0);
  });

  it("prefers the nearest configuration to one further up", async () => {
    const { folder } = withConfig({ rules: { "rag-mismatch": "off" } });
    const inner = join(folder, "inner");
    mkdirSync(inner);
    writeFileSync(join(inner, CONFIG), JSON.stringify({ rules: { "rag-mismatch": "info" } }));
    const run = await runCli(["validate", Q2, "--format", "json"], { cwd: inner });
    expect(run.code).toBe(0);
    expect(ni187(findings(run)).map((finding) => finding.severity)).toEqual(["info"]);
  });

  it("takes --config (relative to the working folder) instead of searching", async () => {
    const { folder } = withConfig({ rules: { "rag-mismatch": "error" } });
    writeFileSync(join(folder, "quiet.json"), JSON.stringify({ rules: { "rag-mismatch": "off" } }));
    const run = await runCli(["validate", Q2, "--config", "quiet.json", "--format", "json"], { cwd: folder });
    expect(run.code).toBe(0);
    expect(ni187(findings(run))).toEqual([]);
    const short = await runCli(["validate", Q2, "-c", join(folder, "quiet.json"), "--format", "json"]);
    expect(short.code).toBe(0);
  });

  it("reads a configuration with a byte order mark", async () => {
    const { folder } = withConfig(`\uFEFF${JSON.stringify({ rules: { "rag-mismatch": "off" } })}`);
    const run = await runCli(["validate", Q2, "--format", "json"], { cwd: folder });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("accepts $schema, as editors add it", async () => {
    const { folder } = withConfig({ $schema: "./node_modules/lsp-report/schemas/lsp-report-config.schema.json", tolerance: 10 });
    const run = await runCli(["validate", Q2, "--format", "json"], { cwd: folder });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });
});

describe("a bad configuration: one line naming the key and the problem, exit 2", () => {
  async function complaint(config: unknown): Promise<string> {
    const { folder } = withConfig(config);
    const run = await runCli(["validate", Q2], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n");
    expect(lines).toHaveLength(2); // one line and its newline
    expect(lines[1]).toBe("");
    expect(lines[0]!.startsWith(`lsp-report: ${CONFIG}: `)).toBe(true);
    return lines[0]!.slice(`lsp-report: ${CONFIG}: `.length);
  }

  it("names an unknown top-level key, with a did-you-mean hint", async () => {
    expect(await complaint({ rulez: { "rag-mismatch": "off" } })).toBe("rulez: unknown setting (did you mean rules?)");
    expect(await complaint({ tolerence: 5 })).toBe("tolerence: unknown setting (did you mean tolerance?)");
  });

  it("names an unknown key without a hint when nothing is close", async () => {
    expect(await complaint({ colourScheme: "dark" })).toBe("colourScheme: unknown setting");
  });

  it("names an unknown rule id, with a hint", async () => {
    expect(await complaint({ rules: { "rag-mismach": "off" } })).toBe("rules.rag-mismach: no such rule (did you mean rag-mismatch?); lsp-report rules lists them");
  });

  it("names a severity that is not error, warning, info or off", async () => {
    const problem = await complaint({ rules: { "rag-mismatch": "fatal" } });
    expect(problem.startsWith("rules.rag-mismatch: ")).toBe(true);
  });

  // BUG: src/schema/config.ts, checkConfig(): for a severity outside the union
  // z.union([Severity, z.literal("off")]) zod 4 reports the bare "Invalid input", so the line reads
  // "rules.rag-mismatch: Invalid input" and does not say which values are allowed.
  it("says which severities are allowed", async () => {
    const problem = await complaint({ rules: { "rag-mismatch": "fatal" } });
    expect(problem).toMatch(/error.*warning.*info.*off/);
  });

  it.each([
    [150, /^tolerance: .*100/],
    [-1, /^tolerance: .*0/],
    ["10", /^tolerance: .*expected number, received string/],
    [null, /^tolerance: .*expected number/],
  ])("names a tolerance of %j", async (tolerance, problem) => {
    expect(await complaint({ tolerance })).toMatch(problem);
  });

  it("names a polarity that is not higher or lower, with the indicator's key", async () => {
    expect(await complaint({ indicators: { "NI 187": { polarity: "up" } } })).toMatch(/^indicators\.NI 187\.polarity: .*"higher"\|"lower"/);
  });

  it("names an unknown key inside an indicator", async () => {
    expect(await complaint({ indicators: { "NI 187": { polarity: "lower", cummulative: true } } })).toBe("indicators.NI 187.cummulative: unknown setting (did you mean cumulative?)");
  });

  it("names a theme code that is not 2 to 4 capital letters", async () => {
    expect(await complaint({ themes: { xx: "Example Theme" } })).toMatch(/^themes\.xx: /);
  });

  // BUG: src/schema/config.ts, Config.themes: the key schema's own message ("a theme code is 2
  // to 4 capital letters") is lost; zod 4 reports the record key as "Invalid key in record", so
  // the user is not told what a theme code must look like.
  it("says what a theme code must look like", async () => {
    expect(await complaint({ themes: { xx: "Example Theme" } })).toContain("2 to 4 capital letters");
  });

  it("says a configuration that is not an object is not one", async () => {
    expect(await complaint([])).toMatch(/^\(top level\): .*expected object/);
  });

  it("says invalid JSON is not valid JSON", async () => {
    expect(await complaint('{ "rules": { "rag-mismatch": "off", } }')).toMatch(/^not valid JSON \(.+\)$/);
  });

  it("says a --config file that does not exist is missing", async () => {
    const folder = tempDir();
    const run = await runCli(["validate", Q2, "--config", "nothere.json"], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("lsp-report: nothere.json: no such configuration file\n");
  });

  it("complains about a bad --config file by its name as given", async () => {
    const folder = tempDir();
    mkdirSync(join(folder, "conf"));
    writeFileSync(join(folder, "conf", "strict.json"), JSON.stringify({ rules: { "rag-mismatch": "loud" } }));
    const run = await runCli(["validate", Q2, "--config", "conf/strict.json"], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lsp-report: conf\/strict\.json: rules\.rag-mismatch: .+\n$/);
  });

  it("stops before reading any input: no findings printed", async () => {
    const { folder } = withConfig({ tolerance: "ten" });
    const run = await runCli(["validate", SEEDS, "--format", "json"], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
  });
});

describe("what the configuration changes", () => {
  it("turns the only error rule off: exit 0, no rag-mismatch, the rest unchanged", async () => {
    const { folder } = withConfig({ rules: { "rag-mismatch": "off" } });
    const run = await runCli(["validate", SEEDS, "--format", "json"], { cwd: folder });
    expect(run.code).toBe(0);
    expect(findings(run).filter((finding) => finding.rule === "rag-mismatch")).toEqual([]);
    expect(summary(run)).toEqual({ ...summary(baseline), errors: 0 });
  });

  it("lowers rag-mismatch to a warning: exit 0, the finding kept as a warning", async () => {
    const { folder } = withConfig({ rules: { "rag-mismatch": "warning" } });
    const run = await runCli(["validate", SEEDS, "--format", "json"], { cwd: folder });
    expect(run.code).toBe(0);
    const [finding] = ni187(findings(run));
    expect(finding!.severity).toBe("warning");
    expect(finding!.message).toContain("computed Red, rated Amber");
    expect(summary(run)).toEqual({ ...summary(baseline), errors: 0, warnings: summary(baseline).warnings + 1 });
    const capped = await runCli(["validate", SEEDS, "--max-warnings", String(summary(baseline).warnings)], { cwd: folder });
    expect(capped.code).toBe(1);
  });

  it("raises a warning rule to error: exit 1 on the Q4 seed", async () => {
    const before = await runCli(["validate", Q4, "--format", "json"], { cwd: tempDir() });
    expect(before.code).toBe(0);
    const { folder } = withConfig({ rules: { "theme-placeholder": "error" } });
    const run = await runCli(["validate", Q4, "--format", "json"], { cwd: folder });
    expect(run.code).toBe(1);
    const errors = findings(run).filter((finding) => finding.severity === "error");
    expect(errors.map((finding) => [finding.rule, finding.reference])).toEqual([["theme-placeholder", "TP-1a"]]);
  });

  it("takes the tolerance from the configuration, and --tolerance over it", async () => {
    const { folder } = withConfig({ tolerance: 15 });
    const run = await runCli(["validate", Q2, "--format", "json"], { cwd: folder });
    expect(run.code).toBe(0);
    expect(ni187(findings(run))).toEqual([]);
    const overridden = await runCli(["validate", Q2, "--format", "json", "--tolerance", "10"], { cwd: folder });
    expect(overridden.code).toBe(1);
    expect(ni187(findings(overridden))[0]!.message).toContain("tolerance 10%");
  });

  it("a per-indicator polarity flips the NI 187 verdict: higher is better, computed Green", async () => {
    const { folder } = withConfig({ indicators: { "NI 187": { polarity: "higher" } } });
    const run = await runCli(["validate", Q2, "--format", "json"], { cwd: folder });
    const [finding] = ni187(findings(run));
    expect(finding).toBeDefined();
    expect(finding!.message).toContain("3.35% against target 3% is 11.7% better");
    expect(finding!.message).toContain("higher is better, from the configuration");
    expect(finding!.message).toContain("computed Green, rated Amber");
    expect(finding!.message).not.toContain("from baseline");
    expect(finding!.data).toMatchObject({ polarity: "higher" });
  });

  it("matches the indicator key loosely (NI187, ni 187:)", async () => {
    for (const key of ["NI187", "ni 187:"]) {
      const { folder } = withConfig({ indicators: { [key]: { polarity: "higher" } } });
      const [finding] = ni187(findings(await runCli(["validate", Q2, "--format", "json"], { cwd: folder })));
      expect(finding!.message).toContain("computed Green, rated Amber");
    }
  });

  describe("extra theme codes", () => {
    let folder: string;
    beforeAll(() => {
      folder = tempDir();
      const lines = readFileSync(Q2, "utf8").split("\n");
      expect(lines[2]).toMatch(/^Harmonious Communities 2008\/09 Quarter 2 Performance Update\t+Reference\tHM-1a$/);
      lines[2] = "Example Theme 2008/09 Quarter 2 Performance Update\t\tReference\tXX-1a";
      writeFileSync(join(folder, "q2.txt"), lines.join("\n"));
    });

    it("without them, reference-invalid says the theme code XX is unknown", async () => {
      const run = await runCli(["validate", "q2.txt", "--format", "json"], { cwd: folder });
      const invalid = findings(run).filter((finding) => finding.rule === "reference-invalid");
      expect(invalid).toHaveLength(1);
      expect(invalid[0]).toMatchObject({ reference: "XX-1a", location: { line: 3 } });
      expect(invalid[0]!.message).toContain("XX");
      expect(invalid[0]!.message).toContain("themes");
    });

    it("with { themes: { XX: 'Example Theme' } }, XX-1a is accepted", async () => {
      writeFileSync(join(folder, "themes.json"), JSON.stringify({ themes: { XX: "Example Theme" } }));
      const run = await runCli(["validate", "q2.txt", "--config", "themes.json", "--format", "json"], { cwd: folder });
      expect(run.stderr).toBe("");
      const all = findings(run);
      expect(all.filter((finding) => finding.rule === "reference-invalid")).toEqual([]);
      expect(all.some((finding) => finding.reference === "XX-1a")).toBe(true);
    });

    it("a theme code whose name does not match the heading is still reference-invalid", async () => {
      writeFileSync(join(folder, "other.json"), JSON.stringify({ themes: { XX: "Some Other Theme" } }));
      const run = await runCli(["validate", "q2.txt", "--config", "other.json", "--format", "json"], { cwd: folder });
      expect(findings(run).filter((finding) => finding.rule === "reference-invalid").map((finding) => finding.reference)).toEqual(["XX-1a"]);
    });
  });
});

describe("lsp-report rules", () => {
  it("lists every rule id with its default severity and description", async () => {
    const run = await runCli(["rules"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^rule +default +what it reports$/);
    for (const rule of RULES) {
      const line = lines.find((text) => text.split(/\s+/)[0] === rule.id);
      expect(line, rule.id).toBeDefined();
      expect(line!.split(/\s+/)[1]).toBe(rule.severity);
      expect(line).toContain(rule.description);
    }
    for (const id of [
      "rag-invalid", "rag-missing", "rag-mismatch", "rag-without-data", "overall-rating-missing", "overall-rating-mismatch",
      "direction-mismatch", "unit-mismatch", "target-missing", "field-missing", "reference-invalid", "theme-placeholder",
      "period-mismatch", "duplicate-reference", "timescale-unparsed", "action-overdue", "html-residue", "result-not-reported",
      "input-unreadable", "no-report-found",
    ]) {
      expect(RULE_IDS).toContain(id);
      expect(lines.some((text) => text.startsWith(`${id} `))).toBe(true);
    }
    expect(lines.find((text) => text.startsWith("rag-mismatch "))!.split(/\s+/)[1]).toBe("error");
  });

  it("lists them as JSON with --json", async () => {
    const run = await runCli(["rules", "--json"]);
    expect(run.code).toBe(0);
    const rules = JSON.parse(run.stdout) as { id: string; severity: string; description: string; docs: string }[];
    expect(rules.map((rule) => rule.id)).toEqual([...RULE_IDS]);
    for (const rule of rules) {
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(rule.description.length).toBeGreaterThan(0);
      expect(rule.docs.length).toBeGreaterThan(rule.description.length);
    }
  });

  it("explains one rule with its severity, description and example", async () => {
    const run = await runCli(["rules", "rag-mismatch"]);
    expect(run.code).toBe(0);
    const rule = RULES.find((candidate) => candidate.id === "rag-mismatch")!;
    expect(run.stdout.split("\n")[0]).toBe("rag-mismatch (default: error; checks each update)");
    expect(run.stdout).toContain(rule.description);
    expect(run.stdout).toContain(rule.docs);
  });

  it("exits 2 for a rule that does not exist", async () => {
    const run = await runCli(["rules", "nope"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('lsp-report: no rule "nope"; lsp-report rules lists them\n');
  });

  it("suggests the nearest rule id for a mistyped one", async () => {
    const run = await runCli(["rules", "rag-mismach"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lsp-report: no rule "rag-mismach" \(did you mean rag-mismatch\?\)/);
  });
});
