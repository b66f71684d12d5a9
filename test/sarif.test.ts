/**
 * `validate --format sarif`: valid against the official SARIF 2.1.0 schema (OASIS's file,
 * unmodified, in fixtures/schemas), one result per finding, every rule described, and the place
 * of each finding as logical locations, since a Word file has no lines.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import type { ValidateOutput } from "../src/schema/findings.js";
import { RULES } from "../src/validate/rules/index.js";
import { runCli } from "./helpers/cli.js";

// CommonJS modules that export their function as `default` too.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

const SCHEMA = resolve(__dirname, "..", "fixtures", "schemas", "sarif-schema-2.1.0.json");

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } }; logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[] }[];
}
interface Sarif {
  version: string;
  runs: { tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[] } }; results: SarifResult[] }[];
}

const SEEDS = [
  ["the text seeds", ["fixtures/seeds"]],
  ["the .docx renderings", ["fixtures/docx/q2-2008-09.docx", "fixtures/docx/q4-2008-09.docx"]],
] as const;

describe.each(SEEDS)("SARIF of %s", (_name, inputs) => {
  let sarif: Sarif;
  let findings: ValidateOutput;
  beforeAll(async () => {
    const run = await runCli(["validate", ...inputs, "--format", "sarif"]);
    expect(run.code).toBe(1);
    sarif = JSON.parse(run.stdout) as Sarif;
    findings = JSON.parse((await runCli(["validate", ...inputs, "--format", "json"])).stdout) as ValidateOutput;
  });

  it("validates against the SARIF 2.1.0 schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")) as object);
    const valid = validate(sarif);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
    expect(valid).toBe(true);
  });

  it("has one result per finding, in order, with its rule, level and message", () => {
    const all = findings.files.flatMap((file) => file.findings);
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(all.length);
    const level = { error: "error", warning: "warning", info: "note" };
    results.forEach((result, index) => {
      expect(result.ruleId).toBe(all[index]!.rule);
      expect(result.level).toBe(level[all[index]!.severity]);
      expect(result.message.text.startsWith(all[index]!.message)).toBe(true);
      expect(sarif.runs[0]!.tool.driver.rules[result.ruleIndex!]!.id).toBe(result.ruleId);
      const uri = result.locations[0]!.physicalLocation!.artifactLocation.uri;
      expect(uri).toBe(all[index]!.source.split("/").map(encodeURIComponent).join("/"));
      expect(result.locations[0]!.physicalLocation!.region?.startLine).toBe(all[index]!.location?.line);
    });
  });

  it("describes every rule: id, descriptions, the help of `lsp-report rules <id>`, default level", () => {
    const driver = sarif.runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: "lsp-report", version: expect.stringMatching(/^\d+\.\d+\.\d+/), informationUri: expect.stringMatching(/^https:\/\//) });
    expect(driver.rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    for (const [index, rule] of driver.rules.entries()) {
      expect(rule.shortDescription.text).toBe(RULES[index]!.description);
      expect(RULES[index]!.docs.startsWith(rule.fullDescription.text)).toBe(true);
      expect(rule.help.text).toContain(RULES[index]!.docs);
      expect(rule.help.text).toContain(`lsp-report rules ${rule.id}`);
      expect(rule.defaultConfiguration.level).toBe({ error: "error", warning: "warning", info: "note" }[RULES[index]!.severity]);
    }
  });

  it("names the update, indicator and column of the NI 187 rating", () => {
    const tp1d = sarif.runs[0]!.results.find((result) => result.ruleId === "rag-mismatch")!;
    const logical = tp1d.locations[0]!.logicalLocations!;
    expect(logical.map((location) => location.kind)).toEqual(["module", "object", "element"]);
    expect(logical[0]!.name).toBe("TP-1d");
    expect(logical[1]!.fullyQualifiedName).toBe("TP-1d › NI 187");
    expect(logical[2]!.name).toMatch(/^RAG Rating /);
    expect(tp1d.message.text).toMatch(/at TP-1d › NI 187 › RAG Rating /);
  });
});

describe("SARIF artifact locations", () => {
  it("are relative to the working folder, percent-encoded, and absolute file URIs outside it", async () => {
    const { artifactLocation } = await import("../src/emit/findings/sarif.js");
    expect(artifactLocation("reports/q2 final%.docx", "/work")).toEqual({ uri: "reports/q2%20final%25.docx", uriBaseId: "%SRCROOT%" });
    expect(artifactLocation("/work/reports/q2.docx", "/work")).toEqual({ uri: "reports/q2.docx", uriBaseId: "%SRCROOT%" });
    expect(artifactLocation("../elsewhere/q2.docx", join("/work", "repo"))).toEqual({ uri: "file:///work/elsewhere/q2.docx" });
  });
});
