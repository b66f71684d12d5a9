/**
 * Any template (issue 12): headers worded as other councils word them read exactly as the
 * seed's own. Each variant rewrites the header rows of both seeds with synonyms and must give
 * the same records, field by field (only the progress column's header, kept as written, differs).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../src/index.js";
import { HEADER_FIELDS } from "../src/parse/headers.js";
import { HeaderField } from "../src/schema/config.js";
import type { Report } from "../src/schema/records.js";
import { validate } from "../src/validate/index.js";
import type { Finding } from "../src/schema/findings.js";
import { runCli } from "./helpers/cli.js";

const SEEDS = ["fixtures/seeds/000_ebda395ebee889b1.txt", "fixtures/seeds/001_6f959b4cb1bc6ca1.txt"].map((path) => ({ path, text: readFileSync(path, "utf8") }));

/** Header wordings of the Leeds templates, and how other templates word the same field. */
const SYNONYMS: Record<"priority" | "indicators" | "actions", Record<string, string[]>> = {
  priority: {
    "Improvement Priority": ["Priority", "Improvement Priority Title", "Priority Title", "Title"],
    "Lead Officer": ["Lead officer(s)", "Responsible Officer", "Accountable Officer", "Lead"],
    Organisation: ["Lead Organisation", "Organisation(s)", "Lead Agency", "Organization"],
    "Overall Progress Rating": ["RAG Status", "Overall Status", "Overall RAG", "Overall Rating"],
    "Direction of Travel": ["DoT", "Direction", "Trend", "Direction of travel"],
  },
  indicators: {
    "PI Ref": ["PI", "Performance Indicator", "Measure", "NI Ref", "Indicator"],
    Definition: ["Description", "Indicator Description", "PI Definition", "Title"],
    Comments: ["Commentary", "Notes", "Performance Commentary", "Comment"],
    Baseline: ["Base line", "Baseline Position", "Baseline (2007/08)", "BASELINE"],
    "2008/09 Target": ["Target 2008/09", "Target for 2008/09", "2008/09 LAA Target", "Target 2008-09"],
    Target: ["Annual Target", "Target for the year", "Year End Target", "Targets"],
    "2009/10 Target": ["Target 2009/10", "Target for 2009/10", "2009/10 LAA Target", "Target 2009-10"],
    "2010/11 Target": ["Target 2010/11", "Target for 2010/11", "2010/11 LAA Target", "Target 2010-11"],
    "Year to Date Performance": ["Year to date result", "Result to date", "Q2 Result", "Actual", "Performance to date"],
    "2008/09 Year end Result": ["Year End Result", "2008/09 Outturn", "Outturn", "Actual", "Result"],
    "RAG Rating": ["RAG", "RAG Status", "Status", "Rating", "Traffic Light"],
    "Data Quality": ["DQ", "Data Quality Issues", "Data quality comments", "data quality"],
  },
  actions: {
    "Improvement priority progress": ["Progress", "Progress to date", "Update", "Progress Update"],
    "Progress as at 31st March 2009": ["Progress to date", "Progress", "Update", "Achievements"],
    "Risk / Challenges": ["Risks", "Challenges", "Risks and Issues", "Issues"],
    "Key Actions": ["Actions", "Key Milestones", "Planned Actions", "Milestones"],
    "Next Steps / Future Milestones for Q1 & Q2 2009/10": ["Next Steps", "Milestones", "Key Actions", "Future Milestones"],
    "Contributory Officer": ["Responsible Officer", "Lead Officer", "Officer", "Action Owner"],
    Timescale: ["Deadline", "Due Date", "Target Date", "By when"],
    "Other Information": ["Other", "Additional Information", "Notes", "Comments"],
  },
};

/** Which table a header row opens, by its first cell as the seeds write it. */
function tableOf(line: string): keyof typeof SYNONYMS | null {
  if (line.startsWith("Improvement Priority\tLead Officer")) return "priority";
  if (line.startsWith("PI Ref\t")) return "indicators";
  if (/^(?:Improvement priority progress|Progress as at 31st March 2009)\t/.test(line)) return "actions";
  return null;
}

/** The seed with every header row reworded: the n-th synonym of each header it knows. */
function reworded(text: string, variant: number): { text: string; changed: number } {
  let changed = 0;
  const lines = text.split("\n").map((line) => {
    const table = tableOf(line);
    if (!table) return line;
    return line
      .split("\t")
      .map((cell) => {
        const synonyms = SYNONYMS[table][cell.trim()];
        if (!synonyms) return cell;
        changed++;
        return synonyms[variant % synonyms.length];
      })
      .join("\t");
  });
  return { text: lines.join("\n"), changed };
}

