/**
 * JUnit XML for CI dashboards: a test suite per input file and a test case per update, failing
 * when the update has an error. Warnings and infos go to the case's system-out. An input that
 * could not be read is a case with an <error>.
 */
import type { Finding, ValidateOutput } from "../../schema/findings.js";
import { locationText } from "../../model/location.js";
import { xmlText as xml } from "../xml-text.js";


/** "error: line 234 cell 7: NI 187: … (rag-mismatch) at TP-1d › NI 187 › RAG Rating "Amber"" */
function line(finding: Finding): string {
  const location = locationText(finding.location);
  const place = finding.place ? ` at ${finding.place}` : "";
  return `${finding.severity}: ${location ? `${location}: ` : ""}${finding.message} (${finding.rule})${place}`;
}

interface Case {
  name: string;
  findings: Finding[];
}

function testCase(classname: string, testcase: Case): { text: string; failed: boolean; errored: boolean } {
  const errors = testcase.findings.filter((finding) => finding.severity === "error");
  const unreadable = errors.filter((finding) => finding.rule === "input-unreadable");
  const failures = errors.filter((finding) => finding.rule !== "input-unreadable");
  const others = testcase.findings.filter((finding) => finding.severity !== "error");
  const parts: string[] = [];
  for (const finding of unreadable) parts.push(`      <error type="${xml(finding.rule)}" message="${xml(finding.message)}">${xml(line(finding))}</error>`);
  const [first] = failures;
  if (first) {
    const message = failures.length === 1 ? first.message : `${failures.length} errors; first: ${first.message}`;
    parts.push(`      <failure type="${xml(first.rule)}" message="${xml(message)}">${xml(failures.map(line).join("\n"))}</failure>`);
  }
  if (others.length > 0) parts.push(`      <system-out>${xml(others.map(line).join("\n"))}</system-out>`);
  const open = `    <testcase classname="${xml(classname)}" name="${xml(testcase.name)}"`;
  const text = parts.length > 0 ? `${open}>\n${parts.join("\n")}\n    </testcase>` : `${open}/>`;
  return { text, failed: failures.length > 0, errored: unreadable.length > 0 };
}

/**
 * @param updates every update checked, per input path ("HM-1a 2008/09 Q2"), so that a clean
 * update is a passing test case rather than missing.
 */
export function formatJunit(output: ValidateOutput, updates: Map<string, string[]> = new Map()): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const file of output.files) {
    const cases = new Map<string, Case>();
    for (const name of updates.get(file.path) ?? []) cases.set(name, { name, findings: [] });
    for (const finding of file.findings) {
      const name = finding.reference === null ? "(the file as a whole)" : `${finding.reference || "(no reference)"} ${finding.year ?? ""} Q${finding.quarter ?? ""}`.replace(/\s+/g, " ");
      if (!cases.has(name)) cases.set(name, { name, findings: [] });
      cases.get(name)!.findings.push(finding);
    }
    if (cases.size === 0) cases.set("(the file as a whole)", { name: "(the file as a whole)", findings: [] });
    const results = [...cases.values()].map((testcase) => testCase(file.path, testcase));
    const suiteFailures = results.filter((result) => result.failed).length;
    const suiteErrors = results.filter((result) => result.errored).length;
    tests += results.length;
    failures += suiteFailures;
    errors += suiteErrors;
    suites.push(
      `  <testsuite name="${xml(file.path)}" tests="${results.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0">\n${results.map((result) => result.text).join("\n")}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="lsp-report validate" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join("\n")}\n</testsuites>\n`;
}