/** Records without what legitimately differs: the headers as written (the progress column's, and each cell's column). */
function withoutHeaders(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, entry: unknown) => (key === "progressHeading" || key === "column" ? undefined : entry))) as unknown;
}
const records = (report: Report) => withoutHeaders(report.priorities);

describe("headers worded as other councils word them", () => {
  it.each([0, 1, 2, 3, 4])("variant %i reads exactly as the seeds, field by field", async (variant) => {
    for (const seed of SEEDS) {
      const { text, changed } = reworded(seed.text, variant);
      expect(changed).toBeGreaterThan(50);
      const [original, variantReport] = await Promise.all([parseBytes(Buffer.from(seed.text), seed.path), parseBytes(Buffer.from(text), seed.path)]);
      const before = records(original) as { reference: string }[];
      const after = records(variantReport) as { reference: string }[];
      expect(after.map((priority) => priority.reference)).toEqual(before.map((priority) => priority.reference));
      before.forEach((priority, index) => expect(after[index], `${priority.reference} in variant ${variant}`).toEqual(priority));
      // And they are judged the same.
      const findings = (report: Report) => validate([report]).map((finding) => [finding.rule, finding.reference, finding.indicator, finding.location?.line]);
      expect(findings(variantReport)).toEqual(findings(original));
    }
  });

  it("a header no synonym knows is named by unrecognised-content, and read once mapped under \"headers\"", async () => {
    const seed = SEEDS[0]!.text;
    const text = seed.replace("PI Ref\tDefinition\tComments\tBaseline\t2008/09 Target\tYear to Date Performance\tRAG Rating\tData Quality\nNI 187", "PI Ref\tDefinition\tComments\tBaseline\t2008/09 Target\tSo far\tRAG Rating\tData Quality\nNI 187");
    expect(text).not.toBe(seed);
    const unmapped = await parseBytes(Buffer.from(text), "q2.txt");
    const tp1d = (report: Report) => report.priorities.find((priority) => priority.reference === "TP-1d")!;
    expect(tp1d(unmapped).indicators[0]!.result.value).toBeNull();
    const named = validate([unmapped]).filter((finding) => finding.rule === "unrecognised-content");
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({ reference: "TP-1d", location: { line: 233 }, data: { header: "So far", table: "PI" } });

    const mapped = await parseBytes(Buffer.from(text), "q2.txt", { headers: { "SO FAR": "indicator.result" } });
    expect(withoutHeaders(tp1d(mapped).indicators)).toEqual(withoutHeaders(tp1d(await parseBytes(Buffer.from(seed), "q2.txt")).indicators));
    expect(validate([mapped]).filter((finding) => finding.rule === "unrecognised-content")).toEqual([]);
  });

  it("validate reads \"headers\" from lsp-report.config.json, and says which field a mistyped one meant", async () => {
    const folder = mkdtempSync(join(tmpdir(), "lsp-report-headers-"));
    const text = SEEDS[0]!.text.replace("PI Ref\tDefinition\tComments\tBaseline\t2008/09 Target\tYear to Date Performance\tRAG Rating\tData Quality\nNI 187", "PI Ref\tDefinition\tComments\tBaseline\t2008/09 Target\tSo far\tRAG Rating\tData Quality\nNI 187");
    writeFileSync(join(folder, "q2.txt"), text);
    const rules = (stdout: string) => (JSON.parse(stdout) as { files: { findings: Finding[] }[] }).files[0]!.findings.filter((finding) => finding.reference === "TP-1d").map((finding) => finding.rule);
    expect(rules((await runCli(["validate", "q2.txt", "-f", "json"], { cwd: folder })).stdout)).toContain("unrecognised-content");
    writeFileSync(join(folder, "lsp-report.config.json"), JSON.stringify({ headers: { "So far": "indicator.result" } }));
    expect(rules((await runCli(["validate", "q2.txt", "-f", "json"], { cwd: folder })).stdout)).toEqual(["rag-mismatch"]);
    writeFileSync(join(folder, "lsp-report.config.json"), JSON.stringify({ headers: { "So far": "indicator.reslt" } }));
    const bad = await runCli(["validate", "q2.txt"], { cwd: folder });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/headers\.So far: "indicator\.reslt" is not a field \(did you mean indicator\.result\?\)/);
  });

  it("the configuration's header fields are the fields the parser knows", () => {
    expect([...HeaderField.options].sort()).toEqual([...HEADER_FIELDS].sort());
  });
});
